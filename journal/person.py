"""The person record: what a person records about a relationship, dated, with its history.

Everything Coach can work out from the journal (contact, asks, promises) is derived, never
stored here; what is stored is the person's own judgement, which Coach never sets: the level
on the service pyramid, the stage on the road to loyalty, the other person's script, the
reviews of the relationship, and how often to reconnect. Each change is kept with the day it
applies to and the moment it was recorded, so movement up and down shows over time and
merging two records never loses either side's history.

Edits are pure: each returns a new record, and storage decides when it is written. (This sits
beside journal/model.py, below storage, so storage can validate what it keeps; what Coach
works out per person from the journal is journal/people's.)
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Sequence
from typing import Annotated, Literal, Protocol, TypeVar

import msgspec

from journal.errors import InvalidInput
from journal.model import Id, Record, Short, Stamp, Text
from journal.text import identity_key, one_line

# ----- names -----------------------------------------------------------------------------

PersonKind = Literal["person", "team"]
PERSON_KINDS: tuple[PersonKind, ...] = ("person", "team")
TEAM_PREFIX = "team:"


def person_key(name: str) -> str:
    """The identity of a name as typed anywhere: ``"team:platform"`` for a team, ``"ana"`` for
    a person; empty when nothing visible is left (then it names nobody). The prefix is read
    after folding, so a full-width ``ｔｅａｍ：`` is a team too, and ``team: Platform`` with a
    space is the same team as ``team:Platform``."""
    key = identity_key(name)
    if key.startswith(TEAM_PREFIX):
        rest = key[len(TEAM_PREFIX) :].strip()
        return f"{TEAM_PREFIX}{rest}" if rest else ""
    return key


def parse_name(text: str) -> tuple[PersonKind, str]:
    """A typed name split into its kind and the name itself (``team:Platform`` → team,
    ``Platform``), folded to one clean line: control and bidi characters never reach a
    record, while the spelling a person chose is kept."""
    flat = one_line(text)
    if person_key(flat).startswith(TEAM_PREFIX):
        for i, c in enumerate(flat):
            # The first character that folds to a colon ends the prefix, whichever form it is.
            if ":" in unicodedata.normalize("NFKD", c):
                return "team", flat[i + 1 :].strip()
    return "person", flat


def label(kind: PersonKind, name: str) -> str:
    """A name as it would be typed again: teams keep their prefix, so the label alone says
    which record it means (aliases are stored this way)."""
    return f"{TEAM_PREFIX}{name}" if kind == "team" else name


def label_key(kind: PersonKind, name: str) -> str:
    """The identity key of a record's own name, given its kind."""
    return person_key(label(kind, name))


def distinct_names(names: list[str], exclude: set[str]) -> list[str]:
    """Names with one spelling per identity (the first given), leaving out those whose key is
    in ``exclude`` and those naming nobody: an alias that maps where the name already maps
    would only be noise."""
    seen = set(exclude)
    out = []
    for name in names:
        key = person_key(name)
        if key and key not in seen:
            seen.add(key)
            out.append(one_line(name))
    return out


# ----- the record ---------------------------------------------------------------------------

Level = Literal["vendor", "problem_solver", "consultant", "partner", "trusted_advisor"]
LEVELS: tuple[Level, ...] = ("vendor", "problem_solver", "consultant", "partner", "trusted_advisor")
"""The service pyramid, lowest first: the order says which way a change moved."""
Stage = Literal["fringe", "friend", "familiar", "faithful", "forever"]
STAGES: tuple[Stage, ...] = ("fringe", "friend", "familiar", "faithful", "forever")
"""The road to loyalty, in the order it is travelled."""
ScriptPart = Literal["matters", "next", "bad", "why"]
SCRIPT_PARTS: tuple[ScriptPart, ...] = ("matters", "next", "bad", "why")
"""Their script: what matters to them, what they want next, what a bad outcome would be, why."""
Decision = Literal["grow", "change", "end"]
DECISIONS: tuple[Decision, ...] = ("grow", "change", "end")
"""What a review decides: grow the relationship as it is, change it, or end it."""
MAX_CADENCE_DAYS = 3660
Cadence = Annotated[int, msgspec.Meta(ge=1, le=MAX_CADENCE_DAYS)]
"""Days between contacts; ten years at most, since anything longer is a typo."""
Name = Annotated[str, msgspec.Meta(min_length=1, max_length=500)]
Alias = Annotated[str, msgspec.Meta(min_length=1, max_length=520)]
"""A name as typed, so a team's keeps its ``team:`` prefix on top of the 500 of a name."""
PEOPLE_NAMESPACE = "5b0c3f3e-6a4f-4c55-9c1e-0e5a1c0ac0a1"
"""Record ids are uuid5 of the name in this namespace (uuid is imported only when one is
made: it costs a few milliseconds of every start otherwise)."""


class LevelChange(Record):
    """The level from ``on``; ``at`` orders two changes dated the same day."""

    on: dt.date
    at: Stamp
    level: Level
    note: Short = ""


class StageChange(Record):
    """The loyalty stage from ``on``."""

    on: dt.date
    at: Stamp
    stage: Stage
    note: Short = ""


class ScriptLine(Record):
    """One part of their script as it read from ``on``; empty text clears the part."""

    on: dt.date
    at: Stamp
    part: ScriptPart
    text: Text


class Review(Record):
    """One turn of the relationship cycle's review: the decision, why, and when to look again."""

    on: dt.date
    at: Stamp
    decision: Decision
    note: Text = ""
    next: dt.date | None = None


class PersonRecord(Record):
    """One person or team. ``aliases`` are other names (as typed, ``team:`` kept) that map
    here: each has an identity of its own, distinct from the name's, since spellings that
    only differ in case, spacing or look-alike letters map here anyway."""

    id: Id
    name: Name
    created: Stamp
    updated: Stamp
    kind: PersonKind = "person"
    aliases: list[Alias] = msgspec.field(default_factory=list)
    notes: Text = ""
    levels: list[LevelChange] = msgspec.field(default_factory=list)
    stages: list[StageChange] = msgspec.field(default_factory=list)
    script: list[ScriptLine] = msgspec.field(default_factory=list)
    reviews: list[Review] = msgspec.field(default_factory=list)
    cadence: Cadence | None = None
    """Reconnect every this many days; None is off (never due)."""

    @property
    def label(self) -> str:
        return label(self.kind, self.name)

    @property
    def key(self) -> str:
        return label_key(self.kind, self.name)

    @property
    def level(self) -> Level | None:
        return self.levels[-1].level if self.levels else None

    @property
    def stage(self) -> Stage | None:
        return self.stages[-1].stage if self.stages else None

    @property
    def last_review(self) -> Review | None:
        return self.reviews[-1] if self.reviews else None


def record_id(key: str) -> str:
    """The id of an automatic record, drawn from its name's identity: building the people of
    a journal twice, before either is saved, gives the same ids."""
    import uuid

    return uuid.uuid5(uuid.UUID(PEOPLE_NAMESPACE), key).hex


def checked_name(text: str) -> tuple[PersonKind, str]:
    """A typed name that names someone, or one line saying why not."""
    kind, name = parse_name(text)
    if not person_key(label(kind, name)):
        raise InvalidInput("a name needs at least one visible letter or digit")
    if len(name) > 500:
        raise InvalidInput("a name can be at most 500 characters")
    return kind, name


def new_record(
    name: str, at: dt.datetime, *, kind: PersonKind | None = None, id: str | None = None
) -> PersonRecord:
    """A record with no history yet; a ``team:`` name makes a team whatever ``kind`` says."""
    parsed, clean = checked_name(name)
    kind = "team" if parsed == "team" else kind or "person"
    return PersonRecord(
        id=id or record_id(label_key(kind, clean)),
        name=clean,
        kind=kind,
        created=at,
        updated=at,
    )


def rename(record: PersonRecord, new_name: str, at: dt.datetime) -> PersonRecord:
    """The old name becomes an alias, so everything written under it still counts here. A
    ``team:`` prefix makes the record a team; without one the kind stays."""
    parsed, name = checked_name(new_name)
    kind = "team" if parsed == "team" else record.kind
    key = label_key(kind, name)
    aliases = distinct_names([record.label, *record.aliases], {key})
    return msgspec.structs.replace(record, name=name, kind=kind, aliases=aliases, updated=at)


def merge(keep: PersonRecord, other: PersonRecord, at: dt.datetime) -> PersonRecord:
    """``other`` joins ``keep``: its name and aliases become aliases, each history interleaves
    by date, notes are joined and a cadence is kept if either had one. ``other``'s record is
    then the caller's to delete."""
    if keep.id == other.id:
        raise InvalidInput(f"{keep.label} cannot be merged with itself")
    notes = "\n\n".join(n for n in dict.fromkeys((keep.notes.strip(), other.notes.strip())) if n)
    return msgspec.structs.replace(
        keep,
        aliases=distinct_names([*keep.aliases, other.label, *other.aliases], {keep.key}),
        notes=notes,
        levels=in_order([*keep.levels, *other.levels]),
        stages=in_order([*keep.stages, *other.stages]),
        script=in_order([*keep.script, *other.script]),
        reviews=in_order([*keep.reviews, *other.reviews]),
        cadence=keep.cadence if keep.cadence is not None else other.cadence,
        created=min(keep.created, other.created),
        updated=at,
    )


class Dated(Protocol):
    @property
    def on(self) -> dt.date: ...

    @property
    def at(self) -> dt.datetime: ...


D = TypeVar("D", bound=Dated)


def in_order(items: Sequence[D]) -> list[D]:
    """History oldest first: by the day it applies to, then by when it was recorded, so a
    change backdated to last month files before today's and the last item is the current."""
    return sorted(items, key=lambda item: (item.on, item.at))


def in_force(items: Sequence[D], on: dt.date) -> D | None:
    """The item of an ordered history in force on ``on``."""
    found = None
    for item in items:
        if item.on > on:
            break
        found = item
    return found


def set_level(
    record: PersonRecord, level: Level, on: dt.date, at: dt.datetime, note: str = ""
) -> PersonRecord:
    """Record a level from ``on``; the same level as the one already in force is no change."""
    current = in_force(record.levels, on)
    if current is not None and current.level == level:
        return record
    change = LevelChange(on=on, at=at, level=level, note=note.strip())
    return msgspec.structs.replace(record, levels=in_order([*record.levels, change]), updated=at)


def set_stage(
    record: PersonRecord, stage: Stage, on: dt.date, at: dt.datetime, note: str = ""
) -> PersonRecord:
    """Record a loyalty stage from ``on``, as set_level does for levels."""
    current = in_force(record.stages, on)
    if current is not None and current.stage == stage:
        return record
    change = StageChange(on=on, at=at, stage=stage, note=note.strip())
    return msgspec.structs.replace(record, stages=in_order([*record.stages, change]), updated=at)


def current_script(record: PersonRecord) -> dict[ScriptPart, ScriptLine]:
    """Each part of their script as it reads now; a cleared part is absent."""
    latest: dict[ScriptPart, ScriptLine] = {}
    for line in record.script:
        latest[line.part] = line
    return {part: line for part, line in latest.items() if line.text}


def set_script(
    record: PersonRecord, parts: dict[ScriptPart, str], on: dt.date, at: dt.datetime
) -> PersonRecord:
    """New text for some parts of their script ("" clears one); parts that read the same as
    now are left alone, so saving an unchanged form adds no history."""
    now_reads = {part: line.text for part, line in current_script(record).items()}
    lines = [
        ScriptLine(on=on, at=at, part=part, text=text.strip())
        for part, text in parts.items()
        if text.strip() != now_reads.get(part, "")
    ]
    if not lines:
        return record
    return msgspec.structs.replace(record, script=in_order([*record.script, *lines]), updated=at)


def add_review(
    record: PersonRecord,
    decision: Decision,
    on: dt.date,
    at: dt.datetime,
    note: str = "",
    next: dt.date | None = None,
) -> PersonRecord:
    """A review of the relationship, with the day to review it again."""
    if next is not None and next < on:
        raise InvalidInput(
            f"the next review ({next.isoformat()}) comes before this one ({on.isoformat()})"
        )
    review = Review(on=on, at=at, decision=decision, note=note.strip(), next=next)
    return msgspec.structs.replace(record, reviews=in_order([*record.reviews, review]), updated=at)


def set_cadence(record: PersonRecord, days: int | None, at: dt.datetime) -> PersonRecord:
    """How often to reconnect, in days; None turns it off."""
    if days is not None and not 1 <= days <= MAX_CADENCE_DAYS:
        raise InvalidInput(f"a cadence is 1 to {MAX_CADENCE_DAYS} days, not {days}")
    return msgspec.structs.replace(record, cadence=days, updated=at)


def set_notes(record: PersonRecord, notes: str, at: dt.datetime) -> PersonRecord:
    return msgspec.structs.replace(record, notes=notes.strip(), updated=at)
