"""The bytes of a bundle: signed, compressed, then encrypted to one reader.

    age( MAGIC | signer's Ed25519 key (32) | signature (64) | zlib(JSON payload) )

The signature covers MAGIC and the compressed payload, and is checked before anything is
decompressed or parsed, so a stranger's bytes never reach the JSON decoder; sizes are capped
before and after decompression.
"""

from __future__ import annotations

import zlib
from pathlib import Path

from journal.errors import InvalidInput
from journal.sharing.keys import Identity, verify
from journal.store.disk import read_capped

MAGIC = b"coach-bundle/1\n"
KEY_LEN, SIG_LEN = 32, 64
MAX_BUNDLE_BYTES = 32 * 1024 * 1024
"""A bundle file larger than this is refused unread; ten years of journal is about 2 MB."""
MAX_PAYLOAD_BYTES = 128 * 1024 * 1024
"""Decompressed, a payload may not grow past this (a zip bomb stops here)."""


def too_large(source: str) -> InvalidInput:
    return InvalidInput(
        f"{source} is larger than {MAX_BUNDLE_BYTES // (1024 * 1024)} MB, more than any "
        "Coach bundle; not opened"
    )


def read_bundle(path: Path) -> bytes:
    """A bundle file, refused by its size before it is read (a device, which has no size,
    is read no further than the limit)."""
    raw = read_capped(path, MAX_BUNDLE_BYTES)
    if raw is None:
        raise too_large(str(path))
    return raw


def seal(payload: bytes, identity: Identity, recipient_age: str) -> bytes:
    import pyrage

    body = zlib.compress(payload, 6)
    signer = identity.public.sign
    frame = MAGIC + signer + identity.sign(MAGIC + body) + body
    sealed: bytes = pyrage.encrypt(frame, [pyrage.x25519.Recipient.from_str(recipient_age)])
    return sealed


def unseal(raw: bytes, identity: Identity, source: str) -> tuple[bytes, bytes]:
    """The payload and the key that signed it, or one clear refusal."""
    import pyrage

    if len(raw) > MAX_BUNDLE_BYTES:
        raise too_large(source)
    try:
        frame = identity.decrypt(raw)
    except pyrage.DecryptError as exc:
        if "no matching keys" in str(exc).lower():
            raise InvalidInput(
                f"{source} was encrypted for someone else, not for your key; ask the sender "
                "to use the line `coach keys show` prints"
            ) from None
        raise InvalidInput(
            f"{source} is damaged or not a Coach bundle: it could not be decrypted"
        ) from None
    head = len(MAGIC) + KEY_LEN + SIG_LEN
    if not frame.startswith(MAGIC) or len(frame) < head:
        raise InvalidInput(f"{source} is not a signed Coach bundle")
    signer = frame[len(MAGIC) : len(MAGIC) + KEY_LEN]
    signature = frame[len(MAGIC) + KEY_LEN : head]
    body = frame[head:]
    if not verify(signer, signature, MAGIC + body):
        raise InvalidInput(
            f"{source} has a bad signature: it was changed after it was signed; not opened"
        )
    inflate = zlib.decompressobj()
    try:
        payload = inflate.decompress(body, MAX_PAYLOAD_BYTES + 1)
    except zlib.error:
        raise InvalidInput(f"{source} is damaged: its contents cannot be unpacked") from None
    if len(payload) > MAX_PAYLOAD_BYTES or inflate.unconsumed_tail:
        raise InvalidInput(f"{source} unpacks to more than any Coach bundle holds; not opened")
    if not inflate.eof:
        raise InvalidInput(f"{source} is cut short: its contents end early")
    return payload, signer
