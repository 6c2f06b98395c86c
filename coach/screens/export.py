"""The export dialog: the same choices as `coach export` (format, range, period, file), written
by the same code, so a file from the app and one from the command line are the same file."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from coach.render import content, one_line
from journal.errors import JournalError

if TYPE_CHECKING:
    from journal.periods import Period
    from journal.service import JournalService

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


@dataclass(frozen=True)
class Choice:
    fmt: str
    start: dt.date | None
    end: dt.date | None
    period: Period | None
    file: str


class ExportScreen(ModalScreen[Path | None]):
    """Dismissed with the path written, or None when the person cancels."""

    DEFAULT_CSS = """
    ExportScreen { align: center middle; }
    #export {
        width: 76; max-width: 100%; height: auto;
        border: round $accent; background: $surface; padding: 1 2;
    }
    #export Label { margin-top: 1; color: $text-muted; }
    #export .row { height: auto; }
    #export .row Vertical { height: auto; width: 1fr; }
    #problem { color: $error; height: auto; margin-top: 1; }
    #buttons { height: auto; margin-top: 1; align-horizontal: right; }
    #buttons Button { margin-left: 2; }
    """
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="export.cancel"),
        Binding("ctrl+s", "write", "Write", id="export.write"),
    ]

    def __init__(self, service: JournalService, fmt: str = "html") -> None:
        super().__init__()
        self.service = service
        self.fmt = fmt

    def compose(self) -> ComposeResult:
        with Vertical(id="export"):
            yield Static(content("Export", "bold"))
            yield Static(
                content(
                    "Private days stay out of every export. The file goes to the folder Coach "
                    f"was started in: {one_line(str(Path.cwd()), 50)}",
                    "dim",
                )
            )
            yield Label("What")
            yield Select(FORMATS, value=self.fmt, allow_blank=False, id="format")
            with Horizontal(classes="row"):
                with Vertical():
                    yield Label("From")
                    yield Input(placeholder="the first entry", id="from")
                with Vertical():
                    yield Label("To")
                    yield Input(placeholder="today", id="to")
            yield Label("Charts and tables")
            yield Select(PERIODS, value="fit", allow_blank=False, id="period")
            yield Label("File name")
            yield Input(placeholder="named for the format and the dates", id="file")
            yield Static("", id="problem")
            with Horizontal(id="buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("Write", variant="primary", id="write")

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
        from journal.parse import parse_date

        today = self.service.today()
        dates = {key: self.query_one(f"#{key}", Input).value.strip() for key in ("from", "to")}
        try:
            start, end = (
                parse_date(text, today, key.capitalize()) if text else None
                for key, text in dates.items()
            )
        except JournalError as exc:
            self.problem(str(exc))
            return
        fmt = self.query_one("#format", Select).value
        period = self.query_one("#period", Select).value
        file = self.query_one("#file", Input).value.strip()
        fitted = None if period == "fit" else period
        choice = Choice(str(fmt), start, end, fitted, file)  # type: ignore[arg-type]
        self.problem("Writing…")
        self.write(choice)

    def problem(self, text: str) -> None:
        self.query_one("#problem", Static).update(content(one_line(text)))

    @work(thread=True, exclusive=True, group="export")
    def write(self, choice: Choice) -> None:
        from journal.export import default_filename, render, select
        from journal.settings import load
        from journal.storage import atomic_write

        try:
            selection = select(
                self.service,
                start=choice.start,
                end=choice.end,
                period=choice.period,
                show_streak=load(self.service.home).show_streak,
            )
            name = Path(choice.file).expanduser() if choice.file else None
            target = (name or Path(default_filename(choice.fmt, selection))).resolve()
            atomic_write(target, render(choice.fmt, selection))
        except JournalError as exc:
            self.app.call_from_thread(self.problem, str(exc))
            return
        except OSError as exc:
            self.app.call_from_thread(self.problem, f"cannot write {choice.file}: {exc.strerror}")
            return
        self.app.call_from_thread(self.dismiss, target)
