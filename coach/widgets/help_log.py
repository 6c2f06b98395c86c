"""'How can I help?': whom I asked in the morning, and in the evening whether I did it."""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import DataTable, Input, Static

from coach.render import content, one_line, rich_text
from coach.widgets.fields import SuggestingInput, labelled
from coach.widgets.step_base import DayState, HelpAsked, HelpChanged, NextStep, StepView


def done_label(done: bool | None) -> str:
    return {True: "done", False: "not done", None: "—"}[done]


class HelpTable(DataTable[object]):
    """Rows are keyed "<iso day>|<help id>" so asks from earlier days can be followed up too."""

    KEYS_FOR = "the list of asks"

    BINDINGS = [
        Binding("y", "mark(True)", "Did it", id="help.done", show=False),
        Binding("n", "mark(False)", "Didn't", id="help.not_done", show=False),
        Binding("delete,backspace", "remove", "Remove", id="help.remove", show=False),
        Binding("e", "edit", "Edit", id="help.edit", show=False),
    ]

    def selected(self) -> tuple[dt.date, str] | None:
        if not self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value or ""
        day, _, help_id = key.partition("|")
        return dt.date.fromisoformat(day), help_id

    def action_mark(self, done: bool) -> None:
        picked = self.selected()
        if picked:
            self.post_message(HelpChanged(picked[0], picked[1], done=done))

    def action_remove(self) -> None:
        picked = self.selected()
        if picked:
            self.post_message(HelpChanged(picked[0], picked[1], remove=True))

    def action_edit(self) -> None:
        picked = self.selected()
        if picked:
            self.post_message(HelpChanged(picked[0], picked[1], edit=True))


class HelpStep(StepView):
    """Morning: add one row per person; what they asked for can be filled in now or later."""

    KEYS = (
        "Enter adds the person, or goes on when both fields are empty · "
        "in the list: e edit, Del remove"
    )
    DEFAULT_CSS = """
    HelpStep .help-fields { height: auto; }
    HelpStep #help-person, HelpStep #help-request { width: 1fr; border-title-color: $text-muted; }
    HelpStep #help-today { height: auto; max-height: 14; }
    """

    def compose(self) -> ComposeResult:
        with Horizontal(classes="help-fields"):
            person = SuggestingInput(
                self.journal,
                "people",
                placeholder=self.step.placeholder or "e.g. Priya",
                id="help-person",
                classes="answer",
            )
            yield labelled(person, "Person")
            yield labelled(
                Input(placeholder="now, or later today", id="help-request", select_on_focus=False),
                "What they asked for",
            )
        yield Static(content("Asked today:", "dim"), classes="list-label")
        table = HelpTable(id="help-today", cursor_type="row")
        table.add_columns("Person", "What they asked for", "Done")
        yield table

    def on_mount(self) -> None:
        self.show_state(self.state)

    def show_state(self, state: DayState) -> None:
        super().show_state(state)
        table = self.query_one(HelpTable)
        table.clear()
        for ask in state.entry.help if state.entry else []:
            table.add_row(
                rich_text(ask.person),
                rich_text(one_line(ask.request, 50) or "…"),
                rich_text(done_label(ask.done)),
                key=f"{state.day.isoformat()}|{ask.id}",
            )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        person = self.query_one("#help-person", Input)
        request = self.query_one("#help-request", Input)
        if not person.value.strip():
            if request.value.strip():
                self.notify("Whom did you ask? Type their name first.", markup=False)
                person.focus()
            else:
                self.post_message(NextStep())
            return
        self.post_message(HelpAsked(person.value, request.value))

    def clear_inputs(self) -> None:
        for name in ("#help-person", "#help-request"):
            self.query_one(name, Input).value = ""
        self.query_one("#help-person", Input).focus()


class HelpDoneStep(StepView):
    """Evening: for each ask today (and undone ones this week), did I do what they asked?"""

    KEYS = "y did it · n didn't · e edit · Del remove · Enter on an empty field goes on"
    DEFAULT_CSS = """
    HelpDoneStep #help-followup { height: auto; max-height: 14; }
    HelpDoneStep Input { border-title-color: $text-muted; }
    """

    def compose(self) -> ComposeResult:
        table = HelpTable(id="help-followup", cursor_type="row")
        table.add_columns("Day", "Person", "What they asked for", "Done")
        yield table
        yield labelled(
            Input(
                placeholder="Enter saves it on the selected row",
                id="help-request-later",
                select_on_focus=False,
            ),
            "What they asked for",
        )
        yield Static(id="help-empty", classes="list-label")

    def on_mount(self) -> None:
        self.show_state(self.state)

    def show_state(self, state: DayState) -> None:
        super().show_state(state)
        table = self.query_one(HelpTable)
        row = table.cursor_row
        table.clear()
        for day, ask in state.help_asks:
            table.add_row(
                rich_text(day.isoformat()),
                rich_text(ask.person),
                rich_text(one_line(ask.request, 50) or "…"),
                rich_text(done_label(ask.done), "green" if ask.done else ""),
                key=f"{day.isoformat()}|{ask.id}",
            )
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))
        if state.help_asks:
            empty = ""
        else:
            empty = "No one to follow up with: ask someone tomorrow."
        self.query_one("#help-empty", Static).update(content(empty, "dim"))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value.strip():
            self.post_message(NextStep())
            return
        picked = self.query_one(HelpTable).selected()
        if picked is None:
            self.notify("There is no ask to note this on.", markup=False)
            return
        self.post_message(HelpChanged(picked[0], picked[1], request=event.value))
        event.input.value = ""
