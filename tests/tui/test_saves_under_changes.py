"""The check-in's steps stay alive under the other screens: when the journal changes under
them, a step saves only what the person changed in it, never its old copy of the rest."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Checkbox, Input

from coach.app import build_app
from coach.screens.checkin import SAVE_DELAY_S
from journal.app.home import Home
from journal.app.service import JournalService
from tests.conftest import DAY
from tests.tui.test_checkin_typing import SMALL, evening, go_to, settle


async def test_undo_after_making_a_day_private_undoes_that(
    isolated_home: Path, service: JournalService
) -> None:
    """Tags typed as "work, zeppelin," are stored as two words: the step once took that
    difference for typing and saved its marks (not private) again before the undo."""
    evening(service)
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        await go_to(app, pilot, "marks")
        await pilot.press(*"work, zeppelin,")
        await settle(app, pilot)
        await pilot.press("f3")
        await settle(app, pilot)
        await pilot.press("p")
        await settle(app, pilot)
        made = app.home.journal.entry(DAY)
        assert made is not None and made.private
        await pilot.press("ctrl+z")
        await settle(app, pilot)
        said = [str(n.message) for n in app._notifications]
        assert any("made private" in s for s in said if s.startswith("Undid")), said
    entry = Home(isolated_home).journal.entry(DAY)
    assert entry is not None
    assert not entry.private and entry.tags == ["work", "zeppelin"]


async def test_a_save_waiting_on_typing_keeps_a_change_made_meanwhile(
    isolated_home: Path, service: JournalService
) -> None:
    """The pause after typing ends after the day was made private elsewhere (the journal
    screen, the command line): the tags typed are saved, and the day stays private."""
    evening(service)
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        screen = await go_to(app, pilot, "marks")
        await pilot.press(*"work")
        await pilot.pause()
        assert screen._save_timer is not None  # the save waits for a pause in the typing
        app.home.journal.set_private(DAY, True)
        await pilot.pause(SAVE_DELAY_S * 2)
        assert screen._save_timer is None
        assert screen.query_one("#marks-private", Checkbox).value  # shows the journal
        assert screen.query_one("#marks-tags", Input).value == "work"  # keeps the typing
    entry = Home(isolated_home).journal.entry(DAY)
    assert entry is not None
    assert entry.private and entry.tags == ["work"]
