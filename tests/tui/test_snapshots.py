"""What each screen looks like at a fixed size, on a fixed demo journal (Textual is locked)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from textual.widgets import Input

from coach.app import CoachApp, build_app
from journal.app.demo import write_demo
from journal.app.home import Home
from tests.conftest import DAY

SIZE = (100, 36)


def demo_app(home: Path) -> CoachApp:
    write_demo(Home(home, today=lambda: DAY), 1, seed=3)
    return build_app(home, today=lambda: DAY)


def keys(*pressed: str) -> Callable[[Any], Awaitable[None]]:
    """Press keys, let workers finish, and stop the cursor blinking so frames are stable."""

    async def run(pilot: Any) -> None:
        await pilot.pause()
        await pilot.press(*pressed)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        for widget in pilot.app.screen.query(Input):
            widget.cursor_blink = False
        await pilot.pause()

    return run


def test_morning_intent_step(snap_compare: Any, isolated_home: Path) -> None:
    app = build_app(isolated_home, today=lambda: DAY)
    assert snap_compare(app, terminal_size=SIZE, run_before=keys(*"Hear Ana out", "tab"))


def test_morning_promises_step(snap_compare: Any, isolated_home: Path) -> None:
    app = build_app(isolated_home, today=lambda: DAY)
    pressed = ["ctrl+n", "ctrl+n", *"Send the deck", "tab", "tab", *"Ana", "tab", *"+2d", "enter"]
    assert snap_compare(app, terminal_size=SIZE, run_before=keys(*pressed))


def test_evening_follow_up(snap_compare: Any, isolated_home: Path) -> None:
    assert snap_compare(demo_app(isolated_home), terminal_size=SIZE, run_before=keys())


def test_evening_ratings(snap_compare: Any, isolated_home: Path) -> None:
    pressed = ["ctrl+n", "ctrl+n", "ctrl+n", "7", "down", "8"]
    assert snap_compare(demo_app(isolated_home), terminal_size=SIZE, run_before=keys(*pressed))


def test_journal_screen(snap_compare: Any, isolated_home: Path) -> None:
    assert snap_compare(demo_app(isolated_home), terminal_size=SIZE, run_before=keys("f3"))


def test_help_screen(snap_compare: Any, isolated_home: Path) -> None:
    app = build_app(isolated_home, today=lambda: DAY)
    assert snap_compare(app, terminal_size=SIZE, run_before=keys("f1"))


def test_clients_dashboard(snap_compare: Any, isolated_home: Path) -> None:
    from coach.clients_app import build_clients_app
    from journal.app.demo import write_demo_clients

    write_demo_clients(Home(isolated_home, today=lambda: DAY), 4, years=1, seed=3)
    app = build_clients_app(isolated_home, today=lambda: DAY)
    assert snap_compare(app, terminal_size=SIZE, run_before=keys("s", "s"))


def test_trends_screen(snap_compare: Any, isolated_home: Path) -> None:
    """The sections of the shared report model, each as tall as what it holds."""
    assert snap_compare(demo_app(isolated_home), terminal_size=SIZE, run_before=keys("f4"))
