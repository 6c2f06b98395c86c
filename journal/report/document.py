"""The parts a report is made of. Text stays raw: each renderer escapes it for its own medium,
which is the only place that knows what is dangerous there."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field


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
    key: str = ""
    """A stable name (``index``, ``kept-commitment``) for layouts that keep a widget per chart."""

    @property
    def ticks(self) -> list[tuple[float, str]]:
        """The y-axis: (share of the height, label) at the bottom, the middle and the top, so
        a bar's height reads as a figure ("0", "5", "10", or "0%" to "100%")."""
        if self.high == 100:
            return [(0.0, "0%"), (0.5, "50%"), (1.0, "100%")]
        return [(f, f"{self.high * f:g}") for f in (0.0, 0.5, 1.0)]

    @property
    def scale(self) -> str:
        """The y-axis in a few characters, where there is no room to draw one: "0–10"."""
        return "0–100%" if self.high == 100 else f"0–{self.high:g}"


@dataclass(frozen=True)
class Quote:
    heading: str
    text: str
    """A person's own words with their line breaks: renderers show each line as a line."""


@dataclass(frozen=True)
class Section:
    title: str
    lead: list[str] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    table: Table | None = None
    after: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    key: str = ""
    charts_note: str = ""
    """A line just above the charts (a period still under way), where it explains them."""


@dataclass(frozen=True)
class Document:
    title: str
    span: str
    sentence: str
    caveat: str
    sections: list[Section]
    start: dt.date
    end: dt.date
    notes: list[str] = field(default_factory=list)
    """Lines after the sections: the streak and what you wrote a month and a year ago."""
    left_out: str = ""
    """What the figures leave out ("16 private days are not included."), shown under the
    span so a summary can be squared with the app; empty when nothing was."""
    last_in_progress: bool = False
    """Every chart's last period has not ended yet: layouts draw its bar apart (lighter), so
    two days of a month never pass for a month."""
