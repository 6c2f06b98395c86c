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
(journal/store/commit.py). Bytes pass through a ``Codec`` on their way to and from disk, which
is where encryption sits.
"""

from __future__ import annotations

import contextlib
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import msgspec
from tinydb.storages import Storage

from journal.errors import CorruptFile, JournalBusy, JournalError
from journal.model import SCHEMA_VERSION, check_schema
from journal.store.commit import CommitLog, put
from journal.store.crypt import Codec, PlainCodec
from journal.store.disk import (
    FILE_MODE,
    TEMP_SUFFIX,
    Unsynced,
    atomic_write,
    dangling,
    decode_json,
    make_folder,
    read_file,
    remove,
)

Tables = dict[str, dict[str, Any]]
StatKey = tuple[int, int, int, int]
Staged = dict[Path, tuple[Tables | None, bytes | None, bool]]
"""A change's saves not yet written: each file's tables (None for a file that is not one
of the store's), its bytes (None to remove it), and whether it is the change's own record
(in the undo history) rather than part of the journal."""

META_TABLE = "meta"
SHARD_NAME = re.compile(r"^([a-z]+)-(\d{4})\.json$")
LOCK_TIMEOUT_S = 15.0


class Parsed(msgspec.Struct, frozen=True):
    stat: StatKey
    data: Tables
    digest: bytes | None = None
    """Of the bytes on disk, known once the file was read under the lock (or written): its
    identity when its times are too coarse to tell. Reads outside the lock skip hashing."""


class ReadCache(msgspec.Struct):
    """Parsed files, so an unchanged file is parsed once per process."""

    entries: dict[Path, Parsed] = msgspec.field(default_factory=dict)


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


def unwritable(where: Path, exc: OSError, what: str = "the journal") -> JournalError:
    """Disk full, no permission, a file where a folder should be: say so in one line."""
    reason = exc.strerror or exc.__class__.__name__
    if isinstance(exc, Unsynced):
        return JournalError(
            f"{what} in {where} was saved, but the disk did not confirm it ({reason}); "
            "it may not survive a power cut"
        )
    return JournalError(f"cannot write {what} in {where}: {reason}; nothing was saved")


def decode_tables(path: Path, raw: bytes) -> Tables:
    """Parse and sanity-check one file; refuse rather than guess when anything is off."""
    if not raw.strip():
        raise CorruptFile(f"{path} is empty; Coach left it untouched (restore it from a backup)")
    data = decode_json(path, raw, object)
    if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
        raise CorruptFile(f"{path} is not a TinyDB journal file; Coach left it untouched")
    for row in data.get(META_TABLE, {}).values():
        schema = row.get("schema") if isinstance(row, dict) else None
        if not isinstance(schema, int):
            raise CorruptFile(f"{path} has no readable schema version; Coach left it untouched")
        check_schema(schema, str(path), "open")
    return data


class AtomicStorage(Storage):
    """TinyDB's two-method storage interface over atomic, cached, codec-wrapped files.

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


class ShardedStore:
    """A folder of yearly files behind one lock. Reads need no lock (renames are atomic);
    every change is made through ``edit`` while ``locked`` is held."""

    def __init__(self, root: Path, codec: Codec | None = None) -> None:
        self.root = root
        self.codec: Codec = codec or PlainCodec()
        self.cache = ReadCache()
        self.commits = CommitLog(root)
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
        if not self._settled and not self._depth():
            self.settle()
        names = [p.name for p in self.root.iterdir()] if self.root.is_dir() else []
        names += [p.name for p in self._staged() or ()]  # new files of a change being made
        found = (SHARD_NAME.match(name) for name in names)
        return sorted({int(m.group(2)) for m in found if m and m.group(1) == kind})

    def _storage(self, kind: str, year: int | None) -> AtomicStorage:
        return AtomicStorage(self.shard_path(kind, year), cache=self.cache, codec=self.codec)

    def _depth(self) -> int:
        return getattr(self._held, "depth", 0)

    def holding(self) -> bool:
        """Whether this thread holds the lock (changes are made only then)."""
        return self._depth() > 0

    def load(self, kind: str, year: int | None) -> Parsed | None:
        """One year's file parsed, shared with every reader of this process: never change
        it. Under the lock, what was parsed before is used only once the bytes on disk are
        known to be the same, so a change is always built on what is there."""
        storage = self._storage(kind, year)
        if not self._depth():
            if not self._settled:
                self.settle()
            return storage.load()
        staged = self._staged()
        tables = staged.get(storage.path, (None, b"", False))[0] if staged is not None else None
        if tables is not None:  # saved earlier in the change being made, not yet written
            return Parsed((0, 0, 0, 0), tables)
        checked: set[Path] = self._held.checked
        parsed = storage.load(verify=storage.path not in checked)
        checked.add(storage.path)
        return parsed

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

    def stage(self, path: Path, raw: bytes | None, record: bool = False) -> None:
        """Another file written (or, for None, removed) with the change being made: a coach's
        record of a client, or (``record``) the change's own record in the undo history."""
        staged = self._staged()
        if staged is None:
            raise RuntimeError("a file joins a change only while one is being made")
        staged[path] = (None, raw, record)

    def changing_now(self) -> bool:
        """Whether this thread is making an ``all_or_nothing`` change."""
        return self._staged() is not None

    @contextlib.contextmanager
    def joined(self, change: ShardedStore) -> Iterator[None]:
        """Saves made here (with this store's lock held) become part of the change the other
        store is making, and are written with it."""
        staged = change._staged()
        if staged is None or not self.holding():
            raise RuntimeError("joining needs a change being made and this store's lock")
        self._held.staged = staged
        try:
            yield
        finally:
            self._held.staged = None

    def _staged(self) -> Staged | None:
        staged: Staged | None = getattr(self._held, "staged", None)
        return staged

    @contextlib.contextmanager
    def all_or_nothing(self) -> Iterator[None]:
        """The saves made inside are written together when it ends, all or none of them
        (through a commit file when there are several). Needs the lock; nests."""
        if not self.holding():
            raise RuntimeError("a change can only be made while the lock is held")
        if self._staged() is not None:
            yield
            return
        staged: Staged = {}
        self._held.staged = staged
        try:
            yield
        finally:
            self._held.staged = None
        self._write_together(staged)

    def _write_together(self, staged: Staged) -> None:
        """Several files of the journal: through a commit file. One file (the common save:
        one year's days) needs none: its record in the history is written first, then the
        file. A crash between them leaves the journal exactly as it was, and a record of a
        change that never happened, which undo passes over (it finds nothing to put back)."""
        if not staged:
            return
        records = {p: raw for p, (_, raw, record) in staged.items() if record}
        files = {p: raw for p, (_, raw, record) in staged.items() if not record}
        try:
            if len(files) > 1:
                self.commits.apply({**records, **files})
            else:
                self._record_then_write(records, files)
        except BaseException:
            for path in staged:  # whatever is on disk now, it is read afresh
                self.cache.entries.pop(path, None)
            raise
        for path, (tables, raw, _) in staged.items():
            if tables is not None and raw is not None:
                AtomicStorage(path, cache=self.cache, codec=self.codec).written(tables, raw)

    @staticmethod
    def _record_then_write(
        records: dict[Path, bytes | None], files: dict[Path, bytes | None]
    ) -> None:
        """The history first, then the one file; should the file fail, the history goes back
        to what it was (a crash instead leaves a record undo passes over)."""
        before = {path: read_file(path) for path in records}
        for path, raw in sorted(records.items(), key=lambda pr: pr[1] is None):
            put(path, raw)  # new records first, old ones pruned after
        try:
            for path, raw in files.items():
                put(path, raw)
        except Unsynced:
            raise  # the file is in place: the change was made
        except OSError:
            with contextlib.suppress(OSError):
                for path, raw in before.items():
                    put(path, raw)
            raise

    def stamp(self, kind: str, year: int | None) -> StatKey | None:
        return stat_key(self.shard_path(kind, year))

    @contextlib.contextmanager
    def locked(self) -> Iterator[ShardedStore]:
        """Hold the journal lock for a read-modify-write; files changed meanwhile are re-read.

        Re-entrant, so a command can group several saves under one hold of the lock.
        """
        from filelock import FileLock, Timeout

        try:
            if self._lock is None:
                make_folder(self.root)
                # A short poll keeps a waiting process from queueing behind a busy one for long.
                self._lock = FileLock(
                    self.root / ".lock",
                    timeout=LOCK_TIMEOUT_S,
                    poll_interval=0.005,
                    mode=FILE_MODE,
                )
            lock = self._lock
            lock.acquire()
        except Timeout:
            raise JournalBusy(
                f"another Coach kept {self.root} locked for {LOCK_TIMEOUT_S:.0f}s; try again"
            ) from None
        except OSError as exc:
            raise unwritable(self.root, exc) from None
        depth = self._depth()
        if not depth:
            self._held.checked = set()
        self._held.depth = depth + 1
        try:
            if not depth:
                self._finish_commit()
            if not self._cleaned:
                self._remove_leftovers()
            yield self
        except OSError as exc:
            raise unwritable(self.root, exc) from None
        finally:
            self._held.depth = depth
            lock.release()

    def settle(self) -> None:
        """Before the first read without the lock: a change another process decided and did
        not finish is finished first, so no reader sees half of it."""
        if self.commits.pending():
            with self.locked():
                pass  # taking the lock finishes it
        self._settled = True

    def _finish_commit(self) -> None:
        """Under the lock, each time it is taken: a writer may have died since."""
        if self.commits.pending():
            try:
                finished = self.commits.roll_forward()
            except OSError as exc:
                reason = exc.strerror or exc.__class__.__name__
                raise JournalError(
                    f"cannot finish a change Coach began in {self.root} ({reason}); nothing is "
                    f"lost: it is kept in {self.commits.path} until it can be (make room, or "
                    "allow writing, then run Coach again)"
                ) from None
            for path in finished:
                self.cache.entries.pop(path, None)
        self._settled = True

    def _remove_leftovers(self) -> None:
        """Temp files found while holding the lock belong to a writer that died mid-save."""
        for leftover in self.root.glob(f".*{TEMP_SUFFIX}"):
            with contextlib.suppress(FileNotFoundError):
                remove(leftover)
        self._cleaned = True
