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
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click
from click.shell_completion import CompletionItem

from coach.failure import fail, is_utf8, shown
from coach.passphrase import terminal_ask
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
    def root(self) -> Path:
        """The home folder; one whose name is not UTF-8 (from $COACH_HOME: --home is checked
        with the other arguments) is refused before anything reads or writes it."""
        from journal.paths import HOME_ENV, data_home

        root = data_home(self.home_option)
        if not is_utf8(str(root)):
            fail(f"${HOME_ENV} '{shown(str(root))}' {NOT_UTF8}")
        return root

    @cached_property
    def home(self) -> Home:
        from journal.app.home import Home

        return Home(self.root, ask=terminal_ask(), use_keyring=True)

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
    """The root command: turns every JournalError and every usage error into one clear line
    and exit status 2 (never a traceback, never click's usage block); and before any command
    runs, refuses the arguments none could use (not UTF-8, an empty file or folder name)."""

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        try:
            return super().make_context(info_name, args, parent, **extra)
        except click.UsageError as exc:
            refuse_usage(exc)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if ctx.parent is None and not ctx.resilient_parsing:
            refuse_unusable_arguments(self, ctx.info_name, args)
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except JournalError as exc:
            fail(str(exc))
        except click.UsageError as exc:
            refuse_usage(exc)


def refuse_usage(exc: click.UsageError) -> NoReturn:
    """click's usage error as one line, with where to read more, instead of its usage block.
    A group run without its command still shows its help: that is what the person wants."""
    if isinstance(exc, click.exceptions.NoArgsIsHelpError):
        raise exc
    message = exc.format_message().strip()
    ctx = exc.ctx
    if ctx is not None and ctx.command.get_help_option(ctx) is not None:
        names = ctx.command.get_help_option_names(ctx)
        message = f"{message.removesuffix('.')} (see {ctx.command_path} {max(names, key=len)})"
    fail(message)


def refuse_unusable_arguments(root: click.Group, name: str | None, args: list[str]) -> None:
    """Refuse, before any command runs, an argument that is not UTF-8 (nothing could store or
    print it) and an empty folder or file name (it would mean the current folder, or the
    default one): one line naming the option. One look at every command's arguments, here,
    rather than a check in each command."""
    empty = [i for i, arg in enumerate(args) if arg == "" or (arg[:2] == "--" and arg[-1] == "=")]
    broken = [i for i, arg in enumerate(args) if not is_utf8(arg)]
    if not empty and not broken:
        return
    marked = list(args)
    for i in (*empty, *broken):
        head, sep, _ = args[i].partition("=")
        keep = f"{head}{sep}" if args[i][:2] == "--" and sep and is_utf8(head) else ""
        marked[i] = f"{keep}{MARK}{i}{MARK}"
    for param, i in parameters_given(root, name, marked):
        label = param_label(param)
        if i in broken:
            value = args[i].partition("=")[2] if marked[i][:2] == "--" else args[i]
            fail(f"{label} '{shown(value)}' {NOT_UTF8}")
        if isinstance(param.type, click.Path):
            what = "a file name" if param.type.file_okay else "a folder"
            fail(f"{label} is empty: give {what}")
    if broken:  # not an option's value: a command or option name
        fail(f"'{shown(args[broken[0]])}' {NOT_UTF8}")


MARK = "\ue000"
"""Stands in for an argument while finding which option it belongs to: a private-use
character, which nobody types, and which no conversion changes."""
MARKED = re.compile(f"{MARK}([0-9]+){MARK}")
NOT_UTF8 = "is not valid UTF-8: set your terminal or script to UTF-8 and give it again"


def parameters_given(
    root: click.Group, name: str | None, args: list[str]
) -> list[tuple[click.Parameter, int]]:
    """Which parameter, of the root and of the command it names, took each marked argument:
    the command line parsed as shell completion does, without running anything."""
    found: list[tuple[click.Parameter, int]] = []
    ctx = root.make_context(name, list(args), resilient_parsing=True)
    while True:
        for param in ctx.command.get_params(ctx):
            value = ctx.params.get(param.name or "")
            values = value if isinstance(value, tuple | list) else (value,)
            for v in values:
                marked = MARKED.fullmatch(str(v)) if v is not None else None
                if marked:
                    found.append((param, int(marked[1])))
        rest = [*ctx._protected_args, *ctx.args]  # as click's own shell completion reads them
        if not isinstance(ctx.command, click.Group) or not rest:
            return found
        sub_name, command, sub_args = ctx.command.resolve_command(ctx, rest)
        if command is None:
            return found
        ctx = command.make_context(sub_name, sub_args, parent=ctx, resilient_parsing=True)


def param_label(param: click.Parameter) -> str:
    """How the person typed it: an option's longest name, an argument's placeholder."""
    if isinstance(param, click.Option):
        return max(param.opts, key=len)
    return param.human_readable_name


class WholeNumber(click.ParamType[int]):
    """An integer option written with the digits 0-9: click's own INT converts with int(),
    which also takes other scripts' digits (٣, ３) and 1_000. A bad value is one line naming
    the option, like every other refusal; ``low`` and ``high`` bound it when given."""

    name = "integer"

    def __init__(self, low: int | None = None, high: int | None = None) -> None:
        self.low = low
        self.high = high

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        from journal.parse import whole_number

        label = param_label(param) if param is not None else "number"
        try:
            return whole_number(str(value), label, self.low, self.high)
        except JournalError as exc:
            if ctx is not None and ctx.resilient_parsing:
                self.fail(str(exc), param, ctx)  # while completing, click drops it quietly
            fail(str(exc))


JSON_UNSAFE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def print_json(data: object) -> None:
    """Pretty JSON; C1 and bidi characters (legal in JSON strings) are escaped so a terminal
    never acts on them, and the data still round-trips exactly."""
    import msgspec

    def shown(value: object) -> str:
        text = msgspec.json.format(msgspec.json.encode(value), indent=2).decode()
        return JSON_UNSAFE.sub(lambda m: f"\\u{ord(m[0]):04x}", text)

    if not isinstance(data, list) or not data:
        click.echo(shown(data))
        return
    # A list goes out an item at a time, laid out exactly as the whole would be: thirty
    # years of `coach list --json` never sits in memory as one string.
    click.echo("[")
    for i, item in enumerate(data):
        comma = "," if i < len(data) - 1 else ""
        click.echo("  " + shown(item).replace("\n", "\n  ") + comma)
    click.echo("]")


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

    if output == "":
        fail("-o is empty: give a file name, or - for standard output")
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
