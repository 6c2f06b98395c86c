"""Trust over time: each part of the trust equation and the quotient they give, period by
period. One figure for the whole range hides a part that lags or a quotient that moves, so the
trends screen draws these beside the self-orientation charts. Everything comes from the rows a
stats Report already holds; nothing is counted again."""

from __future__ import annotations

from dataclasses import dataclass

from journal.report.document import Chart
from journal.stats import Report
from journal.trends import Trust
from journal.wording import fmt, period_label

QUOTIENT_HIGH = 15.0
"""The quotient's chart is on a fixed 0–15 scale, the span of the published self-test: ratings
of 7 over a self-orientation of 2 already make 10.5. A rarer period above it is drawn to the
top and marked."""

PARTS: tuple[tuple[str, str, str], ...] = (
    ("credibility", "C", "credibility"),
    ("reliability", "R", "reliability"),
    ("intimacy", "I", "intimacy"),
    ("character", "Ch", "character"),
    ("self_orientation", "S", "self-orientation"),
)
"""Field of Trust, its letter in the equation, and its name in a sentence."""


@dataclass(frozen=True)
class PartSeries:
    """One part's mean self-rating, per period and over the range, on 0–10."""

    key: str
    letter: str
    name: str
    values: list[float | None]
    overall: float | None
    divides: bool
    """Self-orientation divides the others: for it alone, lower is better."""


@dataclass(frozen=True)
class TrustSeries:
    quotient: Chart
    """The classic quotient (C+R+I)/S per period, comparable with the published form."""
    parts: list[PartSeries]


def part_value(trust: Trust, key: str) -> float | None:
    value = getattr(trust, key)
    return None if value is None else float(value)


def trust_series(report: Report) -> TrustSeries:
    overall = report.overall.trust
    labels = [period_label(row.signals.start, report.period) for row in report.rows]
    quotient = Chart(
        f"Trust quotient (C+R+I)/S, by {report.period}",
        [row.trust.classic for row in report.rows],
        labels,
        QUOTIENT_HIGH,
        f"{fmt(overall.classic, 2)} over the range · with character (C+R+I+Ch)/S: "
        f"{fmt(overall.extended, 2)}",
        key="quotient",
    )
    parts = [
        PartSeries(
            key=key,
            letter=letter,
            name=name,
            values=[part_value(row.trust, key) for row in report.rows],
            overall=part_value(overall, key),
            divides=key == "self_orientation",
        )
        for key, letter, name in PARTS
    ]
    return TrustSeries(quotient, parts)


def parts_legend(series: TrustSeries) -> str:
    """The letters spelled out: the strips under the quotient are too narrow for names."""
    named = ", ".join(f"{p.letter} {p.name}" for p in series.parts if not p.divides)
    divisor = ", ".join(f"{p.letter} {p.name}" for p in series.parts if p.divides)
    return (
        f"Under the quotient, each part's mean rating, 0–10: {named}, and {divisor}, the "
        "divisor, where lower is better."
    )
