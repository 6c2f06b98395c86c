"""The trends report over a window of time: the figures and the document every layout shows.
`coach stats` and the trends screen (the coach's view of a client's too) come here."""

from __future__ import annotations

import datetime as dt
from typing import Any

import msgspec

from journal.app.service import JournalService
from journal.periods import Period
from journal.report.document import Document
from journal.report.sections import trends_document
from journal.stats import Report


class TrendsRequest(msgspec.Struct, frozen=True, kw_only=True):
    start: dt.date | None = None
    """First day (default: twelve weeks before the last)."""
    end: dt.date | None = None
    """Last day (default: today)."""
    period: Period = "week"
    show_streak: bool = True


class Trends(msgspec.Struct, frozen=True):
    report: Report
    document: Document

    def to_json(self) -> dict[str, Any]:
        """The figures as plain data, keys as the README lists them (`coach stats --json`)."""
        from journal.stats import to_json

        return to_json(self.report)


def trends(journal: JournalService, request: TrendsRequest) -> Trends:
    report = journal.report(
        start=request.start,
        end=request.end,
        period=request.period,
        show_streak=request.show_streak,
    )
    return Trends(report, trends_document(report))


__all__ = ["Report", "Trends", "TrendsRequest", "trends"]
"""Report is the stats report the figures come from, named here for the layouts."""
