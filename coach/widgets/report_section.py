"""One section of the report model (journal/report) laid out in the app: its title, a bar
chart per chart, and its table and sentences as aligned text. The trends screen is a column of
these, so it shows exactly what `coach stats` and the summaries show."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from coach.render import content
from coach.widgets.chart import BarChart
from journal.report.document import Section, Table


def table_content(table: Table) -> Content:
    """Columns padded to their widest cell, figures aligned right, the header in bold."""
    widths = [
        max(len(h), *(len(row[i]) for row in table.rows)) if table.rows else len(h)
        for i, h in enumerate(table.headers)
    ]

    def line(cells: tuple[str, ...], style: str = "") -> Content:
        padded = [
            c.rjust(w) if i >= table.numeric_from else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ]
        return content("  ".join(padded).rstrip(), style)

    return Content("\n").join([line(table.headers, "bold"), *(line(r) for r in table.rows)])


class ReportSection(Vertical):
    """Few widgets on purpose: a heading, the charts and one block of text, so a screen of
    three sections composes about as fast as a screen of three paragraphs."""

    DEFAULT_CSS = """
    ReportSection { height: auto; }
    ReportSection .section-heading { margin: 1 0 0 0; }
    ReportSection .section-text { margin-bottom: 1; }
    """

    def __init__(
        self, charts: Sequence[str] = (), *, figure: Widget | None = None, id: str | None = None
    ) -> None:
        """``charts``: the keys of the charts the section will show, so their widgets are
        laid out with the screen rather than when the first figures arrive. ``figure``: a
        widget of the screen's own drawn after them (the trends screen's trust over time)."""
        super().__init__(id=id)
        self.charts = {key: BarChart(id=f"chart-{key}") for key in charts}
        self.figure = figure

    def compose(self) -> ComposeResult:
        yield Static(classes="section-heading")
        yield from self.charts.values()
        if self.figure is not None:
            yield self.figure
        yield Static(classes="section-text")

    def show(self, section: Section, partial: bool = False) -> None:
        """``partial``: the last period has not ended, so every chart shades its bar."""
        heading = [content(section.title, "bold $accent")]
        heading += [content(text, "dim") for text in section.lead]
        self.query_one(".section-heading", Static).update(Content("\n").join(heading))
        text = self.query_one(".section-text", Static)
        for chart in section.charts:
            widget = self.charts.get(chart.key)
            if widget is None:
                widget = self.charts[chart.key] = BarChart(id=f"chart-{chart.key}")
                self.mount(widget, before=self.figure or text)
            widget.show(chart, partial)
        parts: list[Content] = []
        if section.table is not None:
            parts.append(table_content(section.table))
        parts += [content(line) for line in section.after]
        parts += [content(f"• {item}", "$error") for item in section.items]
        text.update(Content("\n").join(parts))
