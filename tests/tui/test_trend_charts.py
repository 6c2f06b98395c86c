"""The drawing rules of the trends charts, without an app: one scale, the newest period always
labelled, and the window's limits."""

from __future__ import annotations

import datetime as dt

from coach.screens.trends import clamp_end, window_start
from coach.widgets.chart import OVER, Columns, bar_cells, label_line, strip_cell
from journal.report.progress import HATCH

FIRST = dt.date(2023, 11, 29)  # a Wednesday
TODAY = dt.date(2026, 11, 23)  # a Monday


def test_a_value_fills_eighths_of_the_same_four_rows() -> None:
    assert bar_cells(4.7, 10.0) == ["█", "▇", " ", " "]  # 15 of 32 eighths
    assert bar_cells(10.0, 10.0) == ["█"] * 4
    assert bar_cells(0.0, 10.0) == [" "] * 4
    assert bar_cells(None, 10.0) == ["·", " ", " ", " "]  # no data is never a zero
    assert bar_cells(47.0, 100.0) == bar_cells(4.7, 10.0)
    assert bar_cells(4.7, 10.0, hatch=True) == [HATCH, "▇", " ", " "]
    assert bar_cells(18.0, 15.0) == ["█", "█", "█", OVER]  # above the scale, and says so
    assert strip_cell(4.7, 10.0) == "▄" and strip_cell(None, 10.0) == "·"


def test_columns_keep_a_gap_and_a_sane_width() -> None:
    assert Columns.fit(26, 70) == Columns(2, 1)
    assert Columns.fit(26, 110) == Columns(4, 3)
    assert Columns.fit(4, 110) == Columns(8, 7)  # a few years: bars, not slabs
    assert Columns.fit(40, 30) == Columns(1, 1)


def test_the_newest_period_is_always_labelled() -> None:
    labels = [f"{2000 + i}" for i in range(10)]
    line = label_line(labels, Columns(2, 1))
    assert line.endswith("2009") and "2003" in line and "2008" not in line
    assert label_line(labels, Columns(8, 7)).split() == labels
    assert label_line(["Nov 2026"], Columns(3, 2), room=20) == "Nov 2026"


def test_the_window_stays_between_the_first_entry_and_today() -> None:
    assert window_start(TODAY, "year", FIRST) == dt.date(2023, 1, 1)  # not ten years back
    assert window_start(TODAY, "week", FIRST) == dt.date(2026, 6, 1)  # 26 weeks
    assert window_start(TODAY, "month", None) == dt.date(2024, 12, 1)
    # the earliest end shows the first entry's week in the first of 26 bars
    assert clamp_end(dt.date(2020, 1, 1), "week", FIRST, TODAY) == dt.date(2024, 5, 26)
    assert clamp_end(dt.date(2030, 1, 1), "week", FIRST, TODAY) == TODAY
    assert clamp_end(dt.date(2024, 1, 1), "year", FIRST, TODAY) == TODAY  # all fits one screen
