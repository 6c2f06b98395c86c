"""Fields shared by the check-in steps and dialogs: a labelled input whose label stays in its
border once text hides the placeholder, one that suggests names or tags already used, and
boxes and choices that show their state without colour."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual import events
from textual.binding import Binding
from textual.containers import Container
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Checkbox, Input, RadioButton, RadioSet, Static

if TYPE_CHECKING:
    from coach.widgets.suggest import Suggest, Words
    from journal.app.service import JournalService


def labelled(field: Input, label: str) -> Input:
    """The label sits in the field's top border: it costs no line, and stays visible."""
    field.border_title = label
    return field


def show_text(field: Input, value: str) -> None:
    """Put the journal's text in a field, the cursor after it, without it counting as typing."""
    with field.prevent(Input.Changed):
        field.value = value
    field.cursor_position = len(value)


def hints(rows: Sequence[tuple[Content, Content]]) -> Container:
    """Terms and what they mean, side by side: a meaning that wraps stays in its column."""
    width = max((term.cell_length for term, _ in rows), default=0)
    box = Container(*(Static(cell) for row in rows for cell in row), classes="hints")
    box.styles.grid_columns = f"{width} 1fr"
    return box


class SuggestingInput(Input):
    """Suggestions are mounted the first time the field is focused, so a screen that never
    uses them never loads the dropdown (or reads the journal for it).

    Tab always moves on and leaves the text as typed: "Ana", Tab, "friday" typed quickly
    must not complete to a longer name or stay in the field. ↓ and Enter take a suggestion."""

    def __init__(
        self,
        journal: JournalService,
        words: Words,
        *,
        value: str = "",
        placeholder: str = "",
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(value, placeholder, id=id, classes=classes, select_on_focus=False)
        self.journal = journal
        self.words: Words = words
        self.offered: Suggest | None = None

    def on_key(self, event: events.Key) -> None:
        """The dropdown hears keys after the field does: hidden now, it lets the key through
        (textual-autocomplete takes Tab and Enter only while it is shown). Tab always moves
        on; Enter does too when the highlighted suggestion is what was typed."""
        offered = self.offered
        if offered is None:
            return
        if event.key == "tab" or (event.key == "enter" and offered.highlighted_is_typed()):
            offered.action_hide()

    def on_focus(self) -> None:
        if self.offered is not None or not isinstance(self.parent, Widget):
            return
        from coach.widgets.suggest import Suggest

        self.offered = Suggest(self, self.journal, self.words)
        self.parent.mount(self.offered, after=self)


class Box(Checkbox, inherit_bindings=False):
    """A tick box that shows its state in its shape, not only its colour (a screen reader, a
    monochrome terminal, a colour-blind eye). Space ticks; Enter goes on, as it does on
    every step's last field."""

    KEYS_FOR = "a tick box"

    BINDINGS = [
        Binding("space", "toggle_button", "Tick", show=False),
        Binding("enter", "next_step", "Next step", show=False),
    ]

    def on_mount(self) -> None:
        self.BUTTON_INNER = "✓" if self.value else " "

    def watch_value(self) -> None:
        super().watch_value()
        self.BUTTON_INNER = "✓" if self.value else " "
        self.refresh()

    def action_next_step(self) -> None:
        from coach.widgets.step_base import NextStep

        self.post_message(NextStep())


class Choice(RadioButton):
    """A radio button whose chosen state shows as a dot even without colour."""

    def on_mount(self) -> None:
        self.BUTTON_INNER = "●" if self.value else " "

    def watch_value(self) -> None:
        super().watch_value()
        self.BUTTON_INNER = "●" if self.value else " "
        self.refresh()


class ChoiceSet(RadioSet):
    """The arrows choose, as they do in any list of options: moving a highlight that a
    separate Space must then confirm was a step nobody saw on screen."""

    def action_next_button(self) -> None:
        super().action_next_button()
        self.action_toggle_button()

    def action_previous_button(self) -> None:
        super().action_previous_button()
        self.action_toggle_button()
