"""The client's side of sharing, as rules: what a share holds, and what feedback may say.

A share holds the non-private entries of the period, the promises made on those days (and
older ones still open or settled since the coach last heard, so the coach sees how they ended),
and the weekly self-orientation series. Private days, and everything made on them, never leave.
Reading the journal and writing files is the application layer's work (journal/app/sharing.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import msgspec

from journal.errors import InvalidInput
from journal.model import Comment, Entry, Promise, now
from journal.person import PersonRecord
from journal.sharing.envelope import seal
from journal.sharing.keys import Identity, PublicKey, parse_public
from journal.sharing.records import (
    BUNDLE_SCHEMA,
    PEOPLE_SCHEMA,
    SHARE,
    FeedbackBundle,
    Sender,
    ShareBundle,
    WeekPoint,
    check_dates,
)
from journal.text import identity_key, one_line
from journal.wording import count


@dataclass(frozen=True)
class Share:
    bundle: ShareBundle
    data: bytes
    coach_key: str
    """The key line of the coach it was sealed for."""
    initials: bool = False
    """Names were replaced by initials before sealing."""

    @property
    def coach_id(self) -> str:
        return parse_public(self.coach_key).id

    def describe(self) -> str:
        b = self.bundle
        chose = b.schema == PEOPLE_SCHEMA
        people = f", {count(len(b.people), 'person record')}" if chose else ""
        names = "; names as initials" if self.initials else ""
        return (
            f"{count(len(b.entries), 'day')}, {count(len(b.promises), 'promise')}{people} and "
            f"{count(len(b.series), 'week')} of "
            f"trends, {b.start.isoformat()} to {b.end.isoformat()}; private days left out{names}"
        )


def carried(
    everything: Sequence[Promise],
    shared: Sequence[Promise],
    start: dt.date,
    private_days: set[dt.date],
    last_shared: dt.date | None,
) -> list[Promise]:
    """Promises made before the period that travel with it: still open, or settled since the
    coach last heard (after the last share to them, a gap between shares included; else from
    the period's start). Never one made on a private day."""
    ids = {p.id for p in shared}
    since = min(start, last_shared + dt.timedelta(days=1)) if last_shared else start
    return [
        p
        for p in everything
        if p.id not in ids
        and p.made_on < start
        and p.made_on not in private_days
        and (p.status == "open" or (p.resolved_on or p.made_on) >= since)
    ]


def seal_share(
    identity: Identity,
    coach: PublicKey,
    start: dt.date,
    end: dt.date,
    entries: list[Entry],
    promises: list[Promise],
    series: list[WeekPoint],
    people: list[PersonRecord] | None = None,
    *,
    initials: bool = False,
) -> Share:
    """``people``: None when the client did not choose to share them (schema 1, which any
    Coach opens); a list, even empty, when they did."""
    bundle = ShareBundle(
        format=SHARE,
        schema=BUNDLE_SCHEMA if people is None else PEOPLE_SCHEMA,
        created=now(),
        client=Sender(name=identity.name, key=identity.public.line()),
        coach_key=coach.line(),
        start=start,
        end=end,
        entries=entries,
        promises=promises,
        series=series,
        people=people or [],
    )
    sealed = seal(msgspec.json.encode(bundle), identity, coach.age)
    return Share(bundle, sealed, coach.line(), initials)


@dataclass(frozen=True)
class FeedbackImported:
    coach: str
    added: int
    updated: int

    def counts(self) -> str:
        return f"{count(self.added, 'new comment')}, {self.updated} updated"


def check_feedback(
    bundle: FeedbackBundle, coach: PublicKey, identity: Identity, source: str
) -> None:
    """Feedback must be addressed to this person's key, name its sender visibly, and hold
    only comments its sender wrote."""
    check_dates([c.date for c in bundle.comments], source)
    if not identity_key(bundle.coach.name):
        raise InvalidInput(f"{source}: the sender's name is blank once control characters go")
    if parse_public(bundle.client_key).sign != identity.public.sign:
        raise InvalidInput(f"{source} holds comments for someone else's journal; not imported")
    for c in bundle.comments:
        if c.author_key != coach.line() or c.author != bundle.coach.name:
            raise InvalidInput(f"{source} holds a comment not written by its sender")


def check_pins(existing: list[Comment], incoming: list[Comment], source: str) -> None:
    """A coach's name stays with the key it first came with, and no comment of one coach can
    replace another's: the same rules for feedback bundles and for backups being restored."""
    pinned = {identity_key(c.author): c.author_key for c in existing}
    mine = {c.id: c for c in existing}
    for c in incoming:
        name = one_line(c.author, 60)
        if pinned.setdefault(identity_key(c.author), c.author_key) != c.author_key:
            raise InvalidInput(
                f"{source} holds comments from a {name} whose key differs from the one your "
                f"earlier feedback from {name} was signed with; not imported"
            )
        if c.id in mine and mine[c.id].author_key != c.author_key:
            raise InvalidInput(f"{source} would overwrite another coach's comment; not imported")
