"""SIGKILL at random moments: every acknowledged save survives and the journal always opens.

A save is acknowledged when the process printed its acknowledgement after the call returned
(the service test) or printed its ``Saved`` line (the real CLI). Anything not acknowledged may
or may not be there, but whatever is there must be whole.
"""

from __future__ import annotations

import datetime as dt
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from journal.app.home import Home
from journal.app.service import JournalService
from journal.model import Entry, Promise, new_id, now
from tests.faults.fault_helpers import (
    ROOT,
    assert_opens_everywhere,
    child_env,
    release,
    shard,
    start_child,
    temp_files,
    wait_ready,
)

SEED = 20260304
KILLS = 30
SAVES_PER_CHILD = 60
MAX_DELAY_S = 0.12
CLI_KILLS = 16
FIRST_CHILD_DAY = dt.date(2026, 2, 1)
FILLER_YEAR = 2026


def prefill(home: Path) -> int:
    """A year of entries, so each save rewrites a realistically large file and the write window
    a kill can land in is wide."""
    stamp = now()
    start = dt.date(FILLER_YEAR, 1, 1)
    entries = [
        Entry(
            id=new_id(),
            date=day,
            created=stamp,
            updated=stamp,
            intent=f"filler intent for {day.isoformat()} " * 4,
            reflection="a longer reflection so the year file has some weight to it " * 3,
        )
        for day in (start + dt.timedelta(days=i) for i in range(365))
        if not FIRST_CHILD_DAY <= day < FIRST_CHILD_DAY + dt.timedelta(days=KILLS + CLI_KILLS)
    ]
    filler = [
        Promise(
            id=new_id(),
            made_on=start,
            text=f"filler promise {i}",
            kind="commitment",
            created=stamp,
            updated=stamp,
        )
        for i in range(100)
    ]
    Home(home).journal.write_bulk(entries, filler)
    return len(entries)


def filler_count(svc: JournalService) -> int:
    return sum(e.intent.startswith("filler") for e in svc.entries())


def kill_after(proc: subprocess.Popen[str], delay: float) -> str:
    """SIGKILL after ``delay`` seconds (if still running) and return what it printed."""
    time.sleep(delay)
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
    out, _ = proc.communicate(timeout=30)
    return out


def markers(svc: JournalService, day: dt.date) -> set[str]:
    """Every save a child made on its day, as found in the journal."""
    entry = svc.entry(day)
    found = {h.person for h in entry.help} if entry else set()
    return found | {p.text for p in svc.promises_made_on(day)}


def acknowledged(out: str) -> set[str]:
    return {line.removeprefix("ACK ") for line in out.splitlines() if line.startswith("ACK ")}


def test_killed_service_saves_keep_every_acknowledged_save(tmp_path: Path) -> None:
    """A crash at any moment, mid-write included, never costs a save that was reported done.

    Children run in pairs on distinct days, so some die holding the lock while the other waits
    for it, and some die just after the other replaced the file they had cached.
    """
    home = tmp_path / "home"
    fillers = prefill(home)
    rng = random.Random(SEED)
    interrupted = total_acked = 0
    days = [FIRST_CHILD_DAY + dt.timedelta(days=i) for i in range(KILLS)]
    for pair in (days[i : i + 2] for i in range(0, KILLS, 2)):
        procs = [start_child(home, "saver", day.isoformat(), str(SAVES_PER_CHILD)) for day in pair]
        for proc in procs:
            wait_ready(proc)
        for proc in procs:
            release(proc)
        started = time.perf_counter()
        outs = []
        for proc, delay in sorted(
            zip(procs, (rng.uniform(0, MAX_DELAY_S) for _ in procs), strict=True),
            key=lambda pd: pd[1],
        ):
            outs.append((proc, kill_after(proc, max(0.0, delay - (time.perf_counter() - started)))))

        svc = assert_opens_everywhere(home)
        for proc, out in outs:
            day = pair[procs.index(proc)]
            acked = acknowledged(out)
            interrupted += proc.returncode == -signal.SIGKILL
            total_acked += len(acked)
            present = markers(svc, day)
            assert acked <= present, f"{day}: acknowledged saves lost: {sorted(acked - present)}"
            attempted = {f"{day.isoformat()}#{j}" for j in range(len(acked) + 1)}
            assert present <= attempted, f"{day}: unexpected records {sorted(present - attempted)}"
        assert filler_count(svc) == fillers, "entries saved long before were lost"
        assert len(svc.promises_made_on(dt.date(FILLER_YEAR, 1, 1))) == 100, "filler lost"
    assert interrupted >= KILLS // 2, "most kills should land while the child is still saving"
    assert total_acked > 0, "no save was acknowledged before a kill: the test proved nothing"

    Home(home).journal.set_intent(FIRST_CHILD_DAY, "after the storm")
    assert temp_files(home) == [], "the next save cleans up after killed ones"
    assert_opens_everywhere(home)


@pytest.mark.parametrize("where", ["file", "folder"])
def test_kill_inside_a_save_leaves_the_old_or_the_new_file_whole(
    tmp_path: Path, where: str
) -> None:
    """Killed exactly mid-save: before the temp file is synced the old journal stands untouched;
    after the rename the new one does. The next save clears whatever temp file is left."""
    home = tmp_path / "home"
    day = FIRST_CHILD_DAY
    Home(home).journal.set_intent(day, "before the stall")
    before = shard(home, "entries", day.year).read_bytes()
    proc = start_child(home, "stall", day.isoformat(), where)
    wait_ready(proc)
    release(proc)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    proc.send_signal(signal.SIGKILL)
    _, err = proc.communicate(timeout=30)
    assert line.strip() == "STALLED", err

    if where == "file":  # killed before the rename: the old file stands, whole
        assert shard(home, "entries", day.year).read_bytes() == before
        assert len(temp_files(home)) == 1, "the half-written temp file is where the test expects"
        assert temp_files(home)[0].startswith(f".entries-{day.year}.json."), temp_files(home)
    else:
        assert temp_files(home) == []
    # Before the rename the old file stands; after it, the new one.
    svc = assert_opens_everywhere(home)
    entry = svc.entry(day)
    wanted = "before the stall" if where == "file" else "after the stall"
    assert entry is not None and entry.intent == wanted
    Home(home).journal.set_intent(day + dt.timedelta(days=1), "next save")
    assert temp_files(home) == []
    assert_opens_everywhere(home)


def run_cli(home: Path, day: dt.date, text: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "coach",
            "--home",
            str(home),
            "checkin",
            "--date",
            day.isoformat(),
            "--intent",
            text,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=child_env(home),
        cwd=ROOT,
    )


def saved(out: str) -> bool:
    return any(line.startswith("Saved") for line in out.splitlines())


def run_cli_to_end(home: Path, day: dt.date, text: str) -> float:
    """One undisturbed check-in: it must exit 0, say "Saved" and hold the text. Returns its
    run time."""
    started = time.perf_counter()
    proc = run_cli(home, day, text)
    out, err = proc.communicate(timeout=60)
    took = time.perf_counter() - started
    assert proc.returncode == 0, err
    assert saved(out), out
    entry = Home(home).journal.entry(day)
    assert entry is not None and entry.intent == text
    return took


def test_killed_cli_checkins_keep_every_acknowledged_save(tmp_path: Path) -> None:
    """`coach checkin` says "Saved" only once the entry is durable; a kill never undoes that.

    Two undisturbed runs time the CLI. The kill delay then follows a staircase: later after a
    run killed before "Saved", earlier after one that got there, so the kills cluster around
    the save itself however loaded the machine is.
    """
    home = tmp_path / "home"
    prefill(home)
    rng = random.Random(SEED + 1)
    first = FIRST_CHILD_DAY + dt.timedelta(days=KILLS)
    took = min(run_cli_to_end(home, first + dt.timedelta(days=n), f"cli {n}") for n in (0, 1))

    scale = 0.9
    outcomes: list[bool] = []
    for i in range(2, CLI_KILLS):
        day = first + dt.timedelta(days=i)
        text = f"cli {i} intent"
        proc = run_cli(home, day, text)
        out = kill_after(proc, took * scale * rng.uniform(0.9, 1.1))
        svc = assert_opens_everywhere(home)
        entry = svc.entry(day)
        if saved(out):
            assert entry is not None, f"kill {i}: acknowledged check-in for {day} lost"
        if entry is not None:
            assert entry.intent == text, f"kill {i}: partial entry {entry!r}"
        outcomes.append(saved(out))
        scale *= 0.85 if saved(out) else 1.15
    assert any(outcomes) and not all(outcomes), f"kills never straddled the save: {outcomes}"

    run_cli_to_end(home, first, "after the storm")
    assert temp_files(home) == [], "the next check-in cleans up after a killed one"
