"""A change to several files, made all or nothing across a crash or a failed write.

Each file is replaced atomically on its own (journal/store/disk.py), but a check-in with a
promise writes two, a coach's new bundle a dozen. So the new bytes of every file go first into
one commit file in the folder (``.commit``), written and fsynced whole: that is the instant the
change happens. Then each file is put in place and the commit file goes. A crash or a failure
before the commit file is whole leaves every file as it was; after it, whoever opens the folder
next puts the files in place again from the commit file (doing it twice is harmless) and
removes it. A change of one file needs no commit file: its rename is already all or nothing.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import msgspec

from journal.errors import CorruptFile, JournalError
from journal.store.disk import atomic_write, read_file, remove, sync_folder_of

COMMIT_FILE = ".commit"


class Put(msgspec.Struct, array_like=True, frozen=True):
    path: str
    """Relative to the commit file's folder (``../client.json`` for a coach's client)."""
    data: bytes | None
    """The file's new bytes exactly as stored (already encrypted, for an encrypted journal:
    the commit file never holds anything the files themselves would not); None removes it."""


class Unfinished(JournalError):
    """The change is decided (its commit file is whole) but its files could not all be put in
    place; the next opening of the folder finishes it."""


class CommitLog:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / COMMIT_FILE

    def apply(self, files: dict[Path, bytes | None]) -> None:
        """Put every file in place (None removes it), all or nothing."""
        if len(files) == 1:
            [(path, data)] = files.items()
            put(path, data)
            return
        puts = [Put(os.path.relpath(p, self.folder), d) for p, d in files.items()]
        try:
            atomic_write(self.path, msgspec.msgpack.encode(puts))
        except OSError as exc:
            self._withdraw(exc)
            raise
        try:
            self._put(puts)
        except OSError as exc:
            try:  # one more time: a passing failure need not leave the change hanging
                self._put(puts)
            except OSError:
                raise self._unfinished(exc) from None
        with contextlib.suppress(OSError):
            # Done either way: a commit file left behind is replayed (to the same bytes) and
            # removed by whoever takes the lock next, before any change of theirs.
            remove(self.path)

    def _withdraw(self, exc: OSError) -> None:
        """The commit file failed after its rename (its folder could not be synced): take it
        back, so "nothing was saved" stays true; if even that fails, say what will happen."""
        if os.path.lexists(self.path):
            try:
                remove(self.path)
            except OSError:
                raise self._unfinished(exc) from None

    def _unfinished(self, exc: OSError) -> Unfinished:
        reason = exc.strerror or exc.__class__.__name__
        return Unfinished(
            f"the change is kept in {self.path} but could not be put in place "
            f"({reason}); Coach finishes it the next time it opens {self.folder}"
        )

    def pending(self) -> bool:
        """Whether a change was decided and not finished (one stat; the usual answer is no)."""
        return os.path.lexists(self.path)

    def touches(self, path: Path) -> bool:
        """Whether a pending change writes ``path`` (an unreadable one is said to)."""
        raw = read_file(self.path)
        if raw is None:
            return False
        try:
            puts = msgspec.msgpack.decode(raw, type=list[Put])
        except (msgspec.DecodeError, msgspec.ValidationError):
            return True
        return any(Path(os.path.normpath(self.folder / p.path)) == path for p in puts)

    def roll_forward(self) -> list[Path]:
        """Finish a change a crash (or a failure) left decided; the files it put in place.
        Call it holding the folder's lock."""
        raw = read_file(self.path)
        if raw is None:
            return []
        try:
            puts = msgspec.msgpack.decode(raw, type=list[Put])
        except (msgspec.DecodeError, msgspec.ValidationError):
            raise CorruptFile(
                f"{self.path} (a change Coach had begun) is damaged; Coach left it and "
                "the journal untouched (`coach doctor` explains what to do)"
            ) from None
        self._put(puts)
        remove(self.path)
        return [self.folder / p.path for p in puts]

    def _put(self, puts: list[Put]) -> None:
        """The commit file holds every byte until the folders are synced, so a crash before
        then is finished by the next opening like any other."""
        put_all({Path(os.path.normpath(self.folder / one.path)): one.data for one in puts})


def put_all(files: dict[Path, bytes | None]) -> None:
    """Each file written and renamed into place (or removed), then each folder synced once:
    for a change whose every byte is already kept elsewhere (a commit file, or the change's
    record in the history), so syncing a folder per file would buy nothing."""
    written = [put(path, data, sync_folder=False) or path for path, data in files.items()]
    for path in {path.parent: path for path in written}.values():  # a link's target's
        if path.parent.is_dir():  # a folder removed with its last file needs no sync
            sync_folder_of(path)


def put(path: Path, data: bytes | None, *, sync_folder: bool = True) -> Path | None:
    """One file put in place (None removes it); the path written, if any."""
    if data is None:
        remove(path)
        return None
    return atomic_write(path, data, sync_folder=sync_folder)
