"""The client's side: what a share bundle holds, and importing the coach's feedback.

A share holds the non-private entries of the period, the promises made on those days (and
older ones still open at its start or settled in it, so the coach sees how they ended), and the
weekly self-orientation series. Private days, and everything made on them, never leave.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from journal.errors import InvalidInput
from journal.model import now
from journal.sharing.bundles import open_feedback
from journal.sharing.comments import CommentStore
from journal.sharing.envelope import seal
from journal.sharing.keys import Identity, PublicKey, keys_dir, parse_public
from journal.sharing.records import (
    BUNDLE_SCHEMA,
    SHARE,
    Comment,
    Sender,
    ShareBundle,
    WeekPoint,
    check_dates,
)
from journal.storage import atomic_write
from journal.text import identity_key, one_line
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
    # Older promises travel when still open, or settled since the coach last heard: after the
    # last share to them (a gap between shares included), else from the period's start.
    last = last_shared(service.home, coach.id)
    since = min(selection.start, last + dt.timedelta(days=1)) if last else selection.start
    carried = [
        p
        for p in service.all_promises()
        if p.id not in ids
        and p.made_on < selection.start
        and p.made_on not in private_days
        and (p.status == "open" or (p.resolved_on or p.made_on) >= since)
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
        coach_key=coach.line(),
        start=selection.start,
        end=selection.end,
        entries=selection.entries,
        promises=carried + selection.promises,
        series=series,
    )
    return Share(bundle, seal(msgspec.json.encode(bundle), identity, coach.age), coach.line())


SHARED_FILE = "shared.json"
"""Beside the keys: the last day shared with each coach (by key id)."""


def last_shared(home: Path, coach_id: str) -> dt.date | None:
    try:
        log = msgspec.json.decode(
            (keys_dir(home) / SHARED_FILE).read_bytes(), type=dict[str, dt.date]
        )
    except (OSError, msgspec.DecodeError, msgspec.ValidationError):
        return None  # no log (or a damaged one) only means carrying fewer old promises
    return log.get(coach_id)


def remember_share(home: Path, share: Share) -> None:
    """Called once the bundle is written, so the next share carries what was settled since."""
    path = keys_dir(home) / SHARED_FILE
    try:
        log = msgspec.json.decode(path.read_bytes(), type=dict[str, dt.date])
    except (OSError, msgspec.DecodeError, msgspec.ValidationError):
        log = {}
    coach_id = parse_public(share.coach_key).id
    if log.get(coach_id) is None or log[coach_id] < share.bundle.end:
        log[coach_id] = share.bundle.end
        atomic_write(keys_dir(home) / SHARED_FILE, msgspec.json.encode(log))


@dataclass(frozen=True)
class FeedbackImported:
    coach: str
    added: int
    updated: int

    def counts(self) -> str:
        return f"{count(self.added, 'new comment')}, {self.updated} updated"


def feedback_store(service: JournalService) -> CommentStore:
    return CommentStore(service.home / "feedback")


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


def import_feedback(
    service: JournalService, identity: Identity, raw: bytes, source: str
) -> FeedbackImported:
    bundle, coach = open_feedback(raw, identity, source)
    check_dates([c.date for c in bundle.comments], source)
    if not identity_key(bundle.coach.name):
        raise InvalidInput(f"{source}: the sender's name is blank once control characters go")
    if parse_public(bundle.client_key).sign != identity.public.sign:
        raise InvalidInput(f"{source} holds comments for someone else's journal; not imported")
    for c in bundle.comments:
        if c.author_key != coach.line() or c.author != bundle.coach.name:
            raise InvalidInput(f"{source} holds a comment not written by its sender")
    store = feedback_store(service)
    with store.store.locked():  # two imports at once cannot both pin a coach's name
        check_pins(store.all(), bundle.comments, source)
        added, updated = store.merge(bundle.comments)
    name = bundle.coach.name
    return FeedbackImported(name, added, updated)
