"""coach export and coach import from the command line."""

from __future__ import annotations

import json
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
