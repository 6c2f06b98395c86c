"""Exporting a summary or a backup, and a coach's summary of a client: choose what goes in,
render it in the asked format, and write it where asked. `coach export`, `coach clients
summary` and the app's export dialog all come here."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from journal.app.analytics import private_days as private_in_reach
from journal.app.files import write_file
from journal.app.home import Home
from journal.app.service import JournalService
from journal.errors import InvalidInput, JournalError
from journal.export import SUMMARY_FORMATS, default_filename, render
from journal.model import Client, Comment
from journal.periods import Period, fitting_period, period_start
from journal.person import PersonRecord
from journal.report.selection import Selection

if TYPE_CHECKING:
    from journal.report.document import Document


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
    # Only the years the range (and its trends) reach are read: a year's summary costs the
    # same from a thirty-year journal as from a one-year one.
    first = start or journal.first_day() or journal.today()
    last = end or journal.today()
    if first > last:
        raise InvalidInput(f"--from {first.isoformat()} is after --to {last.isoformat()}")
    chosen: Period = period or fitting_period(first, last)
    private_days = (
        frozenset() if include_private else private_in_reach(journal, first, last, show_streak)
    )
    entries = [e for e in journal.days_between(first, last) if include_private or not e.private]
    promises = [p for p in journal.promises_between(first, last) if p.made_on not in private_days]
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
        private_days,
    )


def own_selection(home: Home, request: ExportRequest) -> Selection:
    """What an export of your own journal holds: the one choice the export and its preview
    share, so the preview's figures are the file's."""
    if request.include_private and request.fmt != "json":
        raise InvalidInput(
            "--include-private is only for the JSON backup; summaries never show private days"
        )
    name = your_name(home) if request.fmt in SUMMARY_FORMATS else ""
    return select(
        home.journal,
        start=request.start,
        end=request.end,
        period=request.period,
        include_private=request.include_private,
        show_streak=home.settings().show_streak,
        comments=home.feedback.all(),
        title=f"{name}: progress summary" if name else "Coach progress summary",
        people=home.journal.people() if request.fmt == "json" or request.people else None,
        relationships=request.people,
    )


def your_name(home: Home) -> str:
    """The name on your sharing keys (`coach keys init`), for the summary's title; none when
    there are no keys or they cannot be read (a summary is still worth writing then)."""
    try:
        return home.keys.read().name.strip()
    except JournalError:
        return ""


def export(home: Home, request: ExportRequest) -> Exported:
    """Your own journal, with the comments your coaches sent back. Nothing is written."""
    selection = own_selection(home, request)
    data = render(request.fmt, selection)
    return Exported(data, selection, default_filename(request.fmt, selection))


@dataclass(frozen=True)
class Preview:
    """An export's figures, computed as the export will compute them, and nothing written."""

    selection: Selection
    default_name: str
    headline: list[str]
    """A few lines: what goes in, what is left out and, for a summary, its main figures."""
    left_out: str
    """The line of ``headline`` that says which private days are left out ("" for none)."""
    document: Document | None
    """For a summary, the trends report `coach stats` shows, over the export's records."""


def preview(home: Home, request: ExportRequest) -> Preview:
    from journal.report import left_out
    from journal.report import preview as shown

    selection = own_selection(home, request)
    name = default_filename(request.fmt, selection)
    summary = request.fmt in shown.SUMMARIES
    document = shown.document(selection, name) if summary else None
    note = left_out.note(selection, trends=summary)
    return Preview(selection, name, shown.headline(selection, request.fmt), note, document)


def export_folder() -> Path:
    """Where the app offers to write an export: your documents folder, else downloads, else
    your home (the folder Coach was started in is rarely where a person looks for a file)."""
    import platformdirs

    for folder in (platformdirs.user_documents_dir(), platformdirs.user_downloads_dir()):
        if Path(folder).is_dir():
            return Path(folder)
    try:
        return Path.home()
    except RuntimeError:  # no home folder can be found: where Coach was started, then
        return Path.cwd()


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
