"""The coach's dashboard: one row per client, sortable, and each client's journal and trends
opened read-only with the same screens clients use, plus comments."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Header, Input, Static

from coach.render import content, one_line, rich_text
from coach.screens.journal import JournalScreen
from coach.screens.trends import TrendsScreen
from coach.widgets.footer import KeyBar
from journal.errors import JournalError
from journal.periods import period_start
from journal.text import name_key
from journal.wording import count, pct, verdict_text

if TYPE_CHECKING:
    from journal.app.workspace import Workspace
    from journal.model import Client
    from journal.sharing.clients import DashboardRow
    from journal.sharing.keys import Identity

COLUMNS: list[tuple[str, str]] = [
    ("name", "Client"),
    ("last", "Last check-in"),
    ("rate", "Check-ins, 30 days"),
    ("direction", "Self-orientation, 12 weeks"),
    ("kept", "Commitments kept, 90 days"),
    ("overdue", "Overdue"),
]
DIRECTION_ORDER = {"improving": 0, "steady": 1, "worsening": 2, "not enough data": 3}


def sort_value(row: DashboardRow, column: str) -> Any:
    """Missing figures sort last whichever way a column is sorted first."""
    if column == "name":
        return name_key(row.client.name)
    if column == "last":
        return row.last_checkin or dt.date.min
    if column == "rate":
        return row.checkin_rate
    if column == "direction":
        return DIRECTION_ORDER.get(row.direction, 9)
    if column == "kept":
        return -1.0 if row.keep_rate is None else row.keep_rate
    return row.overdue


class ClientsScreen(Screen[None]):
    DEFAULT_CSS = """
    #clients { height: 1fr; }
    #clients-info { color: $text-muted; padding: 0 1; height: auto; }
    #client-summary { padding: 0 1; height: auto; }
    """
    BINDINGS = [
        Binding("enter", "open", "Open", id="clients.open", show=True),
        Binding("s", "sort_next", "Sort", id="clients.sort"),
        Binding("r", "reverse", "Reverse", id="clients.reverse"),
    ]

    def __init__(self, workspace: Workspace, me: Identity | None) -> None:
        super().__init__()
        self.workspace = workspace
        self.me = me
        self.rows: list[DashboardRow] = []
        self.sort_column = "name"
        self.descending = False

    def compose(self) -> ComposeResult:
        yield Header()
        table: DataTable[object] = DataTable(id="clients", cursor_type="row", zebra_stripes=True)
        for key, label in COLUMNS:
            table.add_column(label, key=key)
        yield table
        yield Static(id="client-summary")
        yield Static(id="clients-info")
        yield KeyBar()

    SUB_TITLE = "Clients"

    def on_mount(self) -> None:
        self.reload()
        self.query_one(DataTable).focus()

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self) -> None:
        try:
            self.rows = self.workspace.dashboard()
        except JournalError as exc:
            self.notify(one_line(str(exc)), severity="error", markup=False)
            self.rows = []
        self.show()

    def show(self) -> None:
        table = self.query_one(DataTable)
        keep = table.cursor_row
        table.clear()
        ordered = sorted(
            self.rows, key=lambda r: sort_value(r, self.sort_column), reverse=self.descending
        )
        for r in ordered:
            table.add_row(
                rich_text(one_line(r.client.name, 40)),
                rich_text(r.last_checkin.isoformat() if r.last_checkin else "–"),
                rich_text(pct(r.checkin_rate)),
                rich_text(verdict_text(r.direction, r.change)),
                rich_text(pct(r.keep_rate)),
                rich_text(str(r.overdue), "bold red" if r.overdue else ""),
                key=r.client.id,
            )
        if ordered:
            table.move_cursor(row=min(keep, len(ordered) - 1))
        label = dict(COLUMNS)[self.sort_column].lower()
        info = (
            f"{count(len(ordered), 'client')} · Enter opens one · sorted by {label}"
            + (" (reversed)" if self.descending else "")
            + " · as of each client's latest bundle; overdue counts to today"
            if ordered
            else "No clients yet. When a client sends you a bundle, add it with "
            "`coach clients add FILE`."
        )
        self.query_one("#clients-info", Static).update(content(info, "dim"))

    @on(DataTable.HeaderSelected)
    def header_clicked(self, event: DataTable.HeaderSelected) -> None:
        column = str(event.column_key.value)
        if column == self.sort_column:
            self.descending = not self.descending
        else:
            self.sort_column, self.descending = column, False
        self.show()

    def action_sort_next(self) -> None:
        keys = [k for k, _ in COLUMNS]
        self.sort_column = keys[(keys.index(self.sort_column) + 1) % len(keys)]
        self.descending = False
        self.show()

    def action_reverse(self) -> None:
        self.descending = not self.descending
        self.show()

    @on(DataTable.RowHighlighted)
    def highlighted(self, event: DataTable.RowHighlighted) -> None:
        """The highlighted client's trends in one sentence, as their own Coach would say it."""
        row = next((r for r in self.rows if r.client.id == event.row_key.value), None)
        said = f"{row.client.name}: {row.summary}" if row else ""
        self.query_one("#client-summary", Static).update(content(one_line(said)))

    @on(DataTable.RowSelected)
    def row_selected(self, event: DataTable.RowSelected) -> None:
        self.open_client(str(event.row_key.value))

    def action_open(self) -> None:
        table = self.query_one(DataTable)
        if self.rows and table.cursor_row >= 0:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
            self.open_client(str(key.value))

    def open_client(self, client_id: str) -> None:
        client = next((r.client for r in self.rows if r.client.id == client_id), None)
        if client is not None:
            self.app.push_screen(ClientJournalScreen(self.workspace, client, self.me))


class ClientJournalScreen(JournalScreen):
    """A client's shared days, read-only; the coach can comment on a day or its week."""

    BINDINGS = [
        Binding("c", "comment('day')", "Comment on day", id="client.comment_day"),
        Binding("w", "comment('week')", "Comment on week", id="client.comment_week"),
        Binding("f4", "trends", "Trends", id="client.trends"),
        Binding("escape", "app.pop_screen", "Clients", id="client.back"),
    ]

    def __init__(self, workspace: Workspace, client: Client, me: Identity | None) -> None:
        super().__init__(workspace.journal(client), workspace.comments(client).about)
        self.workspace = workspace
        self.client = client
        self.me = me
        self.sub_title = f"{one_line(client.name, 40)} · shared journal (read-only)"

    def action_trends(self) -> None:
        self.app.push_screen(ClientTrendsScreen(self.workspace, self.client))

    def action_comment(self, on: str) -> None:
        day = self.cursor_day()
        if day is None:
            return
        if self.me is None:
            self.notify("Create your keys first: coach keys init --name NAME", severity="error")
            return
        me = self.me

        def save(text: str | None) -> None:
            if not text:
                return
            from journal.app.workspace import CommentRequest

            try:
                request = CommentRequest(self.client, "week" if on == "week" else "day", day, text)
                self.workspace.comment(request, me)
            except JournalError as exc:
                self.notify(one_line(str(exc)), severity="error", markup=False)
                return
            self.show_entry(next((e for e in self.matches if e.date == day), None))
            self.notify("Comment saved. `coach clients reply` sends your comments.")

        what = (
            f"the week of {period_start(day, 'week'):%d %b %Y}"
            if on == "week"
            else f"{day:%A %d %b %Y}"
        )
        self.app.push_screen(CommentScreen(f"Comment on {what}"), save)


class ClientTrendsScreen(TrendsScreen):
    BINDINGS = [Binding("escape", "app.pop_screen", "Journal", id="client.trends_back")]

    def __init__(self, workspace: Workspace, client: Client) -> None:
        super().__init__(workspace.journal(client))
        self.client = client
        self.sub_title = f"{one_line(client.name, 40)} · trends (read-only)"


class CommentScreen(ModalScreen[str | None]):
    DEFAULT_CSS = """
    CommentScreen { align: center middle; }
    #comment { width: 70; max-width: 100%; height: auto; border: round $accent;
               background: $surface; padding: 1 2; }
    """
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="comment.cancel")]

    def __init__(self, title: str) -> None:
        super().__init__()
        self.heading = title

    def compose(self) -> ComposeResult:
        with Vertical(id="comment"):
            yield Static(content(self.heading, "bold"))
            yield Input(placeholder="what you noticed; Enter saves, Escape cancels", id="text")

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)
