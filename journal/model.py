"""The journal's records: daily entries and the promises made in them.

These are msgspec Structs so that every record read from disk or typed by a person is checked
against one definition, and a failure names the field path, what was expected and what was given.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Literal, TypeVar

import msgspec

from journal.errors import InvalidInput, NewerSchema

SCHEMA_VERSION = 3
"""Bumped whenever stored fields are added or change meaning; older Coaches refuse newer
files. 2: promises link to the promise they were renegotiated into (and from). 3: person
records (journal/people.json), and their changes in the undo history."""


def check_schema(schema: int, source: str, action: str) -> None:
    """Refuse what a newer Coach wrote: reading it could silently drop what it added."""
    if schema > SCHEMA_VERSION:
        raise NewerSchema(
            f"{source} was written by a newer Coach (schema {schema}, this one reads up to "
            f"{SCHEMA_VERSION}); upgrade Coach to {action} it"
        )


PromiseKind = Literal["commitment", "best_effort", "good_intention"]
PromiseStatus = Literal["open", "kept", "broken", "renegotiated", "released"]
ServesKind = Literal["self", "person", "team"]
RatingName = Literal["credibility", "reliability", "intimacy", "character", "self_orientation"]

PROMISE_KINDS: tuple[PromiseKind, ...] = ("commitment", "best_effort", "good_intention")
PROMISE_STATUSES: tuple[PromiseStatus, ...] = ("open", "kept", "broken", "renegotiated", "released")
RESOLUTIONS: tuple[PromiseStatus, ...] = PROMISE_STATUSES[1:]
RATING_NAMES: tuple[RatingName, ...] = (
    "credibility",
    "reliability",
    "intimacy",
    "character",
    "self_orientation",
)

Rating = Annotated[int, msgspec.Meta(ge=0, le=10)]
Text = Annotated[str, msgspec.Meta(max_length=20_000)]
Short = Annotated[str, msgspec.Meta(max_length=500)]
Id = Annotated[str, msgspec.Meta(min_length=1, max_length=64)]
NoteKey = Annotated[str, msgspec.Meta(min_length=1, max_length=64)]
Stamp = Annotated[dt.datetime, msgspec.Meta(tz=True)]
"""Timestamps always carry their UTC offset, so they stay meaningful across time zones."""
EARLIEST_DAY = dt.date(1900, 1, 1)
LATEST_DAY = dt.date(2999, 12, 31)
"""The dates Coach takes, typed or in a bundle: anything outside is a typo (0001 for 2001,
-2000y) or a forgery, and near the ends of Python's range the arithmetic of weeks and months
would fail."""
TAG_PATTERN = r"^[^\s,#\x00-\x1f\x7f-\x9f]+$"
Tag = Annotated[str, msgspec.Meta(min_length=1, max_length=64, pattern=TAG_PATTERN)]


class Record(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True, kw_only=True):
    """Shared settings: unknown fields are refused so a typo never silently drops data."""


class IntentFor(Record):
    """Whom today's intent serves: naming someone else is itself a signal of outward focus."""

    kind: ServesKind
    name: Short = ""

    def label(self) -> str:
        if self.kind == "self":
            return "myself"
        if self.kind == "team":
            return f"team {self.name}".strip() if self.name else "my team"
        return self.name


class HelpAsk(Record):
    """One "how can I help?": who I asked, what they asked for, and whether I did it."""

    id: Id
    person: Short
    asked: bool = True
    request: Text = ""
    done: bool | None = None


class Ratings(Record):
    """Self-ratings 0–10; any may be missing, and a missing one is never treated as zero."""

    credibility: Rating | None = None
    reliability: Rating | None = None
    intimacy: Rating | None = None
    character: Rating | None = None
    self_orientation: Rating | None = None

    def given(self) -> dict[str, int]:
        return {n: v for n in RATING_NAMES if (v := getattr(self, n)) is not None}


STAR = "star"
"""The tag a star adds. Days tagged starred or highlight (as people did before there was a
star key) count as starred too."""
STAR_TAGS = frozenset({STAR, "starred", "highlight"})


class Entry(Record):
    """One day of the journal, keyed by local date."""

    id: Id
    date: dt.date
    created: Stamp
    updated: Stamp
    intent: Text = ""
    intent_for: IntentFor | None = None
    help: list[HelpAsk] = msgspec.field(default_factory=list)
    ratings: Ratings = msgspec.field(default_factory=Ratings)
    self_focus: Text = ""
    reflection: Text = ""
    notes: dict[NoteKey, Text] = msgspec.field(default_factory=dict)
    tags: list[Tag] = msgspec.field(default_factory=list)
    private: bool = False

    @property
    def starred(self) -> bool:
        """A star is a tag, so it travels everywhere tags do (CLI, exports, shares, edits)."""
        return not STAR_TAGS.isdisjoint(self.tags)

    def texts(self) -> list[str]:
        """The person's own words in this entry (never prompt text)."""
        own = [self.intent, self.self_focus, self.reflection, *self.notes.values()]
        own += [h.request for h in self.help]
        return [t for t in own if t]


class Promise(Record):
    """A promise lives on its own so it can carry forward until it is resolved."""

    id: Id
    made_on: dt.date
    text: Text
    kind: PromiseKind
    created: Stamp
    updated: Stamp
    to: Short = ""
    due: dt.date | None = None
    status: PromiseStatus = "open"
    resolved_on: dt.date | None = None
    note: Text = ""
    renegotiated_to: Id | None = None
    """The promise that replaced this one, with new terms, when it was renegotiated."""
    renegotiated_from: Id | None = None
    """The promise this one replaced: together they form a chain, kept track of as one."""

    @property
    def short_id(self) -> str:
        return self.id[:8]

    def is_overdue(self, today: dt.date) -> bool:
        return self.status == "open" and self.due is not None and self.due < today


CommentOn = Literal["day", "week"]
MAX_COMMENT = 4000
"""The longest comment a coach can write, and so the longest a feedback bundle can carry."""


class Comment(Record):
    """A coach's note on one day, or on a week (dated by its Monday)."""

    id: Id
    on: CommentOn
    date: dt.date
    text: Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_COMMENT)]
    author: Short
    author_key: Short
    created: Stamp
    updated: Stamp


class Facts(Record):
    """What the coach's dashboard shows of a client, worked out once when a bundle arrives:
    reading fifty clients' whole journals to draw one table would take seconds."""

    last_checkin: dt.date | None = None
    recent_checkins: list[dt.date] = msgspec.field(default_factory=list)
    direction: str = "not enough data"
    change: float | None = None
    keep_rate: float | None = None
    open_due: list[dt.date | None] = msgspec.field(default_factory=list)
    """Due dates of open commitments (None when undated): overdue is judged on the day shown."""
    summary: Text = ""
    """The trends summary sentence, shown under the dashboard for the selected client."""


class Client(Record):
    """A client in a coach's workspace: who, the key their name is pinned to, and what they
    have shared so far."""

    id: str
    name: Short
    key: Short
    added: Stamp
    updated: Stamp
    bundle_created: Stamp
    start: dt.date
    end: dt.date
    facts: Facts = msgspec.field(default_factory=Facts)


def new_id() -> str:
    return uuid.uuid4().hex


def now() -> dt.datetime:
    """Timezone-aware local time, so an entry shows when it was written where it was written."""
    return dt.datetime.now().astimezone()


T = TypeVar("T")


def validate(data: object, kind: type[T], where: str = "") -> T:
    """Turn untrusted builtins into a record, or raise one line naming the field path."""
    try:
        return msgspec.convert(data, kind)
    except msgspec.ValidationError as exc:
        raise InvalidInput(describe(exc, where)) from None


def describe(exc: msgspec.ValidationError, where: str = "") -> str:
    """msgspec says "Expected `int` <= 10 - at `$.ratings.credibility`"; make it read naturally."""
    text = str(exc)
    message, _, path = text.partition(" - at `")
    path = path.rstrip("`").removeprefix("$").lstrip(".") or "the record"
    message = message.replace("`", "")
    prefix = f"{where}: " if where else ""
    return f"{prefix}{path}: {message[0].lower()}{message[1:]}" if message else f"{prefix}{path}"


def full_record(record: msgspec.Struct) -> dict[str, object]:
    """Every field, defaults included, for output scripts read: keys never come and go."""
    out = msgspec.to_builtins(_with_defaults(record))
    assert isinstance(out, dict)
    return out


def _with_defaults(value: object) -> object:
    """Only structs and lists are walked: the backup of a long journal passes through here
    once per record, and most fields are plain values."""
    if isinstance(value, msgspec.Struct):
        return {
            k: _with_defaults(v) if isinstance(v, (msgspec.Struct, list)) else v
            for k, v in msgspec.structs.asdict(value).items()
        }
    if isinstance(value, list):
        return [_with_defaults(v) if isinstance(v, msgspec.Struct) else v for v in value]
    return value


def to_builtins(record: msgspec.Struct) -> dict[str, object]:
    out = msgspec.to_builtins(record)
    assert isinstance(out, dict)
    return out
