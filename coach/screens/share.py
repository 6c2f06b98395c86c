"""Sharing from the app: a bundle for your coach (shown before it is written), and importing
the feedback your coach sends back. Both call the same use cases as `coach share` and
`coach feedback import` (journal/app/sharing.py)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Static

from coach.render import content, one_line, path_text
from journal.errors import JournalError

if TYPE_CHECKING:
    from journal.app.home import Home
    from journal.app.sharing import ShareRequest
    from journal.sharing.share import Share

DIALOG_CSS = """
{name} { align: center middle; }
{name} > Vertical {
    width: 80; max-width: 100%; height: auto; max-height: 100%; overflow-y: auto;
    border: round $accent; background: $surface; padding: 0 2;
}
{name} Label { margin-top: 1; color: $text-muted; }
{name} .row { height: auto; }
{name} .row Vertical { height: auto; width: 1fr; }
{name} .said { height: auto; }
{name} .buttons { height: auto; margin-top: 1; align-horizontal: right; dock: bottom; }
{name} Button { margin-left: 2; }
"""


INPUTS = ("key", "from", "to", "file")


@dataclass
class SharePrepared(Message):
    """The bundle is sealed and can be looked at before it is written."""

    share: Share
    target: Path
    generation: int


@dataclass
class ShareRefused(Message):
    reason: str
    generation: int


class ShareScreen(ModalScreen[Path | None]):
    """Enter once to see what the bundle holds; Enter again (or Write) writes it."""

    DEFAULT_CSS = DIALOG_CSS.replace("{name}", "ShareScreen")
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="share.cancel")]

    def __init__(self, home: Home) -> None:
        super().__init__()
        self.home = home
        self.prepared: tuple[Share, Path] | None = None
        self.generation = 0
        """Bumped by every edit: a preview computed from older inputs is thrown away."""

    def compose(self) -> ComposeResult:
        try:
            remembered = self.home.settings().coach_key
        except JournalError:
            remembered = ""  # a damaged settings file only costs the remembered key
        with Vertical():
            yield Static(content("Share with your coach", "bold"))
            yield Static(
                content(
                    "A file only your coach can open, signed by you. Private days stay here.",
                    "dim",
                )
            )
            yield Label("Your coach's key (the line `coach keys show` prints for them)")
            yield Input(remembered, placeholder="coach1:age1…", id="key")
            with Horizontal(classes="row"):
                with Vertical():
                    yield Label("From")
                    yield Input(placeholder="12 weeks ago", id="from")
                with Vertical():
                    yield Label("To")
                    yield Input(placeholder="today", id="to")
                with Vertical():
                    yield Label("Also")
                    yield Checkbox("People", id="people", compact=True)
                    yield Checkbox("Names as initials", id="initials", compact=True)
            yield Label(content(f"File, in {path_text(Path.cwd(), 50)}"))
            yield Input(placeholder="coach-share-<to>.age", id="file")
            yield Static("", classes="said", id="said")
            with Horizontal(classes="buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("Check", variant="primary", id="go")

    def say(self, text: str, style: str = "") -> None:
        self.query_one("#said", Static).update(content(one_line(text), style))

    @on(Input.Changed)
    @on(Checkbox.Changed)
    def changed(self) -> None:
        """Any change means the preview no longer describes what would be written."""
        self.generation += 1
        if self.prepared is not None:
            self.prepared = None
            self.query_one("#go", Button).label = "Check"
            self.say("")

    @on(Input.Submitted)
    @on(Button.Pressed, "#go")
    def go(self) -> None:
        if self.prepared is not None:
            self.write(*self.prepared)
            return
        from journal.app.sharing import ShareRequest
        from journal.parse import parse_date

        values = {k: self.query_one(f"#{k}", Input).value.strip() for k in INPUTS}
        today = self.home.today()
        try:
            request = ShareRequest(
                values["key"] or None,
                parse_date(values["from"], today, "From") if values["from"] else None,
                parse_date(values["to"], today, "To") if values["to"] else None,
                people=self.query_one("#people", Checkbox).value,
                initials=self.query_one("#initials", Checkbox).value,
            )
        except JournalError as exc:
            self.say(str(exc), "$error")
            return
        self.say("Checking…")
        self.prepare(request, values["file"], self.generation)

    @on(Button.Pressed, "#cancel")
    def cancel(self) -> None:
        self.dismiss(None)

    @work(thread=True, exclusive=True, group="share")
    def prepare(self, request: ShareRequest, file: str, generation: int) -> None:
        """Sealing reads the journal and encrypts it: never on the UI thread."""
        from journal.app.files import user_path
        from journal.app.sharing import default_share_name, prepare_share

        try:
            share = prepare_share(self.home, request)
        except JournalError as exc:
            self.post_message(ShareRefused(str(exc), generation))
            return
        try:
            target = user_path(file or default_share_name(share)).resolve()
        except JournalError as exc:
            self.post_message(ShareRefused(str(exc), generation))
            return
        self.post_message(SharePrepared(share, target, generation))

    def on_share_refused(self, event: ShareRefused) -> None:
        if event.generation == self.generation:
            self.say(event.reason, "$error")

    def on_share_prepared(self, event: SharePrepared) -> None:
        if event.generation != self.generation:
            return  # edited while it was being checked: the next Enter checks again
        self.prepared = (event.share, event.target)
        self.say(
            f"For key {event.share.coach_id}: {event.share.describe()}. "
            f"Write it to {event.target.name}?"
        )
        go = self.query_one("#go", Button)
        go.label = "Write"
        # On a small terminal the dialog scrolls to the answer once it is laid out.
        dialog = self.query_one(Vertical)
        self.call_after_refresh(dialog.scroll_end, animate=False)

    def write(self, share: Share, target: Path) -> None:
        from journal.app.sharing import write_share

        try:
            write_share(self.home, share, target)
        except JournalError as exc:
            self.say(str(exc), "$error")
            return
        self.dismiss(target)


class FeedbackScreen(ModalScreen[str | None]):
    """Import a feedback bundle; dismissed with what was imported."""

    DEFAULT_CSS = DIALOG_CSS.replace("{name}", "FeedbackScreen")
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="feedback.cancel")]

    def __init__(self, home: Home) -> None:
        super().__init__()
        self.home = home

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(content("Import feedback from your coach", "bold"))
            yield Label(
                content(f"The file your coach sent (relative to {path_text(Path.cwd(), 40)})")
            )
            yield Input(placeholder="coach-feedback-….age", id="file")
            yield Static("", classes="said", id="said")
            with Horizontal(classes="buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("Import", variant="primary", id="go")

    @on(Button.Pressed, "#cancel")
    def cancel(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted)
    @on(Button.Pressed, "#go")
    def go(self) -> None:
        from journal.app.sharing import import_feedback

        name = self.query_one("#file", Input).value.strip()
        said = self.query_one("#said", Static)
        if not name:
            said.update(content("Give the file's name.", "$error"))
            return
        try:
            done = import_feedback(self.home, Path(name))
        except JournalError as exc:
            said.update(content(one_line(str(exc)), "$error"))
            return
        self.dismiss(
            f"From {done.coach}: {done.counts()}. They show beside your days in the journal (F3)."
        )
