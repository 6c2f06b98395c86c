"""`coach clients`: the coach's dashboard as an app of its own, apart from their own journal."""

from __future__ import annotations

from pathlib import Path

from textual.app import App

from journal.errors import JournalError, NotFound
from journal.sharing.keys import Identity, load
from journal.sharing.workspace import Workspace


class ClientsApp(App[None]):
    TITLE = "Coach · clients"

    def __init__(self, workspace: Workspace, me: Identity | None) -> None:
        super().__init__()
        self.workspace = workspace
        self.me = me

    def get_default_screen(self):  # type: ignore[no-untyped-def]
        from coach.screens.clients import ClientsScreen

        return ClientsScreen(self.workspace, self.me)

    def action_open_checkin(self) -> None:
        """The shared screens' way home leads back to the dashboard here."""
        while len(self.screen_stack) > 1:
            self.pop_screen()


def build_clients_app(home: Path) -> ClientsApp:
    try:
        me: Identity | None = load(home)
    except NotFound:
        me = None  # the dashboard still opens; commenting asks for keys
    return ClientsApp(Workspace(home), me)


def run_clients(home: Path) -> None:
    from coach.entry import report

    try:
        app = build_clients_app(home)
        app.workspace.clients()  # a damaged workspace is one line here, not a broken app
    except JournalError as exc:
        report(str(exc))
    app.run()
