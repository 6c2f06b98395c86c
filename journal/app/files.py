"""Files a person names (an export, a bundle): found as the shell would find them, written
whole or not at all, read no further than a limit, and any failure said in one line that names
the file."""

from __future__ import annotations

from pathlib import Path

from journal.errors import InvalidInput, JournalError
from journal.sharing.envelope import read_bundle
from journal.store.disk import atomic_write


def user_path(given: str | Path) -> Path:
    """``~`` and ``~name`` expanded; an unknown user is a clear refusal, not a crash."""
    try:
        return Path(given).expanduser()
    except RuntimeError:
        raise InvalidInput(f"{given}: no such user's home folder") from None


def write_file(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically; the path written, as given."""
    try:
        atomic_write(user_path(path).resolve(), data)
    except OSError as exc:
        raise JournalError(f"cannot write {path}: {exc.strerror}") from None
    return path


def read_input(path: Path) -> bytes:
    """A bundle a person names, refused by its size before it is read."""
    try:
        return read_bundle(user_path(path))
    except OSError as exc:
        raise InvalidInput(f"cannot read {path}: {exc.strerror}") from None
