"""What each answer does to a day's entry or a promise, as pure functions from one record to
the next.

A single answer saved from the app and a whole check-in given on the command line apply the
same functions, so both treat text, ratings, asks and tags exactly alike.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

import msgspec

from journal.errors import InvalidInput, NotFound
from journal.model import (
    RATING_NAMES,
    STAR,
    STAR_TAGS,
    Entry,
    HelpAsk,
    IntentFor,
    Promise,
    PromiseKind,
    PromiseStatus,
    Ratings,
    new_id,
    now,
    validate,
)
from journal.parse import parse_tag

TEXT_FIELDS = ("intent", "self_focus", "reflection")


def intent(entry: Entry, text: str, serves: IntentFor | None) -> Entry:
    return msgspec.structs.replace(entry, intent=text.strip(), intent_for=serves)


def serves(entry: Entry, whom: IntentFor) -> Entry:
    return msgspec.structs.replace(entry, intent_for=whom)


def check_text_field(field: str) -> None:
    if field not in TEXT_FIELDS:
        raise InvalidInput(f"{field!r} is not a text field of an entry")


def text(entry: Entry, field: str, value: str) -> Entry:
    """One of the free-text answers: intent, self_focus or reflection."""
    check_text_field(field)
    return msgspec.structs.replace(entry, **{field: value.strip()})


def note(entry: Entry, key: str, value: str) -> Entry:
    """A custom pack's free-text step, stored under the step's id; empty removes it."""
    notes = dict(entry.notes)
    if value.strip():
        notes[key] = value.strip()
    else:
        notes.pop(key, None)
    return msgspec.structs.replace(entry, notes=notes)


def check_ratings(ratings: Iterable[str]) -> None:
    unknown = set(ratings) - set(RATING_NAMES)
    if unknown:
        raise InvalidInput(
            f"unknown rating {sorted(unknown)[0]!r}; use one of {', '.join(RATING_NAMES)}"
        )


def ratings(entry: Entry, given: Mapping[str, int | None]) -> Entry:
    """Merge self-ratings into the day's; None clears one. Checked with the whole entry, so
    errors read "ratings.credibility: …"."""
    check_ratings(given)
    merged = {**entry.ratings.given(), **given}
    return msgspec.structs.replace(
        entry, ratings=Ratings(**{k: v for k, v in merged.items() if v is not None})
    )


def new_ask(person: str, request: str = "", asked: bool = True) -> HelpAsk:
    """A "how can I help?" ask: whom, and what they asked for if it is known yet."""
    person = person.strip()
    if not person:
        raise InvalidInput("a help ask needs the person's name")
    return HelpAsk(id=new_id(), person=person, request=request.strip(), asked=asked)


def add_asks(entry: Entry, asks: Iterable[HelpAsk]) -> Entry:
    return msgspec.structs.replace(entry, help=[*entry.help, *asks])


def parse_tags(typed: Iterable[str]) -> list[str]:
    """Tags as people type them (a leading # is fine), checked before anything is saved."""
    return [parse_tag(t) for t in typed]


def tags(entry: Entry, added: Iterable[str]) -> Entry:
    """Tags (already parsed) added to the day's; repeats are dropped."""
    return msgspec.structs.replace(entry, tags=list(dict.fromkeys([*entry.tags, *added])))


def replace_tags(entry: Entry, tags: Iterable[str]) -> Entry:
    """The day's tags, all of them (already parsed); repeats are dropped."""
    return msgspec.structs.replace(entry, tags=list(dict.fromkeys(tags)))


def star(entry: Entry, on: bool) -> Entry:
    """Starring adds the star tag; unstarring removes every tag that stars a day."""
    if on:
        return tags(entry, [STAR]) if not entry.starred else entry
    return replace_tags(entry, [t for t in entry.tags if t not in STAR_TAGS])


def marks(entry: Entry, typed: Iterable[str], starred: bool, flag: bool) -> Entry:
    """Tags (already parsed), star and privacy as the check-in's last step shows them: the
    star is a box there, not a tag, so the star tags the day had stay unless it is unticked
    (and typing one of them is a star too)."""
    typed = list(typed)
    stars = [t for t in entry.tags if t in STAR_TAGS and t not in typed]
    marked = replace_tags(entry, [*typed, *stars])
    return private(star(marked, starred or not STAR_TAGS.isdisjoint(typed)), flag)


def private(entry: Entry, flag: bool) -> Entry:
    return msgspec.structs.replace(entry, private=flag)


def update_ask(entry: Entry, help_id: str, fields: Mapping[str, object]) -> Entry:
    """Fill in an ask later: what they asked for, whether I did it."""
    if not any(h.id == help_id for h in entry.help):
        raise NotFound(f"no help ask {help_id[:8]} on {entry.date.isoformat()}")
    asks = [msgspec.structs.replace(h, **fields) if h.id == help_id else h for h in entry.help]
    return msgspec.structs.replace(entry, help=asks)


def remove_ask(entry: Entry, help_id: str) -> Entry:
    """An ask already gone is no change (two windows may both remove it)."""
    return msgspec.structs.replace(entry, help=[h for h in entry.help if h.id != help_id])


# ----- promises ----------------------------------------------------------------------------

PROMISE_FIELDS = frozenset({"text", "kind", "to", "due"})
"""What can change in an open promise; the day it was made and its id decide where it lives."""


def new_promise(
    day: dt.date, text: str, kind: PromiseKind, to: str = "", due: dt.date | None = None
) -> Promise:
    """A validated promise made on ``day``, not yet saved."""
    if not text.strip():
        raise InvalidInput("a promise needs some text: what will you do?")
    if due is not None and due < day:
        raise InvalidInput(f"due date {due.isoformat()} is before the day it was made")
    stamp = now().isoformat()
    data: dict[str, object] = {
        "id": new_id(),
        "made_on": day.isoformat(),
        "text": text.strip(),
        "kind": kind,
        "to": to.strip(),
        "created": stamp,
        "updated": stamp,
    }
    if due is not None:
        data["due"] = due.isoformat()
    return validate(data, Promise, "promise")


def promise_fields(fields: Mapping[str, Any]) -> dict[str, Any]:
    """New terms for an open promise, checked before anything is read: known fields only,
    text and person trimmed, and never an empty text."""
    unknown = set(fields) - PROMISE_FIELDS
    if unknown:
        raise InvalidInput(
            f"cannot change a promise's {sorted(unknown)[0]}; "
            f"only {', '.join(sorted(PROMISE_FIELDS))}"
        )
    clean = {k: v.strip() if isinstance(v, str) else v for k, v in fields.items()}
    if "text" in clean and not clean["text"]:
        raise InvalidInput("a promise needs some text: what will you do?")
    return clean


def edited(promise: Promise, fields: Mapping[str, Any]) -> Promise:
    """The promise with new terms; only an open one can change."""
    if promise.status != "open":
        raise InvalidInput(
            f"promise {promise.short_id} is already {promise.status}; reopen it to edit it"
        )
    due = fields.get("due", promise.due)
    if due is not None and due < promise.made_on:
        raise InvalidInput(f"due date {due.isoformat()} is before the day it was made")
    return msgspec.structs.replace(promise, **fields)


def resolved(promise: Promise, status: PromiseStatus, note: str, day: dt.date) -> Promise:
    """How a promise ended (or, with ``open``, that it had not)."""
    if status == "open":
        return msgspec.structs.replace(promise, status="open", resolved_on=None, note=note)
    return msgspec.structs.replace(
        promise, status=status, resolved_on=day, note=note.strip() or promise.note
    )
