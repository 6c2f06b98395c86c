"""A suggestion taken from the dropdown is an edit, as typing is: the step hears of it and
saves it, even when the app is closed straight after."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.message import Message
from textual.widgets import Input

from coach.app import build_app
from journal.app.home import Home
from journal.app.service import JournalService
from journal.model import IntentFor
from tests.conftest import DAY
from tests.tui.test_checkin_typing import SMALL, evening, go_to, settle

TAKE = pytest.mark.parametrize("take", [("enter",), ("down", "enter")], ids=["enter", "down"])


def changes_to(seen: list[Message], field: str) -> list[str]:
    """What the field said it changed to, in order."""
    return [m.value for m in seen if isinstance(m, Input.Changed) and m.input.id == field]


@TAKE
async def test_a_tag_taken_is_saved(
    isolated_home: Path, service: JournalService, take: tuple[str, ...]
) -> None:
    evening(service)
    service.set_tags(DAY - dt.timedelta(days=5), ["zeppelin"])
    seen: list[Message] = []
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=SMALL, message_hook=seen.append) as pilot:
        await settle(app, pilot)
        screen = await go_to(app, pilot, "marks")
        await pilot.press(*"work, ze")
        await settle(app, pilot)
        await pilot.press(*take)
        await settle(app, pilot)
        assert screen.query_one("#marks-tags", Input).value == "work, zeppelin, "
        assert changes_to(seen, "marks-tags")[-1] == "work, zeppelin, "
        await pilot.press("ctrl+q")
    entry = Home(isolated_home).journal.entry(DAY)
    assert entry is not None and entry.tags == ["work", "zeppelin"]


@TAKE
async def test_a_tag_taken_after_a_save_is_saved(
    isolated_home: Path, service: JournalService, take: tuple[str, ...]
) -> None:
    """The pause after "st" saved it; the suggestion taken then must replace it."""
    evening(service)
    service.set_tags(DAY - dt.timedelta(days=5), ["strategy"])
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        screen = await go_to(app, pilot, "marks")
        await pilot.press(*"work, st")
        await settle(app, pilot)
        assert screen.save_pending()  # as the pause after typing does
        await pilot.press(*take, "tab")  # on to the star: nothing else saves on the way
        await settle(app, pilot)
        await pilot.press("ctrl+q")
    entry = Home(isolated_home).journal.entry(DAY)
    assert entry is not None and entry.tags == ["work", "strategy"]


@TAKE
async def test_a_name_taken_is_saved(
    isolated_home: Path, service: JournalService, take: tuple[str, ...]
) -> None:
    service.add_help(DAY - dt.timedelta(days=3), "Anabel", "a look")
    seen: list[Message] = []
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=SMALL, message_hook=seen.append) as pilot:
        await settle(app, pilot)
        await pilot.press(*"Hear them out", "enter", *"An")
        await settle(app, pilot)
        await pilot.press(*take)
        await settle(app, pilot)
        assert changes_to(seen, "serves")[-1] == "Anabel"
        await pilot.press("ctrl+q")
    entry = Home(isolated_home).journal.entry(DAY)
    assert entry is not None and entry.intent_for == IntentFor(kind="person", name="Anabel")
