"""Correcting the journal: delete a day or a promise, renegotiate a promise with new terms,
and undo the last change, then the one before, across restarts and processes. Every change
made through the journal is kept in its history (journal/store/history.py) first."""

from __future__ import annotations

import datetime as dt

import msgspec

from journal import changes
from journal.app.service import JournalService
from journal.change import Change
from journal.day_text import DayEdit
from journal.errors import InvalidInput, NotFound
from journal.model import Entry, Promise, new_id, now
from journal.store.journal_files import Batch
from journal.text import one_line
from journal.wording import count, day_label


class Renegotiation(msgspec.Struct, frozen=True, kw_only=True):
    """New terms for an open promise: a new due date, new text, or both."""

    ref: str
    due: dt.date | None = None
    text: str | None = None
    note: str = ""
    on: dt.date | None = None
    """The day it was renegotiated (default today): the new promise is made that day."""


class Renegotiated(msgspec.Struct, frozen=True):
    old: Promise
    new: Promise


def what_goes(entry: Entry | None, promises: list[Promise]) -> str:
    """What deleting a day takes with it, as the confirmation and the history say it."""
    parts = []
    if entry is not None:
        if entry.intent:
            parts.append("its intent")
        if entry.help:
            parts.append(count(len(entry.help), "ask"))
        if entry.reflection or entry.self_focus:
            parts.append("your writing")
        if entry.ratings.given():
            parts.append("ratings")
    if promises:
        parts.append(count(len(promises), "promise"))
    return ", ".join(parts) or "nothing written yet"


def delete_day(journal: JournalService, day: dt.date) -> Change:
    """A day's entry and the promises made that day go together: the promises belong to it."""
    with journal.locked():
        entry = journal.entry(day)
        promises = journal.promises_made_on(day)
        if entry is None and not promises:
            raise NotFound(f"nothing to delete on {day_label(day)}")
        batch = Batch(
            entries={day: None} if entry else {},
            promises=relinked(journal, promises),
            deleted=promises,
        )
        change = journal.commit(batch, f"deleted {day_label(day)} ({what_goes(entry, promises)})")
    assert change is not None  # something was there, so deleting it changed something
    return change


def renegotiate(journal: JournalService, request: Renegotiation) -> Renegotiated:
    """Close an open promise as renegotiated and open the one with the new terms, linked both
    ways, in one change. The chain counts once: the last link's outcome is the one kept."""
    if request.due is None and not (request.text or "").strip():
        raise InvalidInput("renegotiating needs new terms: a new due date, new text, or both")
    day = request.on or journal.today()
    with journal.locked():
        old = journal.find_promise(request.ref)
        if old.status != "open":
            raise InvalidInput(
                f"promise {old.short_id} is already {old.status}; only an open promise can be "
                "renegotiated"
            )
        if day < old.made_on:
            raise InvalidInput(
                f"promise {old.short_id} was made on {old.made_on.isoformat()}; it cannot be "
                f"renegotiated on {day.isoformat()}"
            )
        new = changes.new_promise(
            day,
            (request.text or "").strip() or old.text,
            old.kind,
            old.to,
            request.due if request.due is not None else old.due,
        )
        new = msgspec.structs.replace(new, renegotiated_from=old.id)
        closed = msgspec.structs.replace(
            changes.resolved(old, "renegotiated", request.note, day),
            renegotiated_to=new.id,
            updated=now(),
        )
        what = f"renegotiated promise {old.short_id}: {one_line(new.text, 60)}"
        journal.commit(Batch(promises=[closed, new]), what)
    return Renegotiated(closed, new)


def apply_day_edit(journal: JournalService, day: dt.date, edit: DayEdit) -> Change | None:
    """A whole day as edited in `coach edit`: its entry, and the promises made that day
    (new, changed while open, or deleted), in one change; None when nothing changed (then
    nothing is touched, not even the lock)."""
    batch = day_edit_batch(journal, day, edit)
    if not batch.entries and not batch.promises and not batch.deleted:
        return None
    with journal.locked():
        return journal.commit(day_edit_batch(journal, day, edit), f"edited {day_label(day)}")


def day_edit_batch(journal: JournalService, day: dt.date, edit: DayEdit) -> Batch:
    entry = journal.entry(day)
    made = {p.id: p for p in journal.promises_made_on(day)}
    stamp = now()
    base = entry or Entry(id=new_id(), date=day, created=stamp, updated=stamp)
    after = msgspec.structs.replace(
        base,
        intent=edit.intent,
        intent_for=edit.serves,
        help=edit.asks,
        ratings=edit.ratings,
        self_focus=edit.self_focus,
        reflection=edit.reflection,
        notes=edit.notes,
        tags=edit.tags,
        private=edit.private,
    )
    entries: dict[dt.date, Entry | None] = {}
    if after != base:
        entries[day] = msgspec.structs.replace(after, updated=stamp)
    promises = []
    for line in edit.promises:
        if line.id is None:
            promises.append(changes.new_promise(day, line.text, line.kind, line.to, line.due))
            continue
        old = made.get(line.id)
        if old is None:
            raise NotFound(f"promise {line.id[:8]} is no longer in the journal")
        terms = {"text": line.text, "kind": line.kind, "to": line.to, "due": line.due}
        if any(getattr(old, k) != v for k, v in terms.items()):
            edited = changes.edited(old, changes.promise_fields(terms))
            promises.append(msgspec.structs.replace(edited, updated=stamp))
    deleted = [made[i] for i in edit.deleted_promises if i in made]
    promises += relinked(journal, deleted)
    return Batch(entries=entries, promises=promises, deleted=deleted)


def delete_promise(journal: JournalService, ref: str) -> Promise:
    """Delete a promise; the one deleted is returned (and kept in the history for undo)."""
    promise = journal.find_promise(ref)
    with journal.locked():
        current = journal.files.promises.current(promise)
        what = f"deleted promise {promise.short_id}: {one_line(current.text, 60)}"
        journal.commit(Batch(promises=relinked(journal, [current]), deleted=[current]), what)
        return current


def relinked(journal: JournalService, deleted: list[Promise]) -> list[Promise]:
    """The links of renegotiation chains that deleting these promises would leave dangling,
    mended: the promise a deleted follow-on replaced is open again (the renegotiation is
    taken back with it), and a follow-on whose origin is deleted starts a chain of its own."""
    gone = {p.id for p in deleted}
    mended = []
    for p in deleted:
        other_id = p.renegotiated_from or p.renegotiated_to
        if other_id is None or other_id in gone:
            continue
        other = next((o for o in journal.all_promises() if o.id == other_id), None)
        if other is None:
            continue
        if other.renegotiated_to == p.id:
            other = changes.resolved(other, "open", other.note, journal.today())
            other = msgspec.structs.replace(other, renegotiated_to=None, updated=now())
        else:
            other = msgspec.structs.replace(other, renegotiated_from=None, updated=now())
        mended.append(other)
    return mended


def undo(journal: JournalService) -> Change:
    """Reverse the newest change not yet undone; the next undo reverses the one before."""
    return journal.files.undo()


def history(journal: JournalService, count_: int | None = None) -> list[Change]:
    """The recent changes, newest first."""
    if journal.files.history is None:
        return []
    return journal.files.history.latest(count_)


def purge_history(journal: JournalService) -> int:
    """Forget every change for good: deleted text is gone from the disk, and undo can reach
    no further back than now."""
    if journal.files.history is None or not journal.files.history.any():
        return 0
    with journal.locked():
        return journal.files.history.purge()
