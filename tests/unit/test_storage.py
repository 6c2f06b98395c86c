"""The storage on real files: valid TinyDB documents, atomic saves, loud refusal of bad files."""

from __future__ import annotations

import datetime as dt
import os
import stat
import threading
from collections.abc import Callable
from pathlib import Path

import msgspec
import pytest
from tinydb import TinyDB

from journal.app.home import Home
from journal.app.service import JournalService
from journal.errors import CorruptFile, JournalError, NewerSchema
from journal.model import SCHEMA_VERSION, Entry, Promise
from journal.store import files as storage
from journal.store.files import AtomicStorage, PlainCodec, ReadCache, ShardedStore
from tests.disk_faults import failing

DAY = dt.date(2026, 3, 4)
OTHER_YEAR_DAY = dt.date(2025, 6, 1)


KINDS = ("entries", "promises")


def shard(home: Path, kind: str = "entries", year: int = 2026) -> Path:
    return home / "journal" / f"{kind}-{year}.json"


def stored_tables(path: Path) -> set[str]:
    """The names of the tables one file holds, straight from its JSON."""
    data = msgspec.json.decode(path.read_bytes())
    assert isinstance(data, dict)
    return set(data)


def journal_files(home: Path) -> set[str]:
    """The journal folder's files, and anything in its history but the changes kept there:
    no temp file may be left in either."""
    folder = home / "journal"
    return {
        str(p.relative_to(folder))
        for p in folder.rglob("*")
        if p.name != "history" and not (p.parent.name == "history" and p.stem.isdigit())
    }


def plain_tinydb_rows(path: Path, table: str) -> list[dict[str, object]]:
    """Read with TinyDB's own default storage, as any other tool would."""
    db = TinyDB(path)
    try:
        return [dict(row) for row in db.table(table).all()]
    finally:
        db.close()


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def svc(home: Path) -> JournalService:
    return Home(home, today=lambda: DAY).journal


# ----- the file format -----------------------------------------------------------------------


def test_nothing_is_created_until_something_is_saved(home: Path, svc: JournalService) -> None:
    """Opening or listing an empty journal must not create folders in a person's data dir."""
    assert svc.entries() == [] and svc.open_promises() == []
    assert svc.entry(DAY) is None
    assert not home.exists()


def test_shard_is_a_valid_default_tinydb_document(home: Path, svc: JournalService) -> None:
    """Other tools (and a future Coach) can open the journal with plain TinyDB."""
    svc.set_intent(DAY, "be on time")
    svc.add_promise(DAY, "send notes", "commitment", to="Ana")
    entries = plain_tinydb_rows(shard(home, "entries"), "entries")
    promises = plain_tinydb_rows(shard(home, "promises"), "promises")
    assert [e["intent"] for e in entries] == ["be on time"]
    assert [p["text"] for p in promises] == ["send notes"]
    for kind in KINDS:
        assert stored_tables(shard(home, kind)) == {kind, "meta"}, "each file holds its own kind"
        assert plain_tinydb_rows(shard(home, kind), "meta") == [{"schema": SCHEMA_VERSION}]


def test_file_written_by_plain_tinydb_is_read(home: Path, svc: JournalService) -> None:
    """A file without our meta table (e.g. written by TinyDB directly) still opens and saves."""
    path = shard(home)
    path.parent.mkdir(parents=True)
    row = {
        "id": "c" * 32,
        "date": DAY.isoformat(),
        "created": "2026-03-04T08:00:00+00:00",
        "updated": "2026-03-04T08:00:00+00:00",
        "intent": "from elsewhere",
    }
    path.write_text(msgspec.json.encode({"entries": {str(DAY.toordinal()): row}}).decode())
    entry = svc.entry(DAY)
    assert entry is not None and entry.intent == "from elsewhere"
    svc.add_tags(DAY, ["imported"])
    assert plain_tinydb_rows(path, "entries")[0]["tags"] == ["imported"]


def test_one_file_per_year(home: Path, svc: JournalService) -> None:
    svc.set_intent(OTHER_YEAR_DAY, "old")
    svc.set_intent(DAY, "new")
    assert svc.years() == [2025, 2026]
    assert [r["intent"] for r in plain_tinydb_rows(shard(home, year=2025), "entries")] == ["old"]
    assert [r["intent"] for r in plain_tinydb_rows(shard(home, year=2026), "entries")] == ["new"]


def test_shard_permissions_are_private(home: Path, svc: JournalService) -> None:
    """A journal is personal: other users on the machine must not be able to read it."""
    svc.set_intent(DAY, "first")
    svc.set_intent(DAY, "second")
    svc.add_promise(DAY, "first", "commitment")
    svc.add_promise(DAY, "second", "commitment")
    for kind in KINDS:
        assert stat.S_IMODE(shard(home, kind).stat().st_mode) == 0o600


def test_no_temp_files_left_after_saves(home: Path, svc: JournalService) -> None:
    svc.set_intent(DAY, "a")
    svc.add_help(DAY, "Ana")
    svc.add_promise(DAY, "p", "commitment")
    svc.set_intent(OTHER_YEAR_DAY, "b")
    assert journal_files(home) == {
        "entries-2025.json",
        "entries-2026.json",
        "promises-2026.json",
        ".lock",
    }


def test_leftover_temp_files_removed_on_next_locked_write(home: Path, svc: JournalService) -> None:
    """A writer killed mid-save leaves a temp file; the next save cleans it up."""
    svc.set_intent(DAY, "before the crash")
    folder = home / "journal"
    leftovers = [folder / ".entries-2026.json.999999.tmp", folder / ".promises-2025.json.4242.tmp"]
    for leftover in leftovers:
        leftover.write_bytes(b'{"entries": {"1": {"half')
    fresh = Home(home).journal
    assert fresh.years() == [2026], "a temp file must never look like a year"
    assert fresh.files.promises.years() == [], "a temp file must never look like a year"
    assert fresh.files.store.years("promises") == [], "a temp file must never look like a year"
    fresh.set_intent(DAY, "after the crash")
    assert not any(p.exists() for p in leftovers)
    assert journal_files(home) == {"entries-2026.json", ".lock"}
    assert plain_tinydb_rows(shard(home), "entries")[0]["intent"] == "after the crash"


# ----- refusing bad files --------------------------------------------------------------------

VALID_ROW = {
    "id": "d" * 32,
    "date": DAY.isoformat(),
    "created": "2026-03-04T08:00:00+00:00",
    "updated": "2026-03-04T08:00:00+00:00",
    "intent": "kept safe",
}
VALID_PROMISE_ROW = {
    "id": "e" * 32,
    "made_on": DAY.isoformat(),
    "text": "kept safe",
    "kind": "commitment",
    "created": "2026-03-04T08:00:00+00:00",
    "updated": "2026-03-04T08:00:00+00:00",
}
VALID_ROWS = {"entries": {str(DAY.toordinal()): VALID_ROW}, "promises": {"1": VALID_PROMISE_ROW}}
VALID_FILES = {
    kind: msgspec.json.encode({kind: rows, "meta": {"1": {"schema": 1}}})
    for kind, rows in VALID_ROWS.items()
}


def corrupt(kind: str) -> dict[str, bytes]:
    """Ways one file of this kind can be damaged."""
    return {
        "garbage": b"\x00\xff\xfenot json at all",
        "truncated": VALID_FILES[kind][: len(VALID_FILES[kind]) // 2],
        "empty": b"",
        "whitespace": b"  \n",
        "json_list": b"[1, 2, 3]",
        "json_null": b"null",
        "table_not_object": b'{"' + kind.encode() + b'": []}',
        "schema_not_int": b'{"meta": {"1": {"schema": "one"}}}',
    }


CORRUPT = [
    pytest.param(kind, data, id=f"{kind}-{name}")
    for kind in KINDS
    for name, data in corrupt(kind).items()
]


def write_shard(home: Path, data: bytes, kind: str = "entries", year: int = 2026) -> Path:
    path = shard(home, kind, year)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def reads_and_saves(svc: JournalService, kind: str) -> list[Callable[[], object]]:
    """Every way the service reads or saves the file of this kind for DAY's year."""
    if kind == "entries":
        return [
            svc.entries,
            lambda: svc.entry(DAY),
            lambda: svc.set_intent(DAY, "overwrite?"),
            lambda: svc.write_bulk([msgspec.convert(VALID_ROW, Entry)], []),
        ]
    return [
        svc.open_promises,
        svc.all_promises,
        lambda: svc.promises_made_on(DAY),
        lambda: svc.follow_up(DAY),
        lambda: svc.add_promise(DAY, "overwrite?", "commitment"),
        lambda: svc.write_bulk([], [msgspec.convert(VALID_PROMISE_ROW, Promise)]),
    ]


@pytest.mark.parametrize(("kind", "data"), CORRUPT)
def test_corrupt_file_is_refused_and_left_untouched(
    home: Path, svc: JournalService, kind: str, data: bytes
) -> None:
    """Coach refuses to guess: the error names the file, and the bytes stay for recovery."""
    path = write_shard(home, data, kind)
    for call in reads_and_saves(svc, kind):
        with pytest.raises(CorruptFile) as info:
            call()
        assert str(path) in str(info.value)
    assert path.read_bytes() == data
    assert journal_files(home) == {path.name, ".lock"}


@pytest.mark.parametrize("kind", KINDS)
def test_newer_schema_is_refused_and_left_untouched(
    home: Path, svc: JournalService, kind: str
) -> None:
    """A file from a newer Coach could hold fields we would silently drop on rewrite."""
    data = msgspec.json.encode({kind: VALID_ROWS[kind], "meta": {"1": {"schema": 99}}})
    path = write_shard(home, data, kind)
    for call in reads_and_saves(svc, kind):
        with pytest.raises(NewerSchema) as info:
            call()
        assert str(path) in str(info.value) and "99" in str(info.value)
    assert path.read_bytes() == data
    assert journal_files(home) == {path.name, ".lock"}


BAD_ROWS = {
    "entries": ({**VALID_ROW, "ratings": {"credibility": 11}}, "ratings.credibility"),
    "promises": ({**VALID_PROMISE_ROW, "due": "someday"}, "due"),
}


@pytest.mark.parametrize("kind", KINDS)
def test_bad_row_names_file_and_field(home: Path, svc: JournalService, kind: str) -> None:
    """A hand-edited value out of range points at the file and the field to fix."""
    bad, field = BAD_ROWS[kind]
    key = next(iter(VALID_ROWS[kind]))
    data = msgspec.json.encode({kind: {key: bad}})
    path = write_shard(home, data, kind)
    with pytest.raises(JournalError) as info:
        svc.entries() if kind == "entries" else svc.all_promises()
    assert str(path) in str(info.value)
    assert field in str(info.value)
    if kind == "entries":
        with pytest.raises(JournalError):
            svc.set_intent(DAY, "overwrite?")
    assert path.read_bytes() == data


def test_corrupt_year_fails_loudly_but_other_years_still_save(
    home: Path, svc: JournalService
) -> None:
    """One damaged year must not stop today's save, nor be hidden from a listing."""
    bad_entries = write_shard(home, b"{broken", "entries", year=2025)
    bad_promises = write_shard(home, b"{broken", "promises", year=2025)
    svc.set_intent(DAY, "today still saves")
    svc.add_promise(DAY, "today's promise still saves", "commitment")
    assert plain_tinydb_rows(shard(home), "entries")[0]["intent"] == "today still saves"
    promises = plain_tinydb_rows(shard(home, "promises"), "promises")
    assert [p["text"] for p in promises] == ["today's promise still saves"]
    with pytest.raises(CorruptFile) as info:
        svc.entries()
    assert str(bad_entries) in str(info.value)
    with pytest.raises(CorruptFile) as info:
        svc.open_promises()
    assert str(bad_promises) in str(info.value)
    assert svc.entries(start=dt.date(2026, 1, 1))[0].intent == "today still saves"
    assert bad_entries.read_bytes() == b"{broken"
    assert bad_promises.read_bytes() == b"{broken"


# ----- failed writes -------------------------------------------------------------------------


def failing_fsync(fd: int) -> None:
    raise OSError(28, "No space left on device")


def test_failed_write_keeps_old_file_and_cache_honest(
    home: Path, svc: JournalService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If the disk fills mid-save, the old file stays, no temp is left, and this process does
    not go on showing the change that never reached the disk."""
    svc.set_intent(DAY, "saved")
    before = shard(home).read_bytes()
    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises((OSError, JournalError)):
        svc.set_intent(DAY, "never saved")
    monkeypatch.undo()
    assert shard(home).read_bytes() == before
    assert journal_files(home) == {"entries-2026.json", ".lock"}
    entry = svc.entry(DAY)
    assert entry is not None and entry.intent == "saved"
    assert svc.entries()[0].intent == "saved"
    svc.set_intent(DAY, "saved again")
    assert Home(home).journal.entries()[0].intent == "saved again"


def test_failed_write_is_reported_as_journal_error(
    home: Path, svc: JournalService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk is something a person can act on: the CLI turns only JournalError into one
    line, so a raw OSError would reach them as a traceback."""
    svc.set_intent(DAY, "saved")
    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(JournalError) as info:
        svc.set_intent(DAY, "never saved")
    assert str(home / "journal") in str(info.value)
    assert "\n" not in str(info.value)


def test_reader_during_a_failed_save_never_sees_the_unsaved_change(
    home: Path, svc: JournalService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The app reads in one worker thread while another saves. Whatever a read returns must be
    on disk: here the read runs while the save is in flight (then the disk fills), and neither
    it nor any later read may show the change that was never saved."""
    svc.set_intent(DAY, "saved")
    seen: list[str] = []

    def read() -> None:
        entry = svc.entry(DAY)
        seen.append(entry.intent if entry else "")
        seen.extend(e.intent for e in svc.entries())

    def read_then_fail(step: str, path: Path) -> bool:
        if step != "write" or "entries-" not in path.name:
            return False
        reader = threading.Thread(target=read)  # as the app's workers read
        reader.start()
        reader.join()
        return True

    with failing(read_then_fail), pytest.raises((OSError, JournalError)):
        svc.set_intent(DAY, "never saved")
    assert seen == ["saved", "saved"]
    entry = svc.entry(DAY)
    assert entry is not None and entry.intent == "saved"
    assert [e.intent for e in svc.entries()] == ["saved"]


def coarse_times(monkeypatch: pytest.MonkeyPatch) -> None:
    """File times in whole seconds (HFS+, ext3, FAT, many network folders): two quick saves
    of the same size can leave a file with the same stat, its inode reused."""
    real = storage.stat_key

    def coarse(path: Path) -> storage.StatKey | None:
        key = real(path)
        return None if key is None else (key[0], key[1], key[2] // 10**9, key[3] // 10**9)

    monkeypatch.setattr(storage, "stat_key", coarse)


def test_a_save_is_built_on_what_another_process_saved_even_with_coarse_file_times(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The app keeps the journal parsed; the CLI saves twice in the same second. The app's
    next save must start from the CLI's, not from its own parsed copy."""
    coarse_times(monkeypatch)
    app, cli = Home(home).journal, Home(home).journal
    app.set_intent(DAY, "aaaa")
    cli.set_intent(DAY, "bbbb")
    cli.set_intent(DAY, "cccc")  # the file gets the app's inode back, same size, same second
    app.rate(DAY, {"credibility": 7})
    saved = Home(home).journal.entry(DAY)
    assert saved is not None
    assert (saved.intent, saved.ratings.credibility) == ("cccc", 7)
    promise = app.add_promise(DAY, "send it", "commitment")
    cli.edit_promise(promise.id, text="post it")
    cli.edit_promise(promise.id, text="mail it")  # same size, same second
    app.resolve_promise(promise.id, "kept", on=DAY)
    (stored,) = Home(home).journal.promises_made_on(DAY)
    assert (stored.text, stored.status) == ("mail it", "kept")


def test_a_process_reads_its_own_save_back_even_with_coarse_file_times(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reads outside the lock go straight into records and are kept by the file's stat; a
    save of the same size in the same second must still be what the next read shows."""
    real = storage.stat_key

    def same_stat(path: Path) -> storage.StatKey | None:
        """As a file system with whole-second times that hands the inode back can leave it."""
        key = real(path)
        return None if key is None else (0, key[1], key[2] // 10**9, key[3] // 10**9)

    monkeypatch.setattr(storage, "stat_key", same_stat)
    journal = Home(home).journal
    journal.set_intent(DAY, "aaaa")
    assert [e.intent for e in journal.year_entries(DAY.year)] == ["aaaa"]  # read, and kept
    journal.set_intent(DAY, "bbbb")
    journal.set_intent(DAY, "cccc")
    assert [e.intent for e in journal.year_entries(DAY.year)] == ["cccc"]
    entry = journal.entry(DAY)
    assert entry is not None and entry.intent == "cccc"


# ----- the storage directly ------------------------------------------------------------------


def test_atomic_storage_round_trip_and_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "2026.json"
    storage = AtomicStorage(path, cache=ReadCache(), codec=PlainCodec())
    assert storage.read() is None
    storage.write({"entries": {"1": {"x": 1}}})
    other = AtomicStorage(path, cache=ReadCache(), codec=PlainCodec())
    assert other.read() == {"entries": {"1": {"x": 1}}, "meta": {"1": {"schema": SCHEMA_VERSION}}}


def test_cache_notices_a_replaced_file(tmp_path: Path) -> None:
    """A long-running app must see saves made by the CLI without restarting."""
    path = tmp_path / "2026.json"
    mine = AtomicStorage(path, cache=ReadCache(), codec=PlainCodec())
    theirs = AtomicStorage(path, cache=ReadCache(), codec=PlainCodec())
    mine.write({"entries": {"1": {"v": "mine"}}})
    assert mine.read() == {
        "entries": {"1": {"v": "mine"}},
        "meta": {"1": {"schema": SCHEMA_VERSION}},
    }
    theirs.write({"entries": {"1": {"v": "theirs"}}, "meta": {"1": {"schema": 1}}})
    data = mine.read()
    assert data is not None and data["entries"]["1"]["v"] == "theirs"


class XorCodec:
    """Stands in for encryption: the bytes on disk are not the JSON."""

    def encode(self, data: bytes) -> bytes:
        return bytes(b ^ 0x5A for b in data)

    def decode(self, data: bytes, where: Path) -> bytes:
        return bytes(b ^ 0x5A for b in data)


def test_codec_wraps_the_bytes_on_disk(tmp_path: Path) -> None:
    """Encryption sits in the codec, so nothing may bypass it on the way to disk."""
    store = ShardedStore(tmp_path / "journal", codec=XorCodec())
    with store.locked():
        edit = store.edit("entries", 2026)
        edit.rows["1"] = {"secret": "hush"}
        edit.save()
    raw = store.shard_path("entries", 2026).read_bytes()
    assert b"hush" not in raw
    fresh = ShardedStore(tmp_path / "journal", codec=XorCodec())
    assert list(fresh.rows("entries", 2026).values()) == [{"secret": "hush"}]
    with pytest.raises(CorruptFile):
        ShardedStore(tmp_path / "journal").rows("entries", 2026)
