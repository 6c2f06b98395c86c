"""The client's side: what a share bundle holds, and importing the coach's feedback.

A share holds the non-private entries of the period, the promises made on those days (and
older ones still open at its start or settled in it, so the coach sees how they ended), and the
weekly self-orientation series. Private days, and everything made on them, never leave.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

import msgspec

from journal.errors import InvalidInput
from journal.model import now
from journal.sharing.bundles import open_feedback
from journal.sharing.comments import CommentStore
from journal.sharing.envelope import seal
from journal.sharing.keys import Identity, PublicKey, parse_public
from journal.sharing.records import (
    BUNDLE_SCHEMA,
    SHARE,
    Sender,
    ShareBundle,
    WeekPoint,
    check_dates,
)
from journal.text import identity_key
from journal.wording import count

if TYPE_CHECKING:
    from journal.service import JournalService


@dataclass(frozen=True)
class Share:
    bundle: ShareBundle
    data: bytes
    coach_key: str
    """The key line of the coach it was sealed for."""

    def describe(self) -> str:
        b = self.bundle
        return (
            f"{count(len(b.entries), 'day')}, {count(len(b.promises), 'promise')} and "
            f"{count(len(b.series), 'week')} of "
            f"trends, {b.start.isoformat()} to {b.end.isoformat()}; private days left out"
        )


def build_share(
    service: JournalService,
    identity: Identity,
    coach: PublicKey,
    start: dt.date | None,
    end: dt.date | None,
) -> Share:
    from journal.export import select

    selection = select(service, start=start, end=end, period="week")
    private_days = {e.date for e in service.entries() if e.private}
    ids = {p.id for p in selection.promises}
    carried = [
        p
        for p in service.all_promises()
        if p.id not in ids
        and p.made_on < selection.start
        and p.made_on not in private_days
        and (p.status == "open" or (p.resolved_on or p.made_on) >= selection.start)
    ]
    series = [
        WeekPoint(
            start=row.signals.start,
            checkins=row.signals.checkins,
            index=row.signals.index,
            **row.signals.scores(),
        )
        for row in selection.report.rows
    ]
    bundle = ShareBundle(
        format=SHARE,
        schema=BUNDLE_SCHEMA,
        created=now(),
        client=Sender(name=identity.name, key=identity.public.line()),
        start=selection.start,
        end=selection.end,
        entries=selection.entries,
        promises=carried + selection.promises,
        series=series,
    )
    return Share(bundle, seal(msgspec.json.encode(bundle), identity, coach.age), coach.line())


@dataclass(frozen=True)
class FeedbackImported:
    coach: str
    added: int
    updated: int

    def counts(self) -> str:
        return f"{count(self.added, 'new comment')}, {self.updated} updated"


def feedback_store(service: JournalService) -> CommentStore:
    return CommentStore(service.home / "feedback")


def import_feedback(
    service: JournalService, identity: Identity, raw: bytes, source: str
) -> FeedbackImported:
    bundle, coach = open_feedback(raw, identity, source)
    check_dates([c.date for c in bundle.comments], source)
    if not identity_key(bundle.coach.name):
        raise InvalidInput(f"{source}: the sender's name is blank once control characters go")
    if parse_public(bundle.client_key).sign != identity.public.sign:
        raise InvalidInput(f"{source} holds comments for someone else's journal; not imported")
    store = feedback_store(service)
    existing = store.all()
    pinned = {identity_key(c.author): c.author_key for c in existing}
    name = bundle.coach.name
    if pinned.get(identity_key(name), coach.line()) != coach.line():
        raise InvalidInput(
            f"{source} comes from a {name} whose key differs from the one your earlier "
            f"feedback from {name} was signed with; not imported"
        )
    mine = {c.id: c for c in existing}
    for c in bundle.comments:
        if c.author_key != coach.line() or c.author != name:
            raise InvalidInput(f"{source} holds a comment not written by its sender")
        if c.id in mine and mine[c.id].author_key != coach.line():
            raise InvalidInput(f"{source} would overwrite another coach's comment; not imported")
    added, updated = store.merge(bundle.comments)
    return FeedbackImported(name, added, updated)
