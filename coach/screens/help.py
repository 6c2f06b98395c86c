"""F1: what Coach is for and which keys do what, over whatever screen is open."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from coach import messages as msg


class HelpScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    #help {
        width: 90; max-width: 100%; height: 90%;
        border: round $accent; background: $surface; padding: 1 2;
    }
    """

    BINDINGS = [Binding("escape,f1,q", "dismiss", "Close", id="help.close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(Content.styled("Coach", "bold $accent"))
            yield Static(Content(msg.HELP_TEXT))
