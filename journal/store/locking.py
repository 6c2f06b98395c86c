"""One journal folder's lock: every change is a read-modify-write under it, and whoever takes
it first finishes a change another process decided and did not complete.

ShardedStore (journal/store/files.py) takes this in. The lock is a sidecar file
(``.lock``, filelock), re-entrant within a thread, so a command can group several saves
under one hold of it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Self

from journal.errors import JournalBusy, JournalError
from journal.store.disk import FILE_MODE, TEMP_SUFFIX, Unsynced, make_folder, remove
from journal.store.staging import Staging

LOCK_TIMEOUT_S = 15.0


def unwritable(where: Path, exc: OSError, what: str = "the journal") -> JournalError:
    """Disk full, no permission, a file where a folder should be: say so in one line."""
    reason = exc.strerror or exc.__class__.__name__
    if isinstance(exc, Unsynced):
        return JournalError(
            f"{what} in {where} was saved, but the disk did not confirm it ({reason}); "
            "it may not survive a power cut"
        )
    return JournalError(f"cannot write {what} in {where}: {reason}; nothing was saved")


class Locking(Staging):
    """Taking and letting go of the folder's lock, and settling the folder before reads."""

    root: Path
    _lock: Any
    _cleaned: bool
    _settled: bool

    @contextlib.contextmanager
    def locked(self) -> Iterator[Self]:
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
        if self.commits.pending() or (self.marks is not None and self.marks.pending()):
            with self.locked():
                pass  # taking the lock finishes it
        self._settled = True

    def settled(self) -> None:
        """Settled before this process's first read without the lock (``settle``)."""
        if not self._settled and not self._depth():
            self.settle()

    def _finish_commit(self) -> None:
        """Under the lock, each time it is taken: a writer may have died since."""
        if self.commits.pending():
            try:
                finished = self.commits.roll_forward()
            except OSError as exc:
                raise self._cannot_finish(exc, self.commits.path) from None
            for path in finished:
                self.forget(path)
        if self.marks is not None and self.marks.pending():
            try:
                self.marks.finish()
            except OSError as exc:
                raise self._cannot_finish(exc, self.marks.path) from None
        self._settled = True

    def _cannot_finish(self, exc: OSError, kept: Path) -> JournalError:
        reason = exc.strerror or exc.__class__.__name__
        return JournalError(
            f"cannot finish a change Coach began in {self.root} ({reason}); nothing is lost: "
            f"it is kept in {kept} until it can be (make room, or allow writing, then run "
            "Coach again)"
        )

    def _remove_leftovers(self) -> None:
        """Temp files found while holding the lock belong to a writer that died mid-save."""
        for leftover in self.root.glob(f".*{TEMP_SUFFIX}"):
            with contextlib.suppress(FileNotFoundError):
                remove(leftover)
        self._cleaned = True
