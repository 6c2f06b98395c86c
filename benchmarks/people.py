"""People: the relationship ledger over a 10-year journal.

In process and warm (the journal's files already read, as in a running app): the list is
everyone the journal names with their figures and what is due; a page is one person's record
and figures. Then through the app, as a person meets them: F5 on the check-in until the list
is drawn, and Enter on the first person until their page is drawn, in a fresh app each run
once its start-up read has finished. The ledger is worked out once per change of the journal,
so the page, opened from the list, reuses the list's."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from benchmarks.common import Homes, Row, Stats, Target, fmt_ms, measure_interleaved

if TYPE_CHECKING:
    from journal.app.service import JournalService

SUITE = "people"
ITERATIONS = 15
SCREEN_RUNS = 5
SCREEN_SIZE = (120, 40)
TIMEOUT_S = 30.0
MAX_LIST_MS = 100.0
MAX_PAGE_MS = 100.0
MAX_SCREEN_MS = 300.0
MAX_PAGE_VS_HELP = 1.2
"""A page opened from the list reads nothing new, so it should cost what any screen does."""


def run(homes: Homes) -> list[Row]:
    from journal.app.home import Home
    from journal.app.people import _READ, due, people, person

    home = homes.demo(10)
    journal = Home(home).journal
    journal.all_entries()  # warm: the files parsed once, as the app has them
    name = people(journal)[0].name

    def cold(i: int) -> JournalService:
        """The journal with no ledger remembered: the first look after a change."""
        _READ.pop(journal, None)
        return journal

    stats = measure_interleaved(
        {
            "list": lambda i: (people(cold(i)), due(journal)),
            "page": lambda i: person(cold(i), name),
            "page after list": lambda i: person(journal, name),
        },
        ITERATIONS,
    )
    found = len(people(journal))
    help_screen, screen, page = screen_stats(home)
    return [
        Row(
            SUITE,
            "people list and due, 10y, warm",
            stats["list"].median,
            target=Target(MAX_LIST_MS, "figure"),
            note=f"{found} people; p90 {fmt_ms(stats['list'].p90)}",
            detail={"list": stats["list"].summary()},
        ),
        Row(
            SUITE,
            "a person's page, 10y, warm",
            stats["page"].median,
            target=Target(MAX_PAGE_MS, "figure"),
            note=f"p90 {fmt_ms(stats['page'].p90)}; "
            f"after the list: {fmt_ms(stats['page after list'].median)}",
            detail={"page": stats["page"].summary()},
        ),
        Row(
            SUITE,
            "People screen, F5 to the list drawn, 10y",
            screen.median,
            baseline=help_screen.median,
            baseline_label="F1 help screen",
            target=Target(MAX_SCREEN_MS, "figure"),
            note=f"in the app, {SCREEN_SIZE[0]}x{SCREEN_SIZE[1]}; "
            f"max {fmt_ms(max(screen.samples_ms))}",
            detail={"screen": screen.summary(), "help": help_screen.summary()},
        ),
        Row(
            SUITE,
            "person's page, Enter to the page drawn, 10y",
            page.median,
            baseline=help_screen.median,
            baseline_label="F1 help screen",
            target=Target(MAX_PAGE_VS_HELP, "ratio"),
            note="in the app: as quick as a screen with nothing to read; "
            f"max {fmt_ms(max(page.samples_ms))}",
            detail={"page": page.summary(), "help": help_screen.summary()},
        ),
    ]


def screen_stats(home: Path) -> tuple[Stats, Stats, Stats]:
    helps, lists, pages = [], [], []
    for i in range(-1, SCREEN_RUNS):  # one warm-up round: imports, CSS
        times = asyncio.run(time_screens(home))
        if i >= 0:
            helps.append(times[0])
            lists.append(times[1])
            pages.append(times[2])
    return Stats(helps), Stats(lists), Stats(pages)


async def time_screens(home: Path) -> tuple[float, float, float]:
    """Milliseconds from F1 to the help screen (a screen that reads nothing: the baseline),
    from F5 to the people list drawn, and from Enter to the first person's page."""
    from coach.app import WARM_UP_DELAY_S, build_app

    app = build_app(home)
    async with app.run_test(size=SCREEN_SIZE) as pilot:
        await pilot.pause(WARM_UP_DELAY_S + 0.2)  # a person reads today's check-in first
        await app.workers.wait_for_complete()
        await pilot.pause()
        helped = await time_until(pilot, "f1", lambda: shown(app.screen, "HelpScreen"))
        await pilot.press("escape")
        await pilot.pause()
        listed = await time_until(pilot, "f5", lambda: shown(app.screen, "PeopleScreen"))
        paged = await time_until(pilot, "enter", lambda: shown(app.screen, "PersonScreen"))
    return helped, listed, paged


def shown(screen: Any, name: str) -> bool:
    """The screen is up with what it read: the list's rows, or the person's page."""
    if type(screen).__name__ != name:
        return False
    if name == "HelpScreen":
        return True
    if name == "PeopleScreen":
        return bool(screen.query_one("#people").people)
    return screen.view is not None


async def time_until(pilot: Any, key: str, done: Any) -> float:
    start = time.perf_counter_ns()
    await pilot.press(key)
    while not done():
        if (time.perf_counter_ns() - start) / 1e9 > TIMEOUT_S:
            raise RuntimeError(f"nothing shown {TIMEOUT_S:g} s after {key}")
        await pilot.pause()
    await pilot.pause()  # and drawn
    return (time.perf_counter_ns() - start) / 1e6
