"""At 80×24, the size a terminal opens at: dialogs fit with their keys in sight, the title is
whole, boxes are closed, and what the journal shows is words rather than ids."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable

from coach.app import CoachApp, build_app
from coach.dialogs.form import FormScreen
from coach.screens.checkin import CheckinScreen
from coach.screens.own_journal import OwnJournalScreen
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


async def test_the_export_dialog_fits_with_its_keys(isolated_home: Path) -> None:
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        app.export()
        await settle(app, pilot)
        for label in ("What", "From", "To", "Charts", "File name", "Ctrl+S writes", "Write"):
            assert label in said(app), label


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
