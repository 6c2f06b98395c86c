"""A person's preferences (kept in settings.json by journal/store/settings.py)."""

from __future__ import annotations

import msgspec


class Settings(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    show_streak: bool = True
    """A streak motivates some people and weighs on others, so it can be switched off."""
    coach_key: str = ""
    """The public key line last shared with, so the next share from the app is one keypress."""
