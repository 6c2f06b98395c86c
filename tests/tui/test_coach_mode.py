"""Coach mode in the TUI: the coach's dashboard and a client's read-only journal with comments,
and the client seeing those comments beside their own days."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import msgspec
import pytest
from textual import events
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from coach.app import build_app
from coach.clients_app import build_clients_app
from coach.screens.clients import ClientJournalScreen, ClientsScreen, ClientTrendsScreen
from coach.screens.share import ShareScreen
from journal.app.home import Home
from journal.app.sharing import ShareRequest, create_keys, import_feedback, prepare_share
from journal.app.workspace import CommentRequest, Workspace
from journal.model import IntentFor
from journal.sharing.keys import Identity
from tests.conftest import DAY

HOSTILE_NAME = "[@click=app.quit]Zed\x1b[2J\u202e"


@dataclass
class Homes:
    coach: Path
    clients: dict[str, Path]


def workspace(root: Path) -> Workspace:
    return Home(root).workspace


def client_home(root: Path, name: str, coach: Identity, days: int) -> Path:
    home = root / f"client-{len(name)}-{days}"
    client = Home(home, today=lambda: DAY)
    svc = client.journal
    for n in range(days):
        day = DAY - dt.timedelta(days=n)
        svc.set_intent(day, f"{name.split()[0]} day {n}", IntentFor(kind="person", name="Ravi"))
        svc.rate(day, {"self_orientation": 3 + n % 4})
    svc.add_promise(
        DAY - dt.timedelta(days=9),
        "send the plan",
        "commitment",
        "Ravi",
        due=DAY - dt.timedelta(days=2),
    )
    create_keys(client, name)
    request = ShareRequest(coach.public.line(), DAY - dt.timedelta(weeks=6), DAY)
    share = prepare_share(client, request)
    workspace(root / "coach").add(share.data, coach, "bundle")
    return home


@pytest.fixture
def homes(tmp_path: Path) -> Homes:
    coach = create_keys(Home(tmp_path / "coach"), "Sam Coach")
    clients = {
        name: client_home(tmp_path, name, coach, days)
        for name, days in (("Ana Ruiz", 20), ("Bo Chen", 5), (HOSTILE_NAME, 12))
    }
    return Homes(tmp_path / "coach", clients)


def cells(table: DataTable[object], column: int) -> list[str]:
    return [str(table.get_row_at(i)[column]) for i in range(table.row_count)]


async def settle(app: App[None], pilot: Pilot[None]) -> None:
    """Let the screen's workers finish and the messages they post be handled."""
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_dashboard_lists_clients_sorts_and_renders_names_literally(homes: Homes) -> None:
    app = build_clients_app(homes.coach, today=lambda: DAY)
    async with app.run_test(size=(130, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ClientsScreen)
        table = app.screen.query_one(DataTable)
        names = cells(table, 0)
        assert names == ["[@click=app.quit]Zed[2J", "Ana Ruiz", "Bo Chen"]  # ESC, RLO gone
        assert cells(table, 5) == ["1", "1", "1"]  # the plan was due two days ago
        await pilot.press("s", "s")  # by last check-in, then by check-ins in 30 days
        assert cells(table, 0)[0] == "Bo Chen"
        await pilot.press("r")
        assert cells(table, 0)[0] == "Ana Ruiz"
        assert app.is_running  # the [@click=app.quit] name did nothing


async def test_coach_opens_a_client_comments_and_sees_trends(homes: Homes) -> None:
    app = build_clients_app(homes.coach)
    async with app.run_test(size=(130, 40)) as pilot:
        await pilot.pause()
        await pilot.press("down", "enter")  # Ana Ruiz, second by name
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, ClientJournalScreen)
        assert "Ana Ruiz" in screen.sub_title and "read-only" in screen.sub_title
        await pilot.press("down", "c")
        await pilot.pause()
        await pilot.press(*"You listened first. [b]Keep it[/b]", "enter")
        await pilot.pause()
        (said,) = workspace(homes.coach).comments(screen.client).all()
        assert (said.on, said.date, said.text) == (
            "day",
            DAY - dt.timedelta(days=1),
            "You listened first. [b]Keep it[/b]",
        )
        view = str(screen.query_one("#entry-view", Static).render())
        assert "Sam Coach: You listened first. [b]Keep it[/b]" in view
        await pilot.press("w")
        await pilot.pause()
        await pilot.press(*"Good week", "enter")
        await pilot.pause()
        assert {c.on for c in workspace(homes.coach).comments(screen.client).all()} == {
            "day",
            "week",
        }
        await pilot.press("f4")
        await settle(app, pilot)
        assert isinstance(app.screen, ClientTrendsScreen)
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ClientsScreen)


async def test_client_sees_the_coachs_comment_beside_the_day(homes: Homes, tmp_path: Path) -> None:
    coach = Home(homes.coach).identity()
    space = workspace(homes.coach)
    client = space.find("Ana")
    said = "Proud of how you handled \x1b[31mRavi\u202e"
    space.comment(CommentRequest(client, "day", DAY, said), coach)
    feedback = tmp_path / "feedback.age"
    feedback.write_bytes(space.reply(client, coach).data)
    ana_home = homes.clients["Ana Ruiz"]
    import_feedback(Home(ana_home, today=lambda: DAY), feedback)
    app = build_app(ana_home, today=lambda: DAY)
    async with app.run_test(size=(130, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f3")
        await settle(app, pilot)  # the journal screen reads its days in a worker
        view = str(app.screen.query_one("#entry-view", Static).render())
        assert "Coach comments" in view
        assert "Sam Coach: Proud of how you handled [31mRavi" in view  # ESC and RLO gone


async def paste(pilot: Pilot[None], text: str) -> None:
    """Into the focused field, as a person pastes a key or a path rather than typing it."""
    focused = pilot.app.focused
    assert focused is not None
    focused.post_message(events.Paste(text))
    await pilot.pause()


async def palette(pilot: Pilot[None], command: str) -> None:
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*command)
    await pilot.pause(0.5)  # the palette searches its providers in the background
    await pilot.press("enter")
    await pilot.pause()


async def test_client_shares_from_the_app_after_seeing_what_it_holds(
    homes: Homes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ana_home = homes.clients["Ana Ruiz"]
    Home(ana_home, today=lambda: DAY).journal.set_private(DAY, True)
    monkeypatch.chdir(tmp_path)
    coach = Home(homes.coach).identity()
    app = build_app(ana_home, today=lambda: DAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await palette(pilot, "Share with your coach")
        dialog = app.screen
        assert isinstance(dialog, ShareScreen)
        await paste(pilot, coach.public.line())
        await pilot.press("tab", *"-2w", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        said = str(dialog.query_one("#said", Static).render())
        # 15 days from 9 Nov to 23 Nov, less today's private one
        assert "14 days" in said and "2026-11-09 to 2026-11-23" in said
        assert list(tmp_path.glob("*.age")) == []  # nothing written before the second Enter
        await pilot.press("enter")
        await pilot.pause()
        (bundle,) = tmp_path.glob("coach-share-2026-11-23.age")
    added = workspace(homes.coach).add(bundle.read_bytes(), coach, "bundle")
    assert added.days_removed == 1  # today became private after the first share
    assert Home(ana_home).settings().coach_key == coach.public.line()


async def test_client_imports_feedback_from_the_app(homes: Homes, tmp_path: Path) -> None:
    coach = Home(homes.coach).identity()
    space = workspace(homes.coach)
    space.comment(CommentRequest(space.find("Ana"), "week", DAY, "Keep asking first."), coach)
    (tmp_path / "fb.age").write_bytes(space.reply(space.find("Ana"), coach).data)
    app = build_app(homes.clients["Ana Ruiz"], today=lambda: DAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await palette(pilot, "Import feedback")
        await paste(pilot, str(tmp_path / "nope.age"))
        await pilot.press("enter")
        await pilot.pause()
        assert "cannot read" in str(app.screen.query_one("#said", Static).render())
        await pilot.press(*(["backspace"] * 8), *"fb.age", "enter")
        await pilot.pause()
        assert any("1 new comment," in n.message for n in app._notifications)
        await pilot.press("f3")
        await settle(app, pilot)  # the journal screen reads its days in a worker
        view = str(app.screen.query_one("#entry-view", Static).render())
        assert "Sam Coach on the week of 23 Nov: Keep asking first." in view


async def test_client_shares_people_as_initials_from_the_app(
    homes: Homes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from journal.app.people import everyone, set_level_of

    monkeypatch.chdir(tmp_path)
    coach = Home(homes.coach).identity()
    journal = Home(homes.clients["Ana Ruiz"], today=lambda: DAY).journal
    someone = everyone(journal)[0]
    set_level_of(journal, someone.label, "partner")
    home = Home(homes.clients["Ana Ruiz"])
    home.settings_file.save(msgspec.structs.replace(home.settings(), coach_key=coach.public.line()))
    app = build_app(homes.clients["Ana Ruiz"], today=lambda: DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await palette(pilot, "Share with your coach")
        dialog = app.screen
        assert isinstance(dialog, ShareScreen)
        # The key is remembered from an earlier share: From, To, the two boxes (each ticked
        # with the space bar), then the file.
        await pilot.press("tab", *"-2w", "tab", "tab", "space", "tab", "space", "tab", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        said = str(dialog.query_one("#said", Static).render())
        assert "person record" in said and "names as initials" in said
        go = dialog.query_one("#go")
        assert go.region.bottom <= 24  # the whole dialog fits a small terminal
        await pilot.press("enter")
        await pilot.pause()
        (bundle,) = tmp_path.glob("coach-share-*.age")
    added = workspace(homes.coach).add(bundle.read_bytes(), coach, "bundle")
    (shared,) = workspace(homes.coach).journal(added.client).people()
    assert re.fullmatch(r"(\w\.)+\d*", shared.name) and shared.level == "partner"
