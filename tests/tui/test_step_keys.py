"""What the screen says about its keys is true where the cursor is: no suggestion is promised
when there is none to take, and F1 says what each screen shows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.widgets import Checkbox

from coach.app import build_app
from coach.messages import HELP_INTRO
from journal.app.service import JournalService
from tests.conftest import DAY
from tests.tui.test_checkin_typing import SMALL, go_to, settle
from tests.tui.test_newcomer import Newcomer

TAKE = "Enter takes a suggestion"


async def test_day_one_promises_no_suggestion(isolated_home: Path) -> None:
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=SMALL) as pilot:
        me = Newcomer(app, pilot)
        await me.settle()
        await go_to(app, pilot, "marks")
        await me.type("work")
        assert me.sees("Tab moves to the boxes") and not me.sees(TAKE)
        await pilot.press("f1")
        await me.settle()
        assert me.sees("On this step") and not me.sees(TAKE)


async def test_a_suggestion_is_promised_only_in_the_field_it_drops_from(
    isolated_home: Path, service: JournalService
) -> None:
    service.set_tags(DAY - dt.timedelta(days=5), ["work"])
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=SMALL) as pilot:
        me = Newcomer(app, pilot)
        await me.settle()
        await go_to(app, pilot, "marks")
        assert me.sees(TAKE)  # the tags used before were read when the field was focused
        await pilot.press("tab")
        await settle(app, pilot)
        assert isinstance(app.focused, Checkbox)
        assert me.sees("Space ticks one") and not me.sees(TAKE)
        await pilot.press("shift+tab")
        await settle(app, pilot)
        assert me.sees(TAKE)


async def test_help_on_the_trends_says_what_the_charts_mean(isolated_home: Path) -> None:
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=SMALL) as pilot:
        me = Newcomer(app, pilot)
        await me.settle()
        await me.use("Trends")
        await me.use("Help")
        assert me.sees("Each bar is a week, month or year of your check-ins")
        assert not me.sees(HELP_INTRO)  # what any screen without its own words says
