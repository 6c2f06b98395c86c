"""One change to the journal, as the undo history keeps it: every record it touched, as it
was before and after. Days, promises and person records all go through it, so each of them
can be undone the same way."""

from __future__ import annotations

import datetime as dt

import msgspec

from journal.model import Entry, Id, Promise, Record, Short, Stamp, Text
from journal.person import PersonRecord


class Change(Record):
    """What undo puts back and what `coach history` lists. A record absent from ``before``
    did not exist; absent from ``after``, it was deleted."""

    id: Id
    at: Stamp
    what: Text
    """In words, for the history: "reflection on Tue 24 Nov", "deleted promise 3f9c1a2b"."""
    group: Short = ""
    """Changes of one group in a row (typing into one field) are kept as one change."""
    days: list[dt.date] = msgspec.field(default_factory=list)
    entries_before: list[Entry] = msgspec.field(default_factory=list)
    entries_after: list[Entry] = msgspec.field(default_factory=list)
    promise_ids: list[Id] = msgspec.field(default_factory=list)
    promises_before: list[Promise] = msgspec.field(default_factory=list)
    promises_after: list[Promise] = msgspec.field(default_factory=list)
    entries_prior: list[Entry] = msgspec.field(default_factory=list)
    """For a change folded from several saves: the days as the save before the last left
    them, so one cut short between the two is still recognised."""
    promises_prior: list[Promise] = msgspec.field(default_factory=list)
    undone: Stamp | None = None
    person_ids: list[Id] = msgspec.field(default_factory=list)
    people_before: list[PersonRecord] = msgspec.field(default_factory=list)
    people_after: list[PersonRecord] = msgspec.field(default_factory=list)
    people_prior: list[PersonRecord] = msgspec.field(default_factory=list)
