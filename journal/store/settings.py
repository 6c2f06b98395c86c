"""settings.json: a person's preferences, read whole and written atomically."""

from __future__ import annotations

from pathlib import Path

import msgspec

from journal.errors import CorruptFile
from journal.model import describe
from journal.settings import Settings
from journal.store.disk import atomic_write, make_folder
from journal.store.files import unwritable


class SettingsFile:
    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> Settings:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return Settings()
        except OSError as exc:
            raise CorruptFile(f"{self.path} cannot be read: {exc.strerror}") from None
        try:
            return msgspec.json.decode(raw, type=Settings)
        except msgspec.ValidationError as exc:
            raise CorruptFile(describe(exc, str(self.path))) from None
        except msgspec.DecodeError as exc:
            raise CorruptFile(
                f"{self.path} is not valid JSON ({exc}); Coach left it untouched"
            ) from None

    def save(self, settings: Settings) -> None:
        try:
            make_folder(self.path.parent)
            atomic_write(self.path, msgspec.json.format(msgspec.json.encode(settings)))
        except OSError as exc:
            raise unwritable(self.path.parent, exc, "your settings") from None
