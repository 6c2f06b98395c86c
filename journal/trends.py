"""Trends over the journal: self-orientation, reliability, the trust quotient and direction.

Pure functions over entries, promises and word counts; nothing here reads files or prints.

Self-orientation is shown as three signals, always side by side, and one combined index:

- **rating**: the person's own 0–10 self-orientation rating (higher = more self-focused);
- **language**: of the words in their own writing that point at a person, the share that
  point at themselves ("I", "me", "my"… against "you", "we", "they" and the names of people
  they helped), scaled to 0–10, once there are at least five such words in the period;
- **behaviour**: 10 × (1 − the mean of the behaviour shares available in the period): intents
  that serve someone else, "how can I help?" asks per week (5 a week counts as full), and
  asks whose request was then done.

The **index** is the weighted mean of the signals present, with weights rating 0.4,
language 0.3, behaviour 0.3, renormalised over those present; each signal's contribution
(normalised weight × score) is reported, so the index can always be taken apart. All four are
on the same 0–10 scale where lower means more attention on others. It is a reflection aid
read against one's own past, not a diagnosis.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from journal.language import WordCounts
from journal.model import PROMISE_KINDS, Entry, Promise, PromiseKind
from journal.periods import (
    Period,
    by_period,
    months_back,
    period_end,
    period_starts,
)

Verdict = Literal["improving", "steady", "worsening", "not enough data"]

WEIGHTS: dict[str, float] = {"rating": 0.4, "language": 0.3, "behaviour": 0.3}
SIGNALS = tuple(WEIGHTS)
MIN_POINTING_WORDS = 5
"""Fewer words that point at a person than this and the language signal stays silent: one
short intent with a single "I" says nothing about a week."""
ASKS_PER_WEEK_FULL = 5.0
"""Asking five people a week "how can I help?" counts as the full behaviour score for asks."""
ON_THIS_DAY_MONTHS = {"a month ago": 1, "a year ago": 12}


# ----- self-orientation ------------------------------------------------------------------


@dataclass(frozen=True)
class Signals:
    """Self-orientation signals for one period (a day, a week, a month)."""

    start: dt.date
    end: dt.date
    checkins: int
    rating: float | None
    ratings_given: int
    words: WordCounts
    served_others: float | None
    """Share of intents (with whom they serve) that serve someone other than me."""
    asks: int
    asks_per_week: float
    asks_done: float | None
    """Share of asks with a known outcome where I did what they asked."""

    def scores(self) -> dict[str, float]:
        """Each signal present, on 0–10 where higher is more self-focused."""
        out: dict[str, float] = {}
        if self.rating is not None:
            out["rating"] = self.rating
        share = self.words.self_share
        pointing = self.words.i_words + self.words.other_words
        if share is not None and pointing >= MIN_POINTING_WORDS:
            out["language"] = 10 * share
        outward = [
            v
            for v in (
                self.served_others,
                min(self.asks_per_week / ASKS_PER_WEEK_FULL, 1.0) if self.checkins else None,
                self.asks_done,
            )
            if v is not None
        ]
        if outward:
            out["behaviour"] = 10 * (1 - sum(outward) / len(outward))
        return out

    def contributions(self) -> dict[str, float]:
        """How much each present signal adds to the index (they sum to the index)."""
        scores = self.scores()
        total = sum(WEIGHTS[k] for k in scores)
        return {k: WEIGHTS[k] / total * v for k, v in scores.items()} if total else {}

    @property
    def index(self) -> float | None:
        parts = self.contributions()
        return sum(parts.values()) if parts else None


def signals(
    entries: Sequence[Entry],
    counts: Callable[[Entry], WordCounts],
    start: dt.date,
    end: dt.date,
) -> Signals:
    """Signals over the entries dated within [start, end]. One plain loop: this runs for every
    period of every chart, over up to ten years of entries."""
    checkins = rated = rating_sum = served = served_others = asks = known = done = 0
    words = i_words = other_words = unreadable = 0
    for e in entries:
        if not start <= e.date <= end:
            continue
        checkins += 1
        so = e.ratings.self_orientation
        if so is not None:
            rated += 1
            rating_sum += so
        if e.intent_for is not None:
            served += 1
            served_others += e.intent_for.kind != "self"
        for h in e.help:
            if h.asked:
                asks += 1
                if h.done is not None:
                    known += 1
                    done += h.done
        c = counts(e)
        words += c.words
        i_words += c.i_words
        other_words += c.other_words
        unreadable += c.unreadable_words
    days = (end - start).days + 1
    return Signals(
        start=start,
        end=end,
        checkins=checkins,
        rating=rating_sum / rated if rated else None,
        ratings_given=rated,
        words=WordCounts(words, i_words, other_words, unreadable),
        served_others=served_others / served if served else None,
        asks=asks,
        asks_per_week=asks * 7 / days,
        asks_done=done / known if known else None,
    )


def signal_series(
    entries: Sequence[Entry],
    counts: Callable[[Entry], WordCounts],
    first: dt.date,
    last: dt.date,
    period: Period,
    groups: dict[dt.date, list[Entry]] | None = None,
) -> list[Signals]:
    """One Signals per period from ``first`` to ``last``, oldest first. ``groups`` (from
    by_period) saves grouping again when the caller already has them."""
    if groups is None:
        groups = by_period((e for e in entries if first <= e.date <= last), _day, period)
    # The first and last periods are clipped to the series, so asks per week of a week in
    # progress (or one the range starts inside) count only the days in range.
    return [
        signals(groups.get(s, []), counts, max(s, first), min(period_end(s, period), last))
        for s in period_starts(first, last, period)
    ]


def _day(entry: Entry) -> dt.date:
    return entry.date


# ----- reliability -----------------------------------------------------------------------


@dataclass(frozen=True)
class KindRecord:
    """Outcomes of one kind of promise. Renegotiated counts apart from kept and broken, and
    released ones (let go by the other person) are left out of the keep-rate."""

    kind: PromiseKind
    kept: int = 0
    broken: int = 0
    renegotiated: int = 0
    released: int = 0

    @property
    def keep_rate(self) -> float | None:
        decided = self.kept + self.broken
        return self.kept / decided if decided else None

    @property
    def resolved(self) -> int:
        return self.kept + self.broken + self.renegotiated + self.released


def keep_rates(promises: Iterable[Promise], start: dt.date, end: dt.date) -> dict[str, KindRecord]:
    """Per kind, outcomes of the promises resolved within [start, end]."""
    tally = {k: {"kept": 0, "broken": 0, "renegotiated": 0, "released": 0} for k in PROMISE_KINDS}
    for p in promises:
        if p.status != "open" and p.resolved_on is not None and start <= p.resolved_on <= end:
            tally[p.kind][p.status] += 1
    return {k: KindRecord(kind=k, **v) for k, v in tally.items()}


def promise_mix(promises: Iterable[Promise], start: dt.date, end: dt.date) -> dict[str, int]:
    """How many of each kind were made within [start, end]."""
    mix: dict[str, int] = dict.fromkeys(PROMISE_KINDS, 0)
    for p in promises:
        if start <= p.made_on <= end:
            mix[p.kind] += 1
    return mix


def calibration_gap(
    entries: Sequence[Entry], commitments: KindRecord, start: dt.date, end: dt.date
) -> float | None:
    """Self-rated reliability (as %) minus the commitment keep-rate (%) over the same days.

    Positive: I rate myself more reliable than my commitments show. None without both.
    """
    rated = [
        e.ratings.reliability
        for e in entries
        if start <= e.date <= end and e.ratings.reliability is not None
    ]
    rate = commitments.keep_rate
    if not rated or rate is None:
        return None
    return 10 * statistics.fmean(rated) - 100 * rate


# ----- trust quotient --------------------------------------------------------------------


@dataclass(frozen=True)
class Trust:
    """Mean self-ratings over a period and the trust quotient they give.

    classic = (C + R + I) / S and extended = (C + R + I + Ch) / S, each only when every part is
    present. A self-orientation of 0 leaves the quotient without a finite value: it is None,
    and ``note`` says why, rather than inventing a number. ``spread`` is the gap between the
    highest and lowest numerator component: smaller is more balanced.
    """

    credibility: float | None
    reliability: float | None
    intimacy: float | None
    character: float | None
    self_orientation: float | None
    days: int

    @property
    def classic(self) -> float | None:
        return self._quotient([self.credibility, self.reliability, self.intimacy])

    @property
    def extended(self) -> float | None:
        return self._quotient([self.credibility, self.reliability, self.intimacy, self.character])

    def _quotient(self, parts: list[float | None]) -> float | None:
        s = self.self_orientation
        if s is None or s == 0 or any(p is None for p in parts):
            return None
        return sum(p for p in parts if p is not None) / s

    @property
    def note(self) -> str:
        if self.self_orientation == 0:
            return "self-orientation rated 0: the quotient has no finite value"
        return ""

    @property
    def spread(self) -> float | None:
        parts = [
            p
            for p in (self.credibility, self.reliability, self.intimacy, self.character)
            if p is not None
        ]
        return max(parts) - min(parts) if len(parts) >= 2 else None


def trust(entries: Iterable[Entry], start: dt.date, end: dt.date) -> Trust:
    """Mean of each rating over the days within [start, end] that gave it."""
    sums = [0, 0, 0, 0, 0]
    given = [0, 0, 0, 0, 0]
    days = 0
    for e in entries:
        if start <= e.date <= end:
            days += 1
            r = e.ratings
            values = (r.credibility, r.reliability, r.intimacy, r.character, r.self_orientation)
            for i, value in enumerate(values):
                if value is not None:
                    sums[i] += value
                    given[i] += 1
    means = [total / n if n else None for total, n in zip(sums, given, strict=True)]
    return Trust(
        credibility=means[0],
        reliability=means[1],
        intimacy=means[2],
        character=means[3],
        self_orientation=means[4],
        days=days,
    )


# ----- direction -------------------------------------------------------------------------


@dataclass(frozen=True)
class Direction:
    """Which way a weekly series moved over the last ``weeks`` weeks.

    The slope is Theil–Sen (the median of all pairwise slopes), robust to a single odd week.
    The change over the window counts only when it is larger than the typical week-to-week
    difference (the median absolute difference between consecutive weeks); otherwise the
    series is "steady". With fewer than half the weeks (and at least three) it says so.
    """

    weeks: int
    points: int
    slope: float | None
    change: float | None
    noise: float | None
    verdict: Verdict


def theil_sen(points: Sequence[tuple[float, float]]) -> float | None:
    slopes = [
        (y2 - y1) / (x2 - x1)
        for i, (x1, y1) in enumerate(points)
        for x2, y2 in points[i + 1 :]
        if x2 != x1
    ]
    return statistics.median(slopes) if slopes else None


def direction(values: Sequence[float | None], lower_is_better: bool = True) -> Direction:
    """Direction of the last ``len(values)`` weekly values (None for a week without data)."""
    weeks = len(values)
    points = [(float(i), v) for i, v in enumerate(values) if v is not None]
    if len(points) < max(3, (weeks + 1) // 2):
        return Direction(weeks, len(points), None, None, None, "not enough data")
    slope = theil_sen(points)
    assert slope is not None
    change = slope * (weeks - 1)
    steps = [abs(b[1] - a[1]) for a, b in zip(points, points[1:], strict=False)]
    noise = statistics.median(steps)
    verdict: Verdict = "steady"
    if abs(change) > noise:
        better = change < 0 if lower_is_better else change > 0
        verdict = "improving" if better else "worsening"
    return Direction(weeks, len(points), slope, change, noise, verdict)


# ----- habits ----------------------------------------------------------------------------


def streak(days: Iterable[dt.date], today: dt.date) -> int:
    """Consecutive check-in days ending today, or yesterday while today is still open."""
    have = set(days)
    current = today if today in have else today - dt.timedelta(days=1)
    count = 0
    while current in have:
        count += 1
        current -= dt.timedelta(days=1)
    return count


@dataclass(frozen=True)
class OnThisDay:
    label: str
    entry: Entry


def on_this_day(by_date: dict[dt.date, Entry], today: dt.date) -> list[OnThisDay]:
    """The entries of a month ago and a year ago, when there are any."""
    found = []
    for label, months in ON_THIS_DAY_MONTHS.items():
        entry = by_date.get(months_back(today, months))
        if entry is not None:
            found.append(OnThisDay(label, entry))
    return found


@dataclass(frozen=True)
class OpenCommitments:
    open: list[Promise] = field(default_factory=list)
    overdue: list[Promise] = field(default_factory=list)


def open_commitments(promises: Iterable[Promise], today: dt.date) -> OpenCommitments:
    mine = [p for p in promises if p.kind == "commitment" and p.status == "open"]
    return OpenCommitments(open=mine, overdue=[p for p in mine if p.is_overdue(today)])
