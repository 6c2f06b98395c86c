"""A client's sharing: keys, a share for their coach, and the feedback that comes back.

`coach keys`, `coach share`, `coach feedback import` and the app's share and feedback dialogs
all come here, so both remember the coach's key and the last day shared the same way.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import msgspec

from journal.app.files import read_input, write_file
from journal.app.home import Home
from journal.errors import InvalidInput, JournalError
from journal.model import Comment
from journal.sharing.bundles import open_feedback
from journal.sharing.keys import Identity, generate, parse_public, to_record
from journal.sharing.people_share import Initials, shared_people
from journal.sharing.records import WeekPoint
from journal.sharing.share import (
    FeedbackImported,
    Share,
    carried,
    check_feedback,
    check_pins,
    seal_share,
)

DEFAULT_WEEKS = 12
"""A share covers the last twelve weeks unless told otherwise."""


def create_keys(home: Home, name: str) -> Identity:
    """New keys for this home; existing keys are never replaced."""
    identity = generate(name)
    home.keys.create(to_record(identity))
    return identity


@dataclass(frozen=True)
class ShareRequest:
    coach_key: str | None
    """The coach's public key line; None means the one last shared with."""
    start: dt.date | None = None
    """First day (default: twelve weeks ago)."""
    end: dt.date | None = None
    """Last day (default: today)."""
    people: bool = False
    """Add the records of the people the shared days name (level, stage, script, reviews)."""
    initials: bool = False
    """Every name the journal knows becomes initials, in the person's words too."""


def coach_key(home: Home, given: str | None) -> str:
    """The key line given, or the one remembered from the last share."""
    if given and given.strip():
        return given.strip()
    remembered = home.settings().coach_key
    if not remembered:
        raise InvalidInput(
            "give your coach's key: the coach1:… line `coach keys show` prints for them"
        )
    return remembered


def prepare_share(home: Home, request: ShareRequest) -> Share:
    """The sealed bundle, ready to look at before it is written; nothing is written yet."""
    from journal.app.exporting import select

    coach = parse_public(coach_key(home, request.coach_key))
    journal = home.journal
    end = request.end or journal.today()
    start = request.start or journal.today() - dt.timedelta(weeks=DEFAULT_WEEKS)
    selection = select(journal, start=start, end=end, period="week")
    everything = journal.all_entries()
    private_days = {e.date for e in everything if e.private}
    all_promises = journal.all_promises()
    older = carried(
        all_promises,
        selection.promises,
        selection.start,
        private_days,
        home.keys.last_shared(coach.id),
    )
    entries, promises = selection.entries, older + selection.promises
    records = journal.people()
    people = shared_people(records, entries, promises) if request.people else None
    if request.initials:
        # Every name the journal holds, private days' too: a shared reflection may name
        # someone otherwise met only on a private day.
        short = Initials.build(records, everything, all_promises)
        entries = [short.entry(e) for e in entries]
        promises = [short.promise(p) for p in promises]
        people = None if people is None else [short.record(r) for r in people]
    series = [
        WeekPoint(
            start=row.signals.start,
            checkins=row.signals.checkins,
            index=row.signals.index,
            **row.signals.scores(),
        )
        for row in selection.report.rows
    ]
    return seal_share(
        home.identity(),
        coach,
        selection.start,
        selection.end,
        entries,
        promises,
        series,
        people,
        initials=request.initials,
    )


def default_share_name(share: Share) -> str:
    return f"coach-share-{share.bundle.end.isoformat()}.age"


def write_share(home: Home, share: Share, target: Path | None) -> Path:
    """Write the bundle, then remember the coach's key and the last day shared with them, so
    the next share carries what was settled since and needs no key typed."""
    path = write_file(target or Path(default_share_name(share)), share.data)
    with contextlib.suppress(JournalError, OSError):  # the bundle is written either way
        home.keys.remember_shared(share.coach_id, share.bundle.end)
        settings = home.settings()
        if settings.coach_key != share.coach_key:
            home.settings_file.save(msgspec.structs.replace(settings, coach_key=share.coach_key))
    return path


def import_feedback(home: Home, path: Path) -> FeedbackImported:
    """A coach's comments, checked whole (sender, addressee, pins) before any is stored."""
    source = str(path)
    raw = read_input(path)
    identity = home.identity()
    bundle, coach = open_feedback(raw, identity, source)
    check_feedback(bundle, coach, identity, source)
    added, updated = merge_feedback(home, bundle.comments, source)
    return FeedbackImported(bundle.coach.name, added, updated)


def merge_feedback(home: Home, comments: list[Comment], source: str) -> tuple[int, int]:
    """Store coaches' comments (from a feedback bundle or a backup) once the pins on their
    names hold: the check and the write happen under one lock, so two imports at once cannot
    pin one name to two keys. (added, updated)."""
    store = home.feedback
    with store.locked():
        check_pins(store.all(), comments, source)
        return store.merge(comments) if comments else (0, 0)
