"""People in a share: which records travel, and names turned into initials.

A share holds people only when the client asks (`coach share --people`), and then only the
records of people named on the days being shared: someone named only on a private day stays
unknown to the coach. With ``--initials`` every name the journal knows is replaced by its
initials wherever it appears, in the client's words too, so a coach can follow a relationship
without learning who it is with. Matching is by the spellings the journal holds (and a
person's first name written on its own); a nickname the journal never used as a name is not
recognised, which is why the dry run shows the count of names replaced.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import msgspec

from journal.model import Entry, HelpAsk, Promise
from journal.people.directory import PeopleIndex, collect
from journal.person import (
    TEAM_PREFIX,
    PersonRecord,
    ScriptLine,
    label,
    parse_name,
    person_key,
    record_id,
)


def shared_people(
    records: Sequence[PersonRecord], entries: Sequence[Entry], promises: Sequence[Promise]
) -> list[PersonRecord]:
    """The records of the people the shared days and promises name (private ones are already
    out of both), in the order they are kept."""
    index = PeopleIndex(records)
    wanted = set()
    for named in collect(entries, promises):
        record = index.get(label(named.kind, named.name))
        if record is not None:
            wanted.add(record.id)
    return [r for r in records if r.id in wanted]


def initials_of(name: str) -> str:
    """``Noor Haddad`` → ``N.H.``; a team keeps its prefix (``team:P.``)."""
    kind, bare = parse_name(name)
    letters = [w[0].upper() for w in re.findall(r"\w+", bare)] or ["?"]
    return label(kind, "".join(f"{c}." for c in letters[:4]))


@dataclass(frozen=True)
class Initials:
    """Every name one journal uses, mapped to initials that stay distinct (a second N.H.
    becomes N.H.2), and a replacer for free text built once."""

    by_key: dict[str, str]
    """A name's identity (person_key) → the initials that stand for that person."""
    pattern: re.Pattern[str] | None
    words: dict[str, str]
    """A spelling as it may appear in text (folded to lower case) → initials."""

    @classmethod
    def build(
        cls,
        records: Sequence[PersonRecord],
        entries: Sequence[Entry],
        promises: Sequence[Promise],
    ) -> Initials:
        index = PeopleIndex(records)
        # identity of the person (record id, or the name's own key) -> spellings
        spellings: dict[str, list[str]] = {}
        keys: dict[str, list[str]] = {}
        for r in records:
            ident = r.id
            for written in (r.label, *r.aliases):
                spellings.setdefault(ident, []).append(written)
                keys.setdefault(ident, []).append(person_key(written))
        for named in collect(entries, promises):
            record = index.get(label(named.kind, named.name))
            ident = record.id if record is not None else named.key
            for written in named.spellings:
                spellings.setdefault(ident, []).append(written)
                keys.setdefault(ident, []).append(person_key(written))
        by_key: dict[str, str] = {}
        words: dict[str, str] = {}
        used: dict[str, int] = {}
        first_names: dict[str, set[str]] = {}
        recorded = {r.id for r in records}
        # People with a record choose first, so the ones the client follows most closely
        # keep the plain initials; the rest in name order, so the same journal always agrees.
        for ident in sorted(spellings, key=lambda i: (i not in recorded, min(keys[i]))):
            main = spellings[ident][0]
            short = initials_of(main)
            used[short] = used.get(short, 0) + 1
            if used[short] > 1:
                short = f"{short}{used[short]}"
            for key in keys[ident]:
                by_key.setdefault(key, short)
            for written in spellings[ident]:
                bare = parse_name(written)[1]
                for form in (written, bare):
                    if len(form.strip()) > 1:
                        words.setdefault(form.strip().lower(), short)
                first = bare.split()[0] if bare.split() else ""
                if len(first) > 1 and first != bare:
                    first_names.setdefault(first.lower(), set()).add(short)
        for first, owners in first_names.items():
            if len(owners) == 1:  # a first name two people share stays ambiguous: both go
                words.setdefault(first, next(iter(owners)))
            else:
                words.setdefault(first, "?.")
        ordered = sorted(words, key=len, reverse=True)
        pattern = (
            re.compile(r"(?<!\w)(" + "|".join(re.escape(w) for w in ordered) + r")(?!\w)", re.I)
            if ordered
            else None
        )
        return cls(by_key, pattern, words)

    def name(self, written: str) -> str:
        if not written:
            return written
        return self.by_key.get(person_key(written)) or initials_of(written)

    def text(self, words: str) -> str:
        if not words or self.pattern is None:
            return words
        return self.pattern.sub(lambda m: self.words.get(m.group(0).lower(), "?."), words)

    # ----- records -----------------------------------------------------------------------

    def entry(self, e: Entry) -> Entry:
        serves = e.intent_for
        if serves is not None and serves.name:
            written = f"{TEAM_PREFIX}{serves.name}" if serves.kind == "team" else serves.name
            serves = msgspec.structs.replace(serves, name=parse_name(self.name(written))[1])
        return msgspec.structs.replace(
            e,
            intent=self.text(e.intent),
            intent_for=serves,
            help=[self._ask(h) for h in e.help],
            self_focus=self.text(e.self_focus),
            reflection=self.text(e.reflection),
            notes={k: self.text(v) for k, v in e.notes.items()},
        )

    def _ask(self, h: HelpAsk) -> HelpAsk:
        return msgspec.structs.replace(h, person=self.name(h.person), request=self.text(h.request))

    def promise(self, p: Promise) -> Promise:
        return msgspec.structs.replace(
            p, to=self.name(p.to), text=self.text(p.text), note=self.text(p.note)
        )

    def record(self, r: PersonRecord) -> PersonRecord:
        """Its name becomes initials, its aliases go (they are only other ways to say the
        name) and its id is made again from the initials: an id made from a real name could
        be guessed back by trying names."""
        kind, short = parse_name(self.name(r.label))
        return msgspec.structs.replace(
            r,
            id=record_id(person_key(label(kind, short))),
            name=short,
            kind=kind,
            aliases=[],
            notes=self.text(r.notes),
            levels=[msgspec.structs.replace(c, note=self.text(c.note)) for c in r.levels],
            stages=[msgspec.structs.replace(c, note=self.text(c.note)) for c in r.stages],
            script=[self._line(s) for s in r.script],
            reviews=[msgspec.structs.replace(v, note=self.text(v.note)) for v in r.reviews],
        )

    def _line(self, line: ScriptLine) -> ScriptLine:
        return msgspec.structs.replace(line, text=self.text(line.text))
