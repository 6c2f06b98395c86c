"""Asking for an encrypted journal's passphrase on the terminal: before the app draws its
first screen, or as a command starts. Typed without echo; the prompt goes to the terminal, so
a command's piped output stays clean."""

from __future__ import annotations

import getpass
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from journal.app.home import Home


def ask_on_terminal(prompt: str) -> str:
    return getpass.getpass(f"{prompt}: ", stream=sys.stderr)


def terminal_ask() -> Callable[[str], str] | None:
    """How to ask, or None when there is no terminal (a script: it names a passphrase file)."""
    return ask_on_terminal if sys.stdin.isatty() else None


def offer_encryption(home: Home) -> None:
    """The first run on a terminal, before anything is written: the one moment to choose
    encryption without converting anything. (Later, `coach encrypt` does it.)"""
    if not sys.stdin.isatty() or (home.root.exists() and any(home.root.iterdir())):
        return
    from journal.app.encryption import encrypt_home

    print(
        "Welcome to Coach. Your journal stays on this computer, in "
        f"{home.root}.\nEncrypt it with a passphrase, so nobody else can read it? [y/N] ",
        end="",
        flush=True,
    )
    if sys.stdin.readline().strip().lower() not in ("y", "yes"):
        print("It stays unencrypted; `coach encrypt` turns encryption on any time.")
        return
    while True:
        chosen = ask_on_terminal("Passphrase")
        if chosen and ask_on_terminal("The same again, to be sure") == chosen:
            break
        print("Those were empty or differed; once more." if chosen else "It cannot be empty.")
    encrypt_home(home, chosen)
    home.ask = lambda _prompt: chosen  # just typed twice: not asked a third time to open it
    print("Encrypted. Coach asks for this passphrase once each time it opens: keep it safe.")
