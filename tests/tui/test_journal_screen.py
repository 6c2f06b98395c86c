"""The journal screen: newest first, paged, searchable and filterable, from the keyboard."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from coach.app import CoachApp, build_app
from coach.screens.journal import PAGE_SIZE, JournalScreen
from journal.app.demo import write_demo
from journal.app.home import Home
from journal.app.service import JournalService
from journal.model import IntentFor
from tests.conftest import DAY


async def open_journal(app: CoachApp, pilot: Pilot[None]) -> JournalScreen:
    await pilot.pause()
    await pilot.press("f3")
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, JournalScreen)
    return screen


async def settle(app: CoachApp, pilot: Pilot[None]) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()


def first_days(screen: JournalScreen) -> list[str]:
    table = screen.query_one("#days", DataTable)
    return [str(table.get_row_at(i)[0]) for i in range(min(3, table.row_count))]


def entry_text(screen: JournalScreen) -> str:
    visual = screen.query_one("#entry-view", Static).visual
    assert isinstance(visual, Content)
    return visual.plain


async def test_pages_through_a_year_newest_first(isolated_home: Path) -> None:
    home = Home(isolated_home, today=lambda: DAY)
    svc = home.journal
    summary = write_demo(home, 1, seed=5)
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=(110, 40)) as pilot:
        screen = await open_journal(app, pilot)
        table = screen.query_one("#days", DataTable)
        assert table.row_count == PAGE_SIZE  # a page, never the whole journal
        assert first_days(screen)[0].endswith(summary.last.isoformat())
        assert entry_text(screen).startswith(summary.last.strftime("%A %d %B %Y"))
        info = screen.query_one("#page-info", Static).visual
        assert isinstance(info, Content)
        assert info.plain.startswith(f"{summary.entries} days · page 1 of")

        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.page == 1
        older = svc.entries()[PAGE_SIZE]
        assert first_days(screen)[0].endswith(older.date.isoformat())

        await pilot.press("down")
        await pilot.pause()
        expected = svc.entries()[PAGE_SIZE + 1]
        assert entry_text(screen).startswith(expected.date.strftime("%A %d %B %Y"))


async def test_search_and_filters(isolated_home: Path, service: JournalService) -> None:
    service.set_intent(DAY - dt.timedelta(days=40), "Hear Ana out on the budget")
    service.set_intent(DAY - dt.timedelta(days=10), "Ship the report", IntentFor(kind="team"))
    service.add_tags(DAY - dt.timedelta(days=10), ["work"])
    service.set_intent(DAY, "Ask Ana how I can help", IntentFor(kind="person", name="Ana"))
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=(110, 40)) as pilot:
        screen = await open_journal(app, pilot)
        assert screen.query_one("#days", DataTable).row_count == 3

        await pilot.press("ctrl+f", *"ana")
        await settle(app, pilot)
        days = first_days(screen)
        assert len(days) == 2 and days[0].endswith(DAY.isoformat())

        await pilot.press(*["backspace"] * 3, "tab", *"-20d", "enter")
        await settle(app, pilot)
        assert len(first_days(screen)) == 2  # the last 20 days

        await pilot.press("tab", "tab", *"work", "enter")
        await settle(app, pilot)
        days = first_days(screen)
        assert days == [f"Fri {(DAY - dt.timedelta(days=10)).isoformat()}"]


async def test_bad_filter_date_says_so(isolated_home: Path, service: JournalService) -> None:
    service.set_intent(DAY, "Be present")
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=(110, 40)) as pilot:
        screen = await open_journal(app, pilot)
        await pilot.press("ctrl+f", "tab", *"31/02", "enter")
        await settle(app, pilot)
        assert any("not a date" in n.message for n in app._notifications)
        assert screen.query_one("#days", DataTable).row_count == 1
