"""Person records, all in one file (``journal/people.json``, table ``people``, keyed by the
record's id): a lifetime has a few hundred people, not a few thousand days, so one file is
small, and the people list reads it once.

It lives in the journal folder, behind the journal's lock, and changes with the days and
promises in the same all-or-nothing changes, undo history included."""

from __future__ import annotations

from collections.abc import Iterable

from journal.model import to_builtins, validate
from journal.person import PersonRecord
from journal.store.files import ShardedStore, Tables

PEOPLE = "people"
PEOPLE_FILE = f"{PEOPLE}.json"


class PeopleRepository:
    def __init__(self, store: ShardedStore) -> None:
        self.store = store
        self._cache: tuple[Tables | None, list[PersonRecord]] | None = None

    @property
    def path(self) -> str:
        return str(self.store.shard_path(PEOPLE, None))

    def all(self) -> list[PersonRecord]:
        """Every record, by name; validated once per change of the file."""
        parsed = self.store.load(PEOPLE, None)
        tables = parsed.data if parsed else None
        if self._cache is not None and self._cache[0] is tables:
            return self._cache[1]
        rows = tables.get(PEOPLE, {}) if tables else {}
        found = sorted(
            (validate(row, PersonRecord, self.path) for row in rows.values()),
            key=lambda r: r.key,
        )
        self._cache = (tables, found)
        return found

    def get(self, record_id: str) -> PersonRecord | None:
        return next((r for r in self.all() if r.id == record_id), None)

    def check(self) -> None:
        """Read and validate the file before a change writes it (a damaged one is refused)."""
        self.all()

    def apply(self, changes: dict[str, PersonRecord | None]) -> None:
        """Records put (by id) or deleted (None), in one save of the file."""
        shard = self.store.edit(PEOPLE, None)
        for record_id, record in changes.items():
            if record is None:
                shard.rows.pop(record_id, None)
            else:
                shard.rows[record_id] = to_builtins(validate(to_builtins(record), PersonRecord))
        shard.save()

    def put_many(self, records: Iterable[PersonRecord]) -> None:
        self.apply({r.id: r for r in records})
