"""A few labelled lines in a dialog: a promise's terms to edit, or new terms to renegotiate.
The caller parses what comes back, so a mistake is refused by the same rules as anywhere."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from coach.render import content


class Field:
    def __init__(self, key: str, label: str, value: str = "", placeholder: str = "") -> None:
        self.key, self.label, self.value, self.placeholder = key, label, value, placeholder


class FormScreen(ModalScreen[dict[str, str] | None]):
    """Enter on the last line (or Ctrl+S) gives every line, keyed; Escape gives None.

    Each label sits in its field's border, as in the check-in, so four fields fit an 80×24
    terminal; on a smaller one the fields scroll and the keys stay in sight below them."""

    DEFAULT_CSS = """
    FormScreen { align: center middle; }
    FormScreen > Vertical {
        width: 76; max-width: 100%; height: auto; max-height: 100%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    FormScreen .heading { margin: 1 0; }
    FormScreen #form-fields { height: auto; }
    FormScreen Input { border-title-color: $text-muted; }
    FormScreen .hint { color: $text-muted; dock: bottom; margin-bottom: 1; }
    """
    BINDINGS = [
        Binding("escape", "dismiss(None)", "Cancel", id="form.cancel"),
        Binding("ctrl+s", "done", "Save", id="form.save"),
    ]

    def __init__(self, title: str, fields: Sequence[Field], hint: str = "") -> None:
        super().__init__()
        self.heading = title
        self.fields = list(fields)
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(content(self.heading, "bold"), classes="heading")
            with VerticalScroll(id="form-fields", can_focus=False):
                for f in self.fields:
                    field = Input(
                        f.value,
                        placeholder=f.placeholder,
                        id=f"field-{f.key}",
                        select_on_focus=False,  # what is there is added to, not replaced
                    )
                    field.border_title = f.label
                    yield field
            said = self.hint or "Enter on the last line or Ctrl+S saves · Esc cancels"
            yield Static(content(said), classes="hint")

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == f"field-{self.fields[-1].key}":
            self.action_done()
        else:
            self.focus_next()

    def action_done(self) -> None:
        self.dismiss({f.key: self.query_one(f"#field-{f.key}", Input).value for f in self.fields})
