"""Exports: one module per format behind one registry, each rendering a Selection.

Private entries, and the promises made on their days, are left out of every format; only the
JSON backup can include them, and only when asked (``include_private``). Choosing what goes in
is the application layer's work (journal/app/exporting.py).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from journal.errors import InvalidInput

if TYPE_CHECKING:
    from journal.report.selection import Selection

EXPORTERS: dict[str, str] = {
    "json": "journal.export.backup",
    "csv": "journal.export.daily_csv",
    "md": "journal.export.markdown",
    "html": "journal.export.html",
    "pdf": "journal.export.pdf",
}
"""Format name → module with ``render(selection) -> bytes``; imported only when used."""
TEXT_FORMATS = frozenset({"json", "csv", "md", "html"})
"""Formats that can go to standard output; a PDF there would garble a terminal."""
SUMMARY_FORMATS = ("md", "html", "pdf")


def render(fmt: str, selection: Selection) -> bytes:
    if fmt not in EXPORTERS:
        raise InvalidInput(f"unknown export format {fmt!r}: use {', '.join(sorted(EXPORTERS))}")
    module = importlib.import_module(EXPORTERS[fmt])
    data: bytes = module.render(selection)
    return data


def default_filename(fmt: str, selection: Selection) -> str:
    """``coach-<period>-<from>-to-<to>.<ext>``, or ``coach-backup-<date>.json``."""
    if fmt == "json":
        return f"coach-backup-{selection.end.isoformat()}.json"
    span = f"{selection.start.isoformat()}-to-{selection.end.isoformat()}"
    return f"coach-{selection.period}-{span}.{fmt}"
