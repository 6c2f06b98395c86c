"""Promises, in files of their own per year (by the day each was made), so the evening's open
promises are found without parsing ten years of entries.

Rows are numbered in the order they arrive (TinyDB's document ids); a promise is found by its
own id field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from journal.errors import InvalidInput, NotFound
from journal.model import RESOLUTIONS, Promise, to_builtins, validate
from journal.store.files import ShardedStore
from journal.store.promise_heads import HEADS, KeptHeads, YearHeads, summarise
from journal.store.yearly import YearlyRecords

PROMISES = "promises"
MIN_REF = 4
"""A promise id may be shortened to this many characters, like a git hash."""
Span = tuple[dt.date, dt.date]


class PromiseRepository(YearlyRecords[Promise]):
    """Promises in the order they were made."""

    def __init__(self, store: ShardedStore, kept: KeptHeads | None = None) -> None:
        """``kept``: where each year's heads are kept between runs (the person's own
        journal, unencrypted)."""
        super().__init__(store, PROMISES, Promise, lambda p: (p.made_on, p.created))
        self.kept = kept

    # ----- the day-to-day reads: only matching rows are validated -----------------------------

    def made_on(self, day: dt.date) -> list[Promise]:
        iso = day.isoformat()
        return self._scan(
            lambda r: r.get("made_on") == iso,
            lambda year: year.made_within(iso, iso),
            years=[day.year],
        )

    def open(self, until: dt.date | None = None) -> list[Promise]:
        """Open promises made on or before ``until``: they carry forward until resolved."""
        last = until.isoformat() if until else "9999"
        return self._scan(
            lambda r: r.get("status") not in RESOLUTIONS and str(r.get("made_on", "")) <= last,
            lambda year: year.unsettled_by(last),
        )

    def follow_up(self, day: dt.date) -> list[Promise]:
        """Open promises made by ``day``, plus those resolved on it (so the evening shows the
        outcome just given), oldest first."""
        iso = day.isoformat()
        return self._scan(
            lambda r: (
                str(r.get("made_on", "")) <= iso
                and (r.get("status") not in RESOLUTIONS or r.get("resolved_on") == iso)
            ),
            lambda year: year.unsettled_by(iso) or year.settled_within(iso, iso),
        )

    def for_window(self, made: Span, settled: Span) -> list[Promise]:
        """What a report over a window needs, oldest first: promises made within ``made``,
        those settled within ``settled`` (whenever they were made), and every open one."""
        made_from, made_to = (d.isoformat() for d in made)
        settled_from, settled_to = (d.isoformat() for d in settled)

        def needed(r: dict[str, Any]) -> bool:
            resolved = r.get("resolved_on")
            return (
                r.get("status") not in RESOLUTIONS
                or made_from <= str(r.get("made_on", "")) <= made_to
                or (isinstance(resolved, str) and settled_from <= resolved <= settled_to)
            )

        return self._scan(
            needed,
            lambda year: (
                bool(year.unsettled)
                or year.made_within(made_from, made_to)
                or year.settled_within(settled_from, settled_to)
            ),
        )

    def heads(self, year: int) -> YearHeads:
        """One year's promises summed up (journal/store/promise_heads.py), once per change of
        its file, without parsing it when it is not parsed already; kept between runs."""
        kept = self.kept if not self.store.holding() else None  # a change reads the files
        key = None
        if kept is not None:
            key = self.store.stamp(PROMISES, year)  # settled: _scan listed the years first
            found = kept.get(year, key) if key is not None else None
            if found is not None:
                return found
        summed: YearHeads = self.store.peek(PROMISES, year, HEADS, summarise)
        if kept is not None and key is not None:
            kept.put(year, key, summed)
        return summed

    def _scan(
        self,
        keep: Callable[[dict[str, Any]], bool],
        might: Callable[[YearHeads], bool],
        years: Iterable[int] | None = None,
    ) -> list[Promise]:
        """Promises whose stored row passes ``keep``, oldest first. Only those are validated,
        and a year whose heads say none ``might`` is not parsed at all: the evening needs the
        handful still open, not thirty years of settled ones. The filters keep any row whose
        status is not a valid outcome, so a damaged one is refused, not hidden. Stored dates
        are ISO strings, which compare in date order."""
        found: list[Promise] = []
        stored = self.years()
        for year in stored if years is None else [y for y in years if y in stored]:
            if not self.store.parsed(PROMISES, year) and not might(self.heads(year)):
                continue  # neither parsed already nor holding any promise asked for
            where = self.where(year)
            rows = self.store.rows(PROMISES, year).values()
            found += [validate(r, Promise, where) for r in rows if keep(r)]
        return sorted(found, key=lambda p: (p.made_on, p.created))

    def find(self, ref: str) -> Promise:
        """A promise by its id or a unique prefix of it (at least four characters, like git)."""
        ref = ref.strip().lower()
        if len(ref) < MIN_REF:
            raise InvalidInput(
                f"promise id {ref!r} is too short: give at least {MIN_REF} characters"
            )
        hits = [p for p in self.all() if p.id.startswith(ref)]
        if not hits:
            raise NotFound(f"no promise with id {ref!r} (see `coach promises`)")
        if len(hits) > 1:
            raise InvalidInput(f"promise id {ref!r} matches {len(hits)} promises; give more of it")
        return hits[0]

    # ----- changes, under the store's lock ---------------------------------------------------

    def current(self, promise: Promise) -> Promise:
        """The promise as it is on disk now (another process may have changed it)."""
        for p in self.year(promise.made_on.year):
            if p.id == promise.id:
                return p
        raise NotFound(f"promise {promise.short_id} is no longer in the journal")

    def add(self, promises: Iterable[Promise]) -> None:
        """New promises, numbered after the last row of their year; one save per year."""
        by_year: dict[int, list[Promise]] = {}
        for p in promises:
            by_year.setdefault(p.made_on.year, []).append(p)
        for year, batch in sorted(by_year.items()):
            shard = self.store.edit(PROMISES, year)
            next_key = _next_key(shard.rows)
            for p in batch:
                shard.rows[str(next_key)] = _row(p)
                next_key += 1
            shard.save()

    def find_current(self, promise_id: str, year: int) -> Promise | None:
        return next((p for p in self.year(year) if p.id == promise_id), None)

    def apply(self, year: int, changes: dict[str, Promise | None]) -> None:
        """One year's promises put (replacing the one with its id, or added) or deleted
        (None), in one save of its file."""
        shard = self.store.edit(PROMISES, year)
        keys = {r.get("id"): k for k, r in shard.rows.items()}
        next_key = _next_key(shard.rows)
        for promise_id, promise in changes.items():
            key = keys.get(promise_id)
            if promise is None:
                if key is not None:
                    del shard.rows[key]
                continue
            if key is None:
                key, next_key = str(next_key), next_key + 1
            shard.rows[key] = _row(promise)
        shard.save()

    def replace_range(self, start: dt.date, end: dt.date, promises: list[Promise]) -> None:
        """Promises made in [start, end], and any with the id of one given, are replaced by
        ``promises``; a year's file is written only if it changed."""
        ids = {p.id for p in promises}
        span = set(range(start.year, end.year + 1)) | {p.made_on.year for p in promises}
        for year in sorted(span):
            mine = [p for p in promises if p.made_on.year == year]
            if not mine and year not in self.years():
                continue
            leaving = {p.id for p in self.year(year) if p.id in ids or start <= p.made_on <= end}
            shard = self.store.edit(PROMISES, year)
            old = dict(shard.rows)
            was = {r.get("id"): k for k, r in old.items()}
            rows = {k: r for k, r in old.items() if r.get("id") not in leaving}
            next_key = _next_key(old)
            for p in mine:
                # A promise keeps its row number, so an unchanged share rewrites nothing.
                key = was.get(p.id)
                if key is None:
                    key, next_key = str(next_key), next_key + 1
                rows[key] = _row(p)
            if rows != old:
                shard.tables[PROMISES] = rows
                shard.save()


def _next_key(rows: dict[str, Any]) -> int:
    return max((int(k) for k in rows if k.isdigit()), default=0) + 1


def _row(promise: Promise) -> dict[str, object]:
    return to_builtins(validate(to_builtins(promise), Promise))
