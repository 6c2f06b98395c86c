"""The key file (one 0600 file in a 0700 folder) and the log of what was last shared with each
coach. Turning the stored key into a usable identity is journal/sharing/keys.py's work."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import msgspec

from journal.errors import InvalidInput, NotFound
from journal.store.disk import atomic_write, make_folder
from journal.store.files import unwritable


class KeyFile(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    format: str = "coach-identity"
    name: str
    age_identity: str
    sign_private: str


class KeyStore:
    def __init__(self, key_file: Path, shared_log: Path) -> None:
        self.path = key_file
        self.shared_log = shared_log

    def read(self) -> KeyFile:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            raise NotFound("you have no keys yet: run `coach keys init --name NAME`") from None
        except OSError as exc:
            raise InvalidInput(f"cannot read {self.path}: {exc.strerror}") from None
        try:
            return msgspec.json.decode(raw, type=KeyFile)
        except (msgspec.DecodeError, msgspec.ValidationError):
            raise InvalidInput(f"{self.path} is damaged; restore it from a backup") from None

    def create(self, record: KeyFile) -> None:
        """Refuses to replace existing keys, which would orphan every bundle and every pin
        made with them; of two processes creating keys at once, one wins."""
        taken = InvalidInput(f"{self.path} already holds your keys; Coach never replaces them")
        if self.path.exists():
            raise taken
        folder = self.path.parent
        data = msgspec.json.format(msgspec.json.encode(record))
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
            atomic_write(self.shared_log, msgspec.json.encode(log))

    def _shared(self) -> dict[str, dt.date]:
        try:
            return msgspec.json.decode(self.shared_log.read_bytes(), type=dict[str, dt.date])
        except (OSError, msgspec.DecodeError, msgspec.ValidationError):
            return {}  # no log (or a damaged one) only means carrying fewer old promises
