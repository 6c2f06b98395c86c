"""One line of input in a dialog: a date to go to, a day's tags, a comment."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from coach.render import content

if TYPE_CHECKING:
    from coach.widgets.suggest import Words
    from journal.app.service import JournalService


class LineInputScreen(ModalScreen[str | None]):
    """Dismissed with what was typed on Enter (possibly empty), or None on Escape."""

    DEFAULT_CSS = """
    LineInputScreen { align: center middle; }
    LineInputScreen > Vertical {
        width: 70; max-width: 100%; height: auto;
        border: round $accent; background: $surface; padding: 1 2;
    }
    LineInputScreen .hint, LineInputScreen .keys { color: $text-muted; }
    """
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="input.cancel")]

    def __init__(
        self,
        title: str,
        hint: str = "",
        value: str = "",
        placeholder: str = "",
        suggest: tuple[Words, JournalService] | None = None,
        enter: str = "saves",
    ) -> None:
        """``suggest``: offer the tags (or names) already used in that journal as it is typed.
        ``enter``: what Enter does, said under the field with how to cancel."""
        super().__init__()
        self.heading = title
        self.hint = hint
        self.value = value
        self.placeholder = placeholder
        self.suggest = suggest
        self.enter = enter

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(content(self.heading, "bold"))
            if self.hint:
                yield Static(content(self.hint), classes="hint")
            # What is there (a day's tags) is added to, not replaced by the first key.
            line = Input(self.value, placeholder=self.placeholder, id="line", select_on_focus=False)
            yield line
            taking = "takes a suggestion or " if self.suggest is not None else ""
            yield Static(content(f"Enter {taking}{self.enter} · Esc cancels"), classes="keys")
        if self.suggest is not None:
            from coach.widgets.suggest import Suggest

            kind, journal = self.suggest
            yield Suggest(line, journal, kind)

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)
