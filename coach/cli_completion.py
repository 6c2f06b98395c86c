"""`coach completion SHELL`: tab completion for bash, zsh and fish through click's own
mechanism. The script a person installs only asks `coach` (with _COACH_COMPLETE set) what fits
at each TAB, so it never goes stale as commands and options change.

A TAB may read the journal, never write it, and never fails loudly: a traceback or an error
line dropped into the middle of what someone is typing is worse than no suggestion at all.
"""

from __future__ import annotations

from typing import Any

import click
from click.shell_completion import CompletionItem, get_completion_class

from coach.cli_corrections import promise
from coach.failure import fail
from coach.render import one_line

COMPLETE_VAR = "_COACH_COMPLETE"
"""Named here and in coach/entry.py (which must not import click to stay fast); the same as
click derives from the program's name, so the script also works with click's own recipe."""

SHELLS = ("bash", "zsh", "fish")
HELP_WIDTH = 60


class Shell(click.Choice[str]):
    """A shell click can complete in. A wrong name gets one line and exit status 2 like every
    other bad input in Coach, rather than click's usage block."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:
            if ctx is not None and ctx.resilient_parsing:
                raise  # while completing, click drops it quietly: no line mid-typing
            fail(f"no completion script for {value!r}: choose bash, zsh or fish")


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("shell", type=Shell(SHELLS))
@click.pass_context
def completion(ctx: click.Context, shell: str) -> None:
    """Print the tab-completion script for your shell: bash, zsh or fish.

    \b
    bash: coach completion bash > ~/.local/share/bash-completion/completions/coach
    zsh:  coach completion zsh > ~/.zfunc/_coach   (with fpath+=~/.zfunc before compinit)
    fish: coach completion fish > ~/.config/fish/completions/coach.fish
    """
    script = get_completion_class(shell)
    assert script is not None  # Shell lets through only shells click knows
    # The whole command tree, not this command: the script completes everything under `coach`.
    root = ctx.find_root().command
    # As bytes, as click does: on Windows a text stream would turn its line ends into CRLF,
    # which bash cannot read.
    click.echo(script(root, {}, "coach", COMPLETE_VAR).source().encode(), nl=False)


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
        CompletionItem(p.short_id, help=one_line(p.text, HELP_WIDTH))
        for p in found
        if p.short_id.startswith(typed)
    ]


class PromiseId(click.types.StringParamType):
    """The `promise` command's id: taken as given, as before, but offering open promises at
    a TAB. Set from here (see below) so all of completion lives in this one module."""

    def shell_complete(
        self, ctx: click.Context, param: click.Parameter, incomplete: str
    ) -> list[CompletionItem[str]]:
        return complete_promise_ids(ctx, param, incomplete)


for _param in promise.params:
    if _param.name == "promise_id":
        _param.type = PromiseId()
