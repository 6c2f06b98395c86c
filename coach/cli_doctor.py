"""`coach doctor`: the home checked file by file, one line per problem."""

from __future__ import annotations

import sys

import click

from coach.cli_support import Context
from coach.render import one_line
from journal.wording import count

EXIT_PROBLEMS = 1


@click.command()
@click.option("--repair", is_flag=True, help="Do the safe repairs, then check again.")
@click.pass_obj
def doctor(obj: Context, repair: bool) -> None:
    """Check every file in your home: readable, valid, private, nothing left half done.

    Exit status 0 when all is well, 1 when a problem was found. --repair only does what cannot
    lose anything: it finishes a change a crash interrupted, removes temp files a crash left,
    and makes files private again."""
    from journal.app.doctor import check_home, repair_home

    if repair:
        for line in repair_home(obj.home):
            click.echo(one_line(line, 400))
    checkup = check_home(obj.home)
    for problem in checkup.problems:
        hint = f" (coach doctor --repair: {problem.repair})" if problem.repair else ""
        click.echo(one_line(f"{problem.path}: {problem.what}{hint}", 400))
    files = count(checkup.files, "file")
    if checkup.healthy():
        click.echo(f"Checked {files} in {checkup.home}: all is well.")
        return
    click.echo(f"Checked {files} in {checkup.home}: {count(len(checkup.problems), 'problem')}.")
    sys.exit(EXIT_PROBLEMS)
