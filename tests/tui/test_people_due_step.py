"""The morning's "who is waiting on you" step: there only when someone is due, and one key
asks them "how can I help?" or makes them a promise."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from coach.app import build_app
from coach.screens.checkin import CheckinScreen
from coach.widgets.people_due import PeopleDueStep
from journal.app.demo import write_demo
from journal.app.home import Home
from tests.conftest import DAY
from tests.tui.test_checkin_typing import go_to, settle

SIZE = (100, 30)


async def test_someone_overdue_can_be_asked_or_promised_in_one_key(isolated_home: Path) -> None:
    home = Home(isolated_home, today=lambda: DAY)
    write_demo(home, 3, seed=7)
    home.journal.set_intent(DAY, "")  # the morning, with the demo's people
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, CheckinScreen) and screen.pack_name == "morning"
        await go_to(app, pilot, "people")
        shown = "\n".join(s.text for s in app.screen._compositor.render_strips())
        assert "Who is waiting on you" in shown and "review 7 days late" in shown
        step = app.screen.query_one(PeopleDueStep)
        who = step.names[0][0]  # the row the cursor is on
        assert who in shown
        await pilot.press("a")
        await settle(app, pilot)
        await pilot.press("p")
        await settle(app, pilot)
        app.screen.query_one(Input).value = "send the release notes early"
        await pilot.press("enter")
        await settle(app, pilot)
    j = Home(isolated_home, today=lambda: DAY).journal
    today = j.entry(DAY)
    assert today is not None and who in [h.person for h in today.help]
    made = [p for p in j.promises_made_on(DAY) if p.text == "send the release notes early"]
    assert [(p.to, p.kind) for p in made] == [(who, "best_effort")]


async def test_nobody_due_means_no_such_step(isolated_home: Path) -> None:
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, CheckinScreen)
        assert "people" not in [s.id for s in screen.pack.steps]
