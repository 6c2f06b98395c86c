"""The check-in's last step: the day's tags, its star and whether it stays private."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Checkbox, Input

from coach.render import clean
from coach.widgets.choices import Box
from coach.widgets.fields import SuggestingInput, labelled, show_text
from coach.widgets.step_base import AnswerEdited, DayState, KeysChanged, NextStep, StepView
from journal.app.checkin import Answer, MarksAnswer
from journal.model import STAR_TAGS

STAR_LABEL = "★ Star this day: a day worth rereading"
STAR_LABEL_REFLECTED = "★ Star this day: its reflection is one to keep"
"""Once the day has a reflection, the star is what brings it into your summaries."""
PRIVATE_LABEL = "Private: never exported, never shared"
FIELDS = {"tags": "#marks-tags", "star": "#marks-star", "private": "#marks-private"}
TAKE_KEYS = "Enter takes a suggestion · "
"""Said only when there are tags to suggest and the field they drop from has the cursor."""
TAGS_KEYS = "Tab moves to the boxes · Space ticks one · Enter goes on"
BOX_KEYS = "Space ticks one · Tab and Shift+Tab move between them · Enter goes on"


class MarksStep(StepView):
    """Tags are typed as words (suggested from the ones used before); the star and the private
    flag are boxes, so neither has to be remembered as a tag."""

    KEYS = TAGS_KEYS
    DEFAULT_CSS = """
    MarksStep Input { border-title-color: $text-muted; }
    MarksStep Checkbox { border: none; padding: 0 1; margin-top: 1; }
    """

    def compose(self) -> ComposeResult:
        stored = self.stored_values()
        field = SuggestingInput(
            self.journal,
            "tags",
            value=str(stored["tags"]),
            placeholder=self.step.placeholder or "e.g. work, 1on1",
            id="marks-tags",
            classes="answer",
        )
        yield labelled(field, "Tags")
        yield Box(self.star_label(), bool(stored["star"]), id="marks-star")
        yield Box(PRIVATE_LABEL, bool(stored["private"]), id="marks-private")

    def keys(self) -> str:
        """The cursor in a box, or on its way to the tags (the step's first field)."""
        if isinstance(self.screen.focused, Checkbox) and self.screen.focused.parent is self:
            return BOX_KEYS
        field = self.query_one(FIELDS["tags"], SuggestingInput)
        return (TAKE_KEYS if field.suggests() else "") + TAGS_KEYS

    def on_descendant_focus(self) -> None:
        self.post_message(KeysChanged())

    def on_suggest_words_read(self) -> None:
        self.post_message(KeysChanged())

    def star_label(self) -> str:
        """In the morning there is no reflection yet to keep: the day itself is starred."""
        entry = self.state.entry
        return STAR_LABEL_REFLECTED if entry and entry.reflection.strip() else STAR_LABEL

    def values(self) -> dict[str, object]:
        return {
            "tags": self.query_one(FIELDS["tags"], Input).value,
            "star": self.query_one(FIELDS["star"], Checkbox).value,
            "private": self.query_one(FIELDS["private"], Checkbox).value,
        }

    def stored_values(self) -> dict[str, object]:
        entry = self.state.entry
        tags = [t for t in entry.tags if t not in STAR_TAGS] if entry else []
        return {
            "tags": clean(", ".join(tags)),
            "star": bool(entry and entry.starred),
            "private": bool(entry and entry.private),
        }

    def set_values(self, values: dict[str, object]) -> None:
        """A field being typed in keeps what is typed; the rest follow the journal (an undo,
        the journal screen)."""
        for key, value in values.items():
            if key == "tags":
                show_text(self.query_one(FIELDS[key], Input), str(value))
                continue
            box = self.query_one(FIELDS[key], Checkbox)
            with box.prevent(Checkbox.Changed):
                box.value = bool(value)

    def show_state(self, state: DayState) -> None:
        super().show_state(state)
        self.query_one(FIELDS["star"], Checkbox).label = self.star_label()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(AnswerEdited())

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        event.stop()
        self.post_message(AnswerEdited())

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(NextStep())

    def answer(self) -> Answer | None:
        now = self.values()
        return MarksAnswer(str(now["tags"]), bool(now["star"]), bool(now["private"]))
