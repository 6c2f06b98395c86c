"""What every `coach` subcommand shares: the home it works on, and how it reports and prints.

Every JournalError becomes one line on stderr and exit status 2: never a traceback.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click
from click.shell_completion import CompletionItem

from coach.failure import fail
from coach.render import one_line
from journal.errors import JournalError

if TYPE_CHECKING:
    from journal.app.exporting import Exported
    from journal.app.home import Home
    from journal.app.service import JournalService

F = TypeVar("F", bound=Callable[..., Any])


class Context:
    def __init__(self, home_option: str | None) -> None:
        self.home_option = home_option

    @cached_property
    def home(self) -> Home:
        from journal.app.home import Home
        from journal.paths import data_home

        return Home(data_home(self.home_option))

    @property
    def journal(self) -> JournalService:
        return self.home.journal

    def date(self, value: str | None, what: str = "date") -> dt.date:
        """A date as people type it (today when not given), relative to the journal's today."""
        from journal.parse import parse_date

        today = self.home.today()
        return today if value is None else parse_date(value, today, what)

    def maybe_date(self, value: str | None, what: str) -> dt.date | None:
        return None if value is None else self.date(value, what)


class Group(click.Group):
    """Turns every JournalError into one clear line and exit status 2: never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except JournalError as exc:
            fail(str(exc))


JSON_UNSAFE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def print_json(data: object) -> None:
    """Pretty JSON; C1 and bidi characters (legal in JSON strings) are escaped so a terminal
    never acts on them, and the data still round-trips exactly."""
    import msgspec

    text = msgspec.json.format(msgspec.json.encode(data), indent=2).decode()
    click.echo(JSON_UNSAFE.sub(lambda m: f"\\u{ord(m[0]):04x}", text))


def summary_period_option(help_text: str) -> Callable[[F], F]:
    return click.option(
        "--period",
        type=click.Choice(["week", "month", "quarter", "year"]),
        default=None,
        help=help_text
        + " Default: fitted to the range (weeks up to 4 months, months up to 3 years, then"
        " quarters).",
    )


def check_output(fmt: str, output: str | None) -> None:
    """Called before the work: a PDF or a bundle would garble a terminal."""
    from journal.export import TEXT_FORMATS

    if output == "-" and fmt not in TEXT_FORMATS:
        what = "bundle" if fmt == "age" else fmt.upper()
        fail(f"a {what} is not text: give a file name with -o instead of -")


def write_export(exported: Exported, output: str | None) -> Path | None:
    """Write an export to ``output`` (``-`` is standard output, text formats only) or under
    its default name here; the path written, or None for standard output."""
    from journal.app.exporting import save

    if output == "-":
        sys.stdout.buffer.write(exported.data)
        return None
    return save(exported, Path(output) if output else None)


def stdin_is_terminal() -> bool:
    return sys.stdin.isatty()


def confirm(question: str, yes: bool, refused: str) -> None:
    """Go on when ``yes`` was given, or when the person answers yes on a terminal; otherwise
    stop with ``refused`` (exit 2). Without a terminal there is nobody to ask: refuse."""
    if yes:
        return
    if not stdin_is_terminal():
        fail(f"{refused}: there is no terminal to ask on; give --yes to go ahead without asking")
    if not click.confirm(question, default=False):
        fail(refused)


COMPLETION_HELP_WIDTH = 60


def complete_promise_ids(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[CompletionItem[str]]:
    """Open promises whose short id starts with what is typed, their words as the help zsh
    and fish show beside them: nobody remembers `3f9c1a2b`, everybody remembers "send the
    deck". Reads the home the command line names (--home, then COACH_HOME) and nothing else."""
    try:
        from journal.app.home import Home
        from journal.paths import data_home

        home = ctx.find_root().params.get("home")
        found = Home(data_home(home)).journal.open_promises()
    except Exception:  # unreadable or damaged: offer nothing; the command itself will say why
        return []
    typed = incomplete.strip().lower()
    return [
        CompletionItem(p.short_id, help=one_line(p.text, COMPLETION_HELP_WIDTH))
        for p in found
        if p.short_id.startswith(typed)
    ]
