"""Files Coach cannot use are refused in one line that names them, and nothing is rewritten:
a journal file that is not UTF-8, a link to a file that is gone, a home where nothing can be
written. And what Coach does write is readable by the person alone."""

from __future__ import annotations

import errno
import stat
from pathlib import Path

import pytest

from tests.cli.helpers import Cli
from tests.disk_faults import failing

WRITING = [
    ("checkin", "--intent", "a new intent"),
    ("settings", "--no-streak"),
    ("delete", "2026-11-20", "--yes"),
    ("undo",),
    ("keys", "init", "--name", "Noor"),
    ("checkin", "--date", "2025-03-01", "--intent", "a day in a year with no file yet"),
]


@pytest.mark.parametrize("args", WRITING, ids=lambda a: " ".join(a[:2]))
@pytest.mark.parametrize("code", [errno.EACCES, errno.EROFS, errno.ENOSPC])
def test_a_home_that_cannot_be_written_is_one_line(
    seeded: Cli, args: tuple[str, ...], code: int
) -> None:
    with failing(lambda step, path: True, code):
        said = seeded.fails(*args)
    assert "nothing was saved" in said, said


def test_a_promise_outcome_on_a_read_only_home(seeded: Cli) -> None:
    (promise,) = seeded.service().open_promises()
    with failing(lambda step, path: True, errno.EROFS):
        said = seeded.fails("promise", promise.short_id, "kept")
    assert "Read-only file system; nothing was saved" in said


def test_an_export_that_cannot_be_written_names_the_file(seeded: Cli, tmp_path: Path) -> None:
    target = tmp_path / "summary.md"
    with failing(lambda step, path: True, errno.ENOSPC):
        said = seeded.fails("export", "--format", "md", "-o", str(target))
    assert str(target) in said and "No space left" in said
    assert not target.exists()


def year_file(cli: Cli, year: int = 2026) -> Path:
    return cli.home / "journal" / f"entries-{year}.json"


@pytest.mark.parametrize(
    "args",
    [("list",), ("show", "2026-11-20"), ("stats",), ("checkin", "--intent", "x")],
    ids=lambda a: a[0],
)
def test_a_journal_file_that_is_not_utf8_is_named_not_a_traceback(
    seeded: Cli, args: tuple[str, ...]
) -> None:
    path = year_file(seeded)
    path.write_bytes(path.read_bytes().replace(b"Earlier day", b"Earlier d\xffy"))
    said = seeded.fails(*args)
    assert said == f"coach: {path} holds bytes that are not UTF-8 text; Coach left it untouched"


@pytest.mark.parametrize(
    "args", [("list",), ("show", "2026-11-20"), ("checkin", "--intent", "x")], ids=lambda a: a[0]
)
def test_a_journal_file_linked_to_nothing_is_refused_and_the_link_kept(
    seeded: Cli, tmp_path: Path, args: tuple[str, ...]
) -> None:
    path = year_file(seeded)
    path.unlink()
    path.symlink_to(tmp_path / "gone.json")
    said = seeded.fails(*args)
    assert f"{path} is a link to {tmp_path / 'gone.json'}, which is missing" in said
    assert path.is_symlink()


def test_a_journal_file_kept_elsewhere_through_a_link_stays_there(
    seeded: Cli, tmp_path: Path
) -> None:
    path = year_file(seeded)
    elsewhere = tmp_path / "synced" / "entries-2026.json"
    elsewhere.parent.mkdir()
    path.rename(elsewhere)
    path.symlink_to(elsewhere)
    seeded.run("checkin", "--intent", "written through the link")
    assert path.is_symlink() and b"written through the link" in elsewhere.read_bytes()
    seeded.run("checkin", "--intent", "x", "--promise", "commitment: one more")  # two files
    assert path.is_symlink() and b'"x"' in elsewhere.read_bytes()


def test_everything_coach_writes_is_private_to_the_person(cli: Cli, tmp_path: Path) -> None:
    cli.run("checkin", "--intent", "private thoughts", "--promise", "commitment: one")
    cli.run("settings", "--no-streak")
    cli.run("keys", "init", "--name", "Noor")
    backup = tmp_path / "backup.json"
    cli.run("export", "--format", "json", "-o", str(backup))
    cli.run("import", str(backup))
    found = [cli.home, *cli.home.rglob("*")]
    assert len(found) > 8
    for path in found:
        mode = stat.S_IMODE(path.stat().st_mode)
        wanted = 0o700 if path.is_dir() else 0o600
        assert mode == wanted, f"{path.relative_to(cli.home.parent)}: {oct(mode)}"


def test_nothing_is_left_half_done_on_disk(seeded: Cli) -> None:
    """After a change, no commit file, no mark of an unfinished change and no temp file
    stays behind."""
    seeded.run("checkin", "--intent", "x", "--promise", "best_effort: two files at once")
    journal = seeded.home / "journal"
    left = [p.name for p in [*journal.iterdir(), *(journal / "history").iterdir()]]
    assert not [n for n in left if n.startswith(".") and n != ".lock"], left


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("import", "/dev/zero"), "/dev/zero is larger than 256 MB, more than any Coach backup"),
        (("prompts", "check", "/dev/zero"), "/dev/zero: too large: a pack holds at most"),
    ],
    ids=["import", "prompts check"],
)
def test_an_endless_input_file_is_refused_by_its_size(
    seeded: Cli, args: tuple[str, ...], said: str
) -> None:
    assert said in seeded.fails(*args)
