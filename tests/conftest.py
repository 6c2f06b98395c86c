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
def isolated_home(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("COACH_HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    # The person's own folders too: the export dialog offers ~/Documents, so a test must
    # never write into the real one.
    user = tmp_path_factory.mktemp("user")  # beside tmp_path: tests that look for strays there
    monkeypatch.setenv("HOME", str(user))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(user / ".config"))
    for name in ("DOCUMENTS", "DOWNLOAD"):
        monkeypatch.delenv(f"XDG_{name}_DIR", raising=False)
    return home


@pytest.fixture
def service(isolated_home: Path) -> JournalService:
    return Home(isolated_home, today=lambda: DAY).journal
