"""`coach stats` (text and --json) and `coach settings --streak/--no-streak`.

The small journal below is built through the service so every date is exact; the figures the
tests expect are worked out by hand in the comments, not taken from journal/stats.py.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from tests.cli.helpers import EXIT_BAD_INPUT, HOSTILE, UNSAFE, Cli, snapshot
from tests.conftest import DAY

TOP_LEVEL_KEYS = {
    "today",
    "from",
    "to",
    "period",
    "summary",
    "series",
    "overall",
    "direction",
    "reliability",
    "calibration_gap",
    "open_commitments",
    "overdue_commitments",
    "streak",
    "on_this_day",
}
SERIES_KEYS = {
    "start",
    "end",
    "checkins",
    "self_orientation",
    "trust",
    "promises_made",
    "promises_kept",
}
NOT_ENOUGH = "Not enough weeks with check-ins yet to see which way your self-orientation is moving"
SUMMARY = f"{NOT_ENOUGH}; commitments kept 75% in the last 90 days (best efforts 50%)."
"""Too few weeks with data for a direction; 90-day keep-rates: commitments 3 of 4, best
efforts 1 of 2, and the good intention was released (no keep-rate, so not named)."""


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


@pytest.fixture(autouse=True)
def plain_console(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rich as in a pipe, whatever the developer's shell says: 80 columns, no colour."""
    monkeypatch.setenv("COLUMNS", "80")
    for name in ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE"):
        monkeypatch.delenv(name, raising=False)


def record(
    kept: int = 0, broken: int = 0, renegotiated: int = 0, released: int = 0
) -> dict[str, Any]:
    decided = kept + broken
    return {
        "kept": kept,
        "broken": broken,
        "renegotiated": renegotiated,
        "released": released,
        "keep_rate": pytest.approx(kept / decided) if decided else None,
    }


def stats_json(cli: Cli, *args: str) -> dict[str, Any]:
    result = cli.run("stats", "--json", *args)
    assert result.stderr == ""
    assert not UNSAFE.search(result.stdout), repr(result.stdout)
    data = json.loads(result.stdout)
    assert isinstance(data, dict)
    return data


def flat(text: str) -> str:
    """Rich wraps at the console width (80 under CliRunner): compare text with words joined."""
    return " ".join(text.split())


def summary_in_text(output: str) -> str:
    """The sentence between the title line and the first blank line, unwrapped."""
    lines = output.splitlines()
    end = lines.index("", 1)
    return flat(" ".join(lines[1:end]))


def table_row(lines: list[str], label: str) -> list[str]:
    """The cells of a Rich table row (drawn without outer edges: columns are split by "│"
    only), with text a narrow column wrapped onto more lines joined back up."""
    start = next(
        i for i, line in enumerate(lines) if "│" in line and line.split("│")[0].strip() == label
    )
    cells = [c.strip() for c in lines[start].split("│")]
    for line in lines[start + 1 :]:
        more = [c.strip() for c in line.split("│")]
        if len(more) != len(cells) or more[0]:  # not a table line, or the next row
            break
        cells = [f"{a} {b}".strip() for a, b in zip(cells, more, strict=True)]
    return cells


@pytest.fixture
def journal(cli: Cli) -> Cli:
    """Today is Monday 23 November 2026.

    Check-ins on 19, 21, 22 and 23 November (streak 3: the 20th is missing), 23 October (a
    month ago) and 23 November 2025 (a year ago). Reliability rated 8 and 9, so 8.5 → 85%.

    Commitments: A, B kept and C broken and D renegotiated in November; L kept on 5 September
    (inside 90 days, outside 30); K broken on 10 August (outside both); E (overdue since the
    20th), F (due the 28th) and G (no due date) are open. Best efforts: H kept, I broken.
    Good intention J released.
    """
    svc = cli.service()
    svc.set_intent(d("2025-11-23"), "Listen first")
    svc.set_intent(d("2026-10-23"), "Ask Ana how the launch went")
    svc.set_intent(d("2026-11-19"), "Unblock Sam")
    svc.rate(d("2026-11-21"), {"reliability": 8})
    svc.set_intent(d("2026-11-22"), "Call Mia")
    svc.rate(DAY, {"credibility": 7, "reliability": 9, "intimacy": 6, "self_orientation": 4})

    def made(day: str, text: str, kind: Any = "commitment", due: str | None = None) -> str:
        due_day = d(due) if due else None
        return svc.add_promise(d(day), text, kind, "Ana", due_day).id

    def settle(promise: str, status: Any, on: str) -> None:
        svc.resolve_promise(promise, status, on=d(on))

    settle(made("2026-08-01", "K: draft the budget"), "broken", "2026-08-10")
    settle(made("2026-09-01", "L: book the room"), "kept", "2026-09-05")
    settle(made("2026-11-01", "A: send the deck"), "kept", "2026-11-10")
    settle(made("2026-11-02", "B: review the plan"), "kept", "2026-11-12")
    settle(made("2026-11-03", "C: fix the build"), "broken", "2026-11-15")
    settle(made("2026-11-05", "D: write the memo"), "renegotiated", "2026-11-16")
    made("2026-11-06", "E: chase the invoice", due="2026-11-20")
    made("2026-11-19", "F: share the notes", due="2026-11-28")
    made("2026-11-22", "G: thank the team")
    settle(made("2026-11-01", "H: join the review", "best_effort"), "kept", "2026-11-20")
    settle(made("2026-11-02", "I: tidy the backlog", "best_effort"), "broken", "2026-11-21")
    settle(made("2026-11-03", "J: visit Lisbon", "good_intention"), "released", "2026-11-18")
    return cli


# ----- an empty journal ------------------------------------------------------------------


def test_empty_journal_says_there_is_not_enough_yet(cli: Cli) -> None:
    result = cli.run("stats")
    assert result.stderr == ""
    text = flat(result.stdout)
    assert text.startswith("Trends, 07 Sep 2026 to 23 Nov 2026, one bar per week")  # 12 weeks
    assert NOT_ENOUGH in text
    assert "no commitments were settled in the last 90 days" in text
    assert "Check-in streak: 0 days" in text
    assert snapshot(cli.home) == {}  # reading stats writes nothing, not even the home


def test_empty_journal_json_builds(cli: Cli) -> None:
    data = stats_json(cli)
    assert set(data) == TOP_LEVEL_KEYS
    assert (data["today"], data["from"], data["to"], data["period"]) == (
        "2026-11-23",
        "2026-09-07",
        "2026-11-23",
        "week",
    )
    assert data["summary"] == (f"{NOT_ENOUGH}; no commitments were settled in the last 90 days.")
    assert len(data["series"]) == 12
    assert all(set(item) == SERIES_KEYS for item in data["series"])
    assert [item["checkins"] for item in data["series"]] == [0] * 12
    assert data["overall"]["self_orientation"]["index"] is None
    assert (data["open_commitments"], data["overdue_commitments"]) == (0, [])
    assert (data["streak"], data["on_this_day"]) == (0, [])
    assert data["calibration_gap"] == {"30d": None, "90d": None}
    assert snapshot(cli.home) == {}


# ----- figures worked out by hand --------------------------------------------------------


def test_json_has_the_documented_keys(journal: Cli) -> None:
    data = stats_json(journal)
    assert set(data) == TOP_LEVEL_KEYS
    assert data["series"], "the default range has twelve weeks"
    for item in data["series"]:
        assert set(item) == SERIES_KEYS
    assert set(data["overall"]) == SERIES_KEYS
    assert set(data["reliability"]) == {"30d", "90d"}
    assert set(data["direction"]) == {"4w", "12w"}


def test_json_figures_match_the_hand_count(journal: Cli) -> None:
    data = stats_json(journal)
    assert data["summary"] == SUMMARY
    # 30 days (25 Oct..23 Nov): A, B kept, C broken, D renegotiated; H kept, I broken; J released.
    # 90 days (26 Aug..23 Nov): the same plus L kept; K (10 Aug) is older.
    assert data["reliability"] == {
        "30d": {
            "commitment": record(kept=2, broken=1, renegotiated=1),
            "best_effort": record(kept=1, broken=1),
            "good_intention": record(released=1),
        },
        "90d": {
            "commitment": record(kept=3, broken=1, renegotiated=1),
            "best_effort": record(kept=1, broken=1),
            "good_intention": record(released=1),
        },
    }
    # self-rated reliability 85% minus commitments kept: 85 - 200/3 and 85 - 75
    assert data["calibration_gap"] == {
        "30d": pytest.approx(85 - 200 / 3),
        "90d": pytest.approx(10.0),
    }
    assert data["streak"] == 3
    assert data["open_commitments"] == 3  # E, F, G
    (overdue,) = data["overdue_commitments"]
    assert {k: overdue[k] for k in ("text", "to", "due")} == {
        "text": "E: chase the invoice",
        "to": "Ana",
        "due": "2026-11-20",
    }
    assert len(overdue["id"]) == 32
    assert data["on_this_day"] == [
        {"label": "a month ago", "date": "2026-10-23", "intent": "Ask Ana how the launch went"},
        {"label": "a year ago", "date": "2025-11-23", "intent": "Listen first"},
    ]


def test_json_overall_and_weekly_rows_match_the_hand_count(journal: Cli) -> None:
    data = stats_json(journal)
    # The default range, 7 Sep..23 Nov, holds five check-ins (the 2025 one is outside) and
    # the promises made in November: L (1 Sep) and K are older, though L settles inside it.
    overall = data["overall"]
    assert overall["checkins"] == 5
    assert sum(item["checkins"] for item in data["series"]) == 5
    assert overall["promises_made"] == {"commitment": 7, "best_effort": 2, "good_intention": 1}
    assert overall["promises_kept"] == {
        "commitment": record(kept=2, broken=1, renegotiated=1),  # L settled on 5 Sep, too early
        "best_effort": record(kept=1, broken=1),
        "good_intention": record(released=1),
    }
    # Ratings: credibility 7, reliability (8 + 9) / 2, intimacy 6, self-orientation 4.
    trust = overall["trust"]
    assert (trust["credibility"], trust["reliability"], trust["intimacy"]) == (7, 8.5, 6)
    assert trust["self_orientation"] == 4
    assert trust["classic"] == pytest.approx((7 + 8.5 + 6) / 4)
    assert trust["extended"] is None  # character was never rated
    assert overall["self_orientation"]["rating"] == 4

    weeks = {item["start"]: item for item in data["series"]}
    assert weeks["2026-11-09"]["end"] == "2026-11-15"
    assert weeks["2026-11-09"]["promises_kept"]["commitment"] == record(kept=2, broken=1)
    assert weeks["2026-11-16"]["checkins"] == 3  # 19, 21 and 22 November
    assert list(weeks)[-1] == "2026-11-23"
    assert weeks["2026-11-23"]["end"] == "2026-11-23"  # the week in progress ends today
    assert weeks["2026-11-23"]["checkins"] == 1


def test_text_shows_the_same_figures(journal: Cli) -> None:
    result = journal.run("stats")
    assert result.stderr == ""
    out = result.stdout
    lines = out.splitlines()
    assert lines[0] == "Trends, 07 Sep 2026 to 23 Nov 2026, one bar per week"
    assert table_row(lines, "commitments") == [
        "commitments",
        "67% (2 of 3, 1 renegotiated)",
        "75% (3 of 4, 1 renegotiated)",
    ]
    assert table_row(lines, "best efforts") == ["best efforts", "50% (1 of 2)", "50% (1 of 2)"]
    assert table_row(lines, "self-rated vs kept") == [
        "self-rated vs kept",
        "+18 points",
        "+10 points",
    ]
    # The quotient is a sentence under the trust table now: (7 + 8.5 + 6) / 4.
    assert "Trust quotient (C+R+I)/S: 5.38;" in flat(out)
    assert "Open commitments: 3, 1 overdue." in lines
    assert "  due 2026-11-20: E: chase the invoice" in lines
    assert "Check-in streak: 3 days" in lines
    assert "On this day, a month ago: Ask Ana how the launch went" in lines
    assert "On this day, a year ago: Listen first" in lines
    assert not UNSAFE.search(out), repr(out)


def test_text_summary_is_the_json_summary(journal: Cli) -> None:
    text = journal.run("stats").stdout
    data = stats_json(journal)
    assert summary_in_text(text) == flat(data["summary"]) == SUMMARY


# ----- range and period ------------------------------------------------------------------


@pytest.mark.parametrize("to", ["2026-11-23", "today"])
def test_from_to_and_period_month(journal: Cli, to: str) -> None:
    data = stats_json(journal, "--from", "2026-09-01", "--to", to, "--period", "month")
    assert (data["from"], data["to"], data["period"]) == ("2026-09-01", "2026-11-23", "month")
    series = data["series"]
    assert [(m["start"], m["end"]) for m in series] == [
        ("2026-09-01", "2026-09-30"),
        ("2026-10-01", "2026-10-31"),
        ("2026-11-01", "2026-11-23"),  # the month in progress ends with the range
    ]
    assert [m["checkins"] for m in series] == [0, 1, 4]
    assert [m["promises_made"] for m in series] == [
        {"commitment": 1, "best_effort": 0, "good_intention": 0},  # L
        {"commitment": 0, "best_effort": 0, "good_intention": 0},
        {"commitment": 7, "best_effort": 2, "good_intention": 1},  # A..G; H, I; J
    ]
    assert series[0]["promises_kept"]["commitment"] == record(kept=1)  # L, 5 September
    assert series[2]["promises_kept"] == {
        "commitment": record(kept=2, broken=1, renegotiated=1),
        "best_effort": record(kept=1, broken=1),
        "good_intention": record(released=1),
    }
    assert data["overall"]["promises_kept"]["commitment"] == record(
        kept=3, broken=1, renegotiated=1
    )

    text = journal.run("stats", "--from", "2026-09-01", "--to", to, "--period", "month").stdout
    assert text.splitlines()[0] == "Trends, 01 Sep 2026 to 23 Nov 2026, one bar per month"
    assert summary_in_text(text) == flat(data["summary"])


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--from", "2026-13-01"), ("--from", "2026-13-01")),
        (("--to", "someday"), ("--to", "someday")),
        (("--from", "2026-11-10", "--to", "2026-11-01"), ("2026-11-10", "2026-11-01")),
        (("--json", "--from", "2026-11-10", "--to", "2026-11-01"), ("2026-11-10", "2026-11-01")),
    ],
)
def test_bad_range_is_one_line_and_exit_2(
    journal: Cli, args: tuple[str, ...], words: tuple[str, ...]
) -> None:
    line = journal.fails("stats", *args)
    assert all(w in line for w in words), line


def test_from_after_today_without_to_is_refused(journal: Cli) -> None:
    """BUG: the CLI compares --from with --to only when both are given, so `--from 2030-01-01`
    alone reports "Trends 2030-01-01 to 2026-11-23" with an empty series and exit status 0."""
    line = journal.fails("stats", "--from", "2030-01-01")
    assert "2030-01-01" in line and "2026-11-23" in line, line


def test_unknown_period_is_a_usage_error(journal: Cli) -> None:
    before = snapshot(journal.home)
    result = journal.run("stats", "--period", "decade", code=EXIT_BAD_INPUT)
    assert result.stdout == ""
    assert "Invalid value for '--period'" in result.stderr
    assert "'decade' is not one of 'week', 'month', 'year'" in result.stderr
    assert snapshot(journal.home) == before


# ----- the streak setting ----------------------------------------------------------------


def test_streak_hidden_then_shown_again(journal: Cli) -> None:
    assert journal.run("settings").stdout == "streak: shown\n"
    assert journal.run("settings", "--no-streak").stdout == "streak: hidden\n"
    assert journal.run("settings").stdout == "streak: hidden\n"
    assert stats_json(journal)["streak"] is None
    hidden = journal.run("stats").stdout
    assert "streak" not in hidden.lower()
    assert "On this day, a month ago" in hidden  # the rest of the report is still there

    assert journal.run("settings", "--streak").stdout == "streak: shown\n"
    assert stats_json(journal)["streak"] == 3
    assert "Check-in streak: 3 days" in journal.run("stats").stdout.splitlines()


# ----- untrusted text --------------------------------------------------------------------


def test_on_this_day_prints_markup_and_control_text_literally(journal: Cli) -> None:
    intent = f"[bold red]Ask[/] {HOSTILE} [link=x]y"
    journal.service().set_intent(d("2026-10-23"), intent)

    out = journal.run("stats").stdout
    assert not UNSAFE.search(out), repr(out)
    # Control characters are dropped, markup is shown as typed: "a\x1b[2J…" keeps "[2J".
    shown = "[bold red]Ask[/] a[2Jbcde [link=x]y"
    assert f"On this day, a month ago: {shown}" in out.splitlines()

    raw = journal.run("stats", "--json").stdout
    assert not UNSAFE.search(raw), repr(raw)
    assert json.loads(raw)["on_this_day"][0]["intent"] == intent  # the data round-trips
