"""The trends window and its charts, driven by keys: it stays between the first entry's period
and today, zooming keeps data in view, a period in progress is shaded, and a value draws at one
height in every chart and at every zoom."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import Static

from coach.app import CoachApp, build_app
from coach.screens.trends import TrendsScreen
from coach.widgets.chart import PARTIAL_STYLE, ROWS, BarChart, bar_cells
from coach.widgets.trust_chart import TrustChart
from journal.app.demo import write_demo
from journal.app.home import Home
from journal.app.trends import Report
from journal.periods import Period, period_start
from journal.report.progress import HATCH
from tests.conftest import DAY

SIGNAL_CHARTS = ("#chart-index", "#chart-rating", "#chart-language", "#chart-behaviour")
ALL_CHARTS = (*SIGNAL_CHARTS, "#chart-kept-commitment", "#chart-kept-best_effort", "#chart-trust")


async def settle(app: CoachApp, pilot: Pilot[None]) -> None:
    """The report is built in a thread worker, then shown from the message it posts."""
    await app.workers.wait_for_complete()
    await pilot.pause()


async def press(app: CoachApp, pilot: Pilot[None], *keys: str) -> None:
    for key in keys:
        await pilot.press(key)
        await settle(app, pilot)


def shown(screen: TrendsScreen) -> Report:
    assert screen.report is not None
    return screen.report


def plain(screen: TrendsScreen, selector: str) -> str:
    visual = screen.query_one(selector, Static).visual
    assert isinstance(visual, Content)
    return visual.plain


def page_text(screen: TrendsScreen) -> str:
    return "\n".join(
        visual.plain for s in screen.query(Static) if isinstance(visual := s.visual, Content)
    )


def column_of(chart: BarChart, i: int) -> int:
    """Where the bar of period ``i`` (from the end, if negative) starts on a rendered line."""
    return chart.axis_width() + 2 + (i % len(chart.values)) * chart.columns().step


def bar(chart: BarChart, i: int) -> list[str]:
    """The cells ``chart`` drew for period ``i``, bottom first, read from what it renders
    (the title line, then the bar rows, top first)."""
    lines = chart.render().plain.splitlines()[1 : 1 + ROWS]
    column = column_of(chart, i)
    return [line.ljust(column + 1)[column] for line in reversed(lines)]


def styled_columns(drawn: Content, style: str) -> set[int]:
    """The columns, within their lines, of every character drawn in ``style``."""
    starts = [0]
    for text in drawn.plain.split("\n"):
        starts.append(starts[-1] + len(text) + 1)
    columns = set()
    for span in drawn.spans:
        if span.style == style:
            for offset in range(span.start, span.end):
                row = max(i for i, start in enumerate(starts) if start <= offset)
                columns.add(offset - starts[row])
    return columns


def demo(home: Path, years: int = 3) -> tuple[CoachApp, dt.date]:
    """A demo journal ending on DAY, and the day of its first entry."""
    write_demo(Home(home, today=lambda: DAY), years, seed=7)
    journal = Home(home, today=lambda: DAY).journal
    first = min(entry.date for entry in journal.year_entries(DAY.year - years))
    return build_app(home, today=lambda: DAY), first


async def open_trends(app: CoachApp, pilot: Pilot[None]) -> TrendsScreen:
    await pilot.pause()
    await press(app, pilot, "f4")
    screen = app.screen
    assert isinstance(screen, TrendsScreen)
    return screen


def notes(app: CoachApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_older_stops_at_the_first_entrys_period(isolated_home: Path) -> None:
    app, first = demo(isolated_home)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_trends(app, pilot)
        for zoom, presses in (("w", 12), ("m", 3)):
            period: Period = "week" if zoom == "w" else "month"
            await press(app, pilot, zoom, *["left"] * presses)
            report = shown(screen)
            assert report.start == period_start(first, period)
            assert report.rows[0].signals.checkins > 0  # the first bar holds the first entry
            end = screen.end
            await press(app, pilot, "left")
            assert screen.end == end  # one more press goes nowhere, and says why
            assert "Nothing older: your check-ins begin here." in notes(app)
        await press(app, pilot, "y", "left")
        years = shown(screen)  # three years fit one screen: nothing before the first
        assert years.start == period_start(first, "year") and years.end == DAY


async def test_newer_stops_at_today(isolated_home: Path) -> None:
    app, _ = demo(isolated_home)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_trends(app, pilot)
        await press(app, pilot, "right")
        assert screen.end == DAY and shown(screen).end == DAY
        assert "Nothing newer: this already runs to today." in notes(app)
        await press(app, pilot, "left", "left", "left")
        assert screen.end < DAY
        await press(app, pilot, *["right"] * 6)
        assert screen.end == DAY and shown(screen).end == DAY


async def test_zooming_keeps_data_in_view(isolated_home: Path) -> None:
    """Every view along a sequence of zooms and scrolls has signals, and the newest period
    of one view is still in the next."""
    app, _ = demo(isolated_home)
    sequence = ["left", "left", "y", "left", "m", "left", "left", "w", "y", "w", "left", "m"]
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_trends(app, pilot)
        for key in sequence:
            newest = shown(screen).rows[-1].signals.end
            await press(app, pilot, key)
            report = shown(screen)
            assert any(r.signals.index is not None for r in report.rows), key
            assert "no signals in this range" not in page_text(screen), key
            if key in "wmy":
                assert report.start <= newest <= report.end, key
            values = screen.query_one("#chart-index", BarChart).values
            assert values == [r.signals.index for r in report.rows]


async def test_the_period_in_progress_is_shaded_and_explained(isolated_home: Path) -> None:
    app, _ = demo(isolated_home)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_trends(app, pilot)
        legend = screen.query_one("#in-progress", Static)
        # DAY is a Monday: one day of its week so far
        assert legend.display and "week of 23 Nov 26: 1 of 7 days so far" in plain(
            screen, "#in-progress"
        )
        assert "left out of directions" in plain(screen, "#in-progress")
        for selector in ALL_CHARTS:
            chart = screen.query_one(selector, BarChart)
            assert chart.partial, selector
            start = column_of(chart, -1)
            width = chart.columns().width
            # the last bar, and only it, in the muted style
            assert styled_columns(chart.render(), PARTIAL_STYLE) == set(
                range(start, start + width)
            ), selector
        await press(app, pilot, "y")
        assert "2026: 327 of 365 days so far" in plain(screen, "#in-progress")
        assert bar(screen.query_one("#chart-rating", BarChart), -1)[0] == HATCH
        await press(app, pilot, "m", "left")
        assert not legend.display  # a window in the past has nothing in progress
        assert not any(screen.query_one(s, BarChart).partial for s in ALL_CHARTS)


async def test_every_chart_is_the_same_height(isolated_home: Path) -> None:
    app, _ = demo(isolated_home)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_trends(app, pilot)
        for zoom in ("w", "m", "y"):
            await press(app, pilot, zoom)
            heights = {screen.query_one(s, BarChart).size.height for s in SIGNAL_CHARTS}
            assert len(heights) == 1, zoom  # the signals compare by eye
            for selector in ALL_CHARTS:
                chart = screen.query_one(selector, BarChart)
                lines = chart.render().plain.splitlines()
                axis = chart.axis_width() + 1
                assert [line[axis] for line in lines[1 : 1 + ROWS]] == ["┤", "│", "┤", "│"]
                assert lines[1 + ROWS][: axis + 1].split() == [f"0{chart.unit}", "└"]
                if isinstance(chart, TrustChart):  # a strip per part under the baseline
                    strips = lines[2 + ROWS : 2 + ROWS + len(chart.parts)]
                    assert [line[axis] for line in strips] == ["│"] * 5


async def test_a_value_draws_at_one_height_at_every_zoom(isolated_home: Path) -> None:
    """One finished week of ratings averaging 4.7 (33 over 7 days): the same bar as a week,
    a month and a year, and the same as 4.7 drawn anywhere."""
    home = Home(isolated_home, today=lambda: DAY)
    monday = dt.date(2025, 6, 2)
    for i, rating in enumerate([5, 5, 5, 5, 5, 4, 4]):
        home.journal.rate(monday + dt.timedelta(days=i), {"self_orientation": rating})
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_trends(app, pilot)
        drawn = []
        for keys in (["w", *["left"] * 5], ["m"], ["y"]):
            await press(app, pilot, *keys)
            chart = screen.query_one("#chart-rating", BarChart)
            (i,) = [i for i, v in enumerate(chart.values) if v is not None]
            assert chart.values[i] == 33 / 7
            drawn.append(bar(chart, i))
        assert drawn[0] == drawn[1] == drawn[2] == bar_cells(4.7, 10.0)
        assert drawn[0] == ["█", "▇", " ", " "]  # under the "5" tick, nowhere near the "10"
