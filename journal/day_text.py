"""A whole day of the journal as a text document to edit in $VISUAL / $EDITOR, and back again.

``coach edit`` writes render_day's text to a file, opens the person's editor and reads the
result with journal.day_text_parse.parse_day into a DayEdit. Both are pure (no files, no UI),
so the command decides what to store and the rules are tested without an editor. This module
holds the format both directions share: section titles, markers, escapes and quoting.
Example::

    ## For whom
    Ana Lopez

    ## How can I help?
    - Ana Lopez: a second look at the budget [done] {a1b2c3d4}

    ## Promises made this day
    - commitment: send the revised deck @Ana_Lopez due:2026-11-26 [open] {3f9c1a2b}

The rules, which the document's own ``#`` lines repeat in short:

- ``## Title`` starts a section; a line starting with ``#`` (first column) is a comment. An
  empty section clears its field; a section deleted entirely keeps what was there, so losing
  a heading by accident loses nothing.
- Free text (intent, self-focus, reflection, notes) is kept line for line, blank lines and
  all; only blank lines at either end of a section go. A line of the text starting with ``#``
  or ``\\`` is written with a ``\\`` in front and read back without it (``\\## not a heading``).
- Asks and promises are items: ``- `` starts one; its first line ends with ``[state]`` and
  ``{id}``; further lines of its text are indented by two spaces. A line without ``{id}`` is a
  new ask or promise; deleting a line deletes it. Only open promises change here; outcomes are
  recorded with ``coach promise ID kept``.
- Names: an ask's person is what comes before the first ``:``, spaces and all. A promise's
  person is ``@Ana_Lopez``, underscores read as spaces, as on the command line. A name that
  would be misread that way (an underscore, a colon in an ask, a quote, a line break, leading
  ``#``, or "me" for whom) is written as a JSON string instead: ``@"snake_case"``,
  ``- "Dr: Who": …``, ``"me"`` (a person called me, not myself).
- A promise's person and ``due:DATE`` may be written anywhere in its text (dates as
  journal.parse reads them: 2026-11-26, friday, +3d). A word of the text itself that starts
  with ``@`` or ``due:`` is written ``\\@word`` / ``\\due:``, and read back without the ``\\``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

import msgspec

from journal.model import (
    RATING_NAMES,
    Entry,
    HelpAsk,
    IntentFor,
    Promise,
    PromiseKind,
    Ratings,
    Short,
    Text,
)
from journal.parse import kind_label, serves_text

INTENT, SERVES, ASKS, PROMISES = "Intent", "For whom", "How can I help?", "Promises made this day"
RATINGS, SELF_FOCUS, REFLECTION = "Ratings", "Where I was self-focused", "Reflection"
TAGS, PRIVATE, NOTE = "Tags", "Private", "Note: "
SECTIONS = (INTENT, SERVES, ASKS, PROMISES, RATINGS, SELF_FOCUS, REFLECTION, TAGS, PRIVATE)
ASK_STATES: dict[str, bool | None] = {"done": True, "not done": False, "open": None}
SHORT_ID = 8

HEADING = re.compile(r"##(?!#)[ \t]*(.*?)\s*")
PLAIN_WORD = re.compile(r"(?<!\S)(\\*)(?=@\S|(?i:due:))")


def escape_line(line: str) -> str:
    """Free text: a line that would read as a comment, a heading or an escape gets a ``\\``."""
    return "\\" + line if line.startswith(("#", "\\")) else line


def escape_words(text: str) -> str:
    """A promise's own ``@word`` or ``due:`` gets one more ``\\`` than it had."""
    return PLAIN_WORD.sub(r"\\\1", text)


def quote(name: str) -> str:
    return msgspec.json.encode(name).decode()


def plain(name: str, forbidden: str = "") -> bool:
    """Whether a name can be written as it is: one printable line, no spaces at its ends, and
    nothing a reader would take for syntax."""
    return (
        bool(name)
        and name.isprintable()
        and name == name.strip()
        and not name.startswith(('"', "#", "\\"))
        and not any(c in name for c in forbidden)
    )


def short_ids(ids: list[str]) -> dict[str, str]:
    """Eight characters of each id, more if two of the day's ids begin alike."""
    size = SHORT_ID
    while len({i[:size] for i in ids}) < len(set(ids)):
        size += 1
    return {i: i[:size] for i in ids}


class PromiseLine(msgspec.Struct, frozen=True, kw_only=True):
    """One promise line as written: ``id`` ties it to an existing promise of the day."""

    line: int
    id: str | None
    kind: PromiseKind
    text: Text
    to: Short = ""
    due: dt.date | None = None


class DayEdit(msgspec.Struct, frozen=True, kw_only=True):
    """The whole day as the person left it; a section they deleted keeps the old value."""

    intent: str
    serves: IntentFor | None
    asks: list[HelpAsk]
    ratings: Ratings
    self_focus: str
    reflection: str
    notes: dict[str, str]
    tags: list[str]
    private: bool
    promises: list[PromiseLine]
    deleted_promises: list[str]


def blank_entry(day: dt.date) -> Entry:
    """A day with nothing written yet, so an empty day renders and reads like any other."""
    never = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)
    return Entry(id="-", date=day, created=never, updated=never)


def document_lines(text: str) -> list[str]:
    """Lines as the editor saved them; CRLF is undone only when the editor used it throughout,
    so a carriage return inside someone's text survives."""
    text = text.removeprefix("\ufeff")
    if "\n" in text and text.count("\r\n") == text.count("\n"):
        text = text.replace("\r\n", "\n")
    return text.split("\n")


def is_blank(text: str) -> bool:
    """Nothing but blank lines and comments: the editor was emptied, so nothing should change."""
    return all(
        not line.strip() or (line.startswith("#") and not HEADING.fullmatch(line))
        for line in document_lines(text)
    )


HEADER = (
    "# Change anything below, then save and close the editor.",
    "# Lines starting with # are skipped; to begin a line of your own with # or \\,",
    "# put a \\ in front of it. An empty section clears that part of the day;",
    "# a section you delete altogether is left as it was.",
)
HINTS = {
    INTENT: ("# What you mean to do today, and why. Said plainly, nobody has to guess.",),
    SERVES: ("# A name, team, team:NAME, or me.",),
    ASKS: (
        "# - PERSON: what they asked for [done], [not done] or [open]",
        "# Indent more lines of the same ask by two spaces. The {id} ties a line to its",
        "# ask: a line without one is a new ask, and deleting a line deletes that ask.",
    ),
    PROMISES: (
        "# - KIND: TEXT @PERSON due:DATE   (commitment, best effort or good intention)",
        "# Spaces in a name: @Ana_Lopez. Write \\@ or \\due: for an @word or due: that is",
        "# just text. A line without an {id} is a new promise; deleting a line deletes it.",
        "# Only open promises can be changed here. Record how one went with",
        "# `coach promise ID kept` (or broken, renegotiated, released).",
    ),
    RATINGS: ("# 0 to 10 each, blank for no rating. Self-orientation: higher is more about you.",),
    SELF_FOCUS: ("# Where did your own agenda take the room from theirs? Any number of lines.",),
    REFLECTION: ("# Whatever is worth keeping from the day. Any number of lines.",),
    TAGS: ("# Single words, separated by commas.",),
    PRIVATE: ("# yes keeps this day out of exports and sharing; no leaves it in.",),
}
SELF_WORDS = ("me", "self", "myself", "team")


def render_day(
    day: dt.date, entry: Entry | None, promises: list[Promise], note_keys: Sequence[str] = ()
) -> str:
    """The day as a document with every section present, filled or empty, so the person sees
    everything they can write; parse_day reads it back unchanged.

    ``promises`` are the ones made on ``day``; ``note_keys`` are the note steps of the person's
    prompt pack, shown even before they are answered. A note whose name cannot be a heading
    (a line break, spaces at its ends) is left out, and so left as it was."""
    e = entry or blank_entry(day)
    out = [f"# Coach · {day:%A} {day.day} {day:%B %Y}", *HEADER]

    def section(title: str, hints: Sequence[str], body: list[str]) -> None:
        out.extend(["", f"## {title}", *hints, *body])

    section(INTENT, HINTS[INTENT], _free(e.intent))
    section(SERVES, HINTS[SERVES], [_serves(e.intent_for)] if e.intent_for else [])
    asks = short_ids([a.id for a in e.help])
    section(ASKS, HINTS[ASKS], [line for a in e.help for line in _ask(a, asks[a.id])])
    short = short_ids([p.id for p in promises])
    section(PROMISES, HINTS[PROMISES], [ln for p in promises for ln in _promise(p, short[p.id])])
    ratings = [(n, getattr(e.ratings, n)) for n in RATING_NAMES]
    body = [f"{n.replace('_', '-')}: {'' if v is None else v}".rstrip() for n, v in ratings]
    section(RATINGS, HINTS[RATINGS], body)
    section(SELF_FOCUS, HINTS[SELF_FOCUS], _free(e.self_focus))
    section(REFLECTION, HINTS[REFLECTION], _free(e.reflection))
    for key in dict.fromkeys([*note_keys, *e.notes]):
        if plain(key):
            hint = f"# Your answer to the {key!r} step of your prompt pack."
            section(NOTE + key, (hint,), _free(e.notes.get(key, "")))
    section(TAGS, HINTS[TAGS], [", ".join(e.tags)] if e.tags else [])
    section(PRIVATE, HINTS[PRIVATE], ["yes" if e.private else "no"])
    return "\n".join(out) + "\n"


def _free(text: str) -> list[str]:
    return [escape_line(line) for line in text.split("\n")] if text else []


def _serves(serves: IntentFor) -> str:
    """serves_text's short form, quoted where parse_serves would misread the name."""
    if serves.kind == "team" and serves.name and not plain(serves.name):
        return f"team:{quote(serves.name)}"
    misread = serves.name.lower() in SELF_WORDS or serves.name.lower().startswith("team:")
    if serves.kind == "person" and (misread or not plain(serves.name)):
        return quote(serves.name)
    return serves_text(serves)


def _item(first: str, markers: str, text: str) -> list[str]:
    """``- first…text [state] {id}``, then the text's further lines indented by two spaces."""
    head, *rest = text.split("\n")
    return [f"- {first}{head}{markers}", *(f"  {line}" if line else "" for line in rest)]


def _ask(ask: HelpAsk, short: str) -> list[str]:
    person = ask.person if plain(ask.person, ":") else quote(ask.person)
    state = next(s for s, done in ASK_STATES.items() if done is ask.done)
    return _item(
        f"{person}: " if ask.request else f"{person}:", f" [{state}] {{{short}}}", ask.request
    )


def _promise(promise: Promise, short: str) -> list[str]:
    """Person and due date go on the first line, before the markers, as one would type them."""
    to = promise.to
    person = ""
    if to:
        person = f" @{to.replace(' ', '_')}" if plain(to, "_") else f" @{quote(to)}"
    due = f" due:{promise.due.isoformat()}" if promise.due else ""
    markers = f"{person}{due} [{promise.status}] {{{short}}}"
    return _item(f"{kind_label(promise.kind)}: ", markers, escape_words(promise.text))
