"""The check-in and the journal screen open on the same day: a change made on one shows on the
other, undo takes back what the person did (never a step's stale copy), and each screen comes
back where a person expects it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable, Input

from coach.app import CoachApp, build_app
from coach.screens.checkin import CheckinScreen
from coach.screens.own_journal import OwnJournalScreen
from coach.widgets.row_list import RowList
from journal.app.home import Home
from journal.app.service import JournalService
from journal.model import IntentFor
from tests.conftest import DAY

SMALL = (80, 24)


def screen_text(app: CoachApp) -> str:
    return " ".join(" ".join(s.text for s in app.screen._compositor.render_strips()).split())


def notes(app: CoachApp) -> list[str]:
    return [n.message for n in app._notifications]


async def settle(app: CoachApp, pilot: Pilot[None]) -> None:
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def to_marks(app: CoachApp, pilot: Pilot[None]) -> CheckinScreen:
    screen = app.screen
    assert isinstance(screen, CheckinScreen)
    while screen.pack.steps[screen.index].id != "marks":
        await pilot.press("ctrl+n")
        await settle(app, pilot)
    return screen


def starred_evening(service: JournalService) -> None:
    service.set_intent(DAY, "Hear Ana out", IntentFor(kind="person", name="Ana"))
    service.set_tags(DAY, ["work", "release"])
    service.set_starred(DAY, True)


async def test_undo_after_unstarring_in_the_journal_puts_the_star_back(
    isolated_home: Path, service: JournalService
) -> None:
    """The check-in's last step, still open below, must not record its stale star."""
    starred_evening(service)
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        checkin = await to_marks(app, pilot)
        await pilot.press("f3")
        await settle(app, pilot)
        assert isinstance(app.screen, OwnJournalScreen)
        await pilot.press("s")
        await settle(app, pilot)
        assert not service.entry(DAY).starred  # type: ignore[union-attr]
        await pilot.press("ctrl+z")
        await settle(app, pilot)
        assert notes(app)[-1] == "Undid: Mon 23 Nov 2026 unstarred"
        assert service.entry(DAY).starred  # type: ignore[union-attr]
        await pilot.press("p")  # private, then back to the check-in: it shows the journal
        await settle(app, pilot)
        await pilot.press("f2")
        await settle(app, pilot)
        assert app.screen is checkin
        assert "★ starred" in screen_text(app) and "private" in screen_text(app)
        assert checkin.query_one("#marks-star").value  # type: ignore[attr-defined]
        assert checkin.query_one("#marks-private").value  # type: ignore[attr-defined]
        await pilot.press(*", late")  # typing the tags saves them, and nothing else
        await pilot.press("ctrl+n")
        await settle(app, pilot)
    entry = Home(isolated_home).journal.entry(DAY)
    assert entry is not None and entry.starred and entry.private
    assert [t for t in entry.tags if t != "star"] == ["work", "release", "late"]


async def test_today_opened_from_the_journal_shows_its_step_and_esc_goes_back(
    isolated_home: Path, service: JournalService
) -> None:
    starred_evening(service)
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        checkin = await to_marks(app, pilot)
        await pilot.press("f3")
        await settle(app, pilot)
        await pilot.press("s", "ctrl+z")  # the check-in's steps are built again
        await settle(app, pilot)
        await pilot.press("enter")  # today's row
        await settle(app, pilot)
        assert app.screen is checkin
        assert checkin.query_one("#marks-tags", Input).display
        assert "Tags" in screen_text(app) and "Star this day" in screen_text(app)
        assert "esc Journal" in screen_text(app)
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, OwnJournalScreen)
        await pilot.press("f2")  # opened with F2, the check-in has nowhere to go back to
        await settle(app, pilot)
        assert "esc Journal" not in screen_text(app)
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen is checkin


async def test_the_journal_comes_back_to_its_list(
    isolated_home: Path, service: JournalService
) -> None:
    starred_evening(service)
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        await pilot.press("f3")
        await settle(app, pilot)
        journal = app.screen
        assert isinstance(journal, OwnJournalScreen)
        for field in journal.query(Input):
            assert field.placeholder.startswith(("e.g.", "words")), field.placeholder
        await pilot.press("ctrl+f", "tab")  # the "from" filter
        assert isinstance(app.focused, Input) and app.focused.id == "from"
        await pilot.press("escape", "f3")
        await settle(app, pilot)
        assert isinstance(app.focused, DataTable)
        await pilot.press("s")
        await settle(app, pilot)
        assert journal.query_one("#from", Input).value == ""
        assert not service.entry(DAY).starred  # type: ignore[union-attr]


def three_promises(service: JournalService) -> list[str]:
    earlier = DAY - dt.timedelta(days=2)
    made = [
        service.add_promise(earlier, text, "commitment", "Ana")
        for text in ("send the deck", "book the room", "call the bank")
    ]
    service.set_intent(DAY, "Follow through")
    return [p.id for p in made]


async def test_an_outcome_moves_on_to_the_next_open_promise(
    isolated_home: Path, service: JournalService
) -> None:
    deck, room, bank = three_promises(service)
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        table = app.screen.query_one("#followup", RowList)
        assert table.selected_key == deck
        await pilot.press("k")
        await settle(app, pilot)
        assert table.selected_key == room
        await pilot.press("b", "l")
        await settle(app, pilot)
        assert [service.find_promise(i).status for i in (deck, room, bank)] == [
            "kept",
            "broken",
            "released",
        ]
        await pilot.press("home", "b")  # changing an outcome is allowed, and said
        await settle(app, pilot)
        assert service.find_promise(deck).status == "broken"
        assert "was kept, now broken · Ctrl+Z undoes it" in notes(app)[-1]


async def test_tags_typed_in_the_journal_are_added_to_the_days(
    isolated_home: Path, service: JournalService
) -> None:
    starred_evening(service)
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        await pilot.press("f3")
        await settle(app, pilot)
        await pilot.press("t", *"late", "enter")
        await settle(app, pilot)
    entry = Home(isolated_home).journal.entry(DAY)
    assert entry is not None and entry.tags == ["work", "release", "star", "late"]
