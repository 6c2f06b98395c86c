"""The People screen (F5) on the demo journal: the list and its sorts, a person's page, changes
made from the keyboard (and undone), hostile names, and an 80×24 terminal."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import Static

from coach.app import CoachApp, build_app
from coach.screens.people import PeopleScreen, PersonScreen
from coach.widgets.people_choice import ChoiceScreen
from coach.widgets.people_page import words
from coach.widgets.people_table import PeopleTable
from journal.app import people as use
from journal.app.demo import write_demo
from journal.app.home import Home
from journal.app.service import JournalService
from journal.people.listing import PersonRow
from journal.person import label
from journal.wording import day_label, pct
from tests.conftest import DAY


def demo(home: Path) -> JournalService:
    """Two years of demo journal: five people with levels that move, reviews, cadences."""
    write_demo(Home(home, today=lambda: DAY), 2)
    return Home(home, today=lambda: DAY).journal


async def settle(app: CoachApp, pilot: Pilot[None]) -> None:
    """Lists and pages are read in thread workers, then shown from the message they post."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


def shown(app: CoachApp, selector: str) -> str:
    visual = app.screen.query_one(selector, Static).visual
    assert isinstance(visual, Content)
    return visual.plain


def table_rows(app: CoachApp) -> list[list[str]]:
    table = app.screen.query_one(PeopleTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def page_text(app: CoachApp) -> str:
    """The page as text, each line whole (drawn wide, so nothing wraps)."""
    console = Console(width=300, file=io.StringIO(), record=True)
    for column in ("#person-standing", "#person-journal"):
        console.print(app.screen.query_one(column, Static).content)
    return console.export_text()


def screen_lines(app: CoachApp) -> list[str]:
    return [strip.text for strip in app.screen._compositor.render_strips()]


def storied(journal: JournalService) -> PersonRow:
    """The person whose level moved most: the demo gives a few a history."""
    rows = use.people(journal)
    return max(rows, key=lambda r: len(use.person(journal, label(r.kind, r.name)).record.levels))


async def open_row(app: CoachApp, pilot: Pilot[None], row_id: str) -> None:
    """From the list as sorted now, the cursor down to ``row_id``, and Enter."""
    table = app.screen.query_one(PeopleTable)
    at = next(i for i, r in enumerate(table.people) if r.id == row_id)
    await pilot.press(*["down"] * at, "enter")
    await settle(app, pilot)
    assert isinstance(app.screen, PersonScreen)


async def test_f5_lists_everyone_with_their_level(isolated_home: Path) -> None:
    journal = demo(isolated_home)
    expected = use.people(journal)
    someone = storied(journal)
    assert someone.level is not None
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("f5")
        await settle(app, pilot)
        assert isinstance(app.screen, PeopleScreen)
        rows = table_rows(app)
        assert [r[0] for r in rows] == [label(r.kind, r.name) for r in expected]
        (theirs,) = [r for r in rows if r[0] == someone.name]
        assert theirs[1] == words(someone.level)
        assert theirs[2] == words(someone.stage)
        versus = someone.keep_rates["commitment"]
        assert theirs[4] == f"{pct(versus.person)} (you {pct(versus.overall)})"
        assert shown(app, "#people-sort").startswith("Sorted by last contact")
        assert any(r[5].startswith("review") and r[5].endswith("late") for r in rows)


async def test_s_cycles_the_sort_and_says_which(isolated_home: Path) -> None:
    journal = demo(isolated_home)
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f5")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, PeopleScreen)
        for sort, said in (
            ("review", "review due"),
            ("keep_rate", "commitments kept"),
            ("name", "name"),
            ("last_contact", "last contact"),
        ):
            await pilot.press("s")
            await settle(app, pilot)
            assert screen.sort == sort
            assert shown(app, "#people-sort").startswith(f"Sorted by {said}")
            names = [r[0] for r in table_rows(app)]
            assert names == [label(r.kind, r.name) for r in use.people(journal, sort)]
            assert screen.query_one(PeopleTable).cursor_row == 0  # a new order starts at the top


async def test_r_turns_the_order_round_and_s_keeps_it_turned(isolated_home: Path) -> None:
    journal = demo(isolated_home)
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f5")
        await settle(app, pilot)
        await pilot.press("r")
        await settle(app, pilot)
        assert shown(app, "#people-sort").startswith("Sorted by last contact, the longest ago")
        names = [r[0] for r in table_rows(app)]
        expected = use.people(journal, "last_contact", reverse=True)
        assert names == [label(r.kind, r.name) for r in expected]
        assert names != [label(r.kind, r.name) for r in use.people(journal)]
        await pilot.press("s")  # the next sort, still the other way round
        await settle(app, pilot)
        assert shown(app, "#people-sort").startswith("Sorted by review due, the furthest off")
        names = [r[0] for r in table_rows(app)]
        assert names == [label(r.kind, r.name) for r in use.people(journal, "review", reverse=True)]


async def test_enter_opens_a_page_with_level_history_and_keep_rate(isolated_home: Path) -> None:
    journal = demo(isolated_home)
    someone = storied(journal)
    view = use.person(journal, someone.name)
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f5")
        await settle(app, pilot)
        await open_row(app, pilot, someone.id)
        assert someone.name in shown(app, "#person-title")
        text = page_text(app)
        lines = text.splitlines()
        assert len(view.record.levels) >= 2
        order = ("vendor", "problem_solver", "consultant", "partner", "trusted_advisor")
        before = None
        for change in view.record.levels:  # every move, dated, which way said in words
            way = (
                ""
                if before is None
                else "up to "
                if order.index(change.level) > before
                else "down to "
            )
            assert any(
                day_label(change.on) in line and f"{way}{words(change.level)}" in line
                for line in lines
            ), change
            before = order.index(change.level)
        versus = view.figures.versus["commitment"]
        assert (
            f"You keep {pct(versus.overall)} of your commitments overall, "
            f"{pct(versus.person)} to {someone.name}." in text
        )
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, PeopleScreen)


async def test_l_sets_a_level_from_the_dialog_and_ctrl_z_undoes_it(isolated_home: Path) -> None:
    journal = demo(isolated_home)
    bare = next(r for r in use.people(journal) if r.level is None and r.kind == "person")
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f5")
        await settle(app, pilot)
        await open_row(app, pilot, bare.id)
        await pilot.press("l")
        await settle(app, pilot)
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("down", "down", "tab", *"asked first", "enter")  # vendor → consultant
        await settle(app, pilot)
        assert isinstance(app.screen, PersonScreen)
        record = use.person(journal, bare.name).record
        assert record.level == "consultant"
        assert record.levels[-1].note == "asked first"
        assert record.levels[-1].on == DAY
        lines = page_text(app).splitlines()
        assert any(line.split()[:2] == ["Level", "consultant"] for line in lines)
        assert any(day_label(DAY) in line and "consultant · asked first" in line for line in lines)

        await pilot.press("ctrl+z")
        await settle(app, pilot)
        assert use.person(journal, bare.name).record.level is None
        assert any(line.split()[:2] == ["Level", "–"] for line in page_text(app).splitlines())
        await pilot.press("escape")
        await settle(app, pilot)
        (row,) = [r for r in table_rows(app) if r[0] == bare.name]
        assert row[1] == "–"  # the list read the journal again


async def test_every_change_goes_through_its_key(isolated_home: Path) -> None:
    journal = demo(isolated_home)
    bare = next(r for r in use.people(journal) if r.level is None and r.kind == "person")
    other = next(
        r for r in use.people(journal) if r.level is None and r.kind == "person" and r != bare
    )
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f5")
        await settle(app, pilot)
        await open_row(app, pilot, bare.id)

        await pilot.press("g", "down", "enter")  # fringe → friend
        await settle(app, pilot)
        await pilot.press("c", *"a calm launch", "tab", "tab", *"surprises", "ctrl+s")
        await settle(app, pilot)
        await pilot.press("r", *"change", "tab", *"less often", "tab", *"+2w", "enter")
        await settle(app, pilot)
        await pilot.press("d", *"2w", "enter")
        await settle(app, pilot)
        record = use.person(journal, bare.name).record
        assert record.stage == "friend"
        script = {line.part: line.text for line in record.script}
        assert script == {"matters": "a calm launch", "bad": "surprises"}
        assert record.last_review is not None and record.last_review.decision == "change"
        assert record.last_review.note == "less often"
        assert record.last_review.next is not None and (record.last_review.next - DAY).days == 14
        assert record.cadence == 14
        text = page_text(app)
        assert "a calm launch" in text and "every 14 days" in text

        await pilot.press("d", *"fortnightly", "enter")  # refused with one line
        await settle(app, pilot)
        assert use.person(journal, bare.name).record.cadence == 14
        assert isinstance(app.screen, PersonScreen)

        await pilot.press("n", *[" "], *"Lopez", "enter")
        await settle(app, pilot)
        renamed = f"{bare.name} Lopez"
        assert use.person(journal, renamed).record.aliases == [bare.name]
        assert renamed in shown(app, "#person-title")

        await pilot.press("m", *other.name, "enter")
        await settle(app, pilot)
        await pilot.press("y")
        await settle(app, pilot)
        merged = use.person(journal, renamed).record
        assert other.name in merged.aliases
        assert use.person(journal, other.name).record.id == merged.id

        await pilot.press("ctrl+z", "ctrl+z")  # the merge, then the rename
        await settle(app, pilot)
        assert isinstance(app.screen, PersonScreen)
        assert shown(app, "#person-title").startswith(bare.name)  # found by its old name
        assert use.person(journal, bare.name).record.cadence == 14


HOSTILE = "[b]x[/b] [@click=app.quit]y[/] \x1b[2J\x07\u202eNoor"
SHOWN = "[b]x[/b] [@click=app.quit]y[/] [2JNoor"
"""Markup shown as typed; the escape, bell and bidi override gone."""


async def test_a_hostile_name_is_shown_literally(isolated_home: Path) -> None:
    journal = Home(isolated_home, today=lambda: DAY).journal
    journal.add_promise(DAY, "send the deck", "commitment", HOSTILE)
    journal.add_help(DAY, HOSTILE, HOSTILE)  # whom you asked, and what they asked for
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f5")
        await settle(app, pilot)
        (row,) = table_rows(app)
        assert row[0] == SHOWN
        assert shown(app, "#people-detail").startswith(SHOWN)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, PersonScreen)
        assert shown(app, "#person-title").startswith(SHOWN)
        assert SHOWN in page_text(app)  # what they asked for
        everything = "\n".join(screen_lines(app))
        assert "[@click=app.quit]y[/]" in everything
        for control in ("\x1b", "\x07", "\u202e"):
            assert control not in everything
        assert app.is_running  # the click markup did nothing


async def test_80x24_the_list_header_is_whole(isolated_home: Path) -> None:
    demo(isolated_home)
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f5")
        await settle(app, pilot)
        table = app.screen.query_one(PeopleTable)
        assert table.short and table.max_scroll_x == 0  # short words, and no sideways scroll
        header = next(line for line in screen_lines(app) if line.lstrip().startswith("Name "))
        assert header.split() == ["Name", "Level", "Stage", "Contact", "Kept", "Due"]
        assert "↓ kept fewer than your" in shown(app, "#people-info")
        assert any("late" in r[5] for r in table_rows(app))
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f5")
        await settle(app, pilot)
        table = app.screen.query_one(PeopleTable)
        assert not table.short and table.max_scroll_x == 0
        header = next(line for line in screen_lines(app) if line.lstrip().startswith("Name "))
        for column in ("Last contact", "Commitments kept", "Due"):
            assert column in header
