"""Correcting the journal costs about what saving does: an edit of a whole day, deleting a day
and undoing, each on a 10-year journal, against a save on a 1-year journal in the same run
(target <= 1.5x). And `coach history` reads the same few files however long the history is.

A correction writes its history record, links it as the mark of a change under way, then
writes the day's files: three atomic writes where a save writes two (the record and the
entries file), and one sync more (journal/store/change_mark.py).
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

import msgspec

from benchmarks.common import Homes, Row, Stats, Target, fmt_ms, measure_interleaved

SUITE = "corrections"
ITERATIONS = 30
MAX_RATIO = 1.5
HISTORY_COUNT = 20
"""What `coach history` shows by default."""


def run(homes: Homes) -> list[Row]:
    from journal.app.corrections import apply_day_edit, delete_day, undo
    from journal.app.home import Home
    from journal.day_text import render_day
    from journal.day_text_parse import parse_day

    ten, one = Home(homes.demo(10)).journal, Home(homes.demo(1)).journal
    today = ten.today()
    day = next(e.date for e in ten.entries() if e.date < today)  # the latest day but today

    def edit(i: int) -> Any:
        text = render_day(day, ten.entry(day), ten.promises_made_on(day))
        text = text.replace("## Reflection\n", f"## Reflection\nTake {i}: asked first.\n", 1)
        parsed = parse_day(text, day, today, ten.entry(day), ten.promises_made_on(day))
        return apply_day_edit(ten, day, parsed)

    def save_1y(i: int) -> Any:
        return one.set_text(today, "reflection", f"Listened before answering ({i}).")

    def checkin_1y(i: int) -> Any:
        """A save of two files (the day and a promise made on it), as a delete of a day with
        its promises is: like for like, since a change of several files is all or nothing."""
        promise = one.make_promise(today, f"Send the notes ({i})", "commitment")
        return one.record_checkin(
            today, lambda e: msgspec.structs.replace(e, reflection=f"Asked first ({i})."), [promise]
        )

    stats = measure_interleaved(
        {
            "save 1y": save_1y,
            "check-in 1y": checkin_1y,
            "edit 10y": edit,
            "delete 10y": lambda i: delete_day(ten, day),
            "undo 10y": lambda i: undo(ten),
        },
        ITERATIONS,
    )
    base = stats["save 1y"]
    rows = [
        ratio_row(f"{label}, vs a save on a 1y journal", stats[key], base)
        for key, label in (
            ("edit 10y", "edit a whole day (coach edit), 10y journal"),
            ("delete 10y", "delete a day with its promises, 10y journal"),
            ("undo 10y", "undo the delete, 10y journal"),
        )
    ]
    rows += [
        Row(
            SUITE,
            f"{label}, vs a check-in saving a day and a promise, 1y",
            stats[key].median,
            baseline=stats["check-in 1y"].median,
            baseline_label="check-in 1y",
            note="context: like for like, two files each, all or nothing",
        )
        for key, label in (("delete 10y", "delete a day"), ("undo 10y", "undo the delete"))
    ]
    rows.append(history_row())
    return rows


def ratio_row(name: str, figure: Stats, base: Stats) -> Row:
    return Row(
        SUITE,
        name,
        figure.median,
        baseline=base.median,
        baseline_label="save 1y",
        target=Target(MAX_RATIO, "ratio"),
        note=f"p90 {fmt_ms(figure.p90)}; save p90 {fmt_ms(base.p90)}",
        detail={"figure": figure.summary(), "save_1y": base.summary()},
    )


def listing(journal: Any) -> Any:
    from journal.app.corrections import history

    return lambda i: history(journal, HISTORY_COUNT)


def history_row() -> Row:
    """The last 20 changes from a history of 20 and of 200 (the most kept)."""
    from journal.app.home import Home
    from journal.store.history import KEEP

    journals = {}
    with tempfile.TemporaryDirectory(prefix="coach-bench-history-") as folder:
        for size in (HISTORY_COUNT, KEEP):
            j = Home(Path(folder) / f"h{size}").journal
            for i in range(size):
                j.add_tags(dt.date(2026, 1, 1) + dt.timedelta(days=i % 50), [f"t{i}"])
            journals[size] = j
        stats = measure_interleaved(
            {str(size): listing(j) for size, j in journals.items()}, ITERATIONS
        )
    full, small = stats[str(KEEP)], stats[str(HISTORY_COUNT)]
    return Row(
        SUITE,
        f"coach history (last {HISTORY_COUNT}), {KEEP} changes kept vs {HISTORY_COUNT}",
        full.median,
        baseline=small.median,
        baseline_label=f"{HISTORY_COUNT} changes",
        note="context: flat as the history grows (it keeps the last 200)",
        detail={"full": full.summary(), "small": small.summary()},
    )
