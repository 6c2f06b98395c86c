"""A coach's workspace on disk: one folder per client, named by their key's fingerprint,
holding who they are (client.json), their shared days (a journal folder) and the coach's
comments. The workspace lock keeps two bundles from pinning one name at once."""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterator

import msgspec

from journal.errors import JournalBusy
from journal.model import Client
from journal.paths import HomeLayout
from journal.store.comments import CommentRepository
from journal.store.commit import CommitLog
from journal.store.crypt import Codec, PlainCodec
from journal.store.disk import FILE_MODE, atomic_write, load_json, make_folder
from journal.store.journal_files import JournalFiles
from journal.store.locking import unwritable
from journal.text import name_key

LOCK_TIMEOUT_S = 15.0


class ClientRepository:
    def __init__(self, layout: HomeLayout, codec: Codec | None = None) -> None:
        self.layout = layout
        self.codec: Codec = codec or PlainCodec()

    def all(self) -> list[Client]:
        """Every client, by name."""
        folder = self.layout.clients
        if not folder.is_dir():
            return []
        found = []
        for sub in sorted(folder.iterdir()):
            if sub.name.startswith("."):
                continue  # a removal a crash interrupted
            if CommitLog(self.layout.client(sub.name).journal).pending():
                self.journal(sub.name).store.settle()  # a bundle's writing, cut short
            client = load_json(self.layout.client(sub.name).record, Client, self.codec)
            if client is not None:
                found.append(client)
        return sorted(found, key=lambda c: name_key(c.name))

    def journal(self, client_id: str) -> JournalFiles:
        """The client's shared days, in the same storage as one's own journal."""
        return JournalFiles(self.layout.client(client_id).journal, self.codec)

    def comments(self, client_id: str) -> CommentRepository:
        return CommentRepository(self.layout.client(client_id).comments, self.codec)

    def save(self, client: Client, journal: JournalFiles | None = None) -> None:
        """With ``journal`` (the client's days, in the middle of a change to them), the
        record is written in that same change: the client's days and what the coach knows
        of them never disagree, whatever stops the writing."""
        path = self.layout.client(client.id).record
        if journal is not None:
            journal.store.stage(path, self.codec.encode(msgspec.json.encode(client)))
            return
        try:
            make_folder(path.parent)
            atomic_write(path, self.codec.encode(msgspec.json.encode(client)))
        except OSError as exc:
            raise unwritable(path.parent, exc, "the coach workspace") from None

    def remove(self, client_id: str) -> None:
        """Renamed first, so a crash halfway never leaves a client that half exists (and what
        such a crash left behind goes first)."""
        where = self.layout.client(client_id)
        try:
            if where.removing.exists():
                shutil.rmtree(where.removing)
            where.folder.rename(where.removing)
            shutil.rmtree(where.removing)
        except OSError as exc:
            raise unwritable(where.folder, exc, "the coach workspace") from None

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Held while a bundle's pin and newer-than checks run and it is written."""
        from filelock import FileLock, Timeout

        try:
            make_folder(self.layout.workspace)
            lock = FileLock(self.layout.workspace_lock, timeout=LOCK_TIMEOUT_S, mode=FILE_MODE)
            lock.acquire()
        except Timeout:
            raise JournalBusy(
                f"another Coach kept {self.layout.workspace} locked for "
                f"{LOCK_TIMEOUT_S:.0f}s; try again"
            ) from None
        except OSError as exc:
            raise unwritable(self.layout.workspace, exc, "the coach workspace") from None
        try:
            yield
        finally:
            lock.release()
