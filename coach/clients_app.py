"""`coach clients`: the coach's dashboard as an app of its own, apart from their own journal."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.app import App
from textual.screen import Screen

from coach.failure import fail
from journal.app.home import Home
from journal.errors import JournalError


class ClientsApp(App[None]):
    TITLE = "Coach · clients"

    def __init__(self, home: Home) -> None:
        super().__init__()
        self.home = home

    def get_default_screen(self) -> Screen[Any]:
        from coach.screens.clients import ClientsScreen

        return ClientsScreen(self.home.workspace, self.home.identity_or_none())

    def action_open_checkin(self) -> None:
        """The shared screens' way home leads back to the dashboard here."""
        while len(self.screen_stack) > 1:
            self.pop_screen()


def build_clients_app(root: Path, today: Callable[[], dt.date] | None = None) -> ClientsApp:
    """One factory for the CLI and the tests, so both get the same wiring."""
    return ClientsApp(Home(root, today))


def run_clients(home: Home) -> None:
    try:
        home.identity_or_none()  # damaged keys or workspace: one line here, not a broken app
        home.workspace.clients()
    except JournalError as exc:
        fail(str(exc))
    ClientsApp(home).run()
