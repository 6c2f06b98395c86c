"""What travels in a bundle, and the coach's comments: msgspec records checked exactly like
the journal's own, so a bundle's text obeys the same limits as text typed at the keyboard."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Annotated, Final, Literal, TypeVar

import msgspec

from journal.errors import InvalidInput, NewerSchema
from journal.model import (
    EARLIEST_DAY,
    LATEST_DAY,
    Comment,
    Entry,
    Promise,
    Record,
    Short,
    Stamp,
    describe,
)
from journal.person import PersonRecord

SHARE: Final = "coach-share"
FEEDBACK: Final = "coach-feedback"
BUNDLE_SCHEMA = 1
"""The schema bundles are written with; bumped when a bundle's fields change meaning."""
PEOPLE_SCHEMA = 2
"""A share holding people: only such a share says 2, so a coach whose Coach predates people
still opens every share that does not, and is told to upgrade for one that does."""
READABLE_SCHEMA = PEOPLE_SCHEMA
"""The newest schema this Coach opens; an older Coach refuses a newer bundle as newer."""


class Sender(Record):
    name: Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
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
    coach_key: Short
    """The key line of the coach it was made for: signed with the rest, so a coach cannot pass
    a client's share on to someone else as if it had been made for them."""
    start: dt.date
    end: dt.date
    entries: list[Entry]
    promises: list[Promise]
    series: list[WeekPoint] = msgspec.field(default_factory=list)
    people: list[PersonRecord] = msgspec.field(default_factory=list)
    """The client's records of the people the shared days name, when they chose to share
    them (`coach share --people`)."""


class FeedbackBundle(Record):
    format: Literal["coach-feedback"]
    schema: int
    created: Stamp
    coach: Sender
    client_key: Short
    """The key line of the client these comments are for."""
    comments: list[Comment]


def check_dates(dates: Iterable[dt.date | None], source: str) -> None:
    """Dates a bundle may carry: the same range as dates typed (see EARLIEST_DAY)."""
    odd = next((d for d in dates if d is not None and not EARLIEST_DAY <= d <= LATEST_DAY), None)
    if odd is not None:
        raise InvalidInput(f"{source} has a date out of range ({odd.isoformat()}); not opened")


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
    except UnicodeDecodeError:
        raise InvalidInput(f"{source} holds text that is not valid UTF-8; not opened") from None
    if head.format != expected:
        if head.format in USE_INSTEAD:
            raise InvalidInput(
                f"{source} is a {head.format} bundle: open it with `{USE_INSTEAD[head.format]}`"
            )
        raise InvalidInput(f"{source} is not a {expected} bundle")
    if head.schema > READABLE_SCHEMA:
        raise NewerSchema(
            f"{source} was made by a newer Coach (bundle schema {head.schema}, this one reads up "
            f"to {READABLE_SCHEMA}); upgrade Coach to open it"
        )
    try:
        return msgspec.json.decode(payload, type=kind)
    except msgspec.ValidationError as exc:
        raise InvalidInput(describe(exc, source)) from None
    except msgspec.DecodeError as exc:
        raise InvalidInput(f"{source} holds no readable bundle ({exc})") from None
    except UnicodeDecodeError:
        raise InvalidInput(f"{source} holds text that is not valid UTF-8; not opened") from None
