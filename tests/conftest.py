"""Shared fixtures: every test runs against a throwaway home, never a developer's own journal."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from journal.app.home import Home
from journal.app.service import JournalService

DAY = dt.date(2026, 11, 23)
"""A fixed "today" so tests don't depend on the calendar."""


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("COACH_HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    return home


@pytest.fixture
def service(isolated_home: Path) -> JournalService:
    return Home(isolated_home, today=lambda: DAY).journal
