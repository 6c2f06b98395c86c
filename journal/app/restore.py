"""`coach import`: restore a JSON backup, or merge it into a journal that already has days.

Everything in the file is checked before anything is written. Records are matched by id, so
importing the same backup twice adds nothing. A day that already has a different entry keeps
the one in the journal, and the summary says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from journal.app.files import user_path
from journal.app.sharing import merge_feedback
from journal.errors import InvalidInput
from journal.export.backup import FORMAT
from journal.model import Comment, Entry, Promise, check_schema, validate
from journal.person import PersonRecord
from journal.sharing.share import check_pins
from journal.store.disk import read_capped
from journal.text import one_line

if TYPE_CHECKING:
    from journal.app.home import Home


class Backup(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    format: str
    schema: int
    exported: str
    includes_private: bool = False
    entries: list[Entry]
    promises: list[Promise]
    comments: list[Comment] = msgspec.field(default_factory=list)
    people: list[PersonRecord] = msgspec.field(default_factory=list)


@dataclass(frozen=True)
class Restored:
    entries: int
    promises: int
    already_there: int
    kept_yours: list[str]
    """Days where the journal already had a different entry, which was kept."""


def read_backup(raw: bytes, source: str) -> Backup:
    try:
        document = msgspec.json.decode(raw)
    except msgspec.DecodeError as exc:
        raise InvalidInput(f"{source} is not valid JSON ({exc})") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise InvalidInput(f'{source} is not a Coach backup (no "format": "{FORMAT}")')
    schema = document.get("schema")
    if not isinstance(schema, int):
        raise InvalidInput(f"{source} has no schema version")
    check_schema(schema, source, "import")
    backup = validate(document, Backup, source)
    dates = [e.date for e in backup.entries]
    if len(set(dates)) != len(dates):
        raise InvalidInput(f"{source} has two entries for the same day")
    return backup


MAX_BACKUP_BYTES = 256 * 1024 * 1024
"""Far more than a lifetime's journal (thirty years is a few dozen MB); a file past it is not
a backup of ours, and is refused before it fills the memory."""


def restore_file(home: Home, path: Path) -> Restored:
    """`coach import FILE`: the backup is read no further than the limit."""
    try:
        raw = read_capped(user_path(path), MAX_BACKUP_BYTES)
    except OSError as exc:
        raise InvalidInput(f"cannot read {path}: {exc.strerror}") from None
    if raw is None:
        raise InvalidInput(
            f"{path} is larger than {MAX_BACKUP_BYTES // (1024 * 1024)} MB, more than any "
            "Coach backup; nothing was imported"
        )
    return restore(home, raw, str(path))


def restore(home: Home, raw: bytes, source: str) -> Restored:
    backup = read_backup(raw, source)
    journal = home.journal
    with journal.locked():
        mine = {e.date: e for e in journal.all_entries()}
        promise_ids = {p.id for p in journal.all_promises()}
        new_entries = [e for e in backup.entries if e.date not in mine]
        kept = [
            e.date.isoformat() for e in backup.entries if e.date in mine and mine[e.date].id != e.id
        ]
        new_promises = [p for p in backup.promises if p.id not in promise_ids]
        known_people = {r.id for r in journal.people()}
        new_people = [r for r in backup.people if r.id not in known_people]
        with home.feedback.locked():
            check_pins(home.feedback.all(), backup.comments, source)  # before anything is written

            def comments_too() -> None:  # in the same all-or-nothing change as the days
                with home.feedback.joined(journal.files.store):
                    merge_feedback(home, backup.comments, source)

            what = f"imported {one_line(source, 60)}"
            journal.write_bulk(new_entries, new_promises, what, comments_too, new_people)
    already = len(backup.entries) - len(new_entries) - len(kept)
    already += len(backup.promises) - len(new_promises)
    return Restored(len(new_entries), len(new_promises), already, kept)
