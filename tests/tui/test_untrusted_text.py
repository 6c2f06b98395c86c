"""Text a person typed (or a file carried) is shown literally: never markup, never controls."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.content import Content
from textual.widgets import DataTable, Label, Static, TextArea

from coach.app import build_app
from coach.screens.checkin import CheckinScreen
from coach.screens.journal import JournalScreen
from coach.widgets.row_list import RowList
from journal.app.service import JournalService
from journal.model import IntentFor
from tests.conftest import DAY

MARKUP = ["[bold]", "[/]", "[/", "[@click=app.quit]x[/]"]
CONTROLS = ["\x1b[2J", "\x9b31m", "\x07", "\x7f", "\u202e"]
HOSTILE = " ".join(MARKUP + CONTROLS)
SHOWN = " ".join(MARKUP) + " [2J 31m   "
"""What remains visible: the markup literally, the control characters gone."""


def fill_every_field(svc: JournalService) -> None:
    svc.set_intent(DAY, HOSTILE, IntentFor(kind="person", name=HOSTILE))
    ask = svc.add_help(DAY, HOSTILE, HOSTILE)
    svc.update_help(DAY, ask.id, done=True)
    svc.set_text(DAY, "self_focus", HOSTILE)
    svc.set_text(DAY, "reflection", HOSTILE)
    svc.set_note(DAY, "extra", HOSTILE)
    svc.add_tags(DAY, ["[bold]", "[@click=app.quit]x[/]"])
    svc.add_promise(DAY - dt.timedelta(days=1), HOSTILE, "commitment", HOSTILE)
    svc.add_promise(DAY, HOSTILE, "good_intention", HOSTILE)


def plain(widget: Static) -> str:
    visual = widget.visual
    assert isinstance(visual, Content)
    return visual.plain


def assert_safe(text: str) -> None:
    assert "[@click=app.quit]x[/]" in text
    for control in CONTROLS:
        assert control not in text


async def test_hostile_text_in_every_field_is_shown_literally(
    isolated_home: Path, service: JournalService
) -> None:
    fill_every_field(service)
    assert service.entry(DAY) is not None
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=(120, 45)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CheckinScreen) and screen.pack_name == "evening"
        table = screen.query_one("#followup", RowList)
        cells = [c for row in range(table.row_count) for c in table.row_text(row)]
        hostile_cells = [c for c in cells if "[@click" in c]
        assert len(hostile_cells) == 2  # the text of both open promises
        assert len([c for c in cells if c.startswith("[bold] [/] [/")]) == 4  # and the person
        for cell in cells:
            assert not any(ch in cell for ch in CONTROLS)
        assert hostile_cells[0].startswith("[bold] [/] [/ [@click=app.quit]")
        await pilot.press("ctrl+n")
        await pilot.pause()
        helped = screen.query_one("#help-followup", DataTable)
        assert helped.row_count == 1
        for row in range(helped.row_count):
            for cell in helped.get_row_at(row):
                assert not any(ch in str(cell) for ch in CONTROLS)
        await pilot.press("ctrl+n")
        await pilot.pause()
        self_focus = screen.query_one("#self_focus-text", TextArea)
        assert_safe(self_focus.text)

        await pilot.press("f3")
        await pilot.pause()
        journal = app.screen
        assert isinstance(journal, JournalScreen)
        await app.workers.wait_for_complete()  # the journal screen reads its days in a worker
        await pilot.pause()
        view = plain(journal.query_one("#entry-view", Static))
        assert view.count("[@click=app.quit]x[/]") >= 7  # intent, whom, help x2, words, notes
        assert_safe(view)
        await pilot.click("#entry-view")
        await pilot.pause()
        assert app.is_running  # the action text was not turned into a quit link


async def test_a_folder_name_that_looks_like_markup_is_shown_literally(
    isolated_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The share and feedback dialogs name the folder Coach was started in: a folder called
    `[b]x[/]` is shown as it is, and a stray `[/]` does not crash the app."""
    folder = tmp_path / "a[/]b [bold]x[/bold]"
    folder.mkdir(parents=True)  # the slashes make folders too: the path still reads as markup
    monkeypatch.chdir(folder)
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=(100, 40)) as pilot:
        for open_dialog in (app.share, app.import_feedback):
            open_dialog()
            await pilot.pause()
            shown = " ".join(str(label.render()) for label in app.screen.query(Label))
            assert "a[/]b [bold]x[/bold]" in shown
            await pilot.press("escape")
            await pilot.pause()
        assert isinstance(app.screen, CheckinScreen)
