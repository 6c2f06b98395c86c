"""Which days a search finds: what the journal screen's filters and `coach list` ask."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import msgspec

from journal.model import STAR, Entry, Promise
from journal.person import label_key, person_key


class Search(msgspec.Struct, frozen=True, kw_only=True):
    start: dt.date | None = None
    end: dt.date | None = None
    tags: tuple[str, ...] = ()
    """Every one of these; ``star`` finds every starred day, however it was starred."""
    contains: str | None = None
    """Any of the day's words, the names in it, its tags, or the words and names of the
    promises made that day, in any case."""
    include_private: bool = True
    people: tuple[frozenset[str], ...] = ()
    """Each of these people (the name keys of one person, aliases included) is named that
    day: in whom the intent served, an ask, or a promise made that day."""

    def covers_year(self, year: int) -> bool:
        return not ((self.start and year < self.start.year) or (self.end and year > self.end.year))

    def matches(self, entry: Entry, promised: Sequence[Promise] = ()) -> bool:
        """``promised``: the promises made that day, searched with it."""
        if (self.start and entry.date < self.start) or (self.end and entry.date > self.end):
            return False
        if not all(entry.starred if t == STAR else t in entry.tags for t in self.tags):
            return False
        if not self.include_private and entry.private:
            return False
        if self.people and not self.names_all(entry, promised):
            return False
        if self.contains:
            needle = self.contains.casefold()
            texts = [*searchable(entry), *(t for p in promised for t in (p.text, p.to, p.note))]
            return any(needle in text.casefold() for text in texts if text)
        return True

    def names_all(self, entry: Entry, promised: Sequence[Promise]) -> bool:
        named = {person_key(h.person) for h in entry.help}
        named |= {person_key(p.to) for p in promised if p.to}
        serves = entry.intent_for
        if serves and serves.name and serves.kind in ("person", "team"):
            named.add(label_key("team" if serves.kind == "team" else "person", serves.name))
        return all(keys & named for keys in self.people)


def searchable(entry: Entry) -> list[str]:
    extra = [entry.intent_for.name] if entry.intent_for else []
    return [*entry.texts(), *(h.person for h in entry.help), *entry.tags, *extra]
