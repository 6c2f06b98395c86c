"""A small bar chart drawn with block characters: one column per period, on a fixed scale."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widget import Widget

from coach.render import content
from journal.wording import BLOCKS


def bar_rows(
    values: Sequence[float | None], height: int, low: float, high: float, width: int = 1
) -> list[str]:
    """Rows of text, top first; each value fills ``height`` rows in eighths of a cell and is
    ``width`` cells wide."""
    steps = height * len(BLOCKS)
    span = (high - low) or 1.0
    filled = [
        None if v is None else round((min(max(v, low), high) - low) / span * steps) for v in values
    ]
    rows = []
    for row in range(height - 1, -1, -1):
        chars = []
        for f in filled:
            if f is None:
                chars.append(("·" if row == 0 else " ").ljust(width))
                continue
            level = f - row * len(BLOCKS)
            cell = " " if level <= 0 else BLOCKS[min(level, len(BLOCKS)) - 1]
            chars.append(cell * width)
        rows.append("".join(chars))
    return rows


class BarChart(Widget):
    """Values with a title and the first and last period labels; a dot marks a period without
    data, so a gap is never drawn as a zero."""

    DEFAULT_CSS = """
    BarChart { height: auto; margin-bottom: 1; }
    """

    def __init__(
        self,
        title: str,
        *,
        height: int = 3,
        low: float = 0.0,
        high: float = 10.0,
        unit: str = "",
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.title = title
        self.bar_height = height
        self.low = low
        self.high = high
        self.unit = unit
        self.values: list[float | None] = []
        self.labels: tuple[str, str] = ("", "")
        self.latest = ""

    def show(self, values: list[float | None], labels: tuple[str, str], latest: str) -> None:
        self.values = values
        self.labels = labels
        self.latest = latest
        self.refresh(layout=True)

    def render(self) -> Content:
        axis = 5
        room = max(1, self.size.width - axis - 1)
        width = max(1, min(4, room // max(1, len(self.values))))
        rows = bar_rows(self.values, self.bar_height, self.low, self.high, width)
        scale = [f"{self.high:g}{self.unit}", *([""] * (self.bar_height - 2)), f"{self.low:g}"]
        lines = [Content.assemble((self.title, "bold"), ("  " + self.latest, "$text-muted"))]
        for label, row in zip(scale[: len(rows)], rows, strict=False):
            lines.append(Content.assemble((f"{label:>{axis}} ", "dim"), (row, "$accent")))
        first, last = self.labels
        gap = max(1, len(self.values) * width - len(first) - len(last))
        lines.append(content(" " * (axis + 1) + first + " " * gap + last, "dim"))
        return Content("\n").join(lines)
