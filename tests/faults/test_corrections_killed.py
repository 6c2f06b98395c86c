"""Edits, deletes and undos killed (kill -9) before each file they write, in turn: the journal
then opens holding exactly the old state or exactly the new one, never half of each."""

from __future__ import annotations

import shutil
import signal
from pathlib import Path

import msgspec
import pytest

from journal.app.home import Home
from tests.faults.fault_child import CORRECTED_DAY, run_correction
from tests.faults.fault_helpers import start_child

WRITES = {"edit": 4, "delete": 4, "undo": 4, "typing": 4}
"""Files each correction writes. An edit, a delete or an undo changes two files: its history
record first (for undo, the record marked undone), then the mark (a link to it) that makes the
record stand for the change (journal/store/change_mark.py), the day's entries file and its
promises file.
Typing saves one file twice: each time its history record (the second folded into the first),
then the entries file."""


def seed(home: Path) -> None:
    j = Home(home).journal
    j.set_intent(CORRECTED_DAY, "Hear Ana out")
    j.add_promise(CORRECTED_DAY, "send the deck", "commitment", "Ana")
    j.add_promise(CORRECTED_DAY, "book the room", "best_effort")
    j.set_text(CORRECTED_DAY, "reflection", "Listened first")


def state(home: Path) -> object:
    """Every record, as stored, but for the times it was saved at (the child saves at its
    own moment, the test's copy at another)."""
    j = Home(home).journal  # opening finishes a change a crash cut short
    records = msgspec.to_builtins([*j.all_entries(), *j.all_promises()])
    return [{k: v for k, v in r.items() if k != "updated"} for r in records]


@pytest.mark.parametrize(
    ("kind", "hang_at"), [(k, n) for k, writes in WRITES.items() for n in range(1, writes + 1)]
)
def test_a_killed_correction_leaves_the_old_state_or_the_new(
    tmp_path: Path, kind: str, hang_at: int
) -> None:
    home = tmp_path / "home"
    seed(home)
    if kind == "undo":
        run_correction(Home(home), "delete")  # something to undo
    old = state(home)
    done = tmp_path / "done"
    shutil.copytree(home, done)
    run_correction(Home(done), kind)
    new = state(done)
    assert new != old
    middle = [new]  # typing saves twice: after the first save is whole too
    if kind == "typing":
        half = tmp_path / "half"
        shutil.copytree(home, half)
        Home(half).journal.set_text(CORRECTED_DAY, "reflection", "Listened first, then")
        middle.append(state(half))

    proc = start_child(home, "correct", kind, str(hang_at))
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().strip()
        assert line == "STALLED", (line, proc.stderr.read() if proc.stderr else "")
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
    after = state(home)
    assert after in (old, *middle), f"killed before write {hang_at} of {kind}: a mix"
    if kind != "typing" and hang_at > 2:  # the record and its mark were whole: opening finishes
        assert after == new
