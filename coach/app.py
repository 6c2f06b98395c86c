"""CoachApp: wiring only. Screens do the work; one JournalService is shared by all of them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from journal.service import JournalService


class CoachApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "Coach"
    BINDINGS = [
        Binding("f1", "help", "Help", id="app.help"),
        Binding("f2", "open_checkin", "Check-in", id="app.checkin", show=False),
        Binding("f3", "open_journal", "Journal", id="app.journal"),
    ]

    def __init__(self, service: JournalService, day: dt.date | None = None) -> None:
        from coach.screens.checkin import CheckinScreen

        super().__init__()
        self.service = service
        # Built here, before the app runs, so a journal that cannot be read is reported as
        # one line by the command instead of inside a half-started app.
        self.checkin = CheckinScreen(service, day)

    def get_default_screen(self) -> Screen[object]:
        """The check-in is the base screen: modes would compose a throwaway screen first,
        which cost a third of startup."""
        return self.checkin

    def action_open_checkin(self) -> None:
        while len(self.screen_stack) > 1:
            self.pop_screen()

    def action_open_journal(self) -> None:
        """The journal screen is installed once, so its search and page survive a visit."""
        from coach.screens.journal import JournalScreen

        if isinstance(self.screen, JournalScreen):
            return
        if not self.is_screen_installed("journal"):
            self.install_screen(JournalScreen(self.service), "journal")
        self.action_open_checkin()
        self.push_screen("journal")

    def action_help(self) -> None:
        from coach.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        commands: list[tuple[str, str, Callable[[], object]]] = [
            ("Check-in", "Today's morning or evening check-in", self.action_open_checkin),
            ("Journal", "Browse and search past days", self.action_open_journal),
            ("Coach help", "What Coach is for, and its keys", self.action_help),
        ]
        for title, help_text, callback in commands:
            yield SystemCommand(title, help_text, callback)


def build_app(home: Path, today: Callable[[], dt.date] | None = None) -> CoachApp:
    """One factory for the CLI and the tests, so both get the same wiring."""
    return CoachApp(JournalService(home, today=today))


def run_app(home: Path) -> None:
    build_app(home).run()
