"""Opening a bundle: decrypt, check the signature, decode, and check that the sender named
inside is the one who signed, so a bundle cannot borrow someone else's name and key line."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from journal.errors import InvalidInput
from journal.sharing.envelope import unseal
from journal.sharing.keys import Identity, PublicKey, parse_public
from journal.sharing.records import FEEDBACK, SHARE, FeedbackBundle, Sender, ShareBundle, decode

B = TypeVar("B")


def _open(
    raw: bytes,
    identity: Identity,
    source: str,
    kind: type[B],
    expected: str,
    sender_of: Callable[[B], Sender],
) -> tuple[B, PublicKey]:
    payload, signer = unseal(raw, identity, source)
    bundle = decode(payload, kind, expected, source)
    try:
        named = parse_public(sender_of(bundle).key)
    except InvalidInput as exc:
        raise InvalidInput(f"{source}: the sender's key line is damaged ({exc})") from None
    if named.sign != signer:
        raise InvalidInput(f"{source} was signed by a key other than the sender's own; not opened")
    return bundle, named


def open_share(raw: bytes, identity: Identity, source: str) -> tuple[ShareBundle, PublicKey]:
    bundle, sender = _open(raw, identity, source, ShareBundle, SHARE, lambda b: b.client)
    if bundle.coach_key != identity.public.line():
        raise InvalidInput(
            f"{source} was made for another coach and passed on to you; ask the client to "
            "share with your key"
        )
    return bundle, sender


def open_feedback(raw: bytes, identity: Identity, source: str) -> tuple[FeedbackBundle, PublicKey]:
    return _open(raw, identity, source, FeedbackBundle, FEEDBACK, lambda b: b.coach)
