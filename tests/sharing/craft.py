"""Building bundles by hand, the way a hostile or broken sender would: payload JSON written
field by field, then signed and encrypted with the product's own `seal`, or framed by hand
with `pyrage.encrypt` when the signature itself is what is wrong."""

from __future__ import annotations

import datetime as dt
import json
import os
import uuid
import zlib
from typing import Any

import pyrage

from journal.sharing.envelope import MAGIC, seal
from journal.sharing.keys import Identity
from tests.conftest import DAY

STAMP = "2026-11-23T08:00:00+00:00"


def stamp(moment: dt.datetime | None = None) -> str:
    """A timestamp later than any bundle the real CLI made before it (so it counts as newer)."""
    return (moment or dt.datetime.now(dt.timezone.utc) + dt.timedelta(minutes=1)).isoformat()


def person(name: str) -> Identity:
    """Keys that exist only in memory: a stranger, an impostor, a second coach."""
    return Identity(name, str(pyrage.x25519.Identity.generate()), os.urandom(32))


def new_id() -> str:
    return uuid.uuid4().hex


def entry(day: dt.date, **fields: Any) -> dict[str, Any]:
    return {"id": new_id(), "date": day.isoformat(), "created": STAMP, "updated": STAMP, **fields}


def promise(made_on: dt.date, text: str, **fields: Any) -> dict[str, Any]:
    return {
        "id": new_id(),
        "made_on": made_on.isoformat(),
        "text": text,
        "kind": "commitment",
        "created": STAMP,
        "updated": STAMP,
        **fields,
    }


def share(
    sender: Identity,
    *,
    entries: list[dict[str, Any]] | None = None,
    promises: list[dict[str, Any]] | None = None,
    start: dt.date = DAY - dt.timedelta(days=13),
    end: dt.date = DAY,
    **fields: Any,
) -> dict[str, Any]:
    """A share payload as the sender's Coach would write it; ``fields`` override any key."""
    return {
        "format": "coach-share",
        "schema": 1,
        "created": stamp(),
        "client": {"name": sender.name, "key": sender.public.line()},
        "start": start.isoformat(),
        "end": end.isoformat(),
        "entries": [entry(DAY - dt.timedelta(days=1), intent="Ask Bo how I can help")]
        if entries is None
        else entries,
        "promises": [] if promises is None else promises,
        "series": [],
        **fields,
    }


def comment(
    author: Identity, day: dt.date, text: str, on: str = "day", name: str | None = None
) -> dict[str, Any]:
    return {
        "id": new_id(),
        "on": on,
        "date": day.isoformat(),
        "text": text,
        "author": author.name if name is None else name,
        "author_key": author.public.line(),
        "created": STAMP,
        "updated": STAMP,
    }


def feedback(
    coach: Identity, client_key: str, comments: list[dict[str, Any]] | None = None, **fields: Any
) -> dict[str, Any]:
    return {
        "format": "coach-feedback",
        "schema": 1,
        "created": stamp(),
        "coach": {"name": coach.name, "key": coach.public.line()},
        "client_key": client_key,
        "comments": [] if comments is None else comments,
        **fields,
    }


def encode(payload: dict[str, Any] | bytes) -> bytes:
    if isinstance(payload, bytes):
        return payload
    return json.dumps(payload, ensure_ascii=False).encode()


def sealed(payload: dict[str, Any] | bytes, signer: Identity, to: Identity) -> bytes:
    """Signed by ``signer`` and encrypted for ``to``, exactly as Coach seals a bundle; a share
    names ``to`` as its coach unless the payload already names one."""
    if isinstance(payload, dict) and payload.get("format") == "coach-share":
        payload = {"coach_key": to.public.line(), **payload}
    return seal(encode(payload), signer, to.public.age)


def framed(frame: bytes, to: Identity) -> bytes:
    """Any frame at all, encrypted for ``to``: the signature is whatever the frame says."""
    encrypted: bytes = pyrage.encrypt(frame, [pyrage.x25519.Recipient.from_str(to.public.age)])
    return encrypted


def signed_frame(body: bytes, signer: Identity) -> bytes:
    """A well-signed frame around an already compressed ``body``."""
    return MAGIC + signer.public.sign + signer.sign(MAGIC + body) + body


def compressed(payload: dict[str, Any] | bytes) -> bytes:
    return zlib.compress(encode(payload), 6)
