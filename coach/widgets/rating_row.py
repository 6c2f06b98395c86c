"""Trust self-ratings: one row per component, set with arrows or digits."""

from __future__ import annotations

import time

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from coach.render import content
from coach.widgets.step_base import AnswerEdited, NextStep, StepView
from journal.app.checkin import Answer, RatingsAnswer
from journal.model import RATING_NAMES

TEN_WINDOW_S = 1.0
RATING_KEYS = (
    "←/→ or a digit sets a rating (1 then 0 quickly for ten) · ↑/↓ move · ⌫ clears · "
    "Enter moves to the next rating, and from the last one goes on"
)
LABELS = {
    "credibility": "Credibility",
    "reliability": "Reliability",
    "intimacy": "Intimacy",
    "character": "Character",
    "self_orientation": "Self-orientation",
}


class RatingRow(Widget, can_focus=True):
    """0–10, or unset: a missing rating is never the same as a zero."""

    KEYS_FOR = "a rating"

    BINDINGS = [
        Binding("right,plus,l", "step(1)", "+1", id="rating.up", show=False),
        Binding("left,minus,h", "step(-1)", "−1", id="rating.down", show=False),
        Binding("backspace,delete", "clear", "Clear", id="rating.clear", show=False),
        Binding("down,j", "app.focus_next", "Next", show=False),
        Binding("up,k", "app.focus_previous", "Previous", show=False),
    ]
    DEFAULT_CSS = """
    RatingRow { height: auto; }
    RatingRow:focus { background: $boost; }
    """

    value: reactive[int | None] = reactive(None)
    """The rating, or None while not given."""

    def __init__(self, name: str, hint: str, value: int | None) -> None:
        super().__init__(id=f"rating-{name}", name=name)
        self.hint = hint
        self.set_reactive(RatingRow.value, value)
        self._typed_at = 0.0

    def render(self) -> Content:
        label = LABELS.get(self.name or "", self.name or "")
        value = self.value
        # Ten circles, as many filled as the rating: a 7 looks like a 7 here and in the journal.
        dots = "".join("●" if value is not None and i < value else "○" for i in range(10))
        shown = "–" if value is None else str(value)
        return Content.assemble(
            (f"{label:<17}", "bold"),
            (dots, "$accent"),
            f"  {shown:>2}\n",
            content(self.hint, "dim"),
        )

    def on_key(self, event: events.Key) -> None:
        character = event.character
        if character and character in "0123456789":
            digit = int(character)
            now = time.monotonic()
            # "1" then "0" typed quickly makes ten.
            ten = digit == 0 and self.value == 1 and now - self._typed_at < TEN_WINDOW_S
            self.value = 10 if ten else digit
            self._typed_at = now
            event.stop()
            self.post_message(AnswerEdited())

    def key_enter(self) -> None:
        """Enter goes down the rows, and on from the last."""
        rows = list(self.parent.query(RatingRow)) if self.parent else []
        if rows and rows[-1] is self:
            self.post_message(NextStep())
        else:
            self.screen.focus_next()

    def action_step(self, delta: int) -> None:
        base = self.value if self.value is not None else (5 if delta > 0 else 6)
        self.value = max(0, min(10, base + delta))
        self.post_message(AnswerEdited())

    def action_clear(self) -> None:
        self.value = None
        self.post_message(AnswerEdited())


class RatingsStep(StepView):
    KEYS = RATING_KEYS

    def compose(self) -> ComposeResult:
        given = self.state.entry.ratings.given() if self.state.entry else {}
        for name in RATING_NAMES:
            yield RatingRow(name, self.step.hints.get(name, ""), given.get(name))

    def values(self) -> dict[str, object]:
        return {row.name or "": row.value for row in self.query(RatingRow)}

    def stored_values(self) -> dict[str, object]:
        given = self.state.entry.ratings.given() if self.state.entry else {}
        return {name: given.get(name) for name in RATING_NAMES}

    def set_values(self, values: dict[str, object]) -> None:
        for row in self.query(RatingRow):
            if row.name in values:
                value = values[row.name]
                row.value = value if isinstance(value, int) else None

    def answer(self) -> Answer | None:
        return RatingsAnswer({row.name or "": row.value for row in self.query(RatingRow)})
