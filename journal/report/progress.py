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
    checkins: int
    label: str


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
        checkins=signals.checkins,
        label=period_label(start, report.period),
    )


def legend(report: Report, current: InProgress) -> str:
    """The line under the window that says what the shaded bar is and why it is shaded,
    after the HATCH a layout draws in the shaded bars' own style."""
    days = (current.last_day - current.start).days + 1
    name = "week of " if report.period == "week" else ""
    return (
        f"{name}{current.label}: {current.days_so_far} of {days} days so far; "
        "shaded, left out of directions."
    )
