"""Home: everything under one home folder, opened in one place.

The CLI and the app make one Home and reach the journal, settings, prompt packs, keys,
feedback and the coach's workspace through it, so no other code needs to know where anything
lives (journal/paths.py says that) or how it is stored (journal/store says that). Each part is
opened when first used: opening the app touches only the journal and the morning's pack.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from journal.app.service import JournalService
from journal.errors import NotFound
from journal.paths import HomeLayout
from journal.settings import Settings
from journal.store.journal_files import JournalFiles

if TYPE_CHECKING:
    from journal.app.workspace import Workspace
    from journal.sharing.keys import Identity
    from journal.store.comments import CommentRepository
    from journal.store.crypt import Codec
    from journal.store.keys import KeyStore
    from journal.store.settings import SettingsFile
    from prompts.loader import Pack, PackInfo


class Home:
    def __init__(
        self,
        root: Path,
        today: Callable[[], dt.date] | None = None,
        ask: Callable[[str], str] | None = None,
        use_keyring: bool = False,
    ) -> None:
        """``ask`` prompts for the passphrase of an encrypted home (None: there is nobody to
        ask); ``use_keyring`` keeps the unlocked identity in the system's keyring."""
        self.root = root
        self.layout = HomeLayout(root)
        self._today = today or dt.date.today
        self.ask = ask
        self.use_keyring = use_keyring

    def today(self) -> dt.date:
        """The one clock of everything under this home (tests pin it here)."""
        return self._today()

    @cached_property
    def codec(self) -> Codec:
        """How this home's files are kept: in the clear, or encrypted (unlocked here, once)."""
        from journal.app.encryption import codec_for

        return codec_for(self)

    @cached_property
    def journal(self) -> JournalService:
        files = JournalFiles(self.layout.journal, self.codec, history=self.layout.history)
        return JournalService(files, self.today)

    # ----- settings ------------------------------------------------------------------------

    @cached_property
    def settings_file(self) -> SettingsFile:
        from journal.store.settings import SettingsFile

        return SettingsFile(self.layout.settings, self.codec)

    def settings(self) -> Settings:
        return self.settings_file.load()

    # ----- prompt packs --------------------------------------------------------------------

    def pack(self, name: str) -> Pack:
        """A pack of the person's own (in the packs folder) wins over the built-in."""
        from prompts.loader import load_pack

        return load_pack(name, self.layout.packs)

    def packs(self) -> list[PackInfo]:
        from prompts.loader import list_packs

        return list_packs(self.layout.packs)

    # ----- sharing -------------------------------------------------------------------------

    @cached_property
    def keys(self) -> KeyStore:
        from journal.store.keys import KeyStore

        return KeyStore(self.layout.key_file, self.layout.shared_log, self.codec)

    def identity(self) -> Identity:
        """The person's keys; NotFound (with how to make them) when there are none yet."""
        from journal.sharing.keys import from_record

        return from_record(self.keys.read(), str(self.layout.key_file))

    def identity_or_none(self) -> Identity | None:
        try:
            return self.identity()
        except NotFound:
            return None

    @cached_property
    def feedback(self) -> CommentRepository:
        """Comments imported from coaches, shown beside the days they are about."""
        from journal.store.comments import CommentRepository

        return CommentRepository(self.layout.feedback, self.codec)

    @cached_property
    def workspace(self) -> Workspace:
        """A coach's clients, kept apart from the coach's own journal."""
        from journal.app.workspace import Workspace
        from journal.store.clients import ClientRepository

        return Workspace(ClientRepository(self.layout, self.codec), self.today)
