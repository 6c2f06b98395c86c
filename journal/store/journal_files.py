"""A journal folder as one unit: its days and its promises behind one lock, and the changes
that touch both kinds of file, each checked whole before the first file is written."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path

from journal.errors import InvalidInput
from journal.model import Entry, Promise
from journal.store.entries import ENTRIES, EntryRepository
from journal.store.files import Codec, ShardedStore
from journal.store.promises import PROMISES, PromiseRepository


class JournalFiles:
    def __init__(self, folder: Path, codec: Codec | None = None) -> None:
        self.folder = folder
        self.store = ShardedStore(folder, codec)
        self.entries = EntryRepository(self.store)
        self.promises = PromiseRepository(self.store)

    def revision(self) -> tuple[object, ...]:
        """Changes whenever any file of the journal does (a save here or in another process),
        so a figure built from the journal can tell it is still current without reading it."""
        return tuple(
            (kind, year, self.store.stamp(kind, year))
            for kind in (ENTRIES, PROMISES)
            for year in self.store.years(kind)
        )

    @contextlib.contextmanager
    def changing(
        self, entry_years: Iterable[int] = (), promise_years: Iterable[int] = ()
    ) -> Iterator[None]:
        """Hold the lock for a change, having read and checked every file it will write: a
        damaged file stops the whole change instead of half of it. Re-entrant."""
        with self.store.locked():
            self.entries.check(entry_years)
            self.promises.check(promise_years)
            yield

    def write_bulk(self, entries: Iterable[Entry], promises: Iterable[Promise]) -> None:
        """Many records with one save per year (demo data, imports)."""
        entries, promises = list(entries), list(promises)
        with self.changing({e.date.year for e in entries}, {p.made_on.year for p in promises}):
            self.entries.put_many(entries)
            self.promises.add(promises)

    def replace_range(
        self, start: dt.date, end: dt.date, entries: list[Entry], promises: list[Promise]
    ) -> None:
        """Make [start, end] hold exactly these entries and promises: what a client shares for
        a period is the whole truth about it, so a day they have since made private leaves the
        coach's copy. Promises are also matched by id, so one made earlier and settled in the
        period replaces its old copy."""
        stray = [e.date for e in entries if not start <= e.date <= end]
        stray += [p.made_on for p in promises if p.made_on > end]
        if stray:
            raise InvalidInput(f"{stray[0].isoformat()} is outside {start} to {end}")
        span = set(range(start.year, end.year + 1))
        with self.changing(span, span | {p.made_on.year for p in promises}):
            self.entries.replace_range(start, end, entries)
            self.promises.replace_range(start, end, promises)
