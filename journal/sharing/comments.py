"""Coach comments on days and weeks, in the same crash-safe storage as the journal: one
TinyDB file per year (``comments-2026.json``) in a folder of their own.

The coach keeps the comments they write beside each client's copy of the journal; a client
keeps the comments imported from feedback bundles in ``<home>/feedback``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from journal.errors import InvalidInput
from journal.model import new_id, now, to_builtins, validate
from journal.periods import period_start
from journal.sharing.records import Comment, CommentOn
from journal.storage import ShardedStore

COMMENTS = "comments"
MAX_COMMENT = 4000
"""Also the limit on comments arriving in a feedback bundle (journal/sharing/records.py)."""


class CommentStore:
    def __init__(self, root: Path) -> None:
        self.store = ShardedStore(root)

    def all(self) -> list[Comment]:
        """Oldest first by the day or week they are about."""
        found = [
            validate(row, Comment, str(self.store.shard_path(COMMENTS, year)))
            for year in self.store.years(COMMENTS)
            for row in self.store.table(COMMENTS, year).values()
        ]
        return sorted(found, key=lambda c: (c.date, c.created))

    def about(self, day: dt.date) -> list[Comment]:
        """What was said about this day, and about the week it falls in."""
        week = period_start(day, "week")
        return [
            c
            for c in self.all()
            if (c.on == "day" and c.date == day) or (c.on == "week" and c.date == week)
        ]

    def add(self, on: CommentOn, day: dt.date, text: str, author: str, author_key: str) -> Comment:
        text = text.strip()
        if not text:
            raise InvalidInput("a comment needs some text")
        if len(text) > MAX_COMMENT:
            raise InvalidInput(f"a comment holds at most {MAX_COMMENT} characters")
        date = period_start(day, "week") if on == "week" else day
        stamp = now()
        comment = Comment(
            id=new_id(),
            on=on,
            date=date,
            text=text,
            author=author,
            author_key=author_key,
            created=stamp,
            updated=stamp,
        )
        self.merge([comment])
        return comment

    def merge(self, comments: Iterable[Comment]) -> tuple[int, int]:
        """Add new comments and replace changed ones, matched by id: (added, updated)."""
        by_year: dict[int, list[Comment]] = {}
        for c in comments:
            by_year.setdefault(c.date.year, []).append(c)
        added = updated = 0
        with self.store.locked():
            for year, batch in sorted(by_year.items()):
                db = self.store.db(COMMENTS, year)
                tables = db.storage.read() or {}
                rows = tables.setdefault(COMMENTS, {})
                before = added + updated
                for c in batch:
                    row = to_builtins(c)
                    if c.id not in rows:
                        added += 1
                    elif rows[c.id] != row:
                        updated += 1
                    else:
                        continue
                    rows[c.id] = row
                if added + updated > before:
                    db.storage.write(tables)
        return added, updated
