"""A summary reconciles with the app: with no private day its figures are the ones `coach stats`
shows, and when days are left out it says how many. `coach export --preview` shows the file's
figures before it is written."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from journal.app.home import Home
from tests.cli.helpers import Cli, snapshot
from tests.conftest import DAY

SIGNALS = {
    "index": "combined index",
    "rating": "your rating",
    "language": "your words",
    "behaviour": "what you did",
}


def said(d: dict[str, Any]) -> str:
    if d["verdict"] in ("steady", "not enough data"):
        return str(d["verdict"])
    return f"{'improved' if d['verdict'] == 'improving' else 'worsened'} {abs(d['change']):.1f}"


def summary(cli: Cli, *args: str) -> str:
    """A Markdown summary as a reader sees it: escapes and table pipes taken away."""
    text = cli.run("--home", str(cli.home), "export", "--format", "md", *args, "-o", "-").stdout
    return " ".join(re.sub(r"\\(.)", r"\1", text).replace("|", " ").split())


def stats(cli: Cli, *args: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        cli.run("--home", str(cli.home), "stats", "--json", *args).stdout
    )
    return data


def test_with_no_private_day_a_years_summary_has_the_apps_figures(plain_cli: Cli) -> None:
    """The case from the issue: the app's trends (the last 12 weeks) beside a one-year summary.
    Directions, streak and open commitments do not depend on where the range starts, so with
    nothing left out they must be the same figures, worded the same way."""
    app = stats(plain_cli)
    text = summary(plain_cli, "--from", "-1y")
    for name, label in SIGNALS.items():
        four, twelve = (said(app["direction"][w][name]) for w in ("4w", "12w"))
        assert re.search(rf"{label} \S+ {four} {twelve}", text), (label, four, twelve)
    assert f"current streak {app['streak']} days" in text
    overdue = len(app["overdue_commitments"])
    assert f"Open commitments: {app['open_commitments']}, {overdue} overdue." in text
    assert "private day" not in text


@pytest.fixture(scope="module")
def left_out_home(plain_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The plain journal with five private days in the last three weeks, two more in the
    weeks before (which the trends look back on) and one long before (which nothing reads)."""
    home = tmp_path_factory.mktemp("left-out") / "home"
    shutil.copytree(plain_home, home)
    svc = Home(home, today=lambda: DAY).journal
    written = {e.date for e in svc.all_entries()}
    recent = [d for d in sorted(written) if d >= DAY - dt.timedelta(days=20)][:5]
    weeks_before = DAY - dt.timedelta(days=70), DAY - dt.timedelta(days=21)
    before = [d for d in sorted(written) if weeks_before[0] <= d < weeks_before[1]][:2]
    long_ago = min(written)
    assert len(recent) == 5 and len(before) == 2 and long_ago < DAY - dt.timedelta(days=200)
    for day in [*recent, *before, long_ago]:
        svc.set_private(day, True)
    return home


def test_a_summary_counts_the_private_days_it_left_out_exactly(left_out_home: Path) -> None:
    text = summary(Cli(left_out_home), "--from", "-20d")
    assert "5 private days are not included, nor 2 more that the trends look back on." in text


def test_a_past_range_does_not_count_private_days_no_figure_of_it_reads(
    left_out_home: Path,
) -> None:
    """Ending 100 days ago, the summary's trends read nothing of the last three months but
    the streak back from today: of the seven private days there, only the one that ended
    the streak is its to mention."""
    text = summary(Cli(left_out_home), "--from", "-200d", "--to", "-100d")
    assert "**1 private day that the trends look back on is not included.**" in text


def test_a_summary_of_the_whole_journal_counts_every_private_day(left_out_home: Path) -> None:
    text = summary(Cli(left_out_home))
    assert "8 private days are not included." in text


def test_preview_shows_the_files_figures_and_writes_nothing(
    left_out_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli = Cli(left_out_home)
    monkeypatch.chdir(tmp_path)
    home_before, here_before = snapshot(left_out_home), snapshot(tmp_path)
    shown = cli.run(
        "--home", str(cli.home), "export", "--format", "html", "--from", "-6m", "--preview"
    ).stdout
    assert snapshot(left_out_home) == home_before and snapshot(tmp_path) == here_before
    printed = " ".join(shown.split())
    text = summary(cli, "--from", "-6m")
    note = "7 private days are not included."  # the one long ago is before these six months
    assert note in printed and note in text
    assert re.search(
        r"Without --preview this writes coach-\w+-2026-05-23-to-2026-11-23\.html:", printed
    )
    index = re.search(r"combined index (\S+) (\S+ \S+|steady) (\S+ \S+|steady)", text)
    assert index is not None
    assert f"combined index │ {index[1]} │ {index[2]} │ {index[3]}" in printed
    streak = re.search(r"current streak (\d+) days?", text)
    assert streak is not None and f"Check-in streak: {streak[1]} day" in printed
    commitments = re.search(r"Open commitments: \d+(, \d+ overdue)?\.", text)
    assert commitments is not None and commitments[0] in printed


def test_a_one_day_summary_gives_its_asks_per_week_and_says_why_the_app_differs(
    plain_cli: Cli,
) -> None:
    """Asks per week depends on the days it is taken over: `coach stats` over the same day
    gives the same rate, and the summary says the app's 12 weeks give another."""
    svc = plain_cli.service()
    day = max(e.date for e in svc.all_entries() if sum(h.asked for h in e.help) >= 1)
    one = ("--from", day.isoformat(), "--to", day.isoformat())
    rate = stats(plain_cli, *one)["overall"]["self_orientation"]["asks_per_week"]
    assert rate >= 7  # one ask in one day is seven a week
    text = summary(plain_cli, *one)
    assert f"That is {rate:.1f} asks a week over this one day;" in text
    assert "the app's trends count the last 12 weeks, so theirs can differ." in text
