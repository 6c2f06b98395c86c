"""Correcting the journal in the app, by keys: open a past day from the journal and change it,
delete a promise and a day after a one-key confirmation, undo twice, restart, undo again."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.widgets import DataTable, Input

from coach.app import CoachApp, build_app
from coach.dialogs.confirm import ConfirmScreen
from coach.dialogs.form import FormScreen
from coach.dialogs.line_input import LineInputScreen
from coach.screens.checkin import CheckinScreen, DayScreen
from coach.screens.own_journal import OwnJournalScreen
from journal.app.home import Home
from journal.model import IntentFor
from tests.conftest import DAY

SIZE = (120, 40)
EARLIER = DAY - dt.timedelta(days=3)


def make_app(home: Path) -> CoachApp:
    return build_app(home, today=lambda: DAY)


async def settle(app: CoachApp) -> None:
    await app.workers.wait_for_complete()
    await app._animator.wait_until_complete()


def seed(home: Path) -> None:
    j = Home(home, today=lambda: DAY).journal
    j.set_intent(EARLIER, "Hear Ana out", IntentFor(kind="person", name="Ana"))
    j.add_promise(EARLIER, "send the deck", "commitment", "Ana")
    j.add_promise(EARLIER, "book the room", "best_effort")
    j.set_intent(DAY, "Today's intent")


async def test_open_a_past_day_change_it_delete_a_promise_and_undo(isolated_home: Path) -> None:
    seed(isolated_home)
    app = make_app(isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        await settle(app)
        await pilot.pause()
        journal = app.screen
        assert isinstance(journal, OwnJournalScreen)
        table = journal.query_one("#days", DataTable)
        table.focus()
        await pilot.press("down", "enter")  # the second row: the earlier day
        await pilot.pause()
        day = app.screen
        assert isinstance(day, DayScreen) and day.day == EARLIER
        assert day.pack_name == "evening"  # the day has an intent: its evening comes first
        await pilot.press("ctrl+t")  # the morning of that day: its intent, then its promises
        await pilot.pause()
        intent = day.query_one("#intent-text", Input)
        intent.value = ""
        intent.focus()
        await pilot.press(*"Hear Ana out, then answer")
        await pilot.press("ctrl+n", "ctrl+n")
        await pilot.pause()
        promises = day.query_one("#promises-today", DataTable)
        promises.focus()
        await pilot.press("e")  # edit the first promise's terms
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        await pilot.press("tab", "tab", "tab", *"+2d", "enter")
        await pilot.pause()
        await pilot.press("down", "delete")  # delete the second: it asks first
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        await pilot.press("escape")  # back to the journal
        await pilot.pause()

    j = Home(isolated_home, today=lambda: DAY).journal
    entry = j.entry(EARLIER)
    assert entry is not None and entry.intent == "Hear Ana out, then answer"
    (deck,) = j.promises_made_on(EARLIER)
    assert (deck.text, deck.due) == ("send the deck", DAY + dt.timedelta(days=2))

    app = make_app(isolated_home)  # a restart: the history is on disk
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, CheckinScreen)
        await pilot.press("ctrl+z")  # the deletion
        await pilot.pause()
        assert [p.text for p in j.promises_made_on(EARLIER)] == ["send the deck", "book the room"]
        await pilot.press("ctrl+z")  # the new due date
        await pilot.pause()
        assert [p.due for p in j.promises_made_on(EARLIER)] == [None, None]
        await pilot.press("ctrl+z")  # the typing, as one change
        await pilot.pause()
        entry = j.entry(EARLIER)
        assert entry is not None and entry.intent == "Hear Ana out"


async def test_delete_a_day_from_the_journal_after_confirming(isolated_home: Path) -> None:
    seed(isolated_home)
    app = make_app(isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        await settle(app)
        await pilot.pause()
        journal = app.screen
        journal.query_one("#days", DataTable).focus()
        await pilot.press("down", "delete")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ConfirmScreen)
        assert dialog.question == "Delete Fri 20 Nov 2026: its intent, 2 promises?"
        await pilot.press("n")  # kept after all
        await pilot.pause()
        assert Home(isolated_home).journal.entry(EARLIER) is not None
        await pilot.press("delete", "y")
        await settle(app)
        await pilot.pause()
        assert Home(isolated_home).journal.entry(EARLIER) is None
        assert journal.query_one("#days", DataTable).row_count == 1
        await pilot.press("ctrl+z")
        await settle(app)
        await pilot.pause()
        assert journal.query_one("#days", DataTable).row_count == 2


async def test_go_to_a_date_opens_a_day_with_nothing_yet(isolated_home: Path) -> None:
    app = make_app(isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        app.screen.query_one("#days", DataTable).focus()
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, LineInputScreen)
        await pilot.press(*"-1w", "enter")
        await pilot.pause()
        day = app.screen
        assert isinstance(day, DayScreen) and day.day == DAY - dt.timedelta(weeks=1)
        await pilot.press(*"Catch up with Bo")
        await pilot.press("escape")
        await pilot.pause()
    entry = Home(isolated_home).journal.entry(DAY - dt.timedelta(weeks=1))
    assert entry is not None and entry.intent == "Catch up with Bo"


async def test_tags_and_private_from_the_journal(isolated_home: Path) -> None:
    seed(isolated_home)
    app = make_app(isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        await settle(app)
        await pilot.pause()
        app.screen.query_one("#days", DataTable).focus()
        await pilot.press("down", "t")
        await pilot.pause()
        assert isinstance(app.screen, LineInputScreen)
        await pilot.press(*"work, star", "enter")
        await pilot.pause()
        await pilot.press("p")
        await settle(app)
        await pilot.pause()
        await pilot.press("t", "ctrl+u", *"work", "enter")  # star goes: asked first
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ConfirmScreen)
        assert dialog.question == "Remove #star from Fri 20 Nov 2026?"
        await pilot.press("y")
        await settle(app)
        await pilot.pause()
    entry = Home(isolated_home).journal.entry(EARLIER)
    assert entry is not None and (entry.tags, entry.private) == (["work"], True)


async def test_correct_an_ask_in_the_morning(isolated_home: Path) -> None:
    j = Home(isolated_home, today=lambda: DAY).journal
    ask = j.add_help(DAY, "Ana", "a look")
    app = make_app(isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CheckinScreen) and screen.pack_name == "morning"
        await pilot.press("ctrl+n")
        await pilot.pause()
        screen.query_one("#help-today", DataTable).focus()
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        await pilot.press("tab", "ctrl+u", *"a second look at the budget", "enter")
        await pilot.pause()
    entry = j.entry(DAY)
    assert entry is not None
    assert [(h.id, h.person, h.request) for h in entry.help] == [
        (ask.id, "Ana", "a second look at the budget")
    ]


async def test_undo_from_another_screen_refreshes_the_check_in(isolated_home: Path) -> None:
    """Typed, left for the journal, undone there: back on the check-in the field shows what
    is stored, so the next keystroke does not save the undone text again."""
    app = make_app(isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*"Hear Ana out")
        await pilot.press("f3")
        await settle(app)
        await pilot.pause()
        await pilot.press("ctrl+z")
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        assert app.screen.query_one("#intent-text", Input).value == ""
        await pilot.press("x")
        await pilot.pause()
    entry = Home(isolated_home).journal.entry(DAY)
    assert entry is not None and entry.intent == "x"


async def test_editing_one_term_keeps_the_others_as_stored(isolated_home: Path) -> None:
    j = Home(isolated_home, today=lambda: DAY).journal
    made = j.add_promise(DAY, "send the deck\nand the budget notes", "commitment")
    app = make_app(isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n", "ctrl+n")
        await pilot.pause()
        app.screen.query_one("#promises-today", DataTable).focus()
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("tab", "tab", "tab", *"+2d", "enter")
        await pilot.pause()
    stored = j.find_promise(made.id)
    assert (stored.text, stored.due) == (made.text, DAY + dt.timedelta(days=2))
