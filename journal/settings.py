"""A person's preferences, kept beside the journal in settings.json."""

from __future__ import annotations

from pathlib import Path

import msgspec

from journal.errors import CorruptFile
from journal.model import describe
from journal.paths import settings_file
from journal.storage import atomic_write


class Settings(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    show_streak: bool = True
    """A streak motivates some people and weighs on others, so it can be switched off."""
    coach_key: str = ""
    """The public key line last shared with, so the next share from the app is one keypress."""


def load(home: Path) -> Settings:
    path = settings_file(home)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Settings()
    except OSError as exc:
        raise CorruptFile(f"{path} cannot be read: {exc.strerror}") from None
    try:
        return msgspec.json.decode(raw, type=Settings)
    except msgspec.ValidationError as exc:
        raise CorruptFile(describe(exc, str(path))) from None
    except msgspec.DecodeError as exc:
        raise CorruptFile(f"{path} is not valid JSON ({exc}); Coach left it untouched") from None


def save(home: Path, settings: Settings) -> None:
    home.mkdir(parents=True, exist_ok=True)
    atomic_write(settings_file(home), msgspec.json.format(msgspec.json.encode(settings)))
