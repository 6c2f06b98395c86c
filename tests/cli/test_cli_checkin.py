"""`coach checkin`: every option, what it prints, and what it stores."""

from __future__ import annotations

import datetime as dt

import pytest

from journal.model import IntentFor, Ratings
from tests.cli.helpers import YESTERDAY, Cli
from tests.conftest import DAY


def test_every_option_is_printed_and_stored(cli: Cli) -> None:
    result = cli.run(
        "checkin",
        "--date", "2026-11-23",
        "--intent", "  Ship the release  ",
        "--for", "team:Core",
        "--ask", "Ana: review my plan",
        "--ask", "Bo",
        "--promise", "best: send the deck @Ana_Lopez due:2026-11-25",
        "--promise", "commitment: call the vendor",
        "--rate", "cred=7",
        "--rate", "self=3",
        "--self-focus", "I talked over Bo",
        "--reflection", "A decent day.",
        "--tag", "Work",
        "--tag", "#deep-work",
        "--tag", "work",
        "--private",
    )  # fmt: skip
    svc = cli.service()
    entry = svc.entry(DAY)
    assert entry is not None
    deck, call = svc.promises_made_on(DAY)

    assert result.stdout.splitlines() == [
        "Saved 2026-11-23.",
        "  intent: Ship the release (for team Core)",
        "  helped Ana: review my plan [open]",
        "  helped Bo: (what they asked for: not yet noted) [open]",
        "  ratings: credibility=7, self_orientation=3",
        "  self-focus: I talked over Bo",
        "  reflection: A decent day.",
        "  tags: work, deep-work",
        "  private: yes",
        f"  promise {deck.short_id} (best effort to Ana Lopez, due 2026-11-25): "
        "send the deck [open]",
        f"  promise {call.short_id} (commitment): call the vendor [open]",
    ]
    assert result.stderr == ""

    assert entry.intent == "Ship the release"
    assert entry.intent_for == IntentFor(kind="team", name="Core")
    assert [(h.person, h.request, h.done) for h in entry.help] == [
        ("Ana", "review my plan", None),
        ("Bo", "", None),
    ]
    assert entry.ratings == Ratings(credibility=7, self_orientation=3)
    assert entry.self_focus == "I talked over Bo"
    assert entry.reflection == "A decent day."
    assert entry.tags == ["work", "deep-work"]
    assert entry.private is True

    assert (deck.kind, deck.text, deck.to, deck.due, deck.status) == (
        "best_effort",
        "send the deck",
        "Ana Lopez",
        dt.date(2026, 11, 25),
        "open",
    )
    assert (call.kind, call.text, call.to, call.due, call.made_on) == (
        "commitment",
        "call the vendor",
        "",
        None,
        DAY,
    )


@pytest.mark.parametrize(
    ("given", "day"),
    [
        ("2026-11-02", dt.date(2026, 11, 2)),
        ("today", DAY),
        ("Today", DAY),
        ("yesterday", YESTERDAY),
        ("-2d", dt.date(2026, 11, 21)),
        ("+1d", dt.date(2026, 11, 24)),
        ("2025-12-31", dt.date(2025, 12, 31)),
    ],
)
def test_date_forms(cli: Cli, given: str, day: dt.date) -> None:
    result = cli.run("checkin", "--date", given, "--intent", "Listen first")
    assert result.stdout.splitlines()[0] == f"Saved {day.isoformat()}."
    entry = cli.service().entry(day)
    assert entry is not None and entry.intent == "Listen first"
    assert [e.date for e in cli.service().entries()] == [day]


def test_date_defaults_to_today(cli: Cli) -> None:
    assert cli.run("checkin", "--intent", "x").stdout.startswith("Saved 2026-11-23.\n")
    assert cli.service().entry(DAY) is not None


@pytest.mark.parametrize(
    ("given", "stored", "label"),
    [
        ("self", IntentFor(kind="self"), "(for myself)"),
        ("Myself", IntentFor(kind="self"), "(for myself)"),
        ("team", IntentFor(kind="team"), "(for my team)"),
        ("team:Core", IntentFor(kind="team", name="Core"), "(for team Core)"),
        ("Ana Lopez", IntentFor(kind="person", name="Ana Lopez"), "(for Ana Lopez)"),
    ],
)
def test_for(cli: Cli, given: str, stored: IntentFor, label: str) -> None:
    result = cli.run("checkin", "--intent", "Unblock the release", "--for", given)
    assert f"  intent: Unblock the release {label}" in result.stdout.splitlines()
    entry = cli.service().entry(DAY)
    assert entry is not None and entry.intent_for == stored


@pytest.mark.parametrize(
    ("kind", "stored", "label"),
    [
        ("commitment", "commitment", "commitment"),
        ("commit", "commitment", "commitment"),
        ("C", "commitment", "commitment"),
        ("best", "best_effort", "best effort"),
        ("best-effort", "best_effort", "best effort"),
        ("Best Effort", "best_effort", "best effort"),
        ("best_effort", "best_effort", "best effort"),
        ("good", "good_intention", "good intention"),
        ("good-intention", "good_intention", "good intention"),
        ("intention", "good_intention", "good intention"),
    ],
)
def test_promise_kind_aliases(cli: Cli, kind: str, stored: str, label: str) -> None:
    made = cli.promise("--promise", f"{kind}: write the summary")
    assert (made.kind, made.text, made.made_on) == (stored, "write the summary", DAY)
    out = cli.run("show").stdout
    assert f"  promise {made.short_id} ({label}): write the summary [open]" in out


@pytest.mark.parametrize(
    ("due", "expected"),
    [
        ("2026-12-01", dt.date(2026, 12, 1)),
        ("+3d", dt.date(2026, 11, 26)),
        ("tomorrow", dt.date(2026, 11, 24)),
        ("today", DAY),
    ],
)
def test_promise_due_date(cli: Cli, due: str, expected: dt.date) -> None:
    made = cli.promise("--promise", f"commitment: send Ana the estimate @Ana due:{due}")
    assert (made.text, made.to, made.due) == ("send Ana the estimate", "Ana", expected)


def test_promise_on_an_earlier_day_with_a_due_date_after_it(cli: Cli) -> None:
    made = cli.promise("--date", "2026-11-01", "--promise", "good: tidy the wiki due:2026-11-05")
    assert (made.made_on, made.due, made.kind) == (
        dt.date(2026, 11, 1),
        dt.date(2026, 11, 5),
        "good_intention",
    )


def test_promise_only_checkin_prints_it(cli: Cli) -> None:
    result = cli.run("checkin", "--promise", "commitment: call Ana")
    (made,) = cli.service().all_promises()
    assert result.stdout.splitlines() == [
        "Saved 2026-11-23.",
        f"  promise {made.short_id} (commitment): call Ana [open]",
    ]


@pytest.mark.parametrize(
    ("rate", "name"),
    [
        ("credibility=7", "credibility"),
        ("cred=7", "credibility"),
        ("rel=7", "reliability"),
        ("int=7", "intimacy"),
        ("char=7", "character"),
        ("self=7", "self_orientation"),
        ("self-orientation=7", "self_orientation"),
        ("Self_Orientation = 7", "self_orientation"),
    ],
)
def test_rating_names_and_prefixes(cli: Cli, rate: str, name: str) -> None:
    result = cli.run("checkin", "--rate", rate)
    assert f"  ratings: {name}=7" in result.stdout.splitlines()
    entry = cli.service().entry(DAY)
    assert entry is not None and entry.ratings.given() == {name: 7}


def test_rating_bounds_are_allowed(cli: Cli) -> None:
    cli.run("checkin", "--rate", "credibility=0", "--rate", "reliability=10")
    entry = cli.service().entry(DAY)
    assert entry is not None and entry.ratings.given() == {"credibility": 0, "reliability": 10}


def test_adding_to_a_day_keeps_earlier_fields(cli: Cli) -> None:
    cli.run(
        "checkin", "--intent", "Unblock Sam", "--for", "Sam", "--ask", "Sam: a review",
        "--rate", "cred=6", "--tag", "morning", "--promise", "commitment: review Sam's PR",
    )  # fmt: skip
    first = cli.service().entry(DAY)
    assert first is not None

    result = cli.run(
        "checkin", "--reflection", "Went well", "--ask", "Ana: the budget",
        "--rate", "self=2", "--rate", "cred=8", "--tag", "evening", "--tag", "morning",
        "--promise", "good: follow up with Ana",
    )  # fmt: skip

    entry = cli.service().entry(DAY)
    assert entry is not None
    assert entry.intent == "Unblock Sam"
    assert entry.intent_for == IntentFor(kind="person", name="Sam")
    assert [(h.person, h.request) for h in entry.help] == [
        ("Sam", "a review"),
        ("Ana", "the budget"),
    ]
    assert entry.ratings == Ratings(credibility=8, self_orientation=2)
    assert entry.tags == ["morning", "evening"]
    assert entry.reflection == "Went well"
    assert (entry.id, entry.created) == (first.id, first.created)
    assert [p.text for p in cli.service().promises_made_on(DAY)] == [
        "review Sam's PR",
        "follow up with Ana",
    ]
    # The whole day is printed, but only the promise made by this run.
    lines = result.stdout.splitlines()
    assert "  intent: Unblock Sam (for Sam)" in lines
    assert "  helped Sam: a review [open]" in lines
    assert "  ratings: credibility=8, self_orientation=2" in lines
    (promise_line,) = [line for line in lines if line.startswith("  promise ")]
    assert promise_line.endswith("(good intention): follow up with Ana [open]")


def test_a_later_day_does_not_touch_an_earlier_one(cli: Cli) -> None:
    cli.run("checkin", "--date", "yesterday", "--intent", "Day one", "--tag", "a")
    cli.run("checkin", "--intent", "Day two")
    svc = cli.service()
    yesterday, today = svc.entry(YESTERDAY), svc.entry(DAY)
    assert yesterday is not None and (yesterday.intent, yesterday.tags) == ("Day one", ["a"])
    assert today is not None and (today.intent, today.tags) == ("Day two", [])


@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_help_shows_help_and_writes_nothing(cli: Cli, flag: str) -> None:
    out = cli.run("checkin", flag).stdout
    assert "Usage:" in out
    assert "--ask TEXT" in out and '"PERSON: what they asked"' in out
    assert "--promise" in out and "--rate" in out
    assert not cli.home.exists()


def test_ask_needs_a_value(cli: Cli) -> None:
    result = cli.run("checkin", "--ask", code=2)
    assert "requires an argument" in result.stderr
    assert not cli.home.exists()
