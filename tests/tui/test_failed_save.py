"""A save the disk refuses, in the app: one notice naming the cause, the words stay on screen,
the next save stores them, and closing the app says what was not saved, words included."""

from __future__ import annotations

import errno
from pathlib import Path

from textual.widgets import TextArea

from coach.app import build_app
from journal.app.home import Home
from journal.app.service import JournalService
from tests.conftest import DAY
from tests.disk_faults import failing
from tests.tui.test_checkin_typing import SMALL, evening, go_to, settle


def full_disk(step: str, path: Path) -> bool:
    return step == "write" and "entries-" in path.name


async def test_a_refused_save_keeps_the_words_and_the_next_save_stores_them(
    isolated_home: Path, service: JournalService
) -> None:
    evening(service)
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        screen = await go_to(app, pilot, "reflection")
        area = screen.query_one("#reflection-text", TextArea)
        with failing(full_disk, errno.ENOSPC):
            await pilot.press(*"Asked first", "enter", *"then listened")
            await pilot.press("ctrl+n")
            await settle(app, pilot)
            shown = [n.message for n in app._notifications]
            assert any("No space left on device; nothing was saved" in m for m in shown), shown
            assert screen.pack.steps[screen.index].id == "reflection", "it stays on the step"
            assert area.text == "Asked first\nthen listened"
            assert "your reflection" in next(iter(app.not_saved.values()))
        await pilot.press("ctrl+n")  # the disk has room again
        await settle(app, pilot)
        assert app.not_saved == {}
    entry = Home(isolated_home).journal.entry(DAY)
    assert entry is not None and entry.reflection == "Asked first\nthen listened"


async def test_closing_after_a_refused_save_says_what_was_not_saved(
    isolated_home: Path, service: JournalService
) -> None:
    evening(service)
    app = build_app(isolated_home, today=lambda: DAY)
    with failing(full_disk, errno.EIO):
        async with app.run_test(size=SMALL) as pilot:
            await settle(app, pilot)
            await go_to(app, pilot, "reflection")
            await pilot.press(*"Words worth keeping")
            await pilot.press("ctrl+q")
    (said,) = app.not_saved.values()
    assert said.startswith(f"your reflection for {DAY:%a %d %b %Y}: Words worth keeping (")
    assert said.endswith("Input/output error; nothing was saved)")
    entry = Home(isolated_home).journal.entry(DAY)
    assert entry is not None and entry.reflection == ""
