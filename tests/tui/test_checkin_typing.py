"""Typing into the check-in as a person does, fast and without looking: what was there stays,
the keys do what the screen says, and nothing lands where it was not meant to."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.widgets import Input, RadioSet, TextArea

from coach.app import CoachApp, build_app
from coach.screens.checkin import CheckinScreen
from coach.widgets.rating_row import RatingRow, RatingsStep
from journal.app.home import Home
from journal.app.service import JournalService
from journal.model import IntentFor
from tests.conftest import DAY

SMALL = (80, 24)


def screen_text(app: CoachApp) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def settle(app: CoachApp, pilot: object) -> None:
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def go_to(app: CoachApp, pilot: object, step: str) -> CheckinScreen:
    """Ctrl+N until the check-in shows ``step``."""
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    screen = app.screen
    assert isinstance(screen, CheckinScreen)
    for _ in range(len(screen.pack.steps)):
        if screen.pack.steps[screen.index].id == step:
            break
        await pilot.press("ctrl+n")
        await settle(app, pilot)
    assert screen.pack.steps[screen.index].id == step
    return screen


def evening(service: JournalService) -> None:
    service.set_intent(DAY, "Hear Ana out", IntentFor(kind="person", name="Ana"))


async def test_prefilled_fields_keep_their_text_when_typed_into(
    isolated_home: Path, service: JournalService
) -> None:
    """Focus puts the cursor after what is there: typing adds to it, never replaces it."""
    evening(service)
    service.set_tags(DAY, ["work", "release"])
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        await go_to(app, pilot, "marks")
        tags = app.screen.query_one("#marks-tags", Input)
        assert app.focused is tags and tags.selection.is_empty
        await pilot.press(*", wo")
        await settle(app, pilot)
        assert tags.value == "work, release, wo"
        await pilot.press("ctrl+t")  # the morning: its intent and whom it serves
        await settle(app, pilot)
        await pilot.press(*" first")
        await pilot.press("tab", *" and Sam")
        await settle(app, pilot)
        assert app.screen.query_one("#serves", Input).value == "Ana and Sam"
    entry = Home(isolated_home).journal.entry(DAY)
    assert entry is not None
    assert entry.tags == ["work", "release", "wo"]
    assert entry.intent == "Hear Ana out first"


async def test_back_to_a_written_reflection_types_after_it(
    isolated_home: Path, service: JournalService
) -> None:
    evening(service)
    service.set_text(DAY, "reflection", "Asked first.")
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        await go_to(app, pilot, "marks")
        await pilot.press("ctrl+b")
        await settle(app, pilot)
        assert isinstance(app.focused, TextArea)
        await pilot.press(*" Then offered.")
        await settle(app, pilot)
    entry = Home(isolated_home).journal.entry(DAY)
    assert entry is not None and entry.reflection == "Asked first. Then offered."


async def test_tab_after_a_known_name_moves_on(
    isolated_home: Path, service: JournalService
) -> None:
    """ "Ana", Tab, "friday" typed quickly: Ana is the person, Friday the due date, even while
    the name is offered as a suggestion."""
    service.add_help(DAY - dt.timedelta(days=3), "Ana", "a look")
    service.add_help(DAY - dt.timedelta(days=3), "Anabel", "a hand")
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        screen = await go_to(app, pilot, "promises")
        await pilot.press(*"call back", "tab", "tab")
        await settle(app, pilot)  # the names used before are read
        assert app.focused is screen.query_one("#promise-to", Input)
        await pilot.press(*"Ana", "tab", *"friday", "enter")
        await settle(app, pilot)
        await pilot.press(*"send notes", "tab", "tab", *"Ana", "down", "down", "tab")
        await settle(app, pilot)
        assert app.focused is screen.query_one("#promise-due", Input)
    made = {p.text: p for p in Home(isolated_home).journal.promises_made_on(DAY)}
    friday = DAY + dt.timedelta(days=(4 - DAY.weekday()) % 7)
    assert (made["call back"].to, made["call back"].due) == ("Ana", friday)


async def test_the_arrow_chooses_the_kind_of_promise(isolated_home: Path) -> None:
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        screen = await go_to(app, pilot, "promises")
        await pilot.press(*"tidy up", "tab", "right")
        await settle(app, pilot)
        pressed = screen.query_one("#promise-kind", RadioSet).pressed_button
        assert pressed is not None and pressed.name == "best_effort"
        await pilot.press("shift+tab", "enter")
        await settle(app, pilot)
    (made,) = Home(isolated_home).journal.promises_made_on(DAY)
    assert made.kind == "best_effort"


def chosen_kind(app: CoachApp) -> str:
    """The kind the screen shows chosen: the one label with a dot, exactly one dot on."""
    (line,) = (row for row in screen_text(app).splitlines() if "▌ good intention" in row)
    labels = {"commitment": "commitment", "best effort": "best_effort"}
    labels["good intention"] = "good_intention"
    on = [kind for label, kind in labels.items() if f"▐●▌ {label}" in line]
    assert line.count("●") == 1 and len(on) == 1, line
    return on[0]


@pytest.mark.parametrize(
    "keys",
    [
        ("right", "right", "left", "left"),
        ("right", "space", "left", "space"),
        ("space", "right", "left", "right", "right", "left", "left"),
        ("left",),
        ("right", "right", "left", "left", "left", "left"),
        ("right", "right", "right", "space", "left", "left"),
    ],
)
async def test_the_kind_saved_is_the_one_shown_chosen(
    isolated_home: Path, keys: tuple[str, ...]
) -> None:
    """Arrowing back to commitment chooses it again: its dot once stayed on from the start
    while the set forgot which kind was chosen, so a promise was saved as another kind."""
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        screen = await go_to(app, pilot, "promises")
        await pilot.press(*"tidy up", "tab")
        await settle(app, pilot)
        assert chosen_kind(app) == "commitment"
        for key in keys:
            await pilot.press(key)
            await settle(app, pilot)
            shown = chosen_kind(app)
            pressed = screen.query_one("#promise-kind", RadioSet).pressed_button
            assert pressed is not None and pressed.name == shown
        await pilot.press("shift+tab", "enter")
        await settle(app, pilot)
    (made,) = Home(isolated_home).journal.promises_made_on(DAY)
    assert made.kind == shown


async def test_enter_through_the_ratings_leaves_the_reflection_empty(
    isolated_home: Path, service: JournalService
) -> None:
    evening(service)
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        screen = await go_to(app, pilot, "ratings")
        assert "Enter moves to the next rating" in " ".join(screen_text(app).split())
        await pilot.press("7", "enter", "8", "enter", "enter", "enter", "enter")
        await pilot.press("enter", "enter")  # one too many, as hands do
        await settle(app, pilot)
        assert screen.pack.steps[screen.index].id == "reflection"
        area = screen.query_one("#reflection-text", TextArea)
        assert area.text == ""
        await pilot.press(*"Listened.")
        await settle(app, pilot)
        assert area.text == "Listened."


async def test_a_rating_of_seven_fills_seven_circles(
    isolated_home: Path, service: JournalService
) -> None:
    evening(service)
    service.rate(DAY, {"credibility": 7})
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        screen = await go_to(app, pilot, "ratings")
        step = screen.query_one(RatingsStep)
        row = step.query_one("#rating-credibility", RatingRow)
        line = row.render().plain.splitlines()[0]
        assert line.count("●") == 7 and line.count("○") == 3


async def test_a_digit_from_another_script_leaves_a_rating_alone(
    isolated_home: Path, service: JournalService
) -> None:
    """² and ٣ are digits to Python's isdigit, not ratings: typed on a row they change
    nothing (before, ² crashed the app)."""
    evening(service)
    service.rate(DAY, {"credibility": 7})
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        screen = await go_to(app, pilot, "ratings")
        row = screen.query_one(RatingsStep).query_one("#rating-credibility", RatingRow)
        row.focus()
        await pilot.press("²", "٣")
        await pilot.pause()
        assert row.value == 7
