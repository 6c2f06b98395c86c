"""The export dialog: the same choices as `coach export` (format, range, period, file), written
by the same use case (journal/app/exporting.py), so a file from the app and one from the
command line are the same file.

Before anything is written it previews the export's figures and what it leaves out, worked out
as the export will (`coach export --preview`), and it offers your documents folder, with the
whole path in sight and editable, rather than wherever Coach happened to be started."""

from __future__ import annotations

import os
from collections.abc import Callable
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

from coach.render import content, one_line
from journal.errors import JournalError

if TYPE_CHECKING:
    from journal.app.exporting import ExportRequest, Preview
    from journal.app.home import Home
    from journal.periods import Period  # noqa: F401  (named in a cast)

FORMATS = [
    ("Progress summary, web page (HTML)", "html"),
    ("Progress summary, printable (PDF)", "pdf"),
    ("Progress summary, plain text (Markdown)", "md"),
    ("Backup of every entry (JSON)", "json"),
    ("One row per day, for spreadsheets (CSV)", "csv"),
]
FORMAT_SUFFIXES = frozenset(f".{fmt}" for _, fmt in FORMATS)
"""A typed file name ending in one of these changes its ending with the format."""
PERIODS = [("fitted to the range", "fit")] + [
    (f"by {p}", p) for p in ("week", "month", "quarter", "year")
]


@dataclass
class ExportWritten(Message):
    target: Path


@dataclass
class ExportFailed(Message):
    reason: str


@dataclass
class PreviewBuilt(Message):
    """The figures for the choices as they stood at ``asked`` (older ones are dropped)."""

    asked: int
    preview: Preview


@dataclass
class PreviewFailed(Message):
    asked: int
    reason: str


PREVIEW_DELAY = 0.4
"""Seconds of quiet after typing a date before the preview is worked out again."""


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
    #preview { height: auto; margin-top: 1; color: $text-muted; }
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
        self.folder = Path()
        """Where the file goes unless the path says otherwise: set when the dialog opens."""
        self.offered = ""
        """The path this dialog last put in the field: until the person edits it, a new
        format or range renames the file to match."""
        self.asked = 0
        """Counts the previews asked for, so a slow one never overwrites a newer one."""

    def compose(self) -> ComposeResult:
        """One line per choice where it can be: the whole dialog fits an 80×24 terminal, and
        on a smaller one the choices scroll while the keys stay in sight."""
        with Vertical(id="export"):
            yield Static(content("Export", "bold"), classes="heading")
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
                yield titled(Input(id="file"), "Save to")
            yield Static(content("Working out the figures…"), id="preview")
            yield Static("", id="problem")
            with Horizontal(id="buttons"):
                yield Static(content("Enter or Ctrl+S writes · Esc cancels"), classes="hint")
                yield Button("Cancel", id="cancel", compact=True)
                yield Button("Write", variant="primary", id="write", compact=True)

    def on_mount(self) -> None:
        from journal.app.exporting import export_folder

        self.folder = export_folder()
        self.offer(str(self.folder) + os.sep)
        self.query_one("#format", Select).focus()
        self.refresh_preview()

    def offer(self, path: str) -> None:
        field = self.query_one("#file", Input)
        field.value = self.offered = path
        field.cursor_position = len(path)

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        self.refresh_preview()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if event.input.id in ("from", "to"):
            self.asked += 1  # a preview already under way is now out of date
            self.set_timer(PREVIEW_DELAY, self.refresh_preview_if_quiet(self.asked))

    def refresh_preview_if_quiet(self, asked: int) -> Callable[[], None]:
        def fire() -> None:
            if asked == self.asked:
                self.refresh_preview()

        return fire

    def refresh_preview(self) -> None:
        self.asked += 1
        try:
            request = self.request()
        except JournalError as exc:
            self.show_preview([(str(exc), "")])
            return
        self.build_preview(self.asked, request)

    @work(thread=True, exclusive=True, group="preview")
    def build_preview(self, asked: int, request: ExportRequest) -> None:
        """The same reading and figures as the export itself: off the UI thread."""
        from journal.app.exporting import preview

        try:
            self.post_message(PreviewBuilt(asked, preview(self.home, request)))
        except JournalError as exc:
            self.post_message(PreviewFailed(asked, str(exc)))

    def on_preview_built(self, event: PreviewBuilt) -> None:
        if event.asked != self.asked:
            return
        shown = event.preview
        self.show_preview(
            [(line, "bold" if line == shown.left_out else "") for line in shown.headline]
        )
        self.follow(self.query_one("#file", Input).value, shown.default_name)

    def follow(self, value: str, name: str) -> None:
        """The file field after the choices changed: a folder gets the new name in it; a
        name Coach offered, in whatever folder, becomes the new one; a name the person
        typed stays theirs, with the new kind of file's ending if it had a format's."""
        typed = Path(value)
        new_suffix = Path(name).suffix
        if value.endswith(os.sep):
            self.offer(str(typed / name))
        elif value == self.offered or (self.offered and typed.name == Path(self.offered).name):
            self.offer(str(typed.parent / name))
        elif typed.suffix.lower() in FORMAT_SUFFIXES and typed.suffix.lower() != new_suffix:
            self.offer(str(typed.with_suffix(new_suffix)))

    def on_preview_failed(self, event: PreviewFailed) -> None:
        if event.asked == self.asked:
            self.show_preview([(event.reason, "")])

    def show_preview(self, lines: list[tuple[str, str]]) -> None:
        from textual.content import Content

        shown = Content("\n").join(content(one_line(text), style) for text, style in lines)
        self.query_one("#preview", Static).update(shown)

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

    def request(self) -> ExportRequest:
        """The choices as `coach export` takes them; a date it cannot read raises."""
        from journal.app.exporting import ExportRequest
        from journal.parse import parse_date

        today = self.home.today()
        dates = {key: self.query_one(f"#{key}", Input).value.strip() for key in ("from", "to")}
        start, end = (
            parse_date(text, today, key.capitalize()) if text else None
            for key, text in dates.items()
        )
        period = self.query_one("#period", Select).value
        return ExportRequest(
            str(self.query_one("#format", Select).value),
            start=start,
            end=end,
            period=None if period == "fit" else cast("Period", period),
            people=self.query_one("#people", Checkbox).value,
        )

    def action_write(self) -> None:
        try:
            request = self.request()
        except JournalError as exc:
            self.problem(str(exc))
            return
        self.problem("Writing…")
        path = self.query_one("#file", Input).value.strip()
        if path and path == self.offered:
            # Offered for the choices before the last change, maybe: its folder, and the
            # name the export gets for the choices as they are now.
            path = str(Path(path).parent) + os.sep
        self.write(request, path)

    def problem(self, text: str) -> None:
        said = self.query_one("#problem", Static)
        said.update(content(one_line(text)))
        said.set_class(bool(text), "-shown")

    @work(thread=True, exclusive=True, group="export")
    def write(self, request: ExportRequest, path: str) -> None:
        """Reading ten years and drawing a PDF takes a while: never on the UI thread. A path
        naming a folder gets the file under its default name; a bare name goes into the
        folder offered, the one the person saw (not wherever Coach was started)."""
        from journal.app.exporting import export, save
        from journal.app.files import user_path

        try:
            exported = export(self.home, request)
            target = self.folder / user_path(path or os.curdir)
            if not path or path.endswith(os.sep) or target.is_dir():
                target = target / exported.default_name
            written = user_path(save(exported, target)).resolve()
        except JournalError as exc:
            self.post_message(ExportFailed(str(exc)))
            return
        self.post_message(ExportWritten(written))

    def on_export_failed(self, event: ExportFailed) -> None:
        self.problem(event.reason)

    def on_export_written(self, event: ExportWritten) -> None:
        self.dismiss(event.target)
