"""Two homes on one machine: a client who shares and a coach who comments, both driven through
the real `coach` commands in-process. The loop is built once per module and copied for each
test, so every test starts from the same journal, workspace and imported feedback."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from journal.app.demo import write_demo
from journal.app.home import Home
from journal.app.service import JournalService
from journal.app.workspace import Workspace
from journal.model import IntentFor
from journal.sharing.keys import Identity
from tests.cli.helpers import Cli
from tests.conftest import DAY

CANARY = "CANARY-7c41d"
"""Planted in every field of private days: it must never leave the client's home."""
FROM, UNTIL = DAY - dt.timedelta(days=55), DAY
PRIVATE_DAY = DAY - dt.timedelta(days=3)
OLD_PRIVATE_DAY = FROM - dt.timedelta(days=14)
"""Before the shared period, with a promise still open: promises carried into a share must
not bring it along."""
COMMENTED_DAY = DAY - dt.timedelta(days=1)
DAY_COMMENT = "Good call asking Diego first"
WEEK_COMMENT = "A steadier week: fewer I-words"


def unescaped(markdown: str) -> str:
    """Markdown as a reader sees it: markup (emphasis, quotes, table pipes) gone, escaped
    characters shown as themselves, whitespace folded."""
    plain = re.sub(r"\\(.)|[*_>|]", lambda m: m.group(1) or " ", markdown)
    return " ".join(plain.split())


def plant_private_day(svc: JournalService, day: dt.date) -> None:
    svc.set_intent(day, f"intent {CANARY}", IntentFor(kind="person", name=CANARY))
    ask = svc.add_help(day, f"person {CANARY}", f"request {CANARY}")
    svc.update_help(day, ask.id, done=True)
    svc.set_text(day, "reflection", f"reflection {CANARY}")
    svc.set_text(day, "self_focus", f"focus {CANARY}")
    svc.set_note(day, "extra", f"note {CANARY}")
    svc.add_tags(day, ["star", CANARY.lower()])
    svc.add_promise(day, f"promise {CANARY}", "commitment", CANARY, due=DAY)
    kept = svc.add_promise(day, f"kept {CANARY}", "best_effort", CANARY)
    svc.resolve_promise(kept.id, "kept", note=f"promise note {CANARY}", on=DAY)
    svc.set_private(day, True)


@dataclass
class World:
    root: Path
    client: Cli
    coach: Cli
    said: dict[str, str] = field(default_factory=dict)
    """What each step of building the loop printed, by step."""

    def on(self, cli: Cli, *args: str) -> str:
        return cli.run("--home", str(cli.home), *args).stdout

    def client_keys(self) -> Identity:
        return Home(self.client.home).identity()

    def coach_keys(self) -> Identity:
        return Home(self.coach.home).identity()

    def key_line(self, cli: Cli) -> str:
        return self.on(cli, "keys", "show").strip()

    def share(self, name: str, *extra: str) -> Path:
        target = self.root / name
        self.said[name] = self.on(
            self.client, "share", "--to", self.key_line(self.coach),
            "--from", FROM.isoformat(), "--until", UNTIL.isoformat(), "-o", str(target), *extra,
        )  # fmt: skip
        return target

    def workspace(self) -> Workspace:
        return Home(self.coach.home, today=lambda: DAY).workspace

    def client_id(self) -> str:
        (client,) = self.workspace().clients()
        return client.id

    def client_folder(self) -> Path:
        return Home(self.coach.home).layout.client(self.client_id()).folder


def build(root: Path) -> World:
    """The whole loop through the CLI: keys, a year of journal with private days, a share,
    the coach adds it and comments on a day and a week, replies, the client imports."""
    world = World(root, Cli(root / "client"), Cli(root / "coach"))
    world.said["client keys"] = world.on(world.client, "keys", "init", "--name", "Ana Client")
    world.said["coach keys"] = world.on(world.coach, "keys", "init", "--name", "Bo Coach")
    home = Home(world.client.home, today=lambda: DAY)
    write_demo(home, 1, seed=5)
    svc = home.journal
    plant_private_day(svc, PRIVATE_DAY)
    plant_private_day(svc, OLD_PRIVATE_DAY)
    first = world.share("share-1.age")
    world.said["add"] = world.on(world.coach, "clients", "add", str(first))
    who = world.client_id()
    world.said["comment day"] = world.on(
        world.coach, "clients", "comment", who, COMMENTED_DAY.isoformat(), DAY_COMMENT
    )
    world.said["comment week"] = world.on(
        world.coach, "clients", "comment", who, COMMENTED_DAY.isoformat(), WEEK_COMMENT, "--week"
    )
    reply = root / "feedback-1.age"
    world.said["reply"] = world.on(world.coach, "clients", "reply", who, "-o", str(reply))
    world.said["import"] = world.on(world.client, "feedback", "import", str(reply))
    return world


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Both sides see DAY as today, and anything written to a relative path lands in the
    test's own folder, where the tests look for strays."""
    monkeypatch.setattr(Home, "today", lambda self: DAY)
    monkeypatch.chdir(tmp_path)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> World:
    root = tmp_path_factory.mktemp("loop")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(Home, "today", lambda self: DAY)
        mp.chdir(root)
        return build(root)


@pytest.fixture
def world(built: World, tmp_path: Path) -> World:
    """A private copy of the loop for one test: two homes with keys, a client added, comments
    written, feedback imported, and the first share bundle beside them."""
    root = tmp_path / "loop"
    shutil.copytree(built.root, root)
    return World(root, Cli(root / "client"), Cli(root / "coach"), dict(built.said))
