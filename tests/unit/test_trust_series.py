"""Trust over time and the period in progress, from a stats report of a hand-made journal.
Expected numbers are worked out by hand beside them."""

from __future__ import annotations

import datetime as dt

from journal.app.service import JournalService
from journal.report.progress import in_progress, legend
from journal.report.trust_series import QUOTIENT_HIGH, parts_legend, trust_series

DAY = dt.date(2026, 11, 23)  # a Monday, as in tests/conftest.py
RATINGS = {"credibility": 6, "reliability": 8, "intimacy": 4, "character": 7}


def rate(service: JournalService, day: dt.date, self_orientation: int) -> None:
    service.rate(day, {**RATINGS, "self_orientation": self_orientation})


def test_each_part_and_the_quotient_per_period(service: JournalService) -> None:
    rate(service, DAY - dt.timedelta(days=14), 2)  # Monday 9 Nov
    rate(service, DAY - dt.timedelta(days=13), 4)  # Tuesday 10 Nov: that week's S is 3
    rate(service, DAY, 6)  # the week in progress
    report = service.report(start=DAY - dt.timedelta(weeks=3), end=DAY, period="week")
    series = trust_series(report)
    assert series.quotient.labels == ["02 Nov 26", "09 Nov 26", "16 Nov 26", "23 Nov 26"]
    # (6 + 8 + 4) / 3 = 6 the week of 9 Nov; 18 / 6 = 3 this week; no ratings, no quotient
    assert series.quotient.values == [None, 6.0, None, 3.0]
    assert series.quotient.high == QUOTIENT_HIGH
    parts = {p.key: p for p in series.parts}
    assert parts["intimacy"].values == [None, 4.0, None, 4.0]
    assert parts["self_orientation"].values == [None, 3.0, None, 6.0]
    assert parts["self_orientation"].divides and not parts["credibility"].divides
    # over the range S = (2 + 4 + 6) / 3 = 4, so the quotient is 18 / 4 = 4.5
    assert parts["self_orientation"].overall == 4.0
    assert series.quotient.caption.startswith("4.50 over the range")
    assert "(C+R+I+Ch)/S: 6.25" in series.quotient.caption  # 25 / 4
    assert "C credibility" in parts_legend(series) and "S self-orientation" in parts_legend(series)


def test_only_an_unfinished_last_period_is_in_progress(service: JournalService) -> None:
    rate(service, DAY, 5)
    week = service.report(start=DAY - dt.timedelta(weeks=2), end=DAY, period="week")
    current = in_progress(week)
    assert current is not None and current.start == DAY and current.days_so_far == 1
    assert legend(week, current) == (
        "week of 23 Nov 26: 1 of 7 days so far; shaded, left out of directions."
    )
    year = service.report(start=dt.date(2026, 1, 1), end=DAY, period="year")
    current = in_progress(year)
    assert current is not None and current.days_so_far == 327  # 304 days to October's end + 23
    past = service.report(start=dt.date(2026, 9, 1), end=dt.date(2026, 10, 31), period="month")
    assert in_progress(past) is None
    sunday = DAY - dt.timedelta(days=1)  # a week that ends today is still going today
    last_week = service.report(start=sunday - dt.timedelta(days=6), end=sunday, period="week")
    assert in_progress(last_week) is None  # today is Monday: that week ended yesterday
