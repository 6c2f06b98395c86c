"""What the check-in's steps ask to change besides their typed answers: promises made, edited,
settled or deleted, and asks for help added, followed up or corrected. Each is one use case,
then the steps are redrawn from the journal."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.screen import Screen

from coach import messages as msg
from coach.render import one_line
from coach.widgets.step_base import (
    DayState,
    HelpAsked,
    HelpChanged,
    PromiseEditWanted,
    PromiseMade,
    PromiseRemoved,
    PromiseResolved,
    PromiseWanted,
    StepView,
)
from journal.errors import JournalError
from journal.parse import parse_date

if TYPE_CHECKING:
    from journal.app.service import JournalService


class StepChanges(Screen[None]):
    """The check-in screen's handlers for the changes its steps ask for."""

    journal: JournalService
    day: dt.date

    def refresh_steps(self, state: DayState | None = None) -> None:
        raise NotImplementedError

    def current(self) -> StepView | None:
        raise NotImplementedError

    def report(self, exc: JournalError) -> None:
        self.notify(one_line(str(exc)), severity="error", markup=False)

    def call_on_current(self, method: str) -> None:
        """Let the step that asked for a change get ready for the next one."""
        view = self.current()
        if view is not None and hasattr(view, method):
            getattr(view, method)()

    def act(self, change: Callable[[], object]) -> bool:
        """Run one domain change, show its error if any, and redraw from the journal."""
        try:
            change()
        except JournalError as exc:
            self.report(exc)
            return False
        self.refresh_steps()
        return True

    def on_promise_made(self, event: PromiseMade) -> None:
        event.stop()
        try:
            due = parse_date(event.due, self.day, "due date") if event.due.strip() else None
            self.journal.add_promise(self.day, event.text, event.kind, event.to, due)
        except JournalError as exc:
            self.report(exc)
            return
        self.refresh_steps()
        self.call_on_current("clear_inputs")

    def on_promise_removed(self, event: PromiseRemoved) -> None:
        from coach.screens import promise_actions

        event.stop()
        promise_actions.delete_promise(self, self.journal, event.promise_id, self.refresh_steps)

    def on_promise_edit_wanted(self, event: PromiseEditWanted) -> None:
        from coach.screens import promise_actions

        event.stop()
        promise_actions.edit_promise(self, self.journal, event.promise_id, self.refresh_steps)

    def on_promise_resolved(self, event: PromiseResolved) -> None:
        """An outcome, or a changed one: a promise settled before says what it was, since
        working down the list is where a second key lands on the wrong row."""
        from coach.screens import promise_actions

        event.stop()
        try:
            promise = self.journal.find_promise(event.promise_id)
        except JournalError as exc:
            self.report(exc)
            return
        was = promise.status

        def done(refresh: bool = False) -> None:
            """Ready for the next: the note is used, and the cursor goes on to the next open
            promise (not after o, which reopens one to mark it again)."""
            if refresh:
                self.refresh_steps()
            self.call_on_current("note_used")
            if event.status != "open":
                self.call_on_current("outcome_given")

        if was == event.status and not event.note.strip():
            self.notify(msg.ALREADY_SETTLED.format(status=was), markup=False)
            done()
            return
        if event.status == "renegotiated":  # new terms first: the old promise closes on them
            promise_actions.renegotiate(
                self, self.journal, event.promise_id, self.day, event.note, lambda: done(True)
            )
            return
        resolve = self.journal.resolve_promise
        if self.act(lambda: resolve(event.promise_id, event.status, event.note, self.day)):
            if was not in ("open", event.status):
                said = msg.OUTCOME_CHANGED.format(
                    text=one_line(promise.text, 40), was=was, now=event.status
                )
                self.notify(said, markup=False)
            done()

    def on_promise_wanted(self, event: PromiseWanted) -> None:
        """From the people due: a best effort to them, its kind changed on the promises step."""
        from coach.dialogs.line_input import LineInputScreen

        event.stop()
        to = event.to

        def made(text: str | None) -> None:
            if text and text.strip():
                self.post_message(PromiseMade(text.strip(), "best_effort", to, ""))
                self.notify(msg.PROMISE_TO.format(to=one_line(to, 40)), markup=False)

        title = f"A promise to {one_line(to, 40)}"
        self.app.push_screen(LineInputScreen(title, "What will you do?"), made)

    def on_help_asked(self, event: HelpAsked) -> None:
        event.stop()
        if self.act(lambda: self.journal.add_help(self.day, event.person, event.request)):
            self.call_on_current("clear_inputs")

    def on_help_changed(self, event: HelpChanged) -> None:
        from coach.screens import promise_actions

        event.stop()
        if event.remove:
            entry = self.journal.entry(event.day)
            ask = next((h for h in entry.help if h.id == event.help_id), None) if entry else None
            who = f" of {one_line(ask.person, 40)}" if ask else ""
            promise_actions.confirm(
                self,
                f"Remove the ask{who} on {event.day:%a %d %b}?",
                lambda: self.act(lambda: self.journal.remove_help(event.day, event.help_id)),
            )
            return
        if event.edit:
            promise_actions.edit_ask(
                self, self.journal, event.day, event.help_id, self.refresh_steps
            )
            return
        fields: dict[str, object] = {}
        if event.request is not None:
            fields["request"] = event.request.strip()
        if event.done is not None:
            fields["done"] = event.done
        self.act(lambda: self.journal.update_help(event.day, event.help_id, **fields))
