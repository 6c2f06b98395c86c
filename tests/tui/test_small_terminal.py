"""At 80×24, the size a terminal opens at: dialogs fit with their keys in sight, the title is
whole, boxes are closed, and what the journal shows is words rather than ids."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.containers import VerticalScroll
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static

from coach.app import CoachApp, build_app
from coach.dialogs.form import FormScreen
from coach.dialogs.line_input import LineInputScreen
from coach.screens.checkin import CheckinScreen
from coach.screens.own_journal import OwnJournalScreen
from coach.widgets.suggest import Suggest
from journal.app.corrections import Renegotiation, renegotiate
from journal.app.service import JournalService
from tests.conftest import DAY

SMALL = (80, 24)


def rows(app: CoachApp) -> list[str]:
    return [strip.text for strip in app.screen._compositor.render_strips()]


def said(app: CoachApp) -> str:
    return " ".join(" ".join(rows(app)).split())


async def settle(app: CoachApp, pilot: Pilot[None]) -> None:
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_the_promise_dialog_fits_with_its_keys(
    isolated_home: Path, service: JournalService
) -> None:
    service.add_promise(DAY, "send the deck", "commitment", "Ana")
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+n", "ctrl+n")
        await settle(app, pilot)
        app.screen.query_one("#promises-today", DataTable).focus()
        await pilot.press("e")
        await settle(app, pilot)
        assert isinstance(app.screen, FormScreen)
        for label in ("What you will do", "To whom", "Kind", "Due", "Ctrl+S saves · Esc cancels"):
            assert label in said(app), label
        assert "send the deck" in said(app) and "Ana" in said(app)


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The export dialog offers the documents folder: the test's own, never the developer's."""
    home = tmp_path / "user"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    return home / "Documents"


async def test_the_export_dialog_fits_with_its_keys(
    isolated_home: Path, service: JournalService, documents: Path
) -> None:
    service.set_intent(DAY, "Hear Ana out")
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        app.export()
        await settle(app, pilot)
        for label in ("What", "From", "To", "Charts", "Save to", "Ctrl+S writes", "Write"):
            assert label in said(app), label
        name = "coach-week-2026-11-23-to-2026-11-23.html"
        assert app.screen.query_one("#file", Input).value == str(documents / name)
        assert name in said(app)  # a long path shows its end, where the name is
        assert "1 day and 0 promises" in said(app) and "Open commitments: 0." in said(app)


async def test_the_title_and_the_habit_are_whole(isolated_home: Path) -> None:
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        assert "Coach — Morning check-in · Mon 23 Nov 2026" in rows(app)[0]
        screen = app.screen
        assert isinstance(screen, CheckinScreen)
        while screen.pack.steps[screen.index].id != "tip":
            await pilot.press("ctrl+n")
            await settle(app, pilot)
        top = next(r for r in rows(app) if "╭" in r)
        bottom = next(r for r in rows(app) if "╰" in r)
        assert top.rstrip().endswith("╮") and bottom.rstrip().endswith("╯")


async def test_a_renegotiated_promise_shows_its_new_terms(
    isolated_home: Path, service: JournalService
) -> None:
    earlier = DAY - dt.timedelta(days=2)
    service.set_intent(earlier, "Keep my word")
    made = service.add_promise(earlier, "send the deck", "commitment", "Ana")
    renegotiate(service, Renegotiation(ref=made.id, due=DAY + dt.timedelta(days=4), on=earlier))
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("f3")
        await settle(app, pilot)
        assert isinstance(app.screen, OwnJournalScreen)
        assert "now “send the deck” due Fri 27 Nov 2026" in said(app)
        assert made.id[:8] not in said(app)


async def test_a_notice_leaves_the_step_keys_in_sight(
    isolated_home: Path, service: JournalService
) -> None:
    service.set_tags(DAY - dt.timedelta(days=5), ["work"])  # suggested: two lines of keys
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+n", "ctrl+n", "ctrl+n", "ctrl+n", "enter")  # morning done
        await settle(app, pilot)
        toasts = list(app.screen.query("Toast"))
        assert toasts, "the check-in says it is saved"
        keys = app.screen.query_one("#step-keys", Static).region
        assert keys.height == 2  # the marks step's keys take two lines here
        assert not any(toast.region.overlaps(keys) for toast in toasts)


async def test_the_help_page_keeps_its_indents_and_a_gap_before_the_scrollbar(
    isolated_home: Path,
) -> None:
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        await pilot.press("f1", "end")
        await settle(app, pilot)
        page = rows(app)
        at = next(i for i, r in enumerate(page) if "commitment" in r and "it will happen" in r)
        meaning = page[at].index("it will happen")
        wrapped = page[at + 1]
        assert wrapped[meaning - 1] == " " and wrapped[meaning].isalpha(), wrapped
        scroller = app.screen.query_one("#help", VerticalScroll)
        assert scroller.show_vertical_scrollbar
        bar = scroller.vertical_scrollbar.region
        text = max(w.content_region.right for w in scroller.query(Static))
        assert bar.x - text >= 1


async def test_the_tags_dialog_says_its_keys(isolated_home: Path, service: JournalService) -> None:
    service.set_tags(DAY, ["work"])
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        await pilot.press("f3")
        await settle(app, pilot)
        await pilot.press("t")
        await settle(app, pilot)
        assert isinstance(app.screen, LineInputScreen)
        assert "Enter takes a suggestion or saves · Esc cancels" in said(app)


async def test_suggestions_open_below_the_field(
    isolated_home: Path, service: JournalService
) -> None:
    service.set_tags(DAY - dt.timedelta(days=5), ["zeppelin"])
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+n", "ctrl+n", "ctrl+n", "ctrl+n", *"work, ze")
        await settle(app, pilot)
        field = app.screen.query_one("#marks-tags", Input)
        offered = app.screen.query_one(Suggest)
        assert offered.display and "zeppelin" in said(app)
        assert offered.region.y == field.region.bottom  # under the border, not on it


async def test_the_export_dialog_can_add_the_relationships(
    isolated_home: Path, documents: Path
) -> None:
    """Ticking People writes the summary with its Relationships section."""
    from journal.app.home import Home

    Home(isolated_home, today=lambda: DAY).journal.add_help(DAY, "Ana", "a second look")
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        app.export("md")
        await settle(app, pilot)
        assert "People" in said(app)
        app.screen.query_one("#people").focus()
        await pilot.press("space", "ctrl+s")
        await settle(app, pilot)
    (written,) = documents.glob("*.md")
    text = written.read_text()
    assert "## Relationships" in text and "| Ana |" in text
