"""Coach comments on days and weeks, in the same crash-safe storage as the journal: one file
per year (``comments-2026.json``) in a folder of their own, keyed by the comment's id.

A coach keeps the comments they write beside each client's copy of the journal; a client keeps
the comments imported from feedback bundles in their home's feedback folder.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path

from journal.model import Comment, to_builtins, validate
from journal.periods import period_start
from journal.store.crypt import Codec
from journal.store.files import ShardedStore

COMMENTS = "comments"


class CommentRepository:
    def __init__(self, folder: Path, codec: Codec | None = None) -> None:
        self.store = ShardedStore(folder, codec)

    def all(self) -> list[Comment]:
        """Oldest first by the day or week they are about."""
        found = [
            validate(row, Comment, str(self.store.shard_path(COMMENTS, year)))
            for year in self.store.years(COMMENTS)
            for row in self.store.rows(COMMENTS, year).values()
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

    def joined(self, change: ShardedStore) -> contextlib.AbstractContextManager[None]:
        """Merges made inside are written with the change ``change`` is making."""
        return self.store.joined(change)

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """For a check that must hold until the write it guards (pins on a coach's name)."""
        with self.store.locked():
            yield

    def merge(self, comments: Iterable[Comment]) -> tuple[int, int]:
        """Add new comments and replace changed ones, matched by id: (added, updated)."""
        by_year: dict[int, list[Comment]] = {}
        for c in comments:
            by_year.setdefault(c.date.year, []).append(c)
        added = updated = 0
        with self.store.locked(), self.store.all_or_nothing():
            for year, batch in sorted(by_year.items()):
                shard = self.store.edit(COMMENTS, year)
                before = added + updated
                for c in batch:
                    row = to_builtins(validate(to_builtins(c), Comment))
                    if c.id not in shard.rows:
                        added += 1
                    elif shard.rows[c.id] != row:
                        updated += 1
                    else:
                        continue
                    shard.rows[c.id] = row
                if added + updated > before:
                    shard.save()
        return added, updated
