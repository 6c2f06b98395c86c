"""Several Coach processes saving at the same moment: nobody's save may be lost."""

from __future__ import annotations

from pathlib import Path

from tests.faults.fault_child import SAME_DAY, writer_day
from tests.faults.fault_helpers import (
    assert_opens_everywhere,
    start_child,
    temp_files,
    wait_ready,
)

WRITERS = 3
COUNT = 15
RUN_TIMEOUT_S = 60.0


def run_writers(home: Path, tmp_path: Path, mode: str) -> None:
    """Start the writers, let them all import, then release them together through a file."""
    go = tmp_path / f"go-{mode}"
    procs = [
        start_child(home, "writer", str(w), str(WRITERS), str(COUNT), str(go), mode)
        for w in range(WRITERS)
    ]
    try:
        for proc in procs:
            wait_ready(proc)
        go.touch()
        for proc in procs:
            out, err = proc.communicate(timeout=RUN_TIMEOUT_S)
            assert proc.returncode == 0, err
            assert out.strip() == "DONE", (out, err)
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
                proc.communicate()


def test_concurrent_writers_on_interleaved_days_lose_nothing(tmp_path: Path) -> None:
    """Each writer's entries and promises, on days that interleave and cross a year, all land."""
    home = tmp_path / "home"
    run_writers(home, tmp_path, "days")
    svc = assert_opens_everywhere(home)
    expected = {
        writer_day(w, WRITERS, k): f"w{w} k{k}" for w in range(WRITERS) for k in range(COUNT)
    }
    assert {e.date: e.intent for e in svc.entries()} == expected
    promises = {p.text: p.made_on for p in svc.all_promises()}
    assert promises == {f"promise {text}": day for day, text in expected.items()}
    assert len(svc.all_promises()) == len(expected)
    assert svc.years() == [2026, 2027]
    assert svc.files.store.years("promises") == [2026, 2027]
    assert temp_files(home) == []


def test_concurrent_writers_on_the_same_day_lose_no_help_ask(tmp_path: Path) -> None:
    """Read-modify-write of one entry by several processes: every help ask survives."""
    home = tmp_path / "home"
    run_writers(home, tmp_path, "same-day")
    svc = assert_opens_everywhere(home)
    entry = svc.entry(SAME_DAY)
    assert entry is not None
    expected = sorted(f"w{w} k{k}" for w in range(WRITERS) for k in range(COUNT))
    assert sorted(h.person for h in entry.help) == expected
    assert all(h.request == f"request {h.person}" for h in entry.help)
    assert len({h.id for h in entry.help}) == len(expected)
    assert temp_files(home) == []
