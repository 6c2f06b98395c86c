"""Faults injected into the storage's one I/O seam (journal/store/disk.py): a step of a
write (a temp file written, an fsync, a rename, an unlink, a folder made) fails as a full
disk, a read-only home or a broken device would make it fail."""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Callable, Iterator
from pathlib import Path

from journal.store.disk import set_fault_hook

When = Callable[[str, Path], bool]


@contextlib.contextmanager
def failing(when: When, code: int = errno.ENOSPC) -> Iterator[None]:
    """Every step for which ``when(step, path)`` holds raises OSError(code)."""

    def hook(step: str, path: Path) -> None:
        if when(step, path):
            raise OSError(code, os.strerror(code), str(path))

    previous = set_fault_hook(hook)
    try:
        yield
    finally:
        set_fault_hook(previous)
