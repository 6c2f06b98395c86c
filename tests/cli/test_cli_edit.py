"""`coach edit`: a whole day in the person's editor (here a small script standing in for one),
stored when it reads well; what they typed is never lost."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from tests.cli.helpers import Cli, snapshot
from tests.conftest import DAY

EDITOR = """
import json, sys
from pathlib import Path
steps = Path(sys.argv[1])
path = Path(sys.argv[2])
todo = json.loads(steps.read_text())
step = todo.pop(0)
steps.write_text(json.dumps(todo))
if "python" in step:  # something else changes the journal while the editor is open
    exec(step["python"])
text = path.read_text()
for old, new in step.get("replace", []):
    assert old in text, old
    text = text.replace(old, new)
if "write" in step:
    text = step["write"]
path.write_text(text)
sys.exit(step.get("exit", 0))
"""


@pytest.fixture
def editor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """$EDITOR as a script that applies the next of the steps written to the returned file."""
    script = tmp_path / "editor.py"
    script.write_text(EDITOR)
    steps = tmp_path / "steps.json"
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script} {steps}")
    monkeypatch.delenv("VISUAL", raising=False)
    return steps


def plan(steps: Path, *todo: dict[str, object]) -> None:
    steps.write_text(json.dumps(list(todo)))


@pytest.fixture
def day(cli: Cli) -> Cli:
    cli.run(
        "checkin", "--intent", "Hear Ana out", "--ask", "Ana: a second look",
        "--promise", "commitment: send the deck @Ana due:+2d", "--rate", "self=4",
    )  # fmt: skip
    return cli


def recovery(cli: Cli) -> Path:
    return cli.home / "recovery" / f"edit-{DAY.isoformat()}.txt"


def test_a_good_edit_is_stored_and_can_be_undone(day: Cli, editor: Path) -> None:
    plan(
        editor,
        {
            "replace": [
                ("## Reflection\n", "## Reflection\nI asked first.\n\nThen I listened.\n"),
                ("self-orientation: 4", "self-orientation: 3"),
                ("a second look [open]", "a second look [done]"),
                ("send the deck", "send the revised deck"),
            ]
        },
    )
    said = day.run("edit").stdout
    assert said == "Saved Mon 23 Nov 2026. `coach undo` takes it back.\n"
    shown = json.loads(day.run("show", "--json").stdout)
    entry = shown["entry"]
    assert entry["reflection"] == "I asked first.\n\nThen I listened."
    assert entry["ratings"]["self_orientation"] == 3
    assert entry["help"][0]["done"] is True
    assert shown["promises"][0]["text"] == "send the revised deck"
    assert not recovery(day).exists()
    assert day.run("undo").stdout.startswith("Undid: edited Mon 23 Nov 2026")
    assert json.loads(day.run("show", "--json").stdout)["entry"]["reflection"] == ""


def test_an_invalid_edit_is_kept_and_carried_on_with(day: Cli, editor: Path) -> None:
    before = snapshot(day.home / "journal")
    plan(editor, {"replace": [("credibility:", "credibility: 11")]})
    result = day.run("edit", code=2)
    lines = result.stderr.splitlines()
    assert lines[0].startswith("coach: line ")
    assert "(Ratings)" in lines[0] and "11" in lines[0]
    assert lines[1] == (
        f"coach: Mon 23 Nov 2026 is unchanged; your text is kept in {recovery(day)}"
    )
    assert snapshot(day.home / "journal") == before
    assert "credibility: 11" in recovery(day).read_text()
    plan(editor, {"replace": [("credibility: 11", "credibility: 8")]})
    said = day.run("edit").stdout.splitlines()
    assert said == [
        f"Carrying on with the edit kept in {recovery(day)}.",
        "Saved Mon 23 Nov 2026. `coach undo` takes it back.",
    ]
    shown = json.loads(day.run("show", "--json").stdout)["entry"]
    assert shown["ratings"]["credibility"] == 8
    assert not recovery(day).exists()


def test_on_a_terminal_an_invalid_edit_is_offered_again(
    day: Cli, editor: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import coach.cli_support
    from coach.cli import main

    monkeypatch.setattr(coach.cli_support, "stdin_is_terminal", lambda: True)
    plan(
        editor,
        {"replace": [("- commitment:", "- comit:")]},
        {"replace": [("- comit:", "- best effort:")]},
    )
    result = day.runner.invoke(main, ["edit"], input="e\n")
    assert result.exit_code == 0, result.output
    assert "unknown promise kind 'comit'" in result.stderr
    promise = json.loads(day.run("show", "--json").stdout)["promises"][0]
    assert promise["kind"] == "best_effort"


def test_an_editor_that_fails_stores_nothing_and_keeps_the_text(day: Cli, editor: Path) -> None:
    before = snapshot(day.home / "journal")
    plan(editor, {"replace": [("Hear Ana out", "Hear Ana out fully")], "exit": 3})
    line = day.run("edit", code=2).stderr.strip()
    assert line == (
        "coach: the editor exited with status 3, so nothing was stored; "
        f"your text is kept in {recovery(day)}"
    )
    assert snapshot(day.home / "journal") == before
    assert "Hear Ana out fully" in recovery(day).read_text()


def test_emptying_the_file_changes_nothing(day: Cli, editor: Path) -> None:
    before = snapshot(day.home / "journal")
    plan(editor, {"write": "\n\n"})
    assert day.run("edit").stdout == "The file was emptied, so Mon 23 Nov 2026 is unchanged.\n"
    assert snapshot(day.home / "journal") == before
    assert not recovery(day).exists()


def test_an_unchanged_file_says_so(day: Cli, editor: Path) -> None:
    plan(editor, {})
    assert day.run("edit").stdout == "Nothing changed on Mon 23 Nov 2026.\n"


def test_a_day_with_nothing_yet_can_be_written_whole(cli: Cli, editor: Path) -> None:
    plan(
        editor,
        {
            "replace": [
                ("## Intent\n", "## Intent\nAsk Bo first\n"),
                ("## Tags\n", "## Tags\nwork, star\n"),
            ]
        },
    )
    cli.run("edit", "yesterday")
    (entry,) = json.loads(cli.run("list", "--json").stdout)
    assert (entry["date"], entry["intent"], entry["tags"]) == (
        "2026-11-22",
        "Ask Bo first",
        ["work", "star"],
    )


def test_without_an_editor_one_line_says_how_to_set_one(
    day: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("EDITOR", raising=False)
    monkeypatch.delenv("VISUAL", raising=False)
    assert day.fails("edit") == (
        "coach: no editor is set: set VISUAL or EDITOR (for example `export EDITOR=nano`) "
        "and try again"
    )


CHANGE_MEANWHILE = """
import datetime as dt
from journal.app.home import Home
Home(Path(path).parents[1]).journal.rate(dt.date(2026, 11, 23), {"credibility": 9})
"""


def test_a_day_changed_while_it_was_edited_is_not_overwritten(day: Cli, editor: Path) -> None:
    plan(editor, {"python": CHANGE_MEANWHILE, "replace": [("Hear Ana out", "Hear Ana")]})
    result = day.run("edit", code=2)
    assert result.stderr.strip() == (
        "coach: Mon 23 Nov 2026 changed while you were editing it; your text is kept in "
        f"{recovery(day)}: `coach edit` again to start from the day as it is now"
    )
    entry = json.loads(day.run("show", "--json").stdout)["entry"]
    assert (entry["intent"], entry["ratings"]["credibility"]) == ("Hear Ana out", 9)


def test_a_kept_file_nobody_typed_into_starts_afresh(day: Cli, editor: Path) -> None:
    plan(editor, {"exit": 1})
    day.run("edit", code=2)  # the editor failed: the untouched text is kept
    day.run("checkin", "--reflection", "Added since")
    plan(editor, {})
    said = day.run("edit").stdout
    assert said == "Nothing changed on Mon 23 Nov 2026.\n"  # not "carrying on", nothing lost
    assert json.loads(day.run("show", "--json").stdout)["entry"]["reflection"] == "Added since"


def test_an_unchanged_edit_of_an_empty_day_leaves_no_trace(cli: Cli, editor: Path) -> None:
    plan(editor, {})
    assert cli.run("edit").stdout == "Nothing changed on Mon 23 Nov 2026.\n"
    assert not cli.home.exists() or not any(cli.home.rglob("*"))
