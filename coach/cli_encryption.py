"""`coach encrypt`, `coach decrypt` and `coach passphrase`: encryption at rest, from the
command line (the work is journal/app/encryption.py's)."""

from __future__ import annotations

import click

from coach import cli_support
from coach.cli_support import Context
from coach.failure import fail
from journal.wording import count


def new_passphrase(variable: str) -> str:
    """From the file the variable names, or typed twice on the terminal."""
    from journal.app.encryption import passphrase_from

    given = passphrase_from(variable)
    if given is not None:
        return given
    if not cli_support.stdin_is_terminal():
        fail(f"no terminal to ask for a passphrase on; name a file holding it in ${variable}")
    typed: str = click.prompt(
        "New passphrase",
        hide_input=True,
        confirmation_prompt="The same again, to be sure",
        err=True,
    )
    return typed


@click.command()
@click.pass_obj
def encrypt(obj: Context) -> None:
    """Encrypt every file of your journal at rest, with a passphrase.

    Each file becomes an age file (the `age` tool opens it with your identity). Coach asks
    for the passphrase once per session, or reads it from the file COACH_PASSPHRASE_FILE
    names. Without it the journal cannot be read: keep it somewhere safe."""
    from journal.app.encryption import PASSPHRASE_FILE, encrypt_home

    files = encrypt_home(obj.home, new_passphrase(PASSPHRASE_FILE))
    click.echo(
        f"Encrypted {count(files, 'file')} in {obj.home.root}. Keep your passphrase safe: "
        "without it nobody, you included, can read this journal."
    )


@click.command()
@click.option("--yes", is_flag=True, help="Do not ask first.")
@click.pass_obj
def decrypt(obj: Context, yes: bool) -> None:
    """Write every file of your journal in the clear again (asks first)."""
    from journal.app.encryption import decrypt_home

    home = obj.home
    home.codec  # noqa: B018  (unlocks before asking anything else)
    cli_support.confirm(
        f"Store every file in {home.root} unencrypted?", yes, "the journal stays encrypted"
    )
    files = decrypt_home(home)
    click.echo(f"Decrypted {count(files, 'file')} in {home.root}; it needs no passphrase now.")


@click.command()
@click.pass_obj
def passphrase(obj: Context) -> None:
    """Change the passphrase of an encrypted journal (only its identity is re-encrypted).

    For scripts: COACH_PASSPHRASE_FILE names the current one, COACH_NEW_PASSPHRASE_FILE the
    new one."""
    from journal.app.encryption import NEW_PASSPHRASE_FILE, change_passphrase, encrypted

    home = obj.home
    if not encrypted(home):
        fail(f"{home.root} is not encrypted: `coach encrypt` sets a passphrase")
    home.codec  # noqa: B018  (the current passphrase first)
    change_passphrase(home, new_passphrase(NEW_PASSPHRASE_FILE))
    click.echo("Passphrase changed. Your journal's files are as they were.")


COMMANDS = (encrypt, decrypt, passphrase)
