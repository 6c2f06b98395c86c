"""The evening's follow-through: every open promise, today's and earlier ones, gets an outcome."""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Input, Static

from coach.render import content, one_line
from coach.widgets.fields import hints, labelled
from coach.widgets.row_list import RowList
from coach.widgets.step_base import (
    DayState,
    NextStep,
    PromiseEditWanted,
    PromiseRemoved,
    PromiseResolved,
    StepView,
)
from journal.model import RESOLUTIONS, PromiseStatus
from journal.parse import kind_label

OUTCOME_KEYS = {"kept": "k", "broken": "b", "renegotiated": "r", "released": "l"}


def short_date(day: dt.date, today: dt.date) -> str:
    """ "20 Sep" this year, "20 Sep 2025" before: the table stays narrow but never ambiguous."""
    return day.strftime("%d %b") if day.year == today.year else day.strftime("%d %b %Y")


class FollowUpTable(RowList):
    KEYS_FOR = "the list of promises"

    BINDINGS = [
        Binding("k", "mark('kept')", "Kept", id="followup.kept", show=False),
        Binding("b", "mark('broken')", "Broken", id="followup.broken", show=False),
        Binding(
            "r", "mark('renegotiated')", "Renegotiated", id="followup.renegotiated", show=False
        ),
        Binding("l", "mark('released')", "Released", id="followup.released", show=False),
        Binding("o", "mark('open')", "Reopen", id="followup.reopen", show=False),
        Binding("e", "edit", "Edit", id="followup.edit", show=False),
        Binding("delete,backspace", "remove", "Delete", id="followup.remove", show=False),
    ]

    def key_enter(self) -> None:
        self.post_message(NextStep())

    def action_edit(self) -> None:
        if self.selected_key:
            self.post_message(PromiseEditWanted(self.selected_key))

    def action_remove(self) -> None:
        if self.selected_key:
            self.post_message(PromiseRemoved(self.selected_key))

    acted_on: str | None = None
    """The promise the last outcome key was pressed on: the cursor goes on from it."""

    def action_mark(self, status: PromiseStatus) -> None:
        key = self.selected_key
        self.acted_on = key
        if key:
            note = self.screen.query_one("#followup-note", Input).value
            self.post_message(PromiseResolved(key, status, note))


class FollowUpStep(StepView):
    KEYS = (
        "k b r l mark the selected promise · o reopens one marked by mistake · "
        "e edits its terms · Del deletes it"
    )
    DEFAULT_CSS = """
    FollowUpStep Input { border-title-color: $text-muted; }
    """

    def compose(self) -> ComposeResult:
        yield hints(
            [
                (
                    Content.assemble((f" {OUTCOME_KEYS[s]} ", "reverse"), (f" {s}", "bold")),
                    content(self.step.hints.get(s, "")),
                )
                for s in RESOLUTIONS
            ]
        )
        yield FollowUpTable(
            ["Made", "Kind", "Promise", "To", "Due", "Outcome"], flex=2, id="followup"
        )
        yield labelled(
            Input(
                placeholder="optional; it goes with the next outcome",
                id="followup-note",
                select_on_focus=False,
            ),
            "Note",
        )
        yield Static(id="followup-empty", classes="list-label")

    def on_mount(self) -> None:
        self.show_state(self.state)

    def show_state(self, state: DayState) -> None:
        super().show_state(state)
        rows = []
        for p in state.follow_up:
            late = p.is_overdue(state.day)
            due = short_date(p.due, state.day) if p.due else ""
            cells = [
                content(short_date(p.made_on, state.day)),
                content(kind_label(p.kind)),
                content(("↻ " if p.renegotiated_from else "") + one_line(p.text)),
                content(one_line(p.to, 14)),
                content(due + (" overdue" if late else ""), "bold $error" if late else ""),
                content(p.status, "$success" if p.status == "kept" else ""),
            ]
            rows.append((p.id, cells))
        self.query_one(FollowUpTable).set_rows(rows)
        empty = "" if state.follow_up else "No open promises: nothing to follow up today."
        self.query_one("#followup-empty", Static).update(content(empty, "dim"))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value.strip():
            self.post_message(NextStep())
        elif self.state.follow_up:
            self.notify("Now pick its outcome in the list: k, b, r or l.", markup=False)
            self.query_one(FollowUpTable).focus()
        else:
            self.notify("There is no open promise for this note.", markup=False)

    def note_used(self) -> None:
        self.query_one("#followup-note", Input).value = ""

    def outcome_given(self) -> None:
        """After an outcome the cursor goes on to the next open promise (from the top again
        after the last), so working down the list never marks the same one twice."""
        table = self.query_one(FollowUpTable)
        count = len(self.state.follow_up)
        if count < 2:
            return
        keys = [p.id for p in self.state.follow_up]
        here = keys.index(table.acted_on) if table.acted_on in keys else table.cursor
        here = min(here, count - 1)
        after = [(here + step) % count for step in range(1, count)]
        still_open = [i for i in after if self.state.follow_up[i].status == "open"]
        table.cursor = still_open[0] if still_open else min(here + 1, count - 1)
