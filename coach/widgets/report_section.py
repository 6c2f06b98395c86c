"""One section of the report model (journal/report) laid out in the app: its title, a bar
chart per chart, and its table and sentences as aligned text. The trends screen is a column of
these, so it shows exactly what `coach stats` and the summaries show."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from coach.render import content
from coach.widgets.chart import BarChart
from journal.report.document import Chart, Section, Table

CHART_HEIGHTS = {"index": 4, "kept-commitment": 3}
"""Rows per chart; the rest get two."""


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
    DEFAULT_CSS = """
    ReportSection { height: auto; }
    ReportSection .section-charts { height: auto; }
    ReportSection .section-title { text-style: bold; color: $accent; margin: 1 0 0 0; }
    ReportSection .section-lead { color: $text-muted; }
    ReportSection .section-text { margin-bottom: 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.charts: dict[str, BarChart] = {}

    def compose(self) -> ComposeResult:
        yield Static(classes="section-title")
        yield Static(classes="section-lead")
        yield Vertical(classes="section-charts")
        yield Static(classes="section-text")

    def show(self, section: Section) -> None:
        self.query_one(".section-title", Static).update(content(section.title))
        self.query_one(".section-lead", Static).update(content(" ".join(section.lead)))
        charts = self.query_one(".section-charts", Vertical)
        for chart in section.charts:
            widget = self.charts.get(chart.key) or self.new_chart(chart, charts)
            first, last = (chart.labels[0], chart.labels[-1]) if chart.labels else ("", "")
            widget.show(chart.values, (first, last), chart.caption)
        parts: list[Content] = []
        if section.table is not None:
            parts.append(table_content(section.table))
        parts += [content(text) for text in section.after]
        parts += [content(f"• {item}", "$error") for item in section.items]
        self.query_one(".section-text", Static).update(Content("\n").join(parts))

    def new_chart(self, chart: Chart, into: Vertical) -> BarChart:
        widget = BarChart(
            chart.title,
            height=CHART_HEIGHTS.get(chart.key, 2),
            high=chart.high,
            unit="%" if chart.high == 100 else "",
            id=f"chart-{chart.key}",
        )
        into.mount(widget)
        self.charts[chart.key] = widget
        return widget
