"""What every kind of record kept in one file per year shares: listing the years, reading and
validating a year once per change of its file, and checking years before a change."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Generic, TypeVar

import msgspec

from journal.model import validate
from journal.store.files import ShardedStore, Tables

R = TypeVar("R")
PEEKED: Any = object()
"""Stands for the parse of records validated outside the lock: no parse is ``is`` it."""


class YearlyRecords(Generic[R]):
    def __init__(
        self, store: ShardedStore, kind: str, record: type[R], order: Callable[[R], Any]
    ) -> None:
        self.store = store
        self.kind = kind
        self.record = record
        self.order = order
        self._years: dict[int, tuple[Tables | None, list[R], dict[str, tuple[object, R]]]] = {}
        """Per year: the parse the records came from, the records in order, and each stored
        row (the object) with the record validated from it."""
        # A year's file as the records it holds: read in one pass, no row built as a dict.
        shape = msgspec.defstruct(
            f"{kind.title()}File",
            [(kind, dict[str, record], {}), ("meta", dict[str, Any], {})],  # type: ignore[valid-type]
            forbid_unknown_fields=True,
        )
        self._decoder: msgspec.json.Decoder[Any] = msgspec.json.Decoder(shape)

    def where(self, year: int) -> str:
        """The file a year's records live in, for messages that name it."""
        return str(self.store.shard_path(self.kind, year))

    def years(self) -> list[int]:
        """Years that have a file, oldest first."""
        return self.store.years(self.kind)

    def year(self, year: int) -> list[R]:
        """One year's records in order, converted once per change of the file, so a reader
        in one process sees what another saved and ten years are parsed once per process.
        Outside the lock the file is read straight into records (ShardedStore.peek)."""
        if not self.store.holding():
            return self.store.peek(
                self.kind, year, self._decoder, lambda rows: self._records(rows, year)
            )
        parsed = self.store.load(self.kind, year)
        tables = parsed.data if parsed else None
        hit = self._years.get(year)
        if hit and hit[0] is tables:  # the same parse: nothing on disk changed
            return hit[1]
        rows = tables.get(self.kind, {}) if tables else {}
        known = self._validated(rows, year)
        records = sorted((record for _, record in known.values()), key=self.order)
        self._years[year] = (tables, records, known)
        return records

    def _validated(self, rows: dict[str, Any], year: int) -> dict[str, tuple[object, R]]:
        """Each row with its record. A change copies a year's table and replaces whole rows,
        never editing one in place: a row that is the very object validated before is that
        record still, so after a save only the rows it changed are validated again."""
        hit = self._years.get(year)
        before = hit[2] if hit else {}
        where = self.where(year)
        known: dict[str, tuple[object, R]] = {}
        for key, row in rows.items():
            seen = before.get(key)
            if seen is not None and seen[0] is row:
                known[key] = seen
            else:
                known[key] = (row, validate(row, self.record, where))
        return known

    def _records(self, rows: dict[str, Any], year: int) -> list[R]:
        """A year's rows read as records, or its stored rows (dicts) validated, in order;
        validated rows are remembered for the next parse of the same rows."""
        if all(isinstance(row, self.record) for row in rows.values()):
            return sorted(rows.values(), key=self.order)  # read straight into records
        known = self._validated(rows, year)
        records = sorted((record for _, record in known.values()), key=self.order)
        self._years[year] = (PEEKED, records, known)
        return records

    def all(self) -> list[R]:
        return [r for y in self.years() for r in self.year(y)]

    def check(self, years: Iterable[int]) -> None:
        """Read and validate these years' files: a damaged one refuses a change before any file
        is written, instead of being rewritten."""
        for year in set(years):
            self.year(year)
