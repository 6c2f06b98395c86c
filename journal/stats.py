"""One report of trends over a date range: what `coach stats`, the trends screen and exports show.

Everything here is computed from the journal by journal/trends.py; this module chooses the
windows (the range's periods, the last 4 and 12 weeks, the last 30 and 90 days), writes the
plain-language summary from those figures, and lays the result out as JSON with stable keys.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from journal.language import WordCounts
from journal.model import PROMISE_KINDS, Entry, Promise
from journal.periods import Period, by_period, months_back, period_end, period_start
from journal.trends import (
    ON_THIS_DAY_MONTHS,
    SIGNALS,
    Direction,
    KindRecord,
    OnThisDay,
    Signals,
    Trust,
    calibration_gap,
    direction,
    keep_rates,
    on_this_day,
    open_commitments,
    promise_mix,
    signal_series,
    signals,
    streak,
    trust,
)
from journal.wording import pct, verdict_word

DIRECTION_WEEKS = (4, 12)
RELIABILITY_DAYS = (30, 90)
MAX_TREND_PERIODS = 104
SIGNAL_WORDS = {
    "rating": "your own ratings",
    "language": "your own words",
    "behaviour": "what you did",
}


@dataclass(frozen=True)
class PeriodRow:
    """One period of the range: self-orientation signals, trust and the promise mix."""

    signals: Signals
    trust: Trust
    mix: dict[str, int]
    kept: dict[str, KindRecord]
    """Outcomes of the promises resolved in this period, by kind."""


@dataclass(frozen=True)
class Report:
    today: dt.date
    start: dt.date
    end: dt.date
    period: Period
    rows: list[PeriodRow]
    directions: dict[int, dict[str, Direction]]
    """Weeks → signal ("index", "rating", "language", "behaviour") → direction."""
    reliability: dict[int, dict[str, KindRecord]]
    calibration: dict[int, float | None]
    open_commitments: list[Promise]
    overdue_commitments: list[Promise]
    overall: PeriodRow
    trend: Direction
    """Direction of the index over the range's complete periods: what the summary reports."""
    streak: int | None
    on_this_day: list[OnThisDay]
    summary: str


def build(
    entries: Sequence[Entry],
    promises: Sequence[Promise],
    counts: Callable[[Entry], WordCounts],
    *,
    today: dt.date,
    start: dt.date | None = None,
    end: dt.date | None = None,
    period: Period = "week",
    show_streak: bool = True,
) -> Report:
    """Entries oldest first. The range defaults to the last 12 weeks up to today. Records
    outside what ``reach`` names may be left out: none of them would change a figure."""
    start, end = window(today, start, end)
    in_range = [e for e in entries if start <= e.date <= end]
    groups = by_period(in_range, lambda e: e.date, period)
    made = by_period((p for p in promises if start <= p.made_on <= end), made_on, period)
    settled = by_period(
        (p for p in promises if p.resolved_on is not None and start <= p.resolved_on <= end),
        resolved_on,
        period,
    )
    rows = []
    for s in signal_series(in_range, counts, start, end, period, groups):
        key = period_start(s.start, period)
        rows.append(
            PeriodRow(
                signals=s,
                trust=trust(groups.get(key, []), s.start, s.end),
                mix=promise_mix(made.get(key, []), s.start, s.end),
                kept=keep_rates(settled.get(key, []), s.start, s.end),
            )
        )
    first_week, week_end = direction_weeks(today, end)
    recent = [e for e in entries if first_week <= e.date <= week_end]
    weeks = signal_series(recent, counts, first_week, week_end, "week")
    directions = {w: weekly_directions(weeks[-w:]) for w in DIRECTION_WEEKS}
    reliability = {
        d: keep_rates(promises, end - dt.timedelta(days=d - 1), end) for d in RELIABILITY_DAYS
    }
    calibration = {
        d: calibration_gap(
            entries, reliability[d]["commitment"], end - dt.timedelta(days=d - 1), end
        )
        for d in RELIABILITY_DAYS
    }
    commitments = open_commitments(promises, today)
    overall = PeriodRow(
        signals=signals(in_range, counts, start, end),
        trust=trust(in_range, start, end),
        mix=promise_mix(promises, start, end),
        kept=keep_rates(promises, start, end),
    )

    # The summary's direction runs over finished periods, from the first one with data:
    # years before the journal began are not "missing data".
    def finished(s: Signals) -> bool:
        last_day = period_end(period_start(s.start, period), period)  # s.start may be clipped
        return last_day <= end and last_day < today

    complete = [r.signals for r in rows if finished(r.signals)] or [r.signals for r in rows]
    first_data = next((i for i, c in enumerate(complete) if c.index is not None), len(complete))
    # At most two years of periods: Theil–Sen compares every pair, and a decade of weeks
    # would cost more than the rest of the report.
    complete = complete[first_data:][-MAX_TREND_PERIODS:]
    report = Report(
        today=today,
        start=start,
        end=end,
        period=period,
        rows=rows,
        directions=directions,
        reliability=reliability,
        calibration=calibration,
        open_commitments=commitments.open,
        overdue_commitments=commitments.overdue,
        overall=overall,
        streak=streak((e.date for e in entries), today) if show_streak else None,
        on_this_day=on_this_day({e.date: e for e in entries}, today),
        trend=direction([r.index for r in complete]),
        summary="",
    )
    return Report(**{**report.__dict__, "summary": summarise(report, complete)})


def window(
    today: dt.date, start: dt.date | None = None, end: dt.date | None = None
) -> tuple[dt.date, dt.date]:
    """The range a report covers: by default the last 12 weeks up to today."""
    end = end or today
    return start or period_start(end - dt.timedelta(weeks=11), "week"), end


def direction_weeks(today: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
    """First and last day of the whole weeks the directions are drawn from: the week in
    progress would swing them on a day's data."""
    last_full = period_start(today, "week") - dt.timedelta(days=1)
    week_end = min(end, last_full)
    return period_start(week_end, "week") - dt.timedelta(weeks=max(DIRECTION_WEEKS) - 1), week_end


@dataclass(frozen=True)
class Reach:
    """What ``build`` looks at for one range, so a caller can read only that: entries dated
    within the spans of ``days`` (and, back from today, as far as the streak goes), promises
    made within ``made``, those settled within ``settled``, and every open one."""

    days: tuple[tuple[dt.date, dt.date], ...]
    made: tuple[dt.date, dt.date]
    settled: tuple[dt.date, dt.date]


def reach(today: dt.date, start: dt.date | None = None, end: dt.date | None = None) -> Reach:
    """The records ``build`` would look at for this range (see Reach)."""
    start, end = window(today, start, end)
    first_week, _ = direction_weeks(today, end)
    last_days = end - dt.timedelta(days=max(RELIABILITY_DAYS) - 1)
    ago = [months_back(today, months) for months in ON_THIS_DAY_MONTHS.values()]
    around_today = (min(*ago, today - dt.timedelta(days=1)), today)
    days = ((min(start, first_week, last_days), end), around_today)
    return Reach(days, (start, end), (min(start, last_days), end))


def made_on(p: Promise) -> dt.date:
    return p.made_on


def resolved_on(p: Promise) -> dt.date:
    return p.resolved_on or p.made_on


def weekly_directions(weeks: Sequence[Signals]) -> dict[str, Direction]:
    series: dict[str, list[float | None]] = {"index": [w.index for w in weeks]}
    for name in SIGNALS:
        series[name] = [w.scores().get(name) for w in weeks]
    return {name: direction(values) for name, values in series.items()}


# ----- the summary sentence --------------------------------------------------------------


def summarise(report: Report, periods: Sequence[Signals]) -> str:
    """Two clauses, each traceable to a figure shown beside it: the direction of the
    self-orientation index over the range (and the signal that moved most), then the 90-day
    keep-rates by kind."""
    return f"{self_orientation_clause(report, periods)}; {reliability_clause(report)}."


def self_orientation_clause(report: Report, periods: Sequence[Signals]) -> str:
    d = report.trend
    if d.verdict == "not enough data":
        return (
            f"Not enough {report.period}s with check-ins yet to see which way your "
            "self-orientation is moving"
        )
    span = f"Over the last {len(periods)} {report.period}s"
    if d.verdict == "steady":
        return f"{span} your self-orientation held steady"
    moved = verdict_word(d.verdict)
    if d.change is not None:
        moved += f" by {abs(d.change):.1f}"
    driver = biggest_mover(periods, falling=d.verdict == "improving")
    where = f", mostly in {SIGNAL_WORDS[driver]}" if driver else ""
    return f"{span} your self-orientation {moved}{where}"


def biggest_mover(periods: Sequence[Signals], falling: bool) -> str | None:
    """The signal whose contribution to the index moved most the same way, first half to
    second half of the window."""
    parts = [p.contributions() for p in periods]
    half = len(parts) // 2
    moves: dict[str, float] = {}
    for name in SIGNALS:
        early = [c[name] for c in parts[:half] if name in c]
        late = [c[name] for c in parts[half:] if name in c]
        if early and late:
            change = sum(late) / len(late) - sum(early) / len(early)
            moves[name] = -change if falling else change
    best = max(moves, key=lambda n: moves[n], default=None)
    return best if best is not None and moves[best] > 0 else None


def reliability_clause(report: Report) -> str:
    record = report.reliability[max(RELIABILITY_DAYS)]
    commitments = record["commitment"].keep_rate
    others = [
        f"{kind.replace('_', ' ')}s {pct(record[kind].keep_rate)}"
        for kind in PROMISE_KINDS[1:]
        if record[kind].keep_rate is not None
    ]
    extra = f" ({', '.join(others)})" if others else ""
    if commitments is None:
        return f"no commitments were settled in the last {max(RELIABILITY_DAYS)} days{extra}"
    return f"commitments kept {pct(commitments)} in the last {max(RELIABILITY_DAYS)} days{extra}"


# ----- JSON ------------------------------------------------------------------------------


def to_json(report: Report) -> dict[str, Any]:
    """The report as plain data. Keys are stable (see README, "coach stats --json")."""
    return {
        "today": report.today.isoformat(),
        "from": report.start.isoformat(),
        "to": report.end.isoformat(),
        "period": report.period,
        "summary": report.summary,
        "series": [row_json(r) for r in report.rows],
        "overall": row_json(report.overall),
        "direction": {
            f"{w}w": {name: direction_json(d) for name, d in ds.items()}
            for w, ds in report.directions.items()
        },
        "reliability": {
            f"{d}d": {kind: kind_json(r) for kind, r in rec.items()}
            for d, rec in report.reliability.items()
        },
        "calibration_gap": {f"{d}d": gap for d, gap in report.calibration.items()},
        "open_commitments": len(report.open_commitments),
        "overdue_commitments": [
            {"id": p.id, "text": p.text, "to": p.to, "due": p.due.isoformat() if p.due else None}
            for p in report.overdue_commitments
        ],
        "streak": report.streak,
        "on_this_day": [
            {"label": o.label, "date": o.entry.date.isoformat(), "intent": o.entry.intent}
            for o in report.on_this_day
        ],
    }


def row_json(row: PeriodRow) -> dict[str, Any]:
    s, t = row.signals, row.trust
    return {
        "start": s.start.isoformat(),
        "end": s.end.isoformat(),
        "checkins": s.checkins,
        "self_orientation": {
            "index": s.index,
            "scores": s.scores(),
            "contributions": s.contributions(),
            "rating": s.rating,
            "i_words_per_100": s.words.i_rate,
            "other_words_per_100": s.words.other_rate,
            "words": s.words.words,
            "served_others": s.served_others,
            "asks": s.asks,
            "asks_per_week": s.asks_per_week,
            "asks_done": s.asks_done,
        },
        "trust": {
            "credibility": t.credibility,
            "reliability": t.reliability,
            "intimacy": t.intimacy,
            "character": t.character,
            "self_orientation": t.self_orientation,
            "classic": t.classic,
            "extended": t.extended,
            "spread": t.spread,
            "note": t.note,
        },
        "promises_made": row.mix,
        "promises_kept": {kind: kind_json(r) for kind, r in row.kept.items()},
    }


def kind_json(r: KindRecord) -> dict[str, Any]:
    return {
        "kept": r.kept,
        "broken": r.broken,
        "renegotiated": r.renegotiated,
        "released": r.released,
        "keep_rate": r.keep_rate,
    }


def direction_json(d: Direction) -> dict[str, Any]:
    return {
        "verdict": d.verdict,
        "weeks": d.weeks,
        "points": d.points,
        "slope_per_week": d.slope,
        "change": d.change,
        "noise": d.noise,
    }


__all__ = ["Report", "build", "period_end", "to_json"]
