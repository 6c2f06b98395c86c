"""The people list: one row per person, sortable by last contact, overdue review or keep-rate.

What the People screen and ``coach people`` show first, so it has to answer at a glance where
each relationship stands (level, stage), how reliable you have been to them, and what is due.
Rows are cut from a Ledger already built, so sorting again costs no pass over the journal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Literal

import msgspec

from journal.model import PROMISE_KINDS, PromiseKind
from journal.people.due import Due, next_contact_due, review_due
from journal.people.figures import Ledger, Versus
from journal.person import Level, PersonKind, PersonRecord, Stage
from journal.text import name_key

SortBy = Literal["last_contact", "review", "keep_rate", "name"]
SORTS: tuple[SortBy, ...] = ("last_contact", "review", "keep_rate", "name")
Key = Callable[["PersonRow"], float | str | None]


class PersonRow(msgspec.Struct, frozen=True, kw_only=True):
    """One person in the list."""

    id: str
    name: str
    kind: PersonKind
    level: Level | None
    stage: Stage | None
    last_contact: dt.date | None
    days_since: int | None
    asks: int
    promises: int
    keep_rates: dict[PromiseKind, Versus]
    """Per kind, their keep-rate beside your overall one."""
    contact_due: Due | None
    review_due: Due | None


def rows(records: Sequence[PersonRecord], ledger: Ledger) -> list[PersonRow]:
    """A row for each record, in the order given. A ledger without private days leaves out
    people named only on them: their very name would tell of a private day."""
    out = []
    for r in records:
        f = ledger.people[r.id]
        if not ledger.include_private and f.private_only:
            continue
        out.append(
            PersonRow(
                id=r.id,
                name=r.name,
                kind=r.kind,
                level=r.level,
                stage=r.stage,
                last_contact=f.last_contact,
                days_since=f.days_since,
                asks=f.asks,
                promises=sum(o.made for o in f.promises.values()),
                keep_rates=f.versus,
                contact_due=next_contact_due(r, f, ledger.today),
                review_due=review_due(r, ledger.today),
            )
        )
    return out


def people_list(
    records: Sequence[PersonRecord],
    ledger: Ledger,
    *,
    sort: SortBy = "last_contact",
    reverse: bool = False,
    kind: PromiseKind = "commitment",
) -> list[PersonRow]:
    """The rows sorted. Natural orders: last contact, most recent first; review, the most
    overdue (earliest due) first; keep-rate (of ``kind``), the lowest first, where your word
    has counted least; name, alphabetically. ``reverse`` flips the order, and rows without
    the figure (never in touch, no review set, no settled promise) stay at the end either way,
    with ties by name."""
    if kind not in PROMISE_KINDS:
        raise ValueError(f"unknown promise kind {kind!r}")
    keys: dict[SortBy, Key] = {
        "last_contact": lambda r: None if r.last_contact is None else -r.last_contact.toordinal(),
        "review": lambda r: None if r.review_due is None else r.review_due.on.toordinal(),
        "keep_rate": lambda r: r.keep_rates[kind].person,
        "name": lambda r: name_key(r.name),
    }
    return sort_rows(rows(records, ledger), keys[sort], reverse)


def sort_rows(items: list[PersonRow], key: Key, reverse: bool) -> list[PersonRow]:
    by_name = sorted(items, key=lambda r: (name_key(r.name), r.id))
    keyed = [(key(r), r) for r in by_name]
    present = [(k, r) for k, r in keyed if k is not None]
    missing = [r for k, r in keyed if k is None]
    # Two stable sorts: ties keep the alphabetical order, in either direction.
    present.sort(key=lambda kr: kr[0], reverse=reverse)
    return [r for _, r in present] + missing
