"""A report Document (journal/report) laid out for the terminal with Rich: `coach stats`.

Every sentence and figure comes from the document, so what this prints is what the trends
screen and the summaries show; charts become sparklines sized to the terminal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from coach.render import rich_text
from journal.wording import sparkline

if TYPE_CHECKING:
    from rich.console import Console

    from journal.report.document import Document, Section

LABEL_WIDTH = 28


def print_document(console: Console, doc: Document) -> None:
    console.print(rich_text(f"{doc.title}, {doc.span}", "bold"))
    if doc.left_out:
        console.print(rich_text(doc.left_out, "bold"))
    console.print(rich_text(doc.sentence))
    for section in doc.sections:
        console.print()
        print_section(console, section)
    if doc.notes:
        console.print()
    for note in doc.notes:
        console.print(rich_text(note))
    console.print(rich_text(doc.caveat, "italic dim"))


def print_section(console: Console, section: Section) -> None:
    from rich.table import Table

    console.print(rich_text(section.title, "bold"))
    for line in section.lead:
        console.print(rich_text(line, "dim"))
    if section.table is not None:
        t = section.table
        grid = Table(show_edge=False)
        for i, header in enumerate(t.headers):
            grid.add_column(rich_text(header), justify="right" if i >= t.numeric_from else "left")
        for row in t.rows:
            grid.add_row(*(rich_text(cell) for cell in row))
        console.print(grid)
    for line in section.after:
        console.print(rich_text(line))
    for item in section.items:
        console.print(rich_text(f"  {item}", "red"))
    room = max(10, console.width - LABEL_WIDTH - 3)
    for chart in section.charts:
        scaled = [None if v is None else v * 10 / chart.high for v in chart.values[-room:]]
        console.print(rich_text(f"  {chart.title:<{LABEL_WIDTH}} {sparkline(scaled)}"))
