"""`coach show` and `coach list`, and that untrusted text reaches the terminal only as text."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from journal.model import full_record
from tests.cli.helpers import HOSTILE, UNSAFE, YESTERDAY, Cli
from tests.conftest import DAY


@pytest.fixture
def week(cli: Cli) -> Cli:
    """Four days out of order; the 21st has no intent, so list falls back to its reflection."""
    cli.run("checkin", "--date", "2026-11-20", "--intent", "Plan the offsite", "--tag", "Team")
    cli.run("checkin", "--date", "2026-11-23", "--intent", "Unblock Sam", "--ask", "Ravi: a review")
    cli.run("checkin", "--date", "2026-11-21", "--reflection", "Quiet SATURDAY", "--tag", "rest")
    cli.run("checkin", "--date", "2026-11-17", "--self-focus", "I interrupted Ana", "--tag", "team")
    cli.run("checkin", "--date", "2026-11-20", "--promise", "commitment: book the rooftop @Noor")
    return cli


def test_show_prints_the_day_with_its_promises(cli: Cli) -> None:
    cli.run("checkin", "--intent", "Unblock Sam", "--for", "self", "--rate", "rel=8")
    made = cli.promise("--promise", "commitment: review the PR @Sam due:+1d")
    result = cli.run("show")
    assert result.stdout.splitlines() == [
        "Monday 23 November 2026",
        "  intent: Unblock Sam (for myself)",
        "  ratings: reliability=8",
        f"  promise {made.short_id} (commitment to Sam, due 2026-11-24): review the PR [open]",
    ]
    assert cli.run("show", "today").stdout == result.stdout
    assert cli.run("show", "2026-11-23").stdout == result.stdout


SATURDAY = ["Saturday 21 November 2026", "  reflection: Quiet SATURDAY", "  tags: rest"]


@pytest.mark.parametrize("day", ["2026-11-21", "-2d"])
def test_show_another_day(week: Cli, day: str) -> None:
    """BUG for "-2d": click reads it as an option ("No such option '-2'")."""
    assert week.run("show", day).stdout.splitlines() == SATURDAY


def test_show_offset_after_double_dash(week: Cli) -> None:
    assert week.run("show", "--", "-2d").stdout.splitlines() == SATURDAY


def test_show_a_day_with_only_promises(cli: Cli) -> None:
    made = cli.promise("--date", "yesterday", "--promise", "good: write to Mia")
    assert cli.run("show", "yesterday").stdout.splitlines() == [
        "Sunday 22 November 2026",
        f"  promise {made.short_id} (good intention): write to Mia [open]",
    ]


def test_show_an_empty_day(cli: Cli) -> None:
    assert cli.fails("show") == "coach: no entry for 2026-11-23"
    cli.run("checkin", "--date", "yesterday", "--intent", "x")
    assert cli.fails("show", "2026-11-23") == "coach: no entry for 2026-11-23"


def test_show_json(cli: Cli) -> None:
    cli.run("checkin", "--intent", "Unblock Sam", "--tag", "work", "--rate", "self=4")
    made = cli.promise("--promise", "best: review the PR")
    data = json.loads(cli.run("show", "--json").stdout)
    entry = cli.service().entry(DAY)
    assert entry is not None
    assert set(data) == {"date", "entry", "promises", "comments"}
    assert data["date"] == "2026-11-23"
    assert data["entry"] == json.loads(json.dumps(full_record(entry)))
    assert data["entry"]["intent"] == "Unblock Sam"
    assert data["entry"]["ratings"] == {
        "credibility": None,
        "reliability": None,
        "intimacy": None,
        "character": None,
        "self_orientation": 4,
    }
    assert [p["id"] for p in data["promises"]] == [made.id]


def test_show_json_of_an_empty_day(cli: Cli) -> None:
    result = cli.run("show", "--json", "yesterday")
    assert json.loads(result.stdout) == {
        "date": YESTERDAY.isoformat(),
        "entry": None,
        "promises": [],
        "comments": [],
    }
    assert result.stderr == ""
    assert not cli.home.exists()


def test_list_newest_first(week: Cli) -> None:
    result = week.run("list")
    assert result.stdout.splitlines() == [
        "2026-11-23  Unblock Sam",
        "2026-11-21  Quiet SATURDAY  #rest",
        "2026-11-20  Plan the offsite  #team",
        "2026-11-17  I interrupted Ana  #team",
    ]
    assert result.stderr == ""


def test_list_across_years(cli: Cli) -> None:
    cli.run("checkin", "--date", "2025-12-31", "--intent", "Old year")
    cli.run("checkin", "--date", "2026-01-01", "--intent", "New year")
    cli.run("checkin", "--date", "2024-06-01", "--intent", "Long ago")
    assert [ln[:10] for ln in cli.run("list").stdout.splitlines()] == [
        "2026-01-01",
        "2025-12-31",
        "2024-06-01",
    ]
    out = cli.run("list", "--from", "2025-01-01", "--to", "2025-12-31").stdout
    assert out == "2025-12-31  Old year\n"


@pytest.mark.parametrize(
    ("args", "days"),
    [
        (["--from", "2026-11-20"], ["2026-11-23", "2026-11-21", "2026-11-20"]),
        (["--to", "2026-11-20"], ["2026-11-20", "2026-11-17"]),
        (["--from", "2026-11-20", "--to", "2026-11-21"], ["2026-11-21", "2026-11-20"]),
        (["--from", "-3d", "--to", "yesterday"], ["2026-11-21", "2026-11-20"]),
        (["--from", "2026-11-21", "--to", "2026-11-21"], ["2026-11-21"]),
        (["--tag", "team"], ["2026-11-20", "2026-11-17"]),
        (["--tag", "TEAM"], ["2026-11-20", "2026-11-17"]),
        (["--tag", "team", "--from", "2026-11-18"], ["2026-11-20"]),
        (["--contains", "saturday"], ["2026-11-21"]),
        (["--contains", "ana"], ["2026-11-17"]),
        (["--contains", "RAVI"], ["2026-11-23"]),  # the person of a help ask
        (["--contains", "a review"], ["2026-11-23"]),  # what they asked for
        (["--contains", "ROOFTOP"], ["2026-11-20"]),  # a promise made that day
        (["--contains", "noor"], ["2026-11-20"]),  # whom it was made to
    ],
)
def test_list_filters(week: Cli, args: list[str], days: list[str]) -> None:
    out = week.run("list", *args).stdout
    assert [ln[:10] for ln in out.splitlines()] == days
    rows = json.loads(week.run("list", *args, "--json").stdout)
    assert [r["date"] for r in rows] == days


def test_list_nothing_matches(week: Cli) -> None:
    result = week.run("list", "--tag", "nope")
    assert (result.stdout, result.stderr) == ("", "No entries match.\n")
    assert json.loads(week.run("list", "--contains", "zebra", "--json").stdout) == []


def test_list_on_a_fresh_home(cli: Cli) -> None:
    assert cli.run("list").stderr == "No entries match.\n"
    assert not cli.home.exists()


def test_list_json_is_the_stored_entries(week: Cli) -> None:
    rows = json.loads(week.run("list", "--json").stdout)
    stored = [json.loads(json.dumps(full_record(e))) for e in week.service().entries()]
    assert rows == stored
    assert [r["date"] for r in rows] == ["2026-11-23", "2026-11-21", "2026-11-20", "2026-11-17"]


def test_list_cuts_long_text_to_one_line(cli: Cli) -> None:
    cli.run("checkin", "--intent", "word " * 40 + "\nsecond line")
    (out,) = cli.run("list").stdout.splitlines()
    assert out.startswith("2026-11-23  word word")
    assert out.endswith("…") and len(out) == len("2026-11-23  ") + 70


def test_markup_is_printed_literally(cli: Cli) -> None:
    markup = "[bold]x[/] [link=http://evil]y[/link]"
    out = cli.run(
        "checkin", "--intent", markup, "--ask", f"[red]Ana[/]: {markup}",
        "--promise", f"commitment: {markup} @[b]Bo",
    ).stdout  # fmt: skip
    assert f"  intent: {markup}" in out
    assert f"  helped [red]Ana[/]: {markup} [open]" in out
    assert f"(commitment to [b]Bo): {markup} [open]" in out
    assert f"2026-11-23  {markup}\n" == cli.run("list").stdout
    assert f"  intent: {markup}" in cli.run("show").stdout
    assert f"{markup} to [b]Bo" in cli.run("promises").stdout


def test_control_characters_never_reach_the_terminal(cli: Cli) -> None:
    tag = "x[31m"
    outputs = [
        cli.run(
            "checkin", "--intent", HOSTILE, "--for", HOSTILE, "--ask", f"{HOSTILE}: {HOSTILE}",
            "--promise", f"commitment: {HOSTILE} @{HOSTILE}", "--self-focus", HOSTILE,
            "--reflection", HOSTILE, "--tag", tag,
        ).stdout,
        cli.run("show").stdout,
        cli.run("list").stdout,
        cli.run("promises").stdout,
        cli.run("promises", "--all").stdout,
    ]  # fmt: skip
    (made,) = cli.service().all_promises()
    outputs.append(cli.run("promise", made.short_id, "kept").stdout)
    for out in outputs:
        assert out, "each command printed something"
        assert not UNSAFE.search(out), repr(out)
        assert "a[2Jbcde" in out
    # What was typed is stored as typed: cleaning happens on the way out only.
    entry = cli.service().entry(DAY)
    assert entry is not None and (entry.intent, entry.tags) == (HOSTILE, [tag])


def strings(data: object) -> list[str]:
    """Every string value inside parsed JSON."""
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for v in data.values() for s in strings(v)]
    if isinstance(data, list):
        return [s for v in data for s in strings(v)]
    return []


@pytest.mark.parametrize(
    "args", [["show", "--json"], ["list", "--json"], ["promises", "--all", "--json"]]
)
def test_json_escapes_control_characters(cli: Cli, args: list[str]) -> None:
    """BUG: msgspec escapes C0 but writes C1 (\\x9b, a one-byte CSI) and bidi overrides raw.

    JSON may carry them only as \\u escapes, so the data round-trips and the terminal is safe.
    """
    cli.run("checkin", "--intent", HOSTILE, "--promise", f"commitment: {HOSTILE}")
    out = cli.run(*args).stdout
    assert HOSTILE in strings(json.loads(out))  # the data round-trips
    assert not UNSAFE.search(out), repr(out)


def test_home_option_overrides_coach_home(cli: Cli, tmp_path: Path) -> None:
    other = tmp_path / "elsewhere"
    out = cli.run("--home", str(other), "checkin", "--intent", "Somewhere else").stdout
    assert out.startswith("Saved 2026-11-23.")
    assert not cli.home.exists()
    assert (other / "journal" / "entries-2026.json").is_file()
    assert cli.run("--home", str(other), "list").stdout == "2026-11-23  Somewhere else\n"
    assert cli.run("list").stderr == "No entries match.\n"


def test_show_keeps_the_lines_of_a_reflection_and_shows_what_the_coach_said(cli: Cli) -> None:
    """A three-line reflection reads as written; a coach's comments on the day and on its
    week follow it, as the journal screen shows them (and in --json)."""
    from journal.app.home import Home
    from journal.model import Comment, new_id, now

    cli.run("checkin", "--reflection", "Ask first.\nThen offer.\n\nListen longer.")

    def said(on: str, day: str, text: str) -> Comment:
        return Comment(
            id=new_id(),
            on=on,
            date=dt.date.fromisoformat(day),
            text=text,  # type: ignore[arg-type]
            author="Dana",
            author_key="k",
            created=now(),
            updated=now(),
        )

    Home(cli.home).feedback.merge(
        [
            said("day", "2026-11-23", "Good catch.\nKeep going."),
            said("week", "2026-11-23", "A calm week"),
        ]
    )
    lines = cli.run("show").stdout.splitlines()
    assert lines[1:] == [
        "  reflection: Ask first.",
        "    Then offer.",
        "",
        "    Listen longer.",
        "  comment from Dana: Good catch.",
        "    Keep going.",
        "  comment from Dana on the week of 23 Nov: A calm week",
    ]
    shown = json.loads(cli.run("show", "--json").stdout)
    assert shown["entry"]["reflection"] == "Ask first.\nThen offer.\n\nListen longer."
    assert [c["text"] for c in shown["comments"]] == ["Good catch.\nKeep going.", "A calm week"]


def test_list_and_show_mark_a_starred_and_a_private_day(cli: Cli) -> None:
    cli.run("checkin", "--intent", "Say no kindly", "--tag", "work", "--star", "--private")
    assert cli.run("list").stdout == "2026-11-23  ★ Say no kindly  #work  (private)\n"
    shown = cli.run("show").stdout.splitlines()
    assert shown[-3:] == ["  tags: work", "  starred: yes", "  private: yes"]
