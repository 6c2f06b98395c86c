"""A journal folder as one unit: its days and its promises behind one lock, and the changes
that touch both kinds of file, each checked whole before the first file is written."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import msgspec

from journal.change import Change
from journal.errors import InvalidInput, NotFound
from journal.model import Entry, Promise, new_id, now, to_builtins, validate
from journal.person import PersonRecord
from journal.store.change_mark import ChangeMark
from journal.store.crypt import Codec, PlainCodec
from journal.store.disk import remove
from journal.store.entries import ENTRIES, EntryRepository
from journal.store.files import ShardedStore
from journal.store.history import HistoryRepository
from journal.store.people import PEOPLE, PeopleRepository
from journal.store.promise_heads import KEPT_FILE, KeptHeads
from journal.store.promises import PROMISES, PromiseRepository


class Batch(msgspec.Struct, kw_only=True):
    """Records changed together: days put (an Entry) or deleted (None), promises put (added,
    or replacing the one with their id) or deleted, person records put or deleted (None)."""

    entries: dict[dt.date, Entry | None] = msgspec.field(default_factory=dict)
    promises: list[Promise] = msgspec.field(default_factory=list)
    deleted: list[Promise] = msgspec.field(default_factory=list)
    people: dict[str, PersonRecord | None] = msgspec.field(default_factory=dict)


Writes = tuple[
    dict[dt.date, Entry | None], dict[str, Promise | None], dict[str, PersonRecord | None]
]
"""Days, promises and person records to put (or delete, None), as one batch writes them."""


def _years(change: Change) -> dict[str, int]:
    """The year each promise of a change was made: the file it lives in."""
    return {p.id: p.made_on.year for p in [*change.promises_before, *change.promises_after]}


class JournalFiles:
    def __init__(
        self, folder: Path, codec: Codec | None = None, history: Path | None = None
    ) -> None:
        """``history``: where changes are kept for undo; a journal without one (a client's
        copy in a coach's workspace) keeps none."""
        self.folder = folder
        self.store = ShardedStore(folder, codec)
        self.entries = EntryRepository(self.store)
        own = history is not None and isinstance(self.store.codec, PlainCodec)
        self.promises = PromiseRepository(
            self.store, KeptHeads(folder / KEPT_FILE) if own else None
        )
        self.people = PeopleRepository(self.store)
        self.history = HistoryRepository(self.store, history) if history else None
        if history:
            self.store.marks = ChangeMark(history, self._finish)

    def keep_for_next_run(self) -> None:
        """What this run read about each year of promises, kept so the next one starts
        without reading it again (journal/store/promise_heads.py). An encrypted journal keeps
        none, and removes what an app opened before `coach encrypt` could have left."""
        if self.promises.kept is not None:
            self.promises.kept.save()
        elif self.history is not None:
            with contextlib.suppress(OSError):
                remove(self.folder / KEPT_FILE)

    def revision(self) -> tuple[object, ...]:
        """Changes whenever any file of the journal does (a save here or in another process),
        so a figure built from the journal can tell it is still current without reading it."""
        return (
            *(
                (kind, year, self.store.stamp(kind, year))
                for kind in (ENTRIES, PROMISES)
                for year in self.store.years(kind)
            ),
            (PEOPLE, self.store.stamp(PEOPLE, None)),
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

    def commit(
        self,
        batch: Batch,
        what: str,
        group: str = "",
        also: Callable[[], None] | None = None,
    ) -> Change | None:
        """Write a batch and its record in the history (for undo) as one change: all of it
        or none, whatever stops the writing. ``also`` makes more saves in the same change
        (the comments of an imported backup). Returns the change, or None when the batch
        changes nothing."""
        promises = [*batch.promises, *batch.deleted]
        with (
            self.changing({day.year for day in batch.entries}, {p.made_on.year for p in promises}),
            self.store.all_or_nothing(),
        ):
            if batch.people:
                self.people.check()
            entries_before = {day: self.entries.get(day) for day in batch.entries}
            promises_before = {
                p.id: self.promises.find_current(p.id, p.made_on.year) for p in promises
            }
            promises_after: dict[str, Promise | None] = {p.id: p for p in batch.promises}
            promises_after.update((p.id, None) for p in batch.deleted)
            people_before = {pid: self.people.get(pid) for pid in batch.people}
            if (
                entries_before == batch.entries
                and promises_before == promises_after
                and people_before == batch.people
            ):
                if also is not None:
                    also()
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
                person_ids=list(batch.people),
                people_before=[r for r in people_before.values() if r is not None],
                people_after=[r for r in batch.people.values() if r is not None],
            )
            for entry in change.entries_after:  # refused whole before anything is written
                validate(to_builtins(entry), Entry)
            for promise in change.promises_after:
                validate(to_builtins(promise), Promise)
            for record in change.people_after:
                validate(to_builtins(record), PersonRecord)
            if self.history is not None:
                self._describe(self.history.record(change), change)
            years = {p.id: p.made_on.year for p in promises}
            self._write(batch.entries, promises_after, years, batch.people)
            if also is not None:
                also()
            return change

    def _toward(self, change: Change, before: bool) -> Writes | None:
        """What to write so every record of ``change`` is as it was before it (or after);
        None when a record is in none of the states the change knows (changed since by
        something the history does not hold)."""
        was = {e.date: e for e in change.entries_before}
        made = {e.date: e for e in change.entries_after}
        prior = {e.date: e for e in change.entries_prior}
        want, other = (was, made) if before else (made, was)
        entries: dict[dt.date, Entry | None] = {}
        for day in change.days:
            current = self.entries.get(day)
            if current != want.get(day):
                if current != other.get(day) and not (day in prior and current == prior[day]):
                    return None
                entries[day] = want.get(day)
        was_p = {p.id: p for p in change.promises_before}
        made_p = {p.id: p for p in change.promises_after}
        prior_p = {p.id: p for p in change.promises_prior}
        want_p, other_p = (was_p, made_p) if before else (made_p, was_p)
        years = _years(change)
        promises: dict[str, Promise | None] = {}
        for pid in change.promise_ids:
            current_p = self.promises.find_current(pid, years[pid])
            if current_p != want_p.get(pid):
                if current_p != other_p.get(pid) and not (
                    pid in prior_p and current_p == prior_p[pid]
                ):
                    return None
                promises[pid] = want_p.get(pid)
        was_r = {r.id: r for r in change.people_before}
        made_r = {r.id: r for r in change.people_after}
        prior_r = {r.id: r for r in change.people_prior}
        want_r, other_r = (was_r, made_r) if before else (made_r, was_r)
        people: dict[str, PersonRecord | None] = {}
        for rid in change.person_ids:
            current_r = self.people.get(rid)
            if current_r != want_r.get(rid):
                if current_r != other_r.get(rid) and not (
                    rid in prior_r and current_r == prior_r[rid]
                ):
                    return None
                people[rid] = want_r.get(rid)
        return entries, promises, people

    def undo(self) -> Change:
        """Put back the records of the newest change not yet undone, marked undone first. A
        record changed since (in another process, or by an import) is not overwritten: the
        undo is refused whole."""
        nothing = NotFound("nothing to undo: no change is left in the history")
        if self.history is None or self.history.last_active() is None:
            raise nothing  # said before the lock is taken, so nothing is touched
        with self.store.locked():
            found = self.history.last_active()
            if found is None:
                raise nothing
            path, change = found
            years = _years(change)
            with (
                self.changing({d.year for d in change.days}, set(years.values())),
                self.store.all_or_nothing(),
            ):
                writes = self._toward(change, before=True)
                if writes is None:
                    raise InvalidInput(
                        f"cannot undo {change.what!r}: what it changed was changed again "
                        "since (elsewhere, or by an import); nothing was undone"
                    )
                marked = self.history.mark_undone(path, change)
                self._describe(path, change)
                self._write(*writes[:2], years, writes[2])
                return marked

    def _describe(self, record: Path | None, change: Change) -> None:
        """The files ``change`` writes, all described by its ``record`` in the history."""
        if record is None:
            return
        shard = self.store.shard_path
        files = {shard(ENTRIES, day.year) for day in change.days}
        files |= {shard(PROMISES, year) for year in _years(change).values()}
        if change.person_ids:
            files.add(shard(PEOPLE, None))
        self.store.describe(record, frozenset(files))

    def _finish(self, mark: Path) -> None:
        """A change cut short after its record was made durable: every record it touched
        brought to the state it describes (journal/store/change_mark.py). Under the lock."""
        if self.history is None:
            return
        change = self.history.put_back(mark)
        years = _years(change)
        with self.changing({d.year for d in change.days}, set(years.values())):
            writes = self._toward(change, before=change.undone is not None)
            if writes is not None:  # else the journal moved on since (a mark a power cut kept)
                self._write(*writes[:2], years, writes[2])

    def _write(
        self,
        entries: dict[dt.date, Entry | None],
        promises: dict[str, Promise | None],
        years: dict[str, int],
        people: dict[str, PersonRecord | None] | None = None,
    ) -> None:
        """Each file once, all of them or none."""
        by_year: dict[int, dict[dt.date, Entry | None]] = {}
        for day, entry in entries.items():
            by_year.setdefault(day.year, {})[day] = entry
        promise_years: dict[int, dict[str, Promise | None]] = {}
        for promise_id, promise in promises.items():
            promise_years.setdefault(years[promise_id], {})[promise_id] = promise
        with self.store.all_or_nothing():
            for year, changes in sorted(by_year.items()):
                self.entries.apply(year, changes)
            for year, promise_changes in sorted(promise_years.items()):
                self.promises.apply(year, promise_changes)
            if people:
                self.people.apply(people)

    def write_bulk(
        self,
        entries: Iterable[Entry],
        promises: Iterable[Promise],
        what: str = "",
        also: Callable[[], None] | None = None,
        people: Iterable[PersonRecord] = (),
    ) -> None:
        """Many records with one save per year: a demo journal, or (with ``what``, kept in
        the history and so undoable) an import, whose other saves ``also`` makes."""
        entries, promises = list(entries), list(promises)
        records: dict[str, PersonRecord | None] = {r.id: r for r in people}
        if what:
            batch = Batch(entries={e.date: e for e in entries}, promises=promises, people=records)
            self.commit(batch, what, also=also)
            return
        with (
            self.changing({e.date.year for e in entries}, {p.made_on.year for p in promises}),
            self.store.all_or_nothing(),
        ):
            self.entries.put_many(entries)
            self.promises.add(promises)
            if records:
                self.people.apply(records)

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
            with self.store.all_or_nothing():
                self.entries.replace_range(start, end, entries)
                self.promises.replace_range(start, end, promises)
