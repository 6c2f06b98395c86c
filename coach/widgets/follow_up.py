"""The evening's follow-through: every open promise, today's and earlier ones, gets an outcome."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import DataTable, Input, Static

from coach.render import content, one_line, rich_text
from coach.widgets.step_base import DayState, PromiseResolved, StepView
from journal.model import RESOLUTIONS, PromiseStatus
from journal.parse import kind_label

OUTCOME_KEYS = {"kept": "k", "broken": "b", "renegotiated": "r", "released": "l"}
TEXT_WIDTH = 32
"""Long promises are cut in the table so due date and outcome stay on screen."""


class FollowUpTable(DataTable[object]):
    BINDINGS = [
        Binding("k", "mark('kept')", "Kept", id="followup.kept", show=False),
        Binding("b", "mark('broken')", "Broken", id="followup.broken", show=False),
        Binding(
            "r", "mark('renegotiated')", "Renegotiated", id="followup.renegotiated", show=False
        ),
        Binding("l", "mark('released')", "Released", id="followup.released", show=False),
        Binding("o", "mark('open')", "Reopen", id="followup.reopen", show=False),
    ]

    def action_mark(self, status: PromiseStatus) -> None:
        if not self.row_count:
            return
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key
        if key.value:
            note = self.screen.query_one("#followup-note", Input).value
            self.post_message(PromiseResolved(key.value, status, note))


class FollowUpStep(StepView):
    def compose(self) -> ComposeResult:
        lines = [
            Content.assemble(
                (f" {OUTCOME_KEYS[s]} ", "reverse"),
                (f" {s:<13}", "bold"),
                content(self.step.hints.get(s, "")),
            )
            for s in RESOLUTIONS
        ]
        lines.append(Content.styled(" o  reopens one you marked by mistake.", "dim"))
        yield Static(Content("\n").join(lines), classes="hints")
        table = FollowUpTable(id="followup", cursor_type="row", zebra_stripes=True)
        table.add_columns("Made", "Kind", "Promise", "To", "Due", "Outcome")
        yield table
        yield Input(placeholder="a note for the next outcome (optional)", id="followup-note")
        yield Static(id="followup-empty", classes="list-label")

    def on_mount(self) -> None:
        self.show_state(self.state)

    def show_state(self, state: DayState) -> None:
        super().show_state(state)
        table = self.query_one(FollowUpTable)
        row = table.cursor_row
        table.clear()
        for p in state.follow_up:
            late = p.is_overdue(state.day)
            due = p.due.isoformat() if p.due else ""
            table.add_row(
                rich_text(p.made_on.isoformat()),
                rich_text(kind_label(p.kind)),
                rich_text(one_line(p.text, TEXT_WIDTH)),
                rich_text(one_line(p.to, 14)),
                rich_text(due + (" overdue" if late else ""), "bold red" if late else ""),
                rich_text(p.status, "green" if p.status == "kept" else ""),
                key=p.id,
            )
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))
        if not state.scanned:
            empty = "Reading your open promises…"
        elif state.follow_up:
            empty = ""
        else:
            empty = "No open promises: nothing to follow up today."
        self.query_one("#followup-empty", Static).update(content(empty, "dim"))

    def note_used(self) -> None:
        self.query_one("#followup-note", Input).value = ""
