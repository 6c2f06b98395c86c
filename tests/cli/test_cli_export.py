"""coach export and coach import from the command line."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from tests.cli.helpers import Cli


def test_export_import_round_trip_through_files(cli: Cli, tmp_path: Path) -> None:
    cli.run("checkin", "--intent", "Hear Ana out", "--promise", "c: send the deck @Ana")
    backup = tmp_path / "backup.json"
    out = cli.run("export", "--format", "json", "-o", str(backup)).stdout
    assert out.startswith(f"Wrote {backup}: 1 day and 1 promise")
    other = ["--home", str(tmp_path / "other")]
    said = cli.run(*other, "import", str(backup)).stdout
    assert said.startswith("Imported 1 day and 1 promise")
    again = json.loads(cli.run(*other, "export", "--format", "json", "-o", "-").stdout)
    first = json.loads(backup.read_text())
    again.pop("exported"), first.pop("exported")
    assert again == first


def test_summary_to_stdout_and_private_flag_only_for_json(cli: Cli) -> None:
    cli.run("checkin", "--intent", "Be present")
    text = cli.run("export", "--format", "md", "-o", "-").stdout
    assert text.startswith("# Coach progress summary")
    assert "Be present" in text
    message = cli.fails("export", "--format", "md", "--include-private")
    assert "only for the JSON backup" in message


def test_importing_something_that_is_not_a_backup_says_so(cli: Cli, tmp_path: Path) -> None:
    bogus = tmp_path / "notes.json"
    bogus.write_text('{"hello": 1}')
    assert "is not a Coach backup" in cli.fails("import", str(bogus))


def test_a_pdf_is_not_sent_to_a_terminal(cli: Cli) -> None:
    cli.run("checkin", "--intent", "Be present")
    assert "give a file name with -o" in cli.fails("export", "--format", "pdf", "-o", "-")


def test_a_file_under_an_unknown_users_home_is_refused_in_one_line(cli: Cli) -> None:
    cli.run("checkin", "--intent", "Be present")
    line = cli.fails("export", "--format", "md", "-o", "~nosuchuser-coach/x.md")
    assert line == "coach: ~nosuchuser-coach/x.md: no such user's home folder"
    line = cli.fails("--home", "~nosuchuser-coach/h", "show")
    assert line == "coach: ~nosuchuser-coach/h: no such user's home folder"


def test_summary_files_are_named_for_the_format_and_range(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli.run("checkin", "--intent", "Be present")
    monkeypatch.chdir(tmp_path)
    for fmt in ("html", "pdf"):
        said = cli.run("export", "--format", fmt, "--from", "-1w", "--period", "week").stdout
        name = f"coach-week-2026-11-16-to-2026-11-23.{fmt}"
        assert said.startswith(f"Wrote {name}: 1 day")
        assert (tmp_path / name).stat().st_size > 1000


def test_the_summary_carries_the_name_on_your_keys(cli: Cli) -> None:
    cli.run("checkin", "--intent", "Be present")
    assert cli.run("export", "--format", "md", "-o", "-").stdout.startswith(
        "# Coach progress summary"
    )
    cli.run("keys", "init", "--name", "Ana Example")
    text = cli.run("export", "--format", "md", "-o", "-").stdout
    assert text.startswith("# Ana Example: progress summary")


def reflections(text: str) -> list[str]:
    """The days quoted in a Markdown summary's reflections, in the order shown."""
    part = text.split("## Reflections", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\*\*(.+?)\*\*$", part, re.MULTILINE)


def test_reflections_show_even_when_no_day_is_starred(cli: Cli) -> None:
    for day in ("2026-11-20", "2026-11-21", "2026-11-22"):
        cli.run("checkin", "--date", day, "--reflection", f"Thought on {day}")
    cli.run("checkin", "--date", "2026-11-23", "--reflection", "Kept to myself", "--private")
    text = cli.run("export", "--format", "md", "-o", "-").stdout
    assert reflections(text) == [
        "Sunday 22 November 2026",
        "Saturday 21 November 2026",
        "Friday 20 November 2026",
    ]
    assert "Thought on 2026-11-20" in text and "Kept to myself" not in text


def test_starred_days_come_first_then_the_latest_within_a_cap(cli: Cli) -> None:
    days = [dt.date(2026, 11, 1) + dt.timedelta(days=n) for n in range(15)]
    for day in days:
        star = ("--star",) if day.day in (1, 2) else ()
        cli.run("checkin", "--date", day.isoformat(), "--reflection", f"On {day}", *star)
    shown = reflections(cli.run("export", "--format", "md", "-o", "-").stdout)
    assert shown[:2] == ["Monday 02 November 2026, starred", "Sunday 01 November 2026, starred"]
    latest = [f"{d:%A %d %B %Y}" for d in days[::-1][:8]]
    assert shown[2:] == latest  # ten in all: the two starred, then the latest eight


def test_preview_of_a_backup_says_what_it_holds_and_writes_nothing(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli.run("checkin", "--date", "2026-11-22", "--intent", "Shared day")
    cli.run("checkin", "--intent", "Mine alone", "--private")
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    said = cli.run("export", "--format", "json", "--preview").stdout
    assert list(here.iterdir()) == []
    assert "Nothing written. Without --preview this writes coach-backup-2026-11-23.json:" in said
    assert "1 day and 0 promises, 22 Nov 2026 to 23 Nov 2026." in said
    assert "1 private day is not included." in said


def test_a_month_still_under_way_is_said_and_drawn_apart(cli: Cli) -> None:
    """Twenty-three days of November are not November: the summary says so beside its charts,
    and the HTML draws that bar lighter; a range of finished months says nothing."""
    for day in ("2026-10-05", "2026-10-20", "2026-11-02", "2026-11-20"):
        cli.run(
            "checkin", "--date", day, "--intent", "Hear them out", "--rate", "self_orientation=4"
        )
    months = ("--from", "2026-10-01", "--period", "month")
    text = cli.run("export", "--format", "md", *months, "-o", "-").stdout
    assert "Nov 2026 is still under way (23 of 30 days so far)" in text
    page = cli.run("export", "--format", "html", *months, "-o", "-").stdout
    assert page.count('class="bar so-far"') >= 1
    assert all("Nov 2026" in tip for tip in re.findall(r'so-far"[^>]*><title>([^<]*)', page))
    done = ("--to", "2026-10-31")
    assert "under way" not in cli.run("export", "--format", "md", *months, *done, "-o", "-").stdout
    finished = cli.run("export", "--format", "html", *months, *done, "-o", "-").stdout
    assert 'class="bar so-far"' not in finished and 'class="bar"' in finished
    cut = cli.run("export", "--format", "md", *months, "--to", "2026-10-15", "-o", "-").stdout
    assert "Oct 2026 is cut short by the range (15 of 31 days)" in cut  # October is over
    assert "under way" not in cut
