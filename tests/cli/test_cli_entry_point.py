"""The real thing: `python -m coach` and the installed `coach` script in fresh processes.

These use the real clock, so they only use relative dates.
"""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(sys.executable).parent / ("coach.exe" if os.name == "nt" else "coach")


def coach(*args: str, home: Path, via: list[str] | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COACH_HOME": str(home)}
    return subprocess.run(
        [*(via or [sys.executable, "-m", "coach"]), *args],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )


def test_version_and_home_option_end_to_end(tmp_path: Path, isolated_home: Path) -> None:
    version = coach("--version", home=isolated_home)
    assert (version.returncode, version.stderr) == (0, "")
    assert version.stdout == f"coach, version {importlib.metadata.version('coach')}\n"

    other = tmp_path / "other"
    saved = coach(
        "--home", str(other), "checkin", "--intent", "End to end", "--promise", "best: try it",
        home=isolated_home,
    )  # fmt: skip
    assert (saved.returncode, saved.stderr) == (0, "")
    today = dt.date.today().isoformat()
    assert saved.stdout.startswith(f"Saved {today}.\n  intent: End to end\n")
    assert not isolated_home.exists()

    if not SCRIPT.exists():
        pytest.skip(f"no installed entry point at {SCRIPT}")
    shown = coach("show", "--json", home=other, via=[str(SCRIPT)])
    assert (shown.returncode, shown.stderr) == (0, "")
    data = json.loads(shown.stdout)
    assert (data["date"], data["entry"]["intent"]) == (today, "End to end")
    assert [p["text"] for p in data["promises"]] == ["try it"]


def test_bad_input_end_to_end(isolated_home: Path) -> None:
    bad = coach("checkin", "--rate", "credibility=11", home=isolated_home)
    assert bad.returncode == 2
    assert bad.stdout == ""
    assert bad.stderr == "coach: rating 'credibility=11': 11 is outside 0–10\n"
    assert not isolated_home.exists()
