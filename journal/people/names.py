"""What makes two spellings one person: the identity key, and names that are teams.

People write the same name many ways over ten years ("Ana", "ana ", "ＡＮＡ", or a Cyrillic
"Аna" pasted from a chat). Every figure adds up only if all of them count for one person, so
names are compared by journal.text.identity_key, the same test the coach workspace uses for
look-alike names. A name typed ``team:Platform`` (as intents take it) is a team, and the key
keeps the ``team:`` prefix so a team never merges with a person of the same name.
"""

from __future__ import annotations

import unicodedata
from typing import Literal

from journal.text import identity_key, one_line

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
