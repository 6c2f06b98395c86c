"""Asking for an encrypted journal's passphrase on the terminal: before the app draws its
first screen, or as a command starts. Typed without echo; the prompt goes to the terminal, so
a command's piped output stays clean."""

from __future__ import annotations

import getpass
import sys
from collections.abc import Callable


def ask_on_terminal(prompt: str) -> str:
    return getpass.getpass(f"{prompt}: ", stream=sys.stderr)


def terminal_ask() -> Callable[[str], str] | None:
    """How to ask, or None when there is no terminal (a script: it names a passphrase file)."""
    return ask_on_terminal if sys.stdin.isatty() else None
