"""Correcting a promise or an ask from a screen: a one-key confirmation before anything goes,
and dialogs for new terms, checked by the same rules (and use cases) as the command line."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from textual.screen import Screen

from coach.dialogs.confirm import ConfirmScreen
from coach.dialogs.form import Field, FormScreen
from coach.render import one_line
from journal.app.corrections import delete_promise as delete_promise_of
from journal.app.service import JournalService
from journal.errors import JournalError
from journal.model import Promise
from journal.parse import date_examples, kind_label, parse_date, parse_kind


def report(screen: Screen[Any], exc: JournalError) -> None:
    screen.notify(one_line(str(exc)), severity="error", markup=False)


def confirm(screen: Screen[Any], question: str, then: Callable[[], object]) -> None:
    """Ask first, naming what goes; ``then`` runs only on yes."""

    def answered(yes: bool | None) -> None:
        if yes:
            then()

    screen.app.push_screen(ConfirmScreen(question), answered)


def delete_promise(
    screen: Screen[Any], journal: JournalService, promise_id: str, done: Callable[[], None]
) -> None:
    try:
        promise = journal.find_promise(promise_id)
    except JournalError as exc:
        report(screen, exc)
        return

    def go() -> None:
        try:
            delete_promise_of(journal, promise.id)
        except JournalError as exc:
            report(screen, exc)
            return
        screen.notify("Promise deleted. Ctrl+Z brings it back.", markup=False)
        done()

    confirm(screen, f"Delete the promise “{one_line(promise.text, 60)}”?", go)


def edit_promise(
    screen: Screen[Any], journal: JournalService, promise_id: str, done: Callable[[], None]
) -> None:
    try:
        promise = journal.find_promise(promise_id)
    except JournalError as exc:
        report(screen, exc)
        return
    if promise.status != "open":
        screen.notify(
            f"This promise is {promise.status}; reopen it (o) to change its terms.", markup=False
        )
        return
    fields = [
        Field("text", "What you will do", one_line(promise.text)),
        Field("to", "To whom", one_line(promise.to)),
        Field("kind", "Kind: commitment, best effort or good intention", kind_label(promise.kind)),
        Field("due", f"Due ({date_examples(journal.today())}; empty for none)", due_text(promise)),
    ]

    def save(values: dict[str, str] | None) -> None:
        if values is None:
            return
        typed = changed(fields, values)  # untouched text keeps its line breaks
        try:
            terms: dict[str, object] = {k: typed[k] for k in ("text", "to") if k in typed}
            if "kind" in typed:
                terms["kind"] = parse_kind(typed["kind"])
            if "due" in typed:
                due = typed["due"].strip()
                terms["due"] = parse_date(due, journal.today(), "due date") if due else None
            if terms:
                journal.edit_promise(promise.id, **terms)
        except JournalError as exc:
            report(screen, exc)
            return
        done()

    screen.app.push_screen(FormScreen("Edit the promise", fields), save)


def changed(fields: list[Field], values: dict[str, str]) -> dict[str, str]:
    """Only what the person changed in a form: a field left as shown (text folded to one
    line to fit it) keeps what is stored."""
    return {f.key: values[f.key] for f in fields if values[f.key] != f.value}


def renegotiate(
    screen: Screen[Any],
    journal: JournalService,
    promise_id: str,
    day: dt.date,
    note: str,
    done: Callable[[], None],
) -> None:
    """Renegotiating is agreeing new terms: ask for them, close the old promise and open the
    new one linked to it."""
    from journal.app.corrections import Renegotiation
    from journal.app.corrections import renegotiate as renegotiated

    try:
        promise = journal.find_promise(promise_id)
    except JournalError as exc:
        report(screen, exc)
        return
    fields = [
        Field("due", f"New due date ({date_examples(journal.today())})", due_text(promise)),
        Field("text", "New terms, if they changed", one_line(promise.text)),
        Field("note", "A note on what you agreed (optional)", note),
    ]

    def save(values: dict[str, str] | None) -> None:
        if values is None:
            return
        try:
            due = values["due"].strip()
            new_due = parse_date(due, day, "due date") if due else None
            text = values["text"].strip()
            request = Renegotiation(
                ref=promise.id,
                due=new_due if new_due != promise.due else None,
                text=text if text != one_line(promise.text) else None,
                note=values["note"],
                on=day,
            )
            made = renegotiated(journal, request)
        except JournalError as exc:
            report(screen, exc)
            return
        screen.notify(one_line(f"Renegotiated. The new promise: {made.new.text}"), markup=False)
        done()

    title = f"Renegotiate “{one_line(promise.text, 50)}”: what did you agree?"
    screen.app.push_screen(FormScreen(title, fields), save)


def due_text(promise: Promise) -> str:
    return promise.due.isoformat() if promise.due else ""


def edit_ask(
    screen: Screen[Any],
    journal: JournalService,
    day: dt.date,
    help_id: str,
    done: Callable[[], None],
) -> None:
    """Correct whom you asked, or what they asked for."""
    entry = journal.entry(day)
    ask = next((h for h in entry.help if h.id == help_id), None) if entry else None
    if ask is None:
        return
    fields = [
        Field("person", "Whom you asked", one_line(ask.person)),
        Field("request", "What they asked for", one_line(ask.request)),
    ]

    def save(values: dict[str, str] | None) -> None:
        if values is None:
            return
        typed = {k: v.strip() for k, v in changed(fields, values).items()}
        if "person" in typed and not typed["person"]:
            screen.notify("An ask needs the person's name.", severity="error", markup=False)
            return
        try:
            if typed:
                journal.update_help(day, help_id, **typed)
        except JournalError as exc:
            report(screen, exc)
            return
        done()

    screen.app.push_screen(FormScreen("Correct the ask", fields), save)
