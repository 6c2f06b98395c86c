"""A person's page: their name, what you record about the relationship and what the journal
shows about it, read in a thread worker (one pass over the whole journal)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.segment import Segment
from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import Static

from coach.widgets.people_page import Row, shown_by_journal, standing, title
from journal.errors import JournalError

if TYPE_CHECKING:
    from journal.app.people import PersonView
    from journal.app.service import JournalService


@dataclass
class ReadFailed(Message):
    """The journal could not be read for the list or a page: one line says why."""

    reason: str


@dataclass
class PersonFound(Message):
    view: PersonView


SECTIONS = {
    "person-standing": [
        ("stands", "Where it stands (your judgement)"),
        ("script", "Their script"),
        ("reviews", "Reviews and reconnecting"),
    ],
    "person-journal": [
        ("contact", "What the journal shows"),
        ("asks", 'Asked "how can I help?"'),
        ("promises", "Promises to them"),
        ("intents", "Intents that served them"),
    ],
}
"""The page's two columns (side by side when there is room), each a few headed sections."""


LABEL_WIDTH = len("Mon 23 Nov 2026")
"""Every section's labels line up: the widest is a date."""


def grid(rows: list[Row]) -> Table:
    """Labels in one column, what they say in the other: a long value wraps in its column."""
    table = Table.grid(padding=(0, 2), expand=True)
    table.add_column(no_wrap=True, min_width=LABEL_WIDTH)
    table.add_column(ratio=1)
    for label, value in rows:
        table.add_row(label, value)
    return table


class DrawnOnce:
    """A renderable laid out once per width: Textual measures a Static's height and draws
    it in separate passes, several times while a page settles, and a page of tables drawn
    afresh each time costs more than the figures behind it."""

    def __init__(self, renderable: RenderableType) -> None:
        self.renderable = renderable
        self.lines: dict[int, list[list[Segment]]] = {}

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        lines = self.lines.get(options.max_width)
        if lines is None:
            lines = console.render_lines(self.renderable, options.update(height=None), pad=False)
            self.lines[options.max_width] = lines
        for line in lines:
            yield from line
            yield Segment.line()


class PersonPage(VerticalScroll):
    """A person's page: their name, then two columns (stacked on a narrow screen), each one
    Static: a page redrawn after every change lays out in one pass."""

    DEFAULT_CSS = """
    PersonPage { padding: 0 2; }
    PersonPage #person-title { margin-bottom: 1; }
    PersonPage #person-page { height: auto; }
    PersonPage #person-page > Static { width: 1fr; height: auto; }
    PersonPage #person-standing { margin-right: 4; }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="person-title")
        with Horizontal(id="person-page"):
            for column in SECTIONS:
                yield Static(id=column)

    def read(self, journal: JournalService, names: list[str], person_id: str) -> None:
        """The page of the record ``person_id``, found by the first of ``names`` that still
        names it (after an undone rename, the one before): at once when the list's figures
        still hold, else read in a worker."""
        from journal.app.people import person_if_read

        try:
            ready = person_if_read(journal, names[0])
        except JournalError:
            ready = None  # the worker reads again, and says why if it still fails
        if ready is not None and ready.record.id == person_id:
            self.post_message(PersonFound(ready))
            return
        self.read_in_worker(journal, names, person_id)

    @work(thread=True, exclusive=True, group="person")
    def read_in_worker(self, journal: JournalService, names: list[str], person_id: str) -> None:
        from journal.app.people import person

        failed = "They are no longer in your journal."
        for name in names:
            try:
                view = person(journal, name)
            except JournalError as exc:
                failed = str(exc)
                continue
            if view.record.id == person_id:
                self.post_message(PersonFound(view))
                return
        self.post_message(ReadFailed(failed))

    def show(self, view: PersonView, today: dt.date) -> None:
        self.query_one("#person-title", Static).update(title(view))
        sections = {**standing(view, today), **shown_by_journal(view)}
        style = f"bold {self.app.current_theme.accent or ''}"
        for column, parts in SECTIONS.items():
            drawn: list[RenderableType] = []
            for key, heading in parts:
                drawn += [Text(heading, style=style), grid(sections[key]), Text("")]
            self.query_one(f"#{column}", Static).update(DrawnOnce(Group(*drawn[:-1])))
