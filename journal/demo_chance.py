"""The chance a demo year is drawn from: which days get a check-in, counts of rare events,
times of day, and the learning curve the drift follows. All draws come from the caller's
``random.Random``, so a seed still gives the same journal byte for byte."""

from __future__ import annotations

import datetime as dt
import math
import random

DAYS_PER_YEAR = 365
TZ = dt.timezone.utc


def lerp(a: float, b: float, p: float) -> float:
    return a + (b - a) * p


def progress(t: float) -> float:
    """Learning is quicker at first, then levels off."""
    return math.pow(t, 0.8)


def at(day: dt.date, minute: int) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, minute // 60, minute % 60, tzinfo=TZ)


def evening(rng: random.Random, day: dt.date) -> dt.datetime:
    return at(day, rng.randint(18 * 60, 22 * 60 - 1))


def poisson(rng: random.Random, lam: float) -> int:
    limit, k, prod = math.exp(-lam), 0, rng.random()
    while prod > limit:
        k += 1
        prod *= rng.random()
    return k


def checkin_days(rng: random.Random, first: dt.date, days: int) -> list[int]:
    """Offsets from ``first`` with a check-in: the first and last day always have one."""
    out: list[int] = []
    holiday_left = 0
    for i in range(days):
        weekend = (first.toordinal() + i) % 7 in (6, 0)  # ordinal 1 was a Monday
        if 0 < i < days - 1:
            if holiday_left:
                holiday_left -= 1
                continue
            if rng.random() < 2 / DAYS_PER_YEAR:
                holiday_left = rng.randint(4, 12) - 1
                continue
            if rng.random() < (0.15 if weekend else 0.045):
                continue
        out.append(i)
    return out
