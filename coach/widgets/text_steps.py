"""Steps answered in words: intent (and whom it serves), self-focus, reflection, custom text."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, RadioButton, RadioSet, Static

from coach.render import clean, content
from coach.widgets.step_base import (
    Answer,
    AnswerEdited,
    DayState,
    IntentAnswer,
    StepView,
    TextAnswer,
)
from journal.model import IntentFor, ServesKind
from prompts.loader import Step, tip_for

SERVES: tuple[tuple[ServesKind, str], ...] = (
    ("self", "Myself"),
    ("person", "A person"),
    ("team", "A team"),
)


class TextStep(StepView):
    """One line of the person's own words, saved to an entry field."""

    def __init__(self, step: Step, state: DayState, field: str) -> None:
        super().__init__(step, state)
        self.field = field

    def stored(self) -> str:
        entry = self.state.entry
        if entry is None:
            return ""
        if self.field.startswith("notes:"):
            return entry.notes.get(self.field[6:], "")
        return str(getattr(entry, self.field))

    def compose(self) -> ComposeResult:
        yield Input(
            value=clean(self.stored()),
            placeholder=self.step.placeholder,
            id=f"{self.step.id}-text",
            classes="answer",
        )

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(AnswerEdited())

    def pending(self) -> Answer | None:
        return TextAnswer(self.field, self.query_one(Input).value)


class IntentStep(StepView):
    """The intent and whom it serves: naming someone else is a step away from self-focus."""

    def compose(self) -> ComposeResult:
        entry = self.state.entry
        serves = entry.intent_for if entry else None
        yield Input(
            value=clean(entry.intent if entry else ""),
            placeholder=self.step.placeholder or "I intend to…",
            id="intent-text",
            classes="answer",
        )
        with Horizontal(classes="serves-row"):
            yield Static("It serves", classes="field-label")
            with RadioSet(id="serves-kind"):
                for kind, label in SERVES:
                    yield RadioButton(
                        label, value=serves is not None and serves.kind == kind, name=kind
                    )
            yield Input(
                value=clean(serves.name if serves else ""),
                placeholder="their name",
                id="serves-name",
            )

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(AnswerEdited())

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        event.stop()
        self.post_message(AnswerEdited())

    def pending(self) -> Answer | None:
        text = self.query_one("#intent-text", Input).value
        pressed = self.query_one(RadioSet).pressed_button
        name = self.query_one("#serves-name", Input).value.strip()
        serves: IntentFor | None = None
        if pressed is not None and pressed.name in ("self", "person", "team"):
            kind: ServesKind = pressed.name  # type: ignore[assignment]
            serves = IntentFor(kind=kind, name="" if kind == "self" else name)
        elif name:
            serves = IntentFor(kind="person", name=name)
        return IntentAnswer(text, serves)


class TipStep(StepView):
    """A reflection tip that changes each day, so the habit stays fresh."""

    def compose(self) -> ComposeResult:
        yield Static(content(tip_for(self.step, self.state.day)), classes="tip")
