"""Where everything under a home lives: the one module that builds paths under it.

Resolution of the home itself: an explicit ``--home``, then ``COACH_HOME``, then the platform
data dir. Nothing here creates directories: that happens only when something is saved.
"""

from __future__ import annotations

import os
from pathlib import Path

import msgspec

from journal.errors import InvalidInput

APP_NAME = "coach"
HOME_ENV = "COACH_HOME"


def data_home(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The root folder that holds the journal, packs, settings, keys and coach workspace."""
    given = explicit or os.environ.get(HOME_ENV)
    if given:
        try:
            return Path(given).expanduser()
        except RuntimeError:
            raise InvalidInput(f"{given}: no such user's home folder") from None
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


class HomeLayout(msgspec.Struct, frozen=True):
    """A home's folders and files, by what they hold. (A Struct, not a dataclass: it is
    defined at every start of the app, and a Struct costs far less to define.)"""

    root: Path

    @property
    def journal(self) -> Path:
        """Yearly files of entries and promises, and their lock."""
        return self.root / "journal"

    @property
    def history(self) -> Path:
        """The last changes to the journal, for undo and `coach history`."""
        return self.journal / "history"

    @property
    def recovery(self) -> Path:
        """What a person typed into `coach edit` that could not be stored yet: never lost."""
        return self.root / "recovery"

    @property
    def packs(self) -> Path:
        """The person's own prompt packs: a file here overrides the built-in of that name."""
        return self.root / "packs"

    @property
    def settings(self) -> Path:
        return self.root / "settings.json"

    @property
    def keys(self) -> Path:
        return self.root / "keys"

    @property
    def key_file(self) -> Path:
        return self.keys / "identity.json"

    @property
    def shared_log(self) -> Path:
        """Beside the keys: the last day shared with each coach."""
        return self.keys / "shared.json"

    @property
    def encryption(self) -> Path:
        """Present only in an encrypted home."""
        return self.root / "encryption"

    @property
    def identity(self) -> Path:
        """The home's own age identity, locked with the person's passphrase: every other file
        of an encrypted home is encrypted to it."""
        return self.encryption / "identity.age"

    @property
    def feedback(self) -> Path:
        """Comments imported from coaches' feedback bundles."""
        return self.root / "feedback"

    @property
    def workspace(self) -> Path:
        """A coach's copies of their clients' shares, apart from the coach's own journal."""
        return self.root / "coach-workspace"

    @property
    def workspace_lock(self) -> Path:
        return self.workspace / ".lock"

    @property
    def clients(self) -> Path:
        return self.workspace / "clients"

    def client(self, client_id: str) -> ClientLayout:
        """A client's folder is named by their key's fingerprint, never by anything a bundle
        says, so no name can reach the file system."""
        return ClientLayout(self.clients / client_id)


class ClientLayout(msgspec.Struct, frozen=True):
    folder: Path

    @property
    def record(self) -> Path:
        """Who the client is, their pinned key and the dashboard's figures."""
        return self.folder / "client.json"

    @property
    def journal(self) -> Path:
        return self.folder / "journal"

    @property
    def comments(self) -> Path:
        """What the coach wrote about the client's days."""
        return self.folder / "comments"

    @property
    def removing(self) -> Path:
        """Where the folder is renamed before it is deleted, so a crash never leaves a client
        that half exists (folders starting with a dot are not clients)."""
        return self.folder.with_name(f".removed-{self.folder.name}")
