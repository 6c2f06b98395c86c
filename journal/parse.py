"""Parsing the short forms people type: dates, promise specs, help asks, ratings, whom.

Shared by the CLI and the TUI so both accept exactly the same input and refuse it with the same
one-line messages.
"""

from __future__ import annotations

import datetime as dt
import re

import msgspec

from journal.errors import InvalidInput
from journal.model import (
    EARLIEST_DAY,
    LATEST_DAY,
    PROMISE_KINDS,
    RATING_NAMES,
    TAG_PATTERN,
    IntentFor,
    PromiseKind,
)
from journal.periods import months_back

RELATIVE_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
OFFSET = re.compile(r"^([+-]?[0-9]{1,4})([dwmy])$")
WHOLE_NUMBER = re.compile(r"[+-]?[0-9]+")
"""Digits 0-9 only: int() and \\d also take other scripts' digits (٣, ３), which nobody means
in a rating, a count or a date typed here."""
LONGEST_NUMBER = 20
"""Digits enough for any count or seed (2**64 has 20); int() refuses past 4300."""
DIGITS_ONLY = "write it with the digits 0-9"
RATING_RANGE = (0, 10)
"""As journal.model's Rating, said here so a typed 11 gets its own message."""
KIND_ALIASES: dict[str, PromiseKind] = {
    "commitment": "commitment",
    "commit": "commitment",
    "c": "commitment",
    "best_effort": "best_effort",
    "best-effort": "best_effort",
    "best effort": "best_effort",
    "effort": "best_effort",
    "best": "best_effort",
    "good": "good_intention",
    "b": "best_effort",
    "good_intention": "good_intention",
    "good-intention": "good_intention",
    "good intention": "good_intention",
    "intention": "good_intention",
    "g": "good_intention",
}


def date_examples(today: dt.date) -> str:
    """What a date field takes, shown with a real date a week ahead so the example never
    names a day long gone."""
    return f"friday, +3d, {today + dt.timedelta(days=7):%Y-%m-%d}"


def parse_date(text: str, today: dt.date, what: str = "date") -> dt.date:
    """ISO dates, today / yesterday / tomorrow, an offset such as +3d, -2w, -6m or -3y, or a
    weekday name (``fri``, ``friday``: the next one, today included), as people say due dates;
    only dates from 1900 to 2999."""
    value = text.strip().lower()
    try:
        day = _read_date(value, today)
    except (ValueError, OverflowError):  # an offset past the ends of the calendar
        day = dt.date.max
    if day is None:
        hint = (
            DIGITS_ONLY
            if _other_digits(value)
            else "use YYYY-MM-DD, today, tomorrow, +3d, -6m or a weekday"
        )
        raise InvalidInput(f"{what} {text!r} is not a date: {hint}")
    if not EARLIEST_DAY <= day <= LATEST_DAY:
        raise InvalidInput(
            f"{what} {text!r} is out of range: "
            f"give a date from {EARLIEST_DAY.year} to {LATEST_DAY.year}"
        )
    return day


def _other_digits(text: str) -> bool:
    """Digits of another script: the person meant a number, so say how to write it."""
    return not text.isascii() and any(c.isdigit() for c in text)


def whole_number(text: str, what: str, low: int | None = None, high: int | None = None) -> int:
    """A whole number written with the digits 0-9 (a sign allowed, spaces around ignored),
    from ``low`` to ``high`` when given; ``what`` starts each message (``--years``,
    ``rating 'self=11':``)."""
    value = text.strip()
    if not WHOLE_NUMBER.fullmatch(value):
        span = {
            (True, True): f" from {low} to {high}",
            (True, False): f" of at least {low}",
            (False, True): f" of at most {high}",
            (False, False): "",
        }[low is not None, high is not None]
        hint = f": {DIGITS_ONLY}" if _other_digits(value) else ""
        raise InvalidInput(f"{what} {value!r} is not a whole number{span}{hint}")
    if len(value.lstrip("+-")) > LONGEST_NUMBER:
        raise InvalidInput(f"{what} {value!r} is too long: give at most {LONGEST_NUMBER} digits")
    number = int(value)
    if low is not None and high is not None and not low <= number <= high:
        raise InvalidInput(f"{what} {number} is outside {low}–{high}")
    if low is not None and number < low:
        raise InvalidInput(f"{what} {number} is less than {low}")
    if high is not None and number > high:
        raise InvalidInput(f"{what} {number} is more than {high}")
    return number


def _read_date(value: str, today: dt.date) -> dt.date | None:
    if value in RELATIVE_DAYS:
        return today + dt.timedelta(days=RELATIVE_DAYS[value])
    named = [i for i, name in enumerate(WEEKDAYS) if len(value) >= 3 and name.startswith(value)]
    if len(named) == 1:
        return today + dt.timedelta(days=(named[0] - today.weekday()) % 7)
    offset = OFFSET.match(value)
    if offset:
        n, unit = int(offset.group(1)), offset.group(2)
        if unit in "dw":
            return today + dt.timedelta(days=n * (7 if unit == "w" else 1))
        return months_back(today, -n * (12 if unit == "y" else 1))
    if not value.isascii():
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def parse_kind(text: str) -> PromiseKind:
    kind = KIND_ALIASES.get(text.strip().lower())
    if kind is None:
        raise InvalidInput(
            f"unknown promise kind {text.strip()!r}: use commitment, best_effort or good_intention"
        )
    return kind


class PromiseSpec(msgspec.Struct, frozen=True):
    kind: PromiseKind
    text: str
    to: str = ""
    due: dt.date | None = None


def parse_promise(spec: str, today: dt.date) -> PromiseSpec:
    """``KIND: TEXT [@PERSON] [due:DATE]``, e.g. ``commitment: send the deck @Ana due:friday``.

    A person's name may contain spaces when quoted after @ as one token with underscores,
    which are shown as spaces (``@Ana_Lopez``).
    """
    head, sep, rest = spec.partition(":")
    if not sep:
        raise InvalidInput(f"promise {spec!r} needs a kind first, e.g. 'commitment: call Ana'")
    kind = parse_kind(head)
    words: list[str] = []
    to = ""
    due: dt.date | None = None
    for word in rest.split():
        if word.startswith("@"):
            to = word[1:].replace("_", " ").strip()
            if not to:
                raise InvalidInput(
                    f"promise {spec!r}: @ needs a name right after it, e.g. @Ana or @Ana_Lopez"
                )
        elif word.lower().startswith("due:"):
            due = parse_date(word[4:], today, "due date")
        else:
            words.append(word)
    text = " ".join(words)
    if not text:
        raise InvalidInput(f"promise {spec!r} has no text: what will you do?")
    return PromiseSpec(kind=kind, text=text, to=to, due=due)


def parse_help(spec: str) -> tuple[str, str]:
    """``PERSON: what they asked for`` (the request may be left for later)."""
    person, _, request = spec.partition(":")
    if not person.strip():
        raise InvalidInput(f"help ask {spec!r} needs a person first, e.g. 'Ana: review my notes'")
    return person.strip(), request.strip()


def parse_rating(spec: str) -> tuple[str, int]:
    """``credibility=7``; names may be shortened to a unique prefix (``self=3``)."""
    name, sep, value = spec.partition("=")
    name = name.strip().lower().replace("-", "_")
    matches = [n for n in RATING_NAMES if n.startswith(name)] if name else []
    if not sep or len(matches) != 1:
        raise InvalidInput(
            f"rating {spec!r} should look like credibility=7, with one of {', '.join(RATING_NAMES)}"
        )
    return matches[0], whole_number(value, f"rating {spec!r}:", *RATING_RANGE)


def parse_serves(text: str) -> IntentFor:
    """Whom an intent serves: ``self``, ``team`` or ``team:NAME``, or a person's name."""
    value = text.strip()
    low = value.lower()
    if not value:
        raise InvalidInput("say whom the intent serves: self, team, team:NAME or a name")
    if low in ("self", "me", "myself"):
        return IntentFor(kind="self")
    if low == "team" or low.startswith("team:"):
        return IntentFor(kind="team", name=value[5:].strip())
    return IntentFor(kind="person", name=value)


def serves_text(serves: IntentFor) -> str:
    """The short form parse_serves reads back: what the app shows in the "for whom" field."""
    if serves.kind == "self":
        return "me"
    if serves.kind == "team":
        return f"team:{serves.name}" if serves.name else "team"
    return serves.name


def parse_tag(text: str) -> str:
    """Tags are one lower-case word; a leading # is accepted because people type it."""
    tag = text.strip().lstrip("#").lower()
    if not re.match(TAG_PATTERN, tag) or len(tag) > 64:
        raise InvalidInput(
            f"tag {text.strip()!r} must be one word of up to 64 characters (no spaces, commas or #)"
        )
    return tag


def kind_label(kind: str) -> str:
    return kind.replace("_", " ")


__all__ = [
    "PROMISE_KINDS",
    "PromiseSpec",
    "kind_label",
    "parse_date",
    "parse_help",
    "parse_kind",
    "parse_promise",
    "parse_rating",
    "parse_serves",
    "parse_tag",
    "serves_text",
    "whole_number",
]
