"""The export dialog: the same choices as `coach export` (format, range, period, file), written
by the same use case (journal/app/exporting.py), so a file from the app and one from the
command line are the same file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, cast

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from coach.render import content, one_line, path_text
from journal.errors import JournalError

if TYPE_CHECKING:
    from journal.app.exporting import ExportRequest
    from journal.app.home import Home
    from journal.periods import Period  # noqa: F401  (named in a cast)

FORMATS = [
    ("Progress summary, web page (HTML)", "html"),
    ("Progress summary, printable (PDF)", "pdf"),
    ("Progress summary, plain text (Markdown)", "md"),
    ("Backup of every entry (JSON)", "json"),
    ("One row per day, for spreadsheets (CSV)", "csv"),
]
PERIODS = [("fitted to the range", "fit")] + [
    (f"by {p}", p) for p in ("week", "month", "quarter", "year")
]


@dataclass
class ExportWritten(Message):
    target: Path


@dataclass
class ExportFailed(Message):
    reason: str


def titled(field: Input, title: str) -> Input:
    """The label in the field's border: it costs no line."""
    field.border_title = title
    return field


class ExportScreen(ModalScreen[Path | None]):
    """Dismissed with the path written, or None when the person cancels."""

    DEFAULT_CSS = """
    ExportScreen { align: center middle; }
    #export {
        width: 76; max-width: 100%; height: auto; max-height: 100%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    #export .heading { margin-top: 1; }
    #export-fields { height: auto; margin-top: 1; }
    #export .row { height: auto; }
    #export .side { width: 9; padding-top: 1; color: $text-muted; }
    #export Select { width: 1fr; }
    #export #people { width: auto; margin: 1 0 0 2; }
    #export Input { width: 1fr; border-title-color: $text-muted; }
    #problem { color: $error; height: auto; display: none; }
    #problem.-shown { display: block; }
    #buttons { dock: bottom; height: 1; margin: 1 0; }
    #buttons .hint { width: 1fr; color: $text-muted; }
    #buttons Button { margin-left: 2; }
    """
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="export.cancel"),
        Binding("ctrl+s", "write", "Write", id="export.write"),
    ]

    def __init__(self, home: Home, fmt: str = "html") -> None:
        super().__init__()
        self.home = home
        self.fmt = fmt

    def compose(self) -> ComposeResult:
        """One line per choice where it can be: the whole dialog fits an 80×24 terminal, and
        on a smaller one the choices scroll while the keys stay in sight."""
        with Vertical(id="export"):
            yield Static(content("Export", "bold"), classes="heading")
            yield Static(
                content(
                    "Private days stay out of every export. The file goes to the folder Coach "
                    f"was started in: {path_text(Path.cwd(), 50)}",
                    "dim",
                )
            )
            with VerticalScroll(id="export-fields", can_focus=False):
                with Horizontal(classes="row"):
                    yield Label("What", classes="side")
                    yield Select(FORMATS, value=self.fmt, allow_blank=False, id="format")
                with Horizontal(classes="row"):
                    yield titled(Input(placeholder="the first entry", id="from"), "From")
                    yield titled(Input(placeholder="today", id="to"), "To")
                with Horizontal(classes="row"):
                    yield Label("Charts", classes="side")
                    yield Select(PERIODS, value="fit", allow_blank=False, id="period")
                    yield Checkbox("People", id="people", compact=True)
                yield titled(
                    Input(placeholder="named for the format and the dates", id="file"),
                    "File name",
                )
            yield Static("", id="problem")
            with Horizontal(id="buttons"):
                yield Static(content("Enter or Ctrl+S writes · Esc cancels"), classes="hint")
                yield Button("Cancel", id="cancel", compact=True)
                yield Button("Write", variant="primary", id="write", compact=True)

    def on_mount(self) -> None:
        self.query_one("#format", Select).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "write":
            self.action_write()
        else:
            self.action_cancel()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_write()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_write(self) -> None:
        from journal.app.exporting import ExportRequest
        from journal.parse import parse_date

        today = self.home.today()
        dates = {key: self.query_one(f"#{key}", Input).value.strip() for key in ("from", "to")}
        try:
            start, end = (
                parse_date(text, today, key.capitalize()) if text else None
                for key, text in dates.items()
            )
        except JournalError as exc:
            self.problem(str(exc))
            return
        period = self.query_one("#period", Select).value
        request = ExportRequest(
            str(self.query_one("#format", Select).value),
            start=start,
            end=end,
            period=None if period == "fit" else cast("Period", period),
            people=self.query_one("#people", Checkbox).value,
        )
        file = self.query_one("#file", Input).value.strip()
        self.problem("Writing…")
        self.write(request, Path(file) if file else None)

    def problem(self, text: str) -> None:
        said = self.query_one("#problem", Static)
        said.update(content(one_line(text)))
        said.set_class(bool(text), "-shown")

    @work(thread=True, exclusive=True, group="export")
    def write(self, request: ExportRequest, target: Path | None) -> None:
        """Reading ten years and drawing a PDF takes a while: never on the UI thread."""
        from journal.app.exporting import export, save
        from journal.app.files import user_path

        try:
            written = user_path(save(export(self.home, request), target)).resolve()
        except JournalError as exc:
            self.post_message(ExportFailed(str(exc)))
            return
        self.post_message(ExportWritten(written))

    def on_export_failed(self, event: ExportFailed) -> None:
        self.problem(event.reason)

    def on_export_written(self, event: ExportWritten) -> None:
        self.dismiss(event.target)
