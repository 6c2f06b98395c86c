"""One demo journal per module, with a hostile day and a private day planted in it, exported
through the real CLI."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from journal.app.demo import write_demo
from journal.app.home import Home
from journal.model import IntentFor
from tests.cli.helpers import Cli
from tests.conftest import DAY

CANARY = "CANARY-5be21"
HOSTILE_INTENT = (
    "Ask <b>Ana</b> <script>alert(1)</script><img src=x onerror=alert(2)> "
    "[@click=app.quit] **now** \x1b]8;;http://x\x07link\x1b]8;;\x07 \u202eevil"
)
"""Markup for every consumer (HTML, Markdown, Rich) plus OSC 8 and a bidi override."""
HOSTILE_SHOWN = "Ask <b>Ana</b> <script>alert(1)</script><img src=x onerror=alert(2)>"
"""The part of it a reader must see literally, as typed."""
HOSTILE_DAY = DAY - dt.timedelta(days=1)
STARRED_LINES = (
    "Noticed I talked less and asked more — it worked.",
    "- Ana finished her own sentence.",
    "1. Next time: ask first, then wait.",
)
"""A starred day's reflection, one thought a line; two lines start the way Markdown lists do."""
STARRED = "\n".join(STARRED_LINES)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Home, "today", lambda self: DAY)


@pytest.fixture(scope="module")
def plain_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A year of demo journal with no private days, so the summary and `coach stats` (which
    does count your private days) cover exactly the same records."""
    home = tmp_path_factory.mktemp("exports") / "home"
    opened = Home(home, today=lambda: DAY)
    write_demo(opened, 1, seed=3)
    svc = opened.journal
    for entry in svc.year_entries(DAY.year) + svc.year_entries(DAY.year - 1):
        if entry.private:
            svc.set_private(entry.date, False)
    svc.set_intent(HOSTILE_DAY, HOSTILE_INTENT, IntentFor(kind="person", name="Ana"))
    svc.set_text(HOSTILE_DAY, "reflection", STARRED)
    svc.add_tags(HOSTILE_DAY, ["star"])
    return home


@pytest.fixture(scope="module")
def private_home(plain_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The same journal plus one private day carrying a canary in every field."""
    home = tmp_path_factory.mktemp("private") / "home"
    shutil.copytree(plain_home, home)
    svc = Home(home, today=lambda: DAY).journal
    private = DAY - dt.timedelta(days=4)
    svc.set_intent(private, f"intent {CANARY}", IntentFor(kind="person", name=CANARY))
    svc.add_help(private, f"person {CANARY}", f"request {CANARY}")
    svc.set_text(private, "reflection", f"reflection {CANARY}")
    svc.add_tags(private, ["star"])
    svc.add_promise(private, f"promise {CANARY}", "commitment", CANARY)
    svc.set_private(private, True)
    yield home


@pytest.fixture
def plain_cli(plain_home: Path) -> Cli:
    return Cli(plain_home)


@pytest.fixture
def private_cli(private_home: Path) -> Cli:
    return Cli(private_home)
