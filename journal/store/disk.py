"""Every byte Coach writes under a home, and every file it reads there, goes through here.

Writes are write-temp, fsync, rename, fsync-folder, so a reader sees the old file or the new
one and never a mix; folders are made private (0700) and files 0600, because a journal holds
what a person thinks of their own character.

This is also the seam the fault tests stand on: each step (a temp file written, an fsync, a
rename or link, an unlink, a folder made) first calls ``step``, and a test can make any one of
them fail, or end the process right there, to prove a change is whole or absent afterwards.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import msgspec

from journal.errors import CorruptFile
from journal.model import describe

if TYPE_CHECKING:
    from journal.store.crypt import Codec

FOLDER_MODE = 0o700
FILE_MODE = 0o600
TEMP_SUFFIX = ".tmp"

Hook = Callable[[str, Path], None]
_hook: Hook | None = None

T = TypeVar("T")


def set_fault_hook(hook: Hook | None) -> Hook | None:
    """For the fault tests only: ``hook(step, path)`` runs before each step. Returns the
    hook it replaces."""
    global _hook
    previous, _hook = _hook, hook
    return previous


def step(name: str, path: Path) -> None:
    if _hook is not None:
        _hook(name, path)


def make_folder(folder: Path) -> None:
    """The folder and any missing parents, each readable by the person alone."""
    missing: list[Path] = []
    here = folder
    while not here.is_dir():
        missing.append(here)
        if here.parent == here:
            break
        here = here.parent
    for path in reversed(missing):
        step("mkdir", path)
        with contextlib.suppress(FileExistsError):
            path.mkdir(mode=FOLDER_MODE)


def fsync_dir(folder: Path) -> None:
    step("fsync", folder)
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def real_target(path: Path) -> Path:
    """Where a write to ``path`` lands. A link is followed, so a person who keeps a file
    elsewhere keeps it there; a link to nothing is refused rather than replaced."""
    if not path.is_symlink():
        return path
    target = path.resolve()
    if not target.exists():
        raise dangling(path)
    return target


def dangling(path: Path) -> CorruptFile:
    return CorruptFile(
        f"{path} is a link to {os.readlink(path)}, which is missing; "
        "Coach left it untouched (put the file back, or remove the link)"
    )


def atomic_write(
    path: Path, data: bytes, *, exclusive: bool = False, sync_folder: bool = True
) -> Path:
    """The acknowledged bytes survive power loss, and nobody sees half of them; the path
    written (a link's target).

    ``exclusive``: link into place instead of renaming, which fails (FileExistsError) when the
    name is taken, so two writers cannot both create the same file. ``sync_folder=False``
    leaves syncing the folder to the caller, who writes several files into it and syncs it
    once (the file is then only certain to be there once it has)."""
    path = real_target(path)
    tmp = write_temp(path, data)
    try:
        if exclusive:
            step("link", path)
            os.link(tmp, path)
            step("unlink", tmp)
            tmp.unlink()
        else:
            put_temp(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    if sync_folder:
        sync_folder_of(path)
    return path


def write_temp(path: Path, data: bytes) -> Path:
    """``data`` in a temp file beside ``path``, synced, for the caller to rename into place
    (``put_temp``); gone again if it could not be written whole."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}{TEMP_SUFFIX}")
    step("write", tmp)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            step("fsync", tmp)
            os.fsync(handle.fileno())
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    return tmp


def put_temp(tmp: Path, path: Path) -> None:
    step("rename", path)
    os.replace(tmp, path)


def sync_folder_of(path: Path) -> None:
    """A rename into the folder of ``path`` made durable."""
    try:
        fsync_dir(path.parent)
    except OSError as exc:
        raise Unsynced(exc.errno, exc.strerror, str(path)) from None


class Unsynced(OSError):
    """The new file is in place, but its folder could not be synced: it is there now, and
    might not be after a power cut. Not "nothing was saved"."""


def remove(path: Path) -> None:
    """Gone, if it was there."""
    step("unlink", path)
    path.unlink(missing_ok=True)


def read_file(path: Path) -> bytes | None:
    """A file's bytes, or None when there is none. A link to nothing is not "none": it is
    refused, so the next save never replaces the link."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        if path.is_symlink():
            raise dangling(path) from None
        return None
    except OSError as exc:
        raise CorruptFile(f"{path} cannot be read: {exc.strerror}") from None


def read_capped(path: Path, limit: int) -> bytes | None:
    """A file a person names, or None when it holds more than ``limit`` bytes: refused by its
    size before it is read, and a device with no size (/dev/zero) is read no further."""
    with path.open("rb") as handle:
        if os.fstat(handle.fileno()).st_size > limit:
            return None
        raw = handle.read(limit + 1)
    return None if len(raw) > limit else raw


def load_json(path: Path, kind: type[T], codec: Codec) -> T | None:
    """One of Coach's JSON files (settings, keys, a client's record), or None when there is
    none: opened with the home's codec, then checked whole."""
    raw = read_file(path)
    return None if raw is None else decode_json(path, codec.decode(raw, path), kind)


def decode_json(path: Path, raw: bytes, kind: type[T]) -> T:
    """A JSON file of ours as ``kind``; anything else (not JSON, not UTF-8, records that fail
    validation) is one line naming the file, and the file is left as it is."""
    try:
        return msgspec.json.decode(raw, type=kind)
    except msgspec.ValidationError as exc:
        raise CorruptFile(describe(exc, str(path))) from None
    except msgspec.DecodeError as exc:
        raise CorruptFile(f"{path} is not valid JSON ({exc}); Coach left it untouched") from None
    except UnicodeDecodeError:
        raise CorruptFile(
            f"{path} holds bytes that are not UTF-8 text; Coach left it untouched"
        ) from None
