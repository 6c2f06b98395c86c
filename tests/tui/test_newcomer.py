"""A person who has never read the README, at 80×24: every key this test presses is first
read off the screen (the footer, the line of step keys, a field's border or F1)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from coach.app import CoachApp, build_app
from coach.screens.checkin import CheckinScreen
from journal.app.home import Home
from journal.app.service import JournalService
from journal.model import IntentFor
from tests.conftest import DAY

SMALL = (80, 24)


def screen_lines(app: CoachApp) -> list[str]:
    """The terminal as the person sees it, one string per row."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def footer_keys(app: CoachApp) -> dict[str, str]:
    """What the footer offers, as {what it does: the key to press}."""
    bar = screen_lines(app)[-1]
    found: dict[str, str] = {}
    for part in re.split(r"\s{2,}", bar.strip()):
        key, _, what = part.partition(" ")
        if what:
            found[what] = key
    return found


def as_pressed(shown: str) -> str:
    """ "^n" is ctrl+n and "F1" is f1, the way Pilot names keys."""
    return f"ctrl+{shown[1:]}" if shown.startswith("^") else shown.lower()


class Newcomer:
    def __init__(self, app: CoachApp, pilot: Any) -> None:
        self.app = app
        self.pilot = pilot

    def sees(self, text: str) -> bool:
        """Read as a person reads: a sentence wrapped onto the next row still counts."""
        return text in " ".join(" ".join(screen_lines(self.app)).split())

    async def settle(self) -> None:
        await self.pilot.pause()
        await self.app.workers.wait_for_complete()
        await self.pilot.pause()

    async def use(self, what: str) -> None:
        """Press the key the footer shows for ``what``."""
        keys = footer_keys(self.app)
        assert what in keys, f"the footer does not offer {what!r}: {keys}"
        await self.pilot.press(as_pressed(keys[what]))
        await self.settle()

    async def press_after_reading(self, hint: str, *keys: str) -> None:
        """Press ``keys`` once the screen has said (in ``hint``) what they do."""
        assert self.sees(hint), f"nothing on screen says {hint!r}:\n" + "\n".join(
            screen_lines(self.app)
        )
        await self.pilot.press(*keys)
        await self.settle()

    async def type(self, text: str) -> None:
        await self.pilot.press(*text)
        await self.settle()

    def step(self) -> str:
        screen = self.app.screen
        assert isinstance(screen, CheckinScreen)
        return screen.pack.steps[screen.index].id


async def test_a_first_morning_and_evening_with_only_the_keys_on_screen(
    isolated_home: Path, service: JournalService
) -> None:
    service.set_tags(DAY - dt.timedelta(days=5), ["work"])  # a tag used before, to suggest
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=SMALL) as pilot:
        me = Newcomer(app, pilot)
        await me.settle()

        # F1 first: what this screen is for, and every key.
        await me.use("Help")
        assert me.sees("Keys and help") and me.sees("Esc closes this page.")
        await me.press_after_reading("Esc closes", "escape")

        # Morning. Each field's label stays in its border once it has text.
        assert me.step() == "intent"
        await me.type("Hear Ana out")
        assert me.sees("Intent")
        await me.press_after_reading("Enter goes to the next field, then on", "enter")
        await me.type("Ana")
        await me.press_after_reading("Enter goes to the next field, then on", "enter")

        assert me.step() == "help"
        await me.type("Sam")
        await me.press_after_reading("Enter adds the person", "tab")
        await me.type("a second look")
        await me.press_after_reading("Enter adds the person", "enter")
        assert me.sees("a second look")
        await me.press_after_reading("goes on when both fields are empty", "enter")

        assert me.step() == "promises"
        await me.type("Send the deck")
        await me.press_after_reading("Enter adds the promise", "enter")
        assert me.sees("Send the deck")
        await me.press_after_reading("goes on when the fields are empty", "enter")

        assert me.step() == "tip"
        await me.press_after_reading("Enter goes on", "enter")

        assert me.step() == "marks"
        await me.type("wo")
        assert me.sees("work")  # offered from the day it was used
        await me.press_after_reading("Enter takes a suggestion", "enter")
        await me.press_after_reading("Tab moves to the boxes", "tab")
        assert me.sees("Star this day")
        await me.press_after_reading("Space ticks one", "space")
        await me.press_after_reading("Enter goes on", "enter")
        assert any("Morning check-in" in str(n.title) for n in app._notifications)
        assert me.sees("★ starred")

        # Evening, the same day.
        await me.use("Morning/evening")
        assert me.step() == "follow_up" and me.sees("Send the deck")
        await me.press_after_reading("k b r l mark the selected promise", "k")
        assert me.sees("kept")
        await me.use("Next step")

        assert me.step() == "help_done" and me.sees("Sam")
        await me.press_after_reading("y did it", "y")
        await me.use("Next step")

        assert me.step() == "self_focus"
        await me.type("I argued first")
        await me.use("Next step")

        assert me.step() == "ratings"
        await me.press_after_reading("a digit sets a rating", "7", "down", "8")
        await me.use("Next step")

        assert me.step() == "reflection"
        await me.type("Ask first.")
        await me.press_after_reading("Enter starts a new line", "enter")
        await me.type("Then offer.")
        await me.pilot.press("enter")
        await me.type("Listen longer.")
        assert me.sees("Then offer.") and me.sees("Listen longer.")  # the field grew
        await me.use("Next step")

        assert me.step() == "marks"
        await me.press_after_reading("Tab moves to the boxes", "tab", "tab")
        assert me.sees("Private")
        await me.press_after_reading("Space ticks one", "space")
        await me.press_after_reading("Enter goes on", "enter")
        assert me.sees("private")  # beside the progress, on every step

    journal = Home(isolated_home).journal
    entry = journal.entry(DAY)
    assert entry is not None
    assert entry.intent == "Hear Ana out"
    assert entry.intent_for == IntentFor(kind="person", name="Ana")
    assert [(h.person, h.request, h.done) for h in entry.help] == [("Sam", "a second look", True)]
    (promise,) = journal.promises_made_on(DAY)
    assert (promise.text, promise.status) == ("Send the deck", "kept")
    assert entry.self_focus == "I argued first"
    assert entry.ratings.given() == {"credibility": 7, "reliability": 8}
    assert entry.reflection == "Ask first.\nThen offer.\nListen longer."
    assert entry.tags == ["work", "star"] and entry.starred
    assert entry.private
