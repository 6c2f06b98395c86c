"""Changing preferences, from `coach settings` or the app's palette."""

from __future__ import annotations

from dataclasses import dataclass

import msgspec

from journal.app.home import Home
from journal.settings import Settings


@dataclass(frozen=True)
class SettingsChange:
    """What to change; None leaves a preference as it is."""

    show_streak: bool | None = None


def change_settings(home: Home, change: SettingsChange) -> Settings:
    """The settings after the change, saved only when something changed."""
    current = home.settings()
    fields = {k: v for k, v in (("show_streak", change.show_streak),) if v is not None}
    updated = msgspec.structs.replace(current, **fields)
    if updated != current:
        home.settings_file.save(updated)
    return updated


def toggle_streak(home: Home) -> Settings:
    return change_settings(home, SettingsChange(show_streak=not home.settings().show_streak))
