"""The reporting commands: stats, export, import and settings."""

from __future__ import annotations

from pathlib import Path

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


@click.command()
@click.option("--from", "start", help="First day (default: 12 weeks ago).")
@click.option("--to", "end", help="Last day (default: today).")
@click.option(
    "--period",
    type=click.Choice(["week", "month", "year"]),
    default="week",
    show_default=True,
    help="One row of the series per week, month or year.",
)
@click.option("--json", "as_json", is_flag=True, help="Every series as JSON (keys in the README).")
@click.pass_obj
def stats(obj: Context, start: str | None, end: str | None, period: str, as_json: bool) -> None:
    """Trends: self-orientation, promises kept, trust quotient."""
    from journal.parse import parse_date
    from journal.stats import to_json

    svc = obj.service()
    first = parse_date(start, svc.today(), "--from") if start else None
    last = parse_date(end, svc.today(), "--to") if end else svc.today()
    if first and first > last:
        fail(f"--from {first.isoformat()} is after --to {last.isoformat()}")
    report = svc.report(
        start=first, end=last, period=period, show_streak=obj.settings().show_streak
    )
    if as_json:
        print_json(to_json(report))
        return
    from rich.console import Console

    from coach.stats_view import print_report

    print_report(Console(highlight=False, markup=False), report)


@click.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["md", "html", "pdf", "json", "csv"]),
    required=True,
    help="md, html or pdf: a progress summary; json: a full backup; csv: one row per day.",
)
@click.option("--from", "start", help="First day (default: the first entry).")
@click.option("--to", "end", help="Last day (default: today).")
@summary_period_option("The summary's series: one row per week, month, quarter or year.")
@click.option("-o", "output", help="File to write (- for standard output).")
@click.option("--include-private", is_flag=True, help="JSON only: include private entries.")
@click.pass_obj
def export(
    obj: Context,
    fmt: str,
    start: str | None,
    end: str | None,
    period: str | None,
    output: str | None,
    include_private: bool,
) -> None:
    """Export a progress summary or a backup. Private entries stay out unless asked for."""
    from journal.export import default_filename, render, select
    from journal.parse import parse_date

    if include_private and fmt != "json":
        fail("--include-private is only for the JSON backup; summaries never show private days")
    check_output(fmt, output)
    svc = obj.service()
    first = parse_date(start, svc.today(), "--from") if start else None
    last = parse_date(end, svc.today(), "--to") if end else None
    selection = select(
        svc,
        start=first,
        end=last,
        period=period,
        include_private=include_private,
        show_streak=obj.settings().show_streak,
    )
    target = write_output(render(fmt, selection), fmt, output, default_filename(fmt, selection))
    if target is None:
        return
    click.echo(
        one_line(
            f"Wrote {target}: {count(len(selection.entries), 'day')} and "
            f"{count(len(selection.promises), 'promise')}, "
            f"{selection.start.isoformat()} to {selection.end.isoformat()}"
            + (" (private entries included)" if include_private else "")
            + "."
        )
    )


@click.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_obj
def import_backup(obj: Context, file: Path) -> None:
    """Restore a JSON backup, or merge it into this journal (matched by id, no duplicates)."""
    from journal.export.restore import restore

    try:
        raw = file.read_bytes()
    except OSError as exc:
        fail(f"cannot read {file}: {exc.strerror}")
    done = restore(obj.service(), raw, str(file))
    click.echo(
        one_line(
            f"Imported {count(done.entries, 'day')} and {count(done.promises, 'promise')} "
            f"from {file}; "
            f"{done.already_there} records were already here."
        )
    )
    if done.kept_yours:
        click.echo(
            f"Kept your own entry on {len(done.kept_yours)} days that the backup also had: "
            + ", ".join(done.kept_yours[:10])
            + (" …" if len(done.kept_yours) > 10 else "")
        )


@click.command()
@click.option("--streak/--no-streak", default=None, help="Show the check-in streak or not.")
@click.pass_obj
def settings(obj: Context, streak: bool | None) -> None:
    """Show or change your preferences."""
    import msgspec

    from journal.settings import save

    current = obj.settings()
    if streak is not None:
        current = msgspec.structs.replace(current, show_streak=streak)
        save(obj.home, current)
    click.echo(f"streak: {'shown' if current.show_streak else 'hidden'}")
