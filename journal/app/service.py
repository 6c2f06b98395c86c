"""JournalService: one journal's reads and changes, for the use cases, the app and the CLI.

It holds the journal's repositories (journal/store) rather than being one: storage owns files,
locking, caching and validation; this owns the rules of a change (a promise is edited only
while open, a due date never comes before its day), and JournalReader (journal/app/reading.py)
the reads and the figures built from the records. Every change is validated before anything
touches disk, so bad input raises and leaves the stored data exactly as it was.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import msgspec

from journal import changes
from journal.app.reading import JournalReader
from journal.change import Change
from journal.errors import InvalidInput
from journal.model import (
    RESOLUTIONS,
    Entry,
    HelpAsk,
    IntentFor,
    Promise,
    PromiseKind,
    PromiseStatus,
    new_id,
    now,
)
from journal.person import PersonRecord
from journal.store.journal_files import Batch
from journal.text import one_line
from journal.wording import day_label

FIELD_WORDS = {"intent": "intent", "self_focus": "self-focus", "reflection": "reflection"}
"""How the history names each free-text field."""


class JournalService(JournalReader):
    """Reads (JournalReader), and every change under the rules above."""

    # ----- changing entries ----------------------------------------------------------------

    def update_entry(
        self,
        day: dt.date,
        change: Callable[[Entry], Entry],
        what: str = "",
        group: str = "",
    ) -> Entry:
        """Apply ``change`` to the day's entry (created if missing) and save it if it differs,
        kept in the history as ``what`` (typing into one field, ``group``, is one change).

        Returning an equal entry writes nothing, so a step left untouched saves nothing.
        """
        with self.files.changing(entry_years=[day.year]):
            stamp = now()
            before = self.files.entries.get(day) or Entry(
                id=new_id(), date=day, created=stamp, updated=stamp
            )
            after = change(before)
            if after == before:
                return before
            after = msgspec.structs.replace(after, date=day, updated=stamp)
            self.commit(Batch(entries={day: after}), what or f"{day_label(day)}", group)
            return after

    def commit(self, batch: Batch, what: str, group: str = "") -> Change | None:
        """Write records changed together, kept in the history as one change."""
        return self.files.commit(batch, what, group)

    def set_intent(self, day: dt.date, text: str, serves: IntentFor | None = None) -> Entry:
        return self.update_entry(
            day,
            lambda e: changes.intent(e, text, serves),
            f"intent on {day_label(day)}",
            f"{day}:intent",
        )

    def set_text(self, day: dt.date, field: str, text: str) -> Entry:
        """Set one of the free-text answers: intent, self_focus or reflection."""
        changes.check_text_field(field)
        return self.update_entry(
            day,
            lambda e: changes.text(e, field, text),
            f"{FIELD_WORDS[field]} on {day_label(day)}",
            f"{day}:{field}",
        )

    def set_note(self, day: dt.date, key: str, text: str) -> Entry:
        """Answers to a custom pack's free-text steps, stored under the step's id."""
        return self.update_entry(
            day,
            lambda e: changes.note(e, key, text),
            f"note {key!r} on {day_label(day)}",
            f"{day}:note:{key}",
        )

    def rate(self, day: dt.date, ratings: dict[str, int | None]) -> Entry:
        changes.check_ratings(ratings)
        return self.update_entry(
            day,
            lambda e: changes.ratings(e, ratings),
            f"ratings on {day_label(day)}",
            f"{day}:ratings",
        )

    def add_help(self, day: dt.date, person: str, request: str = "", asked: bool = True) -> HelpAsk:
        ask = changes.new_ask(person, request, asked)
        self.update_entry(
            day,
            lambda e: changes.add_asks(e, [ask]),
            f"asked {one_line(ask.person, 40)} how to help, {day_label(day)}",
        )
        return ask

    def update_help(self, day: dt.date, help_id: str, **fields: Any) -> Entry:
        """Fill in a help ask later: what they asked for, whether I did it."""
        return self.update_entry(
            day,
            lambda e: changes.update_ask(e, help_id, fields),
            f"how I helped on {day_label(day)}",
            f"{day}:help:{help_id}",
        )

    def remove_help(self, day: dt.date, help_id: str) -> Entry:
        """Take back an ask."""
        return self.update_entry(
            day, lambda e: changes.remove_ask(e, help_id), f"removed an ask on {day_label(day)}"
        )

    def add_tags(self, day: dt.date, tags: Iterable[str]) -> Entry:
        clean = changes.parse_tags(tags)
        return self.update_entry(day, lambda e: changes.tags(e, clean), f"tags on {day_label(day)}")

    def set_tags(self, day: dt.date, tags: Iterable[str]) -> Entry:
        """The day's tags replaced by these (typed as people type them)."""
        clean = changes.parse_tags(tags)
        return self.update_entry(
            day, lambda e: changes.replace_tags(e, clean), f"tags on {day_label(day)}"
        )

    def set_marks(self, day: dt.date, tags: Iterable[str], starred: bool, private: bool) -> Entry:
        """The check-in's tags, star and private flag, as one change (typing folds into it)."""
        clean = changes.parse_tags(tags)
        return self.update_entry(
            day,
            lambda e: changes.marks(e, clean, starred, private),
            f"tags, star and privacy on {day_label(day)}",
            f"{day}:marks",
        )

    def set_starred(self, day: dt.date, starred: bool) -> Entry:
        what = "starred" if starred else "unstarred"
        return self.update_entry(
            day, lambda e: changes.star(e, starred), f"{day_label(day)} {what}"
        )

    def set_private(self, day: dt.date, private: bool) -> Entry:
        what = "private" if private else "no longer private"
        return self.update_entry(
            day, lambda e: changes.private(e, private), f"{day_label(day)} made {what}"
        )

    # ----- changing promises ---------------------------------------------------------------

    def make_promise(
        self,
        day: dt.date,
        text: str,
        kind: PromiseKind,
        to: str = "",
        due: dt.date | None = None,
    ) -> Promise:
        """A validated, not yet saved promise: lets a command check everything before writing."""
        return changes.new_promise(day, text, kind, to, due)

    def record_checkin(
        self, day: dt.date, change: Callable[[Entry], Entry], promises: Sequence[Promise]
    ) -> Entry:
        """A day's entry and its new promises live in two files; both are read and checked
        before either is written, so a damaged file stops the whole check-in, and the two
        are one change in the history."""
        with self.files.changing([day.year], {p.made_on.year for p in promises}):
            stamp = now()
            before = self.files.entries.get(day) or Entry(
                id=new_id(), date=day, created=stamp, updated=stamp
            )
            after = change(before)
            if after == before:
                entries: dict[dt.date, Entry | None] = {}
            else:
                entries = {day: msgspec.structs.replace(after, date=day, updated=stamp)}
            batch = Batch(entries=entries, promises=list(promises))
            self.commit(batch, f"check-in on {day_label(day)}")
            return entries.get(day) or before

    def save_promises(self, promises: Iterable[Promise]) -> None:
        promises = list(promises)
        what = (
            f"promise: {one_line(promises[0].text, 60)}"
            if len(promises) == 1
            else f"{len(promises)} promises"
        )
        self.commit(Batch(promises=promises), what)

    def add_promise(
        self,
        day: dt.date,
        text: str,
        kind: PromiseKind,
        to: str = "",
        due: dt.date | None = None,
    ) -> Promise:
        promise = self.make_promise(day, text, kind, to, due)
        self.save_promises([promise])
        return promise

    def _rewrite_promise(
        self, promise: Promise, change: Callable[[Promise], Promise], what: str
    ) -> Promise:
        with self.files.changing(promise_years=[promise.made_on.year]):
            current = self.files.promises.current(promise)
            after = change(current)
            if after == current:
                return current
            after = msgspec.structs.replace(after, updated=now())
            self.commit(Batch(promises=[after]), what)
            return after

    def edit_promise(self, ref: str, **fields: Any) -> Promise:
        """Change text, kind, person or due date of a promise that is still open (checked
        under the lock: another process may have resolved it meanwhile)."""
        terms = changes.promise_fields(fields)
        promise = self.find_promise(ref)
        what = f"edited promise {promise.short_id}: {one_line(promise.text, 60)}"
        return self._rewrite_promise(promise, lambda p: changes.edited(p, terms), what)

    def resolve_promise(
        self,
        ref: str,
        status: PromiseStatus,
        note: str = "",
        on: dt.date | None = None,
    ) -> Promise:
        """Record how a promise ended; ``open`` re-opens one that was resolved by mistake."""
        if status not in (*RESOLUTIONS, "open"):
            raise InvalidInput(f"{status!r} is not an outcome; use one of {', '.join(RESOLUTIONS)}")
        promise = self.find_promise(ref)
        day = on or self.today()
        if status != "open" and day < promise.made_on:
            raise InvalidInput(
                f"promise {promise.short_id} was made on {promise.made_on.isoformat()}; "
                f"it cannot be {status} on {day.isoformat()}"
            )
        what = f"promise {promise.short_id} {status}: {one_line(promise.text, 60)}"
        return self._rewrite_promise(
            promise, lambda p: changes.resolved(p, status, note, day), what
        )

    # ----- many records --------------------------------------------------------------------

    def write_bulk(
        self,
        entries: Iterable[Entry],
        promises: Iterable[Promise],
        what: str = "",
        also: Callable[[], None] | None = None,
        people: Iterable[PersonRecord] = (),
    ) -> None:
        """Many records with one save per year: demo data, or (named by ``what``, and kept in
        the history) an import, whose other saves ``also`` makes in the same change."""
        self.files.write_bulk(entries, promises, what, also, people)

    def replace_range(
        self, start: dt.date, end: dt.date, entries: list[Entry], promises: list[Promise]
    ) -> None:
        """Make [start, end] hold exactly these records (a client's share on the coach's side)."""
        self.files.replace_range(start, end, entries, promises)
