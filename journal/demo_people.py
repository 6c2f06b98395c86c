"""The demo journal's people: what a person would have recorded about their closest working
relationships over the years, so the People screen and `coach people` come alive at once.

The five people named most often get a history: levels that climb (and once slip back), a
stage on the road to loyalty, their script, a review every few months with the next one set,
and for two of them a reconnect cadence. Everyone else has a bare record, as a real journal
would on first look. Dates come from the journal's own span, so the same seed always tells
the same story.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence

from journal.model import Entry, Promise
from journal.people.directory import auto_records, collect
from journal.person import (
    LEVELS,
    STAGES,
    Decision,
    PersonRecord,
    ScriptPart,
    add_review,
    set_cadence,
    set_level,
    set_script,
    set_stage,
)

SCRIPTS: list[dict[ScriptPart, str]] = [
    {
        "matters": "Shipping without waking anyone at night",
        "next": "A release train the team trusts",
        "bad": "Another rushed Friday deploy",
        "why": "Their team's morale, and their own sleep",
    },
    {
        "matters": "Being asked before decisions land on them",
        "next": "A say in next quarter's plan",
        "bad": "Learning about changes from a ticket",
        "why": "They carry the on-call pager",
    },
    {
        "matters": "Clear numbers to take upstairs",
        "next": "A budget that survives review",
        "bad": "Surprises in the monthly report",
        "why": "Their credibility with the board",
    },
]
NOTES = [
    "steady, and getting closer",
    "a rough month after the outage",
    "asked for my view before theirs",
    "we agreed to check in more often",
]


def demo_people(
    entries: Sequence[Entry], promises: Sequence[Promise], seed: int
) -> list[PersonRecord]:
    """Stamped with the journal's last save, so one seed always writes the same bytes."""
    if not entries:
        return []
    at = max(e.updated for e in entries)
    rng = random.Random(seed * 7919 + 11)
    records = auto_records(entries, promises, at=at)
    named = sorted(collect(entries, promises), key=lambda n: -sum(n.spellings.values()))
    busiest = [n.key for n in named][:5]
    by_key = {r.key: r for r in records}
    first, last = entries[0].date, entries[-1].date
    told = [tell(by_key[k], i, first, last, rng, at) for i, k in enumerate(busiest) if k in by_key]
    kept = {r.id for r in told}
    return [*told, *(r for r in records if r.id not in kept)]


def tell(
    record: PersonRecord,
    index: int,
    first: dt.date,
    last: dt.date,
    rng: random.Random,
    at: dt.datetime,
) -> PersonRecord:
    """One relationship's story between the journal's first and last day."""
    span = max((last - first).days, 1)
    steps = 2 + index % 3
    for n in range(steps):
        on = first + dt.timedelta(days=span * (n + 1) // (steps + 1))
        level = LEVELS[min(n + (index % 2), len(LEVELS) - 1)]
        if n == steps - 1 and index == 1:
            level = LEVELS[max(n - 1, 0)]  # one relationship slipped back a level
        record = set_level(record, level, on, at, rng.choice(NOTES))
        record = set_stage(record, STAGES[min(n, len(STAGES) - 1)], on, at)
    record = set_script(record, SCRIPTS[index % len(SCRIPTS)], first + dt.timedelta(days=7), at)
    quarter = dt.timedelta(days=91)
    for n in (2, 1, 0):  # a review a quarter, the last ten days ago
        review_on = last - quarter * n - dt.timedelta(days=10)
        if review_on < first:
            continue
        decision: Decision = "change" if rng.random() < 0.25 else "grow"
        upcoming = review_on + quarter
        if index == 2 and n == 0:  # this one fell due a week ago: someone is overdue
            upcoming = review_on + dt.timedelta(days=3)
        record = add_review(record, decision, review_on, at, rng.choice(NOTES), upcoming)
    if index in (0, 3):
        record = set_cadence(record, 14 if index == 0 else 28, at)
    return record
