"""The saves of one change held back and written together, all or nothing.

ShardedStore (journal/store/files.py) takes this in: a change made inside ``all_or_nothing``
stages each file's new bytes here instead of writing them, and at its end they are written
through one commit file (journal/store/commit.py), or through the change's own record in the
undo history when that describes every file (journal/store/change_mark.py), or, for the common
save of one file, its record in the undo history first and then the file.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from journal.store.change_mark import ChangeMark
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
    marks: ChangeMark | None
    """For a journal with an undo history: changes its records describe are made through
    them."""
    _held: threading.local
    """Per thread: how deep in the store's lock it is, the files checked since it took it,
    the saves of an ``all_or_nothing`` change waiting to be written together, and the
    record in the history that describes them."""

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

    def describe(self, record: Path, files: frozenset[Path]) -> None:
        """The change being made is recorded in ``record`` (a file of the undo history, staged
        with it), which holds every record it touches in ``files`` before and after: enough
        to finish the change from, should it be cut short."""
        if self._staged() is None:
            raise RuntimeError("only a change being made is described")
        self._held.described = (record, files)

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
        """The saves made inside are written together when it ends, all or none of them.
        Needs the lock; nests."""
        if not self.holding():
            raise RuntimeError("a change can only be made while the lock is held")
        if self._staged() is not None:
            yield
            return
        staged: Staged = {}
        self._held.staged = staged
        try:
            yield
            described = getattr(self._held, "described", None)
        finally:
            self._held.staged = self._held.described = None
        self._write_together(staged, described)

    def _write_together(
        self, staged: Staged, described: tuple[Path, frozenset[Path]] | None
    ) -> None:
        """Several files of the journal: through the change's record in the history when it
        describes them all, else through a commit file. One file (the common save: one
        year's days) needs neither: its record in the history is written first, then the
        file. A crash between them leaves the journal exactly as it was, and a record of a
        change that never happened, which undo passes over (it finds nothing to put back)."""
        if not staged:
            return
        records = {p: raw for p, (_, raw, record) in staged.items() if record}
        files = {p: raw for p, (_, raw, record) in staged.items() if not record}
        try:
            if len(files) > 1:
                if not self._through_record(described, records, files):
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

    def _through_record(
        self,
        described: tuple[Path, frozenset[Path]] | None,
        records: dict[Path, bytes | None],
        files: dict[Path, bytes | None],
    ) -> bool:
        """Made through the change's record in the history (journal/store/change_mark.py),
        when it is the one record written here (others only pruned) and describes every file:
        ``also`` in JournalFiles.commit may add others (a backup's comments), and changes
        made inside one outer change write several records."""
        if described is None or self.marks is None:
            return False
        record, covered = described
        data = records.get(record)
        alone = all(raw is None for path, raw in records.items() if path != record)
        if data is None or not alone or not files.keys() <= covered:
            return False
        pruned = {path: raw for path, raw in records.items() if path != record}
        return self.marks.apply(record, data, files, pruned)


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
