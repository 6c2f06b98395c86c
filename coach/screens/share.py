"""Sharing from the app: a bundle for your coach (shown before it is written), and importing
the feedback your coach sends back. Both call the same code as `coach share` and
`coach feedback import`."""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from coach.render import content, one_line
from journal.errors import JournalError

if TYPE_CHECKING:
    from journal.service import JournalService
    from journal.sharing.share import Share

DIALOG_CSS = """
{name} { align: center middle; }
{name} > Vertical {
    width: 80; max-width: 100%; height: auto;
    border: round $accent; background: $surface; padding: 1 2;
}
{name} Label { margin-top: 1; color: $text-muted; }
{name} .row { height: auto; }
{name} .row Vertical { height: auto; width: 1fr; }
{name} .said { height: auto; margin-top: 1; }
{name} .buttons { height: auto; margin-top: 1; align-horizontal: right; }
{name} Button { margin-left: 2; }
"""


INPUTS = ("key", "from", "to", "file")


class ShareScreen(ModalScreen[Path | None]):
    """Enter once to see what the bundle holds; Enter again (or Write) writes it."""

    DEFAULT_CSS = DIALOG_CSS.replace("{name}", "ShareScreen")
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="share.cancel")]

    def __init__(self, service: JournalService) -> None:
        super().__init__()
        self.service = service
        self.prepared: tuple[Share, Path] | None = None
        self.generation = 0
        """Bumped by every edit: a preview computed from older inputs is thrown away."""

    def compose(self) -> ComposeResult:
        from journal.settings import load

        try:
            remembered = load(self.service.home).coach_key
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
            yield Label(f"File, in {one_line(str(Path.cwd()), 50)}")
            yield Input(placeholder="coach-share-<to>.age", id="file")
            yield Static("", classes="said", id="said")
            with Horizontal(classes="buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("Check", variant="primary", id="go")

    def say(self, text: str, style: str = "") -> None:
        self.query_one("#said", Static).update(content(one_line(text), style))

    @on(Input.Changed)
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
        values = {k: self.query_one(f"#{k}", Input).value.strip() for k in INPUTS}
        self.say("Checking…")
        self.prepare(values, self.generation)

    @on(Button.Pressed, "#cancel")
    def cancel(self) -> None:
        self.dismiss(None)

    @work(thread=True, exclusive=True, group="share")
    def prepare(self, values: dict[str, str], generation: int) -> None:
        from journal.parse import parse_date
        from journal.sharing.keys import load, parse_public
        from journal.sharing.share import build_share

        today = self.service.today()
        try:
            coach = parse_public(values["key"])
            start = parse_date(values["from"], today, "From") if values["from"] else None
            end = parse_date(values["to"], today, "To") if values["to"] else today
            share = build_share(
                self.service,
                load(self.service.home),
                coach,
                start or today - dt.timedelta(weeks=12),
                end,
            )
        except JournalError as exc:
            if generation == self.generation:
                self.app.call_from_thread(self.say, str(exc), "$error")
            return
        name = values["file"] or f"coach-share-{end}.age"
        target = Path(name).expanduser().resolve()
        self.app.call_from_thread(self.ready, share, target, coach.id, generation)

    def ready(self, share: Share, target: Path, coach_id: str, generation: int) -> None:
        if generation != self.generation:
            return  # edited while it was being checked: the next Enter checks again
        self.prepared = (share, target)
        self.say(f"For key {coach_id}: {share.describe()}. Write it to {target.name}?")
        self.query_one("#go", Button).label = "Write"

    def write(self, share: Share, target: Path) -> None:
        from journal.settings import load, save
        from journal.sharing.share import remember_share
        from journal.storage import atomic_write

        try:
            atomic_write(target, share.data)
        except OSError as exc:
            self.say(f"cannot write {target}: {exc.strerror}", "$error")
            return
        with contextlib.suppress(JournalError, OSError):  # the bundle is written either way
            remember_share(self.service.home, share)
            settings = load(self.service.home)
            if settings.coach_key != share.coach_key:
                save(
                    self.service.home, msgspec.structs.replace(settings, coach_key=share.coach_key)
                )
        self.dismiss(target)


class FeedbackScreen(ModalScreen[str | None]):
    """Import a feedback bundle; dismissed with what was imported."""

    DEFAULT_CSS = DIALOG_CSS.replace("{name}", "FeedbackScreen")
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="feedback.cancel")]

    def __init__(self, service: JournalService) -> None:
        super().__init__()
        self.service = service

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(content("Import feedback from your coach", "bold"))
            yield Label(f"The file your coach sent (relative to {one_line(str(Path.cwd()), 40)})")
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
        from journal.sharing.envelope import read_bundle
        from journal.sharing.keys import load
        from journal.sharing.share import import_feedback

        name = self.query_one("#file", Input).value.strip()
        said = self.query_one("#said", Static)
        if not name:
            said.update(content("Give the file's name.", "$error"))
            return
        path = Path(name).expanduser()
        try:
            raw = read_bundle(path)
            done = import_feedback(self.service, load(self.service.home), raw, name)
        except JournalError as exc:
            said.update(content(one_line(str(exc)), "$error"))
            return
        except OSError as exc:
            said.update(content(one_line(f"cannot read {name}: {exc.strerror}"), "$error"))
            return
        self.dismiss(
            f"From {done.coach}: {done.counts()}. They show beside your days in the journal (F3)."
        )
