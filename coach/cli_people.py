"""`coach people` and `coach person NAME ...`: the relationship ledger from the command line
(the work is journal/app/people.py's)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from coach.cli_support import Context, print_json
from coach.render import one_line
from journal.person import label
from journal.wording import count, day_label, pct

if TYPE_CHECKING:
    from journal.app.people import PersonView
    from journal.people.due import Due
    from journal.people.listing import PersonRow

SORTS = {"last": "last_contact", "review": "review", "keep": "keep_rate", "name": "name"}


def words(value: str | None) -> str:
    return value.replace("_", " ") if value else "-"


def due_words(due: Due | None) -> str:
    if due is None or not due.is_due:
        return ""
    what = "contact" if due.what == "contact" else "review"
    return f"{what} due today" if due.late == 0 else f"{what} {count(due.late, 'day')} late"


def since(days: int | None) -> str:
    if days is None:
        return "never"
    return "today" if days == 0 else f"{count(days, 'day')} ago"


@click.command("people")
@click.option("--due", "only_due", is_flag=True, help="Only people due for contact or a review.")
@click.option(
    "--sort",
    type=click.Choice(list(SORTS)),
    default="last",
    help="By last contact (default), review due, keep-rate of commitments, or name.",
)
@click.option(
    "--reverse",
    is_flag=True,
    help="The other way round (anyone without the figure stays last).",
)
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_obj
def people(obj: Context, only_due: bool, sort: str, reverse: bool, as_json: bool) -> None:
    """Everyone your journal names: last contact, asks, promises kept, level and stage."""
    from journal.app.people import due, people

    journal = obj.journal
    if only_due:
        found = due(journal)
        if as_json:
            print_json([{**msgspec_dict(d), "late": d.late} for d in found])
            return
        for d in found:
            said = " · ".join(w for w in (due_words(d.contact), due_words(d.review)) if w)
            click.echo(f"{one_line(label(d.kind, d.name), 30):<30}  {said}")
        if not found:
            click.echo("Nobody is due for contact or a review today.", err=True)
        return
    rows = people(journal, SORTS[sort], reverse=reverse)  # type: ignore[arg-type]
    if as_json:
        print_json([row_json(r) for r in rows])
        return
    if not rows:
        click.echo("Nobody yet: people appear once an intent, an ask or a promise names them.")
        return
    click.echo(f"{'Name':<24}  {'Level':<16}  {'Stage':<9}  {'Last contact':<13}  Commitments kept")
    for r in rows:
        versus = r.keep_rates["commitment"]
        kept = (
            f"{pct(versus.person)} (you: {pct(versus.overall)})"
            if versus.person is not None
            else "-"
        )
        late = " · ".join(w for w in (due_words(r.contact_due), due_words(r.review_due)) if w)
        click.echo(
            f"{one_line(label(r.kind, r.name), 24):<24}  "
            f"{words(r.level):<16}  {words(r.stage):<9}  "
            f"{since(r.days_since):<13}  {kept}{'  ' + late if late else ''}"
        )


def msgspec_dict(value: Any) -> dict[str, Any]:
    import msgspec

    out = msgspec.to_builtins(value)
    assert isinstance(out, dict)
    return out


def row_json(row: PersonRow) -> dict[str, Any]:
    out = msgspec_dict(row)
    for kind, versus in row.keep_rates.items():
        out["keep_rates"][kind]["gap"] = versus.gap
    for key in ("contact_due", "review_due"):
        due = getattr(row, key)
        if due is not None:
            out[key]["is_due"] = due.is_due
    return out


@click.group("person", invoke_without_command=True)
@click.argument("name")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_context
def person(ctx: click.Context, name: str, as_json: bool) -> None:
    """One person's page, or a change to what you record about them (see the commands)."""
    ctx.meta["person"] = name
    if ctx.invoked_subcommand is not None:
        return
    from journal.app.people import person as page

    obj: Context = ctx.obj
    view = page(obj.journal, name)
    if as_json:
        out = {"record": msgspec_dict(view.record), "figures": msgspec_dict(view.figures)}
        print_json(out)
        return
    show_person(view)


def show_person(view: PersonView) -> None:
    from journal.person import current_script

    r, f = view.record, view.figures
    click.echo(f"{one_line(r.label, 60)} ({r.kind})")
    if r.aliases:
        click.echo("  also: " + ", ".join(one_line(a, 40) for a in r.aliases))
    for name, history in (("level", r.levels), ("stage", r.stages)):
        if history:
            moves = " → ".join(f"{words(getattr(h, name))} ({h.on.isoformat()})" for h in history)
            click.echo(f"  {name}: {moves}")
    when = day_label(f.last_contact) if f.last_contact else "none yet"
    click.echo(f"  last contact: {when} ({since(f.days_since)})")
    if f.asks:
        done = f", {f.asks_done} of {f.asks_known} noted done" if f.asks_known else ""
        click.echo(f'  asked "how can I help?": {count(f.asks, "time")}{done}')
        for item in f.requests[-3:]:
            click.echo(f"    {item.on.isoformat()}  {one_line(item.request, 60) or '(not noted)'}")
    for kind, outcome in f.promises.items():
        if outcome.made:
            versus = f.versus[kind]
            rate = f", kept {pct(versus.person)} (you: {pct(versus.overall)} overall)"
            click.echo(
                f"  {words(kind)}: {count(outcome.made, 'promise')}, {outcome.kept} kept, "
                f"{outcome.broken} broken, {outcome.open} open"
                + (rate if versus.person is not None else "")
            )
    if f.intents:
        click.echo(f"  intents that served them: {len(f.intents)}")
    for part, line in current_script(r).items():
        if line.text:
            click.echo(f"  their script, {part}: {one_line(line.text, 70)}")
    for rv in r.reviews[-3:]:
        then = f", next {rv.next.isoformat()}" if rv.next else ""
        note = f": {one_line(rv.note, 50)}" if rv.note else ""
        click.echo(f"  review {rv.on.isoformat()}: {rv.decision}{then}{note}")
    if r.cadence:
        click.echo(f"  reconnect every {count(r.cadence, 'day')}")


def _name(ctx: click.Context) -> str:
    name: str = ctx.meta["person"]
    return name


@person.command("level")
@click.argument("level")
@click.option("--note", default="", help="Why, in a few words.")
@click.pass_context
def level(ctx: click.Context, level: str, note: str) -> None:
    """Where the relationship stands on the pyramid: vendor, problem solver, consultant,
    partner, trusted advisor. Your judgement; Coach only shows the evidence beside it."""
    from journal.app.people import set_level_of
    from journal.people.parse import parse_level

    done = set_level_of(ctx.obj.journal, _name(ctx), parse_level(level), note)
    click.echo(
        f"{one_line(done.label, 60)}: level {words(done.level)}. `coach undo` takes it back."
    )


@person.command("stage")
@click.argument("stage")
@click.option("--note", default="", help="Why, in a few words.")
@click.pass_context
def stage(ctx: click.Context, stage: str, note: str) -> None:
    """How far along the road to loyalty: fringe, friend, familiar, faithful, forever."""
    from journal.app.people import set_stage_of
    from journal.people.parse import parse_stage

    done = set_stage_of(ctx.obj.journal, _name(ctx), parse_stage(stage), note)
    click.echo(
        f"{one_line(done.label, 60)}: stage {words(done.stage)}. `coach undo` takes it back."
    )


@person.command("script")
@click.option("--matters", help="What matters to them.")
@click.option("--next", "next_", help="What they want to happen next.")
@click.option("--bad", help="What a bad outcome would be.")
@click.option("--why", help="Why, for their organisation and for them.")
@click.pass_context
def script(
    ctx: click.Context, matters: str | None, next_: str | None, bad: str | None, why: str | None
) -> None:
    """Their script, in their words: listen for it before you offer answers."""
    from journal.app.people import set_script_of

    given = {"matters": matters, "next": next_, "bad": bad, "why": why}
    parts = {k: v for k, v in given.items() if v is not None}
    done = set_script_of(ctx.obj.journal, _name(ctx), parts)  # type: ignore[arg-type]
    click.echo(f"{one_line(done.label, 60)}: their script is kept. `coach undo` takes it back.")


@person.command("review")
@click.option("--decision", required=True, help="grow, change or end.")
@click.option("--note", default="", help="What you saw and agreed.")
@click.option("--next", "next_", help="When to review it again (a date, +6w, ...).")
@click.pass_context
def review_cmd(ctx: click.Context, decision: str, note: str, next_: str | None) -> None:
    """A review of the relationship: grow it as it is, change it, or end it."""
    from journal.app.people import review
    from journal.people.parse import parse_decision

    obj: Context = ctx.obj
    when = obj.maybe_date(next_, "--next")
    done = review(obj.journal, _name(ctx), parse_decision(decision), note, when)
    click.echo(f"{one_line(done.label, 60)}: review kept. `coach undo` takes it back.")


@person.command("cadence")
@click.argument("every")
@click.pass_context
def cadence(ctx: click.Context, every: str) -> None:
    """How often to reconnect: 2w, 10d, 1m, or off."""
    from journal.app.people import set_cadence_of
    from journal.people.parse import parse_cadence

    done = set_cadence_of(ctx.obj.journal, _name(ctx), parse_cadence(every))
    said = f"every {count(done.cadence, 'day')}" if done.cadence else "no reconnect cadence"
    click.echo(f"{one_line(done.label, 60)}: {said}.")


@person.command("rename")
@click.argument("new_name")
@click.pass_context
def rename_cmd(ctx: click.Context, new_name: str) -> None:
    """A new name; the old one stays as an alias, so nothing written under it is lost."""
    from journal.app.people import rename_person

    done = rename_person(ctx.obj.journal, _name(ctx), new_name)
    click.echo(f"Now {one_line(done.label, 60)}. `coach undo` takes it back.")


@person.command("merge")
@click.argument("other")
@click.pass_context
def merge_cmd(ctx: click.Context, other: str) -> None:
    """OTHER's history and names join this person; OTHER's record goes."""
    from journal.app.people import merge_people

    done = merge_people(ctx.obj.journal, _name(ctx), other)
    click.echo(
        f"{one_line(other, 60)} joined {one_line(done.label, 60)}. `coach undo` takes it back."
    )


COMMANDS = (people, person)
