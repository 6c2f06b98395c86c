"""What a summary leaves out: the private days. The app's trends count every day, a summary
none of the private ones, so without this note the two disagree and nothing says why.

A summary's trends reach past its range (the last 4 and 12 whole weeks, the last 90 days of
promises, the streak up to today), so a private day there moves its figures too: those are
counted apart, and the note names both.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from journal.periods import period_start
from journal.stats import DIRECTION_WEEKS, RELIABILITY_DAYS
from journal.wording import private_note

if TYPE_CHECKING:
    from journal.report.selection import Selection
    from journal.stats import Report


def reach(report: Report) -> tuple[dt.date, dt.date]:
    """The first and last day any figure of ``report`` is drawn from, as journal/stats.py
    chooses its windows: whole weeks for directions, days back from the range's end for
    keep-rates, and back from today for the streak."""
    last_full = period_start(report.today, "week") - dt.timedelta(days=1)
    week_end = min(report.end, last_full)
    weeks_from = period_start(week_end, "week") - dt.timedelta(weeks=max(DIRECTION_WEEKS) - 1)
    days_from = report.end - dt.timedelta(days=max(RELIABILITY_DAYS) - 1)
    first = min(report.start, weeks_from, days_from)
    if report.streak is not None:  # the day that ended the streak may be a private one
        first = min(first, report.today - dt.timedelta(days=report.streak + 1))
    return first, max(report.end, report.today)


def private_counts(selection: Selection, trends: bool = True) -> tuple[int, int]:
    """Private days left out inside the range, and around it within the trends' reach (0
    when ``trends`` is off: a backup or a CSV has no trends to move)."""
    dates = selection.private_dates
    inside = sum(selection.start <= d <= selection.end for d in dates)
    if not trends or not dates:
        return inside, 0
    first, last = reach(selection.report)
    around = sum(first <= d <= last for d in dates) - inside
    return inside, around


def note(selection: Selection, trends: bool = True) -> str:
    """ "16 private days are not included." or nothing, when no day was left out."""
    return private_note(*private_counts(selection, trends))
