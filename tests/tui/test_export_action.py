"""Exporting from the app: the palette opens a dialog with the choices `coach export` has,
previews the figures the file will have, offers your documents folder with the whole path in
sight, and writes the same file `coach export` would."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static

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


async def settled(app: CoachApp, pilot: Pilot[None]) -> None:
    """After the dates' quiet time, once the preview worker has posted its figures."""
    await pilot.pause(0.5)
    await app.workers.wait_for_complete()
    await pilot.pause()


@pytest.fixture
def user_home(isolated_home: Path) -> Path:
    """The test's own home folder (tests/conftest.py), so the folder offered is never the
    developer's."""
    return Path.home()


@pytest.fixture
def started_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The folder Coach is started in: nothing may land there."""
    here = tmp_path / "started-in"
    here.mkdir()
    monkeypatch.chdir(here)
    return here


@pytest.fixture
def out(isolated_home: Path, user_home: Path, started_in: Path) -> Path:
    svc = Home(isolated_home, today=lambda: DAY).journal
    svc.set_intent(DAY.replace(day=2), "Early in the month")
    svc.set_intent(DAY, "Hear Ana out")
    folder = user_home / "Documents"
    folder.mkdir()
    return folder


async def test_dialog_writes_a_markdown_summary_for_the_range_chosen(
    isolated_home: Path, out: Path
) -> None:
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=(110, 40)) as pilot:
        await open_dialog(app, pilot)
        await pilot.press("enter", "down", "down", "enter")  # html → pdf → md
        await pilot.press("tab", *"2026-11-10", "tab", *"today")
        await settled(app, pilot)
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


async def test_a_file_name_given_goes_into_the_folder_shown(
    isolated_home: Path, out: Path, started_in: Path
) -> None:
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=(110, 40)) as pilot:
        dialog = await open_dialog(app, pilot)
        await settled(app, pilot)
        dialog.query_one("#file").focus()
        await pilot.press("ctrl+u", *"for-my-coach.html", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        page = (out / "for-my-coach.html").read_text()
        assert page.startswith("<!doctype html>") and "Hear Ana out" in page
        assert list(started_in.iterdir()) == []


async def test_the_dialog_offers_the_documents_folder_with_the_whole_path(
    isolated_home: Path, out: Path, started_in: Path
) -> None:
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_dialog(app, pilot)
        await settled(app, pilot)
        field = dialog.query_one("#file", Input)
        assert field.value == str(out / "coach-week-2026-11-02-to-2026-11-23.html")
        await pilot.press("enter", "down", "down", "enter")  # html → pdf → md
        await settled(app, pilot)
        assert field.value == str(out / "coach-week-2026-11-02-to-2026-11-23.md")
        elsewhere = out.parent / "Desktop"
        elsewhere.mkdir()
        field.value = str(elsewhere / "coach-week-2026-11-02-to-2026-11-23.md")
        assert app.focused is dialog.query_one("#format")
        await pilot.press("enter", "up", "enter")  # md → pdf: a new folder keeps the new name
        await settled(app, pilot)
        assert field.value == str(elsewhere / "coach-week-2026-11-02-to-2026-11-23.pdf")
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [p.name for p in elsewhere.iterdir()] == ["coach-week-2026-11-02-to-2026-11-23.pdf"]
        assert list(out.iterdir()) == [] and list(started_in.iterdir()) == []


async def test_a_folder_or_a_name_typed_follows_the_format_sensibly(
    isolated_home: Path, out: Path, started_in: Path
) -> None:
    """A folder typed keeps the file in it; a name typed keeps the name with the new kind
    of file's ending; Ctrl+S straight after a change writes the file for the new choices."""
    elsewhere = out.parent / "Desktop"
    elsewhere.mkdir()
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=(110, 40)) as pilot:
        dialog = await open_dialog(app, pilot)
        await settled(app, pilot)
        field = dialog.query_one("#file", Input)
        field.value = f"{elsewhere}{os.sep}"
        await pilot.press("enter", "down", "enter")  # html → pdf
        await settled(app, pilot)
        assert field.value == str(elsewhere / "coach-week-2026-11-02-to-2026-11-23.pdf")
        field.value = str(elsewhere / "mine.pdf")
        await pilot.press("enter", "down", "enter")  # pdf → md
        await settled(app, pilot)
        assert field.value == str(elsewhere / "mine.md")
        field.value = str(elsewhere / "mine.md")
        dialog.offered = field.value  # as if Coach had offered it for the choices before
        await pilot.press("enter", "up", "enter", "ctrl+s")  # md → pdf, written at once
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert sorted(p.name for p in elsewhere.iterdir()) == [
            "coach-week-2026-11-02-to-2026-11-23.pdf"
        ]


@pytest.mark.parametrize("made", [["Downloads"], []])
async def test_without_a_documents_folder_it_offers_downloads_then_home(
    isolated_home: Path, user_home: Path, started_in: Path, made: list[str]
) -> None:
    Home(isolated_home, today=lambda: DAY).journal.set_intent(DAY, "Hear Ana out")
    for name in made:
        (user_home / name).mkdir()
    folder = user_home / made[0] if made else user_home
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=(110, 40)) as pilot:
        dialog = await open_dialog(app, pilot)
        await settled(app, pilot)
        offered = Path(dialog.query_one("#file", Input).value)
        assert offered.parent == folder and offered.suffix == ".html"
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert offered.is_file() and list(started_in.iterdir()) == []


async def test_the_dialog_previews_the_figures_and_the_private_days_left_out(
    isolated_home: Path, out: Path
) -> None:
    svc = Home(isolated_home, today=lambda: DAY).journal
    for day in (DAY - dt.timedelta(days=3), DAY - dt.timedelta(days=5)):
        svc.set_intent(day, "Between me and my journal")
        svc.set_private(day, True)
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=(110, 40)) as pilot:
        dialog = await open_dialog(app, pilot)
        await settled(app, pilot)
        preview = str(dialog.query_one("#preview", Static).render())
        assert "2 days and 0 promises, 02 Nov 2026 to 23 Nov 2026." in preview
        assert "2 private days are not included." in preview
        assert "Combined index" in preview and "Open commitments: 0." in preview
        await pilot.press("tab", *"2026-11-19")  # the range now holds one private day
        await settled(app, pilot)
        preview = str(dialog.query_one("#preview", Static).render())
        assert "1 day and 0 promises, 19 Nov 2026 to 23 Nov 2026." in preview
        assert "1 private day is not included, nor 1 more that the trends look back on." in preview
        assert list(out.iterdir()) == []
