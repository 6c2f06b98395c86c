"""What every `coach` subcommand shares: the home it works on, and how it reports and prints.

Every JournalError becomes one line on stderr and exit status 2: never a traceback.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

import click

from journal.errors import JournalError


@dataclass
class Context:
    home_option: str | None

    @property
    def home(self) -> Path:
        from journal.paths import data_home

        return data_home(self.home_option)

    def service(self) -> Any:
        from journal.service import JournalService

        return JournalService(self.home)

    def settings(self) -> Any:
        from journal.settings import load

        return load(self.home)


def fail(message: str) -> NoReturn:
    from coach.entry import report

    report(message)


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


def day_option(value: str | None, service: Any) -> dt.date:
    from journal.parse import parse_date

    return service.today() if value is None else parse_date(value, service.today())


def summary_period_option(help_text: str) -> Any:
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
        fail(f"a {fmt.upper()} is not text: give a file name with -o instead of -")


def write_output(data: bytes, fmt: str, output: str | None, default: str) -> Path | None:
    """Write an export to ``output`` (``-`` is standard output, text formats only) or to
    ``default``; the path written, or None for standard output."""
    import sys

    from journal.storage import atomic_write

    check_output(fmt, output)
    if output == "-":
        sys.stdout.buffer.write(data)
        return None
    target = Path(output or default)
    try:
        atomic_write(target.resolve(), data)
    except OSError as exc:
        fail(f"cannot write {target}: {exc.strerror}")
    return target
