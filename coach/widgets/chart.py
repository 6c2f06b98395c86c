"""Bar charts drawn with block characters, one column per period.

Every chart has the same number of rows and each measure one fixed scale (0–10, or 0–100 %),
so a value draws at the same height in every chart and at every zoom, and charts stacked on
the trends screen compare by eye. The axis is labelled at the top, the middle and zero.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from coach.render import Drawn, content
from journal.report.document import Chart
from journal.report.progress import HATCH
from journal.wording import BLOCKS

if TYPE_CHECKING:
    from textual.css.styles import RulesMap

ROWS = 4
"""Rows of bars in every chart: one height for all, so equal values draw equal bars."""
MOST_STEP = 8
"""Columns per period at most: a few years still read as bars, not as slabs."""
OVER = "▲"
"""Tops a bar whose value is above the scale, so a clipped bar never passes for the maximum."""
BAR_STYLE = "$accent"
PARTIAL_STYLE = "$accent 55%"
AXIS_STYLE = "dim"


@dataclass(frozen=True)
class Columns:
    """How periods sit across the width: ``step`` columns each, ``width`` of them bar."""

    step: int
    width: int

    @classmethod
    def fit(cls, periods: int, room: int) -> Columns:
        """As wide as the room allows, up to MOST_STEP, with a one-column gap whenever there is
        room for one: bars that touch read as one slab."""
        step = max(1, min(MOST_STEP, room // max(1, periods)))
        return cls(step, max(1, step - 1))


def level(value: float, high: float, steps: int) -> int:
    """``value`` in eighths of a cell on 0..high, over ``steps`` eighths."""
    return round(min(max(value, 0.0), high) / high * steps)


def bar_cells(value: float | None, high: float, hatch: bool = False) -> list[str]:
    """One bar's cells, bottom first. No data is a dot on the bottom row, never a zero."""
    if value is None:
        return ["·", *([" "] * (ROWS - 1))]
    filled = level(value, high, ROWS * len(BLOCKS))
    cells = []
    for row in range(ROWS):
        part = filled - row * len(BLOCKS)
        if part <= 0:
            cells.append(" ")
        elif part >= len(BLOCKS):
            cells.append(HATCH if hatch else BLOCKS[-1])
        else:
            cells.append(BLOCKS[part - 1])
    if value > high:
        cells[-1] = OVER
    return cells


def strip_cell(value: float | None, high: float) -> str:
    """A one-row bar: the same scale in eight steps, for strips of several series."""
    if value is None:
        return "·"
    filled = level(value, high, len(BLOCKS))
    return " " if filled == 0 else BLOCKS[filled - 1]


def label_line(labels: Sequence[str], columns: Columns, room: int = 0) -> str:
    """Period labels under their bars: the newest always, then every so many back, as many
    as fit without touching. A label may run past the bars into ``room``, if wider."""
    n = len(labels)
    total = max(n * columns.step, room)
    if not n:
        return ""
    widest = max(len(label) for label in labels)
    stride = -(-(widest + 2) // columns.step)
    line = [" "] * total
    free_until = total  # columns at and after this one are taken
    for i in range(n - 1, -1, -stride):
        text = labels[i]
        at = min(i * columns.step, total - len(text))
        if at < 0 or at + len(text) + (1 if free_until < total else 0) > free_until:
            continue
        line[at : at + len(text)] = text
        free_until = at
    return "".join(line).rstrip()


class BarChart(Widget):
    """A titled chart of one measure: bars on the fixed scale, a labelled axis, period labels.
    A period still in progress is shaded (see journal/report/progress.py)."""

    DEFAULT_CSS = """
    BarChart { height: auto; margin-bottom: 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.title = ""
        self.high = 10.0
        self.caption = ""
        self.values: list[float | None] = []
        self.labels: list[str] = []
        self.partial = False
        """The last period has not ended: drawn shaded."""
        self.drawn = Drawn()

    @property
    def unit(self) -> str:
        return "%" if self.high == 100 else ""

    def show(self, chart: Chart, partial: bool = False) -> None:
        self.title = chart.title
        self.high = chart.high
        self.caption = chart.caption
        self.values = list(chart.values)
        self.labels = list(chart.labels)
        self.partial = partial and bool(chart.values)
        self.drawn.forget()
        self.refresh(layout=True)

    def axis_width(self) -> int:
        return max(len(self.tick(row)[0]) for row in range(ROWS))

    def columns(self, width: int | None = None) -> Columns:
        """As the bars are laid out in ``width`` (the chart's own, by default)."""
        width = self.size.width if width is None else width
        room = max(1, width - self.axis_width() - 2)
        return Columns.fit(len(self.values), room)

    def tick(self, row: int) -> tuple[str, str]:
        """The axis beside bar row ``row`` (0 at the bottom): the top of the scale and its
        middle are labelled on the row whose top they are."""
        top = self.high * (row + 1) / ROWS
        if row == ROWS - 1 or top == self.high / 2:
            return f"{top:g}{self.unit}", "┤"
        return "", "│"

    def bar_lines(self, columns: Columns) -> list[Content]:
        last = len(self.values) - 1
        bars = [
            bar_cells(v, self.high, hatch=self.partial and i == last)
            for i, v in enumerate(self.values)
        ]
        pad = " " * (columns.step - columns.width)
        axis = self.axis_width()
        lines = []
        for row in range(ROWS - 1, -1, -1):
            label, mark = self.tick(row)
            pieces = [content(f"{label:>{axis}} {mark}", AXIS_STYLE)]
            for i, cells in enumerate(bars):
                style = PARTIAL_STYLE if self.partial and i == last else BAR_STYLE
                pieces.append(content(cells[row] * columns.width + pad, style))
            lines.append(Content.assemble(*pieces).rstrip())
        base = f"{'0' + self.unit:>{axis}} └" + "─" * (len(self.values) * columns.step)
        lines.append(content(base, AXIS_STYLE))
        return lines

    def extra_lines(self, columns: Columns) -> list[Content]:
        """Rows between the baseline and the period labels, lined up with the bars."""
        return []

    def after_lines(self) -> list[Content]:
        """Lines under the period labels."""
        return []

    def render(self) -> Content:
        width = self.size.width
        return self.drawn.get(width, lambda: self._draw(width))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """Measured by drawing at the width it will have, which the drawing then reuses."""
        if not width:
            return 0
        rules = cast("RulesMap", self.styles)  # as Textual passes them (typed apart there)
        return self.drawn.get(width, lambda: self._draw(width)).get_height(rules, width)

    def _draw(self, width: int) -> Content:
        columns = self.columns(width)
        head = [content(self.title, "bold")]
        if self.caption:
            head.append(content("  " + self.caption, AXIS_STYLE))
        lines = [Content.assemble(*head), *self.bar_lines(columns), *self.extra_lines(columns)]
        indent = " " * (self.axis_width() + 2)
        room = width - len(indent)
        lines.append(content(indent + label_line(self.labels, columns, room), AXIS_STYLE))
        lines += self.after_lines()
        return Content("\n").join(lines)
