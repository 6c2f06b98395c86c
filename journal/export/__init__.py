"""Exports: one module per format behind one registry, all built from the same selection.

Private entries, and the promises made on their days, are left out of every format; only the
JSON backup can include them, and only when asked (``include_private``).
"""

from __future__ import annotations

import datetime as dt
import importlib
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from journal.errors import InvalidInput
from journal.periods import fitting_period, period_start

if TYPE_CHECKING:
    from collections.abc import Callable

    from journal.language import WordCounts
    from journal.model import Entry, Promise
    from journal.periods import Period
    from journal.service import JournalService
    from journal.sharing.records import Comment
    from journal.stats import Report

EXPORTERS: dict[str, str] = {
    "json": "journal.export.backup",
    "csv": "journal.export.daily_csv",
    "md": "journal.export.markdown",
    "html": "journal.export.html",
    "pdf": "journal.export.pdf",
}
"""Format name → module with ``render(selection) -> bytes``; imported only when used."""
TEXT_FORMATS = frozenset({"json", "csv", "md", "html"})
"""Formats that can go to standard output; a PDF there would garble a terminal."""


@dataclass(frozen=True)
class Selection:
    """What an export shows: the records in range, and the trends report over them."""

    entries: list[Entry]
    promises: list[Promise]
    counts: Callable[[Entry], WordCounts]
    start: dt.date
    end: dt.date
    period: Period
    include_private: bool
    make_report: Callable[[], Report]
    comments: list[Comment] = field(default_factory=list)
    """Coach comments on days and weeks in the range (never on private days)."""
    title: str = "Coach progress summary"

    @cached_property
    def report(self) -> Report:
        """Built on first use: the backup and the CSV never need the trends, which cost most
        of an export on a long journal."""
        return self.make_report()


def select(
    service: JournalService,
    *,
    start: dt.date | None,
    end: dt.date | None,
    period: Period | None = None,
    include_private: bool = False,
    show_streak: bool = True,
    comments: list[Comment] | None = None,
    title: str = "Coach progress summary",
) -> Selection:
    """Entries oldest first and the promises made in the range (all of it by default)."""
    everything = [e for y in service.years() for e in service.year_entries(y)]
    promises = service.all_promises()
    first = start or (everything[0].date if everything else service.today())
    last = end or service.today()
    if first > last:
        raise InvalidInput(f"--from {first.isoformat()} is after --to {last.isoformat()}")
    chosen: Period = period or fitting_period(first, last)
    private_days = {e.date for e in everything if e.private}
    entries = [
        e for e in everything if first <= e.date <= last and (include_private or not e.private)
    ]
    promises = [
        p
        for p in promises
        if first <= p.made_on <= last and (include_private or p.made_on not in private_days)
    ]
    if comments is None:  # your own journal: what your coaches sent back
        from journal.sharing.share import feedback_store

        comments = feedback_store(service).all()
    shown_weeks = {period_start(e.date, "week") for e in entries}
    shown_days = {e.date for e in entries}
    comments = [
        c
        for c in comments
        if (c.on == "day" and c.date in shown_days) or (c.on == "week" and c.date in shown_weeks)
    ]
    return Selection(
        entries,
        promises,
        service.word_counts,
        first,
        last,
        chosen,
        include_private,
        lambda: service.report(
            start=first,
            end=last,
            period=chosen,
            include_private=include_private,
            show_streak=show_streak,
        ),
        comments,
        title,
    )


def render(fmt: str, selection: Selection) -> bytes:
    if fmt not in EXPORTERS:
        raise InvalidInput(f"unknown export format {fmt!r}: use {', '.join(sorted(EXPORTERS))}")
    module = importlib.import_module(EXPORTERS[fmt])
    data: bytes = module.render(selection)
    return data


def default_filename(fmt: str, selection: Selection) -> str:
    """``coach-<period>-<from>-to-<to>.<ext>``, or ``coach-backup-<date>.json``."""
    if fmt == "json":
        return f"coach-backup-{selection.end.isoformat()}.json"
    span = f"{selection.start.isoformat()}-to-{selection.end.isoformat()}"
    return f"coach-{selection.period}-{span}.{fmt}"
