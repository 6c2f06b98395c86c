"""Tab completion: the scripts `coach completion SHELL` prints, what a TAB offers, and the real
`coach` answering the shell instead of opening the app."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.shell_completion import BashComplete

from coach.cli import main
from journal.app.home import Home
from tests.cli.helpers import Cli, snapshot

SCRIPT = Path(sys.executable).parent / ("coach.exe" if os.name == "nt" else "coach")
MODULE = [sys.executable, "-m", "coach"]


def installed() -> list[str]:
    if not SCRIPT.exists():
        pytest.skip(f"no installed entry point at {SCRIPT}")
    return [str(SCRIPT)]


def complete(
    via: list[str], words: str, cword: int, home: Path, shell: str = "bash"
) -> subprocess.CompletedProcess[str]:
    """What the shell's completion function does at a TAB: run bare `coach` with the words
    typed so far in the environment."""
    env = {
        **os.environ,
        "COACH_HOME": str(home),
        "_COACH_COMPLETE": f"{shell}_complete",
        "COMP_WORDS": words,
        "COMP_CWORD": str(cword),
    }
    return subprocess.run(
        via,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=30,
        check=False,
    )


def offered(*args: str, incomplete: str = "") -> dict[str, str | None]:
    """In-process: what a TAB after ``args`` offers, each value with its help."""
    completer = BashComplete(main, {}, "coach", "_COACH_COMPLETE")
    return {item.value: item.help for item in completer.get_completions(list(args), incomplete)}


# ----- the scripts ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("shell", "wanted"),
    [
        (
            "bash",
            [
                "_coach_completion() {",
                "_COACH_COMPLETE=bash_complete $1)",
                "complete -o nosort -F _coach_completion coach\n",
            ],
        ),
        (
            "zsh",
            [
                "#compdef coach\n",
                "_COACH_COMPLETE=zsh_complete coach)",
                "compdef _coach_completion coach\n",
            ],
        ),
        (
            "fish",
            [
                "function _coach_completion;",
                "env _COACH_COMPLETE=fish_complete",
                'complete --no-files --command coach --arguments "(_coach_completion)";\n',
            ],
        ),
    ],
)
def test_completion_prints_the_script_for_each_shell(
    cli: Cli, shell: str, wanted: list[str]
) -> None:
    script = cli.run("completion", shell).stdout
    for text in wanted:
        assert text in script
    assert not cli.home.exists()


def test_an_unknown_shell_gets_one_line(cli: Cli) -> None:
    line = cli.fails("completion", "tcsh")
    assert line == "coach: no completion script for 'tcsh': choose bash, zsh or fish"


def test_the_script_is_what_click_itself_would_print(cli: Cli, isolated_home: Path) -> None:
    """So click's documented recipe (`_COACH_COMPLETE=bash_source coach`) and ours agree."""
    printed = cli.run("completion", "bash").stdout
    sourced = subprocess.run(
        installed(),
        env={**os.environ, "_COACH_COMPLETE": "bash_source"},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert (sourced.returncode, sourced.stdout) == (0, printed)


# ----- what a TAB offers ------------------------------------------------------------------


def test_commands_and_their_choices_complete(cli: Cli) -> None:
    assert list(offered(incomplete="pro")) == ["promise", "promises", "prompts"]
    assert list(offered("completion")) == ["bash", "zsh", "fish"]
    assert "renegotiated" in offered("promise", "3f9c1a2b")


def test_promise_offers_open_promise_ids_with_their_words(seeded: Cli) -> None:
    kept = seeded.promise("--promise", "best: water the plants")
    seeded.run("promise", kept.short_id, "kept")
    (open_one,) = seeded.service().open_promises()
    before = snapshot(seeded.home)

    assert offered("promise") == {open_one.short_id: "seeded promise"}
    assert offered("promise", incomplete=open_one.short_id[:3].upper()) == {
        open_one.short_id: "seeded promise"
    }
    assert offered("promise", incomplete="zzzz") == {}
    assert snapshot(seeded.home) == before


def test_promise_ids_come_from_the_home_given(seeded: Cli, tmp_path: Path) -> None:
    other = tmp_path / "other"
    seeded.run("--home", str(other), "checkin", "--promise", "commitment: call Ben")
    (made,) = Home(other).journal.open_promises()
    assert offered("--home", str(other), "promise") == {made.short_id: "call Ben"}


def test_an_unreadable_journal_offers_nothing_and_stays_as_it_was(
    seeded: Cli, tmp_path: Path
) -> None:
    (damaged,) = (seeded.home / "journal").glob("promises-*.json")
    damaged.write_text("{ not json")
    before = snapshot(seeded.home)
    assert offered("promise") == {}
    assert snapshot(seeded.home) == before

    missing = tmp_path / "nobody-here"
    assert offered("--home", str(missing), "promise") == {}
    assert not missing.exists()


# ----- the real `coach` ---------------------------------------------------------------------


@pytest.mark.parametrize("how", ["script", "module"])
def test_bare_coach_answers_the_shell_instead_of_opening_the_app(
    isolated_home: Path, how: str
) -> None:
    """The shell runs bare `coach` at a TAB: the fast path to the app must let click answer."""
    via = installed() if how == "script" else MODULE
    done = complete(via, "coach che", 1, isolated_home)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.splitlines() == ["plain,checkin"]
    assert not isolated_home.exists()


def test_the_real_coach_completes_a_promise_id(cli: Cli) -> None:
    made = cli.promise("--promise", "commitment: x")
    done = complete(installed(), "coach promise ", 2, cli.home, shell="zsh")
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.splitlines() == ["plain", made.short_id, "x"]
