"""Reads over a window of time touch only the years they need, and say exactly what a read of
every year would: the trends report (open promises carried from old years, promises settled in
the window whenever made, the streak back across new year, private days), a summary's choice
of records, and the storage's shortcuts (promise heads, records read straight from JSON)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import msgspec
import pytest

from journal.app.demo import write_demo
from journal.app.exporting import select
from journal.app.home import Home
from journal.app.service import JournalService
from journal.errors import JournalError
from journal.model import Entry, Promise, Ratings, new_id
from journal.periods import Period
from journal.stats import Report, build, to_json

TODAY = dt.date(2026, 1, 10)
"""Early January: the default window and the streak both reach back into last year."""
TZ = dt.timezone.utc
YEARS = 5


def full_report(journal: JournalService, **window: Any) -> Report:
    """The report as it was built before windowed reads: from every entry and promise."""
    include_private = window.pop("include_private", True)
    entries, promises = journal.all_entries(), journal.all_promises()
    if not include_private:
        private = {e.date for e in entries if e.private}
        entries = [e for e in entries if not e.private]
        promises = [p for p in promises if p.made_on not in private]
    return build(entries, promises, journal.word_counts, today=journal.today(), **window)


def stamp(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(20), TZ)


def entry(day: dt.date, private: bool = False) -> Entry:
    return Entry(
        id=new_id(),
        date=day,
        created=stamp(day),
        updated=stamp(day),
        intent="listen to the team before I answer",
        ratings=Ratings(reliability=7, self_orientation=4),
        private=private,
    )


def promise(made: dt.date, status: str = "open", resolved: dt.date | None = None) -> Promise:
    return msgspec.convert(
        {
            "id": new_id(),
            "made_on": made.isoformat(),
            "created": stamp(made).isoformat(),
            "updated": stamp(resolved or made).isoformat(),
            "text": f"the draft made on {made}",
            "kind": "commitment",
            "to": "Priya",
            "status": status,
            "resolved_on": resolved.isoformat() if resolved else None,
        },
        Promise,
    )


@pytest.fixture
def home(isolated_home: Path) -> Path:
    """Five years of demo, a streak of every day since November two years ago, an open
    commitment from the first year (made on a private day), one from the second (not), and
    one made four years ago but settled inside the window."""
    write_demo(Home(isolated_home, today=lambda: TODAY), YEARS, seed=3)
    journal = Home(isolated_home, today=lambda: TODAY).journal
    first = journal.all_entries()[0].date
    daily = [entry(dt.date(2024, 11, 1) + dt.timedelta(days=n)) for n in range(436)]
    assert daily[-1].date == TODAY
    old_private = entry(first + dt.timedelta(days=1), private=True)
    carried = [
        promise(old_private.date),
        promise(first + dt.timedelta(days=400)),
        promise(first + dt.timedelta(days=30), "kept", TODAY - dt.timedelta(days=20)),
    ]
    gap = dt.date(2024, 10, 31)  # no check-in the day before: the streak starts 1 November
    taken = {e.date for e in daily} | {old_private.date, gap}
    others = [e for e in journal.all_entries() if e.date not in taken]
    mine = [p for p in journal.all_promises() if p.made_on not in taken]
    # A fresh home: the demo's days are replaced where the hand-made ones fall.
    fresh = isolated_home.parent / "windowed"
    Home(fresh, today=lambda: TODAY).journal.write_bulk(
        [*others, *daily, old_private], [*mine, *carried]
    )
    return fresh


def fresh(home: Path) -> JournalService:
    """Another process: nothing read yet."""
    return Home(home, today=lambda: TODAY).journal


WINDOWS: list[dict[str, Any]] = [
    {},
    {"include_private": False},
    {"show_streak": False},
    {"start": dt.date(2025, 1, 10), "period": "month", "include_private": False},
    {"start": dt.date(2023, 2, 1), "end": dt.date(2023, 6, 30), "period": "week"},
    {"start": dt.date(2021, 1, 1), "period": "year"},
    {"end": dt.date(2022, 12, 31)},
    {"start": dt.date(2025, 12, 29), "end": dt.date(2026, 1, 4)},
]


@pytest.mark.parametrize(
    "window", WINDOWS, ids=lambda w: ",".join(f"{k}={v}" for k, v in w.items())
)
def test_the_windowed_report_is_the_report_of_every_record(
    home: Path, window: dict[str, Any]
) -> None:
    period: Period = window.get("period", "week")
    expected = to_json(full_report(fresh(home), **{**window, "period": period}))
    assert to_json(fresh(home).report(**{**window, "period": period})) == expected


def test_carried_promises_and_the_streak_reach_back_across_years(home: Path) -> None:
    report = fresh(home).report()
    # Every day from 1 November 2024 to 10 January 2026: 61 + 365 + 10 days, two new years.
    assert report.streak == 436
    made = {p.made_on.year for p in report.open_commitments}
    assert TODAY.year - YEARS in made and TODAY.year - YEARS + 1 in made
    private = fresh(home).report(include_private=False)
    assert len(private.open_commitments) == len(report.open_commitments) - 1
    # The promise made four years ago and kept twenty days ago counts in the last 30 days.
    assert report.reliability[30]["commitment"].kept >= 1


def broken_old_years(home: Path) -> Iterator[Path]:
    """The entries of the first three years, made unreadable."""
    for year in range(TODAY.year - YEARS, TODAY.year - 2):
        path = home / "journal" / f"entries-{year}.json"
        path.write_bytes(b"{not json")
        yield path


def test_a_report_of_recent_weeks_reads_no_entries_from_years_it_does_not_reach(
    home: Path,
) -> None:
    expected = to_json(fresh(home).report(show_streak=False))
    assert list(broken_old_years(home))
    assert to_json(fresh(home).report(show_streak=False)) == expected
    with pytest.raises(JournalError):
        fresh(home).all_entries()


def test_a_summary_selection_reads_its_years_and_says_what_every_record_would(
    home: Path,
) -> None:
    start, end = dt.date(2025, 1, 1), dt.date(2025, 12, 31)
    chosen = select(fresh(home), start=start, end=end, include_private=False)
    journal = fresh(home)
    everything = journal.all_entries()
    private = {e.date for e in everything if e.private}
    assert chosen.entries == [e for e in everything if start <= e.date <= end and not e.private]
    assert chosen.promises == [
        p for p in journal.all_promises() if start <= p.made_on <= end and p.made_on not in private
    ]
    assert chosen.private_dates == frozenset(d for d in private if d >= dt.date(2024, 1, 1))
    assert to_json(chosen.report) == to_json(
        full_report(journal, start=start, end=end, period=chosen.period, include_private=False)
    )


def test_the_first_entry_is_found_in_the_oldest_year_alone(home: Path) -> None:
    journal = fresh(home)
    first = journal.all_entries()[0].date
    assert fresh(home).first_day() == first
    assert select(fresh(home), start=None, end=None).start == first


def test_a_damaged_status_in_an_old_year_is_refused_not_hidden(home: Path) -> None:
    """Open promises come from every year: a row whose status is no outcome is read (and
    refused), though the year's other promises are passed over by their heads."""
    path = home / "journal" / f"promises-{TODAY.year - YEARS + 2}.json"
    data = msgspec.json.decode(path.read_bytes())
    row = next(iter(data["promises"].values()))
    row["status"] = "maybe"
    path.write_bytes(msgspec.json.encode(data))
    with pytest.raises(JournalError, match="status"):
        fresh(home).open_promises()
    with pytest.raises(JournalError, match="status"):
        fresh(home).report()


def test_records_read_straight_from_json_equal_those_validated_row_by_row(home: Path) -> None:
    journal = fresh(home)
    with journal.locked():  # under the lock every row is parsed and validated one by one
        by_rows = journal.all_entries(), journal.all_promises()
    assert (fresh(home).all_entries(), fresh(home).all_promises()) == by_rows
    day = by_rows[0][-1].date
    assert fresh(home).entry(day) == by_rows[0][-1]
    assert fresh(home).entry(day + dt.timedelta(days=1)) is None


def test_one_damaged_day_does_not_hide_the_others_of_its_year(home: Path) -> None:
    path = home / "journal" / f"entries-{TODAY.year}.json"
    data = msgspec.json.decode(path.read_bytes())
    rows = data["entries"]
    damaged = sorted(rows, key=int)[0]
    rows[damaged]["ratings"] = {"reliability": 99}
    path.write_bytes(msgspec.json.encode(data))
    assert fresh(home).entry(TODAY) is not None
    with pytest.raises(JournalError, match="reliability"):
        fresh(home).entry(dt.date.fromordinal(int(damaged)))
