"""The key file (one 0600 file in a 0700 folder) and the log of what was last shared with each
coach. Turning the stored key into a usable identity is journal/sharing/keys.py's work."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import msgspec

from journal.errors import CorruptFile, InvalidInput, NotFound
from journal.store.crypt import Codec, PlainCodec
from journal.store.disk import atomic_write, load_json, make_folder
from journal.store.locking import unwritable


class KeyFile(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    format: str = "coach-identity"
    name: str
    age_identity: str
    sign_private: str


class KeyStore:
    def __init__(self, key_file: Path, shared_log: Path, codec: Codec | None = None) -> None:
        self.path = key_file
        self.shared_log = shared_log
        self.codec: Codec = codec or PlainCodec()

    def read(self) -> KeyFile:
        try:
            found = load_json(self.path, KeyFile, self.codec)
        except CorruptFile as exc:
            raise InvalidInput(f"{exc}; restore your keys from a backup") from None
        if found is None:
            raise NotFound("you have no keys yet: run `coach keys init --name NAME`")
        return found

    def create(self, record: KeyFile) -> None:
        """Refuses to replace existing keys, which would orphan every bundle and every pin
        made with them; of two processes creating keys at once, one wins."""
        taken = InvalidInput(f"{self.path} already holds your keys; Coach never replaces them")
        if self.path.exists():
            raise taken
        folder = self.path.parent
        data = self.codec.encode(msgspec.json.format(msgspec.json.encode(record)))
        try:
            make_folder(folder)
            os.chmod(folder, 0o700)
            try:
                atomic_write(self.path, data, exclusive=True)
            except FileExistsError:
                raise taken from None
        except OSError as exc:
            raise unwritable(folder, exc, "your keys") from None

    def last_shared(self, coach_id: str) -> dt.date | None:
        """The last day shared with this coach (by key id), if the log knows it."""
        return self._shared().get(coach_id)

    def remember_shared(self, coach_id: str, end: dt.date) -> None:
        log = self._shared()
        if log.get(coach_id) is None or log[coach_id] < end:
            log[coach_id] = end
            atomic_write(self.shared_log, self.codec.encode(msgspec.json.encode(log)))

    def _shared(self) -> dict[str, dt.date]:
        try:
            return load_json(self.shared_log, dict[str, dt.date], self.codec) or {}
        except (OSError, CorruptFile):
            return {}  # no log (or a damaged one) only means carrying fewer old promises
