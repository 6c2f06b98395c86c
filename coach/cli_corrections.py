"""Correcting the journal from the command line: a promise's outcome, terms or existence, a
whole day, and undo with the history it draws on. Deleting asks first on a terminal."""

from __future__ import annotations

from typing import cast

import click

from coach.cli_support import Context, WholeNumber, complete_promise_ids, confirm, print_json
from coach.failure import fail
from coach.render import one_line
from journal.model import PromiseStatus, full_record
from journal.wording import day_label

ACTIONS = ["kept", "broken", "renegotiated", "released", "open", "edit", "delete"]
TERMS = ("text", "to", "kind", "due")


@click.command()
@click.argument("promise_id", shell_complete=complete_promise_ids)
@click.argument("action", type=click.Choice(ACTIONS))
@click.option("--note", default="", help="What happened, in a line (outcomes).")
@click.option("--date", "day", help="When it ended or was renegotiated (default today).")
@click.option("--text", help="edit, renegotiated: the new wording.")
@click.option("--to", "person", help="edit: whom it is made to.")
@click.option("--kind", help="edit: commitment, best_effort or good_intention.")
@click.option("--due", help="edit, renegotiated: the new due date (edit: 'none' clears it).")
@click.option("--yes", is_flag=True, help="delete: do not ask first.")
@click.pass_obj
def promise(
    obj: Context,
    promise_id: str,
    action: str,
    note: str,
    day: str | None,
    text: str | None,
    person: str | None,
    kind: str | None,
    due: str | None,
    yes: bool,
) -> None:
    """Record how a promise ended (kept, broken, released, open again), renegotiate it with
    new terms, edit it while open, or delete it."""
    given = {"text": text, "to": person, "kind": kind, "due": due}
    options = {**given, "note": note or None, "date": day, "yes": yes or None}
    allowed = {
        "edit": TERMS,
        "renegotiated": ("text", "due", "note", "date"),
        "delete": ("yes",),
    }.get(action, ("note", "date"))
    stray = [
        f"--{name}" for name, value in options.items() if value is not None and name not in allowed
    ]
    if stray:
        fail(f"{stray[0]} does not go with {action}")
    if action == "edit":
        edit_promise(obj, promise_id, given)
    elif action == "delete":
        delete_promise(obj, promise_id, yes)
    elif action == "renegotiated":
        renegotiate(obj, promise_id, text, due, note, day)
    else:
        status = cast(PromiseStatus, action)  # click.Choice allows only these
        done = obj.journal.resolve_promise(promise_id, status, note, obj.date(day))
        click.echo(f"Saved: promise {done.short_id} is {done.status}: {one_line(done.text)}")


def edit_promise(obj: Context, ref: str, given: dict[str, str | None]) -> None:
    from journal.parse import parse_kind

    fields: dict[str, object] = {}
    for name in ("text", "to"):
        if given[name] is not None:
            fields[name] = given[name]
    if given["kind"] is not None:
        fields["kind"] = parse_kind(given["kind"])
    if given["due"] is not None:
        cleared = given["due"].strip().lower() in ("none", "")
        fields["due"] = None if cleared else obj.date(given["due"], "--due")
    if not fields:
        fail("say what to change: --text, --to, --kind or --due")
    done = obj.journal.edit_promise(ref, **fields)
    click.echo(f"Saved: promise {done.short_id}: {describe(done)}")


def delete_promise(obj: Context, ref: str, yes: bool) -> None:
    found = obj.journal.find_promise(ref)
    confirm(f"Delete promise {found.short_id}: {one_line(found.text, 60)}?", yes, "nothing deleted")
    from journal.app.corrections import delete_promise as deleted

    gone = deleted(obj.journal, found.id)
    click.echo(
        one_line(f"Deleted promise {gone.short_id}: {gone.text}. `coach undo` brings it back.")
    )


def renegotiate(
    obj: Context, ref: str, text: str | None, due: str | None, note: str, day: str | None
) -> None:
    from journal.app.corrections import Renegotiation
    from journal.app.corrections import renegotiate as renegotiated

    request = Renegotiation(
        ref=ref,
        text=text,
        due=obj.maybe_date(due, "--due"),
        note=note,
        on=obj.maybe_date(day, "--date"),
    )
    done = renegotiated(obj.journal, request)
    click.echo(f"Saved: promise {done.old.short_id} is renegotiated.")
    click.echo(f"New promise {done.new.short_id}: {describe(done.new)}")


def describe(p: object) -> str:
    from journal.model import Promise
    from journal.parse import kind_label

    assert isinstance(p, Promise)
    to = f" to {one_line(p.to)}" if p.to else ""
    due = f", due {p.due.isoformat()}" if p.due else ""
    return f"{one_line(p.text)} ({kind_label(p.kind)}{to}{due})"


@click.command()
@click.argument("day")
@click.option("--yes", is_flag=True, help="Do not ask first.")
@click.pass_obj
def delete(obj: Context, day: str, yes: bool) -> None:
    """Delete a day: its entry and the promises made on it (`coach undo` brings them back)."""
    from journal.app.corrections import delete_day, what_goes

    date = obj.date(day, "DAY")
    entry = obj.journal.entry(date)
    made = obj.journal.promises_made_on(date)
    if entry is None and not made:
        fail(f"nothing to delete on {day_label(date)}")
    confirm(f"Delete {day_label(date)}: {what_goes(entry, made)}?", yes, "nothing deleted")
    change = delete_day(obj.journal, date)
    click.echo(
        one_line(f"Deleted {change.what.removeprefix('deleted ')}. `coach undo` brings it back.")
    )


@click.command()
@click.pass_obj
def undo(obj: Context) -> None:
    """Undo the last change to the journal; again, the one before."""
    from journal.app.corrections import undo as undo_last

    change = undo_last(obj.journal)
    click.echo(one_line(f"Undid: {change.what} ({change.at:%d %b %H:%M})."))


@click.command()
@click.option("-n", "count", type=WholeNumber(low=1), default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Every change with its records, as JSON.")
@click.option("--purge", is_flag=True, help="Forget every change for good (deleted text too).")
@click.option("--yes", is_flag=True, help="--purge: do not ask first.")
@click.pass_obj
def history(obj: Context, count: int, as_json: bool, purge: bool, yes: bool) -> None:
    """The recent changes to the journal, newest first: what `coach undo` reverses next."""
    from journal.app.corrections import history as recent
    from journal.app.corrections import purge_history

    if purge:
        confirm("Forget every change in the history for good? Undo will reach no further back",
                yes, "nothing forgotten")  # fmt: skip
        gone = purge_history(obj.journal)
        click.echo(f"Forgot {gone} change{'s' * (gone != 1)}; their text is gone from the disk.")
        return
    changes = recent(obj.journal, count)
    if as_json:
        print_json([full_record(c) for c in changes])
        return
    if not changes:
        click.echo("No changes yet.", err=True)
        return
    for change in changes:
        undone = "  (undone)" if change.undone else ""
        click.echo(one_line(f"{change.at:%Y-%m-%d %H:%M}  {change.what}{undone}"))


COMMANDS = (promise, delete, undo, history)
