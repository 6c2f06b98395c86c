"""A writer process for the fault tests: it uses Home(home).journal exactly as the app and CLI do.

    fault_child.py writer HOME WRITER WRITERS COUNT GO_FILE MODE   (MODE: days | same-day)
    fault_child.py saver HOME DAY COUNT
    fault_child.py stall HOME DAY WHERE   (WHERE: file | folder)
    fault_child.py correct HOME KIND N   (KIND: edit | delete | undo)

Both print ``READY`` once imports are done, then wait to be released (``writer`` for GO_FILE to
exist, ``saver`` for a line on stdin) so that several start together. ``saver`` prints
``ACK <marker>``, flushed, after each save call has returned: that line is the acknowledgement
the kill test holds the journal to. ``stall`` saves once but hangs inside the save (before the
temp file is fsynced, or after the rename but before the folder is fsynced) and says
``STALLED``, so a test can kill it at exactly that point.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

from journal.app.home import Home

BASE_DAY = dt.date(2026, 1, 1)
SAME_DAY = dt.date(2026, 6, 15)
PAUSE_S = 0.01
"""Children rest between saves, as people do: the lock is unfair (a waiter polls every 50 ms
while the holder re-takes it at once), so without a rest one process would do all its saves
before another got a turn, and the saves would never interleave."""
SAVER_PAUSE_S = 0.002
"""Shorter for the kill test, so that most of a saver's time is spent writing."""


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def writer_day(writer: int, writers: int, k: int) -> dt.date:
    """Days interleave between writers (w0: 0, 3, 6…; w1: 1, 4, 7…) and cross into 2027."""
    return BASE_DAY + dt.timedelta(days=345 + k * writers + writer)


def writer(home: Path, who: int, writers: int, count: int, go: Path, mode: str) -> None:
    svc = Home(home).journal
    say("READY")
    while not go.exists():
        time.sleep(0.001)
    for k in range(count):
        if mode == "days":
            day = writer_day(who, writers, k)
            svc.set_intent(day, f"w{who} k{k}")
            svc.add_promise(day, f"promise w{who} k{k}", "commitment")
        else:
            svc.add_help(SAME_DAY, f"w{who} k{k}", f"request w{who} k{k}")
        time.sleep(PAUSE_S)
    say("DONE")


def saver(home: Path, day: dt.date, count: int) -> None:
    """Warm up first (lazy imports, parsed file), so the kill lands among saves, not imports."""
    import filelock  # noqa: F401

    svc = Home(home).journal
    svc.entries()
    say("READY")
    sys.stdin.readline()
    for j in range(count):
        marker = f"{day.isoformat()}#{j}"
        if j % 2:
            svc.add_promise(day, marker, "best_effort")
        else:
            svc.add_help(day, marker)
        say(f"ACK {marker}")
        time.sleep(SAVER_PAUSE_S)


def stall(home: Path, day: dt.date, where: str) -> None:
    """Hang inside the save of the day's file (the history, written first, goes through):
    before its temp file is synced ("file"), or after its rename, before the folder is synced
    ("folder")."""
    from journal.store.disk import set_fault_hook

    folder = home / "journal"

    def hang(step: str, path: Path) -> None:
        if step != "fsync":
            return
        if (where == "file" and path.name.startswith(".entries-")) or (
            where == "folder" and path == folder
        ):
            say("STALLED")
            time.sleep(60)

    svc = Home(home).journal
    svc.entries()
    set_fault_hook(hang)
    say("READY")
    sys.stdin.readline()
    svc.set_intent(day, "after the stall")
    say("ACK")


CORRECTED_DAY = dt.date(2026, 6, 15)


def correct(home: Path, kind: str, hang_at: int) -> None:
    """Make one correction of CORRECTED_DAY, hanging before the ``hang_at``-th file it writes
    (history record, the mark linked to it and records alike) and saying ``STALLED``, so the
    test can kill it there."""
    from journal.store.disk import set_fault_hook

    writes = 0

    def counted(step: str, path: Path) -> None:
        nonlocal writes
        if step in ("write", "link"):
            writes += 1
            if writes == hang_at:
                say("STALLED")
                time.sleep(60)

    set_fault_hook(counted)
    run_correction(Home(home), kind)
    say("DONE")


def run_correction(home: Home, kind: str) -> None:
    """The correction the fault test kills: the same in the child and in the test's copy."""
    from journal.app.corrections import apply_day_edit, delete_day, undo
    from journal.day_text import render_day
    from journal.day_text_parse import parse_day

    journal = home.journal
    day = CORRECTED_DAY
    if kind == "delete":
        delete_day(journal, day)
    elif kind == "typing":  # two saves of one field, as the app makes while you type
        journal.set_text(day, "reflection", "Listened first, then")
        journal.set_text(day, "reflection", "Listened first, then asked")
    elif kind == "undo":
        undo(journal)
    else:
        text = render_day(day, journal.entry(day), journal.promises_made_on(day))
        text = text.replace("send the deck", "send the new deck").replace("Hear Ana", "Hear Bo")
        apply_day_edit(journal, day, parse_day(text, day, day, journal.entry(day),
                                               journal.promises_made_on(day)))  # fmt: skip


def main(argv: list[str]) -> None:
    command, home = argv[0], Path(argv[1])
    if command == "writer":
        writer(home, int(argv[2]), int(argv[3]), int(argv[4]), Path(argv[5]), argv[6])
    elif command == "saver":
        saver(home, dt.date.fromisoformat(argv[2]), int(argv[3]))
    elif command == "stall":
        stall(home, dt.date.fromisoformat(argv[2]), argv[3])
    elif command == "correct":
        correct(home, argv[2], int(argv[3]))
    else:
        raise SystemExit(f"unknown command {command!r}")


if __name__ == "__main__":
    main(sys.argv[1:])
