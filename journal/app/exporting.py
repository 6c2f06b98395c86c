"""Exporting a summary or a backup, and a coach's summary of a client: choose what goes in,
render it in the asked format, and write it where asked. `coach export`, `coach clients
summary` and the app's export dialog all come here."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from journal.app.files import write_file
from journal.app.home import Home
from journal.app.service import JournalService
from journal.errors import InvalidInput
from journal.export import default_filename, render
from journal.model import Client, Comment
from journal.periods import Period, fitting_period, period_start
from journal.person import PersonRecord
from journal.report.selection import Selection


@dataclass(frozen=True)
class ExportRequest:
    fmt: str
    start: dt.date | None = None
    """First day (default: the first entry)."""
    end: dt.date | None = None
    """Last day (default: today)."""
    period: Period | None = None
    """The summary's charts (default: fitted to the range)."""
    include_private: bool = False
    people: bool = False
    """Summaries: a section on how each relationship stands."""


@dataclass(frozen=True)
class Exported:
    data: bytes
    selection: Selection
    default_name: str

    @property
    def days(self) -> int:
        return len(self.selection.entries)


def select(
    journal: JournalService,
    *,
    start: dt.date | None,
    end: dt.date | None,
    period: Period | None = None,
    include_private: bool = False,
    show_streak: bool = True,
    comments: list[Comment] | None = None,
    title: str = "Coach progress summary",
    people: list[PersonRecord] | None = None,
    relationships: bool = False,
) -> Selection:
    """Entries oldest first and the promises made in the range (all of it by default), and
    the comments on what is shown (never on a private day)."""
    everything = journal.all_entries()
    first = start or (everything[0].date if everything else journal.today())
    last = end or journal.today()
    if first > last:
        raise InvalidInput(f"--from {first.isoformat()} is after --to {last.isoformat()}")
    chosen: Period = period or fitting_period(first, last)
    private_days = {e.date for e in everything if e.private}
    entries = [
        e for e in everything if first <= e.date <= last and (include_private or not e.private)
    ]
    promises = [
        p
        for p in journal.all_promises()
        if first <= p.made_on <= last and (include_private or p.made_on not in private_days)
    ]
    shown_weeks = {period_start(e.date, "week") for e in entries}
    shown_days = {e.date for e in entries}
    shown = [
        c
        for c in comments or []
        if (c.on == "day" and c.date in shown_days) or (c.on == "week" and c.date in shown_weeks)
    ]
    return Selection(
        entries,
        promises,
        journal.word_counts,
        first,
        last,
        chosen,
        include_private,
        lambda: journal.report(
            start=first,
            end=last,
            period=chosen,
            include_private=include_private,
            show_streak=show_streak,
        ),
        shown,
        title,
        people or [],
        relationships,
    )


def export(home: Home, request: ExportRequest) -> Exported:
    """Your own journal, with the comments your coaches sent back. Nothing is written."""
    if request.include_private and request.fmt != "json":
        raise InvalidInput(
            "--include-private is only for the JSON backup; summaries never show private days"
        )
    selection = select(
        home.journal,
        start=request.start,
        end=request.end,
        period=request.period,
        include_private=request.include_private,
        show_streak=home.settings().show_streak,
        comments=home.feedback.all(),
        people=home.journal.people() if request.fmt == "json" or request.people else None,
        relationships=request.people,
    )
    data = render(request.fmt, selection)
    return Exported(data, selection, default_filename(request.fmt, selection))


def client_summary(home: Home, client: Client, request: ExportRequest) -> Exported:
    """A client's shared days as the same summary clients export, with the coach's comments,
    titled with the client's name; by default over everything they have shared."""
    space = home.workspace
    journal = space.journal(client)
    selection = select(
        journal,
        start=request.start or client.start,
        end=request.end or client.end,
        period=request.period,
        comments=space.comments(client).all(),
        title=f"{client.name}: progress summary",
        people=journal.people() if request.people else None,
        relationships=request.people,
    )
    name = f"{client.id[:8]}-{default_filename(request.fmt, selection)}"
    return Exported(render(request.fmt, selection), selection, name)


def save(exported: Exported, target: Path | None) -> Path:
    """Write an export atomically to ``target``, or under its default name in the current
    folder; the path written."""
    return write_file(target or Path(exported.default_name), exported.data)
