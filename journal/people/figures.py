"""What the journal shows about each person: contact, asks, promises and keep-rates.

Derived on every look, never stored, so nothing is typed twice and a correction to a day or a
promise shows here at once. One pass over the journal gives everyone's figures: the people
list of a ten-year journal has to come back within 100 ms.

Promise outcomes are counted as the trends count them (journal.trends.keep_rates): each link
of a renegotiation chain counts as renegotiated, apart from kept and broken, and the chain's
last link counts its own outcome, so a chain counts once in the keep-rate; released promises
(let go by the other person) stay out of it.

``include_private=False`` is for anything that leaves the machine: a private day's intent and
asks, and the promises made on it, are left out. The person's own views include them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

import msgspec

from journal.model import PROMISE_KINDS, Entry, HelpAsk, Promise, PromiseKind
from journal.people.directory import PeopleIndex, mentions
from journal.person import PersonRecord
from journal.trends import KindRecord, keep_rates


class Outcomes(msgspec.Struct, frozen=True, kw_only=True):
    """Promises of one kind and how they ended; ``keep_rate`` is kept / (kept + broken)."""

    kind: PromiseKind
    made: int = 0
    kept: int = 0
    broken: int = 0
    renegotiated: int = 0
    released: int = 0
    open: int = 0
    keep_rate: float | None = None

    @classmethod
    def of(cls, record: KindRecord, made: int, open_: int) -> Outcomes:
        return cls(
            kind=record.kind,
            made=made,
            kept=record.kept,
            broken=record.broken,
            renegotiated=record.renegotiated,
            released=record.released,
            open=open_,
            keep_rate=record.keep_rate,
        )


class Versus(msgspec.Struct, frozen=True, kw_only=True):
    """Their keep-rate beside yours overall: "95% overall, 60% to Noor"."""

    person: float | None
    overall: float | None

    @property
    def gap(self) -> float | None:
        """Theirs minus overall; negative when you keep fewer of your promises to them."""
        if self.person is None or self.overall is None:
            return None
        return self.person - self.overall


class AskItem(msgspec.Struct, frozen=True, kw_only=True):
    """One "how can I help?" to them: what they asked for and whether it was done."""

    on: dt.date
    id: str
    request: str
    done: bool | None


class IntentItem(msgspec.Struct, frozen=True, kw_only=True):
    """A day whose intent served them."""

    on: dt.date
    intent: str


class PersonFigures(msgspec.Struct, frozen=True, kw_only=True):
    """Everything the journal says about one person, for the days counted."""

    id: str
    days: list[dt.date]
    """Every day they appear (an intent, an ask, a promise made), oldest first."""
    last_contact: dt.date | None
    """The last such day up to today: a day dated ahead is not contact yet."""
    days_since: int | None
    asks: int
    """Times you asked them "how can I help?" (an ask noted as not asked is contact only)."""
    asks_done: int
    asks_known: int
    """Asks whose outcome is noted, done or not: what ``asks_done`` is out of."""
    requests: list[AskItem]
    promises: dict[PromiseKind, Outcomes]
    promise_ids: list[str]
    """Their promises, in the order made."""
    versus: dict[PromiseKind, Versus]
    intents: list[IntentItem]
    private_mentions: int
    """Namings on private days, counted whether or not they were included."""

    @property
    def private_only(self) -> bool:
        """Named only on private days: when excluding them, the name itself must not leave
        the machine."""
        return not self.days and self.private_mentions > 0

    def keep_rate(self, kind: PromiseKind) -> float | None:
        return self.promises[kind].keep_rate


class Ledger(msgspec.Struct, frozen=True, kw_only=True):
    """Everyone's figures from one pass, and your overall outcomes to compare them with."""

    today: dt.date
    include_private: bool
    people: dict[str, PersonFigures]
    """Record id → figures; every record given has an entry, named in the journal or not."""
    overall: dict[PromiseKind, Outcomes]

    def of(self, record: PersonRecord) -> PersonFigures:
        return self.people[record.id]


class _Tally:
    """One person's figures as the pass builds them."""

    __slots__ = ("days", "asks", "promises", "intents", "private")

    def __init__(self) -> None:
        self.days: set[dt.date] = set()
        self.asks: list[tuple[dt.date, HelpAsk]] = []
        self.promises: list[Promise] = []
        self.intents: list[IntentItem] = []
        self.private = 0


def ledger(
    records: Sequence[PersonRecord],
    entries: Iterable[Entry],
    promises: Iterable[Promise],
    today: dt.date,
    *,
    include_private: bool = True,
) -> Ledger:
    """Figures for each record from the journal. Names with no record count for no one, so
    give the stored records plus ``auto_records`` for the rest to see everyone."""
    index = PeopleIndex(records)
    tallies = {r.id: _Tally() for r in records}
    entry_list = list(entries)
    promise_list = list(promises)
    for m in mentions(entry_list, promise_list):
        record = index.get(m.name)
        if record is None:
            continue
        tally = tallies[record.id]
        if m.private:
            tally.private += 1
            if not include_private:
                continue
        tally.days.add(m.day)
        source = m.source
        if isinstance(source, HelpAsk):
            tally.asks.append((m.day, source))
        elif isinstance(source, Promise):
            tally.promises.append(source)
        else:
            tally.intents.append(IntentItem(on=m.day, intent=source.intent))
    counted = promise_list
    if not include_private:
        private_days = {e.date for e in entry_list if e.private}
        counted = [p for p in promise_list if p.made_on not in private_days]
    overall = outcomes(counted)
    people = {r.id: figures_of(r.id, tallies[r.id], overall, today) for r in records}
    return Ledger(today=today, include_private=include_private, people=people, overall=overall)


def outcomes(promises: Sequence[Promise]) -> dict[PromiseKind, Outcomes]:
    """Per kind: how many were made, how they ended (by journal.trends' rules), how many are
    still open; over all time, since a relationship's record is its whole history."""
    settled = keep_rates(promises, dt.date.min, dt.date.max)
    made = dict.fromkeys(PROMISE_KINDS, 0)
    still_open = dict.fromkeys(PROMISE_KINDS, 0)
    for p in promises:
        made[p.kind] += 1
        still_open[p.kind] += p.status == "open"
    return {k: Outcomes.of(settled[k], made[k], still_open[k]) for k in PROMISE_KINDS}


def figures_of(
    id: str, tally: _Tally, overall: dict[PromiseKind, Outcomes], today: dt.date
) -> PersonFigures:
    days = sorted(tally.days)
    last = next((d for d in reversed(days) if d <= today), None)
    asked = [(day, a) for day, a in tally.asks if a.asked]
    asked.sort(key=lambda item: item[0])
    mine = outcomes(tally.promises)
    return PersonFigures(
        id=id,
        days=days,
        last_contact=last,
        days_since=(today - last).days if last is not None else None,
        asks=len(asked),
        asks_done=sum(a.done is True for _, a in asked),
        asks_known=sum(a.done is not None for _, a in asked),
        requests=[AskItem(on=day, id=a.id, request=a.request, done=a.done) for day, a in asked],
        promises=mine,
        promise_ids=[p.id for p in sorted(tally.promises, key=lambda p: p.made_on)],
        versus={
            k: Versus(person=mine[k].keep_rate, overall=overall[k].keep_rate) for k in PROMISE_KINDS
        },
        intents=sorted(tally.intents, key=lambda i: i.on),
        private_mentions=tally.private,
    )
