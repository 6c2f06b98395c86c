"""Exporting from the app: the palette opens a dialog with the choices `coach export` has, and
writes the same file it would."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from coach.app import CoachApp, build_app
from coach.screens.export import ExportScreen
from journal.app.home import Home
from tests.conftest import DAY


async def open_dialog(app: CoachApp, pilot: Pilot[None]) -> ExportScreen:
    await pilot.pause()
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*"Export summary")
    await pilot.pause(0.5)  # the palette searches its providers in the background
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, ExportScreen)
    return app.screen


@pytest.fixture
def out(isolated_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    svc = Home(isolated_home, today=lambda: DAY).journal
    svc.set_intent(DAY.replace(day=2), "Early in the month")
    svc.set_intent(DAY, "Hear Ana out")
    folder = tmp_path / "out"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


async def test_dialog_writes_a_markdown_summary_for_the_range_chosen(
    isolated_home: Path, out: Path
) -> None:
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=(110, 40)) as pilot:
        await open_dialog(app, pilot)
        await pilot.press("enter", "down", "down", "enter")  # html → pdf → md
        await pilot.press("tab", *"2026-11-10", "tab", *"today")
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        written = out / "coach-week-2026-11-10-to-2026-11-23.md"  # two weeks: by week
        assert list(out.iterdir()) == [written]
        text = written.read_text()
        assert "Hear Ana out" in text and "Early in the month" not in text
        assert not isinstance(app.screen, ExportScreen)
        assert any(str(written) in n.message for n in app._notifications)


async def test_a_bad_date_is_named_in_the_dialog_and_nothing_is_written(
    isolated_home: Path, out: Path
) -> None:
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=(110, 40)) as pilot:
        dialog = await open_dialog(app, pilot)
        await pilot.press("tab", *"the 31st of Smarch", "enter")
        await pilot.pause()
        assert app.screen is dialog
        problem = str(dialog.query_one("#problem", Static).render())
        assert "From" in problem and "Smarch" in problem
        assert list(out.iterdir()) == []
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is not dialog
        assert list(out.iterdir()) == []


async def test_a_file_name_can_be_given(isolated_home: Path, out: Path) -> None:
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=(110, 40)) as pilot:
        dialog = await open_dialog(app, pilot)
        dialog.query_one("#file").focus()
        await pilot.press(*"for-my-coach.html", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        page = (out / "for-my-coach.html").read_text()
        assert page.startswith("<!doctype html>") and "Hear Ana out" in page
