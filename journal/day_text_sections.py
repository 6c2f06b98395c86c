"""The structure of an edited day document: its sections, the items in a list section, the
markers at the end of an item's first line, and where each sits, so every refusal can name its
line and section. What each section's words mean is journal.day_text_parse's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import NoReturn

import msgspec

from journal.day_text import HEADING, NOTE, SECTIONS, document_lines
from journal.errors import InvalidInput
from journal.model import Text

QUOTED = r'"(?:[^"\\\n]|\\.)*"'
MARKERS = re.compile(
    r"(?P<text>.*?)(?: \[(?P<state>[A-Za-z][A-Za-z ]*)\])?"
    r"(?: \{(?P<id>[0-9a-fA-F]{4,64})\})?[ \t]*",
    re.S,
)
"""The end of an item's first line: `` [state] {id}``, each after exactly one space so the
text before keeps its own spacing."""


class At(msgspec.Struct, frozen=True):
    """Where a problem is, so every message says which line and section to look at."""

    line: int
    section: str

    def fail(self, message: str) -> NoReturn:
        raise InvalidInput(f"line {self.line} ({self.section}): {message}")

    @contextmanager
    def checking(self) -> Iterator[None]:
        """A shared parser's one-line message, with the place added in front."""
        try:
            yield
        except InvalidInput as exc:
            self.fail(str(exc))

    def fits(self, value: object, kind: object, what: str) -> None:
        """The model's own limits (lengths, patterns), checked where the value was written."""
        try:
            msgspec.convert(value, kind)
        except msgspec.ValidationError as exc:
            reason = str(exc).partition(" - at ")[0].replace("`", "")
            self.fail(f"{what} cannot be kept: {reason[:1].lower()}{reason[1:]}")


class Section(msgspec.Struct):
    title: str
    line: int
    body: list[tuple[int, str]]


class Item(msgspec.Struct):
    line: int
    first: str
    rest: list[str]


def section_title(raw: str) -> str | None:
    note = re.fullmatch(r"note\s*:\s*(.*)", raw, re.I)
    if note:
        return NOTE + note.group(1).strip()
    key = " ".join(re.sub(r"\s*\(.*\)$", "", raw).replace("?", " ").split()).lower().rstrip(":")
    return next((s for s in SECTIONS if " ".join(s.replace("?", " ").split()).lower() == key), None)


def sections(text: str) -> dict[str, Section]:
    found: dict[str, Section] = {}
    current: Section | None = None
    for number, line in enumerate(document_lines(text), 1):
        heading = HEADING.fullmatch(line)
        if heading:
            title = section_title(heading.group(1))
            if title is None:
                names = ", ".join(SECTIONS)
                raise InvalidInput(
                    f"line {number}: unknown section '## {heading.group(1)}': use {names} "
                    "or Note: NAME"
                )
            if title in found:
                At(number, title).fail(
                    f"this section is written twice (first on line {found[title].line}); "
                    "keep one and delete the other"
                )
            current = found[title] = Section(title, number, [])
        elif line.startswith("#"):
            continue
        elif current is not None:
            current.body.append((number, line))
        elif line.strip():
            raise InvalidInput(
                f"line {number}: this text is outside any section; put it under a heading "
                "such as ## Reflection"
            )
    return found


def free(section: Section) -> str:
    """Free text line for line, escapes undone; only blank lines at either end go."""
    lines = [line[1:] if line.startswith("\\") else line for _, line in section.body]
    while lines and not lines[-1].strip():
        lines.pop()
    while lines and not lines[0].strip():
        lines.pop(0)
    value = "\n".join(lines)
    At(section.line, section.title).fits(value, Text, "this text")
    return value


def one_value(section: Section, hint: str) -> tuple[At, str]:
    """The single value of a one-line section ("" when empty)."""
    given = [(n, line.strip()) for n, line in section.body if line.strip()]
    if len(given) > 1:
        At(given[1][0], section.title).fail(f"write just one line here: {hint}")
    number, value = given[0] if given else (section.line, "")
    return At(number, section.title), value


def unquote(at: At, text: str) -> str:
    try:
        return msgspec.json.decode(text.encode(), type=str)
    except msgspec.DecodeError:
        at.fail(f'{text} is not a quoted name: inside the quotes write \\" for " and \\\\ for \\')


def items(section: Section, noun: str, example: str) -> list[Item]:
    """``- `` starts an item; lines indented by two spaces (or blank) carry on its text."""
    items: list[Item] = []
    for number, line in section.body:
        if line.startswith("-"):
            items.append(Item(number, line[1:].lstrip(" \t"), []))
        elif items and (not line.strip() or line.startswith((" ", "\t"))):
            items[-1].rest.append(line[2:] if line.startswith("  ") else line[1:])
        elif line.strip():
            At(number, section.title).fail(
                f"start each {noun} with '- ', e.g. '- {example}'; indent further lines of "
                "its text by two spaces"
            )
    return items


def markers(
    item: Item, at: At, states: tuple[str, ...] | dict[str, bool | None]
) -> tuple[str, str, str]:
    """The first line's text, its [state] and its {id} (empty strings when left out)."""
    match = MARKERS.fullmatch(item.first)
    assert match is not None  # every part of the pattern is optional
    state = " ".join((match.group("state") or "").lower().split())
    if state and state not in states:
        at.fail(
            f"[{match.group('state')}] at the end of the line reads as a state: use "
            + ", ".join(f"[{s}]" for s in states)
            + " (to end the text with it, add [open] after it)"
        )
    return match.group("text"), state, (match.group("id") or "").lower()


def known(at: At, marker: str, ids: list[str], noun: str, seen: dict[str, int]) -> str:
    """The full id a {marker} stands for, among this day's asks or promises."""
    matches = [i for i in ids if i.lower().startswith(marker)]
    if not matches:
        at.fail(f"no {noun} {{{marker}}} on this day; leave out the {{…}} to add a new {noun}")
    if len(matches) > 1:
        at.fail(f"{{{marker}}} could be more than one {noun}; write more of its id")
    if matches[0] in seen:
        at.fail(f"{noun} {{{marker}}} is already on line {seen[matches[0]]}; keep one line for it")
    seen[matches[0]] = at.line
    return matches[0]
