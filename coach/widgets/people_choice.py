"""A dialog to choose one of a few ordered words (a level on the pyramid, a stage on the road to
loyalty) with an optional note on why: the options are in sight, so none has to be recalled."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from coach.render import content

NOW = "  (now)"


class ChoiceScreen(ModalScreen[tuple[str, str] | None]):
    """Dismissed with (the option chosen, the note) on Enter, or None on Escape."""

    DEFAULT_CSS = """
    ChoiceScreen { align: center middle; }
    ChoiceScreen > Vertical {
        width: 70; max-width: 100%; height: auto; max-height: 100%;
        border: round $accent; background: $surface; padding: 1 2;
    }
    ChoiceScreen .hint, ChoiceScreen .keys { color: $text-muted; }
    ChoiceScreen OptionList { height: auto; margin: 1 0; }
    ChoiceScreen Input { border-title-color: $text-muted; }
    """
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="choice.cancel")]

    def __init__(
        self,
        title: str,
        options: Sequence[tuple[str, str]],
        current: str | None,
        hint: str = "",
    ) -> None:
        """``options``: (value, as it is said), in their order; ``current``: the value in
        force, highlighted first."""
        super().__init__()
        self.heading = title
        self.options = list(options)
        self.current = current
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(content(self.heading, "bold"))
            if self.hint:
                yield Static(content(self.hint), classes="hint")
            yield OptionList(
                *(
                    Option(Content(said + (NOW if value == self.current else "")), id=value)
                    for value, said in self.options
                ),
                id="choices",
            )
            note = Input(placeholder="optional", id="note")
            note.border_title = "Why, in a few words"
            yield note
            yield Static(
                content("↑↓ choose · Enter saves · Tab goes to the note · Esc cancels"),
                classes="keys",
            )

    def on_mount(self) -> None:
        choices = self.query_one(OptionList)
        values = [value for value, _ in self.options]
        choices.highlighted = values.index(self.current) if self.current in values else 0
        choices.focus()

    def chosen(self) -> None:
        choices = self.query_one(OptionList)
        option = choices.highlighted_option
        if option is not None and option.id is not None:
            self.dismiss((option.id, self.query_one("#note", Input).value))

    @on(OptionList.OptionSelected)
    def selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.chosen()

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.chosen()
