"""Steps answered in words: intent (and whom it serves), self-focus, reflection, custom text."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from textual import events
from textual.app import ComposeResult
from textual.widgets import Input, Static, TextArea

from coach.render import clean, content
from coach.widgets.fields import SuggestingInput, labelled, show_text
from coach.widgets.step_base import AnswerEdited, DayState, NextStep, StepView
from journal.app.checkin import Answer, IntentAnswer, TextAnswer
from journal.parse import parse_serves, serves_text
from prompts.loader import Step, tip_for

if TYPE_CHECKING:
    from journal.app.service import JournalService

WRITING_KEYS = "Enter starts a new line · Ctrl+N goes on"
"""In the field's border, where the eye already is."""


FIELD_LABELS = {"self_focus": "Where I was self-focused", "reflection": "Reflection"}

ENTER_GRACE_S = 0.6
"""An Enter this soon after a step appears, before any other key, is one pressed too many on
the step before (the last rating, say), not a blank line meant for this one."""


class WritingArea(TextArea):
    """A multi-line answer in which Enter never starts with a blank line."""

    arrived_at = 0.0
    """When the step was last shown (monotonic seconds)."""
    typed_since = False
    """Whether any key but Enter was pressed here since."""

    def arrive(self) -> None:
        """The step was just shown: the cursor goes after what is written, to add to it."""
        self.move_cursor(self.document.end)
        self.arrived_at = time.monotonic()
        self.typed_since = False

    def on_key(self, event: events.Key) -> None:
        if event.key != "enter":
            self.typed_since = True
            return
        blank = not self.text.strip()
        stray = not self.typed_since and time.monotonic() - self.arrived_at < ENTER_GRACE_S
        if blank or stray:
            event.stop()
            event.prevent_default()  # TextArea's own key handler would insert the line


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
        area = WritingArea(
            clean(self.stored()),
            placeholder=self.step.placeholder,
            id=f"{self.step.id}-text",
            classes="answer",
            highlight_cursor_line=False,
        )
        area.border_title = FIELD_LABELS.get(self.field, "")
        area.border_subtitle = WRITING_KEYS
        yield area

    def focus_first(self) -> None:
        area = self.query_one(WritingArea)
        area.focus()
        area.arrive()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self.post_message(AnswerEdited())

    def values(self) -> dict[str, object]:
        return {"text": self.query_one(WritingArea).text}

    def stored_values(self) -> dict[str, object]:
        return {"text": clean(self.stored())}

    def set_values(self, values: dict[str, object]) -> None:
        area = self.query_one(WritingArea)
        if "text" in values:
            with area.prevent(TextArea.Changed):
                area.load_text(str(values["text"]))
            area.move_cursor(area.document.end)

    def answer(self) -> Answer | None:
        return TextAnswer(self.field, self.query_one(WritingArea).text)


INTENT_FIELDS = {"intent": "intent-text", "serves": "serves"}
"""The intent step's fields by the names its values go by."""


class IntentStep(StepView):
    """The intent and whom it serves: naming someone else is a step away from self-focus."""

    KEYS = "Enter goes to the next field, then on"
    DEFAULT_CSS = """
    IntentStep Input { border-title-color: $text-muted; }
    """

    def compose(self) -> ComposeResult:
        stored = self.stored_values()
        yield labelled(
            Input(
                value=str(stored["intent"]),
                placeholder=self.step.placeholder or "I intend to…",
                id="intent-text",
                classes="answer",
                select_on_focus=False,
            ),
            "Intent",
        )
        serves = SuggestingInput(
            self.journal,
            "serves",
            value=str(stored["serves"]),
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

    def values(self) -> dict[str, object]:
        return {key: self.query_one(f"#{name}", Input).value for key, name in INTENT_FIELDS.items()}

    def stored_values(self) -> dict[str, object]:
        entry = self.state.entry
        whom = entry.intent_for if entry else None
        return {
            "intent": clean(entry.intent if entry else ""),
            "serves": clean(serves_text(whom)) if whom else "",
        }

    def set_values(self, values: dict[str, object]) -> None:
        for key, value in values.items():
            show_text(self.query_one(f"#{INTENT_FIELDS[key]}", Input), str(value))

    def answer(self) -> Answer | None:
        """Whom it serves is typed the way the CLI's --for takes it (one parser for both)."""
        text = self.query_one("#intent-text", Input).value
        whom = self.query_one("#serves", Input).value
        return IntentAnswer(text, parse_serves(whom) if whom.strip() else None)


class TipStep(StepView):
    """A reflection tip that changes each day, so the habit stays fresh."""

    KEYS = "Enter goes on"
    DEFAULT_CSS = """
    TipStep { max-width: 80; }
    TipStep .tip { border: round $accent; padding: 1 2; width: auto; max-width: 100%; }
    TipStep:focus .tip { border: round $accent-lighten-1; }
    """
    can_focus = True

    def compose(self) -> ComposeResult:
        yield Static(content(tip_for(self.step, self.state.day)), classes="tip")

    def focus_first(self) -> None:
        self.focus()

    def key_enter(self) -> None:
        self.post_message(NextStep())
