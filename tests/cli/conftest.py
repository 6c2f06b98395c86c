"""CLI fixtures: a fixed "today" for every in-process run, and `coach` bound to the test home."""

from __future__ import annotations

from pathlib import Path

import pytest

from journal.app.home import Home
from tests.cli.helpers import Cli
from tests.conftest import DAY


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI builds its own Home, so pin the clock on the class."""
    monkeypatch.setattr(Home, "today", lambda self: DAY)


@pytest.fixture
def cli(isolated_home: Path) -> Cli:
    return Cli(isolated_home)


@pytest.fixture
def seeded(cli: Cli) -> Cli:
    """A home with one entry and one open promise, so "unchanged" compares real files."""
    cli.run(
        "checkin", "--date", "2026-11-20", "--intent", "Earlier day", "--tag", "seed",
        "--promise", "commitment: seeded promise @Ana",
    )  # fmt: skip
    return cli
