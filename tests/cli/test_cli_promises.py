"""`coach promises` (listing, overdue, carried forward, JSON) and `coach promise ID OUTCOME`."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from journal.model import Promise
from tests.cli.helpers import YESTERDAY, Cli
from tests.conftest import DAY

JSON_KEYS = {
    "id",
    "made_on",
    "text",
    "kind",
    "to",
    "due",
    "status",
    "resolved_on",
    "note",
    "created",
    "updated",
    "renegotiated_to",
    "renegotiated_from",
}


def line(p: Promise, status: str = "open", tail: str = "") -> str:
    """The row `coach promises` prints, built independently of the CLI's code."""
    label = p.kind.replace("_", " ")
    return f"{p.short_id}  {p.made_on.isoformat()}  {label:<14} {status:<12}{p.text}{tail}"


@pytest.fixture(name="three")
def three_promises(cli: Cli) -> tuple[Promise, Promise, Promise]:
    """An old overdue commitment, a best effort due today, a good intention without a date."""
    return (
        cli.promise(
            "--date", "2026-11-01", "--promise", "commit: send the deck @Ana due:2026-11-05"
        ),
        cli.promise("--date", "yesterday", "--promise", "best: review Bo's plan @Bo due:today"),
        cli.promise("--promise", "good: visit the Lisbon team"),
    )


def test_open_promises_oldest_first_with_overdue_marked(
    cli: Cli, three: tuple[Promise, Promise, Promise]
) -> None:
    late, due_today, undated = three
    result = cli.run("promises")
    assert result.stdout.splitlines() == [
        line(late, tail=" to Ana due 2026-11-05 OVERDUE"),
        line(due_today, tail=" to Bo due 2026-11-23"),
        line(undated),
    ]
    assert result.stderr == ""
    assert cli.run("promises", "--open").stdout == result.stdout


def test_resolved_promises_only_with_all(cli: Cli, three: tuple[Promise, Promise, Promise]) -> None:
    late, due_today, undated = three
    cli.run("promise", late.short_id, "kept")
    cli.run("promise", undated.short_id, "released")
    assert cli.run("promises").stdout.splitlines() == [
        line(due_today, tail=" to Bo due 2026-11-23")
    ]
    assert cli.run("promises", "--all").stdout.splitlines() == [
        line(late, "kept", " to Ana due 2026-11-05"),  # no longer overdue: it was kept
        line(due_today, tail=" to Bo due 2026-11-23"),
        line(undated, "released"),
    ]


def test_open_promises_from_an_earlier_year_carry_forward(cli: Cli) -> None:
    old = cli.promise("--date", "2025-12-30", "--promise", "commitment: write the annual review")
    done = cli.promise("--date", "2025-06-01", "--promise", "commitment: book the offsite")
    cli.run("promise", done.short_id, "kept", "--date", "2025-06-10")
    new = cli.promise("--promise", "best: tidy the backlog")
    assert sorted(p.name for p in (cli.home / "journal").glob("*.json")) == [
        "promises-2025.json",
        "promises-2026.json",
    ]
    assert cli.run("promises").stdout.splitlines() == [line(old), line(new)]
    ids = [p["id"] for p in json.loads(cli.run("promises", "--all", "--json").stdout)]
    assert ids == [done.id, old.id, new.id]


def test_nothing_to_list(cli: Cli) -> None:
    result = cli.run("promises")
    assert (result.stdout, result.stderr) == ("", "No open promises. A clean slate.\n")
    result = cli.run("promises", "--all")
    assert (result.stdout, result.stderr) == ("", "No promises yet.\n")
    assert json.loads(cli.run("promises", "--json").stdout) == []
    assert not cli.home.exists()


def test_json_values(cli: Cli, three: tuple[Promise, Promise, Promise]) -> None:
    late, due_today, undated = three
    cli.run("promise", late.short_id, "broken", "--note", "forgot", "--date", "2026-11-06")
    rows = json.loads(cli.run("promises", "--all", "--json").stdout)
    assert [r["id"] for r in rows] == [late.id, due_today.id, undated.id]
    first = rows[0]
    assert {k: first[k] for k in ("made_on", "text", "kind", "to", "due")} == {
        "made_on": "2026-11-01",
        "text": "send the deck",
        "kind": "commitment",
        "to": "Ana",
        "due": "2026-11-05",
    }
    assert (first["status"], first["resolved_on"], first["note"]) == (
        "broken",
        "2026-11-06",
        "forgot",
    )
    assert dt.datetime.fromisoformat(first["updated"]) >= dt.datetime.fromisoformat(
        first["created"]
    )
    assert [r["id"] for r in json.loads(cli.run("promises", "--json").stdout)] == [
        due_today.id,
        undated.id,
    ]


def test_json_keys_are_stable(cli: Cli, three: tuple[Promise, Promise, Promise]) -> None:
    """BUG: records are encoded with omit_defaults, so an open promise without a person or due
    date has no "to", "due", "status", "resolved_on" or "note" key at all."""
    cli.run("promise", three[0].short_id, "kept", "--note", "sent")
    for args in (["promises", "--json"], ["promises", "--all", "--json"]):
        for row in json.loads(cli.run(*args).stdout):
            assert set(row) == JSON_KEYS, row
    for row in json.loads(cli.run("show", "--json").stdout)["promises"]:
        assert set(row) == JSON_KEYS, row
    undated = json.loads(cli.run("promises", "--json").stdout)[-1]
    assert (undated["to"], undated["due"], undated["status"]) == ("", None, "open")
    assert (undated["resolved_on"], undated["note"]) == (None, "")


@pytest.mark.parametrize("outcome", ["kept", "broken", "released"])
def test_resolve_with_an_id_prefix(cli: Cli, outcome: str) -> None:
    """(Renegotiating takes new terms: tests/cli/test_cli_corrections.py.)"""
    made = cli.promise("--date", "2026-11-10", "--promise", "commitment: send Ana the estimate")
    result = cli.run(
        "promise", made.id[:5].upper(), outcome, "--note", "  told her  ", "--date", "yesterday"
    )
    assert result.stdout == f"Saved: promise {made.short_id} is {outcome}: send Ana the estimate\n"
    (stored,) = cli.service().all_promises()
    assert (stored.id, stored.status, stored.resolved_on, stored.note) == (
        made.id,
        outcome,
        YESTERDAY,
        "told her",
    )
    assert stored.updated >= made.updated
    assert cli.run("promises").stderr == "No open promises. A clean slate.\n"


def test_resolve_defaults_to_today_and_full_id_works(cli: Cli) -> None:
    made = cli.promise("--promise", "best: look at the flaky test")
    cli.run("promise", made.id, "kept")
    (stored,) = cli.service().all_promises()
    assert (stored.status, stored.resolved_on, stored.note) == ("kept", DAY, "")


def test_reopen_a_promise_resolved_by_mistake(cli: Cli) -> None:
    made = cli.promise("--promise", "commitment: call the vendor")
    cli.run("promise", made.short_id, "broken", "--note", "oops")
    result = cli.run("promise", made.short_id, "open")
    assert result.stdout == f"Saved: promise {made.short_id} is open: call the vendor\n"
    (stored,) = cli.service().all_promises()
    assert (stored.status, stored.resolved_on, stored.note) == ("open", None, "")
    assert cli.run("promises").stdout.splitlines() == [line(made)]


def test_resolve_a_promise_from_an_earlier_year(cli: Cli) -> None:
    """Renegotiated today, a promise from last year's file closes there and its follow-on
    opens in this year's: two files, one change."""
    old = cli.promise("--date", "2025-12-30", "--promise", "commitment: write the annual review")
    cli.run("promise", old.short_id, "renegotiated", "--note", "moved", "--due", "2026-12-15")
    stored, new = cli.service().all_promises()
    assert (stored.status, stored.resolved_on, stored.made_on) == (
        "renegotiated",
        DAY,
        dt.date(2025, 12, 30),
    )
    assert (new.made_on, new.due, new.renegotiated_from) == (DAY, dt.date(2026, 12, 15), old.id)
    assert cli.run("undo").stdout.startswith(f"Undid: renegotiated promise {old.short_id}")
    assert cli.service().all_promises() == [old]


def test_resolving_before_the_promise_was_made_is_refused(cli: Cli) -> None:
    """BUG: `--date` is not checked against made_on, so a typo stores an outcome that happened
    before the promise existed (checkin already refuses a due date before the day)."""
    made = cli.promise("--date", "2026-11-20", "--promise", "commitment: send the deck")
    said = cli.fails("promise", made.short_id, "kept", "--date", "2025-11-21")
    assert "2025-11-21" in said and "2026-11-20" in said
