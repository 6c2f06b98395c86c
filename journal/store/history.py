"""The journal's change history: one small file per change, newest last, so recording a change
never rewrites the history and reading the latest changes costs the same after a year as after
a day. The oldest go once there are more than KEEP.

Files live in the journal folder's ``history/`` and are written under the journal's lock, in
the same all-or-nothing change as the records they describe: a change is in the history exactly
when it is in the journal.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import msgspec

from journal.change import Change
from journal.errors import CorruptFile
from journal.model import Entry, Promise, now, to_builtins
from journal.person import PersonRecord
from journal.store.disk import atomic_write, decode_json, make_folder, read_file, remove
from journal.store.files import ShardedStore

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

    def any(self) -> bool:
        """Whether any change is kept (seen from the names alone, so a damaged file does not
        stand in the way of purging it)."""
        return bool(self._names())

    def _next_path(self, names: list[str]) -> Path:
        number = int(names[-1][:-5]) + 1 if names else 1
        return self.folder / f"{number:0{NAME_DIGITS}d}.json"

    def _files(self) -> list[Path]:
        return [self.folder / n for n in self._names()]

    def _read(self, path: Path) -> Change:
        raw = read_file(path)
        if raw is None:
            raise FileNotFoundError(path)
        return decode_json(path, self.store.codec.decode(raw, path), Change)

    def _write(self, path: Path, change: Change) -> None:
        make_folder(self.folder)
        self._put(path, self.store.codec.encode(msgspec.json.encode(change)))

    def _put(self, path: Path, data: bytes | None) -> None:
        """With the change being made to the journal when there is one (always, but for a
        purge), else at once."""
        if self.store.changing_now():
            self.store.stage(path, data, record=True)
        elif data is None:
            remove(path)
        else:
            atomic_write(path, data)

    def _newest_first(self) -> Iterator[tuple[Path, Change]]:
        for name in reversed(self._names()):
            path = self.folder / name
            try:
                yield path, self._read(path)
            except FileNotFoundError:
                continue  # pruned or purged by another process while this one was reading

    def latest(self, count: int | None = None) -> list[Change]:
        """The most recent changes, newest first; only those files are read."""
        self.store.settled()  # a change cut short is finished first, its record with it
        changes = (change for _, change in self._newest_first())
        return list(changes if count is None else itertools.islice(changes, count))

    def last_operation(self) -> tuple[Path, Change] | None:
        """The change touched last, made or undone: of the newest run of undone changes and
        the newest change still in effect below them, the one with the latest time."""
        candidates = []
        for path, change in self._newest_first():
            candidates.append((path, change))
            if change.undone is None:
                break
        return max(candidates, key=lambda pc: pc[1].undone or pc[1].at, default=None)

    def put_back(self, mark: Path) -> Change:
        """The change the mark of one cut short holds (journal/store/change_mark.py), its
        record put in place from it should the crash have come before that: the mark is
        linked before the record is renamed. Under the lock."""
        raw = read_file(mark)
        change = self._read(mark)
        same = (p for p, c in self._newest_first() if c.id == change.id)
        path = next(same, None) or self._next_path(self._names())
        if read_file(path) != raw and raw is not None:
            make_folder(self.folder)
            atomic_write(path, raw)
        return change

    def last_active(self) -> tuple[Path, Change] | None:
        """The newest change not yet undone: what undo reverses next."""
        return next(((p, c) for p, c in self._newest_first() if c.undone is None), None)

    # ----- changes, under the journal's lock ----------------------------------------------

    def record(self, change: Change) -> Path | None:
        """Add a change, or fold it into the last one when both belong to one group (a field
        typed into for a while is undone in one step); the file that records it, or None when
        folding left nothing to undo."""
        self._require_lock()
        newest = next(self._newest_first(), None) if change.group else None
        if newest is not None:
            path, previous = newest
            if (
                previous.undone is None
                and previous.group == change.group
                and change.at - previous.at <= GROUP_WINDOW
            ):
                merged = merge(previous, change)
                if unchanged(merged):
                    self._put(path, None)
                    return None
                self._write(path, merged)
                return path
        names = self._names()
        path = self._next_path(names)
        self._write(path, change)
        for old in names[: max(0, len(names) + 1 - KEEP)]:
            self._put(self.folder / old, None)
        return path

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
            remove(path)
        with contextlib.suppress(FileNotFoundError):
            for stray in self.folder.iterdir():  # half-written ones a crash left
                remove(stray)
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
        entries_prior=then.entries_before,
        promises_prior=then.promises_before,
        person_ids=list(dict.fromkeys([*first.person_ids, *then.person_ids])),
        people_before=[
            *first.people_before,
            *(r for r in then.people_before if r.id not in set(first.person_ids)),
        ],
        people_after=[
            *then.people_after,
            *(r for r in first.people_after if r.id not in set(then.person_ids)),
        ],
        people_prior=then.people_before,
    )


def unchanged(change: Change) -> bool:
    """True when the change, taken whole, leaves every record as it was (the time of the
    last save apart): text typed and then erased is no change."""

    def plain(records: list[Entry] | list[Promise] | list[PersonRecord]) -> dict[str, object]:
        return {r.id: {**to_builtins(r), "updated": None} for r in records}

    return (
        plain(change.entries_before) == plain(change.entries_after)
        and plain(change.promises_before) == plain(change.promises_after)
        and plain(change.people_before) == plain(change.people_after)
    )
