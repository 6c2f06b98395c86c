"""Encryption at rest: turning it on and off, changing the passphrase, and unlocking a home.

Turning it on or off rewrites every file Coach keeps under the home in one all-or-nothing
change (journal/store/commit.py), with every lock held: a crash halfway leaves the home as it
was or wholly converted, never part of each.

Unlocking looks, in order, at a file named by COACH_PASSPHRASE_FILE (scripts and tests), the
operating system's keyring (the command line keeps the unlocked identity there when it can,
so the passphrase's second of scrypt is paid once per login), then asks.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Protocol

from journal.errors import InvalidInput, JournalError
from journal.paths import HomeLayout
from journal.store.commit import CommitLog
from journal.store.crypt import (
    AgeCodec,
    Codec,
    PlainCodec,
    fingerprint,
    lock_identity,
    new_identity,
    remember,
    unlock_identity,
)
from journal.store.disk import atomic_write, make_folder, read_capped, read_file
from journal.store.files import SHARD_NAME, ShardedStore
from journal.store.journal_files import JournalFiles
from journal.store.people import PEOPLE_FILE
from journal.store.promise_heads import KEPT_FILE

PASSPHRASE_FILE = "COACH_PASSPHRASE_FILE"
NEW_PASSPHRASE_FILE = "COACH_NEW_PASSPHRASE_FILE"
"""For `coach passphrase` in a script: the new one (the old comes from PASSPHRASE_FILE)."""
KEYRING_SERVICE = "coach"
ATTEMPTS = 3
MAX_PASSPHRASE_BYTES = 64 * 1024

Ask = Callable[[str], str]
"""Shows a prompt, returns what the person typed (the app and the CLI each have their own)."""


class Home(Protocol):
    """What of journal/app/home.py's Home this needs (Home opens a home's codec through this
    module, so this module cannot import it)."""

    root: Path
    layout: HomeLayout
    ask: Ask | None
    use_keyring: bool

    @property
    def codec(self) -> Codec: ...


# ----- unlocking ---------------------------------------------------------------------------


def codec_for(home: Home) -> Codec:
    """How this home's files are kept; unlocks an encrypted home (once per process)."""
    layout = home.layout
    commits = CommitLog(layout.journal)
    if commits.pending() and commits.touches(layout.identity):  # encrypt or decrypt cut short
        ShardedStore(layout.journal).settle()
    locked = read_file(layout.identity)
    if locked is None:
        return PlainCodec()
    return AgeCodec(unlocked(home, locked))


def encrypted(home: Home) -> bool:
    return os.path.lexists(home.layout.identity)


def unlocked(home: Home, locked: bytes) -> str:
    where = home.layout.identity
    given = passphrase_from(PASSPHRASE_FILE)
    if given is not None:
        return unlock_identity(locked, given, where)
    kept = _keyring_get(home, locked) if home.use_keyring else None
    if kept is not None:
        return kept
    if home.ask is None:
        raise InvalidInput(
            f"{home.root} is encrypted: open it on a terminal to give its passphrase, or name "
            f"a file holding the passphrase in {PASSPHRASE_FILE}"
        )
    prompt = "Passphrase for your journal"
    for attempt in range(1, ATTEMPTS + 1):
        try:
            identity = unlock_identity(locked, home.ask(prompt), where)
        except InvalidInput:
            if attempt == ATTEMPTS:
                raise
            prompt = "That passphrase did not open it; try again"
            continue
        if home.use_keyring:
            _keyring_set(home, locked, identity)
        return identity
    raise AssertionError("unreachable")


def passphrase_from(variable: str) -> str | None:
    """The passphrase in the file the variable names (its last line break dropped)."""
    named = os.environ.get(variable)
    if not named:
        return None
    try:
        raw = read_capped(Path(named), MAX_PASSPHRASE_BYTES)
    except OSError as exc:
        raise InvalidInput(
            f"${variable} names {named}, which cannot be read: {exc.strerror}"
        ) from None
    if raw is None:
        raise InvalidInput(f"${variable} names {named}, which is too large for a passphrase")
    try:
        return raw.decode().removesuffix("\n").removesuffix("\r")
    except UnicodeDecodeError:
        raise InvalidInput(f"${variable} names {named}, which is not UTF-8 text") from None


def _keyring_user(home: Home, locked: bytes) -> str:
    return f"{home.root.resolve()}#{fingerprint(locked)}"


def _keyring_possible() -> bool:
    """Whether a keyring can be there at all, seen without importing one (which costs a
    third of a second): macOS and Windows have theirs; elsewhere it lives on D-Bus."""
    import sys

    return (
        sys.platform in ("darwin", "win32")
        or bool(os.environ.get("DBUS_SESSION_BUS_ADDRESS"))
        or bool(os.environ.get("PYTHON_KEYRING_BACKEND"))
    )


def _keyring_get(home: Home, locked: bytes) -> str | None:
    if not _keyring_possible():
        return None
    try:
        import keyring

        found = keyring.get_password(KEYRING_SERVICE, _keyring_user(home, locked))
    except Exception:  # no keyring, a locked one, a broken backend: ask instead
        return None
    return found if isinstance(found, str) and found.startswith("AGE-SECRET-KEY-") else None


def _keyring_set(home: Home, locked: bytes, identity: str) -> None:
    if not _keyring_possible():
        return
    with contextlib.suppress(Exception):  # remembering is a convenience, never a failure
        import keyring

        keyring.set_password(KEYRING_SERVICE, _keyring_user(home, locked), identity)


def _keyring_forget(home: Home, locked: bytes) -> None:
    if not _keyring_possible():
        return
    with contextlib.suppress(Exception):
        import keyring

        keyring.delete_password(KEYRING_SERVICE, _keyring_user(home, locked))


# ----- turning it on and off ---------------------------------------------------------------


def encrypt_home(home: Home, passphrase: str) -> int:
    """Every file Coach keeps under the home, encrypted; how many there were."""
    if encrypted(home):
        raise InvalidInput(f"{home.root} is already encrypted (`coach passphrase` changes it)")
    if not passphrase:
        raise InvalidInput("a passphrase cannot be empty")
    identity = new_identity()
    codec = AgeCodec(identity)
    layout = home.layout
    with _all_locked(home, PlainCodec()):
        _no_edit_kept(home)
        files: dict[Path, bytes | None] = {
            path: codec.encode(PlainCodec().decode(_read(path), path)) for path in stored(home)
        }
        count = len(files)
        locked = lock_identity(identity, passphrase)
        files[layout.identity] = locked
        files[layout.journal / KEPT_FILE] = None  # dates kept in the clear for speed
        make_folder(layout.encryption)
        CommitLog(layout.journal).apply(files)
    remember(locked, passphrase, identity)
    return count


def decrypt_home(home: Home) -> int:
    """Every file back in the clear; the identity goes. How many files there were."""
    codec = home.codec
    if isinstance(codec, PlainCodec):
        raise InvalidInput(f"{home.root} is not encrypted")
    layout = home.layout
    locked = read_file(layout.identity) or b""
    with _all_locked(home, codec):
        files: dict[Path, bytes | None] = {
            path: codec.decode(_read(path), path) for path in stored(home)
        }
        files[layout.identity] = None
        CommitLog(layout.journal).apply(files)
    with contextlib.suppress(OSError):
        layout.encryption.rmdir()
    _keyring_forget(home, locked)
    return len(files) - 1


def change_passphrase(home: Home, new: str) -> None:
    """The identity locked with a new passphrase; no other file changes."""
    where = home.layout.identity
    locked = read_file(where)
    if locked is None:
        raise InvalidInput(f"{home.root} is not encrypted: `coach encrypt` sets a passphrase")
    if not new:
        raise InvalidInput("a passphrase cannot be empty")
    identity = unlocked(home, locked)
    relocked = lock_identity(identity, new)
    try:
        atomic_write(where, relocked)
    except OSError as exc:
        raise JournalError(
            f"cannot write {where}: {exc.strerror}; the passphrase is unchanged"
        ) from None
    remember(relocked, new, identity)
    if home.use_keyring:
        _keyring_forget(home, locked)
        _keyring_set(home, relocked, identity)


def edit_folder(home: Home) -> Path:
    """Where `coach edit` puts the day for the editor: beside the journal for a plain home;
    for an encrypted one, a folder kept in memory, since the editor needs the text itself."""
    if not encrypted(home):
        return home.layout.recovery
    locked = read_file(home.layout.identity) or b""
    for candidate in (os.environ.get("XDG_RUNTIME_DIR"), "/dev/shm"):
        if candidate and Path(candidate).is_dir() and os.access(candidate, os.W_OK):
            return Path(candidate) / f"coach-edit-{fingerprint(locked)}"
    raise InvalidInput(
        "editing an encrypted journal needs a folder kept in memory for your editor's copy "
        "($XDG_RUNTIME_DIR or /dev/shm), and there is none here"
    )


def stored(home: Home) -> list[Path]:
    """Every file Coach writes under the home, in whatever folder: what encryption covers."""
    layout = home.layout
    found: list[Path] = []
    stores = [layout.journal, layout.feedback]
    singles = [layout.settings, layout.key_file, layout.shared_log]
    if layout.clients.is_dir():
        for folder in sorted(layout.clients.iterdir()):
            if not folder.name.startswith("."):
                client = layout.client(folder.name)
                stores += [client.journal, client.comments]
                singles.append(client.record)
    for folder in stores:
        if folder.is_dir():
            found += sorted(p for p in folder.iterdir() if SHARD_NAME.match(p.name))
    singles.append(layout.journal / PEOPLE_FILE)
    if layout.history.is_dir():
        found += sorted(p for p in layout.history.iterdir() if p.suffix == ".json")
    found += [p for p in singles if p.is_file()]
    return found


def _read(path: Path) -> bytes:
    raw = read_file(path)
    if raw is None:
        raise JournalError(f"{path} went away while the journal was being converted; try again")
    return raw


def _no_edit_kept(home: Home) -> None:
    """`coach edit` keeps what a person typed in the clear; it must be finished first."""
    kept = sorted(home.layout.recovery.glob("edit-*")) if home.layout.recovery.is_dir() else []
    if kept:
        raise InvalidInput(
            f"an edit is kept in {kept[0]}: finish it with `coach edit` (or delete the file), "
            "then encrypt"
        )


@contextlib.contextmanager
def _all_locked(home: Home, codec: Codec) -> Iterator[None]:
    """Every lock of the home, so no other Coach writes while its files are rewritten. The
    journal's is taken through a store that reads it with ``codec`` (what the files are
    now), so a change a crash cut short is finished first; not the home's own journal,
    which would keep that codec after the files change."""
    layout = home.layout
    folders = [layout.journal, layout.feedback]
    if layout.clients.is_dir():
        for folder in sorted(layout.clients.iterdir()):
            if not folder.name.startswith("."):
                folders += [layout.client(folder.name).journal, layout.client(folder.name).comments]
    with contextlib.ExitStack() as stack:
        if layout.workspace.is_dir():
            from journal.store.clients import ClientRepository

            stack.enter_context(ClientRepository(layout).locked())
        for folder in folders:
            if folder == layout.journal:
                journal = JournalFiles(folder, codec, history=layout.history)
                stack.enter_context(journal.store.locked())
            elif folder.is_dir():
                stack.enter_context(ShardedStore(folder).locked())
        yield
