"""JournalReader: every read of the journal, served from per-year caches.

Caches refresh when a file changes on disk, so a reader in one process sees what another
process saved. JournalService adds the changes on top.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from journal.errors import InvalidInput, NotFound
from journal.model import RESOLUTIONS, Entry, HelpAsk, Promise, validate
from journal.paths import journal_dir
from journal.storage import ShardedStore, StatKey

if TYPE_CHECKING:
    from journal.language import WordCounts
    from journal.periods import Period
    from journal.stats import Report

ENTRIES = "entries"
PROMISES = "promises"
MIN_REF = 4


class JournalReader:
    """Reads are served from per-year caches that refresh when a file changes on disk."""

    def __init__(self, home: Path, today: Callable[[], dt.date] | None = None) -> None:
        self.home = home
        self.store = ShardedStore(journal_dir(home))
        self._today = today or dt.date.today
        self._entries: dict[int, tuple[StatKey | None, list[Entry]]] = {}
        self._promises: dict[int, tuple[StatKey | None, list[Promise]]] = {}
        self._counts: dict[str, tuple[dt.datetime, WordCounts]] = {}

    def today(self) -> dt.date:
        return self._today()

    # ----- reading -------------------------------------------------------------------------

    def years(self) -> list[int]:
        """Years that hold entries, oldest first."""
        return self.store.years(ENTRIES)

    def year_entries(self, year: int) -> list[Entry]:
        """One year's entries, oldest first, converted once per change of the file."""
        stamp = self.store.stamp(ENTRIES, year)
        hit = self._entries.get(year)
        if hit and hit[0] == stamp:
            return hit[1]
        where = str(self.store.shard_path(ENTRIES, year))
        rows = self.store.table(ENTRIES, year)
        entries = sorted((validate(r, Entry, where) for r in rows.values()), key=lambda e: e.date)
        self._entries[year] = (stamp, entries)
        return entries

    def year_promises(self, year: int) -> list[Promise]:
        stamp = self.store.stamp(PROMISES, year)
        hit = self._promises.get(year)
        if hit and hit[0] == stamp:
            return hit[1]
        where = str(self.store.shard_path(PROMISES, year))
        rows = self.store.table(PROMISES, year)
        promises = sorted(
            (validate(r, Promise, where) for r in rows.values()),
            key=lambda p: (p.made_on, p.created),
        )
        self._promises[year] = (stamp, promises)
        return promises

    def entry(self, day: dt.date) -> Entry | None:
        if day.year not in self.years():
            return None
        row = self.store.table(ENTRIES, day.year).get(str(day.toordinal()))
        where = str(self.store.shard_path(ENTRIES, day.year))
        return validate(row, Entry, where) if row else None

    def has_entries(self) -> bool:
        return any(self.store.table(ENTRIES, y) for y in self.years())

    def entries(
        self,
        *,
        start: dt.date | None = None,
        end: dt.date | None = None,
        tag: str | None = None,
        contains: str | None = None,
        include_private: bool = True,
    ) -> list[Entry]:
        """Matching entries, newest first; only the shards inside the range are read."""
        needle = contains.casefold() if contains else None
        out: list[Entry] = []
        for year in reversed(self.years()):
            if (start and year < start.year) or (end and year > end.year):
                continue
            for entry in reversed(self.year_entries(year)):
                if (start and entry.date < start) or (end and entry.date > end):
                    continue
                if tag and tag not in entry.tags:
                    continue
                if not include_private and entry.private:
                    continue
                if needle and not any(needle in t.casefold() for t in _searchable(entry)):
                    continue
                out.append(entry)
        return out

    def all_promises(self) -> list[Promise]:
        return [p for y in self.store.years(PROMISES) for p in self.year_promises(y)]

    def promises_made_on(self, day: dt.date) -> list[Promise]:
        iso = day.isoformat()
        return self._scan_promises(lambda r: r.get("made_on") == iso, years=[day.year])

    def _scan_promises(
        self, keep: Callable[[dict[str, Any]], bool], years: Iterable[int] | None = None
    ) -> list[Promise]:
        """Promises whose stored row passes ``keep``, oldest first. Only those are validated:
        the evening needs the handful still open, not ten years of finished ones. Filters keep
        any row whose status is not a valid outcome, so a damaged one is refused, not hidden."""
        found: list[Promise] = []
        stored = self.store.years(PROMISES)
        for year in stored if years is None else [y for y in years if y in stored]:
            where = str(self.store.shard_path(PROMISES, year))
            rows = self.store.table(PROMISES, year).values()
            found += [validate(r, Promise, where) for r in rows if keep(r)]
        return sorted(found, key=lambda p: (p.made_on, p.created))

    def open_promises(self, until: dt.date | None = None) -> list[Promise]:
        """Open promises made on or before ``until``: they carry forward until resolved."""
        last = until.isoformat() if until else "9999"
        return self._scan_promises(
            lambda r: r.get("status") not in RESOLUTIONS and str(r.get("made_on", "")) <= last
        )

    def follow_up(self, day: dt.date) -> list[Promise]:
        """What the evening asks about: open promises, plus those resolved today (so the
        person sees the outcome they just gave), oldest first."""
        iso = day.isoformat()
        return self._scan_promises(
            lambda r: (
                str(r.get("made_on", "")) <= iso
                and (r.get("status") not in RESOLUTIONS or r.get("resolved_on") == iso)
            )
        )

    def help_to_follow_up(self, day: dt.date, days: int = 7) -> list[tuple[dt.date, HelpAsk]]:
        """Today's asks, and earlier ones from the last week whose outcome is still unknown."""
        out: list[tuple[dt.date, HelpAsk]] = []
        for back in range(days, -1, -1):
            entry = self.entry(day - dt.timedelta(days=back))
            if entry is not None:
                out += [(entry.date, h) for h in entry.help if entry.date == day or h.done is None]
        return out

    # ----- analytics -----------------------------------------------------------------------

    def word_counts(self, entry: Entry) -> WordCounts:
        """The language signal's counts for one entry, remembered until the entry changes:
        counting ten years of words is most of the cost of the trends."""
        hit = self._counts.get(entry.id)
        if hit is not None and hit[0] == entry.updated:
            return hit[1]
        names = [h.person for h in entry.help]
        if entry.intent_for is not None and entry.intent_for.name:
            names.append(entry.intent_for.name)
        from journal.language import count

        counted = count(entry.texts(), names)
        self._counts[entry.id] = (entry.updated, counted)
        return counted

    def report(
        self,
        *,
        start: dt.date | None = None,
        end: dt.date | None = None,
        period: Period = "week",
        show_streak: bool = True,
        include_private: bool = True,
    ) -> Report:
        """Trends for [start, end] (default: the last 12 weeks); see journal/stats.py."""
        entries = [e for y in self.years() for e in self.year_entries(y)]
        promises = self.all_promises()
        if not include_private:
            private = {e.date for e in entries if e.private}
            entries = [e for e in entries if not e.private]
            promises = [p for p in promises if p.made_on not in private]
        from journal.stats import build

        return build(
            entries,
            promises,
            self.word_counts,
            today=self.today(),
            start=start,
            end=end,
            period=period,
            show_streak=show_streak,
        )

    def find_promise(self, ref: str) -> Promise:
        """A promise by its id or a unique prefix of it (at least four characters, like git)."""
        ref = ref.strip().lower()
        if len(ref) < MIN_REF:
            raise InvalidInput(
                f"promise id {ref!r} is too short: give at least {MIN_REF} characters"
            )
        hits = [p for p in self.all_promises() if p.id.startswith(ref)]
        if not hits:
            raise NotFound(f"no promise with id {ref!r} (see `coach promises`)")
        if len(hits) > 1:
            raise InvalidInput(f"promise id {ref!r} matches {len(hits)} promises; give more of it")
        return hits[0]


def _searchable(entry: Entry) -> list[str]:
    extra = [entry.intent_for.name] if entry.intent_for else []
    return [*entry.texts(), *(h.person for h in entry.help), *entry.tags, *extra]
