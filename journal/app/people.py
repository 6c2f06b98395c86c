"""People: the relationship ledger's use cases, for the command line and the app alike.

Everyone named in the journal has a record, made on first use from the names already there
(nothing to type twice); what a person records about a relationship (level, stage, their
script, reviews, a reconnect cadence) is kept in that record, changed through the journal's
own all-or-nothing changes, and undone like any other change. What the journal shows per
person (contact, asks, promises and how they ended) is worked out by journal/people.
"""

from __future__ import annotations

import datetime as dt
import weakref
from collections.abc import Callable

import msgspec

from journal.app.service import JournalService
from journal.errors import InvalidInput
from journal.model import now
from journal.people.directory import auto_records, find, taken
from journal.people.due import PersonDue, people_due
from journal.people.figures import Ledger, PersonFigures, ledger
from journal.people.listing import PersonRow, SortBy, people_list
from journal.person import (
    Decision,
    Level,
    PersonRecord,
    ScriptPart,
    Stage,
    add_review,
    merge,
    rename,
    set_cadence,
    set_level,
    set_script,
    set_stage,
)
from journal.store.journal_files import Batch
from journal.text import one_line


class PersonView(msgspec.Struct, frozen=True, kw_only=True):
    """One person's page: their record and what the journal shows about them."""

    record: PersonRecord
    figures: PersonFigures
    overall: Ledger


_READ: weakref.WeakKeyDictionary[JournalService, tuple[object, list[PersonRecord], Ledger]]
_READ = weakref.WeakKeyDictionary()
"""The last ledger worked out per journal, with what it was worked out from: the list, the
due step and a person's page all need it, and it costs a pass over every day, while opening
a page from the list must feel instant. Kept until any journal file changes (the journal's
revision), the day turns or the other view of private days is asked for."""


def everyone(journal: JournalService) -> list[PersonRecord]:
    """The stored records, plus one (not yet stored) for each name the journal uses that has
    none: a ten-year journal has its people on first look."""
    return list(_read(journal, True)[0])


def _remembered(
    journal: JournalService, private: bool
) -> tuple[object, tuple[list[PersonRecord], Ledger] | None]:
    """What the ledger is worked out from now, and the ledger if it was worked out from it."""
    key = (journal.revision(), journal.today(), private)
    hit = _READ.get(journal)
    return key, (hit[1], hit[2]) if hit is not None and hit[0] == key else None


def _read(journal: JournalService, private: bool) -> tuple[list[PersonRecord], Ledger]:
    key, hit = _remembered(journal, private)
    if hit is not None:
        return hit
    stored = journal.people()
    entries, promises = journal.all_entries(), journal.all_promises()
    records = [*stored, *auto_records(entries, promises, stored, at=now())]
    sums = ledger(records, entries, promises, journal.today(), include_private=private)
    _READ[journal] = (key, records, sums)
    return records, sums


def people(
    journal: JournalService,
    sort: SortBy = "last_contact",
    *,
    include_private: bool = True,
    reverse: bool = False,
) -> list[PersonRow]:
    return people_list(*_read(journal, include_private), sort=sort, reverse=reverse)


def due(journal: JournalService) -> list[PersonDue]:
    """Everyone due for contact or a review today, the longest overdue first."""
    return people_due(*_read(journal, True), journal.today())


def anyone_due(journal: JournalService) -> bool:
    """Whether the morning's "who is waiting on you" step has anyone to show. Only a record
    with a cadence or a review can fall due, so without one nothing else is read."""
    if not any(r.cadence or r.reviews for r in journal.people()):
        return False
    return bool(due(journal))


def person(journal: JournalService, name: str) -> PersonView:
    records, sums = _read(journal, True)
    record = find(name, records)
    return PersonView(record=record, figures=sums.of(record), overall=sums)


def person_if_read(journal: JournalService, name: str) -> PersonView | None:
    """The page at once when the ledger worked out for the list still holds (a few file
    stamps checked, nothing read), else None: opening a page from the list then needs no
    second pass over the journal, and no worker either."""
    hit = _remembered(journal, True)[1]
    if hit is None:
        return None
    records, sums = hit
    record = find(name, records)
    return PersonView(record=record, figures=sums.of(record), overall=sums)


# ----- what the person records --------------------------------------------------------------


def set_level_of(journal: JournalService, name: str, level: Level, note: str = "") -> PersonRecord:
    return _change(
        journal, name, lambda r: set_level(r, level, journal.today(), now(), note), f"level {level}"
    )


def set_stage_of(journal: JournalService, name: str, stage: Stage, note: str = "") -> PersonRecord:
    return _change(
        journal, name, lambda r: set_stage(r, stage, journal.today(), now(), note), f"stage {stage}"
    )


def set_script_of(journal: JournalService, name: str, parts: dict[ScriptPart, str]) -> PersonRecord:
    if not parts:
        raise InvalidInput("say which part of their script: --matters, --next, --bad or --why")
    return _change(journal, name, lambda r: set_script(r, parts, journal.today(), now()), "script")


def review(
    journal: JournalService,
    name: str,
    decision: Decision,
    note: str = "",
    next_review: dt.date | None = None,
) -> PersonRecord:
    today = journal.today()
    return _change(
        journal,
        name,
        lambda r: add_review(r, decision, today, now(), note, next_review),
        f"review: {decision}",
    )


def set_cadence_of(journal: JournalService, name: str, days: int | None) -> PersonRecord:
    said = f"every {days} days" if days else "no cadence"
    return _change(journal, name, lambda r: set_cadence(r, days, now()), said)


def rename_person(journal: JournalService, name: str, new_name: str) -> PersonRecord:
    records = everyone(journal)
    record = find(name, records)
    renamed = rename(record, new_name, now())
    other = taken(new_name, records, record)
    if other is not None:
        raise InvalidInput(
            f"{one_line(other.label, 60)} already has that name: `coach person "
            f"{one_line(record.label, 60)} merge {one_line(other.label, 60)}` joins them"
        )
    journal.commit(Batch(people={record.id: renamed}), f"renamed {one_line(record.label, 60)}")
    return renamed


def merge_people(journal: JournalService, name: str, other_name: str) -> PersonRecord:
    """``other``'s history and names join ``name``'s record; ``other``'s record goes."""
    records = everyone(journal)
    keep, other = find(name, records), find(other_name, records)
    if keep.id == other.id:
        raise InvalidInput(f"{one_line(other_name, 60)} is already {one_line(keep.label, 60)}")
    joined = merge(keep, other, now())
    what = f"{one_line(other.label, 60)} joined {one_line(keep.label, 60)}"
    journal.commit(Batch(people={keep.id: joined, other.id: None}), what)
    return joined


def _change(
    journal: JournalService,
    name: str,
    edit: Callable[[PersonRecord], PersonRecord],
    what: str,
) -> PersonRecord:
    record = find(name, everyone(journal))
    changed = edit(record)
    journal.commit(Batch(people={record.id: changed}), f"{one_line(record.label, 60)}: {what}")
    return changed
