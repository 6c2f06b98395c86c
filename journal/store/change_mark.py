"""A change of several journal files made all or nothing by its own record in the history.

A correction (a day deleted with its promises, an undo, an edit across years) writes its
record in the undo history (journal/store/history.py) and two or three files of the journal.
The record already holds every record it touches as it was before and after, which is what a
commit file (journal/store/commit.py) would hold once more as bytes; so the record serves as
one. It is written first (to a temp file), linked as the mark (``history/.unfinished``, a
second name of the same file) and renamed into place, and one sync of the history folder makes
both durable: that is the instant the change happens. (Linked before it is renamed, so an
undo's record says "undone" only once the mark holds the undo.) Then the files are put in
place and the mark goes. Whoever takes the journal's lock next and finds the mark puts the
record back in place if need be, and brings each record the change touched to the state it
describes (twice is harmless). A link, unlike a new file, costs next to nothing, so a
correction costs about what a save does: a commit file is one more file written, and two
more syncs.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Callable
from pathlib import Path

from journal.store.commit import Unfinished, put, put_all
from journal.store.disk import (
    TEMP_SUFFIX,
    put_temp,
    read_file,
    remove,
    step,
    sync_folder_of,
    write_temp,
)

MARK_FILE = ".unfinished"
NO_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP}
"""What linking says on a file system without hard links (some USB sticks): the change is
then made through a commit file instead."""

Files = dict[Path, bytes | None]


class ChangeMark:
    def __init__(self, folder: Path, finish: Callable[[Path], None]) -> None:
        """``finish(mark)``: bring the journal to what the change recorded in the mark made
        (or, undone, to what it found)."""
        self.folder = folder
        self.path = folder / MARK_FILE
        self._finish = finish
        self._links = True

    def pending(self) -> bool:
        """Whether a change was decided and not finished (one stat; the usual answer is no)."""
        return os.path.lexists(self.path)

    def apply(self, record: Path, data: bytes, files: Files, pruned: Files) -> bool:
        """The change's ``record`` (``data``) first, then ``files``, all or nothing; records
        pruned from the history (None) go last, in no hurry. False, with nothing changed,
        where files cannot be linked or a mark a failed removal left is still there (the
        caller then uses a commit file)."""
        if not self._links or os.path.lexists(self.path):
            return False
        before = read_file(record)
        tmp = write_temp(record, data)
        try:
            step("link", self.path)
            os.link(tmp, self.path)
        except OSError as exc:
            with contextlib.suppress(OSError):
                remove(tmp)
            if exc.errno in NO_LINKS:
                self._links = False
                return False
            raise
        try:
            put_temp(tmp, record)  # after the link: an undo's record says "undone" only then
            sync_folder_of(record)  # the record and the mark: the change is made
        except OSError as exc:
            with contextlib.suppress(OSError):
                remove(tmp)  # if the rename did not happen
            self._withdraw(record, before, exc)
            raise OSError(exc.errno, exc.strerror, exc.filename) from None  # not "unconfirmed"
        try:
            put_all(files)
        except OSError as exc:
            try:  # one more time: a passing failure need not leave the change hanging
                put_all(files)
            except OSError:
                raise self._unfinished(exc) from None
        with contextlib.suppress(OSError):
            for path, raw in pruned.items():
                put(path, raw, sync_folder=False)
        with contextlib.suppress(OSError):
            # Done either way: a mark left behind is found by whoever takes the lock next,
            # who finds every record already as the change made it.
            remove(self.path)
        return True

    def finish(self) -> None:
        """Finish a change a crash (or a failure) left decided. Call it holding the lock."""
        self._finish(self.path)
        remove(self.path)
        for leftover in self.folder.glob(f".*{TEMP_SUFFIX}"):  # the record's, cut short
            with contextlib.suppress(FileNotFoundError):
                remove(leftover)

    def _withdraw(self, record: Path, before: bytes | None, exc: OSError) -> None:
        """The change could not be made durable: take it back, so "nothing was saved" stays
        true. A record left behind describes a change never made, which undo passes over;
        a mark left behind would make it, so if it cannot go, say what will happen."""
        if os.path.lexists(self.path):
            try:
                remove(self.path)
            except OSError:
                raise self._unfinished(exc) from None
        with contextlib.suppress(OSError):
            put(record, before)

    def _unfinished(self, exc: OSError) -> Unfinished:
        reason = exc.strerror or exc.__class__.__name__
        return Unfinished(
            f"the change is recorded in {self.folder} but could not be put in place "
            f"({reason}); Coach finishes it the next time it opens the journal"
        )
