"""Encryption at rest: what it costs a save and a start, on a 10-year journal.

Both sides run in the same round: a copy of the 10-year demo journal kept plain, and the same
journal encrypted (``coach encrypt``). A save is the check-in screen's own (a typed reflection,
a new promise). Startup is the benchmark probe's, with the passphrase read from a file; the
unlock itself (age's scrypt, about a second on purpose) is timed apart and taken out, so the
ratio is what encryption costs every start once the journal is open.
"""

from __future__ import annotations

import os
import shutil
import statistics
from pathlib import Path
from typing import Any

from benchmarks.common import Homes, Row, Target, fmt_ms, measure_interleaved
from benchmarks.startup import time_probe

SUITE = "encryption"
ITERATIONS = 40
ROUNDS = 9
MAX_SAVE_RATIO = 1.5
MAX_START_RATIO = 1.2
PASSPHRASE = "a passphrase for the benchmark"


def run(homes: Homes) -> list[Row]:
    from journal.app.encryption import PASSPHRASE_FILE, encrypt_home
    from journal.app.home import Home

    plain = homes.empty("plain-10y")
    locked = homes.empty("encrypted-10y")
    for copy in (plain, locked):
        shutil.rmtree(copy)
        shutil.copytree(homes.demo(10), copy)
    secret = homes.empty("secret") / "passphrase"
    secret.parent.mkdir(parents=True, exist_ok=True)
    secret.write_text(PASSPHRASE)
    os.environ[PASSPHRASE_FILE] = str(secret)  # the probes inherit it
    encrypt_home(Home(locked), PASSPHRASE)

    services = {"plain": Home(plain).journal, "encrypted": Home(locked).journal}
    today = services["plain"].today()

    def set_text(svc: Any) -> Any:
        return lambda i: svc.set_text(today, "reflection", f"Asked before answering ({i}).")

    def add_promise(svc: Any) -> Any:
        return lambda i: svc.add_promise(today, f"Send the notes, take {i}", "commitment", "Sam")

    rows: list[Row] = []
    for label, make in (("reflection", set_text), ("promise", add_promise)):
        stats = measure_interleaved({k: make(s) for k, s in services.items()}, ITERATIONS)
        rows.append(
            Row(
                SUITE,
                f"save {label}, encrypted 10y vs plain 10y",
                stats["encrypted"].median,
                baseline=stats["plain"].median,
                baseline_label="plain 10y",
                target=Target(MAX_SAVE_RATIO, "ratio"),
                note=f"p90 {fmt_ms(stats['encrypted'].p90)}",
                detail={k: v.summary() for k, v in stats.items()},
            )
        )
    rows += startup_rows(plain, locked)
    return rows


def startup_rows(plain: Path, locked: Path) -> list[Row]:
    time_probe("coach", plain)  # warm-up: bytecode caches, page cache
    time_probe("coach", locked)
    after_unlock: dict[str, list[float]] = {"plain": [], "encrypted": []}
    unlocking: list[float] = []
    for _ in range(ROUNDS):
        for name, home in (("plain", plain), ("encrypted", locked)):
            run = time_probe("coach", home)
            took = run.phases_ms["unlocked"] - run.phases_ms["unlocking"]
            after_unlock[name].append(run.ready_ms - took)
            if name == "encrypted":
                unlocking.append(took)
    plain_ms = statistics.median(after_unlock["plain"])
    locked_ms = statistics.median(after_unlock["encrypted"])
    return [
        Row(
            SUITE,
            "startup encrypted 10y after unlock vs plain",
            locked_ms,
            baseline=plain_ms,
            baseline_label="plain 10y",
            target=Target(MAX_START_RATIO, "ratio"),
            detail={k: [round(v, 1) for v in vs] for k, vs in after_unlock.items()},
        ),
        Row(
            SUITE,
            "unlock: the passphrase's scrypt",
            statistics.median(unlocking),
            note="context: paid once per session (the CLI keeps the identity in the keyring)",
        ),
    ]
