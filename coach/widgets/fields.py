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


def hints(rows: Sequence[tuple[Content, Content]], classes: str = "hints") -> Container:
    """Terms and what they mean, side by side: a meaning that wraps stays in its column.
    ``classes`` lay it out (``hints`` in app.tcss: muted, as a step's aside)."""
    width = max((term.cell_length for term, _ in rows), default=0)
    box = Container(*(Static(cell) for row in rows for cell in row), classes=classes)
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

    def suggests(self) -> bool:
        """Whether the dropdown has anything to offer here (once the journal is read)."""
        return self.offered is not None and self.offered.has_words()

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
    separate Space must then confirm was a step nobody saw on screen.

    The arrows have their own actions rather than RadioSet's: RadioSet calls those while
    mounting, where choosing would switch the first option off behind its back (its dot
    on, the set not knowing it is chosen). They go from the chosen option and switch one
    on, never toggle, so what is highlighted, what shows a dot and what is chosen stay
    the same option."""

    KEYS_FOR = "a row of choices"

    BINDINGS = [
        Binding("down,right", "choose(1)", "Choose the next", show=False),
        Binding("up,left", "choose(-1)", "Choose the one before", show=False),
    ]

    def action_choose(self, step: int) -> None:
        options = [b for b in self.query_children(RadioButton) if not b.disabled]
        if not options:
            return
        pressed = self.pressed_button
        at = options.index(pressed) if pressed in options else (-1 if step > 0 else 0)
        options[(at + step) % len(options)].value = True
