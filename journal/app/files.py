"""Files a person names (an export, a bundle): written whole or not at all, and any failure
said in one line that names the file."""

from __future__ import annotations

from pathlib import Path

from journal.errors import JournalError
from journal.store.files import atomic_write


def write_file(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically; the path written, as given."""
    try:
        atomic_write(path.resolve(), data)
    except OSError as exc:
        raise JournalError(f"cannot write {path}: {exc.strerror}") from None
    return path
