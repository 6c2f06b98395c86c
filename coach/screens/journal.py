"""The journal: every day newest first, with search and filters that apply as they are typed.

A hundred days are in the table at first and the next hundred are added as the cursor (or the
scrolling) nears the end of what is loaded, so a 30-year journal scrolls without ever putting
11,000 rows into the table at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Header, Static
from textual.worker import get_current_worker

from coach import messages as msg
from coach.render import content, one_line, rich_text
from coach.views import PRIVATE_MARK, STAR_MARK, entry_view
from coach.widgets.footer import KeyBar
from coach.widgets.journal_filters import FilterBar, Filters
from journal.errors import JournalError
from journal.model import Entry, Promise
from journal.wording import count

if TYPE_CHECKING:
    from journal.app.service import JournalService
    from journal.model import Comment

PAGE_SIZE = 100
"""Rows added to the table at a time: a long journal is never loaded whole into the table."""
NEAR_END = 20
"""Rows from the end of what is loaded at which the next hundred are added."""
DAY_WIDTH = len("Mon 2026-11-23")
MARKS_WIDTH = 2


@dataclass
class DaysFound(Message):
    """A search finished: the days matching ``filters``, newest first."""

    days: list[Entry]
    filters: Filters


@dataclass
class SearchFailed(Message):
    reason: str


class DayTable(DataTable[object]):
    """Home and End go to the first and the last day loaded (the next hundred then follow),
    as in any list, rather than to the first and last column."""

    KEYS_FOR = "the list of days"

    BINDINGS = [
        Binding("home", "scroll_top", "First", show=False),
        Binding("end", "scroll_bottom", "Last", show=False),
    ]


def marks(entry: Entry) -> Text:
    return Text(
        (STAR_MARK if entry.starred else " ") + (PRIVATE_MARK if entry.private else " "),
        style="bold",
        no_wrap=True,
    )


class JournalScreen(Screen[None]):
    DEFAULT_CSS = """
    #journal { height: 1fr; }
    #journal-list { width: 55%; min-width: 40; }
    JournalScreen.-wide #journal-list { width: 60%; }
    #days { height: 1fr; }
    #page-info { color: $text-muted; padding: 0 1; height: auto; }
    #entry-pane { padding: 0 2; border-left: tall $panel; }
    JournalScreen.-narrow #entry-pane { padding: 0 1; }
    """
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-medium"), (140, "-wide")]
    LIST_HINT = ""
    """Under the list, beside the count: the key a person needs first on this screen."""
    HELP = (
        "Every day written, newest first, with what was said on it beside the list. "
        "Ctrl+F goes to the search, from, to and tag fields above the list: what you type "
        "there narrows it, and Enter comes back to the days."
    )

    SUB_TITLE = "Journal"
    BINDINGS = [
        Binding("ctrl+f", "search", "Filter", id="journal.search"),
        Binding("escape", "app.open_checkin", "Check-in", id="journal.back", show=False),
    ]

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
        self.index: dict[dt.date, int] = {}
        self.shown = 0
        """How many of the matches are in the table (the newest ones)."""
        self.asked = Filters()
        """The filters last searched with; a result for older filters is dropped."""
        self.filters: Filters | None = None
        """What the days listed were found with (None before the first search ends)."""
        self.intent_width = 0
        self.filling = False
        self.left = False
        """Another screen was shown over this one (not a dialog): focus goes back to the list."""

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="journal"):
            with Vertical(id="journal-list"):
                yield FilterBar(self.journal, id="filter-bar")
                table = DayTable(id="days", cursor_type="row")
                table.add_column("", key="marks", width=MARKS_WIDTH)
                table.add_column("Day", key="day")
                table.add_column("Intent", key="intent")
                yield table
                yield Static(id="page-info")
            with VerticalScroll(id="entry-pane"):
                yield Static(id="entry-view")
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one("#days", DataTable)
        self.watch(table, "scroll_y", self.scrolled, init=False)
        self.load()
        table.focus()

    def on_screen_suspend(self) -> None:
        self.left = not isinstance(self.app.screen, ModalScreen)

    def on_screen_resume(self) -> None:
        """Come back to fresh data (the check-in may have changed today's entry), and, after
        another screen rather than a dialog, to the list: a key meant for a day (s, p) must
        not land in a filter left focused on the last visit."""
        self.load()
        if self.left:
            self.left = False
            self.query_one("#days", DataTable).focus()

    def on_resize(self, event: events.Resize) -> None:
        self.call_after_refresh(self.refit)

    def load(self) -> None:
        """Search again with the filters as last applied (the journal changed)."""
        self.asked = self.query_one(FilterBar).filters
        self.search(self.asked)

    @on(FilterBar.Applied)
    def filters_applied(self, event: FilterBar.Applied) -> None:
        if event.filters != self.asked:
            self.asked = event.filters
            self.search(event.filters)
        if event.submitted:
            self.query_one("#days", DataTable).focus()

    @work(exclusive=True, thread=True, group="journal-load")
    def search(self, filters: Filters) -> None:
        try:
            found = self.journal.entries(
                start=filters.start,
                end=filters.end,
                tags=filters.tags,
                contains=filters.contains,
                people=filters.people,
            )
        except JournalError as exc:
            self.post_message(SearchFailed(str(exc)))
            return
        if not get_current_worker().is_cancelled:  # a newer search is under way
            self.post_message(DaysFound(found, filters))

    def on_search_failed(self, event: SearchFailed) -> None:
        self.notify(one_line(event.reason), severity="error", markup=False)

    def on_days_found(self, event: DaysFound) -> None:
        if event.filters != self.asked:
            return  # the filters changed while this search ran
        table = self.query_one("#days", DataTable)
        same = event.filters == self.filters  # read again: keep the person's place
        keep_day = self.cursor_day() if same else None
        keep_row = table.cursor_row if same else 0
        self.filters = event.filters
        self.matches = event.days
        self.index = {e.date: i for i, e in enumerate(event.days)}
        self.fill(keep_day, keep_row, self.shown if same else 0)

    def fill(self, keep_day: dt.date | None, keep_row: int, at_least: int = 0) -> None:
        """Refill the table, the cursor on ``keep_day`` when it is still listed, else on the
        row it was on: coming back from a dialog must not lose the person's place."""
        table = self.query_one("#days", DataTable)
        if not self.intent_width:
            self.intent_width = self.fit_width()
        self.filling = True  # clearing scrolls to the top: that must not add rows meanwhile
        try:
            self.shown = 0
            table.clear()
        finally:
            self.filling = False
        at = self.index.get(keep_day, keep_row) if keep_day else keep_row
        at = max(0, min(at, len(self.matches) - 1))
        self.add_rows(max(at_least, PAGE_SIZE * (at // PAGE_SIZE + 1)))
        if self.matches:
            table.move_cursor(row=at, animate=False)
        self.show_entry(self.matches[at] if self.matches else None)

    def cells(self, entry: Entry) -> tuple[Text, Text, Text]:
        label = one_line(entry.intent or entry.reflection or entry.self_focus, self.intent_width)
        day = rich_text(entry.date.strftime("%a %Y-%m-%d"))
        return marks(entry), day, rich_text(label or "(no intent)", "" if label else "dim")

    def add_rows(self, n: int = PAGE_SIZE) -> None:
        """The next ``n`` matching days, below those in the table."""
        table = self.query_one("#days", DataTable)
        for e in self.matches[self.shown : self.shown + n]:
            table.add_row(*self.cells(e), key=e.date.isoformat())
        self.shown = min(len(self.matches), self.shown + n)
        self.show_info()

    def show_info(self) -> None:
        total = len(self.matches)
        if not total:
            info = (
                msg.NO_ENTRIES if self.filters and self.filters.active else "No days written yet."
            )
            self.query_one("#page-info", Static).update(content(info, "dim"))
            return
        days = count(total, "day")
        parts = [f"{self.shown:,} of {days}" if self.shown < total else days]
        listed = self.matches[: self.shown]
        legend = [
            f"{STAR_MARK} starred" if any(e.starred for e in listed) else "",
            f"{PRIVATE_MARK} private" if any(e.private for e in listed) else "",
        ]
        if any(legend):
            parts.append(" ".join(m for m in legend if m))
        if self.LIST_HINT:
            parts.append(self.LIST_HINT)
        self.query_one("#page-info", Static).update(content(" · ".join(parts), "dim"))

    def fit_width(self) -> int:
        """The intent column: what the list's width leaves after the marks and the date."""
        table = self.query_one("#days", DataTable)
        if not table.size.width:
            return 40
        padding = 2 * table.cell_padding * 3
        scrollbar = table.styles.scrollbar_size_vertical
        return max(12, table.size.width - MARKS_WIDTH - DAY_WIDTH - padding - scrollbar)

    def refit(self) -> None:
        width = self.fit_width()
        if width == self.intent_width:
            return
        self.intent_width = width
        if self.matches:
            table = self.query_one("#days", DataTable)
            self.fill(self.cursor_day(), table.cursor_row, self.shown)

    def more(self) -> None:
        if not self.filling and self.shown < len(self.matches):
            self.add_rows()

    def scrolled(self) -> None:
        """Scrolled (by the wheel or the scrollbar) near the end of what is loaded."""
        table = self.query_one("#days", DataTable)
        if table.scroll_y >= table.max_scroll_y - table.size.height:
            self.more()

    def cursor_day(self) -> dt.date | None:
        table = self.query_one("#days", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return dt.date.fromisoformat(key) if key else None

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
        view.update(entry_view(entry, promises, said, self.find_promise))

    def find_promise(self, ref: str) -> Promise | None:
        """The other end of a renegotiation, to show its terms rather than its id."""
        try:
            return self.journal.find_promise(ref)
        except JournalError:
            return None

    def replace_entry(self, entry: Entry) -> None:
        """The day as it is after a change made here: its row and the pane show it now."""
        at = self.index.get(entry.date)
        if at is None:
            return
        self.matches[at] = entry
        if at < self.shown:
            table = self.query_one("#days", DataTable)
            table.update_cell(entry.date.isoformat(), "marks", marks(entry))
            self.show_info()
        if self.cursor_day() == entry.date:
            self.show_entry(entry)

    @on(DataTable.RowHighlighted, "#days")
    def highlighted(self, event: DataTable.RowHighlighted) -> None:
        key = event.row_key.value
        at = self.index.get(dt.date.fromisoformat(key)) if key else None
        if at is not None:
            self.show_entry(self.matches[at])
        if event.cursor_row >= self.shown - NEAR_END:
            self.more()

    def action_search(self) -> None:
        self.query_one("#search").focus()
