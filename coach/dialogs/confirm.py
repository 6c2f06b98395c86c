"""One key to confirm what a change takes away, named in full before it goes."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from coach.render import content


class ConfirmScreen(ModalScreen[bool]):
    """Dismissed with True on y (or Enter), False on n or Escape."""

    DEFAULT_CSS = """
    ConfirmScreen { align: center middle; }
    ConfirmScreen > Vertical {
        width: 70; max-width: 100%; height: auto;
        border: round $error; background: $surface; padding: 1 2;
    }
    ConfirmScreen .keys { margin-top: 1; color: $text-muted; }
    """
    BINDINGS = [
        Binding("y,enter", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(self, question: str, yes: str = "delete", no: str = "keep it") -> None:
        super().__init__()
        self.question = question
        self.keys = f"y {yes} · n {no}"

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(content(self.question, "bold"))
            yield Static(content(self.keys), classes="keys")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
