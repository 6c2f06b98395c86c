"""Reading an edited day document back into a checked DayEdit (the format, and the syntax
both directions share, are in journal.day_text).

Every refusal is one InvalidInput line, "line N (Section): what is wrong and what to write
instead", so the command can show it and reopen the editor on the same text. Values are checked
against the model's own limits where they were written, so the line number is never lost.
"""

from __future__ import annotations

import datetime as dt
import re

import msgspec

from journal.day_text import (
    ASK_STATES,
    ASKS,
    INTENT,
    NOTE,
    PRIVATE,
    PROMISES,
    RATINGS,
    REFLECTION,
    SELF_FOCUS,
    SERVES,
    TAGS,
    DayEdit,
    PromiseLine,
    blank_entry,
    short_ids,
)
from journal.day_text_sections import (
    QUOTED,
    At,
    Section,
    free,
    items,
    known,
    markers,
    one_value,
    sections,
    unquote,
)
from journal.model import (
    PROMISE_STATUSES,
    RATING_NAMES,
    Entry,
    HelpAsk,
    IntentFor,
    NoteKey,
    Promise,
    Ratings,
    new_id,
    validate,
)
from journal.parse import (
    RATING_RANGE,
    parse_date,
    parse_kind,
    parse_serves,
    parse_tag,
    whole_number,
)

TOKEN = re.compile(
    rf"(?:[ \t]|^)(?:@(?:(?P<quoted>{QUOTED})|(?P<plain>[^\s\"]\S*))|(?i:due:)(?P<due>\S*))(?!\S)",
    re.M,
)
"""A promise's person (``@Ana_Lopez`` or ``@"Ana Lopez"``) or due date, anywhere in its text,
as on the command line; removed with one space before it."""
ESCAPED_WORD = re.compile(r"(?<!\S)\\(\\*)(?=@\S|(?i:due:))")


def parse_day(
    text: str, day: dt.date, today: dt.date, entry: Entry | None, promises: list[Promise]
) -> DayEdit:
    """The edited document as a checked DayEdit, or InvalidInput naming the line to fix.

    ``entry`` and ``promises`` are the day as it was: {id} markers are looked up among them,
    and a section the person deleted keeps its value from ``entry``."""
    found = sections(text)
    old = entry or blank_entry(day)
    notes = dict(old.notes)
    for title, section in found.items():
        if title.startswith(NOTE):
            key = title.removeprefix(NOTE)
            if not key:
                At(section.line, title).fail("write the note's name after 'Note:'")
            At(section.line, title).fits(key, NoteKey, "a note's name")
            notes[key] = free(section)
            if not notes[key]:
                del notes[key]
    lines: list[PromiseLine] = []
    deleted: list[str] = []
    if PROMISES in found:
        lines = _promises(found[PROMISES], day, today, promises)
        kept = {line.id for line in lines}
        deleted = [p.id for p in promises if p.id not in kept]
    get = found.get
    return DayEdit(
        intent=free(s) if (s := get(INTENT)) else old.intent,
        serves=_serves(s) if (s := get(SERVES)) else old.intent_for,
        asks=_asks(s, old.help) if (s := get(ASKS)) else list(old.help),
        ratings=_ratings(s) if (s := get(RATINGS)) else old.ratings,
        self_focus=free(s) if (s := get(SELF_FOCUS)) else old.self_focus,
        reflection=free(s) if (s := get(REFLECTION)) else old.reflection,
        notes=notes,
        tags=_tags(s) if (s := get(TAGS)) else list(old.tags),
        private=_private(s) if (s := get(PRIVATE)) else old.private,
        promises=lines,
        deleted_promises=deleted,
    )


def _serves(section: Section) -> IntentFor | None:
    at, value = one_value(section, "a name, team, team:NAME or me")
    if not value:
        return None
    team = re.fullmatch(rf"(?i:team)\s*:\s*({QUOTED})", value)
    if team:
        data = {"kind": "team", "name": unquote(at, team.group(1))}
    elif re.fullmatch(QUOTED, value):
        data = {"kind": "person", "name": unquote(at, value)}
    else:
        with at.checking():
            data = msgspec.to_builtins(parse_serves(value))
    if data.get("kind") == "person" and not data.get("name"):
        at.fail("say whom the intent serves: a name, team, team:NAME or me")
    with at.checking():
        return validate(data, IntentFor)


def _asks(section: Section, old: list[HelpAsk]) -> list[HelpAsk]:
    by_id = {a.id: a for a in old}
    seen: dict[str, int] = {}
    asks = []
    for item in items(section, "ask", "Ana: a second look at the budget [open]"):
        at = At(item.line, section.title)
        first, state, marker = markers(item, at, ASK_STATES)
        before = by_id[known(at, marker, list(by_id), "ask", seen)] if marker else None
        quoted = re.match(QUOTED, first)
        if quoted:
            person, rest = unquote(at, quoted.group()), first[quoted.end() :]
            if rest.strip() and not rest.lstrip().startswith(":"):
                at.fail("after a quoted name write ':' and then what they asked for")
            rest = rest.lstrip().removeprefix(":")
        else:
            person, _, rest = first.partition(":")
            person = person.strip()
        if not person:
            at.fail("an ask needs the person's name first, e.g. '- Ana: review my notes'")
        data = {
            "id": before.id if before else new_id(),
            "person": person,
            "asked": before.asked if before else True,
            "request": "\n".join([rest, *item.rest]).strip(),
            "done": ASK_STATES[state] if state else before.done if before else None,
        }
        with at.checking():
            asks.append(validate(data, HelpAsk, "ask"))
    return asks


def _promises(
    section: Section, day: dt.date, today: dt.date, promises: list[Promise]
) -> list[PromiseLine]:
    by_id = {p.id: p for p in promises}
    short = short_ids(list(by_id))
    seen: dict[str, int] = {}
    lines = []
    for item in items(section, "promise", "commitment: send the deck @Ana due:friday"):
        at = At(item.line, section.title)
        first, state, marker = markers(item, at, PROMISE_STATUSES)
        kind_text, colon, rest = first.partition(":")
        if not colon:
            at.fail("write the kind first, e.g. '- commitment: call Ana'")
        with at.checking():
            kind = parse_kind(kind_text)
        to, due_text, text = _tokens(at, "\n".join([rest, *item.rest]))
        text = ESCAPED_WORD.sub(r"\1", text).strip()
        if not text:
            at.fail("a promise needs some text: what will you do?")
        with at.checking():
            due = parse_date(due_text, today, "due date") if due_text is not None else None
        before = by_id[known(at, marker, list(by_id), "promise", seen)] if marker else None
        if before is None and state not in ("", "open"):
            at.fail(
                f"a new promise starts open: leave out [{state}], save it, then record how "
                "it went with `coach promise ID kept`"
            )
        if before is not None and state and state != before.status:
            at.fail(
                f"outcomes are not changed here: run `coach promise {short[before.id]} {state}` "
                f"and put back [{before.status}]"
            )
        written = (kind, text, to, due)
        same = before is not None and written == (before.kind, before.text, before.to, before.due)
        if before is not None and not same and before.status != "open":
            sid = short[before.id]
            at.fail(
                f"promise {sid} is {before.status}; reopen it to change it: "
                f"coach promise {sid} open"
            )
        if due is not None and due < day and not same:
            at.fail(f"due date {due.isoformat()} is before the day it was made ({day})")
        data = {"line": item.line, "id": before.id if before else None, "kind": kind}
        data |= {"text": text, "to": to, "due": due.isoformat() if due else None}
        with at.checking():
            lines.append(validate(data, PromiseLine, "promise"))
    return lines


def _tokens(at: At, body: str) -> tuple[str, str | None, str]:
    """The person and due date written anywhere in a promise, and the text without them."""
    people: list[str] = []
    dues: list[str] = []
    for match in TOKEN.finditer(body):
        if match.group("due") is not None:
            dues.append(match.group("due"))
        elif match.group("quoted") is not None:
            people.append(unquote(at, match.group("quoted")))
        else:
            people.append(match.group("plain").replace("_", " "))
    if len(people) > 1:
        at.fail(f"a promise is made to one person, and this names {len(people)}: keep one @NAME")
    if len(dues) > 1:
        at.fail("this promise has two due:DATE; keep one")
    return (people[0] if people else ""), (dues[0] if dues else None), TOKEN.sub("", body)


def _ratings(section: Section) -> Ratings:
    given: dict[str, int] = {}
    seen: dict[str, int] = {}
    names = ", ".join(n.replace("_", "-") for n in RATING_NAMES)
    for number, line in section.body:
        if not line.strip():
            continue
        at = At(number, section.title)
        written = re.fullmatch(r"\s*([^:=]*?)\s*[:=]\s*(.*?)\s*", line)
        key = "_".join(written.group(1).lower().replace("-", " ").split()) if written else ""
        matches = [n for n in RATING_NAMES if n == key] or [
            n for n in RATING_NAMES if key and n.startswith(key)
        ]
        if written is None or len(matches) != 1:
            at.fail(f"write 'name: 0-10' with one of {names}, not {line.strip()!r}")
        name, value = written.group(1), written.group(2)
        rating = matches[0]
        if rating in seen:
            at.fail(f"{name} is rated twice (also on line {seen[rating]}); keep one")
        seen[rating] = number
        if not value:
            continue
        with at.checking():
            given[rating] = whole_number(value, name, *RATING_RANGE)
    with At(section.line, section.title).checking():
        return validate(given, Ratings, "ratings")


def _tags(section: Section) -> list[str]:
    tags: list[str] = []
    for number, line in section.body:
        for word in re.split(r"[,\s]+", line):
            if word:
                with At(number, section.title).checking():
                    tags.append(parse_tag(word))
    return list(dict.fromkeys(tags))


def _private(section: Section) -> bool:
    at, value = one_value(section, "yes or no")
    if value.lower() not in ("yes", "no", ""):
        at.fail(f"write yes or no, not {value!r}")
    return value.lower() == "yes"
