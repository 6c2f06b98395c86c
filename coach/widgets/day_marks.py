"""The check-in's last step: the day's tags, its star and whether it stays private."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Checkbox, Input

from coach.render import clean
from coach.widgets.fields import Box, SuggestingInput, labelled
from coach.widgets.step_base import AnswerEdited, DayState, NextStep, StepView
from journal.app.checkin import Answer, MarksAnswer
from journal.model import STAR_TAGS

STAR_LABEL = "★ Star this day: its reflection is one to keep"
PRIVATE_LABEL = "Private: never exported, never shared"


class MarksStep(StepView):
    """Tags are typed as words (suggested from the ones used before); the star and the private
    flag are boxes, so neither has to be remembered as a tag."""

    KEYS = "Enter takes a suggestion · Tab moves to the boxes · Space ticks one · Enter goes on"
    DEFAULT_CSS = """
    MarksStep Input { border-title-color: $text-muted; }
    MarksStep Checkbox { border: none; padding: 0 1; margin-top: 1; }
    """

    def compose(self) -> ComposeResult:
        entry = self.state.entry
        tags = [t for t in entry.tags if t not in STAR_TAGS] if entry else []
        field = SuggestingInput(
            self.journal,
            "tags",
            value=clean(", ".join(tags)),
            placeholder=self.step.placeholder or "e.g. work, 1on1",
            id="marks-tags",
            classes="answer",
        )
        yield labelled(field, "Tags")
        yield Box(STAR_LABEL, bool(entry and entry.starred), id="marks-star")
        yield Box(PRIVATE_LABEL, bool(entry and entry.private), id="marks-private")

    def show_state(self, state: DayState) -> None:
        """Boxes follow the journal (an undo, the journal screen); the tags field keeps what
        is being typed."""
        super().show_state(state)
        entry = state.entry
        for box, value in (
            ("#marks-star", bool(entry and entry.starred)),
            ("#marks-private", bool(entry and entry.private)),
        ):
            checkbox = self.query_one(box, Checkbox)
            with checkbox.prevent(Checkbox.Changed):
                checkbox.value = value

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(AnswerEdited())

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        event.stop()
        self.post_message(AnswerEdited())

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(NextStep())

    def pending(self) -> Answer | None:
        return MarksAnswer(
            self.query_one("#marks-tags", Input).value,
            self.query_one("#marks-star", Checkbox).value,
            self.query_one("#marks-private", Checkbox).value,
        )
