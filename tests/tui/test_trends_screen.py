"""The trends screen on a demo journal: the summary says what the figures under it show."""

from __future__ import annotations

from pathlib import Path

from textual.content import Content
from textual.widgets import Static

from coach.app import build_app
from coach.screens.trends import TrendsScreen
from coach.widgets.chart import BarChart
from journal.app.demo import write_demo
from journal.app.home import Home
from journal.wording import pct
from tests.conftest import DAY


def text(screen: TrendsScreen, selector: str) -> str:
    visual = screen.query_one(selector, Static).visual
    assert isinstance(visual, Content)
    return visual.plain


async def test_summary_matches_the_figures_and_zoom_shows_the_drift(isolated_home: Path) -> None:
    write_demo(Home(isolated_home, today=lambda: DAY), 3, seed=7)
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=(110, 60)) as pilot:
        await pilot.pause()
        await pilot.press("f4")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TrendsScreen) and screen.report is not None
        report = screen.report
        summary = text(screen, "#summary")
        assert summary == report.summary
        kept = report.reliability[90]["commitment"].keep_rate
        assert f"commitments kept {pct(kept)} in the last 90 days" in summary
        assert f"{pct(kept):>4} of" in text(screen, "#reliability")  # the same figure, on screen

        await pilot.press("y")
        await pilot.pause()
        yearly = screen.report
        assert yearly is not None and yearly.period == "year"
        assert yearly.trend.verdict == "improving"  # the demo's self-orientation drifts down
        assert "your self-orientation fell" in text(screen, "#summary")
        chart = screen.query_one("#chart-index", BarChart)
        drawn = [v for v in chart.values if v is not None]
        assert drawn == [r.signals.index for r in yearly.rows if r.signals.index is not None]
        assert drawn[0] > drawn[-1]

        await pilot.press("left")
        await pilot.pause()
        assert screen.end < DAY  # moved back in time
        await pilot.press("right", "right")
        await pilot.pause()
        assert screen.end == DAY  # never past today
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, TrendsScreen)
