"""The trends screen on a demo journal: the summary says what the figures under it show."""

from __future__ import annotations

from pathlib import Path

from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import Static

from coach.app import CoachApp, build_app
from coach.screens.trends import TrendsScreen
from coach.widgets.chart import BarChart
from journal.app.demo import write_demo
from journal.app.home import Home
from journal.wording import pct
from tests.conftest import DAY

KEPT_TEXT = "#section-kept .section-text"
"""The promises-kept table: a row per kind, a column per window (30 and 90 days)."""


def text(screen: TrendsScreen, selector: str) -> str:
    visual = screen.query_one(selector, Static).visual
    assert isinstance(visual, Content)
    return visual.plain


async def settle(app: CoachApp, pilot: Pilot[None]) -> None:
    """The report is built in a thread worker, then shown from the message it posts."""
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_summary_matches_the_figures_and_zoom_shows_the_drift(isolated_home: Path) -> None:
    write_demo(Home(isolated_home, today=lambda: DAY), 3, seed=7)
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=(110, 60)) as pilot:
        await pilot.pause()
        await pilot.press("f4")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, TrendsScreen) and screen.report is not None
        report = screen.report
        summary = text(screen, "#summary")
        assert summary == report.summary
        record = report.reliability[90]["commitment"]
        kept = record.keep_rate
        assert f"commitments kept {pct(kept)} in the last 90 days" in summary
        # the same figure, on screen: the commitments row, in its last (90 days) column
        lines = text(screen, KEPT_TEXT).splitlines()
        assert lines[0].split()[-3:] == ["Last", "90", "days"]
        (row,) = [line for line in lines if line.startswith("commitments ")]
        cell = f"{pct(kept)} ({record.kept} of {record.kept + record.broken}"
        assert row.rsplit("  ", 1)[-1].lstrip().startswith(cell)

        await pilot.press("y")
        await settle(app, pilot)
        yearly = screen.report
        assert yearly is not None and yearly.period == "year"
        assert yearly.trend.verdict == "improving"  # the demo's self-orientation drifts down
        assert "your self-orientation improved by" in text(screen, "#summary")
        chart = screen.query_one("#chart-index", BarChart)
        drawn = [v for v in chart.values if v is not None]
        assert drawn == [r.signals.index for r in yearly.rows if r.signals.index is not None]
        assert drawn[0] > drawn[-1]

        await pilot.press("left")
        await settle(app, pilot)
        assert screen.end == DAY  # three years fit one screen of years: nothing older to see
        await pilot.press("m", "left")
        await settle(app, pilot)
        assert screen.end < DAY  # moved back in time
        await pilot.press("right", "right")
        await settle(app, pilot)
        assert screen.end == DAY  # never past today
        await pilot.press("escape")
        await settle(app, pilot)
        assert not isinstance(app.screen, TrendsScreen)
