"""The people list: a row per person whose columns fit the terminal. Full words when there is
room ("13 days ago", "64% (you 74%)"), short ones on a narrow terminal ("13d ago", "64% ↓"),
and the name takes what the other columns leave, so no header is ever cut."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.text import Text
from textual import events, work
from textual.message import Message
from textual.widgets import DataTable
from textual.worker import get_current_worker

from coach.render import rich_text
from coach.widgets.people_page import BELOW, row_cells
from coach.widgets.people_person import ReadFailed
from journal.errors import JournalError
from journal.people.listing import SORTS
from journal.wording import count, pct

if TYPE_CHECKING:
    from journal.app.service import JournalService
    from journal.people.listing import PersonRow, SortBy

COLUMNS = ("name", "level", "stage", "contact", "kept", "due")
HEADERS = {
    False: ("Name", "Level", "Stage", "Last contact", "Commitments kept", "Due"),
    True: ("Name", "Level", "Stage", "Contact", "Kept", "Due"),
}
"""Column headers, full and short."""
WIDE_NAME = 20
"""The room a name needs before the full words are worth their width."""
NARROW_NAME = 8
SORTED_BY: dict[SortBy, str] = {
    "last_contact": "last contact, the most recent first",
    "review": "review due, the most overdue first",
    "keep_rate": "commitments kept, the lowest first",
    "name": "name",
}
REVERSED_BY: dict[SortBy, str] = {
    "last_contact": "last contact, the longest ago first",
    "review": "review due, the furthest off first",
    "keep_rate": "commitments kept, the highest first",
    "name": "name, from the end of the alphabet",
}


@dataclass
class PeopleFound(Message):
    rows: list[PersonRow]
    sort: SortBy
    reverse: bool


def sort_line(sort: SortBy, reverse: bool = False) -> str:
    """The order the list is in, and the ones s and r move to."""
    after = SORTS[(SORTS.index(sort) + 1) % len(SORTS)]
    now = (REVERSED_BY if reverse else SORTED_BY)[sort]
    return f"Sorted by {now} · s: by {SORTED_BY[after].split(',')[0]} · r: reverse"


def fit(
    rows: Sequence[PersonRow], width: int, padding: int
) -> tuple[bool, dict[str, int], list[dict[str, str]]]:
    """Whether to use the short words, each column's width, and the cells: the full words
    when the name keeps ``WIDE_NAME`` cells beside them."""
    for short in (False, True):
        cells = [row_cells(r, short) for r in rows]
        widths = {
            key: max([cell_len(header), *(cell_len(c[key]) for c in cells)])
            for key, header in zip(COLUMNS, HEADERS[short], strict=True)
        }
        room = width - sum(w for k, w in widths.items() if k != "name")
        room -= 2 * padding * len(COLUMNS)
        if short or room >= min(widths["name"], WIDE_NAME):
            widths["name"] = max(room, NARROW_NAME)
            return short, widths, cells
    raise AssertionError("unreachable")


class PeopleTable(DataTable[object]):
    """Filled from rows already sorted; the cursor stays on the same person across a refill."""

    KEYS_FOR = "the list of people"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row")
        self.people: list[PersonRow] = []
        self.short = False

    @work(thread=True, exclusive=True, group="people")
    def read(self, journal: JournalService, sort: SortBy, reverse: bool = False) -> None:
        """Everyone's figures take a pass over the whole journal: never on the UI thread.
        What was read is the screen's to show (with the lines around the list)."""
        from journal.app.people import people

        try:
            rows = people(journal, sort, reverse=reverse)
        except JournalError as exc:
            self.post_message(ReadFailed(str(exc)))
            return
        if not get_current_worker().is_cancelled:
            self.post_message(PeopleFound(rows, sort, reverse))

    def show(self, rows: list[PersonRow], top: bool = False) -> None:
        """The rows read, the cursor on the person it was on (or on the first, ``top``)."""
        keep = None if top else self.current()
        self.people = rows
        self.refill(keep.id if keep else None)

    def on_resize(self, event: events.Resize) -> None:
        self.call_after_refresh(self.refit)

    def refit(self) -> None:
        keep = self.current()
        self.refill(keep.id if keep else None)

    def room(self) -> int:
        """The width the columns may take: a vertical scrollbar's is always kept, so one
        appearing never pushes the last column out of sight."""
        width = self.size.width or self.app.size.width
        return width - self.styles.scrollbar_size_vertical

    def refill(self, keep: str | None) -> None:
        self.short, widths, cells = fit(self.people, self.room(), self.cell_padding)
        self.clear(columns=True)
        for key, header in zip(COLUMNS, HEADERS[self.short], strict=True):
            self.add_column(Text(header), key=key, width=widths[key])
        for row, shown in zip(self.people, cells, strict=True):
            self.add_row(*(cell(shown[k], widths[k], k) for k in COLUMNS), key=row.id)
        at = next((i for i, r in enumerate(self.people) if r.id == keep), 0)
        if self.people:
            self.move_cursor(row=at, animate=False)

    def current(self) -> PersonRow | None:
        """The person under the cursor."""
        if not self.people or not 0 <= self.cursor_row < len(self.people):
            return None
        return self.people[self.cursor_row]


def cell(text: str, width: int, column: str) -> Text:
    """One cell, cut with an ellipsis rather than wrapped to a first line that reads as a
    different (shorter) name. What is due stands out."""
    shown = rich_text(text, "bold" if column == "due" else "")
    shown.truncate(width, overflow="ellipsis")
    return shown


def info_line(table: PeopleTable) -> str:
    """Under the list: how many, the key to open one, and your overall rate to compare with."""
    if not table.people:
        return "Nobody yet: people appear once an intent, an ask or a promise names them."
    parts = [count(len(table.people), "person"), "Enter opens one"]
    overall = table.people[0].keep_rates["commitment"].overall
    if overall is not None and table.short:
        parts.append(f"{BELOW} kept fewer than your {pct(overall)} overall")
    elif overall is not None:
        parts.append(f"you keep {pct(overall)} of your commitments overall")
    return " · ".join(parts)
