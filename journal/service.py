"""JournalService: the one API the app and the CLI call to read and change the journal.

Every change is a read-modify-write under the journal lock, validated against the model before
anything touches disk, so bad input raises and leaves the stored data exactly as it was.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, MutableMapping, Sequence
from typing import Any

import msgspec
from tinydb import Query
from tinydb.table import Document

from journal.bulk import BulkWrites
from journal.errors import InvalidInput, NotFound
from journal.model import (
    RATING_NAMES,
    RESOLUTIONS,
    Entry,
    HelpAsk,
    IntentFor,
    Promise,
    PromiseKind,
    PromiseStatus,
    Ratings,
    new_id,
    now,
    to_builtins,
    validate,
)
from journal.parse import parse_tag
from journal.reader import ENTRIES, PROMISES


class JournalService(BulkWrites):
    """The reads of JournalReader, plus every change to the journal."""

    # ----- changing entries ----------------------------------------------------------------

    def update_entry(self, day: dt.date, change: Callable[[Entry], Entry]) -> Entry:
        """Apply ``change`` to the day's entry (created if missing) and save it if it differs.

        Returning an equal entry writes nothing, so a step left untouched saves nothing.
        """
        with self.store.locked():
            table = self.store.db(ENTRIES, day.year).table(ENTRIES)
            key = day.toordinal()
            row = table.get(doc_id=key)
            stamp = now()
            before = (
                validate(dict(row), Entry, str(self.store.shard_path(ENTRIES, day.year)))
                if isinstance(row, dict)
                else Entry(id=new_id(), date=day, created=stamp, updated=stamp)
            )
            after = change(before)
            if after == before:
                return before
            after = msgspec.structs.replace(after, date=day, updated=stamp)
            data = to_builtins(validate(to_builtins(after), Entry))
            if row is None:
                table.insert(Document(data, doc_id=key))
            else:
                table.update(_replace_with(data), doc_ids=[key])
            return validate(data, Entry)

    def set_intent(self, day: dt.date, text: str, serves: IntentFor | None = None) -> Entry:
        return self.update_entry(
            day, lambda e: msgspec.structs.replace(e, intent=text.strip(), intent_for=serves)
        )

    def set_text(self, day: dt.date, field: str, text: str) -> Entry:
        """Set one of the free-text answers: intent, self_focus or reflection."""
        if field not in ("intent", "self_focus", "reflection"):
            raise InvalidInput(f"{field!r} is not a text field of an entry")
        return self.update_entry(day, lambda e: msgspec.structs.replace(e, **{field: text.strip()}))

    def set_note(self, day: dt.date, key: str, text: str) -> Entry:
        """Answers to a custom pack's free-text steps, stored under the step's id."""

        def change(e: Entry) -> Entry:
            notes = dict(e.notes)
            if text.strip():
                notes[key] = text.strip()
            else:
                notes.pop(key, None)
            return msgspec.structs.replace(e, notes=notes)

        return self.update_entry(day, change)

    def rate(self, day: dt.date, ratings: dict[str, int | None]) -> Entry:
        unknown = set(ratings) - set(RATING_NAMES)
        if unknown:
            raise InvalidInput(
                f"unknown rating {sorted(unknown)[0]!r}; use one of {', '.join(RATING_NAMES)}"
            )

        def change(e: Entry) -> Entry:
            merged = {**e.ratings.given(), **ratings}
            given = {k: v for k, v in merged.items() if v is not None}
            # Checked with the whole entry, so errors read "ratings.credibility: …".
            return msgspec.structs.replace(e, ratings=Ratings(**given))

        return self.update_entry(day, change)

    def add_help(self, day: dt.date, person: str, request: str = "", asked: bool = True) -> HelpAsk:
        person = person.strip()
        if not person:
            raise InvalidInput("a help ask needs the person's name")
        ask = HelpAsk(id=new_id(), person=person, request=request.strip(), asked=asked)
        self.update_entry(day, lambda e: msgspec.structs.replace(e, help=[*e.help, ask]))
        return ask

    def update_help(self, day: dt.date, help_id: str, **fields: Any) -> Entry:
        """Fill in a help ask later: what they asked for, whether I did it."""

        def change(e: Entry) -> Entry:
            if not any(h.id == help_id for h in e.help):
                raise NotFound(f"no help ask {help_id[:8]} on {day.isoformat()}")
            asks = [msgspec.structs.replace(h, **fields) if h.id == help_id else h for h in e.help]
            return msgspec.structs.replace(e, help=asks)

        return self.update_entry(day, change)

    def remove_help(self, day: dt.date, help_id: str) -> Entry:
        return self.update_entry(
            day, lambda e: msgspec.structs.replace(e, help=[h for h in e.help if h.id != help_id])
        )

    def add_tags(self, day: dt.date, tags: Iterable[str]) -> Entry:
        clean = [parse_tag(t) for t in tags]

        def change(e: Entry) -> Entry:
            return msgspec.structs.replace(e, tags=list(dict.fromkeys([*e.tags, *clean])))

        return self.update_entry(day, change)

    def set_private(self, day: dt.date, private: bool) -> Entry:
        return self.update_entry(day, lambda e: msgspec.structs.replace(e, private=private))

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
        if not text.strip():
            raise InvalidInput("a promise needs some text: what will you do?")
        if due is not None and due < day:
            raise InvalidInput(f"due date {due.isoformat()} is before the day it was made")
        stamp = now().isoformat()
        data = {
            "id": new_id(),
            "made_on": day.isoformat(),
            "text": text.strip(),
            "kind": kind,
            "to": to.strip(),
            "created": stamp,
            "updated": stamp,
        }
        if due is not None:
            data["due"] = due.isoformat()
        return validate(data, Promise, "promise")

    def record_checkin(
        self, day: dt.date, change: Callable[[Entry], Entry], promises: Sequence[Promise]
    ) -> Entry:
        """A day's entry and its new promises live in two files; both are read and checked
        before either is written, so a damaged file stops the whole check-in."""
        with self.store.locked():
            self._check_readable(
                [(ENTRIES, day.year), *((PROMISES, p.made_on.year) for p in promises)]
            )
            entry = self.update_entry(day, change)
            self.save_promises(promises)
        return entry

    def save_promises(self, promises: Iterable[Promise]) -> None:
        by_year: dict[int, list[dict[str, Any]]] = {}
        for p in promises:
            by_year.setdefault(p.made_on.year, []).append(to_builtins(p))
        with self.store.locked():
            for year, rows in by_year.items():
                self.store.db(PROMISES, year).table(PROMISES).insert_multiple(rows)

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

    def _rewrite_promise(self, promise: Promise, change: Callable[[Promise], Promise]) -> Promise:
        with self.store.locked():
            table = self.store.db(PROMISES, promise.made_on.year).table(PROMISES)
            row = table.get(Query().id == promise.id)
            if row is None:
                raise NotFound(f"promise {promise.short_id} is no longer in the journal")
            current = validate(dict(row), Promise)
            after = change(current)
            if after == current:
                return current
            after = msgspec.structs.replace(after, updated=now())
            data = to_builtins(validate(to_builtins(after), Promise, "promise"))
            table.update(_replace_with(data), doc_ids=[row.doc_id])
            return validate(data, Promise)

    EDITABLE = frozenset({"text", "kind", "to", "due"})

    def edit_promise(self, ref: str, **fields: Any) -> Promise:
        """Change text, kind, person or due date of a promise that is still open.

        The day it was made and its id stay fixed: they decide which file holds it.
        """
        unknown = set(fields) - self.EDITABLE
        if unknown:
            raise InvalidInput(
                f"cannot change a promise's {sorted(unknown)[0]}; "
                f"only {', '.join(sorted(self.EDITABLE))}"
            )
        promise = self.find_promise(ref)
        for key in ("text", "to"):
            if isinstance(fields.get(key), str):
                fields[key] = fields[key].strip()
        if "text" in fields and not fields["text"]:
            raise InvalidInput("a promise needs some text: what will you do?")

        def change(p: Promise) -> Promise:
            # Checked under the lock: another process may have resolved it meanwhile.
            if p.status != "open":
                raise InvalidInput(
                    f"promise {p.short_id} is already {p.status}; reopen it to edit it"
                )
            due = fields.get("due", p.due)
            if due is not None and due < p.made_on:
                raise InvalidInput(f"due date {due.isoformat()} is before the day it was made")
            return msgspec.structs.replace(p, **fields)

        return self._rewrite_promise(promise, change)

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

        def change(p: Promise) -> Promise:
            if status == "open":
                return msgspec.structs.replace(p, status="open", resolved_on=None, note=note)
            return msgspec.structs.replace(
                p, status=status, resolved_on=day, note=note.strip() or p.note
            )

        return self._rewrite_promise(promise, change)

    def remove_promise(self, ref: str) -> None:
        promise = self.find_promise(ref)
        with self.store.locked():
            table = self.store.db(PROMISES, promise.made_on.year).table(PROMISES)
            table.remove(Query().id == promise.id)

    # ----- bulk ----------------------------------------------------------------------------


def _replace_with(data: dict[str, Any]) -> Callable[[MutableMapping[Any, Any]], None]:
    """TinyDB's update merges fields; a record must instead be replaced so cleared ones go."""

    def replace(doc: MutableMapping[Any, Any]) -> None:
        doc.clear()
        doc.update(data)

    return replace
