"""The reporting commands: stats, export, import and settings."""

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
    from journal.app.exporting import ExportRequest
    from journal.periods import Period  # noqa: F401  (named in casts)


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
    from journal.app.trends import TrendsRequest, trends

    first, last = obj.maybe_date(start, "--from"), obj.date(end, "--to")
    if first and first > last:
        fail(f"--from {first.isoformat()} is after --to {last.isoformat()}")
    request = TrendsRequest(
        start=first,
        end=last,
        period=cast("Period", period),
        show_streak=obj.home.settings().show_streak,
    )
    shown = trends(obj.journal, request)
    if as_json:
        print_json(shown.to_json())
        return
    from rich.console import Console

    from coach.report_console import print_document

    print_document(Console(highlight=False, markup=False), shown.document)


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
@click.option(
    "--people", is_flag=True, help="Summaries: a section on how each relationship stands."
)
@click.option(
    "--preview", is_flag=True, help="Print the figures the export will have; write nothing."
)
@click.pass_obj
def export(
    obj: Context,
    fmt: str,
    start: str | None,
    end: str | None,
    period: str | None,
    output: str | None,
    include_private: bool,
    people: bool,
    preview: bool,
) -> None:
    """Export a progress summary or a backup. Private entries stay out unless asked for."""
    from journal.app.exporting import ExportRequest
    from journal.app.exporting import export as export_summary

    check_output(fmt, output)
    request = ExportRequest(
        fmt,
        start=obj.maybe_date(start, "--from"),
        end=obj.maybe_date(end, "--to"),
        period=cast("Period | None", period),
        include_private=include_private,
        people=people,
    )
    if preview:
        print_preview(obj, request)
        return
    exported = export_summary(obj.home, request)
    target = write_export(exported, output)
    if target is None:
        return
    s = exported.selection
    click.echo(
        one_line(
            f"Wrote {target}: {count(len(s.entries), 'day')} and "
            f"{count(len(s.promises), 'promise')}, "
            f"{s.start.isoformat()} to {s.end.isoformat()}"
            + (" (private entries included)" if include_private else "")
            + "."
        )
    )


def print_preview(obj: Context, request: ExportRequest) -> None:
    """The export's own figures, laid out as `coach stats` lays out its report."""
    from rich.console import Console

    from coach.render import rich_text
    from coach.report_console import print_document
    from journal.app.exporting import preview

    shown = preview(obj.home, request)
    console = Console(highlight=False, markup=False)
    lines = shown.headline
    if shown.document is not None:
        print_document(console, shown.document)
        console.print()
        lines = lines[:1]  # the rest is in the report above
    console.print(
        rich_text(f"Nothing written. Without --preview this writes {shown.default_name}:")
    )
    for line in lines:
        console.print(rich_text(line))


@click.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_obj
def import_backup(obj: Context, file: Path) -> None:
    """Restore a JSON backup, or merge it into this journal (matched by id, no duplicates)."""
    from journal.app.restore import restore_file

    done = restore_file(obj.home, file)
    click.echo(
        one_line(
            f"Imported {count(done.entries, 'day')} and {count(done.promises, 'promise')} "
            f"from {file}; "
            f"{done.already_there} records were already here."
        )
    )
    if done.kept_yours:
        click.echo(
            f"Kept your own entry on {count(len(done.kept_yours), 'day')} "
            "that the backup also had: "
            + ", ".join(done.kept_yours[:10])
            + (" …" if len(done.kept_yours) > 10 else "")
        )


@click.command()
@click.option("--streak/--no-streak", default=None, help="Show the check-in streak or not.")
@click.pass_obj
def settings(obj: Context, streak: bool | None) -> None:
    """Show or change your preferences."""
    from journal.app.settings import SettingsChange, change_settings

    current = change_settings(obj.home, SettingsChange(show_streak=streak))
    click.echo(f"streak: {'shown' if current.show_streak else 'hidden'}")
