"""The journal's change history: one small file per change, newest last, so recording a change
never rewrites the history and reading the latest changes costs the same after a year as after
a day. The oldest go once there are more than KEEP.

Files live in the journal folder's ``history/`` and are written under the journal's lock, like
every other file of it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import msgspec

from journal.errors import CorruptFile
from journal.model import Change, describe, now
from journal.store.files import ShardedStore, atomic_write

KEEP = 200
"""Changes kept for undo and `coach history` (at least the last 100 are promised)."""
GROUP_WINDOW = dt.timedelta(minutes=10)
"""Saves of one field within this long of each other are one change (typing, in the app)."""
NAME_DIGITS = 10


class HistoryRepository:
    def __init__(self, store: ShardedStore, folder: Path) -> None:
        self.store = store
        self.folder = folder

    def _names(self) -> list[str]:
        """Oldest first. Names are compared as text (they are zero-padded) and made into
        paths only when read: listing 200 costs a few dozen microseconds, so the history's
        length does not show."""
        try:
            names = os.listdir(self.folder)
        except (FileNotFoundError, NotADirectoryError):
            return []  # nothing kept yet (what stands in the way is said when writing)
        except OSError as exc:
            raise CorruptFile(f"{self.folder} cannot be read: {exc.strerror}") from None
        return sorted(n for n in names if n.endswith(".json") and n[:-5].isdigit())

    def _files(self) -> list[Path]:
        return [self.folder / n for n in self._names()]

    def _read(self, path: Path) -> Change:
        try:
            return msgspec.json.decode(path.read_bytes(), type=Change)
        except OSError as exc:
            raise CorruptFile(f"{path} cannot be read: {exc.strerror}") from None
        except msgspec.ValidationError as exc:
            raise CorruptFile(describe(exc, str(path))) from None
        except msgspec.DecodeError:
            raise CorruptFile(f"{path} is not valid JSON; Coach left it untouched") from None

    def _write(self, path: Path, change: Change) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        atomic_write(path, msgspec.json.encode(change))

    def _newest_first(self) -> Iterator[tuple[Path, Change]]:
        for name in reversed(self._names()):
            path = self.folder / name
            yield path, self._read(path)

    def latest(self, count: int | None = None) -> list[Change]:
        """The most recent changes, newest first; only those files are read."""
        changes = (change for _, change in self._newest_first())
        return list(changes if count is None else itertools.islice(changes, count))

    def last_operation(self) -> tuple[Path, Change] | None:
        """The change touched last: the newest, unless it is undone; then the last one undone
        (undos go from the newest back, so it is the oldest of the newest undone run)."""
        found = None
        for path, change in self._newest_first():
            if change.undone is None:
                return found or (path, change)
            found = (path, change)
        return found

    def last_active(self) -> tuple[Path, Change] | None:
        """The newest change not yet undone: what undo reverses next."""
        return next(((p, c) for p, c in self._newest_first() if c.undone is None), None)

    # ----- changes, under the journal's lock ----------------------------------------------

    def record(self, change: Change) -> Callable[[], None]:
        """Add a change, or fold it into the last one when both belong to one group (a field
        typed into for a while is undone in one step). Returns how to take it back, for a
        change whose records could not be written after all."""
        self._require_lock()
        last = self.last_active() if change.group else None
        if last is not None:
            path, previous = last
            if previous.group == change.group and change.at - previous.at <= GROUP_WINDOW:
                merged = merge(previous, change)
                if unchanged(merged):
                    path.unlink()
                else:
                    self._write(path, merged)
                return lambda: self._write(path, previous)
        names = self._names()
        number = int(names[-1][:-5]) + 1 if names else 1
        path = self.folder / f"{number:0{NAME_DIGITS}d}.json"
        self._write(path, change)
        for old in names[: max(0, len(names) + 1 - KEEP)]:
            with contextlib.suppress(FileNotFoundError):
                (self.folder / old).unlink()
        return lambda: path.unlink(missing_ok=True)

    def mark_undone(self, path: Path, change: Change) -> Change:
        self._require_lock()
        undone = msgspec.structs.replace(change, undone=now())
        self._write(path, undone)
        return undone

    def purge(self) -> int:
        """Every change forgotten for good, deleted text included; how many there were."""
        self._require_lock()
        files = self._files()
        for path in files:
            path.unlink()
        return len(files)

    def _require_lock(self) -> None:
        if not self.store.holding():
            raise RuntimeError("the history can only be changed while the journal is locked")


def merge(first: Change, then: Change) -> Change:
    """Two changes in a row as one: the state before the first, after the second."""
    days = list(dict.fromkeys([*first.days, *then.days]))
    ids = list(dict.fromkeys([*first.promise_ids, *then.promise_ids]))
    first_days = set(first.days)
    first_ids = set(first.promise_ids)
    then_days = set(then.days)
    then_ids = set(then.promise_ids)
    return msgspec.structs.replace(
        then,
        id=first.id,
        days=days,
        promise_ids=ids,
        entries_before=[
            *first.entries_before,
            *(e for e in then.entries_before if e.date not in first_days),
        ],
        entries_after=[
            *then.entries_after,
            *(e for e in first.entries_after if e.date not in then_days),
        ],
        promises_before=[
            *first.promises_before,
            *(p for p in then.promises_before if p.id not in first_ids),
        ],
        promises_after=[
            *then.promises_after,
            *(p for p in first.promises_after if p.id not in then_ids),
        ],
    )


def unchanged(change: Change) -> bool:
    """True when the change, taken whole, leaves every record as it was."""
    before = {e.date: e for e in change.entries_before}
    after = {e.date: e for e in change.entries_after}
    promises_before = {p.id: p for p in change.promises_before}
    promises_after = {p.id: p for p in change.promises_after}
    return before == after and promises_before == promises_after
