"""Messages about the journal that any screen may need to act on."""

from __future__ import annotations

from textual.message import Message


class JournalChanged(Message):
    """The journal changed under the screen (an undo): what it shows must be read again."""
