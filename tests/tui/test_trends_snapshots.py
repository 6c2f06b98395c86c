"""The trends screen of a three-year journal: a whole history of years in one window, and
trust over time at the end of the page, at the smallest terminal Coach supports and a large
one. (The opening week view is in test_snapshots.py with the other screens.)"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.containers import VerticalScroll

from coach.app import build_app
from journal.app.demo import write_demo
from journal.app.home import Home
from tests.conftest import DAY
from tests.tui.test_snapshots import keys

SIZES = pytest.mark.parametrize("size", [(80, 24), (160, 50)], ids=["80x24", "160x50"])


def three_years(home: Path) -> Any:
    write_demo(Home(home, today=lambda: DAY), 3, seed=7)
    return build_app(home, today=lambda: DAY)


@SIZES
def test_trends_by_year(snap_compare: Any, isolated_home: Path, size: tuple[int, int]) -> None:
    """Four years of bars, from the first entry's year, the one in progress shaded."""
    app = three_years(isolated_home)
    assert snap_compare(app, terminal_size=size, run_before=keys("f4", "y"))


async def at_trust(pilot: Any) -> None:
    """Months, then the page scrolled so the trust chart is at its top."""
    await keys("f4", "m")(pilot)
    screen = pilot.app.screen
    page = screen.query_one("#trends", VerticalScroll)
    page.scroll_to_widget(screen.query_one("#chart-trust"), animate=False, top=True)
    await pilot.pause()


@SIZES
def test_trust_over_time(snap_compare: Any, isolated_home: Path, size: tuple[int, int]) -> None:
    """The quotient by month with a strip per part under it, lined up with its bars."""
    app = three_years(isolated_home)
    assert snap_compare(app, terminal_size=size, run_before=at_trust)
