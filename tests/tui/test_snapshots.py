"""What each screen looks like on a fixed demo journal (Textual is locked), at the smallest
terminal Coach supports (80×24) and at a roomy one (120×40): nothing a person just changed
may be cut off at the first, and the second must use its width."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, TextArea

from coach.app import CoachApp, build_app
from journal.app.demo import write_demo
from journal.app.home import Home
from tests.conftest import DAY

SIZES = pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])


def demo_app(home: Path) -> CoachApp:
    write_demo(Home(home, today=lambda: DAY), 1, seed=3)
    return build_app(home, today=lambda: DAY)


def keys(*pressed: str) -> Callable[[Any], Awaitable[None]]:
    """Press keys, let workers finish, and stop the cursor blinking so frames are stable."""

    async def run(pilot: Any) -> None:
        await pilot.pause()
        await pilot.press(*pressed)
        for _ in range(3):  # a worker's result can start another (a page of days, a warm-up)
            await pilot.app.workers.wait_for_complete()
            await pilot.pause(0.05)
        for widget in pilot.app.screen.query(Input):
            widget.cursor_blink = False
        for area in pilot.app.screen.query(TextArea):
            area.cursor_blink = False
        await pilot.pause()

    return run


@SIZES
def test_morning_intent_step(snap_compare: Any, isolated_home: Path, size: tuple[int, int]) -> None:
    app = build_app(isolated_home, today=lambda: DAY)
    assert snap_compare(app, terminal_size=size, run_before=keys(*"Hear Ana out", "tab"))


@SIZES
def test_morning_help_step(snap_compare: Any, isolated_home: Path, size: tuple[int, int]) -> None:
    pressed = ["ctrl+n", *"Sam", "tab", *"a second look at the budget", "enter", *"Lee"]
    app = build_app(isolated_home, today=lambda: DAY)
    assert snap_compare(app, terminal_size=size, run_before=keys(*pressed))


@SIZES
def test_morning_promises_step(
    snap_compare: Any, isolated_home: Path, size: tuple[int, int]
) -> None:
    app = build_app(isolated_home, today=lambda: DAY)
    pressed = ["ctrl+n", "ctrl+n", *"Send the deck", "tab", "tab", *"Ana", "tab", *"+2d", "enter"]
    assert snap_compare(app, terminal_size=size, run_before=keys(*pressed))


@SIZES
def test_morning_marks_step(snap_compare: Any, isolated_home: Path, size: tuple[int, int]) -> None:
    pressed = ["ctrl+n"] * 4 + [*"work, 1on1", "tab", "space"]
    app = build_app(isolated_home, today=lambda: DAY)
    assert snap_compare(app, terminal_size=size, run_before=keys(*pressed))


@SIZES
def test_evening_follow_up(snap_compare: Any, isolated_home: Path, size: tuple[int, int]) -> None:
    assert snap_compare(demo_app(isolated_home), terminal_size=size, run_before=keys("k"))


@SIZES
def test_evening_help_done(snap_compare: Any, isolated_home: Path, size: tuple[int, int]) -> None:
    app = demo_app(isolated_home)
    assert snap_compare(app, terminal_size=size, run_before=keys("ctrl+n", "y"))


@SIZES
def test_evening_self_focus_in_three_lines(
    snap_compare: Any, isolated_home: Path, size: tuple[int, int]
) -> None:
    typed = [*"I pushed my plan", "enter", *"before asking Lee", "enter", *"what she needed"]
    app = demo_app(isolated_home)
    assert snap_compare(app, terminal_size=size, run_before=keys("ctrl+n", "ctrl+n", *typed))


@SIZES
def test_evening_ratings(snap_compare: Any, isolated_home: Path, size: tuple[int, int]) -> None:
    pressed = ["ctrl+n", "ctrl+n", "ctrl+n", "7", "down", "8"]
    assert snap_compare(demo_app(isolated_home), terminal_size=size, run_before=keys(*pressed))


@SIZES
def test_journal_screen(snap_compare: Any, isolated_home: Path, size: tuple[int, int]) -> None:
    assert snap_compare(demo_app(isolated_home), terminal_size=size, run_before=keys("f3"))


@SIZES
def test_help_screen(snap_compare: Any, isolated_home: Path, size: tuple[int, int]) -> None:
    app = build_app(isolated_home, today=lambda: DAY)
    assert snap_compare(app, terminal_size=size, run_before=keys("f1"))


def test_clients_dashboard(snap_compare: Any, isolated_home: Path) -> None:
    from coach.clients_app import build_clients_app
    from journal.app.demo import write_demo_clients

    write_demo_clients(Home(isolated_home, today=lambda: DAY), 4, years=1, seed=3)
    app = build_clients_app(isolated_home, today=lambda: DAY)
    assert snap_compare(app, terminal_size=(100, 36), run_before=keys("s", "s"))


@pytest.mark.parametrize(
    "size", [(80, 24), (120, 40), (160, 50)], ids=["80x24", "120x40", "160x50"]
)
def test_trends_screen(snap_compare: Any, isolated_home: Path, size: tuple[int, int]) -> None:
    """The sections of the shared report model; the charts readable from 80×24 to 160×50."""
    assert snap_compare(demo_app(isolated_home), terminal_size=size, run_before=keys("f4"))


@SIZES
def test_people_screen(snap_compare: Any, isolated_home: Path, size: tuple[int, int]) -> None:
    """Short words and whole headers at 80×24; the full words at 120×40."""
    assert snap_compare(demo_app(isolated_home), terminal_size=size, run_before=keys("f5"))
