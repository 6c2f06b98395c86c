"""User-facing sentences of the app and the CLI, kept together so they read as one voice."""

from __future__ import annotations

NOTHING_TO_SAVE = "nothing to save: give --intent, --promise, --rate or another field"
NO_ENTRIES = "No entries match."
NO_OPEN_PROMISES = "No open promises. A clean slate."
NO_PROMISES = "No promises yet."
