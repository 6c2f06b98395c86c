"""The one place untrusted text (journal entries, bundles, files) becomes something Textual or
Rich will draw: never parsed as markup, and cleaned first by journal/text.py.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING

from journal.text import clean, one_line

if TYPE_CHECKING:
    from rich.text import Text
    from textual.content import Content


def content(text: str, style: str = "") -> Content:
    """Textual Content that shows ``text`` literally: no markup, no control characters."""
    from textual.content import Content

    return Content.styled(clean(text), style) if style else Content(clean(text))


def rich_text(text: str, style: str = "") -> Text:
    """The same for Rich renderables (CLI tables, DataTable cells)."""
    from rich.text import Text

    return Text(clean(text), style=style)


def path_text(path: object, width: int) -> str:
    """A path to show in a line of ``width``: its end is what tells folders apart, so a long
    one loses its start, not its end."""
    text = one_line(str(path))
    return text if len(text) <= width else "…" + text[-(width - 1) :]


class Drawn:
    """A widget's last rendering and what it was drawn for. Textual renders a widget once
    to measure its height and again to draw it; a chart or a list drawn afresh each time
    cost the screen that shows it as much as its figures. The widget forgets it when what it
    shows changes."""

    def __init__(self) -> None:
        self._for: Hashable = None
        self._drawn: Content | None = None

    def get(self, drawn_for: Hashable, draw: Callable[[], Content]) -> Content:
        if self._drawn is None or self._for != drawn_for:
            self._for, self._drawn = drawn_for, draw()
        return self._drawn

    def forget(self) -> None:
        self._drawn = None


__all__ = ["Drawn", "clean", "content", "one_line", "path_text", "rich_text"]
