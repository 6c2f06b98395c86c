"""A person's identity: an age X25519 key pair to receive bundles and an Ed25519 key pair to
sign them (stored by journal/store/keys.py in one 0600 file).

The public half travels as one line a person can paste into a message:
``coach1:<age recipient>:<Ed25519 public key, base64url>``.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from journal.errors import InvalidInput
from journal.store.keys import KeyFile

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

PREFIX = "coach1"


def b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def unb64(text: str, what: str) -> bytes:
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (ValueError, TypeError):
        raise InvalidInput(f"{what} is not valid base64") from None


def fingerprint(sign_key: bytes) -> str:
    """16 hex digits naming a signing key: folder names and pins use this, never a name a
    bundle claims."""
    return hashlib.sha256(sign_key).hexdigest()[:16]


@dataclass(frozen=True)
class PublicKey:
    age: str
    """The age recipient (``age1…``) bundles are encrypted to."""
    sign: bytes
    """The raw 32-byte Ed25519 public key signatures are checked against."""

    def line(self) -> str:
        return f"{PREFIX}:{self.age}:{b64(self.sign)}"

    @property
    def id(self) -> str:
        return fingerprint(self.sign)


def parse_public(line: str) -> PublicKey:
    """Check a pasted key line fully, so a typo is caught before anything is encrypted."""
    import pyrage

    parts = line.strip().split(":")
    if len(parts) != 3 or parts[0] != PREFIX:
        raise InvalidInput(
            f"not a Coach public key: expected {PREFIX}:age1…:… (the line `coach keys show` prints)"
        )
    _, age, sign = parts
    try:
        pyrage.x25519.Recipient.from_str(age)
    except pyrage.RecipientError:
        raise InvalidInput("the key's age part is damaged (check it was copied whole)") from None
    raw = unb64(sign, "the key's signing part")
    if len(raw) != 32:
        raise InvalidInput("the key's signing part is damaged (check it was copied whole)")
    return PublicKey(age, raw)


@dataclass(frozen=True)
class Identity:
    name: str
    age_identity: str
    sign_private: bytes

    @property
    def public(self) -> PublicKey:
        import pyrage

        age = str(pyrage.x25519.Identity.from_str(self.age_identity).to_public())
        return PublicKey(age, self._signer().public_key().public_bytes_raw())

    def _signer(self) -> Ed25519PrivateKey:
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        return Ed25519PrivateKey.from_private_bytes(self.sign_private)

    def sign(self, data: bytes) -> bytes:
        signature: bytes = self._signer().sign(data)
        return signature

    def decrypt(self, data: bytes) -> bytes:
        import pyrage

        decrypted: bytes = pyrage.decrypt(
            data, [pyrage.x25519.Identity.from_str(self.age_identity)]
        )
        return decrypted


def verify(sign_key: bytes, signature: bytes, data: bytes) -> bool:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        Ed25519PublicKey.from_public_bytes(sign_key).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True


def generate(name: str) -> Identity:
    """A new identity: an age key pair and an Ed25519 key pair under one display name."""
    import pyrage
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    name = name.strip()
    if not name or len(name) > 100:
        raise InvalidInput("give a display name of 1 to 100 characters (--name)")
    raw = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.Raw,
        serialization.PrivateFormat.Raw,
        serialization.NoEncryption(),
    )
    return Identity(name, str(pyrage.x25519.Identity.generate()), raw)


def to_record(identity: Identity) -> KeyFile:
    return KeyFile(
        name=identity.name,
        age_identity=identity.age_identity,
        sign_private=b64(identity.sign_private),
    )


def from_record(record: KeyFile, where: str) -> Identity:
    """The stored keys, checked: a damaged file is named, never half used."""
    import pyrage

    try:
        pyrage.x25519.Identity.from_str(record.age_identity)
    except pyrage.IdentityError:
        raise InvalidInput(f"{where} is damaged; restore it from a backup") from None
    secret = unb64(record.sign_private, where)
    if len(secret) != 32:
        raise InvalidInput(f"{where} is damaged; restore it from a backup")
    return Identity(record.name, record.age_identity, secret)
