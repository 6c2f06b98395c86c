"""Shared by the fault tests: start child processes on a temporary home and check the result."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tinydb import TinyDB

from journal.app.home import Home
from journal.app.service import JournalService
from journal.model import SCHEMA_VERSION

ROOT = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).with_name("fault_child.py")
READY_TIMEOUT_S = 20.0
KINDS = ("entries", "promises")


def child_env(home: Path) -> dict[str, str]:
    """Point every child at the test's home, never at the developer's own journal."""
    env = dict(os.environ)
    env["COACH_HOME"] = str(home)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env["PYTHONUNBUFFERED"] = "1"
    return env


def start_child(home: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(CHILD), args[0], str(home), *args[1:]],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=child_env(home),
        cwd=ROOT,
    )


def release(proc: subprocess.Popen[str]) -> None:
    """Let a waiting ``saver`` start saving."""
    assert proc.stdin is not None
    proc.stdin.write("go\n")
    proc.stdin.flush()


def wait_ready(proc: subprocess.Popen[str]) -> None:
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if line.strip() != "READY":
        proc.kill()
        _, err = proc.communicate(timeout=READY_TIMEOUT_S)
        raise AssertionError(f"child did not start: {line!r}\n{err}")


def journal_files(home: Path) -> list[Path]:
    folder = home / "journal"
    return sorted(folder.iterdir()) if folder.is_dir() else []


def temp_files(home: Path) -> list[str]:
    return [p.name for p in journal_files(home) if p.name.endswith(".tmp")]


def assert_opens_everywhere(home: Path) -> JournalService:
    """The journal must open for a fresh Coach and for plain TinyDB, every shard of it: each
    file holds its own kind of record plus the meta table."""
    svc = Home(home).journal
    svc.entries()
    svc.all_promises()
    store = svc.files.store
    for kind in KINDS:
        for year in store.years(kind):
            db = TinyDB(store.shard_path(kind, year))
            try:
                assert db.tables() == {kind, "meta"}, f"{kind}-{year}: {db.tables()}"
                assert all(isinstance(r, dict) for r in db.table(kind).all())
                assert db.table("meta").all() == [{"schema": SCHEMA_VERSION}]
            finally:
                db.close()
    return svc


def shard(home: Path, kind: str, year: int) -> Path:
    return home / "journal" / f"{kind}-{year}.json"
