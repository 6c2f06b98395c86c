"""The saves of one change held back and written together, all or nothing.

ShardedStore (journal/store/files.py) takes this in: a change made inside ``all_or_nothing``
stages each file's new bytes here instead of writing them, and at its end they are written
through one commit file (journal/store/commit.py), or, for the common save of one file, its
record in the undo history first and then the file.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from journal.store.commit import CommitLog, put
from journal.store.disk import Unsynced, read_file

Staged = dict[Path, tuple[dict[str, dict[str, Any]] | None, bytes | None, bool]]
"""A change's saves not yet written: each file's tables (None for a file that is not one
of the store's), its bytes (None to remove it), and whether it is the change's own record
(in the undo history) rather than part of the journal."""


class Staging:
    """What a store needs to make a change all or nothing; the store says how a file it
    wrote is remembered (``written``) and forgotten (``forget``)."""

    commits: CommitLog
    _held: threading.local
    """Per thread: how deep in the store's lock it is, the files checked since it took it,
    and the saves of an ``all_or_nothing`` change waiting to be written together."""

    def _depth(self) -> int:
        return getattr(self._held, "depth", 0)

    def holding(self) -> bool:
        """Whether this thread holds the lock (changes are made only then)."""
        return self._depth() > 0

    def written(self, path: Path, tables: dict[str, dict[str, Any]], raw: bytes) -> None:
        """``path`` now holds exactly ``tables`` (as ``raw``)."""
        raise NotImplementedError

    def forget(self, path: Path) -> None:
        """Whatever is known of ``path`` is read afresh next time."""
        raise NotImplementedError

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
    def joined(self, change: Staging) -> Iterator[None]:
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
                _record_then_write(records, files)
        except BaseException:
            for path in staged:  # whatever is on disk now, it is read afresh
                self.forget(path)
            raise
        for path, (tables, raw, _) in staged.items():
            if tables is not None and raw is not None:
                self.written(path, tables, raw)


def _record_then_write(records: dict[Path, bytes | None], files: dict[Path, bytes | None]) -> None:
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
