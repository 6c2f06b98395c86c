"""Where a journal lives on disk.

Resolution order: an explicit ``--home``, then ``COACH_HOME``, then the platform data dir.
Nothing here creates directories: that happens only when something is saved.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "coach"
HOME_ENV = "COACH_HOME"


def data_home(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The root folder that holds the journal, packs and (later) keys."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get(HOME_ENV)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def journal_dir(home: Path) -> Path:
    return home / "journal"


def packs_dir(home: Path) -> Path:
    """User prompt packs: a file here overrides the built-in pack of the same name."""
    return home / "packs"


def settings_file(home: Path) -> Path:
    return home / "settings.json"
