"""settings.json: a person's preferences, read whole and written atomically."""

from __future__ import annotations

from pathlib import Path

import msgspec

from journal.settings import Settings
from journal.store.crypt import Codec, PlainCodec
from journal.store.disk import atomic_write, load_json, make_folder
from journal.store.locking import unwritable


class SettingsFile:
    def __init__(self, path: Path, codec: Codec | None = None) -> None:
        self.path = path
        self.codec: Codec = codec or PlainCodec()

    def load(self) -> Settings:
        return load_json(self.path, Settings, self.codec) or Settings()

    def save(self, settings: Settings) -> None:
        data = msgspec.json.format(msgspec.json.encode(settings))
        try:
            make_folder(self.path.parent)
            atomic_write(self.path, self.codec.encode(data))
        except OSError as exc:
            raise unwritable(self.path.parent, exc, "your settings") from None
