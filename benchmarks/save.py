"""Saving a check-in answer: the same cost in a 10-year journal as in a 1-year one.

A "save" is what the check-in screen does per answer: ``set_text`` for a typed reflection and
``add_promise`` for a new promise. Both go through the lock, re-read and atomic rewrite of the
current year's shard, so the journal's age should not show. For context, the same write is set
against naive TinyDB, which re-reads and re-writes one file holding every day.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from benchmarks.common import Homes, Row, Stats, Target, fmt_ms, measure_interleaved

SUITE = "save"
ITERATIONS = 40
MAX_SAVE_MS = 15.0
MAX_AGE_RATIO = 1.5
NAIVE_DOCS = 3650
NAIVE_INSERTS = 10


def run(homes: Homes) -> list[Row]:
    from journal.app.home import Home
    from journal.app.service import JournalService

    # A fresh service per journal, as a newly opened app would have.
    services = {years: Home(homes.demo(years)).journal for years in (1, 10)}
    today = services[10].today()

    def set_text(svc: JournalService) -> Any:
        return lambda i: svc.set_text(today, "reflection", f"Listened before answering ({i}).")

    def add_promise(svc: JournalService) -> Any:
        return lambda i: svc.add_promise(today, f"Send the notes, take {i}", "commitment", "Sam")

    text = measure_interleaved({f"{y}y": set_text(s) for y, s in services.items()}, ITERATIONS)
    promise = measure_interleaved(
        {f"{y}y": add_promise(s) for y, s in services.items()}, ITERATIONS
    )
    naive = naive_tinydb_insert(services[10])

    rows: list[Row] = []
    for label, stats in (("reflection", text), ("promise", promise)):
        ten, one = stats["10y"], stats["1y"]
        rows += [
            Row(
                SUITE,
                f"save {label}, 10y journal",
                ten.median,
                target=Target(MAX_SAVE_MS, "figure"),
                note=f"p90 {fmt_ms(ten.p90)}",
                detail={"10y": ten.summary()},
            ),
            Row(
                SUITE,
                f"save {label}, 10y vs 1y",
                ten.median,
                baseline=one.median,
                baseline_label="1y",
                target=Target(MAX_AGE_RATIO, "ratio"),
                note=f"1y p90 {fmt_ms(one.p90)}",
                detail={"10y": ten.summary(), "1y": one.summary()},
            ),
            Row(
                SUITE,
                f"save {label}, 10y vs naive TinyDB",
                ten.median,
                baseline=naive.median,
                baseline_label=f"TinyDB, {NAIVE_DOCS} docs",
                note="context",
                detail={"10y": ten.summary(), "naive_tinydb": naive.summary()},
            ),
        ]
    return rows


def naive_tinydb_insert(service: Any) -> Stats:
    """Median of single inserts into default-storage TinyDB already holding ~10 years of days.

    The documents are the demo's own entries, cycled up to ``NAIVE_DOCS``, so each is exactly
    entry-sized; JSONStorage re-reads, re-serialises and fsyncs the whole file per insert.
    """
    import tinydb

    from journal.model import to_builtins

    rows = [to_builtins(e) for e in service.entries()]
    docs = [rows[i % len(rows)] for i in range(NAIVE_DOCS)]
    with tempfile.TemporaryDirectory(prefix="coach-bench-tinydb-") as folder:
        path = Path(folder) / "journal.json"
        db = tinydb.TinyDB(path)
        try:
            db.insert_multiple(docs)
            stats = measure_interleaved(
                {"insert": lambda i: db.insert(dict(rows[i % len(rows)]))}, NAIVE_INSERTS
            )
        finally:
            db.close()
    return stats["insert"]
