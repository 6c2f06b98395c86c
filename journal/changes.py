"""What each answer does to a day's entry, as pure functions from one Entry to the next.

A single answer saved from the app and a whole check-in given on the command line apply the
same functions, so both treat text, ratings, asks and tags exactly alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import msgspec

from journal.errors import InvalidInput
from journal.model import RATING_NAMES, Entry, HelpAsk, IntentFor, Ratings, new_id
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


def private(entry: Entry, flag: bool) -> Entry:
    return msgspec.structs.replace(entry, private=flag)
