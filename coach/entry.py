"""The `coach` script. Bare `coach` (optionally with --home) opens the app directly: loading
the command-line library first cost a tenth of startup for the command people run daily.
Anything else goes to the click commands in coach/cli.py, and so does a shell asking for tab
completion: it runs bare `coach` with _COACH_COMPLETE set, and must get an answer, not the app.
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

from coach.failure import is_utf8

COMPLETE_VAR = "_COACH_COMPLETE"
"""As in coach/cli_completion.py, which this module cannot import without loading click."""


def bare_home(args: list[str]) -> tuple[bool, str | None]:
    """Whether ``args`` just open the app, and the --home they give. Anything unusual (an
    empty home, one whose name is not UTF-8, from --home or $COACH_HOME, a file where the home
    should be, other options) is left to click, which refuses it with the same message as
    after any command."""
    home: str | None = None
    if len(args) == 2 and args[0] == "--home":
        home = args[1]
    elif len(args) == 1 and args[0].startswith("--home="):
        home = args[0].removeprefix("--home=")
    elif args:
        return False, None
    if home is None:
        from journal.paths import HOME_ENV  # the app loads it anyway

        return is_utf8(os.environ.get(HOME_ENV, "")), None
    if not home or not is_utf8(home) or (Path(home).exists() and not Path(home).is_dir()):
        return False, None
    return True, home


def pause_collection() -> None:
    """No garbage collection while the app loads: what it builds (Textual, Coach, today's
    records) lives as long as the app, so the passes would find nothing, and cost a tenth of
    the time to the first screen. The app turns collection back on once that screen shows
    (CoachApp.on_ready)."""
    gc.disable()


def main() -> None:
    bare, home = bare_home(sys.argv[1:])
    if bare and COMPLETE_VAR not in os.environ:
        pause_collection()
        from coach.app import open_app

        open_app(home)
        return
    from coach.cli import main as cli

    # Named, not left to click: under `python -m coach` click would look for a variable named
    # after "python -m coach", miss the shell's, and open the app.
    cli(complete_var=COMPLETE_VAR)
