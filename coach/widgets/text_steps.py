"""Steps answered in words: intent (and whom it serves), self-focus, reflection, custom text."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Input, Static

from coach.render import clean, content
from coach.widgets.step_base import AnswerEdited, DayState, StepView
from journal.app.checkin import Answer, IntentAnswer, TextAnswer
from journal.parse import parse_serves, serves_text
from prompts.loader import Step, tip_for


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
        yield Input(
            value=clean(entry.intent if entry else ""),
            placeholder=self.step.placeholder or "I intend to…",
            id="intent-text",
            classes="answer",
        )
        yield Input(
            value=clean(serves_text(entry.intent_for) if entry and entry.intent_for else ""),
            placeholder="for whom? a name, team, team:Platform, or me",
            id="serves",
        )

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(AnswerEdited())

    def pending(self) -> Answer | None:
        """Whom it serves is typed the way the CLI's --for takes it (one parser for both)."""
        text = self.query_one("#intent-text", Input).value
        whom = self.query_one("#serves", Input).value
        return IntentAnswer(text, parse_serves(whom) if whom.strip() else None)


class TipStep(StepView):
    """A reflection tip that changes each day, so the habit stays fresh."""

    DEFAULT_CSS = """
    TipStep .tip { border: round $accent; padding: 1 2; width: auto; max-width: 80; }
    """

    def compose(self) -> ComposeResult:
        yield Static(content(tip_for(self.step, self.state.day)), classes="tip")
