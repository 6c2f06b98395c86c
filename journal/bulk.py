"""Writes of many records at once: imports, demo journals, and the coach's copy of a client's
shared period. They read and check every file they touch before writing any of them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from journal.errors import InvalidInput
from journal.model import Entry, Promise, to_builtins, validate
from journal.reader import ENTRIES, PROMISES, JournalReader


class BulkWrites(JournalReader):
    """The base of JournalService: its many-record writes, apart from the day-to-day ones."""

    def _check_readable(self, files: Iterable[tuple[str, int]]) -> None:
        """Reading a file checks it (JSON, schema, records): a bad one refuses the whole write."""
        for kind, year in set(files):
            self.store.table(kind, year)

    def replace_range(
        self, start: dt.date, end: dt.date, entries: list[Entry], promises: list[Promise]
    ) -> None:
        """Make [start, end] hold exactly these entries and promises: what a client shares for
        a period is the whole truth about it, so a day they have since made private leaves the
        coach's copy. Promises are also matched by id, so one made earlier and settled in the
        period replaces its old copy. Every file is checked before any is written."""
        stray = [e.date for e in entries if not _in_range(e.date, start, end)]
        stray += [p.made_on for p in promises if p.made_on > end]
        if stray:
            raise InvalidInput(f"{stray[0].isoformat()} is outside {start} to {end}")
        ids = {p.id for p in promises}
        span = set(range(start.year, end.year + 1))
        entry_years = sorted(span)
        promise_years = sorted(span | {p.made_on.year for p in promises})
        with self.store.locked():
            self._check_readable(
                [(ENTRIES, y) for y in entry_years] + [(PROMISES, y) for y in promise_years]
            )
            for year in entry_years:
                mine = {str(e.date.toordinal()): e for e in entries if e.date.year == year}
                self._replace_rows(
                    ENTRIES,
                    year,
                    lambda row: _in_range(dt.date.fromisoformat(row["date"]), start, end),
                    list(mine.items()),
                )
            for year in promise_years:
                batch = [p for p in promises if p.made_on.year == year]
                self._replace_rows(
                    PROMISES,
                    year,
                    lambda row: (
                        row["id"] in ids
                        or _in_range(dt.date.fromisoformat(row["made_on"]), start, end)
                    ),
                    [(None, p) for p in batch],
                )

    def _replace_rows(
        self,
        kind: str,
        year: int,
        drop: Callable[[dict[str, Any]], bool],
        records: list[tuple[str | None, Entry | Promise]],
    ) -> None:
        """Rows ``drop`` matches leave the year's file and ``records`` arrive (under their key,
        or numbered after the last); the file is written only if it changed."""
        if not records and not self.store.shard_path(kind, year).exists():
            return
        db = self.store.db(kind, year)
        tables = db.storage.read() or {}
        old = tables.get(kind, {})
        rows = {k: row for k, row in old.items() if not drop(row)}
        next_key = max((int(k) for k in rows), default=0) + 1
        for key, record in records:
            row = to_builtins(validate(to_builtins(record), type(record)))
            if key is None:
                key, next_key = str(next_key), next_key + 1
            rows[key] = row
        if rows != old:
            tables[kind] = rows
            db.storage.write(tables)

    def write_bulk(self, entries: Iterable[Entry], promises: Iterable[Promise]) -> None:
        """Write many records with one save per year (demo data, imports)."""
        by_year: dict[int, tuple[list[Entry], list[Promise]]] = {}
        for e in entries:
            by_year.setdefault(e.date.year, ([], []))[0].append(e)
        for p in promises:
            by_year.setdefault(p.made_on.year, ([], []))[1].append(p)
        with self.store.locked():
            self._check_readable(
                (kind, year)
                for year, (e, p) in by_year.items()
                for kind, rows in ((ENTRIES, e), (PROMISES, p))
                if rows
            )
            for year, (year_entries, year_promises) in sorted(by_year.items()):
                if year_entries:
                    db = self.store.db(ENTRIES, year)
                    tables = db.storage.read() or {}
                    entry_rows = tables.setdefault(ENTRIES, {})
                    for e in year_entries:
                        checked = validate(to_builtins(e), Entry)
                        entry_rows[str(e.date.toordinal())] = to_builtins(checked)
                    db.storage.write(tables)
                if year_promises:
                    db = self.store.db(PROMISES, year)
                    tables = db.storage.read() or {}
                    promise_rows = tables.setdefault(PROMISES, {})
                    next_id = max((int(k) for k in promise_rows), default=0) + 1
                    for p in year_promises:
                        checked_p = validate(to_builtins(p), Promise)
                        promise_rows[str(next_id)] = to_builtins(checked_p)
                        next_id += 1
                    db.storage.write(tables)


def _in_range(day: dt.date, start: dt.date, end: dt.date) -> bool:
    return start <= day <= end
