"""CoachApp: wiring only. Screens do the work; one Home (and so one journal) is shared by all."""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from coach.failure import fail
from coach.render import one_line
from journal.app.home import Home
from journal.errors import JournalError
from journal.text import clean

if TYPE_CHECKING:
    from coach.screens.trends import ReportBuilt

WARM_UP_DELAY_S = 1.0
"""Long enough that warming up never competes with drawing the first screen."""


class CoachApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "Coach"
    BINDINGS = [
        Binding("f1", "help", "Help", id="app.help", key_display="F1"),
        Binding("f2", "open_checkin", "Check-in", id="app.checkin", key_display="F2"),
        Binding("f3", "open_journal", "Journal", id="app.journal", key_display="F3"),
        Binding("f4", "open_trends", "Trends", id="app.trends", key_display="F4"),
        Binding("f5", "open_people", "People", id="app.people", key_display="F5"),
        Binding("ctrl+z", "undo", "Undo the last change", id="app.undo", show=False, priority=True),
        Binding("ctrl+p", "command_palette", "Every action by name", show=False),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True),
    ]

    def __init__(self, home: Home, day: dt.date | None = None) -> None:
        from coach.screens.checkin import CheckinScreen

        super().__init__()
        self.home = home
        # Built here, before the app runs, so a journal that cannot be read is reported as
        # one line by the command instead of inside a half-started app.
        self.checkin = CheckinScreen(home, day)
        self.trends_ready: ReportBuilt | None = None
        """The trends screen's opening report, built by the warm-up."""
        self.not_saved: dict[str, str] = {}
        """Answers a save failed on and no later save stored, said when the app closes."""

    def on_ready(self) -> None:
        gc.enable()  # paused while the app loaded (coach/entry.py)
        self.set_timer(WARM_UP_DELAY_S, self.warm_up)

    @work(thread=True, exclusive=True, group="warm-up")
    def warm_up(self) -> None:
        """While the person reads today's check-in, build the trends screen's opening report
        (reading the weeks it shows and counting their words), so F4 opens without that wait,
        and keep what was read of past years for the next start.
        A file that cannot be read is reported when the screen that needs it opens, so
        nothing is lost here."""
        from coach.screens.trends import prepare

        with contextlib.suppress(JournalError):
            self.trends_ready = prepare(self.home.journal, self.home.settings)
            self.home.journal.keep_for_next_run()
        # Parsed records live as long as the app; moving them out of the collector's view
        # keeps its full passes (tens of ms with a big journal) off later keypresses.
        gc.freeze()

    def get_default_screen(self) -> Screen[Any]:
        """The check-in is the base screen: modes would compose a throwaway screen first,
        which cost a third of startup."""
        return self.checkin

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The key to the screen already open is left out of the footer."""
        here = {
            "open_checkin": lambda: self.screen is self.checkin,
            "open_journal": lambda: (
                self.is_screen_installed("journal") and self.screen is self.get_screen("journal")
            ),
            "open_trends": lambda: (
                self.is_screen_installed("trends") and self.screen is self.get_screen("trends")
            ),
            "open_people": lambda: (
                self.is_screen_installed("people") and self.screen is self.get_screen("people")
            ),
        }
        return not here[action]() if action in here else True

    def action_open_checkin(self) -> None:
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.checkin.back_to = None

    def open_screen(self, name: str, build: Callable[[], Screen[None]]) -> None:
        """Journal, trends and people are installed once, so their search, zoom, sort and place
        survive a visit to the check-in."""
        if not self.is_screen_installed(name):
            self.install_screen(build(), name)
        if self.screen is self.get_screen(name):
            return
        self.action_open_checkin()
        self.push_screen(name)

    def action_open_day(self, iso: str) -> None:
        """Open a day to change it: today is the check-in itself; another day opens over it."""
        from coach.screens.checkin import DayScreen

        day = dt.date.fromisoformat(iso)
        if day == self.checkin.day:
            from_journal = self.is_screen_installed("journal") and (
                self.screen is self.get_screen("journal")
            )
            self.action_open_checkin()
            self.checkin.back_to = "journal" if from_journal else None
            return
        try:
            screen = DayScreen(self.home, day)
        except JournalError as exc:
            self.notify(one_line(str(exc)), severity="error", markup=False)
            return
        self.push_screen(screen)

    def action_go_to_date(self) -> None:
        from coach.dialogs.line_input import LineInputScreen
        from journal.parse import parse_date

        def go(typed: str | None) -> None:
            if not typed or not typed.strip():
                return
            try:
                day = parse_date(typed, self.home.today(), "day")
            except JournalError as exc:
                self.notify(one_line(str(exc)), severity="error", markup=False)
                return
            self.action_open_day(day.isoformat())

        self.push_screen(
            LineInputScreen(
                "Go to a day",
                "A date, or as you would say it: yesterday, -2w, monday, "
                f"{self.home.today() - dt.timedelta(days=8)}.",
                placeholder="yesterday",
                enter="opens it",
            ),
            go,
        )

    def save_typed(self) -> None:
        """Save what every open screen has typed and not yet saved."""
        for screen in self.screen_stack:
            save_pending = getattr(screen, "save_pending", None)
            if callable(save_pending):
                save_pending()

    async def action_quit(self) -> None:
        """Saved while every field can still be read: once closing begins, they go first."""
        self.save_typed()
        await super().action_quit()

    def action_undo(self) -> None:
        """Take back the last change to the journal (made here or by `coach` elsewhere)."""
        from textual.screen import ModalScreen

        from coach.events import JournalChanged
        from journal.app.corrections import undo

        if isinstance(self.screen, ModalScreen):
            self.notify("Close this dialog first, then undo.", markup=False)
            return
        self.save_typed()  # what was just typed, anywhere, is the last change
        try:
            change = undo(self.home.journal)
        except JournalError as exc:
            self.notify(one_line(str(exc)), severity="warning", markup=False)
            return
        self.notify(one_line(f"Undid: {change.what}"), title="Undo", markup=False)
        for screen in self.screen_stack:  # each shows the journal as it is now
            screen.post_message(JournalChanged())

    def action_open_journal(self) -> None:
        from coach.screens.own_journal import OwnJournalScreen

        self.open_screen(
            "journal", lambda: OwnJournalScreen(self.home.journal, self.home.feedback.about)
        )

    def action_open_trends(self) -> None:
        from coach.screens.trends import TrendsScreen

        self.open_screen(
            "trends", lambda: TrendsScreen(self.home.journal, self.home.settings, self.trends_ready)
        )

    def action_open_people(self) -> None:
        from coach.screens.people import PeopleScreen

        self.open_screen("people", lambda: PeopleScreen(self.home.journal))

    def export(self, fmt: str = "html") -> None:
        """The export dialog; on success, say where the file went."""
        from coach.screens.export import ExportScreen

        def written(target: Path | None) -> None:
            if target is not None:
                self.notify(one_line(f"Wrote {target}"), title="Exported", markup=False)

        self.push_screen(ExportScreen(self.home, fmt), written)

    def share(self) -> None:
        from coach.screens.share import ShareScreen

        def written(target: Path | None) -> None:
            if target is not None:
                self.notify(
                    one_line(f"Wrote {target}. Send it to your coach any way you like."),
                    title="Shared",
                    markup=False,
                )

        self.push_screen(ShareScreen(self.home), written)

    def import_feedback(self) -> None:
        from coach.screens.share import FeedbackScreen

        def imported(said: str | None) -> None:
            if said:
                self.notify(one_line(said), title="Feedback imported", markup=False)

        self.push_screen(FeedbackScreen(self.home), imported)

    def action_toggle_streak(self) -> None:
        from journal.app.settings import toggle_streak

        try:
            settings = toggle_streak(self.home)
        except JournalError as exc:
            self.notify(one_line(str(exc)), severity="error", markup=False)
            return
        self.notify("Streak shown." if settings.show_streak else "Streak hidden.")

    def action_help(self) -> None:
        from coach.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Coach's own actions, with their keys; of Textual's, only the theme and quitting
        (F1 replaces its keys panel; screenshots and maximising are not for a journal)."""
        commands: list[tuple[str, str, Callable[[], object]]] = [
            ("Check-in  F2", "Today's morning or evening check-in", self.action_open_checkin),
            ("Journal  F3", "Browse and search your days", self.action_open_journal),
            (
                "Trends  F4",
                "Self-orientation, promises kept and trust over time",
                self.action_open_trends,
            ),
            (
                "People  F5",
                "Everyone your journal names: where each relationship stands, and who is due",
                self.action_open_people,
            ),
            ("Go to a day", "Open any day to change it (g in the journal)", self.action_go_to_date),
            ("Undo  Ctrl+Z", "Take back the last change", self.action_undo),
            (
                "Export summary",
                "Your progress as a web page, PDF or Markdown, to keep or share",
                self.export,
            ),
            (
                "Export backup or spreadsheet",
                "Every entry as JSON, or one row per day as CSV",
                lambda: self.export("json"),
            ),
            (
                "Share with your coach",
                "A file only your coach can open; private days stay here",
                self.share,
            ),
            (
                "Import feedback from your coach",
                "Your coach's comments, shown beside your days",
                self.import_feedback,
            ),
            (
                "Show or hide the streak",
                "Some people like counting days; some don't",
                self.action_toggle_streak,
            ),
            (
                "Keys and help  F1",
                "What this screen is for, and every key it has",
                self.action_help,
            ),
            ("Theme", "Colours for the whole app", self.action_change_theme),
            ("Quit  Ctrl+Q", "Everything is already saved", self.action_quit),
        ]
        for title, help_text, callback in commands:
            yield SystemCommand(title, help_text, callback)


def build_app(
    root: Path, today: Callable[[], dt.date] | None = None, day: dt.date | None = None
) -> CoachApp:
    """One factory for the CLI and the tests, so both get the same wiring."""
    return CoachApp(Home(root, today), day)


def settle_heap() -> None:
    """Everything loaded so far (Textual, Coach, today's records) lives as long as the app:
    frozen, it is out of the garbage collector's sight, so the full pass the first frame
    would set off (tens of ms, with all of Textual loaded) costs next to nothing."""
    gc.freeze()


def open_app(home_option: str | None, day: dt.date | None = None) -> None:
    """Bare `coach` (or `coach --date D`): the app on the home given (or the default one); a
    journal that cannot be read is one line on stderr, not a traceback."""
    from coach.passphrase import offer_encryption, terminal_ask
    from journal.paths import data_home

    try:
        home = Home(data_home(home_option), ask=terminal_ask())
        offer_encryption(home)
        home.codec  # noqa: B018  (an encrypted journal is unlocked before the first screen)
        app = CoachApp(home, day)
        settle_heap()
        app.run()
    except JournalError as exc:
        fail(str(exc))
    if app.not_saved:  # the words are printed, so the person can keep them
        for line in app.not_saved.values():
            sys.stderr.write(f"coach: not saved: {clean(line)}\n")
        sys.exit(1)
