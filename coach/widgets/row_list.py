"""A light, keyboard-driven list of rows with aligned columns.

DataTable is built for large, scrollable grids; the evening opens on a handful of promises, and
drawing them with DataTable made the first screen of the evening noticeably slower to appear.
This widget renders its rows as one block of text, showing a window around the cursor.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from coach.render import Drawn, content

MIN_FLEX = 12
"""The narrowest a flexible column gets: a few words of a promise still tell it apart."""


class RowList(Widget, can_focus=True):
    """Rows of cells (already safe Content) with a header; ``keys`` identify rows."""

    BINDINGS = [
        Binding("up", "move(-1)", "Up", show=False),
        Binding("down", "move(1)", "Down", show=False),
        Binding("home", "move(-1000000)", "First", show=False),
        Binding("end", "move(1000000)", "Last", show=False),
    ]
    DEFAULT_CSS = """
    RowList { height: auto; max-height: 15; text-wrap: nowrap; text-overflow: ellipsis; }
    """
    VISIBLE = 12

    cursor: reactive[int] = reactive(0)
    """The highlighted row."""

    def __init__(
        self, columns: list[str], *, flex: int | None = None, id: str | None = None
    ) -> None:
        """``flex``: the column that gives way when the rows are wider than the widget (its
        cells are cut with …) and takes the room when they fit: the others never cut."""
        super().__init__(id=id)
        self.columns = columns
        self.flex = flex
        self.keys: list[str] = []
        self.rows: list[list[Content]] = []
        self.drawn = Drawn()

    @property
    def row_count(self) -> int:
        return len(self.rows)

    def set_rows(self, rows: list[tuple[str, list[Content]]]) -> None:
        """Replace every row, keeping the cursor on the same position where possible."""
        self.keys = [key for key, _ in rows]
        self.rows = [cells for _, cells in rows]
        self.cursor = min(self.cursor, max(len(rows) - 1, 0))
        self.drawn.forget()
        self.refresh(layout=True)

    def row_text(self, index: int) -> list[str]:
        return [cell.plain for cell in self.rows[index]]

    @property
    def selected_key(self) -> str | None:
        return self.keys[self.cursor] if self.keys else None

    def action_move(self, delta: int) -> None:
        if self.rows:
            self.cursor = max(0, min(len(self.rows) - 1, self.cursor + delta))

    def watch_cursor(self) -> None:
        self.refresh()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def render(self) -> Content:
        return self.drawn.get((self.size.width, self.cursor, self.has_focus), self._draw)

    def _draw(self) -> Content:
        header = [content(c, "bold") for c in self.columns]
        widths = [
            max(cell.cell_length for cell in column)
            for column in zip(header, *self.rows, strict=False)
        ]
        room = self.size.width - 2 * (len(widths) - 1)
        if self.flex is not None and room > 0 and sum(widths) > room:
            others = sum(widths) - widths[self.flex]
            widths[self.flex] = max(MIN_FLEX, room - others)

        def line(cells: list[Content]) -> Content:
            fitted = [
                c.truncate(w, ellipsis=True) if c.cell_length > w else c
                for c, w in zip(cells, widths, strict=True)
            ]
            padded = [c.pad_right(w - c.cell_length) for c, w in zip(fitted, widths, strict=True)]
            return Content("  ").join(padded)

        first = max(0, min(self.cursor - self.VISIBLE // 2, len(self.rows) - self.VISIBLE))
        shown = range(first, min(len(self.rows), first + self.VISIBLE))
        cursor_style = "reverse" if self.has_focus else "underline"
        lines = [line(header)]
        for i in shown:
            row = line(self.rows[i])
            lines.append(row.stylize(cursor_style) if i == self.cursor else row)
        if len(self.rows) > self.VISIBLE:
            lines.append(content(f"{self.cursor + 1} of {len(self.rows)}", "dim"))
        return Content("\n").join(lines)
