"""`coach edit [DATE]`: the whole day in the person's own editor, stored when it reads well.

What they type is kept in a recovery file from the first save of the editor until it is
stored (or they discard it), so an invalid edit, a closed terminal or a crash loses nothing:
the next `coach edit` of that day starts from it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shlex
import subprocess
from pathlib import Path

import click

from coach import cli_support
from coach.cli_support import Context
from coach.failure import fail
from coach.render import one_line
from journal.wording import day_label

NO_EDITOR = (
    "no editor is set: set VISUAL or EDITOR (for example `export EDITOR=nano`) and try again"
)


def editor_command() -> list[str]:
    value = os.environ.get("VISUAL") or os.environ.get("EDITOR") or ""
    try:
        command = shlex.split(value)
    except ValueError:
        fail(f"the editor {value!r} cannot be read as a command: check VISUAL or EDITOR")
    if not command:
        fail(NO_EDITOR)
    return command


def run_editor(command: list[str], path: Path) -> None:
    try:
        done = subprocess.run([*command, str(path)], check=False)
    except OSError as exc:
        fail(f"cannot start the editor {command[0]!r}: {exc.strerror}; your text is kept in {path}")
    if done.returncode != 0:
        fail(
            f"the editor exited with status {done.returncode}, so nothing was stored; "
            f"your text is kept in {path}"
        )


@click.command()
@click.argument("day", required=False)
@click.pass_obj
def edit(obj: Context, day: str | None) -> None:
    """Edit a whole day (today by default) in $VISUAL or $EDITOR, every field in its own
    section; what you type is checked before anything is stored."""
    from journal.app.corrections import apply_day_edit
    from journal.app.encryption import edit_folder
    from journal.app.files import write_file
    from journal.day_text import is_blank, render_day
    from journal.day_text_parse import parse_day
    from journal.errors import JournalError

    command = editor_command()
    date = obj.date(day, "DAY")
    journal = obj.journal
    recovery = edit_folder(obj.home) / f"edit-{date.isoformat()}.txt"
    base = recovery.with_name(f"edit-{date.isoformat()}.base")
    fresh = render_day(date, journal.entry(date), journal.promises_made_on(date), note_keys(obj))
    kept = recovery.read_text(encoding="utf-8", errors="replace") if recovery.is_file() else None
    if kept is not None and not untouched(kept, base):
        click.echo(one_line(f"Carrying on with the edit kept in {recovery}."))
    else:  # nothing kept, or nothing typed into what was: start from the day as it is
        recovery.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_file(recovery, fresh.encode())
        write_file(base, fingerprint(obj, date) + b"\n" + digest(fresh))
    while True:
        run_editor(command, recovery)
        text = recovery.read_text(encoding="utf-8", errors="replace")
        if is_blank(text):
            forget(recovery, base)
            click.echo(f"The file was emptied, so {day_label(date)} is unchanged.")
            return
        began = base.read_bytes().partition(b"\n")[0] if base.is_file() else None
        if began is not None and began != fingerprint(obj, date) and not overwrite(date):
            fail(
                f"{day_label(date)} changed while you were editing it; your text is kept in "
                f"{recovery}: `coach edit` again to start from the day as it is now"
            )
        try:
            edited = parse_day(
                text, date, obj.home.today(), journal.entry(date), journal.promises_made_on(date)
            )
            change = apply_day_edit(journal, date, edited)
        except JournalError as exc:
            click.echo(f"coach: {one_line(str(exc))}", err=True)
            if not again(recovery, base):
                fail(f"{day_label(date)} is unchanged; your text is kept in {recovery}")
            continue
        forget(recovery, base)
        if change is None:
            click.echo(f"Nothing changed on {day_label(date)}.")
        else:
            click.echo(f"Saved {day_label(date)}. `coach undo` takes it back.")
        return


def fingerprint(obj: Context, date: dt.date) -> bytes:
    """The day as it stood when the edit began: the times its entry and promises were last
    saved. Another change meanwhile (the app, another window) must not be overwritten unseen."""
    import msgspec

    entry = obj.journal.entry(date)
    promises = sorted((p.id, p.updated.isoformat()) for p in obj.journal.promises_made_on(date))
    return msgspec.json.encode({"entry": entry.updated if entry else None, "promises": promises})


def digest(text: str) -> bytes:
    import hashlib

    return hashlib.sha256(text.encode()).hexdigest().encode()


def untouched(kept: str, base: Path) -> bool:
    """Whether a kept file is still exactly what Coach wrote into it (nobody typed)."""
    return base.is_file() and base.read_bytes().partition(b"\n")[2] == digest(kept)


def overwrite(date: dt.date) -> bool:
    """On a terminal, whether to store the edit over what changed meanwhile."""
    if not cli_support.stdin_is_terminal():
        return False
    return click.confirm(
        f"{day_label(date)} changed while you were editing it (in the app, or another "
        "window). Store your text over it anyway?",
        default=False,
        err=True,
    )


def forget(recovery: Path, base: Path) -> None:
    """The edit is stored (or given up): its recovery file goes, and the folder if empty."""
    recovery.unlink(missing_ok=True)
    base.unlink(missing_ok=True)
    with contextlib.suppress(OSError):  # other days' edits are still kept there
        recovery.parent.rmdir()


def again(recovery: Path, base: Path) -> bool:
    """On a terminal: edit again, or keep the text for later, or throw it away."""
    if not cli_support.stdin_is_terminal():
        return False
    choice = click.prompt(
        "Edit again (e), keep your text for later (k) or discard it (d)?",
        type=click.Choice(["e", "k", "d"]),
        default="e",
        err=True,
    )
    if choice == "d":
        forget(recovery, base)
        fail("discarded; nothing was stored")
    return choice == "e"


def note_keys(obj: Context) -> list[str]:
    """The free-text steps of the person's own packs, offered as note sections."""
    from journal.errors import JournalError

    known = {"intent", "help", "promises", "follow_up", "help_done", "ratings", "tip"}
    known |= {"self_focus", "reflection"}
    keys: list[str] = []
    for name in ("morning", "evening"):
        try:
            pack = obj.home.pack(name)
        except JournalError:
            continue  # a broken pack is reported where it is used; its notes can wait
        keys += [s.id for s in pack.steps if s.kind not in known]
    return keys
