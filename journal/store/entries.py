"""The journal's days: one file per year, each entry stored under its date's ordinal."""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable

from journal.errors import JournalError
from journal.model import Entry, to_builtins, validate
from journal.store.files import ShardedStore
from journal.store.yearly import YearlyRecords

ENTRIES = "entries"


class EntryRepository(YearlyRecords[Entry]):
    """A day's entry is stored under its date's ordinal, oldest first when read."""

    def __init__(self, store: ShardedStore) -> None:
        super().__init__(store, ENTRIES, Entry, lambda e: e.date)

    def get(self, day: dt.date) -> Entry | None:
        """The day's entry; a year with no file has none (found without listing the folder).

        From the year's records when they are read already, or when nothing of the year is
        (reading them all costs what parsing the file does, and they are kept); from the one
        stored row when the file is parsed, as after a save."""
        found = self.store.peeked(ENTRIES, day.year, self._decoder)
        if found is None and not self.store.parsed(ENTRIES, day.year):
            try:
                found = self.year(day.year)
            except JournalError:
                found = None  # another day of the year is damaged: this one may still read
        if found is not None:
            at = bisect.bisect_left(found, day, key=_date)
            return found[at] if at < len(found) and found[at].date == day else None
        row = self.store.rows(ENTRIES, day.year).get(_key(day))
        return validate(row, Entry, self.where(day.year)) if row else None

    def any(self) -> bool:
        return any(self.year(y) for y in self.years())

    # ----- changes, under the store's lock ---------------------------------------------------

    def apply(self, year: int, changes: dict[dt.date, Entry | None]) -> None:
        """One year's days put (an Entry) or deleted (None), in one save of its file."""
        shard = self.store.edit(ENTRIES, year)
        for day, entry in changes.items():
            if entry is None:
                shard.rows.pop(_key(day), None)
            else:
                shard.rows[_key(day)] = to_builtins(validate(to_builtins(entry), Entry))
        shard.save()

    def put_many(self, entries: Iterable[Entry]) -> None:
        """Many days at once, one save per year (demo journals, imports)."""
        by_year: dict[int, list[Entry]] = {}
        for e in entries:
            by_year.setdefault(e.date.year, []).append(e)
        for year, batch in sorted(by_year.items()):
            shard = self.store.edit(ENTRIES, year)
            for e in batch:
                shard.rows[_key(e.date)] = to_builtins(validate(to_builtins(e), Entry))
            shard.save()

    def replace_range(self, start: dt.date, end: dt.date, entries: list[Entry]) -> None:
        """Make [start, end] hold exactly ``entries``; a year's file is written only if it
        changed, and a year with nothing to hold gets no new file."""
        for year in range(start.year, end.year + 1):
            mine = [e for e in entries if e.date.year == year]
            if not mine and year not in self.years():
                continue
            leaving = {_key(e.date) for e in self.year(year) if start <= e.date <= end}
            shard = self.store.edit(ENTRIES, year)
            old = dict(shard.rows)
            kept = {k: row for k, row in old.items() if k not in leaving}
            kept.update((_key(e.date), to_builtins(validate(to_builtins(e), Entry))) for e in mine)
            if kept != old:
                shard.tables[ENTRIES] = kept
                shard.save()


def _key(day: dt.date) -> str:
    return str(day.toordinal())


def _date(entry: Entry) -> dt.date:
    return entry.date
