"""Errors a person can act on.

The domain never prints: it raises one of these, and the CLI or the app shows ``str(error)``
as a single line. Each message names the thing that went wrong (a file, a field, an id).
"""

from __future__ import annotations


class JournalError(Exception):
    """Base class: anything the user can fix or should know about, shown as one line."""


class InvalidInput(JournalError):
    """Something a person typed (a date, a kind, a rating) is not usable."""


class CorruptFile(JournalError):
    """A journal file cannot be read; we refuse to touch it rather than guess."""


class NewerSchema(JournalError):
    """A file was written by a newer Coach; reading it could silently drop data."""


class NotFound(JournalError):
    """An id or date the user named does not exist in the journal."""


class JournalBusy(JournalError):
    """Another process held the journal lock for too long."""


class PackError(JournalError):
    """A prompt pack file is malformed; the message names file, step and field."""
