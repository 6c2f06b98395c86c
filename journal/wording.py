"""The words and number formats every report shares: `coach stats`, the trends screen and the
exported summaries say the same thing the same way, so a figure read in one matches the others.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only named in hints: the app's start needs the words, not the analytics
    from journal.model import Promise
    from journal.periods import Period
    from journal.trends import Direction, Signals

SIGNAL_LABELS = {
    "index": "combined index",
    "rating": "your rating",
    "language": "your words",
    "behaviour": "what you did",
}
NOT_A_DIAGNOSIS = (
    "A reflection aid, not a diagnosis: compare these with your own past, not with anyone else."
)
BLOCKS = "▁▂▃▄▅▆▇█"


IRREGULAR = {"person": "people", "entry": "entries", "reply": "replies", "child": "children"}


def plural(noun: str) -> str:
    return IRREGULAR.get(noun, noun + "s")


def count(n: int, noun: str) -> str:
    """``1 day``, ``2 days``, ``11,234 entries``: every count a person reads, said the way
    they would say it."""
    return f"{n:,} {noun if n == 1 else plural(noun)}"


def day_label(day: dt.date) -> str:
    """A day as the history and the confirmations name it: "Tue 24 Nov 2026"."""
    return f"{day:%a %d %b %Y}"


def chain_text(promise: Promise) -> str:
    """Where a renegotiated promise went, or came from: "renegotiated as 2c230a8c"."""
    parts = []
    if promise.renegotiated_from:
        parts.append(f"renegotiated from {promise.renegotiated_from[:8]}")
    if promise.renegotiated_to:
        parts.append(f"renegotiated as {promise.renegotiated_to[:8]}")
    return ", ".join(parts)


def fmt(value: float | None, digits: int = 1, suffix: str = "") -> str:
    """A figure, or an en dash where there is none (never a misleading zero)."""
    return "–" if value is None else f"{value:.{digits}f}{suffix}"


def pct(value: float | None) -> str:
    return "–" if value is None else f"{round(100 * value)}%"


def direction_text(d: Direction) -> str:
    return verdict_text(d.verdict, d.change)


MOVED = {"improving": "improved", "worsening": "worsened"}
"""How a direction reads. Self-orientation is better lower, so "fell" would leave a person to
work out whether falling is good: the word says better or worse, and the number how much."""


def verdict_word(verdict: str) -> str:
    """ "improved", "worsened", "steady" or "not enough data": one word for a direction,
    for sentences that give the figure elsewhere."""
    return MOVED.get(verdict, verdict)


def verdict_text(verdict: str, change: float | None) -> str:
    """ "improved 0.4" or "worsened 0.8": which way it went for you, then by how much on the
    0–10 scale."""
    if verdict not in MOVED or change is None:
        return verdict
    return f"{MOVED[verdict]} {abs(change):.1f}"


def private_note(in_range: int, around: int = 0) -> str:
    """What a summary leaves out, so its figures can be squared with the app's (which count
    every day): private days in its range, and those just outside it that its trends look
    back on. Empty when nothing was left out."""
    if in_range and around:
        return (
            f"{count(in_range, 'private day')} {'is' if in_range == 1 else 'are'} not "
            f"included, nor {around} more that the trends look back on."
        )
    if in_range:
        return f"{count(in_range, 'private day')} {'is' if in_range == 1 else 'are'} not included."
    if around:
        return (
            f"{count(around, 'private day')} that the trends look back on "
            f"{'is' if around == 1 else 'are'} not included."
        )
    return ""


def contributions_text(signals: Signals) -> str:
    """The index taken apart, so it is never a number without its reasons."""
    parts = signals.contributions()
    if not parts:
        return "no signals in this range"
    pieces = " + ".join(f"{SIGNAL_LABELS[name]} {value:.1f}" for name, value in parts.items())
    return f"index {sum(parts.values()):.1f} = {pieces}"


def sparkline(values: Sequence[float | None], low: float = 0.0, high: float = 10.0) -> str:
    """One character per value on a fixed scale (so two sparklines compare); gaps are blank."""
    span = (high - low) or 1.0
    out = []
    for v in values:
        if v is None:
            out.append(" ")
        else:
            level = round((min(max(v, low), high) - low) / span * (len(BLOCKS) - 1))
            out.append(BLOCKS[level])
    return "".join(out)


def period_label(day: dt.date, period: Period) -> str:
    """A period named by its first day, as short as stays unambiguous."""
    if period == "day":
        return day.isoformat()
    if period == "week":
        return f"{day:%d %b %y}"
    if period == "month":
        return f"{day:%b %Y}"
    if period == "quarter":
        return f"Q{(day.month - 1) // 3 + 1} {day:%Y}"
    return f"{day:%Y}"
