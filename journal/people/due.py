"""Who is due: for contact (from the reconnect cadence and the last contact) and for a review
(from the date the last review set).

This is the "system" half of managing relationships on purpose: someone follows up. The
morning check-in's optional step and ``coach people --due`` list what this returns. A day
counts as due on its date, not the day after, so nothing slips by a day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Literal

import msgspec

from journal.people.figures import Ledger, PersonFigures
from journal.person import PersonKind, PersonRecord
from journal.text import name_key

DueWhat = Literal["contact", "review"]


class Due(msgspec.Struct, frozen=True, kw_only=True):
    """When something falls due, and how late it is on the day asked."""

    what: DueWhat
    on: dt.date
    late: int
    """Days past ``on``: 0 is due today, negative is not due yet."""

    @property
    def is_due(self) -> bool:
        return self.late >= 0


def _due(what: DueWhat, on: dt.date, today: dt.date) -> Due:
    return Due(what=what, on=on, late=(today - on).days)


def ended(record: PersonRecord) -> bool:
    """The last review decided to end the relationship: no more reminders to reconnect."""
    last = record.last_review
    return last is not None and last.decision == "end"


def next_contact_due(
    record: PersonRecord, figures: PersonFigures | None, today: dt.date
) -> Due | None:
    """Cadence days after the last contact. Never due with the cadence off or once a review
    ended the relationship; someone with a cadence and no contact yet is due today, since
    there is nothing to count from."""
    if record.cadence is None or ended(record):
        return None
    last = figures.last_contact if figures is not None else None
    if last is None:
        return _due("contact", today, today)
    return _due("contact", last + dt.timedelta(days=record.cadence), today)


def review_due(record: PersonRecord, today: dt.date) -> Due | None:
    """The next review date the latest review set, if it set one."""
    last = record.last_review
    if last is None or last.next is None:
        return None
    return _due("review", last.next, today)


class PersonDue(msgspec.Struct, frozen=True, kw_only=True):
    """Someone due for contact, a review, or both (what is not due yet is None)."""

    id: str
    name: str
    kind: PersonKind
    contact: Due | None
    review: Due | None

    @property
    def late(self) -> int:
        return max(d.late for d in (self.contact, self.review) if d is not None)


def people_due(records: Sequence[PersonRecord], ledger: Ledger, today: dt.date) -> list[PersonDue]:
    """Everyone due today or overdue, the longest overdue first, then by name. A ledger
    without private days leaves out people named only on them."""
    out = []
    for r in records:
        figures = ledger.people.get(r.id)
        if figures is not None and not ledger.include_private and figures.private_only:
            continue
        contact = next_contact_due(r, figures, today)
        review = review_due(r, today)
        contact = contact if contact is not None and contact.is_due else None
        review = review if review is not None and review.is_due else None
        if contact is not None or review is not None:
            out.append(PersonDue(id=r.id, name=r.name, kind=r.kind, contact=contact, review=review))
    return sorted(out, key=lambda d: (-d.late, name_key(d.name), d.id))
