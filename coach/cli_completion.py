"""`coach completion SHELL`: tab completion for bash, zsh and fish through click's own
mechanism. The script a person installs only asks `coach` (with _COACH_COMPLETE set) what fits
at each TAB, so it never goes stale as commands and options change.

A TAB may read the journal, never write it, and never fails loudly: a traceback or an error
line dropped into the middle of what someone is typing is worse than no suggestion at all.
"""

from __future__ import annotations

from typing import Any

import click
from click.shell_completion import get_completion_class

from coach.failure import fail

COMPLETE_VAR = "_COACH_COMPLETE"
"""Named here and in coach/entry.py (which must not import click to stay fast); the same as
click derives from the program's name, so the script also works with click's own recipe."""

SHELLS = ("bash", "zsh", "fish")


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
