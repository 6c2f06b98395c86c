"""Fields shared by the check-in steps and dialogs: a labelled input whose label stays in its
border once text hides the placeholder, and one that suggests names or tags already used.
Boxes and choices are in coach/widgets/choices.py: the evening opens on a step without them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual import events
from textual.containers import Container
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Input, Static

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
