"""How every refusal ends: one line on stderr and exit status 2, never a traceback."""

from __future__ import annotations

import sys
from typing import NoReturn

EXIT_BAD_INPUT = 2


def fail(message: str) -> NoReturn:
    from coach.render import one_line

    print(f"coach: {one_line(message)}", file=sys.stderr)
    sys.exit(EXIT_BAD_INPUT)
