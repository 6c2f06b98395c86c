"""The period still in progress at the end of a report, if any: a chart draws it apart, because
two days of a week are not a week, and directions already leave it out."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from journal.periods import period_end, period_start
from journal.stats import Report
from journal.wording import period_label

HATCH = "▒"
"""How a period in progress is filled, in every chart that shows one."""


@dataclass(frozen=True)
class InProgress:
    """The last period of a report when it has not ended yet."""

    start: dt.date
    last_day: dt.date
    """The period's own last day, after the report's end."""
    days_so_far: int
    """Its days inside the report."""
    under_way: bool
    """Not over yet (it ends today or later); otherwise the report's range cut it short."""
    label: str

    @property
    def days(self) -> int:
        return (self.last_day - self.start).days + 1

    def said(self, period: str) -> str:
        """ "week of 30 Nov 26: 3 of 7 days so far", or "Oct 2026: only 15 of 31 days in this
        range" when the period is over but the range ends inside it."""
        name = "week of " if period == "week" else ""
        part = (
            f"{self.days_so_far} of {self.days} days so far"
            if self.under_way
            else f"only {self.days_so_far} of {self.days} days in this range"
        )
        return f"{name}{self.label}: {part}"

    def sentence(self, period: str) -> str:
        """The summaries' line beside the charts that draw it."""
        name = "The week of " if period == "week" else ""
        state = (
            f"is still under way ({self.days_so_far} of {self.days} days so far)"
            if self.under_way
            else f"is cut short by the range ({self.days_so_far} of {self.days} days)"
        )
        return (
            f"{name}{self.label} {state}: its bar counts only those days, and it is left out "
            "of directions."
        )


def in_progress(report: Report) -> InProgress | None:
    """The report's last period when it is unfinished, by the same rule the summary's
    direction uses to leave a period out: it ends after the report, or not before today."""
    if not report.rows:
        return None
    signals = report.rows[-1].signals
    start = period_start(signals.start, report.period)
    last_day = period_end(start, report.period)
    if last_day <= report.end and last_day < report.today:
        return None
    return InProgress(
        start=start,
        last_day=last_day,
        days_so_far=(signals.end - start).days + 1,
        under_way=last_day >= report.today,
        label=period_label(start, report.period),
    )


def legend(report: Report, current: InProgress) -> str:
    """The line under the window that says what the shaded bar is and why it is shaded,
    after the HATCH a layout draws in the shaded bars' own style."""
    return f"{current.said(report.period)}; shaded, left out of directions."
