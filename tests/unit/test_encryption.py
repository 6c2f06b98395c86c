"""Encryption at rest: every file Coach keeps is an age file the `age` tool opens with the
home's identity, the passphrase unlocks only that identity, nothing readable reaches the disk,
and a wrong key, a cut file or a file from another journal is refused, never shown as empty."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import time
from pathlib import Path
from types import SimpleNamespace

import msgspec
import pytest

from journal.app.checkin import CheckinAnswers, record_checkin
from journal.app.corrections import apply_day_edit, undo
from journal.app.encryption import (
    NEW_PASSPHRASE_FILE,
    PASSPHRASE_FILE,
    change_passphrase,
    decrypt_home,
    encrypt_home,
    stored,
)
from journal.app.home import Home
from journal.app.settings import SettingsChange, change_settings
from journal.app.sharing import create_keys
from journal.day_text import render_day
from journal.day_text_parse import parse_day
from journal.errors import CorruptFile, InvalidInput, JournalError
from journal.parse import PromiseSpec
from journal.store import promise_heads
from journal.store.crypt import AGE_MAGIC
from journal.store.disk import set_fault_hook
from journal.store.promise_heads import KEPT_FILE
from tests.disk_faults import failing
from tests.exports.consumers import program

DAY = dt.date(2026, 3, 4)
CANARY = "CANARY-e41c"
PASSPHRASE = "correct horse battery"


def home(root: Path) -> Home:
    return Home(root, today=lambda: DAY)


def state(root: Path) -> bytes:
    h = home(root)
    j = h.journal
    seen = [j.all_entries(), j.all_promises(), h.settings(), h.keys.read(), j.files.history]
    return msgspec.json.encode([msgspec.to_builtins(x) for x in seen[:4]])


def checkin(root: Path, day: dt.date, words: str) -> None:
    answers = CheckinAnswers(
        day=day,
        intent=f"{words} {CANARY}",
        promises=[PromiseSpec("commitment", f"send the notes {CANARY}", "Ana")],
        reflection=f"line one\n{CANARY} line two",
    )
    record_checkin(home(root).journal, answers)


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("plain") / "home"
    for n in range(3):
        checkin(root, DAY - dt.timedelta(days=400 * n), f"day {n}")
    change_settings(home(root), SettingsChange(show_streak=False))
    create_keys(home(root), "Noor")
    keep_heads(root)
    return root


def keep_heads(root: Path) -> None:
    """Read the open promises and keep each year's heads as the app's warm-up does, as a
    day later (a file changed a moment ago is not kept)."""
    day_later = SimpleNamespace(time_ns=lambda: time.time_ns() + 86_400 * 10**9)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(promise_heads, "time", day_later)
        j = home(root).journal
        j.open_promises()
        j.keep_for_next_run()


@pytest.fixture
def passphrase_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "passphrase"
    path.write_text(PASSPHRASE + "\n")
    monkeypatch.setenv(PASSPHRASE_FILE, str(path))
    return path


@pytest.fixture(scope="module")
def encrypted_base(plain: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("encrypted") / "home"
    shutil.copytree(plain, root)
    encrypt_home(home(root), PASSPHRASE)  # scrypt once per module; unlocking is then cached
    return root


@pytest.fixture
def encrypted(encrypted_base: Path, tmp_path: Path, passphrase_file: Path) -> Path:
    root = tmp_path / "encrypted"
    shutil.copytree(encrypted_base, root)
    return root


def every_byte(*folders: Path) -> bytes:
    return b"".join(p.read_bytes() for f in folders for p in f.rglob("*") if p.is_file())


def test_every_file_is_an_age_file_and_reads_as_before(plain: Path, encrypted: Path) -> None:
    files = stored(home(encrypted))
    assert len(files) >= 9  # three years of days and promises, history, settings, keys
    for path in files:
        assert path.read_bytes().startswith(AGE_MAGIC), path
    assert CANARY.encode() not in every_byte(encrypted)
    assert state(encrypted) == state(plain)


def test_no_promise_heads_are_kept_in_the_clear(plain: Path, encrypted: Path) -> None:
    """The plain journal keeps each year's promise heads (dates) for speed; encrypting it
    removes them, the encrypted journal keeps none, and removes any an app that was open
    during `coach encrypt` saved after it."""
    assert (plain / "journal" / KEPT_FILE).exists()
    assert not (encrypted / "journal" / KEPT_FILE).exists()
    shutil.copy(plain / "journal" / KEPT_FILE, encrypted / "journal")  # an app open meanwhile
    keep_heads(encrypted)
    assert not (encrypted / "journal" / KEPT_FILE).exists()


def test_encrypting_first_finishes_a_change_a_crash_cut_short(
    plain: Path, tmp_path: Path, passphrase_file: Path
) -> None:
    """A check-in whose files could not be put in place is kept by its record in the
    history (and a link to it); encrypting finishes it first, so no plain record stays
    behind and the encrypted journal opens with the check-in in it."""
    root = tmp_path / "home"
    shutil.copytree(plain, root)
    with (
        failing(lambda step, path: step == "rename" and path.name.startswith("promises-")),
        pytest.raises(JournalError, match="finishes it the next time"),
    ):
        checkin(root, DAY + dt.timedelta(days=3), "cut short")
    assert (root / "journal" / "history" / ".unfinished").exists()
    encrypt_home(home(root), PASSPHRASE)
    assert not (root / "journal" / "history" / ".unfinished").exists()
    assert CANARY.encode() not in every_byte(root)
    assert home(root).journal.entry(DAY + dt.timedelta(days=3)) is not None


def test_the_age_tool_opens_any_file_with_the_identity(encrypted: Path, tmp_path: Path) -> None:
    import pyrage

    age = program("age", package="age")
    identity_file = tmp_path / "identity.txt"  # the test's own copy, outside the home
    locked = (encrypted / "encryption" / "identity.age").read_bytes()
    identity_file.write_bytes(pyrage.passphrase.decrypt(locked, PASSPHRASE))
    entries = encrypted / "journal" / f"entries-{DAY.year}.json"
    opened = subprocess.run(
        [age, "--decrypt", "-i", str(identity_file), str(entries)],
        capture_output=True,
        check=True,
    ).stdout
    days = msgspec.json.decode(opened)["entries"].values()
    assert [d["intent"] for d in days] == [f"day 0 {CANARY}"]


def test_a_wrong_passphrase_is_one_line_and_changes_nothing(
    encrypted: Path, passphrase_file: Path
) -> None:
    passphrase_file.write_text("not it\n")
    before = every_byte(encrypted)
    with pytest.raises(InvalidInput, match="^wrong passphrase for .*identity.age; nothing"):
        home(encrypted).journal.all_entries()
    assert every_byte(encrypted) == before


def test_without_a_passphrase_or_a_terminal_it_says_how(
    encrypted: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(PASSPHRASE_FILE)
    with pytest.raises(InvalidInput, match="is encrypted: open it on a terminal"):
        home(encrypted).journal.all_entries()


def test_asking_gives_three_tries(encrypted: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(PASSPHRASE_FILE)
    answers = iter(["nope", "still no", PASSPHRASE])
    prompts: list[str] = []

    def ask(prompt: str) -> str:
        prompts.append(prompt)
        return next(answers)

    opened = Home(encrypted, today=lambda: DAY, ask=ask).journal.all_entries()
    assert len(opened) == 3 and len(prompts) == 3
    assert prompts[1].startswith("That passphrase did not open it")


def test_a_file_from_another_journal_plain_or_cut_is_refused(
    encrypted: Path, plain: Path, tmp_path: Path
) -> None:
    target = encrypted / "journal" / f"entries-{DAY.year}.json"
    other = tmp_path / "other"
    shutil.copytree(encrypted, other)
    encrypt_other = tmp_path / "other-plain"
    shutil.copytree(plain, encrypt_other)
    encrypt_home(home(encrypt_other), "another passphrase")
    cases = {
        "encrypted for another journal's key": encrypt_other / target.relative_to(encrypted),
        "is not encrypted, though this journal is": plain / target.relative_to(encrypted),
    }
    original = target.read_bytes()
    for said, source in cases.items():
        target.write_bytes(source.read_bytes())
        with pytest.raises(CorruptFile, match=said):
            home(encrypted).journal.all_entries()
    target.write_bytes(original[: len(original) // 2])
    with pytest.raises(CorruptFile, match="cannot be decrypted: it is damaged or cut short"):
        home(encrypted).journal.all_entries()
    with pytest.raises(CorruptFile, match="cannot be decrypted"):
        checkin(encrypted, DAY, "never written")
    assert target.read_bytes() == original[: len(original) // 2], "refused, not rewritten"


def test_changing_the_passphrase_rewrites_the_identity_alone(
    encrypted: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = {p: p.read_bytes() for p in stored(home(encrypted))}
    new = tmp_path / "new"
    new.write_text("a new passphrase\n")
    monkeypatch.setenv(NEW_PASSPHRASE_FILE, str(new))
    change_passphrase(home(encrypted), "a new passphrase")
    assert {p: p.read_bytes() for p in stored(home(encrypted))} == before
    with pytest.raises(InvalidInput, match="wrong passphrase"):
        home(encrypted).journal.all_entries()
    monkeypatch.setenv(PASSPHRASE_FILE, str(new))
    assert len(home(encrypted).journal.all_entries()) == 3


def test_decrypting_gives_back_the_plain_journal(plain: Path, encrypted: Path) -> None:
    assert decrypt_home(home(encrypted)) == len(stored(home(plain)))
    assert not (encrypted / "encryption").exists()
    for path in stored(home(encrypted)):
        assert path.read_bytes()[:1] in (b"{", b"["), path
    assert state(encrypted) == state(plain)


def test_no_plaintext_reaches_the_disk_through_edits_undo_or_a_crash(
    encrypted: Path, tmp_path: Path
) -> None:
    """The canary goes into a check-in, an edit of a whole day, an undo, and a save killed
    between its record in the history and its files; every byte under the home stays ciphertext."""
    checkin(encrypted, DAY + dt.timedelta(days=1), "next day")
    j = home(encrypted).journal
    text = render_day(DAY, j.entry(DAY), j.promises_made_on(DAY)).replace("line one", CANARY)
    apply_day_edit(j, DAY, parse_day(text, DAY, DAY, j.entry(DAY), j.promises_made_on(DAY)))
    undo(home(encrypted).journal)

    pid = os.fork()
    if pid == 0:  # killed once its record and mark are whole, before its files are in place
        set_fault_hook(
            lambda step, path: (
                os._exit(77) if step == "write" and "promises-" in path.name else None
            )
        )
        checkin(encrypted, DAY + dt.timedelta(days=2), "killed")
        os._exit(0)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 77
    assert (encrypted / "journal" / "history" / ".unfinished").exists()
    assert CANARY.encode() not in every_byte(encrypted)
    assert home(encrypted).journal.entry(DAY + dt.timedelta(days=2)) is not None
    assert CANARY.encode() not in every_byte(encrypted)


def test_the_keyring_keeps_the_identity_so_the_next_command_need_not_ask(
    encrypted: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import keyring
    from keyring.backend import KeyringBackend

    from journal.store import crypt

    class Backend(KeyringBackend):
        priority = 1  # type: ignore[assignment]
        kept: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.kept.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.kept[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.kept.pop((service, username), None)

    monkeypatch.setattr(keyring, "get_keyring", lambda: Backend())
    monkeypatch.setattr(keyring.core, "_keyring_backend", Backend())
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "memory")
    monkeypatch.delenv(PASSPHRASE_FILE)
    monkeypatch.setattr(crypt, "_unlocked", {})  # a new command: nothing unlocked yet
    asked: list[str] = []

    def ask(prompt: str) -> str:
        asked.append(prompt)
        return PASSPHRASE

    first = Home(encrypted, today=lambda: DAY, ask=ask, use_keyring=True)
    assert len(first.journal.all_entries()) == 3 and len(asked) == 1
    assert [v.startswith("AGE-SECRET-KEY-") for v in Backend.kept.values()] == [True]
    monkeypatch.setattr(crypt, "_unlocked", {})
    later = Home(encrypted, today=lambda: DAY, ask=None, use_keyring=True)
    assert len(later.journal.all_entries()) == 3, "opened from the keyring, nobody asked"
    assert len(asked) == 1
    decrypt_home(later)
    assert Backend.kept == {}, "decrypting forgets the identity"
