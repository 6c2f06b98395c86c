"""Crash-safe, process-safe, sharded TinyDB storage.

TinyDB's own JSONStorage rewrites its file in place, so a crash mid-write leaves half a journal.
Here every write goes to a temp file in the same folder, is fsynced, atomically renamed over
the old file, and the folder is fsynced: a reader sees the old file or the new one, never a mix.

The journal is one TinyDB document per kind of record and year (``entries-2026.json``,
``promises-2026.json``), so a save rewrites one year of one kind, not ten years of everything,
and finding open promises never parses the entries. Every write happens under one sidecar
lock per journal (filelock), built on a copy of what is on disk (checked byte for byte under
the lock), so two processes never lose each other's writes.

A change that writes several files is made all or nothing through a commit file
(journal/store/commit.py), or through its own record in the undo history
(journal/store/change_mark.py). Bytes pass through a ``Codec`` on their way to and from disk, which
is where encryption sits.
"""

from __future__ import annotations

import contextlib
import re
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import msgspec

from journal.errors import CorruptFile
from journal.model import SCHEMA_VERSION, check_schema
from journal.store.commit import CommitLog
from journal.store.crypt import Codec, PlainCodec
from journal.store.disk import atomic_write, dangling, decode_json, read_file
from journal.store.locking import Locking

Tables = dict[str, dict[str, Any]]
StatKey = tuple[int, int, int, int]

META_TABLE = "meta"
SHARD_NAME = re.compile(r"^([a-z]+)-(\d{4})\.json$")
T = TypeVar("T")


class Parsed(msgspec.Struct, frozen=True):
    stat: StatKey
    data: Tables
    digest: bytes | None = None
    """Of the bytes on disk, known once the file was read under the lock (or written): its
    identity when its times are too coarse to tell. Reads outside the lock skip hashing."""


class ReadCache(msgspec.Struct):
    """Parsed files, so an unchanged file is parsed once per process."""

    entries: dict[Path, Parsed] = msgspec.field(default_factory=dict)
    peeked: dict[tuple[Path, Any], tuple[StatKey, Any]] = msgspec.field(default_factory=dict)
    """Files read straight into records or summaries (``peek``), by file and decoder, with
    the stat they had."""

    def drop_peeks(self, path: Path) -> None:
        """A file this process just wrote or forgot: what was peeked from it must not be
        trusted by its stat alone, which two quick saves can leave unchanged."""
        for key in [k for k in self.peeked if k[0] == path]:
            del self.peeked[key]


def digest(raw: bytes) -> bytes:
    import hashlib  # only when a file is written or checked under the lock, not at start

    return hashlib.blake2b(raw, digest_size=16).digest()


def stat_key(path: Path) -> StatKey | None:
    """Identity of a file's current contents: atomic replace always changes the inode."""
    try:
        st = path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            raise dangling(path) from None
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def decode_tables(path: Path, raw: bytes) -> Tables:
    """Parse and sanity-check one file; refuse rather than guess when anything is off."""
    if not raw.strip():
        raise CorruptFile(f"{path} is empty; Coach left it untouched (restore it from a backup)")
    data = decode_json(path, raw, object)
    if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
        raise CorruptFile(f"{path} is not a TinyDB journal file; Coach left it untouched")
    check_meta(path, data.get(META_TABLE, {}))
    return data


def check_meta(path: Path, meta: dict[str, Any]) -> None:
    """A file written by a newer Coach (or with no version) is refused, never misread."""
    for row in meta.values():
        schema = row.get("schema") if isinstance(row, dict) else None
        if not isinstance(schema, int):
            raise CorruptFile(f"{path} has no readable schema version; Coach left it untouched")
        check_schema(schema, str(path), "open")


class AtomicStorage:
    """TinyDB's two-method storage interface (``read``, ``write``, and its ``close``) over
    atomic, cached, codec-wrapped files. Not a subclass of TinyDB's own Storage: importing
    TinyDB, with the json module under it, is a cost every start would pay for nothing.

    What ``read`` returns is shared with every reader of the cache: callers copy before they
    change anything (ShardedStore.edit does)."""

    def __init__(self, path: Path, *, cache: ReadCache, codec: Codec) -> None:
        self.path = path
        self.cache = cache
        self.codec = codec

    def load(self, verify: bool = False) -> Parsed | None:
        """The file parsed, or None when there is none. An unchanged stat (inode, size,
        times) is trusted unless ``verify``: then the bytes are read and compared, because
        on a file system with coarse times two quick saves can leave the same stat."""
        key = stat_key(self.path)
        if key is None:
            return None
        cached = self.cache.entries.get(self.path)
        if cached is not None and cached.stat == key and not verify:
            return cached
        raw = read_file(self.path)
        if raw is None:
            return None  # removed since its stat was taken
        sum_ = digest(raw) if verify else None
        if cached is not None and sum_ is not None and cached.digest == sum_:
            data = cached.data
        else:
            data = decode_tables(self.path, self.codec.decode(raw, self.path))
        parsed = self.cache.entries[self.path] = Parsed(key, data, sum_)
        return parsed

    def read(self) -> Tables | None:
        parsed = self.load()
        return None if parsed is None else parsed.data

    def encode(self, data: Tables) -> bytes:
        data[META_TABLE] = {"1": {"schema": SCHEMA_VERSION}}  # written by this version
        return self.codec.encode(msgspec.json.encode(data))

    def written(self, data: Tables, raw: bytes) -> None:
        """What is on disk now is exactly ``data``; later edits happen on copies of it."""
        key = stat_key(self.path)
        self.cache.drop_peeks(self.path)
        if key is not None:
            self.cache.entries[self.path] = Parsed(key, data, digest(raw))

    def write(self, data: Tables) -> None:
        raw = self.encode(data)
        atomic_write(self.path, raw)
        self.written(data, raw)


class ShardEdit(msgspec.Struct):
    """One year's file opened for a change under the journal lock: a private copy of its
    tables, so readers sharing the cache never see a change before it is on disk."""

    store: ShardedStore
    storage: AtomicStorage
    tables: Tables
    kind: str

    @property
    def rows(self) -> dict[str, Any]:
        return self.tables.setdefault(self.kind, {})

    def save(self) -> None:
        self.store.save(self)


class ShardedStore(Locking):
    """A folder of yearly files behind one lock. Reads need no lock (renames are atomic);
    every change is made through ``edit`` while ``locked`` is held (journal/store/locking.py),
    and a change of several files is written all or nothing (journal/store/staging.py)."""

    def __init__(self, root: Path, codec: Codec | None = None) -> None:
        self.root = root
        self.codec: Codec = codec or PlainCodec()
        self.cache = ReadCache()
        self.commits = CommitLog(root)
        self.marks = None
        self._cleaned = False
        self._settled = False
        self._lock: Any = None
        self._held = threading.local()
        """Per thread: how deep in ``locked`` it is, the files checked since it took the
        lock (nobody else can change them until it lets go), and the saves of an
        ``all_or_nothing`` change waiting to be written together."""

    def shard_path(self, kind: str, year: int | None) -> Path:
        """``entries-2026.json``; with no year, the one file of a kind (``people.json``)."""
        return self.root / (f"{kind}.json" if year is None else f"{kind}-{year:04d}.json")

    def years(self, kind: str) -> list[int]:
        """Years that have a file of this kind, oldest first."""
        self.settled()
        names = [p.name for p in self.root.iterdir()] if self.root.is_dir() else []
        names += [p.name for p in self._staged() or ()]  # new files of a change being made
        found = (SHARD_NAME.match(name) for name in names)
        return sorted({int(m.group(2)) for m in found if m and m.group(1) == kind})

    def _storage(self, kind: str, year: int | None) -> AtomicStorage:
        return AtomicStorage(self.shard_path(kind, year), cache=self.cache, codec=self.codec)

    def load(self, kind: str, year: int | None) -> Parsed | None:
        """One year's file parsed, shared with every reader of this process: never change
        it. Under the lock, what was parsed before is used only once the bytes on disk are
        known to be the same, so a change is always built on what is there."""
        storage = self._storage(kind, year)
        if not self._depth():
            self.settled()
            return storage.load()
        staged = self._staged()
        tables = staged.get(storage.path, (None, b"", False))[0] if staged is not None else None
        if tables is not None:  # saved earlier in the change being made, not yet written
            return Parsed((0, 0, 0, 0), tables)
        checked: set[Path] = self._held.checked
        parsed = storage.load(verify=storage.path not in checked)
        checked.add(storage.path)
        return parsed

    def peek(
        self,
        kind: str,
        year: int,
        decoder: msgspec.json.Decoder[Any],
        sum_up: Callable[[dict[str, Any]], T],
    ) -> T:
        """One year's file read straight into what ``sum_up`` makes of its rows, and kept
        until the file changes: ``decoder`` reads the file as a struct with a table named
        after ``kind`` (and ``meta``) whose rows are typed records, or heads of a few fields
        (each with ``get``, as a stored row has). No row is built as a dict, so a long
        journal is read faster; a file already parsed (by a save or a check under the lock)
        is summed up from those rows instead.

        A file already parsed is summed up from its stored rows (dicts); under the lock,
        whatever a change must be built on is; a file the decoder cannot read is parsed as
        it always was, which refuses it with the same words."""
        path = self.shard_path(kind, year)
        if self._depth():
            return sum_up(self.rows(kind, year))
        self.settled()
        key = stat_key(path)
        if key is None:
            return sum_up({})
        peeked = self.cache.peeked.get((path, decoder))
        if peeked is not None and peeked[0] == key:
            summed: T = peeked[1]
            return summed
        cached = self.cache.entries.get(path)
        found = None
        if cached is None or cached.stat != key:
            raw = read_file(path)
            with contextlib.suppress(msgspec.DecodeError, UnicodeDecodeError):
                found = decoder.decode(self.codec.decode(raw, path)) if raw else None
        if found is None:
            summed = sum_up(self.rows(kind, year))
        else:
            check_meta(path, found.meta)
            summed = sum_up(getattr(found, kind))
        self.cache.peeked[(path, decoder)] = (key, summed)
        return summed

    def parsed(self, kind: str, year: int) -> bool:
        """Whether the year's stored rows are at hand, parsed and unchanged (always, under
        the lock), as after a save: then picking a few of them costs least."""
        if self._depth():
            return True
        path = self.shard_path(kind, year)
        cached = self.cache.entries.get(path)
        return cached is not None and cached.stat == stat_key(path)

    def peeked(self, kind: str, year: int, decoder: msgspec.json.Decoder[Any]) -> Any:
        """What ``peek`` made of the year's file with ``decoder``, if the file is unchanged
        since; None otherwise (and under the lock)."""
        path = self.shard_path(kind, year)
        hit = None if self._depth() else self.cache.peeked.get((path, decoder))
        return hit[1] if hit is not None and hit[0] == stat_key(path) else None

    def rows(self, kind: str, year: int | None) -> dict[str, Any]:
        """The stored rows of one year's file (never change them): each file holds one table
        named after its kind."""
        parsed = self.load(kind, year)
        table: dict[str, Any] = parsed.data.get(kind, {}) if parsed else {}
        return table

    def edit(self, kind: str, year: int | None) -> ShardEdit:
        """One year's tables as they are on disk, to change and save while the lock is held.

        The copy is shallow: a change replaces whole rows and never edits one in place."""
        if not self.holding():
            raise RuntimeError("a journal file can only be changed while the lock is held")
        parsed = self.load(kind, year)
        current = parsed.data if parsed else {}
        return ShardEdit(
            self, self._storage(kind, year), {name: dict(t) for name, t in current.items()}, kind
        )

    def save(self, edit: ShardEdit) -> None:
        """Written now, or with the rest of an ``all_or_nothing`` change at its end."""
        staged = self._staged()
        if staged is None:
            edit.storage.write(edit.tables)
        else:
            staged[edit.storage.path] = (edit.tables, edit.storage.encode(edit.tables), False)

    def written(self, path: Path, tables: Tables, raw: bytes) -> None:
        AtomicStorage(path, cache=self.cache, codec=self.codec).written(tables, raw)

    def forget(self, path: Path) -> None:
        self.cache.entries.pop(path, None)
        self.cache.drop_peeks(path)

    def stamp(self, kind: str, year: int | None) -> StatKey | None:
        return stat_key(self.shard_path(kind, year))
