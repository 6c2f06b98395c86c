"""Calendar periods (day, week, month, quarter, year) and grouping by them.

Kept apart from the analytics so parsing and display can use them without loading the rest.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable
from typing import Literal, TypeVar

Period = Literal["day", "week", "month", "quarter", "year"]


@functools.lru_cache(maxsize=1 << 16)
def period_start(day: dt.date, period: Period) -> dt.date:
    """Remembered: every report asks it of every entry and promise date, and ten years of
    days is a small table."""
    if period == "week":
        return day - dt.timedelta(days=day.weekday())
    if period == "month":
        return day.replace(day=1)
    if period == "quarter":
        return day.replace(month=(day.month - 1) // 3 * 3 + 1, day=1)
    if period == "year":
        return day.replace(month=1, day=1)
    return day


def period_end(start: dt.date, period: Period) -> dt.date:
    """The last day of the period that begins on ``start``."""
    if period == "week":
        return start + dt.timedelta(days=6)
    if period == "month":
        following = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return following - dt.timedelta(days=1)
    if period == "quarter":
        return period_end(months_back(start, -2), "month")
    if period == "year":
        return start.replace(month=12, day=31)
    return start


def period_starts(first: dt.date, last: dt.date, period: Period) -> list[dt.date]:
    """Every period touching [first, last], gaps included, so charts show time honestly."""
    starts = []
    current = period_start(first, period)
    while current <= last:
        starts.append(current)
        current = period_end(current, period) + dt.timedelta(days=1)
    return starts


def months_back(day: dt.date, months: int) -> dt.date:
    """The same day of the month ``months`` earlier, clamped to that month's last day."""
    year, month0 = divmod(day.year * 12 + day.month - 1 - months, 12)
    first = dt.date(year, month0 + 1, 1)
    return first.replace(day=min(day.day, period_end(first, "month").day))


T = TypeVar("T")


def by_period(
    items: Iterable[T], day_of: Callable[[T], dt.date], period: Period
) -> dict[dt.date, list[T]]:
    """Items grouped by the start of the period their day falls in."""
    groups: dict[dt.date, list[T]] = {}
    for item in items:
        groups.setdefault(period_start(day_of(item), period), []).append(item)
    return groups


def fitting_period(start: dt.date, end: dt.date) -> Period:
    """The period that gives a summary's charts a readable number of bars for its range:
    weeks up to about four months, months up to three years, then quarters."""
    days = (end - start).days + 1
    if days <= 120:
        return "week"
    if days <= 3 * 366:
        return "month"
    return "quarter"
