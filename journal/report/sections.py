"""The sections every trends report shows, built once from a stats Report: self-orientation,
promises kept and trust. `coach stats`, the trends screen and the summaries all lay out these.
"""

from __future__ import annotations

from journal.model import PROMISE_KINDS
from journal.parse import kind_label
from journal.report.document import Chart, Document, Section, Table
from journal.stats import RELIABILITY_DAYS, Report
from journal.text import one_line
from journal.trends import SIGNALS, KindRecord, Signals
from journal.wording import (
    NOT_A_DIAGNOSIS,
    SIGNAL_LABELS,
    contributions_text,
    count,
    direction_text,
    fmt,
    pct,
    period_label,
)

SIGNAL_NAMES = ("index", *SIGNALS)
KEPT_CHARTS = ("commitment", "best_effort")
MAX_OVERDUE = 10
TRENDS_LAYOUT: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("self-orientation", SIGNAL_NAMES),
    ("kept", tuple(f"kept-{kind}" for kind in KEPT_CHARTS)),
    ("trust", ()),
)
"""The sections of trends_document and the keys of their charts, in order, for layouts that
build their widgets before the first report arrives."""


def trends_document(r: Report) -> Document:
    """The whole trends report, as `coach stats` and the trends screen show it."""
    return Document(
        title="Trends",
        span=f"{r.start:%d %b %Y} to {r.end:%d %b %Y}, one bar per {r.period}",
        sentence=r.summary,
        caveat=NOT_A_DIAGNOSIS,
        sections=[self_orientation(r), promises_kept(r), trust(r)],
        start=r.start,
        end=r.end,
        notes=notes(r),
    )


def signal_value(s: Signals, name: str) -> float | None:
    return s.index if name == "index" else s.scores().get(name)


def labels(r: Report) -> list[str]:
    return [period_label(row.signals.start, r.period) for row in r.rows]


def self_orientation(r: Report) -> Section:
    overall = r.overall.signals
    charts, rows = [], []
    for name in SIGNAL_NAMES:
        whole = signal_value(overall, name)
        four, twelve = direction_text(r.directions[4][name]), direction_text(r.directions[12][name])
        rows.append((SIGNAL_LABELS[name], fmt(whole), four, twelve))
        charts.append(
            Chart(
                f"{SIGNAL_LABELS[name].capitalize()}, by {r.period}",
                [signal_value(row.signals, name) for row in r.rows],
                labels(r),
                10.0,
                f"{fmt(whole)} over the range · 4 weeks: {four} · 12 weeks: {twelve}",
                key=name,
            )
        )
    w = overall.words
    return Section(
        "Self-orientation",
        lead=["0–10, lower means more attention on others. Three signals, then their combination."],
        charts=charts,
        table=Table(("Signal", "Over the range", "Last 4 weeks", "Last 12 weeks"), rows),
        after=[
            contributions_text(overall).capitalize() + ".",
            f"In your own words: {fmt(w.i_rate)} I-words and {fmt(w.other_rate)} "
            f"you/we/they-words per 100 ({count(w.words, 'word')}).",
        ],
        key="self-orientation",
    )


def kept_cell(r: KindRecord) -> str:
    """ "85% (17 of 20, 2 renegotiated)": the rate and what it was worked out from."""
    extra = f", {r.renegotiated} renegotiated" if r.renegotiated else ""
    return f"{pct(r.keep_rate)} ({r.kept} of {r.kept + r.broken}{extra})"


def open_commitments(r: Report) -> str:
    overdue = len(r.overdue_commitments)
    return f"Open commitments: {len(r.open_commitments)}" + (
        f", {overdue} overdue." if overdue else "."
    )


def promises_kept(r: Report) -> Section:
    rows = [
        (f"{kind_label(kind)}s", *(kept_cell(rec[kind]) for rec in r.reliability.values()))
        for kind in PROMISE_KINDS
    ]
    rows.append(
        (
            "self-rated vs kept",
            *("–" if gap is None else f"{gap:+.0f} points" for gap in r.calibration.values()),
        )
    )
    charts = [
        Chart(
            f"{kind_label(kind).capitalize()}s kept, by {r.period}",
            [None if (k := row.kept[kind].keep_rate) is None else 100 * k for row in r.rows],
            labels(r),
            100.0,
            f"{pct(r.overall.kept[kind].keep_rate)} over the range",
            key=f"kept-{kind}",
        )
        for kind in KEPT_CHARTS
    ]
    return Section(
        "Promises kept",
        lead=[
            "Kept of kept + broken. Renegotiated promises count apart; released ones are left "
            "out. Self-rated vs kept is your reliability rating as a percentage minus the "
            "commitments you kept."
        ],
        table=Table(("Kind", *(f"Last {d} days" for d in RELIABILITY_DAYS)), rows),
        after=[open_commitments(r)],
        items=[
            f"due {p.due.isoformat() if p.due else '–'}: {one_line(p.text, 100)}"
            for p in r.overdue_commitments[:MAX_OVERDUE]
        ],
        charts=charts,
        key="kept",
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
    return Section(
        "Trust",
        lead=["Your mean self-ratings over the range, 0–10."],
        table=Table(("Part", "Your mean rating"), rows),
        after=after,
        key="trust",
    )


def notes(r: Report) -> list[str]:
    """The streak (when shown) and the entries of a month and a year ago."""
    lines = []
    if r.streak is not None:
        lines.append(f"Check-in streak: {count(r.streak, 'day')}")
    for memory in r.on_this_day:
        lines.append(f"On this day, {memory.label}: {one_line(memory.entry.intent, 70)}")
    return lines
