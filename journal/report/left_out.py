"""What a summary leaves out: the private days. The app's trends count every day, a summary
none of the private ones, so without this note the two disagree and nothing says why.

A summary's trends reach past its range (the last 4 and 12 whole weeks, the last 90 days of
promises, the streak back from today), so a private day there moves its figures too: those
are counted apart, and the note names both. Days between the range's end and today that no
figure reads are not counted.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from journal.stats import reach
from journal.wording import private_note

if TYPE_CHECKING:
    from journal.report.selection import Selection
    from journal.stats import Report


def spans(report: Report) -> list[tuple[dt.date, dt.date]]:
    """The days the figures of ``report`` are drawn from, as journal/stats.py chooses them
    (its range with the weeks and days its directions and keep-rates look back on), and the
    streak back from today, to the day that ended it (which may be a private one)."""
    found = [reach(report.today, report.start, report.end).days[0]]
    if report.streak is not None:
        found.append((report.today - dt.timedelta(days=report.streak + 1), report.today))
    return found


def private_counts(selection: Selection, trends: bool = True) -> tuple[int, int]:
    """Private days left out inside the range, and around it within the trends' reach (0
    when ``trends`` is off: a backup or a CSV has no trends to move)."""
    dates = selection.private_dates
    inside = sum(selection.start <= d <= selection.end for d in dates)
    if not trends or not dates:
        return inside, 0
    looked_at = spans(selection.report)
    around = sum(any(a <= d <= b for a, b in looked_at) for d in dates) - inside
    return inside, around


def note(selection: Selection, trends: bool = True) -> str:
    """ "16 private days are not included." or nothing, when no day was left out."""
    return private_note(*private_counts(selection, trends))
