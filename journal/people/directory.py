"""Who the journal names, and which record each name means.

A ten-year journal already holds its people: the person or team an intent served, whom each
"how can I help?" went to, and whom each promise was made to. ``collect`` gathers them with
every variant of a name under one identity, ``auto_records`` gives the ones without a record
one (so the people are there on first open, with no data entry), and ``PeopleIndex`` maps any
name used (a spelling, an old name kept as an alias) to its record.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple

import msgspec

from journal.errors import NotFound
from journal.model import Entry, HelpAsk, Promise
from journal.person import (
    TEAM_PREFIX,
    PersonKind,
    PersonRecord,
    label,
    new_record,
    parse_name,
    person_key,
)
from journal.text import one_line


class Mention(NamedTuple):
    """One place the journal names someone: an intent (the entry), an ask or a promise."""

    name: str
    day: dt.date
    private: bool
    source: Entry | HelpAsk | Promise


def mentions(entries: Iterable[Entry], promises: Iterable[Promise]) -> Iterator[Mention]:
    """Every naming, entries first. A promise is private when the day it was made on is, as
    everywhere else in Coach. Intents for "me" or for an unnamed "my team" name nobody."""
    private_days: set[dt.date] = set()
    for e in entries:
        if e.private:
            private_days.add(e.date)
        serves = e.intent_for
        if serves is not None and serves.name and serves.kind != "self":
            name = f"{TEAM_PREFIX}{serves.name}" if serves.kind == "team" else serves.name
            yield Mention(name, e.date, e.private, e)
        for ask in e.help:
            yield Mention(ask.person, e.date, e.private, ask)
    for p in promises:
        if p.to:
            yield Mention(p.to, p.made_on, p.made_on in private_days, p)


class Named(msgspec.Struct, frozen=True, kw_only=True):
    """Someone the journal names, with every spelling used for them."""

    key: str
    kind: PersonKind
    name: str
    """The spelling used most often (of equals, the one used last): what they are called."""
    spellings: dict[str, int]
    """Each spelling (one clean line) and how often it was used, most used first."""
    first_seen: dt.date
    last_seen: dt.date


def collect(entries: Iterable[Entry], promises: Iterable[Promise]) -> list[Named]:
    """Everyone named anywhere, private days included (these are the person's own records),
    most recently named first."""
    # key -> spelling -> (uses, last day, order of that last use): the order breaks ties of
    # a day, so "most recent" means the one written last.
    uses: dict[str, dict[str, tuple[int, dt.date, int]]] = {}
    first: dict[str, dt.date] = {}
    last: dict[str, dt.date] = {}
    known: dict[str, tuple[str, str]] = {}  # as written -> (key, spelling), worked out once
    for order, m in enumerate(mentions(entries, promises)):
        seen = known.get(m.name)
        if seen is None:
            seen = known[m.name] = (person_key(m.name), one_line(m.name))
        key, spelling = seen
        if not key:
            continue
        counts = uses.get(key)
        if counts is None:
            counts = uses[key] = {}
            first[key] = last[key] = m.day
        elif m.day < first[key]:
            first[key] = m.day
        elif m.day > last[key]:
            last[key] = m.day
        n, day, at = counts.get(spelling, (0, m.day, order))
        counts[spelling] = (n + 1, m.day, order) if m.day >= day else (n + 1, day, at)
    people = []
    for key, counts in uses.items():
        ranked = sorted(counts.items(), key=lambda kv: kv[1], reverse=True)
        kind, name = parse_name(ranked[0][0])
        people.append(
            Named(
                key=key,
                kind=kind,
                name=name,
                spellings={spelling: seen[0] for spelling, seen in ranked},
                first_seen=first[key],
                last_seen=last[key],
            )
        )
    return sorted(people, key=lambda n: (n.last_seen, n.key), reverse=True)


class PeopleIndex:
    """Names to records, built once for a pass over the journal. A record's own name wins
    over another's alias, and of two records claiming one name the first listed wins, so the
    answer never depends on anything but the records given. Each distinct spelling is keyed
    once: a decade of entries names the same few dozen people thousands of times."""

    def __init__(self, records: Iterable[PersonRecord]) -> None:
        self.records = list(records)
        self._by_key: dict[str, PersonRecord] = {}
        for r in self.records:
            self._by_key.setdefault(r.key, r)
        for r in self.records:
            for alias in r.aliases:
                key = person_key(alias)
                if key:
                    self._by_key.setdefault(key, r)
        self._seen: dict[str, PersonRecord | None] = {}

    def get(self, name: str) -> PersonRecord | None:
        """The record a name as written in the journal means, if any."""
        try:
            return self._seen[name]
        except KeyError:
            found = self._by_key.get(person_key(name))
            self._seen[name] = found
            return found

    def lookup(self, name: str) -> PersonRecord | None:
        """A name as a person types it to pick a record: as ``get``, and a bare name that is
        no person's finds the team of that name (``coach person Platform``)."""
        found = self.get(name)
        if found is None and parse_name(name)[0] == "person":
            found = self.get(f"{TEAM_PREFIX}{name}")
        return found


def resolve(name: str, records: Sequence[PersonRecord]) -> PersonRecord | None:
    """The record any used name means (its own name, an alias, or a look-alike spelling)."""
    return PeopleIndex(records).lookup(name)


def find(name: str, records: Sequence[PersonRecord]) -> PersonRecord:
    """As resolve, for a name a person typed: an unknown name is one line naming it."""
    found = resolve(name, records)
    if found is None:
        raise NotFound(f"no one called {one_line(name, 60)!r} in the journal or your people")
    return found


def taken(name: str, records: Sequence[PersonRecord], besides: PersonRecord) -> PersonRecord | None:
    """The other record a name already means, if any: renaming onto it would leave two
    records claiming one name, which is a merge, not a rename."""
    return PeopleIndex(r for r in records if r.id != besides.id).get(name)


def auto_records(
    entries: Iterable[Entry],
    promises: Iterable[Promise],
    records: Sequence[PersonRecord] = (),
    *,
    at: dt.datetime,
) -> list[PersonRecord]:
    """Records for everyone the journal names who has none yet (by name or alias), named by
    their most used spelling, with no history: a level or stage is the person's judgement,
    never Coach's. Ids come from the name's identity, so building them twice agrees."""
    index = PeopleIndex(records)
    made = []
    for named in collect(entries, promises):
        if index.get(label(named.kind, named.name)) is None:
            made.append(new_record(label(named.kind, named.name), at))
    return made
