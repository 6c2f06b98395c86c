"""Correcting the journal from the command line: promises edited, renegotiated with new terms
or deleted, days deleted, and every change undone in turn; bad input changes nothing."""

from __future__ import annotations

import json

import pytest

from tests.cli.helpers import YESTERDAY, Cli, snapshot


@pytest.fixture
def day(cli: Cli) -> Cli:
    cli.run(
        "checkin", "--intent", "Hear Ana out", "--ask", "Ana: a second look",
        "--promise", "commitment: send the deck @Ana due:+2d", "--reflection", "Listened first",
    )  # fmt: skip
    return cli


def only_promise(cli: Cli) -> str:
    (row,) = json.loads(cli.run("promises", "--json").stdout)
    return str(row["id"])


def test_editing_an_open_promise_changes_only_what_is_given(day: Cli) -> None:
    pid = only_promise(day)
    said = day.run("promise", pid[:8], "edit", "--text", "send the new deck", "--due", "none")
    assert said.stdout == f"Saved: promise {pid[:8]}: send the new deck (commitment to Ana)\n"
    day.run("promise", pid[:8], "edit", "--kind", "effort", "--to", "Bo", "--due", "+3d")
    (row,) = json.loads(day.run("promises", "--json").stdout)
    assert (row["text"], row["kind"], row["to"], row["due"]) == (
        "send the new deck",
        "best_effort",
        "Bo",
        "2026-11-26",
    )


def test_renegotiating_closes_the_promise_and_opens_the_new_terms(day: Cli) -> None:
    pid = only_promise(day)
    out = day.run("promise", pid[:8], "renegotiated", "--due", "+5d", "--note", "asked Ana")
    (new,) = json.loads(day.run("promises", "--json").stdout)
    assert out.stdout.splitlines() == [
        f"Saved: promise {pid[:8]} is renegotiated.",
        f"New promise {new['id'][:8]}: send the deck (commitment to Ana, due 2026-11-28)",
    ]
    everything = {p["id"]: p for p in json.loads(day.run("promises", "--all", "--json").stdout)}
    old = everything[pid]
    assert (old["status"], old["note"], old["renegotiated_to"]) == (
        "renegotiated",
        "asked Ana",
        new["id"],
    )
    assert new["renegotiated_from"] == pid
    (line,) = day.run("promises").stdout.splitlines()
    assert line.endswith(f"(renegotiated from {pid[:8]})")
    shown = day.run("show").stdout
    assert f"[renegotiated] (renegotiated as {new['id'][:8]})" in shown


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("renegotiated",), "renegotiating needs new terms"),
        (("renegotiated", "--note", "later"), "renegotiating needs new terms"),
        (("renegotiated", "--due", "2026-02-30"), "is not a date"),
        (("kept", "--text", "x"), "--text does not go with kept"),
        (("edit",), "say what to change"),
        (("edit", "--kind", "maybe"), "unknown promise kind"),
        (("edit", "--text", "  "), "a promise needs some text"),
        (("edit", "--due", "-9d"), "is before the day it was made"),
        (("delete",), "no terminal to ask on; give --yes"),
    ],
)
def test_bad_promise_corrections_change_nothing(day: Cli, args: tuple[str, ...], said: str) -> None:
    assert said in day.fails("promise", only_promise(day)[:8], *args)


def test_a_resolved_promise_cannot_be_edited_or_renegotiated(day: Cli) -> None:
    pid = only_promise(day)[:8]
    day.run("promise", pid, "kept")
    assert "reopen it to edit it" in day.fails("promise", pid, "edit", "--text", "again")
    assert "only an open promise" in day.fails("promise", pid, "renegotiated", "--due", "+9d")


def test_deleting_asks_on_a_terminal_and_undo_brings_it_back(
    day: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    import coach.cli_support
    from coach.cli import main

    before = snapshot(day.home / "journal")
    pid = only_promise(day)
    monkeypatch.setattr(coach.cli_support, "stdin_is_terminal", lambda: True)
    refused = day.runner.invoke(
        main, ["promise", pid[:8], "delete"], input="n\n", catch_exceptions=False
    )
    assert refused.exit_code == 2 and refused.stderr == "coach: nothing deleted\n"
    asked = day.runner.invoke(main, ["delete", "today"], input="y\n")
    assert asked.exit_code == 0, asked.output
    assert "Delete Mon 23 Nov 2026: its intent, 1 ask, your writing, 1 promise? [y/N]" in (
        asked.output
    )
    assert day.run("show", "--json").stdout.count('"entry": null') == 1
    assert day.run("undo").stdout.startswith("Undid: deleted Mon 23 Nov 2026")
    after = snapshot(day.home / "journal")
    assert {k: v for k, v in after.items() if "history" not in k} == {
        k: v for k, v in before.items() if "history" not in k
    }


def test_undo_walks_back_through_the_history(day: Cli) -> None:
    pid = only_promise(day)[:8]
    day.run("checkin", "--date", "yesterday", "--intent", "Earlier")
    day.run("promise", pid, "kept", "--note", "sent")
    day.run("delete", YESTERDAY.isoformat(), "--yes")
    lines = day.run("history").stdout.splitlines()
    assert [line[17:] for line in lines] == [
        "deleted Sun 22 Nov 2026 (its intent)",
        f"promise {pid} kept: send the deck",
        "check-in on Sun 22 Nov 2026",
        "check-in on Mon 23 Nov 2026",
    ]
    assert len(day.run("history", "-n", "2").stdout.splitlines()) == 2
    assert day.run("undo").stdout.startswith("Undid: deleted Sun 22 Nov 2026")
    assert day.run("undo").stdout.startswith(f"Undid: promise {pid} kept")
    assert json.loads(day.run("promises", "--json").stdout)[0]["status"] == "open"
    records = json.loads(day.run("history", "--json").stdout)
    assert [r["undone"] is not None for r in records] == [True, True, False, False]
    assert records[0]["entries_before"][0]["intent"] == "Earlier"


def test_nothing_to_undo_and_nothing_to_delete_are_one_line(cli: Cli) -> None:
    assert cli.fails("undo") == "coach: nothing to undo: no change is left in the history"
    assert cli.fails("delete", "today", "--yes") == "coach: nothing to delete on Mon 23 Nov 2026"
    assert "is not a date" in cli.fails("delete", "someday", "--yes")


def test_purging_the_history_forgets_deleted_text_for_good(day: Cli) -> None:
    day.run("checkin", "--date", "yesterday", "--reflection", "CANARY-77 a private thought")
    day.run("delete", "yesterday", "--yes")
    assert any(b"CANARY-77" in p.read_bytes() for p in day.home.rglob("*") if p.is_file())
    assert "no terminal to ask on" in day.fails("history", "--purge")
    said = day.run("history", "--purge", "--yes").stdout
    assert said == "Forgot 3 changes; their text is gone from the disk.\n"
    assert not any(b"CANARY-77" in p.read_bytes() for p in day.home.rglob("*") if p.is_file())
    assert day.run("history").stderr == "No changes yet.\n"


def test_coach_with_date_opens_that_days_check_in(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    from coach.app import CoachApp

    opened: list[object] = []
    monkeypatch.setattr(CoachApp, "run", lambda self: opened.append(self.checkin.day))
    cli.run("--date", "yesterday")
    assert opened == [YESTERDAY]
    assert "is not a date" in cli.fails("--date", "someday")
    assert "give it after the command" in cli.fails("--date", "today", "show")
