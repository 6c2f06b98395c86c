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


def identity_key(name: str) -> str:
    """What makes two names the same person's when pinning keys: the name as it is shown
    (control and invisible format characters gone, spaces collapsed), case-folded and
    NFKC-normalised, so a name that merely looks like a pinned one cannot pin a second key."""
    import unicodedata

    shown = unicodedata.normalize("NFKC", clean(name)).casefold()
    return " ".join("".join(c for c in shown if unicodedata.category(c) != "Cf").split())
