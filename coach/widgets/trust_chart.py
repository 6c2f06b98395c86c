"""The trust quotient over time with the balance of its parts under it: one strip per part,
lined up with the quotient's bars, so a dip in the quotient can be traced to the part that
moved."""

from __future__ import annotations

from textual.content import Content

from coach.render import content
from coach.widgets.chart import (
    AXIS_STYLE,
    BAR_STYLE,
    PARTIAL_STYLE,
    BarChart,
    Columns,
    strip_cell,
)
from journal.report.trust_series import PartSeries, TrustSeries, parts_legend

PART_HIGH = 10.0
"""Self-ratings are 0–10, like the quotient's scale."""


class TrustChart(BarChart):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.parts: list[PartSeries] = []
        self.legend = ""

    def show_series(self, series: TrustSeries, partial: bool = False) -> None:
        self.parts = series.parts
        self.legend = parts_legend(series)
        self.show(series.quotient, partial)

    def axis_width(self) -> int:
        """Wide enough for the parts' letters too, so strips and bars share their columns."""
        letters = max((len(p.letter) for p in self.parts), default=0)
        return max(super().axis_width(), letters)

    def extra_lines(self, columns: Columns) -> list[Content]:
        axis = self.axis_width()
        last = len(self.values) - 1
        pad = " " * (columns.step - columns.width)
        lines = []
        for part in self.parts:
            pieces = [content(f"{part.letter:>{axis}} │", AXIS_STYLE)]
            for i, value in enumerate(part.values):
                style = PARTIAL_STYLE if self.partial and i == last else BAR_STYLE
                pieces.append(content(strip_cell(value, PART_HIGH) * columns.width + pad, style))
            lines.append(Content.assemble(*pieces).rstrip())
        return lines

    def after_lines(self) -> list[Content]:
        return [content(self.legend, AXIS_STYLE)] if self.legend else []
