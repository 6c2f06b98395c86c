"""JournalReader: one journal's reads, and the figures built from them.

JournalService (journal/app/service.py) adds the changes. Reads need no lock: each year's file
is parsed once per change of it (journal/store), and a read over a window of time touches
only the years inside it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from journal.model import HelpAsk, Promise
from journal.person import PersonRecord
from journal.search import Search
from journal.store.journal_files import JournalFiles

if TYPE_CHECKING:
    from journal.language import WordCounts
    from journal.model import Entry
    from journal.periods import Period
    from journal.stats import Report


class JournalReader:
    """The reads of one journal; the changes are JournalService's."""

    def __init__(self, files: JournalFiles, today: Callable[[], dt.date] | None = None) -> None:
        self.files = files
        self._today = today or dt.date.today
        self._counts: dict[str, tuple[dt.datetime, WordCounts]] = {}

    def today(self) -> dt.date:
        return self._today()

    def revision(self) -> tuple[object, ...]:
        """Equal while nothing in the journal has changed on disk."""
        return self.files.revision()

    def keep_for_next_run(self) -> None:
        """What this run read of the years gone by, kept so the next run opens faster; done
        off the first screen's path (the app's warm-up)."""
        self.files.keep_for_next_run()

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Several reads and changes as one step, with no other process in between."""
        with self.files.changing():
            yield

    # ----- reading -------------------------------------------------------------------------

    def years(self) -> list[int]:
        """Years that hold entries, oldest first."""
        return self.files.entries.years()

    def year_entries(self, year: int) -> list[Entry]:
        return self.files.entries.year(year)

    def all_entries(self) -> list[Entry]:
        """Every entry, oldest first."""
        return self.files.entries.all()

    def entry(self, day: dt.date) -> Entry | None:
        return self.files.entries.get(day)

    def has_entries(self) -> bool:
        return self.files.entries.any()

    def entries(
        self,
        *,
        start: dt.date | None = None,
        end: dt.date | None = None,
        tags: Sequence[str] = (),
        contains: str | None = None,
        include_private: bool = True,
        people: Sequence[str] = (),
    ) -> list[Entry]:
        """Matching entries, newest first; only the years inside the range are read.
        ``people``: names of people every day found must name (any of their aliases)."""
        search = Search(
            start=start,
            end=end,
            tags=tuple(tags),
            contains=contains,
            include_private=include_private,
            people=tuple(self.name_keys(name) for name in people),
        )
        found = []
        for year in reversed(self.years()):
            if not search.covers_year(year):
                continue
            promised: dict[dt.date, list[Promise]] = {}
            if contains or people:  # the promises made that year are searched with their days
                for p in self.files.promises.year(year):
                    promised.setdefault(p.made_on, []).append(p)
            found += [
                entry
                for entry in reversed(self.files.entries.year(year))
                if search.matches(entry, promised.get(entry.date, ()))
            ]
        return found

    def first_day(self) -> dt.date | None:
        """The first entry's date: only the oldest year that holds any is read."""
        for year in self.years():
            found = self.year_entries(year)
            if found:
                return found[0].date
        return None

    def days_between(self, start: dt.date, end: dt.date) -> list[Entry]:
        """Entries dated within [start, end], oldest first; only those years are read."""
        years = [y for y in self.years() if start.year <= y <= end.year]
        return [e for y in years for e in self.year_entries(y) if start <= e.date <= end]

    def promises_between(self, start: dt.date, end: dt.date) -> list[Promise]:
        """Promises made within [start, end], oldest first; only those years are read."""
        years = [y for y in self.files.promises.years() if start.year <= y <= end.year]
        found = (p for y in years for p in self.files.promises.year(y))
        return [p for p in found if start <= p.made_on <= end]

    def all_promises(self) -> list[Promise]:
        return self.files.promises.all()

    def name_keys(self, name: str) -> frozenset[str]:
        """Every name one person goes by: theirs and their aliases, if they have a record."""
        from journal.people.directory import PeopleIndex
        from journal.person import person_key

        record = PeopleIndex(self.people()).lookup(name)
        if record is None:
            return frozenset({person_key(name)})
        return frozenset({record.key, *(person_key(a) for a in record.aliases)})

    def people(self) -> list[PersonRecord]:
        """The person records kept (not the people worked out from the days)."""
        return self.files.people.all()

    def promises_made_on(self, day: dt.date) -> list[Promise]:
        return self.files.promises.made_on(day)

    def open_promises(self, until: dt.date | None = None) -> list[Promise]:
        """Open promises made on or before ``until``: they carry forward until resolved."""
        return self.files.promises.open(until)

    def follow_up(self, day: dt.date) -> list[Promise]:
        """What the evening asks about: open promises, plus those resolved today."""
        return self.files.promises.follow_up(day)

    def find_promise(self, ref: str) -> Promise:
        return self.files.promises.find(ref)

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
        """The language signal's counts for one entry, remembered until the entry changes."""
        from journal.app.analytics import counted

        return counted(self._counts, entry)

    def report(
        self,
        *,
        start: dt.date | None = None,
        end: dt.date | None = None,
        period: Period = "week",
        show_streak: bool = True,
        include_private: bool = True,
    ) -> Report:
        """Trends for [start, end] (default: the last 12 weeks), from only the years they
        reach; see journal/app/analytics.py and journal/stats.py."""
        from journal.app.analytics import report

        return report(
            self,
            start=start,
            end=end,
            period=period,
            show_streak=show_streak,
            include_private=include_private,
        )
