"""What a year of promises holds, found without building one promise: the few fields that
say whether a read needs the year at all.

Open promises carry forward from any year, so the evening's follow-up and every report would
otherwise parse thirty years of settled ones to find the handful still open. A year's heads
are read with a decoder that skips every other field, and summed up once per change of its
file: the years still open, and the span of days its promises were made and settled in.
"""

from __future__ import annotations

import contextlib
import threading
import time
from operator import attrgetter
from pathlib import Path
from typing import Any

import msgspec

from journal.errors import CorruptFile
from journal.model import RESOLUTIONS
from journal.store.disk import atomic_write, read_file
from journal.store.files import StatKey


class PromiseHead(msgspec.Struct, frozen=True, gc=False):
    """The fields of a stored promise that say whether a read needs it. Thousands are made
    at once and dropped: kept out of the garbage collector's sight, they never set off a
    full collection over everything the app has loaded."""

    made_on: Any = msgspec.UNSET
    status: Any = msgspec.UNSET
    resolved_on: Any = msgspec.UNSET

    def get(self, key: str, default: Any = None) -> Any:
        """As a stored row's ``get``: a field the file did not hold gives ``default``."""
        value = getattr(self, key, msgspec.UNSET)
        return default if value is msgspec.UNSET else value


class PromiseHeads(msgspec.Struct):
    """A year's file as the heads decoder reads it."""

    promises: dict[str, PromiseHead] = {}
    meta: dict[str, Any] = {}


HEADS = msgspec.json.Decoder(PromiseHeads)
FIELDS = tuple(PromiseHead.__struct_fields__)


class YearHeads(msgspec.Struct, frozen=True, gc=False):
    """One year's promises summed up. Stored dates are ISO strings, which compare in date
    order; a row whose status is no outcome (open, or damaged) counts as unsettled, so a read
    that wants open promises reaches it and refuses it rather than hiding it."""

    unsettled: tuple[str, ...]
    """The day each unsettled promise was made, as the row holds it ("" if it holds none)."""
    made: tuple[str, str] | None
    """The first and last day a promise was made."""
    settled: tuple[str, str] | None
    """The first and last day a promise was settled."""

    def unsettled_by(self, last: str) -> bool:
        return any(made <= last for made in self.unsettled)

    def made_within(self, first: str, last: str) -> bool:
        return self.made is not None and self.made[0] <= last and first <= self.made[1]

    def settled_within(self, first: str, last: str) -> bool:
        return self.settled is not None and self.settled[0] <= last and first <= self.settled[1]


def summarise(rows: dict[str, Any]) -> YearHeads:
    """``rows``: heads, or whole stored rows (each a dict) when the file is already parsed.
    Thirty years hold ten thousand promises, so the common case (every status an outcome,
    every date a string) runs in C: sets, ``min`` and ``max``; anything odd takes the slow way."""
    heads = list(rows.values())
    if heads and not isinstance(heads[0], PromiseHead):  # stored rows, all of them dicts
        heads = [PromiseHead(**{k: r[k] for k in FIELDS if k in r}) for r in heads]
    statuses = list(map(_STATUS, heads))
    try:
        settled_only = set(statuses) <= OUTCOMES
    except TypeError:  # a status that is not even a string: unsettled, and refused when read
        settled_only = False
    unsettled = (
        ()
        if settled_only
        else tuple(str(h.get("made_on", "")) for h in heads if h.status not in RESOLUTIONS)
    )
    return YearHeads(unsettled, _span(list(map(_MADE, heads))), _span(list(map(_SETTLED, heads))))


def _span(days: list[Any]) -> tuple[str, str] | None:
    """First and last of the ISO dates among ``days`` (other values are not dates)."""
    # Open promises have no settling day, and a damaged row may hold anything.
    with contextlib.suppress(TypeError, ValueError):
        first, last = min(days), max(days)
        if type(first) is str and type(last) is str:
            return first, last
    dates = [d for d in days if type(d) is str]
    return (min(dates), max(dates)) if dates else None


OUTCOMES = frozenset(RESOLUTIONS)
_STATUS = attrgetter("status")
_MADE = attrgetter("made_on")
_SETTLED = attrgetter("resolved_on")


KEPT_FILE = ".promise-heads"
RACY_NS = 3_000_000_000
"""A file changed this recently may change again with the same size and times on a file
system with coarse times; its heads are not kept until it is older (git's racy-clean rule)."""


class KeptFile(msgspec.Struct, array_like=True):
    version: int
    years: dict[int, tuple[StatKey, YearHeads]]


KEPT_VERSION = 1


class KeptHeads:
    """Each year's heads kept on disk between runs, beside the files (``.promise-heads``), so
    the evening's first screen and every report of a 30-year journal stat thirty files
    instead of reading them. Each is trusted only while its file's stat (inode, size, times)
    is the one it was read at, like every read outside the lock; anything unreadable is
    simply read again. Dates only, no words: still, an encrypted journal keeps none
    (journal/app/encryption.py removes it)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._years: dict[int, tuple[StatKey, YearHeads]] | None = None
        self._changed = False
        self._lock = threading.Lock()

    def get(self, year: int, key: StatKey) -> YearHeads | None:
        kept = self._loaded().get(year)
        return kept[1] if kept is not None and kept[0] == key else None

    def put(self, year: int, key: StatKey, heads: YearHeads) -> None:
        if time.time_ns() - max(key[2], key[3]) < RACY_NS:
            return  # changed (or copied with its old times) a moment ago
        with self._lock:
            years = self._loaded()
            if years.get(year) != (key, heads):
                years[year] = (key, heads)
                self._changed = True

    def save(self) -> None:
        """Written when anything new was read, off the first screen's path (the app's
        warm-up); a write that fails is no loss, the heads are read again next time."""
        with self._lock:
            if not self._changed:
                return
            data = msgspec.msgpack.encode(KeptFile(KEPT_VERSION, dict(self._loaded())))
            self._changed = False
        with contextlib.suppress(OSError):
            atomic_write(self.path, data, sync_folder=False)

    def _loaded(self) -> dict[int, tuple[StatKey, YearHeads]]:
        if self._years is None:
            self._years = {}
            with contextlib.suppress(OSError, CorruptFile, msgspec.DecodeError):
                raw = read_file(self.path)
                kept = msgspec.msgpack.decode(raw or b"", type=KeptFile) if raw else None
                if kept is not None and kept.version == KEPT_VERSION:
                    self._years = kept.years
        return self._years
