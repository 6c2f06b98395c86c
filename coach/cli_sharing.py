"""Sharing with a coach from the command line: keys, share, feedback, and the coach's clients.

Bundles are untrusted input: whatever they say reaches the terminal only through one_line,
which strips control characters, and never names a file.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import click

from coach.cli_support import (
    Context,
    check_output,
    fail,
    print_json,
    summary_period_option,
    write_output,
)
from coach.render import one_line
from journal.wording import count


def identity(obj: Context) -> Any:
    from journal.sharing.keys import load

    return load(obj.home)


def read_file(file: Path) -> bytes:
    from journal.sharing.envelope import read_bundle

    try:
        return read_bundle(file)
    except OSError as exc:
        fail(f"cannot read {file}: {exc.strerror}")


# ----- keys --------------------------------------------------------------------------------


@click.group()
def keys() -> None:
    """Your keys for sharing: one to receive bundles, one to sign them."""


@keys.command("init")
@click.option("--name", required=True, help="The name your coach or clients will see.")
@click.pass_obj
def keys_init(obj: Context, name: str) -> None:
    """Create your keys (once); they stay in your data folder, readable only by you."""
    from journal.sharing.keys import create, keys_dir

    me = create(obj.home, name)
    click.echo(f"Created keys for {one_line(me.name)} in {keys_dir(obj.home)}.")
    click.echo("Your public key, to paste into a message to your coach or client:")
    click.echo(me.public.line())


@keys.command("show")
@click.pass_obj
def keys_show(obj: Context) -> None:
    """Print your public key line: safe to send to anyone."""
    click.echo(identity(obj).public.line())


# ----- client side -------------------------------------------------------------------------


@click.command()
@click.option(
    "--to",
    "to",
    multiple=True,
    required=True,
    help="Your coach's public key line (coach1:…); a date given as --to ends the period.",
)
@click.option("--from", "start", help="First day to share (default: 12 weeks ago).")
@click.option("--until", help="Last day to share (default: today).")
@click.option("-o", "output", type=click.Path(dir_okay=False, path_type=Path), help="File.")
@click.option("--dry-run", is_flag=True, help="Say what would be shared, write nothing.")
@click.pass_obj
def share(
    obj: Context,
    to: tuple[str, ...],
    start: str | None,
    until: str | None,
    output: Path | None,
    dry_run: bool,
) -> None:
    """Write an encrypted, signed bundle of your journal for your coach. Private days stay."""
    from journal.parse import parse_date
    from journal.sharing.keys import PREFIX, parse_public
    from journal.sharing.share import build_share, remember_share

    lines = [t for t in to if t.strip().startswith(f"{PREFIX}:")]
    dates = [t for t in to if not t.strip().startswith(f"{PREFIX}:")]
    if len(lines) != 1:
        fail("give your coach's key once: --to coach1:… (the line `coach keys show` prints)")
    if len(dates) > 1 or (dates and until):
        fail("give the last day once (--to DATE or --until DATE)")
    coach = parse_public(lines[0])
    svc = obj.service()
    today = svc.today()
    first = parse_date(start, today, "--from") if start else today - dt.timedelta(weeks=12)
    last = parse_date((dates or [until])[0], today, "--to") if (dates or until) else today
    me = identity(obj)
    made = build_share(svc, me, coach, first, last)
    click.echo(f"Sharing with {coach.id}: {made.describe()}.")
    if dry_run:
        return
    target = output or Path(f"coach-share-{last.isoformat()}.age")
    write_output(made.data, "age", str(target), "")
    remember_share(obj.home, made)
    click.echo(f"Wrote {target}, readable only by that key. Send it any way you like.")


@click.group()
def feedback() -> None:
    """Comments from your coach."""


@feedback.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_obj
def feedback_import(obj: Context, file: Path) -> None:
    """Open a feedback bundle: its comments appear beside your days in the journal."""
    from journal.sharing.share import import_feedback

    done = import_feedback(obj.service(), identity(obj), read_file(file), str(file))
    click.echo(one_line(f"Imported feedback from {done.coach}: {done.counts()}."))


# ----- coach side --------------------------------------------------------------------------


def workspace(obj: Context) -> Any:
    from journal.sharing.workspace import Workspace

    return Workspace(obj.home)


@click.group(invoke_without_command=True)
@click.pass_context
def clients(ctx: click.Context) -> None:
    """Your clients' shared journals. Without a command, opens the clients dashboard."""
    if ctx.invoked_subcommand is None:
        from coach.clients_app import run_clients

        run_clients(ctx.obj.home)


@clients.command("add")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_obj
def clients_add(obj: Context, file: Path) -> None:
    """Open a client's bundle and add or update their journal in your workspace."""
    done = workspace(obj).add(read_file(file), identity(obj), str(file))
    click.echo(done.describe())


@clients.command("list")
@click.option("--json", "as_json", is_flag=True, help="As JSON.")
@click.pass_obj
def clients_list(obj: Context, as_json: bool) -> None:
    """One line per client: last check-in, check-ins in 30 days, direction, keep-rate."""
    from journal.wording import pct, verdict_text

    rows = workspace(obj).dashboard()
    if as_json:
        print_json(
            [
                {
                    "id": r.client.id,
                    "name": r.client.name,
                    "last_checkin": r.last_checkin.isoformat() if r.last_checkin else None,
                    "checkin_rate_30d": r.checkin_rate,
                    "self_orientation_12w": r.direction,
                    "self_orientation_change": r.change,
                    "commitment_keep_rate_90d": r.keep_rate,
                    "overdue_commitments": r.overdue,
                    "shared_from": r.client.start.isoformat(),
                    "shared_to": r.client.end.isoformat(),
                }
                for r in rows
            ]
        )
        return
    if not rows:
        click.echo("No clients yet: add a bundle a client sent you with `coach clients add FILE`.")
        return
    for r in rows:
        last = r.last_checkin.isoformat() if r.last_checkin else "–"
        click.echo(
            one_line(
                f"{r.client.name:<24.24} {r.client.id[:8]}  last {last}  "
                f"check-ins {pct(r.checkin_rate):>4}  "
                f"self-orientation {verdict_text(r.direction, r.change):<15} "
                f"commitments kept {pct(r.keep_rate):>4}  overdue {r.overdue}"
            )
        )


@clients.command("comment", context_settings={"ignore_unknown_options": True})
@click.argument("name")
@click.argument("day")
@click.argument("text")
@click.option("--week", is_flag=True, help="On the week that holds DAY, not the day itself.")
@click.pass_obj
def clients_comment(obj: Context, name: str, day: str, text: str, week: bool) -> None:
    """Comment on a client's day (or, with --week, on that week)."""
    from journal.parse import parse_date
    from journal.periods import period_start

    space = workspace(obj)
    client = space.find(name)
    date = parse_date(day, dt.date.today(), "DAY")
    space.comment(client, "week" if week else "day", date, text, identity(obj))
    what = f"week of {period_start(date, 'week'):%d %b %Y}" if week else f"{date:%a %d %b %Y}"
    click.echo(one_line(f"Comment saved on {client.name}'s {what}."))


@clients.command("summary")
@click.argument("name")
@click.option("--format", "fmt", type=click.Choice(["md", "html", "pdf"]), default="html")
@click.option("--from", "start", help="First day (default: the first shared day).")
@click.option("--to", "end", help="Last day (default: the last shared day).")
@summary_period_option("The summary's series: one row per week, month, quarter or year.")
@click.option("-o", "output", help="File to write (- for standard output, text formats).")
@click.pass_obj
def clients_summary(
    obj: Context, name: str, fmt: str, start: str | None, end: str | None, period: str | None,
    output: str | None,
) -> None:  # fmt: skip
    """A client's progress summary, with your comments: the same summary clients export."""
    from journal.export import default_filename, render, select
    from journal.parse import parse_date

    check_output(fmt, output)
    space = workspace(obj)
    client = space.find(name)
    journal = space.journal(client)
    today = journal.today()
    selection = select(
        journal,
        start=parse_date(start, today, "--from") if start else client.start,
        end=parse_date(end, today, "--to") if end else client.end,
        period=period,  # type: ignore[arg-type]
        comments=space.comments(client).all(),
        title=f"{client.name}: progress summary",
    )
    default = f"{client.id[:8]}-{default_filename(fmt, selection)}"
    target = write_output(render(fmt, selection), fmt, output, default)
    if target is None:
        return
    days = count(len(selection.entries), "day")
    click.echo(one_line(f"Wrote {target}: {client.name}, {days}."))


@clients.command("remove")
@click.argument("name")
@click.option("--yes", is_flag=True, help="Do not ask first.")
@click.pass_obj
def clients_remove(obj: Context, name: str, yes: bool) -> None:
    """Remove a client: their shared days, your comments and the pin on their key."""
    space = workspace(obj)
    client = space.find(name)
    who = one_line(f"{client.name} ({client.id[:8]})")
    if not yes and not click.confirm(
        f"Remove {who} and your comments on their days? Their own journal is not touched"
    ):
        fail("nothing removed")
    space.remove(client)
    click.echo(f"Removed {who}. A new bundle from them will be added as a new client.")


@clients.command("reply")
@click.argument("name")
@click.option("-o", "output", type=click.Path(dir_okay=False, path_type=Path), help="File.")
@click.pass_obj
def clients_reply(obj: Context, name: str, output: Path | None) -> None:
    """Write a feedback bundle of your comments, readable only by that client."""
    space = workspace(obj)
    client = space.find(name)
    data, n = space.reply(client, identity(obj))
    target = output or Path(f"coach-feedback-{client.id[:8]}-{dt.date.today().isoformat()}.age")
    write_output(data, "age", str(target), "")
    click.echo(
        one_line(f"Wrote {target}: {count(n, 'comment')} for {client.name}, readable only by them.")
    )


COMMANDS = (keys, share, feedback, clients)
