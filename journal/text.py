"""Making untrusted text harmless, for every place that shows it: the app, the CLI, exports.

C0 controls (except newline and tab), DEL, C1 controls and bidi overrides are removed, so
nothing a person typed or a file carried can move a cursor, clear a screen, set a clipboard
or disguise itself.
"""

from __future__ import annotations

import re

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """Strip control characters; keep newline and tab."""
    return UNSAFE.sub("", text)


def one_line(text: str, width: int | None = None) -> str:
    """Clean text folded to one line, optionally cut to ``width`` with an ellipsis."""
    flat = " ".join(clean(text).split())
    if width is not None and len(flat) > width:
        return flat[: max(width - 1, 0)] + "…"
    return flat


def name_key(name: str) -> str:
    """Sort key for people's names: case and accents folded, so Émilie sorts among the Es."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


INVISIBLE = frozenset(
    [0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x2800, 0x3164, 0xFFA0]
    + list(range(0x180B, 0x1810))
    + list(range(0xFE00, 0xFE10))
    + list(range(0xE0100, 0xE01F0))
)
"""Characters that draw nothing (fillers, variation selectors, the grapheme joiner) though
they are not format characters."""
LOOKALIKE = re.compile(
    r"^(?:LATIN|CYRILLIC|GREEK|ARMENIAN|CHEROKEE) (?:CAPITAL|SMALL) LETTER (\w)$"
)


def skeleton_char(c: str) -> str:
    """Cyrillic А, Greek Ο and friends read as the Latin letter they look like; a letter
    whose Unicode name ends in a single Latin letter is taken for that letter."""
    import unicodedata

    match = LOOKALIKE.match(unicodedata.name(c, ""))
    return match.group(1).lower() if match else c


def identity_key(name: str) -> str:
    """What makes two names the same person's when pinning keys: the name as it reads on
    screen. Control, format and invisible characters go, accents and compatibility forms
    fold, look-alike letters from other scripts read as Latin, case and spaces don't count,
    so a name that merely looks like a pinned one cannot pin a second key."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", clean(name))
    kept = (
        c
        for c in decomposed
        if ord(c) not in INVISIBLE and unicodedata.category(c) not in ("Cf", "Mn", "Me")
    )
    return " ".join("".join(skeleton_char(c) for c in kept).casefold().split())
