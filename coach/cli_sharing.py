"""Sharing with a coach from the command line: keys, share, feedback, and the coach's clients.

Bundles are untrusted input: whatever they say reaches the terminal only through one_line,
which strips control characters, and never names a file.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

import click

from coach.cli_support import (
    Context,
    check_output,
    print_json,
    summary_period_option,
    write_export,
)
from coach.failure import fail
from coach.render import one_line
from journal.wording import count

if TYPE_CHECKING:
    from journal.app.workspace import Workspace
    from journal.periods import Period  # noqa: F401  (named in a cast)


# ----- keys --------------------------------------------------------------------------------


@click.group()
def keys() -> None:
    """Your keys for sharing: one to receive bundles, one to sign them."""


@keys.command("init")
@click.option("--name", required=True, help="The name your coach or clients will see.")
@click.pass_obj
def keys_init(obj: Context, name: str) -> None:
    """Create your keys (once); they stay in your data folder, readable only by you."""
    from journal.app.sharing import create_keys

    me = create_keys(obj.home, name)
    click.echo(f"Created keys for {one_line(me.name)} in {obj.home.layout.keys}.")
    click.echo("Your public key, to paste into a message to your coach or client:")
    click.echo(me.public.line())


@keys.command("show")
@click.pass_obj
def keys_show(obj: Context) -> None:
    """Print your public key line: safe to send to anyone."""
    click.echo(obj.home.identity().public.line())


# ----- client side -------------------------------------------------------------------------


@click.command()
@click.option(
    "--to",
    "to",
    multiple=True,
    help="Your coach's public key line (coach1:…; default: the key you last shared with); "
    "a date given as --to ends the period.",
)
@click.option("--from", "start", help="First day to share (default: 12 weeks ago).")
@click.option("--until", help="Last day to share (default: today).")
@click.option("-o", "output", type=click.Path(dir_okay=False, path_type=Path), help="File.")
@click.option("--dry-run", is_flag=True, help="Say what would be shared, write nothing.")
@click.option(
    "--people",
    is_flag=True,
    help="Add your records of the people these days name (level, stage, script, reviews).",
)
@click.option(
    "--initials",
    is_flag=True,
    help="Replace every name Coach knows by its initials, in your words too.",
)
@click.pass_obj
def share(
    obj: Context,
    to: tuple[str, ...],
    start: str | None,
    until: str | None,
    output: Path | None,
    dry_run: bool,
    people: bool,
    initials: bool,
) -> None:
    """Write an encrypted, signed bundle of your journal for your coach. Private days stay."""
    from journal.app.sharing import ShareRequest, prepare_share, write_share

    dates = [t for t in to if looks_like_date(t)]
    lines = [t for t in to if t not in dates]  # a damaged key is refused as a key, not a date
    if len(lines) > 1:
        fail("give your coach's key once: --to coach1:… (the line `coach keys show` prints)")
    if len(dates) > 1 or (dates and until):
        fail("give the last day once (--to DATE or --until DATE)")
    check_output("age", str(output) if output else None)
    request = ShareRequest(
        coach_key=lines[0] if lines else None,
        start=obj.maybe_date(start, "--from"),
        end=obj.maybe_date(dates[0] if dates else until, "--to"),
        people=people,
        initials=initials,
    )
    made = prepare_share(obj.home, request)
    click.echo(f"Sharing with {made.coach_id}: {made.describe()}.")
    if dry_run:
        return
    target = write_share(obj.home, made, output)
    click.echo(f"Wrote {target}, readable only by that key. Send it any way you like.")


def looks_like_date(value: str) -> bool:
    """`--to` takes the coach's key or the last day. Keys hold colons (coach1:age1…:…) or
    start with age1; anything else is read, and if need be refused, as a date."""
    text = value.strip()
    return ":" not in text and not text.lower().startswith("age1")


@click.group()
def feedback() -> None:
    """Comments from your coach."""


@feedback.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_obj
def feedback_import(obj: Context, file: Path) -> None:
    """Open a feedback bundle: its comments appear beside your days in the journal."""
    from journal.app.sharing import import_feedback

    done = import_feedback(obj.home, file)
    click.echo(one_line(f"Imported feedback from {done.coach}: {done.counts()}."))


# ----- coach side --------------------------------------------------------------------------


def workspace(obj: Context) -> Workspace:
    return obj.home.workspace


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
    from journal.app.coaching import add_bundle

    done = add_bundle(obj.home, file)
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
    from journal.app.workspace import CommentRequest
    from journal.periods import period_start

    space = workspace(obj)
    client = space.find(name)
    date = obj.date(day, "DAY")
    request = CommentRequest(client, "week" if week else "day", date, text)
    space.comment(request, obj.home.identity())
    what = f"week of {period_start(date, 'week'):%d %b %Y}" if week else f"{date:%a %d %b %Y}"
    click.echo(one_line(f"Comment saved on {client.name}'s {what}."))


@clients.command("summary")
@click.argument("name")
@click.option("--format", "fmt", type=click.Choice(["md", "html", "pdf"]), default="html")
@click.option("--from", "start", help="First day (default: the first shared day).")
@click.option("--to", "end", help="Last day (default: the last shared day).")
@summary_period_option("The summary's series: one row per week, month, quarter or year.")
@click.option("-o", "output", help="File to write (- for standard output, text formats).")
@click.option(
    "--people", is_flag=True, help="Add how each relationship stands, if the client shared them."
)
@click.pass_obj
def clients_summary(
    obj: Context, name: str, fmt: str, start: str | None, end: str | None, period: str | None,
    output: str | None, people: bool,
) -> None:  # fmt: skip
    """A client's progress summary, with your comments: the same summary clients export."""
    from journal.app.exporting import ExportRequest, client_summary

    check_output(fmt, output)
    client = workspace(obj).find(name)
    request = ExportRequest(
        fmt,
        start=obj.maybe_date(start, "--from"),
        end=obj.maybe_date(end, "--to"),
        period=cast("Period | None", period),
        people=people,
    )
    exported = client_summary(obj.home, client, request)
    target = write_export(exported, output)
    if target is None:
        return
    days = count(exported.days, "day")
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
    from journal.app.coaching import reply_to

    check_output("age", str(output) if output else None)
    client = workspace(obj).find(name)
    target, made = reply_to(obj.home, client, output)
    n = made.comments
    click.echo(
        one_line(f"Wrote {target}: {count(n, 'comment')} for {client.name}, readable only by them.")
    )


COMMANDS = (keys, share, feedback, clients)
