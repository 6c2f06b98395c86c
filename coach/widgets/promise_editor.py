"""The morning's promises: say what you will do, for whom, by when, and which kind of promise."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import DataTable, Input, RadioSet, Static

from coach.render import content, rich_text
from coach.widgets.choices import Choice, ChoiceSet
from coach.widgets.fields import SuggestingInput, hints, labelled
from coach.widgets.step_base import (
    DayState,
    NextStep,
    PromiseEditWanted,
    PromiseMade,
    PromiseRemoved,
    StepView,
)
from journal.model import PROMISE_KINDS, PromiseKind
from journal.parse import date_examples, kind_label


class PromiseTable(DataTable[object]):
    KEYS_FOR = "the list of today's promises"

    BINDINGS = [
        Binding("delete,backspace", "remove", "Delete promise", id="promise.remove", show=False),
        Binding("e", "edit", "Edit promise", id="promise.edit", show=False),
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

    KEYS = (
        "Enter adds the promise, or goes on when the fields are empty · "
        "in the list: e edit, Del delete"
    )
    DEFAULT_CSS = """
    PromisesStep .promise-fields { height: auto; }
    PromisesStep #promise-to, PromisesStep #promise-due { width: 1fr; }
    PromisesStep Input { border-title-color: $text-muted; }
    PromisesStep RadioSet { width: auto; layout: horizontal; border: none; padding: 0 1; }
    PromisesStep RadioSet > RadioButton { width: auto; }
    PromisesStep #promises-today { height: auto; max-height: 14; }
    PromisesStep #kind-hint { display: none; color: $text-muted; padding: 0 1; }
    """

    def compose(self) -> ComposeResult:
        yield hints(
            [
                (content(kind_label(k), "bold"), content(self.step.hints.get(k, "")))
                for k in PROMISE_KINDS
            ]
        )
        yield labelled(
            Input(
                placeholder=self.step.placeholder or "What will you do?",
                id="promise-text",
                classes="answer",
                select_on_focus=False,
            ),
            "Promise",
        )
        with ChoiceSet(id="promise-kind"):
            for i, kind in enumerate(PROMISE_KINDS):
                yield Choice(kind_label(kind), value=i == 0, name=kind)
        yield Static(self.kind_hint(PROMISE_KINDS[0]), id="kind-hint")
        with Horizontal(classes="promise-fields"):
            to = SuggestingInput(self.journal, "people", placeholder="e.g. Ana", id="promise-to")
            yield labelled(to, "To whom")
            yield labelled(
                Input(
                    placeholder=f"e.g. {date_examples(self.state.day)}",
                    id="promise-due",
                    select_on_focus=False,
                ),
                "Due",
            )
        yield Static(content("Made today:", "dim"), classes="list-label")
        table = PromiseTable(id="promises-today", cursor_type="row", zebra_stripes=True)
        table.add_columns("Kind", "Promise", "To", "Due")
        yield table

    def on_mount(self) -> None:
        self.show_state(self.state)

    def kind_hint(self, kind: str) -> Content:
        """On a short terminal the meanings give way to the chosen kind's alone."""
        return content(f"{kind_label(kind)}: {self.step.hints.get(kind, '')}")

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        event.stop()
        kind = event.pressed.name or PROMISE_KINDS[0]
        self.query_one("#kind-hint", Static).update(self.kind_hint(kind))

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
            if any(self.query_one(f, Input).value.strip() for f in ("#promise-to", "#promise-due")):
                self.notify("What will you do? Say it first, then Enter.", markup=False)
                text.focus()
            else:
                self.post_message(NextStep())
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
