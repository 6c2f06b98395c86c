"""The heads of each year of promises are kept between runs, so the evening's first screen on
a long journal stats its files instead of reading them; what is kept is trusted only while
each file is exactly as it was read, so a change made since (here or in another process)
is always seen."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from typing import Any

import msgspec
import pytest

from journal.app.demo import write_demo
from journal.app.home import Home
from journal.app.service import JournalService
from journal.store import promise_heads
from journal.store import promises as promises_store
from journal.store.promise_heads import KEPT_FILE

TODAY = dt.date(2026, 3, 10)
YEARS = 4


def journal(root: Path) -> JournalService:
    """A fresh process's view of the home."""
    return Home(root, today=lambda: TODAY).journal


class DayLater:
    """The clock of runs a day after the files were written: past the moment in which a file
    system with coarse times could change one again without its stat showing it."""

    @staticmethod
    def time_ns() -> int:
        return time.time_ns() + 86_400 * 10**9


class Counting:
    """The heads decoder, counting the files it reads."""

    def __init__(self, decoder: msgspec.json.Decoder[Any]) -> None:
        self.decoder = decoder
        self.read = 0

    def decode(self, raw: bytes) -> Any:
        self.read += 1
        return self.decoder.decode(raw)


@pytest.fixture
def home(isolated_home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    write_demo(Home(isolated_home, today=lambda: TODAY), YEARS, seed=5)
    monkeypatch.setattr(promise_heads, "time", DayLater)
    return isolated_home


@pytest.fixture
def counting(monkeypatch: pytest.MonkeyPatch) -> Counting:
    counter = Counting(promises_store.HEADS)
    monkeypatch.setattr(promises_store, "HEADS", counter)
    return counter


def kept_after_a_run(root: Path) -> list[object]:
    """A run that reads the evening's promises and keeps what it read (the app's warm-up)."""
    first = journal(root)
    found = msgspec.to_builtins(first.follow_up(TODAY))
    first.keep_for_next_run()
    assert (root / "journal" / KEPT_FILE).exists()
    return found


def test_the_next_run_reads_no_year_it_kept_and_finds_the_same_promises(
    home: Path, counting: Counting
) -> None:
    before = kept_after_a_run(home)
    counting.read = 0
    assert msgspec.to_builtins(journal(home).follow_up(TODAY)) == before
    assert counting.read == 0


def test_a_year_changed_by_another_process_is_read_again(home: Path, counting: Counting) -> None:
    kept_after_a_run(home)
    other = journal(home)
    old = other.add_promise(TODAY.replace(year=TODAY.year - 2), "call Bo back", "best_effort")
    counting.read = 0
    assert "call Bo back" in [p.text for p in journal(home).follow_up(TODAY)]
    assert counting.read == 1, "only the changed year"
    other.resolve_promise(old.id, "kept", on=TODAY - dt.timedelta(days=1))
    assert "call Bo back" not in [p.text for p in journal(home).follow_up(TODAY)]


def test_a_file_changed_a_moment_ago_is_not_kept(isolated_home: Path) -> None:
    """Its stat could stay the same through one more change on a file system with coarse
    times, so it is read each time until it is older."""
    j = journal(isolated_home)
    j.add_promise(TODAY, "send the deck", "commitment", "Ana")
    j.follow_up(TODAY)
    j.keep_for_next_run()
    assert not (isolated_home / "journal" / KEPT_FILE).exists()


def test_a_damaged_kept_file_is_read_past(home: Path) -> None:
    before = kept_after_a_run(home)
    (home / "journal" / KEPT_FILE).write_bytes(b"\x93not heads at all")
    assert msgspec.to_builtins(journal(home).follow_up(TODAY)) == before
