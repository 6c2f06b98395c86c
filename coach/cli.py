"""The `coach` command: bare `coach` opens the TUI; subcommands script the same journal.

Command and option names are fixed so scripts can rely on them. Every domain error becomes one
line on stderr and exit status 2, with nothing written. The app is imported only when it opens.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from coach import messages as msg
from coach.cli_support import Context, Group, WholeNumber, print_json
from coach.failure import fail
from coach.render import clean, one_line
from journal.wording import chain_text, count

if TYPE_CHECKING:
    from collections.abc import Sequence

    from journal.model import Comment, Entry, Promise


@click.group(cls=Group, invoke_without_command=True)
@click.version_option(package_name="coach", prog_name="coach")
@click.option(
    "--home",
    type=click.Path(file_okay=False),
    help="Folder holding the journal (default: $COACH_HOME or the platform data dir).",
)
@click.option(
    "--date",
    "day",
    help="Open the app on this day's check-in (YYYY-MM-DD, yesterday, -2d, monday).",
)
@click.pass_context
def main(ctx: click.Context, home: str | None, day: str | None) -> None:
    """Coach: a daily journal for becoming more trustworthy. Run without a command to open it."""
    ctx.obj = Context(home)
    if ctx.invoked_subcommand is None:
        root, on_day = ctx.obj.root, ctx.obj.date(day, "--date") if day else None
        from coach.app import open_app

        open_app(str(root), on_day)
    elif day is not None:
        fail("--date before a command opens the app; give it after the command instead")


@main.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--date", "day", help="Day of the entry (YYYY-MM-DD, today, yesterday, -2d).")
@click.option("--intent", help="Today's intent.")
@click.option(
    "--for", "serves", help="Whom the intent serves: me (or self), team, team:NAME or a name."
)
@click.option(
    "--ask",
    "helps",
    multiple=True,
    help='"PERSON: what they asked": you asked "how can I help?" (repeat).',
)
@click.option(
    "--promise", "promises", multiple=True, help='"KIND: TEXT [@PERSON] [due:DATE]" (repeat).'
)
@click.option("--rate", "rates", multiple=True, help="A self-rating 0-10, e.g. credibility=7.")
@click.option("--self-focus", "self_focus", help="Where you were focused on yourself today.")
@click.option("--reflection", help="A short reflection.")
@click.option("--tag", "tags", multiple=True, help="A tag for the day (repeat).")
@click.option("--star", is_flag=True, help="Star the day: its reflection is one to keep.")
@click.option("--private", is_flag=True, help="Keep this entry out of exports and sharing.")
@click.pass_obj
def checkin(
    obj: Context,
    day: str | None,
    intent: str | None,
    serves: str | None,
    helps: tuple[str, ...],
    promises: tuple[str, ...],
    rates: tuple[str, ...],
    self_focus: str | None,
    reflection: str | None,
    tags: tuple[str, ...],
    star: bool,
    private: bool,
) -> None:
    """Create or add to a day's entry, then print what was saved."""
    from journal.app.checkin import CheckinAnswers, record_checkin
    from journal.parse import parse_help, parse_promise, parse_rating, parse_serves

    date = obj.date(day, "--date")
    due_from = max(date, obj.home.today())
    answers = CheckinAnswers(
        day=date,
        intent=intent,
        serves=parse_serves(serves) if serves else None,
        asks=[parse_help(h) for h in helps],
        promises=[parse_promise(p, due_from) for p in promises],
        ratings=dict(parse_rating(r) for r in rates),
        self_focus=self_focus,
        reflection=reflection,
        tags=tags,
        private=private,
        starred=star,
    )
    if answers.empty():
        fail(msg.NOTHING_TO_SAVE)
    saved = record_checkin(obj.journal, answers)
    click.echo(f"Saved {date.isoformat()}.")
    show_entry(saved.entry, saved.promises)


def show_block(label: str, text: str) -> None:
    """A field that may hold several lines: the first beside its label, the rest indented
    under it, so a reflection reads as it was written."""
    lines = clean(text).strip("\n").splitlines() or [""]
    click.echo(f"  {label}: {lines[0]}")
    for line in lines[1:]:
        click.echo(f"    {line}" if line.strip() else "")


def show_entry(
    entry: Entry | None, promises: list[Promise], comments: Sequence[Comment] = ()
) -> None:
    """A plain-text view of one day, shared by `checkin` and `show`."""
    from journal.model import STAR_TAGS
    from journal.parse import kind_label

    if entry is not None:
        if entry.intent:
            whom = f" (for {entry.intent_for.label()})" if entry.intent_for else ""
            click.echo(f"  intent: {one_line(entry.intent)}{clean(whom)}")
        for ask in entry.help:
            done = {True: "done", False: "not done", None: "open"}[ask.done]
            request = one_line(ask.request) or "(what they asked for: not yet noted)"
            click.echo(f"  helped {one_line(ask.person)}: {request} [{done}]")
        given = entry.ratings.given()
        if given:
            click.echo("  ratings: " + ", ".join(f"{k}={v}" for k, v in given.items()))
        if entry.self_focus:
            show_block("self-focus", entry.self_focus)
        if entry.reflection:
            show_block("reflection", entry.reflection)
        for key, text in entry.notes.items():
            show_block(key.replace("_", " "), text)
        tags = [t for t in entry.tags if t not in STAR_TAGS]
        if tags:
            click.echo("  tags: " + ", ".join(clean(t) for t in tags))
        if entry.starred:
            click.echo("  starred: yes")
        if entry.private:
            click.echo("  private: yes")
    for p in promises:
        to = f" to {one_line(p.to)}" if p.to else ""
        due = f", due {p.due.isoformat()}" if p.due else ""
        link = f" ({chain_text(p)})" if chain_text(p) else ""
        click.echo(
            f"  promise {p.short_id} ({kind_label(p.kind)}{to}{due}): {one_line(p.text)} "
            f"[{p.status}]{link}"
        )
    for c in comments:
        week = f" on the week of {c.date:%d %b}" if c.on == "week" else ""
        show_block(f"comment from {one_line(c.author, 60)}{week}", c.text)


@main.command(context_settings={"ignore_unknown_options": True})
@click.argument("day", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print the entry and its promises as JSON.")
@click.pass_obj
def show(obj: Context, day: str | None, as_json: bool) -> None:
    """Show one day's entry (today by default)."""
    from journal.model import full_record

    date = obj.date(day, "DAY")
    entry = obj.journal.entry(date)
    promises = obj.journal.promises_made_on(date)
    comments = obj.home.feedback.about(date)
    if as_json:
        print_json(
            {
                "date": date.isoformat(),
                "entry": full_record(entry) if entry else None,
                "promises": [full_record(p) for p in promises],
                "comments": [full_record(c) for c in comments],
            }
        )
        return
    if entry is None and not promises:
        fail(f"no entry for {date.isoformat()}")
    click.echo(date.strftime("%A %d %B %Y"))
    show_entry(entry, promises, comments)


@main.command("list")
@click.option("--from", "start", help="First day (YYYY-MM-DD or -30d).")
@click.option("--to", "end", help="Last day.")
@click.option(
    "--tag",
    "tags",
    multiple=True,
    help="Only days with this tag (repeat for all of them; star finds starred days).",
)
@click.option("--contains", help="Only days whose text contains this (any case).")
@click.option(
    "--person",
    "people",
    multiple=True,
    help="Only days that name this person: an intent for them, an ask, a promise (repeat).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the entries as JSON.")
@click.pass_obj
def list_entries(
    obj: Context,
    start: str | None,
    end: str | None,
    tags: tuple[str, ...],
    contains: str | None,
    people: tuple[str, ...],
    as_json: bool,
) -> None:
    """List days, newest first."""
    from journal.model import STAR_TAGS, full_record

    first, last = obj.maybe_date(start, "--from"), obj.maybe_date(end, "--to")
    if first and last and first > last:
        fail(f"--from {first.isoformat()} is after --to {last.isoformat()}")
    found = obj.journal.entries(
        start=first, end=last, tags=[t.lower() for t in tags], contains=contains, people=people
    )
    if as_json:
        print_json([full_record(e) for e in found])
        return
    if not found:
        click.echo(msg.NO_ENTRIES, err=True)
        return
    for e in found:
        shown = [t for t in e.tags if t not in STAR_TAGS]
        marks = f"  #{' #'.join(clean(t) for t in shown)}" if shown else ""
        marks += "  (private)" if e.private else ""
        text = one_line(e.intent or e.reflection or e.self_focus, 70) or "(no intent)"
        star = "★ " if e.starred else ""
        click.echo(f"{e.date.isoformat()}  {star}{text}{marks}")


@main.command()
@click.option("--open", "only_open", is_flag=True, default=True, help="Open promises (default).")
@click.option("--all", "show_all", is_flag=True, help="Every promise, resolved ones too.")
@click.option("--json", "as_json", is_flag=True, help="Print the promises as JSON.")
@click.pass_obj
def promises(obj: Context, only_open: bool, show_all: bool, as_json: bool) -> None:
    """List promises: open ones (carried forward until resolved), or all of them."""
    from journal.model import full_record
    from journal.parse import kind_label

    found = obj.journal.all_promises() if show_all else obj.journal.open_promises()
    if as_json:
        print_json([full_record(p) for p in found])
        return
    if not found:
        click.echo(msg.NO_OPEN_PROMISES if not show_all else msg.NO_PROMISES, err=True)
        return
    today = obj.home.today()
    for p in found:
        due = f" due {p.due.isoformat()}" if p.due else ""
        late = " OVERDUE" if p.is_overdue(today) else ""
        to = f" to {one_line(p.to)}" if p.to else ""
        link = f" ({chain_text(p)})" if chain_text(p) else ""
        click.echo(
            f"{p.short_id}  {p.made_on.isoformat()}  {kind_label(p.kind):<14} {p.status:<12}"
            f"{one_line(p.text, 60)}{to}{due}{late}{link}"
        )


@main.command()
@click.option(
    "--years", type=WholeNumber(), default=1, show_default=True, help="How many years of history."
)
@click.option(
    "--seed",
    type=WholeNumber(),
    default=7,
    show_default=True,
    help="Random seed (same seed, same journal).",
)
@click.option(
    "--clients",
    type=WholeNumber(),
    help="Instead of your journal, fill a coach's workspace with this many sample clients "
    "(1-500), each with --years of history.",
)
@click.pass_obj
def demo(obj: Context, years: int, seed: int, clients: int | None) -> None:
    """Fill an empty home with a realistic sample journal (or coach's clients) to explore."""
    if clients is not None:
        from journal.app.demo import write_demo_clients

        made = write_demo_clients(obj.home, clients, years, seed)
        keys = f"new keys for {one_line(made.coach)}"
        click.echo(
            f"Added {count(made.clients, 'demo client')}, {count(years, 'year')} of history "
            f"each, to {made.workspace} ({keys}); "
            "open it with `coach clients`."
        )
        return
    from journal.app.demo import write_demo

    summary = write_demo(obj.home, years, seed)
    click.echo(
        f"Wrote a demo journal to {obj.home.root}: {count(summary.entries, 'entry')} and "
        f"{count(summary.promises, 'promise')}, "
        f"{summary.first.isoformat()} to {summary.last.isoformat()}."
    )


@main.group()
def prompts() -> None:
    """Prompt packs: the questions each check-in asks."""


@prompts.command("list")
@click.pass_obj
def prompts_list(obj: Context) -> None:
    """Show the packs in use; a pack in your data dir overrides a built-in one."""
    for info in obj.home.packs():
        if info.problem:
            click.echo(f"{info.name:<12} {'BROKEN':<28} {one_line(info.problem)}")
        else:
            click.echo(f"{info.name:<12} {one_line(info.title):<28} {clean(info.source)}")


@prompts.command("check")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
def prompts_check(file: Path) -> None:
    """Validate a pack file before using it."""
    from prompts.loader import check_pack_file

    pack = check_pack_file(file)
    click.echo(f"{file}: OK, pack {one_line(pack.name)!r} with {count(len(pack.steps), 'step')}")


def register_reports() -> None:
    from coach.cli_completion import completion
    from coach.cli_corrections import COMMANDS as CORRECTIONS
    from coach.cli_doctor import doctor
    from coach.cli_edit import edit
    from coach.cli_encryption import COMMANDS as ENCRYPTION
    from coach.cli_people import COMMANDS as PEOPLE
    from coach.cli_reports import export, import_backup, settings, stats
    from coach.cli_sharing import COMMANDS

    commands = (
        stats,
        export,
        import_backup,
        settings,
        *COMMANDS,
        *CORRECTIONS,
        edit,
        completion,
        doctor,
        *ENCRYPTION,
        *PEOPLE,
    )
    for command in commands:
        main.add_command(command)


register_reports()
