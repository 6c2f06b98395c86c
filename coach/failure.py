"""How every refusal ends: one line on stderr and exit status 2, never a traceback; and the
checks on raw command-line text that must run before click is even loaded."""

from __future__ import annotations

import sys
from typing import NoReturn

EXIT_BAD_INPUT = 2


def fail(message: str) -> NoReturn:
    from coach.render import one_line

    print(f"coach: {one_line(message)}", file=sys.stderr)
    sys.exit(EXIT_BAD_INPUT)


def is_utf8(text: str) -> bool:
    """False for text holding bytes that were not UTF-8: Python keeps them in a command line
    or an environment variable as lone surrogates, which nothing can store or print."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def shown(text: str) -> str:
    """Text that may not be UTF-8, its stray bytes written as \\xNN: something a terminal
    can show, and the person can recognise."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
