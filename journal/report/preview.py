"""An export's figures before it is written: `coach export --preview` and the export dialog.

They come from the selection the export itself renders (private days out), so what the preview
says is what the file will say; the lines are the ones `coach stats` prints, so the two can be
read side by side.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from journal.report import left_out, sections
from journal.wording import count, direction_text, fmt

if TYPE_CHECKING:
    from journal.report.document import Document
    from journal.report.selection import Selection

SUMMARIES = frozenset({"md", "html", "pdf"})
"""Formats with figures to preview; a backup or a CSV holds the records and no trends."""


def document(selection: Selection, name: str) -> Document:
    """The trends report `coach stats` shows, over exactly the export's records."""
    doc = sections.trends_document(selection.report)
    return replace(doc, title=f"Preview of {name}", left_out=left_out.note(selection))


def headline(selection: Selection, fmt_name: str) -> list[str]:
    """A few lines for a small dialog: what goes in, what stays out and, for a summary, its
    main figures worded as everywhere else."""
    what = (
        f"{count(len(selection.entries), 'day')} and {count(len(selection.promises), 'promise')}, "
        f"{selection.start:%d %b %Y} to {selection.end:%d %b %Y}."
    )
    trends = fmt_name in SUMMARIES
    lines = [what]
    note = left_out.note(selection, trends=trends)
    if note:
        lines.append(note)
    if not trends:
        return lines
    r = selection.report
    index = r.overall.signals.index
    lines.append(
        f"Combined index {fmt(index)} · 4 weeks: {direction_text(r.directions[4]['index'])} · "
        f"12 weeks: {direction_text(r.directions[12]['index'])}"
    )
    streak = "" if r.streak is None else f" Check-in streak: {count(r.streak, 'day')}."
    lines.append(sections.open_commitments(r) + streak)
    return lines
