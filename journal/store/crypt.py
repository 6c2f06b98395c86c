"""How the bytes of a home's files are kept: as they are, or encrypted at rest with age.

An encrypted home has one X25519 identity of its own. Every file Coach writes there is a
standard age file encrypted to that identity, so the `age` tool opens any of them with it;
the identity itself is kept in ``encryption/identity.age``, encrypted with the person's
passphrase (age's scrypt), and is the one thing the passphrase unlocks. Changing the
passphrase re-encrypts that file alone.

Unlocking costs the passphrase's scrypt, about a second on purpose. Within one process an
identity unlocked once is kept in memory (never on disk), so opening the home again is free.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from journal.errors import CorruptFile, InvalidInput

AGE_MAGIC = b"age-encryption.org/v1\n"


class Codec(Protocol):
    """Turns the bytes on disk into the bytes Coach reads, and back."""

    def encode(self, data: bytes) -> bytes: ...

    def decode(self, data: bytes, where: Path) -> bytes: ...


class PlainCodec:
    def encode(self, data: bytes) -> bytes:
        return data

    def decode(self, data: bytes, where: Path) -> bytes:
        if data.startswith(AGE_MAGIC):
            raise CorruptFile(
                f"{where} is encrypted, but this journal is not; Coach left it untouched "
                "(was it copied in from an encrypted journal?)"
            )
        return data


class AgeCodec:
    def __init__(self, identity: str) -> None:
        import pyrage

        self._identity = pyrage.x25519.Identity.from_str(identity)
        self._recipient = self._identity.to_public()

    def encode(self, data: bytes) -> bytes:
        import pyrage

        sealed: bytes = pyrage.encrypt(data, [self._recipient])
        return sealed

    def decode(self, data: bytes, where: Path) -> bytes:
        import pyrage

        if not data.startswith(AGE_MAGIC):
            raise CorruptFile(
                f"{where} is not encrypted, though this journal is; Coach left it untouched "
                "(was it copied in from another journal?)"
            )
        try:
            opened: bytes = pyrage.decrypt(data, [self._identity])
        except pyrage.DecryptError as exc:
            if "No matching keys" in str(exc):
                raise CorruptFile(
                    f"{where} was encrypted for another journal's key; Coach left it untouched"
                ) from None
            raise CorruptFile(
                f"{where} cannot be decrypted: it is damaged or cut short; Coach left it "
                "untouched (restore it from a backup)"
            ) from None
        return opened


def new_identity() -> str:
    import pyrage

    return str(pyrage.x25519.Identity.generate())


def lock_identity(identity: str, passphrase: str) -> bytes:
    import pyrage

    locked: bytes = pyrage.passphrase.encrypt(identity.encode(), passphrase)
    return locked


_unlocked: dict[bytes, str] = {}
"""Identities unlocked in this process, by their file and passphrase: scrypt is paid once."""


def _key(locked: bytes, passphrase: str) -> bytes:
    import hashlib  # only for an encrypted home: not at every start

    return hashlib.sha256(locked).digest() + hashlib.sha256(passphrase.encode()).digest()


def remember(locked: bytes, passphrase: str, identity: str) -> None:
    """An identity just locked here needs no unlocking in this process."""
    _unlocked[_key(locked, passphrase)] = identity


def unlock_identity(locked: bytes, passphrase: str, where: Path) -> str:
    """The identity in ``locked``, or one line saying the passphrase is wrong."""
    import pyrage

    key = _key(locked, passphrase)
    if key in _unlocked:
        return _unlocked[key]
    try:
        identity: str = pyrage.passphrase.decrypt(locked, passphrase).decode()
    except pyrage.DecryptError:
        raise InvalidInput(f"wrong passphrase for {where}; nothing was changed") from None
    except UnicodeDecodeError:
        raise CorruptFile(f"{where} does not hold an age identity") from None
    _unlocked[key] = identity
    return identity


def fingerprint(locked: bytes) -> str:
    """Names a locked identity (for the keyring) without saying anything about it."""
    import hashlib

    return hashlib.sha256(locked).hexdigest()[:16]
