"""`coach doctor` on a healthy demo journal, and on each problem planted in it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli.helpers import Cli, snapshot
from tests.disk_faults import failing

HEALTHY = 0
PROBLEMS = 1


@pytest.fixture
def demo(cli: Cli) -> Cli:
    cli.run("demo", "--years", "2", "--seed", "3")
    cli.run("settings", "--no-streak")
    cli.run("keys", "init", "--name", "Noor")
    cli.run("checkin", "--date", "yesterday", "--reflection", "kept in the history")
    return cli


def entries(home: Path) -> Path:
    return sorted((home / "journal").glob("entries-*.json"))[-1]


def replace_in(path: Path, old: bytes, new: bytes) -> None:
    raw = path.read_bytes()
    assert old in raw
    path.write_bytes(raw.replace(old, new, 1))


def test_a_healthy_demo_journal_is_all_well(demo: Cli) -> None:
    out = demo.run("doctor", code=HEALTHY).stdout
    assert out.startswith("Checked ") and out.endswith(f"in {demo.home}: all is well.\n")
    assert int(out.split()[1]) >= 8, out  # years of days and promises, history, settings, keys


Plant = Callable[[Path], Path]


def not_json(home: Path) -> Path:
    path = entries(home)
    path.write_bytes(path.read_bytes()[:-3])
    return path


def not_utf8(home: Path) -> Path:
    path = entries(home)
    replace_in(path, b'"intent":"', b'"intent":"\xff')
    return path


def invalid_record(home: Path) -> Path:
    path = sorted((home / "journal").glob("promises-*.json"))[-1]
    replace_in(path, b'"kind":"', b'"kind":"a vow')
    return path


def damaged_history(home: Path) -> Path:
    path = sorted((home / "journal" / "history").iterdir())[-1]
    path.write_text("{}")
    return path


def damaged_settings(home: Path) -> Path:
    path = home / "settings.json"
    path.write_text('{"show_streak": "sometimes"}')
    return path


def damaged_keys(home: Path) -> Path:
    path = home / "keys" / "identity.json"
    path.write_text("[]")
    return path


def link_to_nothing(home: Path) -> Path:
    path = home / "journal" / "entries-1999.json"
    path.symlink_to(home / "gone.json")
    return path


@pytest.mark.parametrize(
    ("plant", "said"),
    [
        (not_json, "is not valid JSON"),
        (not_utf8, "holds bytes that are not UTF-8 text"),
        (invalid_record, "kind: invalid enum value"),
        (damaged_history, "object missing required field"),
        (damaged_settings, "show_streak: expected bool, got str"),
        (damaged_keys, "expected object, got array"),
        (link_to_nothing, "a link to"),
    ],
    ids=lambda v: getattr(v, "__name__", ""),
)
def test_each_damaged_file_is_one_line_naming_it(demo: Cli, plant: Plant, said: str) -> None:
    path = plant(demo.home)
    before = snapshot(demo.home)
    out = demo.run("doctor", code=PROBLEMS).stdout.splitlines()
    assert len(out) == 2, out
    assert out[0].startswith(f"{path}: ") and said in out[0], out[0]
    assert "--repair" not in out[0], "only the person can mend a damaged file"
    assert out[1].endswith(": 1 problem.")
    demo.run("doctor", "--repair", code=PROBLEMS)
    assert snapshot(demo.home) == before, "a repair never touches a damaged file"


def test_repair_finishes_an_interrupted_change_removes_temp_files_and_makes_files_private(
    demo: Cli,
) -> None:
    with failing(lambda step, path: step == "rename" and path.name.startswith("promises-")):
        demo.run("checkin", "--intent", "half way", "--promise", "commitment: the rest", code=2)
    temp = demo.home / "journal" / ".entries-2026.json.999999.tmp"
    temp.write_bytes(b"half a file")
    (demo.home / "settings.json").chmod(0o644)
    demo.home.chmod(0o755)

    out = demo.run("doctor", code=PROBLEMS).stdout
    mark = demo.home / "journal" / "history" / ".unfinished"  # the check-in's record stands for it
    assert f"{mark}: a change that was decided and not finished" in out
    assert f"{temp}: a temp file a crash left behind (coach doctor --repair: removed)" in out
    assert f"{demo.home / 'settings.json'}: others may read it (0644)" in out
    assert f"{demo.home}: others may read it (0755)" in out
    assert out.endswith(": 4 problems.\n")

    repaired = demo.run("doctor", "--repair", code=HEALTHY).stdout.splitlines()
    assert repaired[:4] == [
        f"{demo.home}: made private (0700)",
        f"{demo.home / 'settings.json'}: made private (0600)",
        f"{temp}: removed",
        f"{mark}: finished it",
    ]
    assert repaired[-1].endswith("all is well.")
    shown = demo.run("show", "--json").stdout
    assert "half way" in shown and "the rest" in shown, "the change was finished, not dropped"
