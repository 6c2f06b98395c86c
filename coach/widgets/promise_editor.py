"""The morning's promises: say what you will do, for whom, by when, and which kind of promise."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import DataTable, Input, RadioButton, RadioSet, Static

from coach.render import content, rich_text
from coach.widgets.step_base import (
    DayState,
    PromiseEditWanted,
    PromiseMade,
    PromiseRemoved,
    StepView,
)
from journal.model import PROMISE_KINDS, PromiseKind
from journal.parse import kind_label


class PromiseTable(DataTable[object]):
    BINDINGS = [
        Binding("delete,backspace", "remove", "Delete promise", id="promise.remove"),
        Binding("e", "edit", "Edit promise", id="promise.edit"),
    ]

    def selected(self) -> str | None:
        if not self.row_count:
            return None
        return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value

    def action_remove(self) -> None:
        key = self.selected()
        if key:
            self.post_message(PromiseRemoved(key))

    def action_edit(self) -> None:
        key = self.selected()
        if key:
            self.post_message(PromiseEditWanted(key))


class PromisesStep(StepView):
    """Several promises a day; Enter in any field adds one, and the list shows what is made."""

    DEFAULT_CSS = """
    PromisesStep .promise-fields { height: auto; }
    PromisesStep #promise-to, PromisesStep #promise-due { width: 1fr; }
    PromisesStep RadioSet { width: auto; layout: horizontal; }
    PromisesStep RadioSet > RadioButton { width: auto; }
    PromisesStep #promises-today { height: auto; max-height: 14; }
    """

    def compose(self) -> ComposeResult:
        yield Static(self.kinds_help(), classes="hints")
        yield Input(placeholder="What will you do?", id="promise-text", classes="answer")
        with Horizontal(classes="promise-fields"):
            with RadioSet(id="promise-kind"):
                for i, kind in enumerate(PROMISE_KINDS):
                    yield RadioButton(kind_label(kind), value=i == 0, name=kind)
            yield Input(placeholder="to whom", id="promise-to")
            yield Input(placeholder="due: 2026-12-01, tomorrow, +3d", id="promise-due")
        yield Static(content("Enter adds the promise. Made today:", "dim"), classes="list-label")
        table = PromiseTable(id="promises-today", cursor_type="row", zebra_stripes=True)
        table.add_columns("Kind", "Promise", "To", "Due")
        yield table

    def on_mount(self) -> None:
        self.show_state(self.state)

    def kinds_help(self) -> Content:
        lines = [
            Content.assemble((f"{kind_label(k):<15}", "bold"), content(self.step.hints.get(k, "")))
            for k in PROMISE_KINDS
        ]
        return Content("\n").join(lines)

    def show_state(self, state: DayState) -> None:
        super().show_state(state)
        table = self.query_one(PromiseTable)
        table.clear()
        for p in state.made_today:
            table.add_row(
                rich_text(kind_label(p.kind)),
                rich_text(p.text),
                rich_text(p.to),
                rich_text(p.due.isoformat() if p.due else ""),
                key=p.id,
            )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = self.query_one("#promise-text", Input)
        if not text.value.strip():
            text.focus()
            return
        pressed = self.query_one("#promise-kind", RadioSet).pressed_button
        kind: PromiseKind = "commitment"
        if pressed is not None and pressed.name in PROMISE_KINDS:
            kind = pressed.name  # narrowed to a kind by the test above
        self.post_message(
            PromiseMade(
                text=text.value,
                kind=kind,
                to=self.query_one("#promise-to", Input).value,
                due=self.query_one("#promise-due", Input).value,
            )
        )

    def clear_inputs(self) -> None:
        """After a promise is saved, get ready for the next one."""
        for name in ("#promise-text", "#promise-to", "#promise-due"):
            self.query_one(name, Input).value = ""
        self.query_one("#promise-text", Input).focus()
