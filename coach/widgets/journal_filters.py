"""The journal's search and filters: every field applies as it is typed (a quarter second after
the last key) and at once on Enter. A date that does not read as one yet marks its field and
says why on one line, while the days found with the last good date stay listed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.timer import Timer
from textual.validation import ValidationResult, Validator
from textual.widgets import Input, Static

from coach.render import content, one_line
from journal.errors import JournalError
from journal.parse import parse_date

if TYPE_CHECKING:
    from journal.app.service import JournalService

DEBOUNCE = 0.25
"""Seconds after the last key before the filters apply: typing never waits on a search."""
DATE_FIELDS = ("from", "to")


@dataclass(frozen=True)
class Filters:
    start: dt.date | None = None
    end: dt.date | None = None
    tags: tuple[str, ...] = ()
    """Every one of these (the star tag stands for every starred day)."""
    contains: str | None = None
    people: tuple[str, ...] = ()
    """Names typed as @Ana (or @Ana_Lopez) among the words: days that name each of them."""

    @property
    def active(self) -> bool:
        return bool(self.start or self.end or self.tags or self.contains or self.people)


def typed_words(text: str) -> tuple[str | None, tuple[str, ...]]:
    """The words box as people type into it: ``@Ana`` names a person (``_`` for a space),
    the rest is text to find."""
    words = text.split()
    people = tuple(w[1:].replace("_", " ") for w in words if w.startswith("@") and len(w) > 1)
    rest = " ".join(w for w in words if not w.startswith("@")).strip()
    return rest or None, people


def typed_tags(text: str) -> tuple[str, ...]:
    """Tags as people type them: separated by commas or spaces, a leading # is fine."""
    words = (w.lstrip("#").lower() for w in text.replace(",", " ").split())
    return tuple(dict.fromkeys(w for w in words if w))


class DateCheck(Validator):
    """A date as the command line reads it (2026-11-20, -30d, yesterday, monday)."""

    def __init__(self, today: dt.date) -> None:
        super().__init__()
        self.today = today

    def validate(self, value: str) -> ValidationResult:
        if not value.strip():
            return self.success()
        try:
            parse_date(value, self.today)
        except JournalError:
            example = (self.today - dt.timedelta(days=30)).isoformat()
            return self.failure(f"not a date; e.g. -30d or {example}")
        return self.success()


class FilterBar(Vertical):
    """Search words, from, to and tag; posts ``Applied`` whenever what they ask changes."""

    DEFAULT_CSS = """
    FilterBar { height: auto; }
    FilterBar Input { width: 1fr; border-title-color: $text-muted; }
    FilterBar #filters { height: auto; }
    FilterBar #filters Input { padding: 0 1; }
    FilterBar #from, FilterBar #to { min-width: 15; }
    FilterBar #filter-hint { color: $text-muted; padding: 0 1; height: auto; display: none; }
    FilterBar #filter-hint.-shown { display: block; }
    """

    @dataclass
    class Applied(Message):
        filters: Filters
        submitted: bool
        """Enter was pressed: the person is done typing and wants the days."""

    def __init__(self, journal: JournalService, id: str | None = None) -> None:
        super().__init__(id=id)
        self.journal = journal
        self.today = journal.today()
        self.timer: Timer | None = None
        self.last_good: dict[str, dt.date | None] = dict.fromkeys(DATE_FIELDS)
        """Each date field's last value that read as a date: used while it does not."""
        self.filters = Filters()
        """What the fields asked when they last applied."""

    def compose(self) -> ComposeResult:
        from coach.widgets.suggest import Suggest

        check = [DateCheck(self.today)]
        search = Input(placeholder="words, or @name for a person", id="search")
        search.border_title = "search"
        start = Input(placeholder="e.g. -30d", id="from", validators=check, validate_on=())
        start.border_title = "from"
        end = Input(placeholder="e.g. -7d", id="to", validators=check, validate_on=())
        end.border_title = "to"
        tag = Input(placeholder="e.g. work", id="tag")
        tag.border_title = "tag"
        yield search
        with Horizontal(id="filters"):
            yield start
            yield end
            yield tag
        yield Suggest(tag, self.journal, "tags")
        yield Static(id="filter-hint")

    def on_mount(self) -> None:
        for field in self.query(Input):  # also catches a completed suggestion
            self.watch(field, "value", self.typed, init=False)

    def typed(self) -> None:
        if self.timer is not None:
            self.timer.stop()
        self.timer = self.set_timer(DEBOUNCE, self.apply)

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        event.stop()
        bad = self.apply(submitted=True)
        if bad is not None:
            bad.focus()  # stays to be fixed: the hint says what it needs

    @on(Input.Changed)
    def changed(self, event: Input.Changed) -> None:
        event.stop()  # handled through the value watchers above

    def apply(self, submitted: bool = False) -> Input | None:
        """Post what the fields ask now; returns the first date field that is not a date."""
        if self.timer is not None:
            self.timer.stop()
            self.timer = None
        problems: list[str] = []
        bad: Input | None = None
        for name in DATE_FIELDS:
            field = self.query_one(f"#{name}", Input)
            result = field.validate(field.value)
            if result is None or result.is_valid:
                value = field.value.strip()
                self.last_good[name] = parse_date(value, self.today) if value else None
                continue
            problems.append(f"{name}: {one_line(result.failure_descriptions[0])}")
            bad = bad or field
        start, end = self.last_good["from"], self.last_good["to"]
        if not problems and start and end and start > end:
            problems.append("from is after to: no day can match")
        hint = self.query_one("#filter-hint", Static)
        hint.update(content("\n".join(problems)))
        hint.set_class(bool(problems), "-shown")
        contains, people = typed_words(self.query_one("#search", Input).value)
        filters = Filters(
            start,
            end,
            typed_tags(self.query_one("#tag", Input).value),
            contains,
            people,
        )
        self.filters = filters
        self.post_message(self.Applied(filters, submitted and bad is None))
        return bad
