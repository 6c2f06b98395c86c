"""The one place untrusted text (journal entries, bundles, files) is made safe to display.

Text is never parsed as markup, and C0 controls (except newline and tab), DEL, C1 controls and
bidi overrides are removed first, so nothing a person typed or a file carried can move the
cursor, clear the screen, set the clipboard or disguise itself.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.text import Text
    from textual.content import Content

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """Strip control characters; keep newline and tab."""
    return UNSAFE.sub("", text)


def one_line(text: str, width: int | None = None) -> str:
    """Clean text folded to one line, optionally cut to ``width`` with an ellipsis."""
    flat = " ".join(clean(text).split())
    if width is not None and len(flat) > width:
        return flat[: max(width - 1, 0)] + "…"
    return flat


def content(text: str, style: str = "") -> Content:
    """Textual Content that shows ``text`` literally: no markup, no control characters."""
    from textual.content import Content

    return Content.styled(clean(text), style) if style else Content(clean(text))


def rich_text(text: str, style: str = "") -> Text:
    """The same for Rich renderables (CLI tables, DataTable cells)."""
    from rich.text import Text

    return Text(clean(text), style=style)
