"""What travels in a bundle, and the coach's comments: msgspec records checked exactly like
the journal's own, so a bundle's text obeys the same limits as text typed at the keyboard."""

from __future__ import annotations

import datetime as dt
from typing import Final, Literal, TypeVar

import msgspec

from journal.errors import InvalidInput, NewerSchema
from journal.model import Entry, Promise, Record, Short, Stamp, Text, describe

SHARE: Final = "coach-share"
FEEDBACK: Final = "coach-feedback"
BUNDLE_SCHEMA = 1
"""Bumped when a bundle's fields change meaning; an older Coach refuses a newer bundle."""


class Sender(Record):
    name: Short
    key: Short
    """The sender's public key line (``coach1:age1…:…``)."""


class WeekPoint(Record):
    """One week of the client's self-orientation series, as the client's Coach computed it."""

    start: dt.date
    checkins: int
    index: float | None = None
    rating: float | None = None
    language: float | None = None
    behaviour: float | None = None


class ShareBundle(Record):
    format: Literal["coach-share"]
    schema: int
    created: Stamp
    client: Sender
    start: dt.date
    end: dt.date
    entries: list[Entry]
    promises: list[Promise]
    series: list[WeekPoint] = msgspec.field(default_factory=list)


CommentOn = Literal["day", "week"]


class Comment(Record):
    """A coach's note on one day, or on a week (dated by its Monday)."""

    id: str
    on: CommentOn
    date: dt.date
    text: Text
    author: Short
    author_key: Short
    created: Stamp
    updated: Stamp


class FeedbackBundle(Record):
    format: Literal["coach-feedback"]
    schema: int
    created: Stamp
    coach: Sender
    client_key: Short
    """The key line of the client these comments are for."""
    comments: list[Comment]


class _Head(msgspec.Struct):
    """Read first, alone, so a newer bundle is refused as newer rather than as malformed."""

    format: str = ""
    schema: int = 0


T = TypeVar("T")
USE_INSTEAD = {SHARE: "coach clients add", FEEDBACK: "coach feedback import"}


def decode(payload: bytes, kind: type[T], expected: str, source: str) -> T:
    try:
        head = msgspec.json.decode(payload, type=_Head)
    except (msgspec.DecodeError, msgspec.ValidationError) as exc:
        raise InvalidInput(f"{source} holds no readable bundle ({exc})") from None
    if head.format != expected:
        if head.format in USE_INSTEAD:
            raise InvalidInput(
                f"{source} is a {head.format} bundle: open it with `{USE_INSTEAD[head.format]}`"
            )
        raise InvalidInput(f"{source} is not a {expected} bundle")
    if head.schema > BUNDLE_SCHEMA:
        raise NewerSchema(
            f"{source} was made by a newer Coach (bundle schema {head.schema}, this one reads up "
            f"to {BUNDLE_SCHEMA}); upgrade Coach to open it"
        )
    try:
        return msgspec.json.decode(payload, type=kind)
    except msgspec.ValidationError as exc:
        raise InvalidInput(describe(exc, source)) from None
    except msgspec.DecodeError as exc:
        raise InvalidInput(f"{source} holds no readable bundle ({exc})") from None
