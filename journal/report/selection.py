"""What a summary or export shows: the records in range, and the trends report over them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from journal.language import WordCounts
    from journal.model import Comment, Entry, Promise
    from journal.periods import Period
    from journal.person import PersonRecord
    from journal.stats import Report


@dataclass(frozen=True)
class Selection:
    entries: list[Entry]
    """Oldest first."""
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
    people: list[PersonRecord] = field(default_factory=list)
    """The person records: for the JSON backup, and the summary's relationships."""
    relationships: bool = False
    """Whether a summary shows how each relationship stands (asked for with --people)."""
    private_dates: frozenset[dt.date] = frozenset()
    """When private days are left out (empty when included): those of the years the
    summary reads (its range, the weeks and days its trends look back on, and back from
    today along the streak), so it can say how many its figures would have counted."""

    @cached_property
    def report(self) -> Report:
        """Built on first use: the backup and the CSV never need the trends, which cost most
        of an export on a long journal."""
        return self.make_report()
