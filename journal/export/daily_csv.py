"""CSV for spreadsheets: one row per check-in day with the day's numbers (README lists them)."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from journal.model import PROMISE_KINDS, RATING_NAMES, RESOLUTIONS
from journal.trends import SIGNALS, signals

if TYPE_CHECKING:
    from journal.report.selection import Selection

COLUMNS = [
    "date",
    *RATING_NAMES,
    "index",
    *(f"{s}_score" for s in SIGNALS),
    "i_words_per_100",
    "other_words_per_100",
    "words",
    "intent_serves_others",
    "asks",
    "asks_done",
    *(f"made_{k}" for k in PROMISE_KINDS),
    *(f"{outcome}_{k}" for outcome in RESOLUTIONS for k in PROMISE_KINDS),
]


def number(value: float | None, digits: int = 2) -> str:
    return "" if value is None else f"{round(value, digits):g}"


def render(selection: Selection) -> bytes:
    made: dict[str, dict[str, int]] = {}
    settled: dict[str, dict[str, int]] = {}
    for p in selection.promises:
        key = p.made_on.isoformat()
        made.setdefault(key, dict.fromkeys(PROMISE_KINDS, 0))[p.kind] += 1
    for p in selection.promises:
        if p.resolved_on is not None:
            key = f"{p.resolved_on.isoformat()}|{p.status}"
            settled.setdefault(key, dict.fromkeys(PROMISE_KINDS, 0))[p.kind] += 1
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    counts = selection.counts
    for e in selection.entries:
        day = e.date.isoformat()
        s = signals([e], counts, e.date, e.date)
        scores = s.scores()
        ratings = e.ratings.given()
        row = [
            day,
            *(str(ratings[n]) if n in ratings else "" for n in RATING_NAMES),
            number(s.index),
            *(number(scores.get(name)) for name in SIGNALS),
            number(s.words.i_rate),
            number(s.words.other_rate),
            str(s.words.words),
            "" if s.served_others is None else str(int(s.served_others)),
            str(s.asks),
            str(sum(h.done is True for h in e.help if h.asked)),
            *(str(made.get(day, {}).get(k, 0)) for k in PROMISE_KINDS),
            *(
                str(settled.get(f"{day}|{outcome}", {}).get(k, 0))
                for outcome in RESOLUTIONS
                for k in PROMISE_KINDS
            ),
        ]
        writer.writerow(row)
    return out.getvalue().encode()
