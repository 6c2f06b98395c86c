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
