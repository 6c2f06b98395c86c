"""The figures built from the journal: each entry's word counts, remembered, and the trends
report over a window of time.

A report reads only the years its window reaches (journal/stats.py says how far that is), the
years back to where today's streak began, and the promises still open or settled in the window,
which the storage finds without parsing the years that hold none: a thirty-year journal costs
what a one-year one does.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Protocol

from journal.model import Entry, Promise

if TYPE_CHECKING:
    from journal.language import WordCounts
    from journal.periods import Period
    from journal.stats import Report
    from journal.store.journal_files import JournalFiles


class Journal(Protocol):
    """What a report reads (JournalReader, journal/app/reading.py, which comes here)."""

    files: JournalFiles

    def today(self) -> dt.date: ...

    def years(self) -> list[int]: ...

    def year_entries(self, year: int) -> list[Entry]: ...

    def word_counts(self, entry: Entry) -> WordCounts: ...


def counted(cache: dict[str, tuple[dt.datetime, WordCounts]], entry: Entry) -> WordCounts:
    """The language signal's counts for one entry, remembered in ``cache`` until the entry
    changes: counting years of words is most of the cost of the trends."""
    hit = cache.get(entry.id)
    if hit is not None and hit[0] == entry.updated:
        return hit[1]
    names = [h.person for h in entry.help]
    if entry.intent_for is not None and entry.intent_for.name:
        names.append(entry.intent_for.name)
    from journal.language import count

    counts = count(entry.texts(), names)
    cache[entry.id] = (entry.updated, counts)
    return counts


class Years:
    """The journal's entries, read a year at a time and only when asked for."""

    def __init__(self, journal: Journal) -> None:
        self.journal = journal
        self.stored = set(journal.years())
        self.read: dict[int, list[Entry]] = {}
        self.hidden: dict[int, set[dt.date]] = {}

    def year(self, year: int) -> list[Entry]:
        if year not in self.read:
            found = self.journal.year_entries(year) if year in self.stored else []
            self.read[year] = found
        return self.read[year]

    def hidden_in(self, year: int) -> set[dt.date]:
        """The year's private days."""
        if year not in self.hidden:
            self.hidden[year] = {e.date for e in self.year(year) if e.private}
        return self.hidden[year]

    def private(self, day: dt.date) -> bool:
        return day in self.hidden_in(day.year)


def reaching(
    years: Years, wanted: set[int], today: dt.date, include_private: bool, show_streak: bool
) -> list[Entry]:
    """The entries of the ``wanted`` years, oldest first, and of earlier ones as far back as
    today's streak goes, to the day before it began (whose years join ``wanted``)."""
    from journal.trends import streak

    def entries() -> list[Entry]:
        found = [e for y in sorted(wanted) for e in years.year(y)]
        return found if include_private else [e for e in found if not e.private]

    chosen = entries()
    while show_streak:
        before = today - dt.timedelta(days=streak({e.date for e in chosen}, today) + 1)
        if before.year in wanted or before.year not in years.stored:
            return chosen
        wanted.add(before.year)
        chosen = entries()
    return chosen


def report(
    journal: Journal,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    period: Period = "week",
    show_streak: bool = True,
    include_private: bool = True,
) -> Report:
    """Trends for [start, end] (default: the last 12 weeks); see journal/stats.py. The same
    report as one built from every record, from the years it needs."""
    from journal.stats import build, reach

    today = journal.today()
    needs = reach(today, start, end)
    years = Years(journal)
    wanted = {y for first, last in needs.days for y in range(first.year, last.year + 1)}
    chosen = reaching(years, wanted, today, include_private, show_streak)
    promises: list[Promise] = journal.files.promises.for_window(needs.made, needs.settled)
    if not include_private:
        promises = [p for p in promises if not years.private(p.made_on)]
    return build(
        chosen,
        promises,
        journal.word_counts,
        today=today,
        start=start,
        end=end,
        period=period,
        show_streak=show_streak,
    )


def private_days(
    journal: Journal, start: dt.date, end: dt.date, show_streak: bool
) -> frozenset[dt.date]:
    """The private days of the years a summary of [start, end] reads: those its trends reach
    (journal/stats.py), and back from today as far as the streak goes; the years between
    the range and today are not read (journal/report/left_out.py counts what matters)."""
    from journal.stats import reach

    today = journal.today()
    first, last = reach(today, start, end).days[0]
    years = Years(journal)
    wanted = {*range(first.year, last.year + 1), today.year}
    reaching(years, wanted, today, False, show_streak)
    return frozenset(d for y in wanted for d in years.hidden_in(y))
