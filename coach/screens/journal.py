"""The journal: every day newest first, one page at a time, with search and filters."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import DataTable, Header, Input, Static

from coach import messages as msg
from coach.render import content, one_line, rich_text
from coach.views import entry_view
from coach.widgets.footer import KeyBar
from journal.errors import JournalError
from journal.model import Entry
from journal.parse import parse_date
from journal.wording import count

if TYPE_CHECKING:
    from journal.app.service import JournalService
    from journal.model import Comment

PAGE_SIZE = 100
"""Rows in the table at once: a 10-year journal is paged, never loaded whole into the table."""


@dataclass(frozen=True)
class Filters:
    start: dt.date | None = None
    end: dt.date | None = None
    tag: str | None = None
    contains: str | None = None


@dataclass
class DaysFound(Message):
    """A search finished: the days matching ``filters``, newest first."""

    days: list[Entry]
    filters: Filters


@dataclass
class SearchFailed(Message):
    reason: str


class JournalScreen(Screen[None]):
    DEFAULT_CSS = """
    #journal { height: 1fr; }
    #journal-list { width: 55%; min-width: 40; }
    #filters { height: auto; }
    #filters Input { width: 1fr; }
    #days { height: 1fr; }
    #page-info { color: $text-muted; padding: 0 1; }
    #entry-pane { padding: 0 2; border-left: tall $panel; }
    """

    SUB_TITLE = "Journal"
    BINDINGS = [
        Binding("ctrl+n", "page(1)", "Older", id="journal.older"),
        Binding("ctrl+b", "page(-1)", "Newer", id="journal.newer"),
        Binding("ctrl+f", "search", "Search", id="journal.search"),
        Binding("escape", "app.open_checkin", "Check-in", id="journal.back"),
    ]

    page: reactive[int] = reactive(0, init=False)
    """Which page of the matching days is shown (0 is the newest)."""

    def __init__(
        self,
        journal: JournalService,
        comments: Callable[[dt.date], list[Comment]] | None = None,
    ) -> None:
        """``comments``: what coaches said about a day and its week, shown beside it (a
        client's feedback, or what a coach wrote on a client's days)."""
        super().__init__()
        self.journal = journal
        self.comments = comments
        self.matches: list[Entry] = []
        self.filters = Filters()
        """What the days listed were found with; a result for older filters is dropped."""

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="journal"):
            with Vertical(id="journal-list"):
                yield Input(placeholder="search words, names, tags", id="search")
                with Horizontal(id="filters"):
                    yield Input(placeholder="from", id="from")
                    yield Input(placeholder="to", id="to")
                    yield Input(placeholder="tag", id="tag")
                table: DataTable[object] = DataTable(id="days", cursor_type="row")
                table.add_columns("Day", "Intent")
                yield table
                yield Static(id="page-info")
            with VerticalScroll(id="entry-pane"):
                yield Static(id="entry-view")
        yield KeyBar()

    def on_mount(self) -> None:
        self.load()
        self.query_one("#days").focus()

    def on_screen_resume(self) -> None:
        """Come back to fresh data: the check-in may have changed today's entry."""
        self.load()

    def load(self) -> None:
        """Read the filters here and search in a thread, so typing never stalls."""
        try:
            filters = Filters(
                self.date_filter("#from"),
                self.date_filter("#to"),
                self.query_one("#tag", Input).value.strip().lstrip("#").lower() or None,
                self.query_one("#search", Input).value.strip() or None,
            )
        except JournalError as exc:
            self.notify(one_line(str(exc)), severity="error", markup=False)
            return
        self.filters = filters
        self.search(filters)

    @work(exclusive=True, thread=True, group="journal-load")
    def search(self, filters: Filters) -> None:
        try:
            found = self.journal.entries(
                start=filters.start, end=filters.end, tag=filters.tag, contains=filters.contains
            )
        except JournalError as exc:
            self.post_message(SearchFailed(str(exc)))
            return
        self.post_message(DaysFound(found, filters))

    def on_search_failed(self, event: SearchFailed) -> None:
        self.notify(one_line(event.reason), severity="error", markup=False)

    def date_filter(self, selector: str) -> dt.date | None:
        value = self.query_one(selector, Input).value.strip()
        what = "from date" if selector == "#from" else "to date"
        return parse_date(value, self.journal.today(), what) if value else None

    def on_days_found(self, event: DaysFound) -> None:
        if event.filters != self.filters:
            return  # the filters changed while this search ran
        self.matches = event.days
        if self.page == 0:
            self.show_page()
        else:
            self.page = 0

    def watch_page(self) -> None:
        self.show_page()

    def cursor_day(self) -> dt.date | None:
        table = self.query_one("#days", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return dt.date.fromisoformat(key) if key else None

    def show_page(self) -> None:
        """Refill the table, keeping the cursor on the day it was on when that day is still
        listed: coming back from a dialog must not lose the person's place."""
        table = self.query_one("#days", DataTable)
        was = self.cursor_day()
        table.clear()
        rows = self.matches[self.page * PAGE_SIZE : (self.page + 1) * PAGE_SIZE]
        for e in rows:
            label = one_line(e.intent or e.reflection or e.self_focus, 60) or "(no intent)"
            day = e.date.strftime("%a %Y-%m-%d")
            table.add_row(rich_text(day), rich_text(label), key=e.date.isoformat())
        pages = max(1, -(-len(self.matches) // PAGE_SIZE))
        info = (
            f"{count(len(self.matches), 'day')} · page {self.page + 1} of {pages}"
            if self.matches
            else msg.NO_ENTRIES
        )
        self.query_one("#page-info", Static).update(content(info, "dim"))
        at = next((i for i, e in enumerate(rows) if e.date == was), 0)
        if rows:
            table.move_cursor(row=at, animate=False)
        self.show_entry(rows[at] if rows else None)

    def show_entry(self, entry: Entry | None) -> None:
        view = self.query_one("#entry-view", Static)
        if entry is None:
            view.update(Content(""))
            return
        promises = self.journal.promises_made_on(entry.date)
        try:
            said = self.comments(entry.date) if self.comments else []
        except JournalError as exc:
            self.notify(one_line(str(exc)), severity="error", markup=False)
            said = []
        view.update(entry_view(entry, promises, said))

    @on(DataTable.RowHighlighted, "#days")
    def highlighted(self, event: DataTable.RowHighlighted) -> None:
        key = event.row_key.value
        if key:
            day = dt.date.fromisoformat(key)
            self.show_entry(next((e for e in self.matches if e.date == day), None))

    @on(Input.Submitted)
    def filter_now(self) -> None:
        self.load()

    @on(Input.Changed, "#search")
    def search_typed(self) -> None:
        self.load()

    def action_page(self, delta: int) -> None:
        pages = max(1, -(-len(self.matches) // PAGE_SIZE))
        self.page = max(0, min(pages - 1, self.page + delta))

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()
