"""Steps answered in words: intent (and whom it serves), self-focus, reflection, custom text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.widgets import Input, Static, TextArea

from coach.render import clean, content
from coach.widgets.fields import SuggestingInput, labelled
from coach.widgets.step_base import AnswerEdited, DayState, NextStep, StepView
from journal.app.checkin import Answer, IntentAnswer, TextAnswer
from journal.parse import parse_serves, serves_text
from prompts.loader import Step, tip_for

if TYPE_CHECKING:
    from journal.app.service import JournalService

WRITING_KEYS = "Enter starts a new line · Ctrl+N goes on"
"""In the field's border, where the eye already is."""


FIELD_LABELS = {"self_focus": "Where I was self-focused", "reflection": "Reflection"}


class TextStep(StepView):
    """The person's own words, as many lines as they need, saved to an entry field. The keys
    that write and move on are in the field's own border, where the eye already is."""

    KEYS = "Enter starts a new line · Ctrl+N saves and goes on · Ctrl+B goes back"
    DEFAULT_CSS = """
    TextStep TextArea { height: auto; min-height: 5; max-height: 14; }
    TextStep TextArea { border-title-color: $text-muted; border-subtitle-color: $text-muted; }
    """

    def __init__(self, step: Step, state: DayState, journal: JournalService, field: str) -> None:
        super().__init__(step, state, journal)
        self.field = field

    def stored(self) -> str:
        entry = self.state.entry
        if entry is None:
            return ""
        if self.field.startswith("notes:"):
            return entry.notes.get(self.field[6:], "")
        return str(getattr(entry, self.field))

    def compose(self) -> ComposeResult:
        area = TextArea(
            clean(self.stored()),
            placeholder=self.step.placeholder,
            id=f"{self.step.id}-text",
            classes="answer",
            highlight_cursor_line=False,
        )
        area.border_title = FIELD_LABELS.get(self.field, "")
        area.border_subtitle = WRITING_KEYS
        yield area

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self.post_message(AnswerEdited())

    def pending(self) -> Answer | None:
        return TextAnswer(self.field, self.query_one(TextArea).text)


class IntentStep(StepView):
    """The intent and whom it serves: naming someone else is a step away from self-focus."""

    KEYS = "Enter goes to the next field, then on"
    DEFAULT_CSS = """
    IntentStep Input { border-title-color: $text-muted; }
    """

    def compose(self) -> ComposeResult:
        entry = self.state.entry
        yield labelled(
            Input(
                value=clean(entry.intent if entry else ""),
                placeholder=self.step.placeholder or "I intend to…",
                id="intent-text",
                classes="answer",
            ),
            "Intent",
        )
        serves = SuggestingInput(
            self.journal,
            "serves",
            value=clean(serves_text(entry.intent_for) if entry and entry.intent_for else ""),
            placeholder="a name, team, team:Platform, or me",
            id="serves",
        )
        yield labelled(serves, "For whom")

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(AnswerEdited())

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "intent-text":
            self.query_one("#serves", Input).focus()
        else:
            self.post_message(NextStep())

    def pending(self) -> Answer | None:
        """Whom it serves is typed the way the CLI's --for takes it (one parser for both)."""
        text = self.query_one("#intent-text", Input).value
        whom = self.query_one("#serves", Input).value
        return IntentAnswer(text, parse_serves(whom) if whom.strip() else None)


class TipStep(StepView):
    """A reflection tip that changes each day, so the habit stays fresh."""

    KEYS = "Enter goes on"
    DEFAULT_CSS = """
    TipStep .tip { border: round $accent; padding: 1 2; width: auto; max-width: 80; }
    TipStep:focus .tip { border: round $accent-lighten-1; }
    """
    can_focus = True

    def compose(self) -> ComposeResult:
        yield Static(content(tip_for(self.step, self.state.day)), classes="tip")

    def focus_first(self) -> None:
        self.focus()

    def key_enter(self) -> None:
        self.post_message(NextStep())
