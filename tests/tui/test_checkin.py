"""The check-in driven by keypresses, as a person would, then read back from the journal."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.widgets import Input

from coach.app import CoachApp, build_app
from coach.dialogs.form import FormScreen
from coach.screens.checkin import CheckinScreen
from coach.screens.help import HelpScreen
from coach.widgets.row_list import RowList
from journal.app.home import Home
from journal.app.service import JournalService
from journal.model import IntentFor
from tests.conftest import DAY

SIZE = (110, 40)


def make_app(home: Path) -> CoachApp:
    return build_app(home, today=lambda: DAY)


async def test_morning_check_in_by_keys(isolated_home: Path) -> None:
    app = make_app(isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CheckinScreen) and screen.pack_name == "morning"
        await pilot.press(*"Listen before proposing", "tab", *"Ana")
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press(*"Sam", "tab", *"a second pair of eyes", "enter")
        await pilot.press(*"Lee", "enter")
        await pilot.press("ctrl+n")
        await pilot.pause()
        # promise 1: a commitment (the default kind) to Sam, due in two days
        await pilot.press(*"send the deck", "tab", "tab", *"Sam", "tab", *"+2d", "enter")
        await pilot.pause()
        # promise 2: a best effort, chosen with the arrow key
        await pilot.press(*"tidy the backlog", "tab", "right", "enter", "tab", "enter")
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.index == 3  # the tip, the last step of the morning

    svc = Home(isolated_home).journal
    entry = svc.entry(DAY)
    assert entry is not None
    assert entry.intent == "Listen before proposing"
    assert entry.intent_for == IntentFor(kind="person", name="Ana")
    assert [(h.person, h.request) for h in entry.help] == [
        ("Sam", "a second pair of eyes"),
        ("Lee", ""),
    ]
    made = {p.text: p for p in svc.promises_made_on(DAY)}
    assert set(made) == {"send the deck", "tidy the backlog"}
    assert made["send the deck"].kind == "commitment"
    assert made["send the deck"].to == "Sam"
    assert made["send the deck"].due == DAY + dt.timedelta(days=2)
    assert made["tidy the backlog"].kind == "best_effort"


async def test_evening_follows_through_on_today_and_overdue(
    isolated_home: Path, service: JournalService
) -> None:
    earlier = DAY - dt.timedelta(days=3)
    old = service.add_promise(
        earlier, "call the landlord", "commitment", "Mo", DAY - dt.timedelta(1)
    )
    service.set_intent(DAY, "Be useful to the team", IntentFor(kind="team"))
    today = service.add_promise(DAY, "review Ana's plan", "best_effort", "Ana")
    ask = service.add_help(DAY, "Ana", "read my draft")

    app = make_app(isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()  # earlier days are read off the first paint
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CheckinScreen) and screen.pack_name == "evening"
        table = screen.query_one("#followup", RowList)
        assert table.row_count == 2  # the overdue one from earlier, and today's
        await pilot.press("k")  # first row, the oldest: kept
        await pilot.pause()
        await pilot.press("down", "r")  # today's: renegotiated, on new terms
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        await pilot.press(*"+2d", "enter", "enter", *"agreed with Ana", "enter")
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press("y")  # did what Ana asked
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press(*"I talked over Mo", "ctrl+n")
        await pilot.pause()
        await pilot.press("7", "down", "1", "0", "down", "6", "down", "8", "down", "3")
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press(*"Listened more than I spoke", "ctrl+n")
        await pilot.pause()

    svc = Home(isolated_home).journal
    assert svc.find_promise(old.id).status == "kept"
    assert svc.find_promise(old.id).resolved_on == DAY
    assert svc.find_promise(today.id).status == "renegotiated"
    entry = svc.entry(DAY)
    assert entry is not None
    assert [h.done for h in entry.help if h.id == ask.id] == [True]
    assert entry.self_focus == "I talked over Mo"
    assert entry.ratings.given() == {
        "credibility": 7,
        "reliability": 10,
        "intimacy": 6,
        "character": 8,
        "self_orientation": 3,
    }
    assert entry.reflection == "Listened more than I spoke"
    (new,) = svc.open_promises()
    assert (new.text, new.due, new.renegotiated_from) == (
        "review Ana's plan",
        DAY + dt.timedelta(days=2),
        today.id,
    )
    assert svc.find_promise(today.id).note == "agreed with Ana"


async def test_untouched_steps_save_nothing(isolated_home: Path) -> None:
    app = make_app(isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for _ in range(4):
            await pilot.press("ctrl+n")
            await pilot.pause()
    assert not list(isolated_home.glob("journal/*.json"))


async def test_typed_answer_survives_leaving_mid_step(isolated_home: Path) -> None:
    """Closing the app without pressing Next must not lose what was typed."""
    app = make_app(isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*"Ask before fixing")
    entry = Home(isolated_home).journal.entry(DAY)
    assert entry is not None and entry.intent == "Ask before fixing"


async def test_switching_between_morning_and_evening(isolated_home: Path) -> None:
    app = make_app(isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CheckinScreen)
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert screen.pack_name == "evening"
        assert screen.query_one("#followup", RowList)
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert screen.pack_name == "morning"
        assert screen.query_one("#intent-text", Input)


async def test_bad_due_date_is_refused_with_a_message(isolated_home: Path) -> None:
    app = make_app(isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n", "ctrl+n")
        await pilot.pause()
        await pilot.press(*"send it", "tab", "tab", "tab", *"someday", "enter")
        await pilot.pause()
        notes = [n.message for n in app._notifications]
        assert any("someday" in n and "not a date" in n for n in notes)
        assert app.screen.query_one("#promise-text", Input).value == "send it"
    assert Home(isolated_home).journal.promises_made_on(DAY) == []


async def test_help_opens_and_closes(isolated_home: Path) -> None:
    app = make_app(isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CheckinScreen)


async def test_garbage_collection_paused_while_loading_is_back_once_the_app_shows(
    isolated_home: Path,
) -> None:
    """`coach` pauses collection while it loads (coach/entry.py); an app left without it would
    grow for as long as it runs."""
    import gc

    from coach.entry import pause_collection

    pause_collection()
    try:
        async with make_app(isolated_home).run_test() as pilot:
            await pilot.pause()
            assert gc.isenabled()
    finally:
        gc.enable()
