"""A journal folder as one unit: its days and its promises behind one lock, and the changes
that touch both kinds of file, each checked whole before the first file is written."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path

import msgspec

from journal.errors import InvalidInput, NotFound
from journal.model import Change, Entry, Promise, new_id, now, to_builtins, validate
from journal.store.entries import ENTRIES, EntryRepository
from journal.store.files import Codec, ShardedStore
from journal.store.history import HistoryRepository
from journal.store.promises import PROMISES, PromiseRepository


class Batch(msgspec.Struct, kw_only=True):
    """Records changed together: days put (an Entry) or deleted (None), promises put (added,
    or replacing the one with their id) or deleted."""

    entries: dict[dt.date, Entry | None] = msgspec.field(default_factory=dict)
    promises: list[Promise] = msgspec.field(default_factory=list)
    deleted: list[Promise] = msgspec.field(default_factory=list)


class JournalFiles:
    def __init__(
        self, folder: Path, codec: Codec | None = None, history: Path | None = None
    ) -> None:
        """``history``: where changes are kept for undo; a journal without one (a client's
        copy in a coach's workspace) keeps none."""
        self.folder = folder
        self.store = ShardedStore(folder, codec)
        self.entries = EntryRepository(self.store)
        self.promises = PromiseRepository(self.store)
        self.history = HistoryRepository(self.store, history) if history else None

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

    def commit(self, batch: Batch, what: str, group: str = "") -> Change | None:
        """Write a batch, with its change kept in the history first: should the writes be cut
        short, undo finds each record as it was before or after, and puts back the before.
        Returns the change, or None when the batch changes nothing."""
        promises = [*batch.promises, *batch.deleted]
        with self.changing({day.year for day in batch.entries}, {p.made_on.year for p in promises}):
            entries_before = {day: self.entries.get(day) for day in batch.entries}
            promises_before = {
                p.id: self.promises.find_current(p.id, p.made_on.year) for p in promises
            }
            promises_after: dict[str, Promise | None] = {p.id: p for p in batch.promises}
            promises_after.update((p.id, None) for p in batch.deleted)
            if entries_before == batch.entries and promises_before == promises_after:
                return None
            change = Change(
                id=new_id(),
                at=now(),
                what=what,
                group=group,
                days=list(batch.entries),
                entries_before=[e for e in entries_before.values() if e is not None],
                entries_after=[e for e in batch.entries.values() if e is not None],
                promise_ids=list(promises_after),
                promises_before=[p for p in promises_before.values() if p is not None],
                promises_after=[p for p in promises_after.values() if p is not None],
            )
            for entry in change.entries_after:  # refused whole before anything is written
                validate(to_builtins(entry), Entry)
            for promise in change.promises_after:
                validate(to_builtins(promise), Promise)
            forget = self.history.record(change) if self.history is not None else None
            try:
                years = {p.id: p.made_on.year for p in promises}
                self._write(batch.entries, promises_after, years)
            except BaseException:
                if forget is not None:
                    with contextlib.suppress(OSError):
                        forget()  # the change did not happen: nothing to undo
                raise
            return change

    def finish_interrupted(self) -> Change | None:
        """A change cut short (the process died between its files) is completed: the history
        holds it whole, written before any of its records, so each record is found as it was
        before or after, and those still before are brought forward. Returns the change
        finished, or None when there was nothing to finish (the usual case, decided without
        taking the lock)."""
        if self.history is None or self._unfinished() is None:
            return None
        with self.store.locked():
            found = self._unfinished()
            if found is None:
                return None
            change, entries, promises = found
            touched = [*change.promises_before, *change.promises_after]
            self._write(entries, promises, {p.id: p.made_on.year for p in touched})
            return change

    def _unfinished(
        self,
    ) -> tuple[Change, dict[dt.date, Entry | None], dict[str, Promise | None]] | None:
        """The newest change still in effect, with what it has yet to write; None when it
        is whole (or when something else changed its records since: those are left alone)."""
        assert self.history is not None
        found = self.history.last_active()
        if found is None:
            return None
        change = found[1]
        was = {e.date: e for e in change.entries_before}
        made = {e.date: e for e in change.entries_after}
        entries: dict[dt.date, Entry | None] = {}
        for day in change.days:
            current = self.entries.get(day)
            if current != made.get(day):
                if current != was.get(day):
                    return None
                entries[day] = made.get(day)
        was_p = {p.id: p for p in change.promises_before}
        made_p = {p.id: p for p in change.promises_after}
        promises: dict[str, Promise | None] = {}
        for promise_id in change.promise_ids:
            year = (made_p.get(promise_id) or was_p[promise_id]).made_on.year
            current_p = self.promises.find_current(promise_id, year)
            if current_p != made_p.get(promise_id):
                if current_p != was_p.get(promise_id):
                    return None
                promises[promise_id] = made_p.get(promise_id)
        if not entries and not promises:
            return None
        return change, entries, promises

    def undo(self) -> Change:
        """Put back the records of the newest change not yet undone, and mark it undone.
        A record changed since (in another process, or by an import) is not overwritten: the
        undo is refused whole. One cut short is finished by the next."""
        nothing = NotFound("nothing to undo: no change is left in the history")
        if self.history is None or self.history.last_active() is None:
            raise nothing  # said before the lock is taken, so nothing is touched
        with self.store.locked():
            found = self.history.last_active()
            if found is None:
                raise nothing
            path, change = found
            was = {e.date: e for e in change.entries_before}
            made = {e.date: e for e in change.entries_after}
            was_p = {p.id: p for p in change.promises_before}
            made_p = {p.id: p for p in change.promises_after}
            years = {
                p.id: p.made_on.year for p in [*change.promises_before, *change.promises_after]
            }
            with self.changing({d.year for d in change.days}, set(years.values())):
                entries: dict[dt.date, Entry | None] = {}
                for day in change.days:
                    current = self.entries.get(day)
                    if current != was.get(day):
                        if current != made.get(day):
                            raise InvalidInput(
                                f"{day:%a %d %b %Y} has changed since {change.what!r}; "
                                "nothing was undone"
                            )
                        entries[day] = was.get(day)
                promises: dict[str, Promise | None] = {}
                for promise_id in change.promise_ids:
                    current_p = self.promises.find_current(promise_id, years[promise_id])
                    if current_p != was_p.get(promise_id):
                        if current_p != made_p.get(promise_id):
                            raise InvalidInput(
                                f"promise {promise_id[:8]} has changed since {change.what!r}; "
                                "nothing was undone"
                            )
                        promises[promise_id] = was_p.get(promise_id)
                self._write(entries, promises, years)
                return self.history.mark_undone(path, change)

    def _write(
        self,
        entries: dict[dt.date, Entry | None],
        promises: dict[str, Promise | None],
        years: dict[str, int],
    ) -> None:
        by_year: dict[int, dict[dt.date, Entry | None]] = {}
        for day, entry in entries.items():
            by_year.setdefault(day.year, {})[day] = entry
        for year, changes in sorted(by_year.items()):
            self.entries.apply(year, changes)
        promise_years: dict[int, dict[str, Promise | None]] = {}
        for promise_id, promise in promises.items():
            promise_years.setdefault(years[promise_id], {})[promise_id] = promise
        for year, promise_changes in sorted(promise_years.items()):
            self.promises.apply(year, promise_changes)

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
