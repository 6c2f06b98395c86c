"""Running `coach` in-process against the test's home, and checking what it left on disk."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from click.testing import CliRunner, Result

from coach.cli import main
from journal.app.home import Home
from journal.app.service import JournalService
from journal.model import Promise
from tests.conftest import DAY

EXIT_BAD_INPUT = 2
YESTERDAY = DAY - dt.timedelta(days=1)
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""What must never reach a terminal: C0 (but newline and tab), DEL, C1 and bidi overrides."""

HOSTILE = "a\x1b[2Jb\x07c\x9bd\u202ee"
"""Text that clears the screen, rings the bell, opens a C1 CSI and flips the text direction."""

Snapshot = dict[str, bytes | None]


def snapshot(home: Path) -> Snapshot:
    """Every folder and file under ``home`` (files with their bytes): "unchanged" means exactly."""
    if not home.exists():
        return {}
    return {
        str(p.relative_to(home)): p.read_bytes() if p.is_file() else None
        for p in sorted(home.rglob("*"))
    }


@dataclass
class Cli:
    """`coach` bound to one home; every run is checked for tracebacks and its exit status."""

    home: Path
    runner: CliRunner = field(default_factory=CliRunner)

    def run(self, *args: str, code: int = 0, catch: bool = False) -> Result:
        """``catch`` turns an escaping exception into a failed assertion instead of an error."""
        result = self.runner.invoke(main, list(args), catch_exceptions=catch)
        assert "Traceback" not in result.output, result.output
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            f"`coach {' '.join(args)}` raised {result.exception!r}"
        )
        assert result.exit_code == code, (
            f"`coach {' '.join(args)}` exited {result.exit_code}, expected {code}:\n{result.output}"
        )
        return result

    def fails(self, *args: str, catch: bool = False) -> str:
        """Bad input: exit 2, one `coach: ` line on stderr, nothing on stdout, no file touched."""
        before = snapshot(self.home)
        result = self.run(*args, code=EXIT_BAD_INPUT, catch=catch)
        assert snapshot(self.home) == before, f"`coach {' '.join(args)}` changed the journal"
        lines = result.stderr.splitlines()
        assert len(lines) == 1, result.stderr
        assert lines[0].startswith("coach: "), result.stderr
        assert result.stdout == ""
        return lines[0]

    def service(self) -> JournalService:
        return Home(self.home, today=lambda: DAY).journal

    def promise(self, *args: str) -> Promise:
        """Make one promise through `checkin` and return it as stored."""
        before = {p.id for p in self.service().all_promises()}
        self.run("checkin", *args)
        (made,) = [p for p in self.service().all_promises() if p.id not in before]
        return made
