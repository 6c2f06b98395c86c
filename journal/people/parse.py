"""Levels, stages, review decisions and cadences as people type them.

Shared by the CLI and the screens, so both accept the same words and refuse the rest with the
same one line (the CLI turns it into exit 2 with nothing written). Spaces, hyphens and
underscores are the same, case does not count, and any unambiguous start of a word will do.
"""

from __future__ import annotations

import re
from typing import TypeVar

from journal.errors import InvalidInput
from journal.parse import whole_number
from journal.person import (
    DECISIONS,
    LEVELS,
    MAX_CADENCE_DAYS,
    STAGES,
    Decision,
    Level,
    Stage,
)
from journal.text import one_line

CADENCE = re.compile(r"^([0-9]+)\s*([dwm]?)$")
UNIT_DAYS = {"": 1, "d": 1, "w": 7, "m": 30}
"""A month of cadence is 30 days: a reminder, not a calendar date."""
CADENCE_OFF = frozenset({"off", "none", "never", "no"})
LEVEL_ALIASES: dict[str, Level] = {
    "trusted partner": "trusted_advisor",
    "advisor": "trusted_advisor",
}
"""The pyramid's top is called both ways in the coaching model."""

C = TypeVar("C", bound=str)


def words(text: str) -> str:
    return " ".join(one_line(text).lower().replace("-", " ").replace("_", " ").split())


def choice(text: str, options: tuple[C, ...], what: str, aliases: dict[str, C] | None = None) -> C:
    """One of ``options`` from what was typed: the whole word, an alias, or a start that
    fits only one."""
    typed = words(text)
    spoken = {words(o): o for o in options}
    if typed in spoken:
        return spoken[typed]
    if aliases and typed in aliases:
        return aliases[typed]
    starts = {o for w, o in spoken.items() if typed and w.startswith(typed)}
    if len(starts) == 1:
        return starts.pop()
    listed = ", ".join(words(o) for o in options)
    raise InvalidInput(f"unknown {what} {one_line(text, 40)!r}: use one of {listed}")


def parse_level(text: str) -> Level:
    return choice(text, LEVELS, "level", LEVEL_ALIASES)


def parse_stage(text: str) -> Stage:
    return choice(text, STAGES, "stage")


def parse_decision(text: str) -> Decision:
    return choice(text, DECISIONS, "decision")


def parse_cadence(text: str) -> int | None:
    """``2w``, ``10d``, ``1m`` or a number of days; ``off`` for none."""
    typed = one_line(text).lower()
    if typed in CADENCE_OFF:
        return None
    match = CADENCE.match(typed)
    if match is None:
        raise InvalidInput(
            f"cadence {one_line(text, 40)!r} should look like 2w, 10d, 1m (30 days) or off"
        )
    n = whole_number(match.group(1), f"cadence {typed!r}:", 1, MAX_CADENCE_DAYS)
    days = n * UNIT_DAYS[match.group(2)]
    if days > MAX_CADENCE_DAYS:
        raise InvalidInput(f"cadence {typed!r} is more than {MAX_CADENCE_DAYS} days")
    return days


def level_words(level: Level) -> str:
    """How a level reads in a sentence: "trusted advisor"."""
    return level.replace("_", " ")
