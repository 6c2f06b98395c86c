"""The names and tags a person has already used, offered back as they type new ones.

A name typed the same way every time is what lets the journal (and later its people) add up:
suggesting "Ana" when someone starts "an" keeps her from also becoming "ana" and "Anna".
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from journal.text import name_key

if TYPE_CHECKING:
    from journal.app.service import JournalService


@dataclass(frozen=True)
class Vocabulary:
    people: list[str]
    """Names from intents, asks and promises, the most recently used first; one spelling
    (the latest) for names that differ only in case or accents."""
    teams: list[str]
    """Teams intents served, as they are typed: ``team:Platform``."""
    tags: list[str]
    """Tags, the most used first."""


def vocabulary(journal: JournalService) -> Vocabulary:
    """Read once per field a person starts typing into, in a worker: a 30-year journal is
    every year's file, which the store already holds in memory after the first read."""
    used: dict[str, tuple[str, str]] = {}  # name key -> (last day, spelling)
    teams: dict[str, str] = {}
    tags: Counter[str] = Counter()

    def seen(name: str, day: str) -> None:
        name = name.strip()
        key = name_key(name)
        if key and (key not in used or used[key][0] <= day):
            used[key] = (day, name)

    for entry in journal.all_entries():
        day = entry.date.isoformat()
        serves = entry.intent_for
        if serves is not None and serves.kind == "person":
            seen(serves.name, day)
        elif serves is not None and serves.kind == "team" and serves.name:
            teams[name_key(serves.name)] = f"team:{serves.name}"
        for ask in entry.help:
            seen(ask.person, day)
        tags.update(entry.tags)
    for promise in journal.all_promises():
        if promise.to:
            seen(promise.to, promise.made_on.isoformat())
    people = [name for _, name in sorted(used.values(), reverse=True)]
    return Vocabulary(
        people=people,
        teams=sorted(teams.values(), key=name_key),
        tags=[tag for tag, _ in tags.most_common()],
    )
