"""The progress summary as a document of plain parts, laid out once for Markdown, HTML and PDF.

Every count and sentence is decided here, so the three formats cannot disagree with each other
or with `coach stats` (they share its Report and its wording). Text stays raw: each renderer
escapes it for its own medium, which is the only place that knows what is dangerous there.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from journal.model import PROMISE_KINDS
from journal.parse import kind_label
from journal.text import one_line
from journal.trends import SIGNALS
from journal.wording import (
    NOT_A_DIAGNOSIS,
    SIGNAL_LABELS,
    contributions_text,
    direction_text,
    fmt,
    pct,
    period_label,
)

if TYPE_CHECKING:
    from journal.export import Selection
    from journal.stats import Report

STAR_TAGS = frozenset({"star", "starred", "highlight"})
"""Reflections from days tagged with one of these are quoted in the summary."""
MAX_INTENTS = 5
MAX_ASKS = 10
MAX_OVERDUE = 10
MAX_REFLECTIONS = 10
MAX_CHART_PERIODS = 60
"""Bars a chart can hold and stay readable on a printed page; older periods are left off."""


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: Sequence[tuple[str, ...]]
    numeric_from: int = 1
    """Columns from this one on hold figures (aligned right by renderers that can)."""


@dataclass(frozen=True)
class Chart:
    """One bar per period on a fixed scale, so charts side by side compare."""

    title: str
    values: list[float | None]
    labels: list[str]
    high: float
    caption: str


@dataclass(frozen=True)
class Quote:
    heading: str
    text: str


@dataclass(frozen=True)
class Section:
    title: str
    lead: list[str] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    table: Table | None = None
    after: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)


@dataclass(frozen=True)
class Summary:
    title: str
    span: str
    sentence: str
    caveat: str
    sections: list[Section]
    start: dt.date
    end: dt.date


def build(selection: Selection) -> Summary:
    r = selection.report
    days = len(selection.entries)
    span = f"{r.start:%d %B %Y} to {r.end:%d %B %Y} · {days} check-in day{'s' * (days != 1)}"
    if r.streak is not None:
        span += f" · current streak {r.streak} day{'s' * (r.streak != 1)}"
    sections = [
        intents(selection),
        help_given(selection),
        promises(selection),
        self_orientation(r),
        trust(r),
    ]
    chosen = reflections(selection)
    if chosen.quotes:
        sections.append(chosen)
    if selection.comments:
        sections.append(coach_comments(selection))
    return Summary(
        title=one_line(selection.title),
        span=span,
        sentence=r.summary,
        caveat=NOT_A_DIAGNOSIS,
        sections=sections,
        start=r.start,
        end=r.end,
    )


def intents(selection: Selection) -> Section:
    declared = [e for e in selection.entries if e.intent]
    serving = [e for e in declared if e.intent_for and e.intent_for.kind != "self"]
    items = []
    for e in declared[-MAX_INTENTS:][::-1]:
        whom = f" (for {one_line(e.intent_for.label())})" if e.intent_for else ""
        items.append(f"{e.date.isoformat()}: {one_line(e.intent, 120)}{whom}")
    return Section(
        "Intents",
        lead=[f"{len(serving)} of {len(declared)} intents served someone other than you."],
        items=items,
    )


def help_given(selection: Selection) -> Section:
    asks = [(e.date, h) for e in selection.entries for h in e.help if h.asked]
    done = sum(h.done is True for _, h in asks)
    known = sum(h.done is not None for _, h in asks)
    people = len({h.person.casefold() for _, h in asks})
    times = "once" if len(asks) == 1 else f"{len(asks)} times"
    lead = [
        f'You asked "how can I help?" {times}, of {people} {"person" if people == 1 else "people"}'
        f"; you did what they asked {done} of the {known} times with a known outcome."
    ]
    if not asks:
        return Section("Help given", lead=['You did not ask "how can I help?" in this range.'])
    rows = [
        (
            day.isoformat(),
            one_line(h.person, 40),
            one_line(h.request, 80) or "–",
            {True: "yes", False: "no", None: "–"}[h.done],
        )
        for day, h in asks[-MAX_ASKS:][::-1]
    ]
    table = Table(("Day", "Person", "What they asked for", "Done"), rows, numeric_from=4)
    return Section("Help given", lead=lead, table=table)


def promises(selection: Selection) -> Section:
    rows = []
    for kind in PROMISE_KINDS:
        mine = [p for p in selection.promises if p.kind == kind]
        count = {s: sum(p.status == s for p in mine) for s in PROMISE_STATES}
        decided = count["kept"] + count["broken"]
        rate = pct(count["kept"] / decided) if decided else "–"
        rows.append(
            (kind_label(kind), str(len(mine)), *(str(count[s]) for s in PROMISE_STATES), rate)
        )
    headers = ("Kind", "Made", *(s.capitalize() for s in PROMISE_STATES), "Keep-rate")
    r = selection.report
    kept90 = r.reliability[90]
    after = [
        "Kept in the last 90 days: "
        + ", ".join(f"{kind_label(k)}s {pct(kept90[k].keep_rate)}" for k in PROMISE_KINDS)
        + ". Renegotiated promises count apart; released ones are left out of the rate.",
        f"Open commitments: {len(r.open_commitments)}; overdue: {len(r.overdue_commitments)}.",
    ]
    items = [
        f"due {p.due.isoformat() if p.due else '–'}: {one_line(p.text, 100)}"
        for p in r.overdue_commitments[:MAX_OVERDUE]
    ]
    charts = [
        Chart(
            f"{kind_label(kind).capitalize()}s kept, by {r.period}",
            [None if (k := row.kept[kind].keep_rate) is None else 100 * k for row in r.rows],
            [period_label(row.signals.start, r.period) for row in r.rows],
            100.0,
            f"{pct(r.overall.kept[kind].keep_rate)} over the range",
        )
        for kind in ("commitment", "best_effort")
    ]
    return Section(
        "Promises", table=Table(headers, rows), after=after, items=items, charts=trim(charts)
    )


PROMISE_STATES = ("kept", "broken", "renegotiated", "released", "open")


def self_orientation(r: Report) -> Section:
    overall = r.overall.signals
    labels = [period_label(row.signals.start, r.period) for row in r.rows]
    charts, rows = [], []
    for name in ("index", *SIGNALS):
        values = [
            row.signals.index if name == "index" else row.signals.scores().get(name)
            for row in r.rows
        ]
        whole = overall.index if name == "index" else overall.scores().get(name)
        four, twelve = direction_text(r.directions[4][name]), direction_text(r.directions[12][name])
        rows.append((SIGNAL_LABELS[name], fmt(whole), four, twelve))
        caption = f"{fmt(whole)} over the range · 4 weeks: {four} · 12 weeks: {twelve}"
        title = f"{SIGNAL_LABELS[name].capitalize()}, by {r.period}"
        charts.append(Chart(title, values, labels, 10.0, caption))
    w = overall.words
    return Section(
        "Self-orientation",
        lead=["0–10, lower means more attention on others. Three signals, then their combination."],
        charts=trim(charts),
        table=Table(("Signal", "Over the range", "Last 4 weeks", "Last 12 weeks"), rows),
        after=[
            contributions_text(overall).capitalize() + ".",
            f"In your own words: {fmt(w.i_rate)} I-words and {fmt(w.other_rate)} "
            f"you/we/they-words per 100 ({w.words} words).",
        ],
    )


def trust(r: Report) -> Section:
    t = r.overall.trust
    parts = [
        ("credibility", t.credibility),
        ("reliability", t.reliability),
        ("intimacy", t.intimacy),
        ("character", t.character),
        ("self-orientation (divides)", t.self_orientation),
    ]
    after = [
        f"Trust quotient (C+R+I)/S: {fmt(t.classic, 2)}; with character (C+R+I+Ch)/S: "
        f"{fmt(t.extended, 2)}; spread between the parts: {fmt(t.spread)}."
    ]
    if t.note:
        after.append(t.note[:1].upper() + t.note[1:] + ".")
    rows = [(name, fmt(value)) for name, value in parts]
    return Section("Trust", table=Table(("Part", "Your mean rating"), rows), after=after)


def reflections(selection: Selection) -> Section:
    starred = [e for e in selection.entries if e.reflection and STAR_TAGS & set(e.tags)]
    quotes = [
        Quote(f"{e.date:%A %d %B %Y}", one_line(e.reflection)) for e in starred[-MAX_REFLECTIONS:]
    ]
    return Section(
        "Chosen reflections",
        lead=["Days you tagged star, starred or highlight."],
        quotes=quotes,
    )


def coach_comments(selection: Selection) -> Section:
    quotes = [
        Quote(
            (f"Week of {c.date:%d %B %Y}" if c.on == "week" else f"{c.date:%A %d %B %Y}")
            + f", {one_line(c.author, 60)}",
            one_line(c.text),
        )
        for c in selection.comments
    ]
    return Section("Coach comments", quotes=quotes)


def trim(charts: list[Chart]) -> list[Chart]:
    """The latest periods only: a chart of 500 weekly bars is a grey smear."""
    n = MAX_CHART_PERIODS
    return [
        c
        if len(c.values) <= n
        else Chart(f"{c.title} (latest {n})", c.values[-n:], c.labels[-n:], c.high, c.caption)
        for c in charts
    ]
