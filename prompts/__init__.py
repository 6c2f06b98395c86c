"""Prompt packs: the questions Coach asks, kept as TOML data apart from the code that shows them.

Names are exported lazily so importing `prompts` costs nothing until a pack is actually needed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from prompts.loader import (
        STEP_KINDS,
        Pack,
        PackInfo,
        Step,
        builtin_names,
        check_pack_file,
        list_packs,
        load_pack,
        tip_for,
    )

__all__ = [
    "STEP_KINDS",
    "Pack",
    "PackInfo",
    "Step",
    "builtin_names",
    "check_pack_file",
    "list_packs",
    "load_pack",
    "tip_for",
]


def __getattr__(name: str) -> Any:
    """Import the loader on first use of one of its names."""
    if name in __all__:
        from prompts import loader

        return getattr(loader, name)
    raise AttributeError(f"module 'prompts' has no attribute {name!r}")
