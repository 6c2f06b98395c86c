"""The JSON backup: every field of every selected entry and promise, the coach comments you
imported, and the schema version, so `coach import` can restore a journal exactly."""

from __future__ import annotations

from typing import TYPE_CHECKING

import msgspec

from journal.model import SCHEMA_VERSION, full_record, now

if TYPE_CHECKING:
    from journal.report.selection import Selection

FORMAT = "coach-backup"


def render(selection: Selection) -> bytes:
    document = {
        "format": FORMAT,
        "schema": SCHEMA_VERSION,
        "exported": now().isoformat(),
        "includes_private": selection.include_private,
        "entries": [full_record(e) for e in selection.entries],
        "promises": [full_record(p) for p in selection.promises],
    }
    if selection.comments:  # only then: a backup without comments reads as it always did
        document["comments"] = [full_record(c) for c in selection.comments]
    if selection.people:
        document["people"] = [full_record(r) for r in selection.people]
    return msgspec.json.format(msgspec.json.encode(document), indent=1) + b"\n"
