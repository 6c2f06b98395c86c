"""Refuse, don't rewrite, don't crash: input that is not what it looks like (stray bytes,
other scripts' digits, a bare @, a year 1 or 3000, an empty file name) and click's own usage
errors each get one line naming the argument, exit status 2, and the journal byte for byte."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from coach.entry import bare_home
from tests.cli.helpers import EXIT_BAD_INPUT, Cli, snapshot

NOT_UTF8 = "is not valid UTF-8"

REFUSED: list[tuple[list[str], str]] = [
    # (arguments, what the one line must say). Python keeps bytes that are not UTF-8 in
    # sys.argv as lone surrogates: "\udcff" is what a raw 0xff byte becomes.
    (["checkin", "--intent", "\udcff"], f"--intent '\\xff' {NOT_UTF8}"),
    (["checkin", "--intent=ok\udce9"], f"--intent 'ok\\xe9' {NOT_UTF8}"),
    (["checkin", "--promise", "c: send \udcff"], f"--promise 'c: send \\xff' {NOT_UTF8}"),
    (["checkin", "--intent", "fine", "--tag", "\udcff"], f"--tag '\\xff' {NOT_UTF8}"),
    (["show", "\udcff"], f"DAY '\\xff' {NOT_UTF8}"),
    (["export", "--format", "md", "-o", "out\udcff.md"], f"-o 'out\\xff.md' {NOT_UTF8}"),
    (["--home", "/tmp/\udcff", "list"], f"--home '/tmp/\\xff' {NOT_UTF8}"),
    (["checkin", "--in\udcfftent", "x"], f"'--in\\xfftent' {NOT_UTF8}"),
    # Digits of other scripts: int() and \d take them; a rating or a date does not.
    (["checkin", "--rate", "self=\u0663"], "'\u0663' is not a whole number from 0 to 10: write"),
    (["checkin", "--rate", "credibility=\uff17"], "is not a whole number from 0 to 10: write"),
    (["checkin", "--rate", "credibility=1_0"], "'1_0' is not a whole number"),
    (["checkin", "--promise", "c: x due:+\u0663d"], "due date '+\u0663d' is not a date"),
    (["checkin", "--date", "\u0662\u0660\u0662\u0666-11-20", "--intent", "x"], "is not a date"),
    (["show", "\u0662\u0660\u0662\u0666-11-20"], "DAY '\u0662\u0660\u0662\u0666-11-20'"),
    (["checkin", "--rate", "self=" + "9" * 5000], "is too long: give at most 20 digits"),
    # Integer options: click's own INT reads them with int(), which takes the same digits.
    (["demo", "--years", "\u0663"], "--years '\u0663' is not a whole number: write it with"),
    (["demo", "--seed", "\uff17"], "--seed '\uff17' is not a whole number: write it with"),
    (["demo", "--clients", "\u0663"], "--clients '\u0663' is not a whole number: write"),
    (["demo", "--years", "1_0"], "--years '1_0' is not a whole number"),
    (["demo", "--seed", ""], "--seed '' is not a whole number"),
    (["demo", "--seed", "9" * 5000], "is too long: give at most 20 digits"),
    (["history", "-n", "\u0663"], "-n '\u0663' is not a whole number of at least 1: write"),
    (["history", "-n", "0"], "-n 0 is less than 1"),
    # A person marker with nobody after it.
    (["checkin", "--promise", "commitment: x @"], "promise 'commitment: x @': @ needs a name"),
    (["checkin", "--promise", "commitment: x @ "], "@ needs a name"),
    (["checkin", "--promise", "commitment: x @ due:+2d"], "@ needs a name"),
    (["checkin", "--promise", "commitment: x @_"], "@ needs a name"),
    # Dates outside 1900-2999, typed or reached by an offset.
    (["checkin", "--date", "0001-01-01", "--intent", "x"], "--date '0001-01-01' is out of range"),
    (["checkin", "--promise", "c: x due:9999-12-31"], "due date '9999-12-31' is out of range"),
    (["show", "3000-01-01"], "DAY '3000-01-01' is out of range: give a date from 1900 to 2999"),
    (["show", "--", "-2000y"], "'-2000y' is out of range"),
    (["show", "--", "-9999y"], "'-9999y' is out of range"),
    (["list", "--from", "1899-12-31"], "--from '1899-12-31' is out of range"),
    (["--date", "0001-01-01"], "--date '0001-01-01' is out of range"),
    # Empty file and folder names: they would mean the current folder, or the default home.
    (["export", "--format", "md", "-o", ""], "-o is empty: give a file name"),
    (["share", "-o", ""], "-o is empty: give a file name"),
    (["prompts", "check", ""], "FILE is empty: give a file name"),
    (["--home", "", "checkin", "--intent", "x"], "--home is empty: give a folder"),
    (["--home=", "list"], "--home is empty: give a folder"),
    (["--home", ""], "--home is empty: give a folder"),
    # click's usage errors, in one line with where to read more.
    (["checkin", "--intnet", "x"], "No such option '--intnet'. Did you mean '--intent'?"),
    (["frobnicate"], "No such command 'frobnicate' (see "),
    (["export", "--format", "docx"], "Invalid value for '--format'"),
    (["promise"], "Missing argument 'PROMISE_ID' (see "),
    (["show", "2026-11-20", "extra"], "Got unexpected extra argument (extra)"),
    (["--hom", "x"], "No such option '--hom'"),
]


@pytest.mark.parametrize(("args", "says"), REFUSED, ids=[" ".join(a) for a, _ in REFUSED])
def test_refused_in_one_line_with_the_journal_unchanged(
    seeded: Cli, args: list[str], says: str
) -> None:
    assert says in seeded.fails(*args)


@pytest.mark.parametrize(
    ("args", "help_for"),
    [(["checkin", "--intnet", "x"], " checkin"), (["frobnicate"], ""), (["promise"], " promise")],
)
def test_a_usage_error_says_where_to_read_more(cli: Cli, args: list[str], help_for: str) -> None:
    """The same hint click puts under its usage block (the program's name is click's own)."""
    line = cli.fails(*args)
    assert line.endswith(f"{help_for} --help)"), line
    assert not cli.home.exists()


def test_a_due_date_out_of_range_is_refused_when_correcting(seeded: Cli) -> None:
    (made,) = seeded.service().all_promises()
    line = seeded.fails("promise", made.short_id, "edit", "--due", "1800-01-01")
    assert "--due '1800-01-01' is out of range" in line


@pytest.mark.parametrize("args", [["checkin", "--intent", "x"], []], ids=["checkin", "bare"])
def test_a_home_from_the_environment_that_is_not_utf8(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    """Bare `coach` too: the app never opens on a home nothing could name."""
    monkeypatch.setenv("COACH_HOME", f"{tmp_path}/\udcff")
    line = cli.fails(*args)
    assert f"$COACH_HOME '{tmp_path}/\\xff' {NOT_UTF8}" in line
    assert not Path(f"{tmp_path}/\udcff").exists()


@pytest.mark.parametrize(
    "args",
    [
        ["list", "--contains", ""],  # an empty word that is not a file name is left alone
        ["show", "--", "2026-11-20"],
        ["checkin", "--intent", "x", "--rate", "credibility= 7 ", "--rate", "self=+3"],
        ["checkin", "--promise", "c: mail ana@example.com @Ana due:2999-12-31"],
        ["history", "-n", " 007 "],
    ],
)
def test_what_is_still_fine(seeded: Cli, args: list[str]) -> None:
    seeded.run(*args)


@pytest.mark.parametrize("args", [["checkin", "--help"], ["checkin", "-h"], ["--help"]])
def test_help_is_not_a_refusal(cli: Cli, args: list[str]) -> None:
    assert cli.run(*args).stdout.startswith("Usage: ")


def test_a_group_without_its_command_still_shows_its_help(cli: Cli) -> None:
    result = cli.run("prompts", code=EXIT_BAD_INPUT)
    assert "Usage: " in result.stderr and "check" in result.stderr


@pytest.mark.parametrize("args", [["--home", ""], ["--home="], ["--home", "/tmp/\udcff"]])
def test_bare_coach_leaves_an_odd_home_to_the_command_line(args: list[str]) -> None:
    """Not the app's fast path: click refuses these with the line any command would get."""
    assert bare_home(args) == (False, None)


def test_bare_coach_leaves_an_odd_home_from_the_environment_to_the_command_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COACH_HOME", "/tmp/\udcff")
    assert bare_home([]) == (False, None)
    assert bare_home(["--home", "/tmp/fine"]) == (True, "/tmp/fine")  # --home wins


def run_coach(
    *args: str | bytes, env: dict[bytes, bytes] | None = None
) -> subprocess.CompletedProcess[bytes]:
    """The real thing, with real bytes in argv: what a shell hands over for $'\\xff'."""
    return subprocess.run(
        [sys.executable, "-m", "coach", *args],
        capture_output=True,
        stdin=subprocess.DEVNULL,
        env=env,
        timeout=60,
        check=False,
    )


@pytest.mark.skipif(os.name == "nt", reason="Windows passes arguments as text, not bytes")
@pytest.mark.parametrize(
    ("args", "says"),
    [
        ([b"checkin", b"--intent", b"\xff"], b"--intent '\\xff' is not valid UTF-8"),
        ([b"checkin", b"--rate", "self=\u0663".encode()], b"is not a whole number"),
    ],
    ids=["intent", "rating"],
)
def test_real_bytes_in_argv(seeded: Cli, args: list[bytes], says: bytes) -> None:
    before = snapshot(seeded.home)
    done = run_coach(b"--home", bytes(seeded.home), *args)
    assert (done.returncode, done.stdout) == (EXIT_BAD_INPUT, b"")
    assert done.stderr.startswith(b"coach: ") and done.stderr.count(b"\n") == 1, done.stderr
    assert says in done.stderr
    assert snapshot(seeded.home) == before


@pytest.mark.skipif(os.name == "nt", reason="Windows passes arguments as text, not bytes")
def test_bare_coach_with_a_home_that_is_not_utf8_does_not_open_the_app(tmp_path: Path) -> None:
    home = bytes(tmp_path) + b"/\xff"
    done = run_coach(b"--home", home)
    assert (done.returncode, done.stdout) == (EXIT_BAD_INPUT, b"")
    assert done.stderr == b"coach: --home '" + bytes(tmp_path) + b"/\\xff' is not valid UTF-8: " + (
        b"set your terminal or script to UTF-8 and give it again\n"
    )
    assert os.listdir(tmp_path) == []


@pytest.mark.skipif(os.name == "nt", reason="Windows keeps the environment as text, not bytes")
def test_bare_coach_with_a_home_from_the_environment_that_is_not_utf8(tmp_path: Path) -> None:
    home = bytes(tmp_path) + b"/\xff"
    done = run_coach(env={**os.environb, b"COACH_HOME": home})
    assert (done.returncode, done.stdout) == (EXIT_BAD_INPUT, b"")
    assert done.stderr == b"coach: $COACH_HOME '" + bytes(tmp_path) + b"/\\xff' " + (
        b"is not valid UTF-8: set your terminal or script to UTF-8 and give it again\n"
    )
    assert os.listdir(tmp_path) == []
