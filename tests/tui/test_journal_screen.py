"""The journal screen: newest first, loaded as it is scrolled, searchable and filterable as you
type, and each day starred, tagged or made private from the keyboard."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static

from coach.app import CoachApp, build_app
from coach.dialogs.line_input import LineInputScreen
from coach.screens.journal import PAGE_SIZE, JournalScreen
from coach.widgets.journal_filters import DEBOUNCE
from coach.widgets.suggest import Suggest
from journal.app.demo import write_demo
from journal.app.home import Home
from journal.app.service import JournalService
from journal.model import IntentFor
from tests.conftest import DAY

SIZE = (110, 40)
EARLIER = DAY - dt.timedelta(days=10)


async def open_journal(app: CoachApp, pilot: Pilot[None]) -> JournalScreen:
    await pilot.pause()
    await pilot.press("f3")
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, JournalScreen)
    return screen


async def settle(app: CoachApp, pilot: Pilot[None]) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()


async def typed(app: CoachApp, pilot: Pilot[None], *keys: str) -> None:
    """Type, then wait as a person would: long enough for the filters to apply themselves."""
    await pilot.press(*keys)
    await pilot.pause(DEBOUNCE + 0.1)
    await settle(app, pilot)


def days_listed(screen: JournalScreen) -> list[str]:
    table = screen.query_one("#days", DataTable)
    return [str(table.get_row_at(i)[1]) for i in range(table.row_count)]


def row(screen: JournalScreen, day: dt.date) -> list[str]:
    return [str(cell) for cell in screen.query_one("#days", DataTable).get_row(day.isoformat())]


def text_of(screen: JournalScreen, selector: str) -> str:
    visual = screen.query_one(selector, Static).visual
    assert isinstance(visual, Content)
    return visual.plain


def seed(journal: JournalService) -> None:
    journal.set_intent(DAY - dt.timedelta(days=40), "Hear Ana out on the budget")
    journal.set_intent(EARLIER, "Ship the report", IntentFor(kind="team"))
    journal.add_tags(EARLIER, ["work"])
    journal.set_intent(DAY, "Ask Ana how I can help", IntentFor(kind="person", name="Ana"))


async def test_scrolling_loads_the_next_hundred_days(isolated_home: Path) -> None:
    home = Home(isolated_home, today=lambda: DAY)
    summary = write_demo(home, 1, seed=5)
    assert summary.entries > 3 * PAGE_SIZE
    newest = home.journal.entries()
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_journal(app, pilot)
        table = screen.query_one("#days", DataTable)
        assert table.row_count == PAGE_SIZE  # never the whole journal at once
        assert days_listed(screen)[0].endswith(summary.last.isoformat())
        assert text_of(screen, "#entry-view").startswith(f"{summary.last:%A %d %B %Y}")
        assert text_of(screen, "#page-info").startswith(f"100 of {summary.entries} days")

        await pilot.press("end")  # the last day loaded: the next hundred follow it
        await pilot.pause()
        assert table.row_count == 2 * PAGE_SIZE
        assert table.cursor_row == PAGE_SIZE - 1
        assert text_of(screen, "#entry-view").startswith(f"{newest[99].date:%A %d %B %Y}")
        await pilot.press("down")
        await pilot.pause()
        assert text_of(screen, "#entry-view").startswith(f"{newest[100].date:%A %d %B %Y}")

        for _ in range(20):  # paging down never hits a wall while older days remain
            if table.row_count > 2 * PAGE_SIZE:
                break
            await pilot.press("pagedown")
            await pilot.pause()
        assert table.row_count == 3 * PAGE_SIZE and table.cursor_row > PAGE_SIZE
        assert text_of(screen, "#page-info").startswith(f"300 of {summary.entries} days")

        table.scroll_end(animate=False, immediate=True)  # the mouse wheel, down to the end
        await pilot.pause()
        assert table.row_count == summary.entries
        assert text_of(screen, "#page-info").startswith(f"{summary.entries} days")


async def test_no_page_keys_to_clash_with_the_check_in(isolated_home: Path) -> None:
    """Ctrl+N and Ctrl+B belong to the check-in's steps; the journal scrolls instead."""
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_journal(app, pilot)
        for key in ("ctrl+n", "ctrl+b"):
            active = screen.active_bindings.get(key)
            assert active is None or active.node is app, f"{key} is bound on the journal"


async def test_filters_apply_as_typed_and_enter_goes_to_the_days(
    isolated_home: Path, service: JournalService
) -> None:
    seed(service)
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_journal(app, pilot)
        assert len(days_listed(screen)) == 3

        await pilot.press("ctrl+f")
        await typed(app, pilot, *"ana")
        days = days_listed(screen)
        assert len(days) == 2 and days[0].endswith(DAY.isoformat())

        await typed(app, pilot, *["backspace"] * 3, "tab", *"-20d")  # from: no Enter
        assert len(days_listed(screen)) == 2  # the last 20 days

        await typed(app, pilot, "tab", "tab", *"#work")  # tag
        assert days_listed(screen) == [f"Fri {EARLIER.isoformat()}"]
        assert isinstance(app.focused, Input) and app.focused.id == "tag"

        await pilot.press("enter")
        await settle(app, pilot)
        assert app.focused is screen.query_one("#days", DataTable)
        assert text_of(screen, "#entry-view").startswith(f"{EARLIER:%A %d %B %Y}")


async def test_a_date_not_yet_whole_marks_its_field_and_keeps_the_days(
    isolated_home: Path, service: JournalService
) -> None:
    seed(service)
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_journal(app, pilot)
        start = screen.query_one("#from", Input)
        await pilot.press("ctrl+f", "tab")
        await typed(app, pilot, *"31/02")
        assert start.has_class("-invalid")
        hint = screen.query_one("#filter-hint", Static)
        assert hint.display and text_of(screen, "#filter-hint").startswith("from: not a date")
        assert len(days_listed(screen)) == 3  # the days found before stay listed
        assert not app._notifications  # said once, under the filters: no error pop-ups

        await typed(app, pilot, "enter")  # not a date: stays to be fixed
        assert app.focused is start

        await typed(app, pilot, "ctrl+u", *"-20d")
        assert not start.has_class("-invalid") and not hint.display
        assert len(days_listed(screen)) == 2
        assert not app._notifications


async def test_star_a_day_and_undo_it(isolated_home: Path, service: JournalService) -> None:
    seed(service)
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_journal(app, pilot)
        await pilot.press("down", "s")  # the second day: EARLIER
        await settle(app, pilot)
        entry = service.entry(EARLIER)
        assert entry is not None and entry.starred
        assert row(screen, EARLIER)[0].startswith("★")
        assert "★ starred" in text_of(screen, "#entry-view").splitlines()[1]
        assert "★ starred" in text_of(screen, "#page-info")
        assert any("Ctrl+Z" in n.message for n in app._notifications)

        await pilot.press("s")  # again: the star comes off
        await settle(app, pilot)
        entry = service.entry(EARLIER)
        assert entry is not None and not entry.starred and entry.tags == ["work"]
        assert "★" not in row(screen, EARLIER)[0]

        await pilot.press("ctrl+z")  # the star is back
        await settle(app, pilot)
        entry = service.entry(EARLIER)
        assert entry is not None and entry.starred
        assert row(screen, EARLIER)[0].startswith("★")


async def test_tags_offer_the_tags_already_used(
    isolated_home: Path, service: JournalService
) -> None:
    seed(service)
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_journal(app, pilot)
        await pilot.press("t")  # today, which has no tags yet
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, LineInputScreen)
        await pilot.press(*"wo")
        await pilot.pause()
        offered = dialog.query_one(Suggest)
        assert offered.display
        assert [o.prompt for o in offered.option_list.options] == [Content("work")]
        await pilot.press("tab")  # completes the word
        await pilot.pause()
        assert dialog.query_one("#line", Input).value == "work, "
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen is screen
        entry = service.entry(DAY)
        assert entry is not None and entry.tags == ["work"]
        assert "#work" in text_of(screen, "#entry-view").splitlines()[1]


async def test_private_shows_its_mark(isolated_home: Path, service: JournalService) -> None:
    seed(service)
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_journal(app, pilot)
        await pilot.press("p")
        await settle(app, pilot)
        entry = service.entry(DAY)
        assert entry is not None and entry.private
        assert row(screen, DAY)[0].endswith("⊘")
        assert "⊘ private" in text_of(screen, "#page-info")
        assert "private" in text_of(screen, "#entry-view").splitlines()[1]
        assert any("Ctrl+Z" in n.message for n in app._notifications)


async def test_a_day_deleted_meanwhile_is_not_marked(
    isolated_home: Path, service: JournalService
) -> None:
    seed(service)
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_journal(app, pilot)
        from journal.app.corrections import delete_day

        delete_day(service, DAY)  # by the command line, while the app is open
        await pilot.press("s")
        await settle(app, pilot)
        assert service.entry(DAY) is None
        assert any("Nothing written on that day yet" in n.message for n in app._notifications)


async def test_any_width_truncates_or_grows_the_intent(
    isolated_home: Path, service: JournalService
) -> None:
    long = "Listen to Priya properly before offering anything at all"
    service.set_intent(DAY, long)
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_journal(app, pilot)
        table = screen.query_one("#days", DataTable)
        assert row(screen, DAY)[-1].endswith("…")
        assert table.virtual_size.width <= table.size.width  # no sideways scrolling
        assert screen.query_one("#entry-pane").size.width >= 30
        await pilot.resize_terminal(160, 50)
        await pilot.pause()
        await settle(app, pilot)
        assert row(screen, DAY)[-1] == long


async def test_the_footer_shows_how_to_narrow_the_list(isolated_home: Path) -> None:
    """F1 says to type in the fields above the list; the key that gets there is in the
    footer, and typing there then Enter narrows the list and comes back to it."""
    from tests.tui.test_newcomer import Newcomer, footer_keys

    seed(Home(isolated_home, today=lambda: DAY).journal)
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_journal(app, pilot)
        me = Newcomer(app, pilot)
        assert footer_keys(app).get("Filter") == "^f"
        await me.use("Help")
        assert me.sees("Ctrl+F goes to the fields above the list")
        assert me.sees("where what you type narrows it")
        await pilot.press("escape")
        await me.settle()
        await me.use("Filter")
        assert app.focused is screen.query_one("#search", Input)
        await typed(app, pilot, *"budget")
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.focused is screen.query_one("#days", DataTable)
        assert days_listed(screen) == ["Wed 2026-10-14"]


async def test_at_a_name_finds_the_days_that_name_the_person(
    isolated_home: Path, service: JournalService
) -> None:
    """ "ana" as words also finds "Hear Ana out" in the text; "@ana" only the day whose intent
    served her, and a promise to her names her too."""
    seed(service)
    service.add_promise(EARLIER, "send the figures", "commitment", "ANA")
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_journal(app, pilot)
        await pilot.press("ctrl+f")
        await typed(app, pilot, *"@ana")
        assert len(days_listed(screen)) == 2  # the intent for her, the promise to her
        assert days_listed(screen)[-1].endswith(EARLIER.isoformat())
