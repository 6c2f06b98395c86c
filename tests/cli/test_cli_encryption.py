"""`coach encrypt`, `coach decrypt`, `coach passphrase`, and every command on an encrypted
journal, as a script runs them (COACH_PASSPHRASE_FILE) and as a person without one would."""

from __future__ import annotations

import datetime as dt
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from journal.store.crypt import AGE_MAGIC
from tests.cli.helpers import Cli

CANARY = "CANARY-5d2a"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def secret(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "passphrase"
    path.write_text("a long passphrase\n")
    monkeypatch.setenv("COACH_PASSPHRASE_FILE", str(path))
    return path


def test_encrypt_then_use_then_decrypt(seeded: Cli, secret: Path) -> None:
    said = seeded.run("encrypt").stdout
    assert said.startswith(f"Encrypted 3 files in {seeded.home}. Keep your passphrase safe")
    assert (seeded.home / "journal" / "entries-2026.json").read_bytes().startswith(AGE_MAGIC)
    seeded.run("checkin", "--intent", CANARY, "--promise", f"commitment: {CANARY}")
    assert CANARY in seeded.run("show", "--json").stdout
    assert "already encrypted" in seeded.fails("encrypt")
    assert seeded.run("decrypt", "--yes").stdout.startswith("Decrypted 4 files")
    assert (seeded.home / "journal" / "entries-2026.json").read_bytes().startswith(b"{")
    assert "is not encrypted" in seeded.fails("decrypt", "--yes")


def test_a_script_without_a_passphrase_is_told_how(seeded: Cli, secret: Path) -> None:
    seeded.run("encrypt")
    os.environ.pop("COACH_PASSPHRASE_FILE")
    said = seeded.fails("list")
    assert said.endswith("is encrypted: open it on a terminal to give its passphrase, or name a "
                         "file holding the passphrase in COACH_PASSPHRASE_FILE")  # fmt: skip
    assert "no terminal to ask for a passphrase on" in Cli(seeded.home.parent / "new").fails(
        "encrypt"
    )


def test_a_wrong_passphrase_file_changes_nothing(seeded: Cli, secret: Path) -> None:
    seeded.run("encrypt")
    secret.write_text("not the passphrase\n")
    assert "wrong passphrase for" in seeded.fails("checkin", "--intent", "never saved")


def test_passphrase_changes_with_two_files(
    seeded: Cli, secret: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seeded.run("encrypt")
    new = tmp_path / "new"
    new.write_text("another long one\n")
    monkeypatch.setenv("COACH_NEW_PASSPHRASE_FILE", str(new))
    assert seeded.run("passphrase").stdout.startswith("Passphrase changed.")
    assert "wrong passphrase" in seeded.fails("list")
    monkeypatch.setenv("COACH_PASSPHRASE_FILE", str(new))
    assert "seed" in seeded.run("list").stdout


def test_a_real_process_leaves_no_plaintext_in_the_home_or_the_temp_folder(
    seeded: Cli, secret: Path, tmp_path: Path
) -> None:
    """A check-in and an export to standard output, run as a person would; then
    every byte under the home and the process's temp folder is scanned for the canary."""
    seeded.run("encrypt")
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = {**os.environ, "TMPDIR": str(temp), "COACH_HOME": str(seeded.home)}
    for args in (
        ["checkin", "--intent", CANARY, "--reflection", f"one\n{CANARY}",
         "--promise", f"commitment: {CANARY} @Ana", "--tag", "canary"],
        ["export", "--format", "md", "-o", "-"],
    ):  # fmt: skip
        done = subprocess.run(
            [sys.executable, "-m", "coach", *args], env=env, cwd=ROOT, capture_output=True
        )
        assert done.returncode == 0, done.stderr
    assert CANARY.encode() in done.stdout
    for path in [*seeded.home.rglob("*"), *temp.rglob("*")]:
        if path.is_file():
            assert CANARY.encode() not in path.read_bytes(), path


def test_editing_an_encrypted_day_keeps_the_editor_copy_in_memory(
    seeded: Cli, secret: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The editor needs the text itself, so its copy lives in a folder kept in memory; an
    invalid edit stays there for the next `coach edit`, and nothing readable is in the home."""
    seeded.run("encrypt")
    memory = tmp_path / "run"
    memory.mkdir()
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(memory))
    editor = tmp_path / "editor.py"
    editor.write_text(
        "import sys, pathlib\n"
        "p = pathlib.Path(sys.argv[1])\n"
        f"p.write_text(p.read_text().replace('## Reflection\\n', '## Reflection\\n{CANARY}\\n')"
        ".replace('## Ratings\\n', '## Ratings\\nself: 11\\n'))\n"
    )
    monkeypatch.setenv("EDITOR", f"{sys.executable} {editor}")
    monkeypatch.delenv("VISUAL", raising=False)
    said = seeded.run("edit", "2026-11-20", code=2).stderr
    (kept,) = memory.glob("coach-edit-*/edit-2026-11-20.txt")
    assert str(kept) in said and CANARY in kept.read_text()
    assert not (seeded.home / "recovery").exists()
    for path in seeded.home.rglob("*"):
        if path.is_file():
            assert CANARY.encode() not in path.read_bytes(), path


class Typed(io.StringIO):
    """A terminal's standard input: what the person types, line by line."""

    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("answer", ["y", "n"])
def test_the_first_run_on_a_terminal_offers_encryption(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], answer: str
) -> None:
    from coach import passphrase
    from journal.app.home import Home

    typed = iter(["", "one", "two", "one", "one"])  # empty, then a mismatch, then agreed
    monkeypatch.setattr(passphrase.sys, "stdin", Typed(f"{answer}\n"))
    monkeypatch.setattr(passphrase, "ask_on_terminal", lambda prompt: next(typed))
    home = Home(tmp_path / "new")
    passphrase.offer_encryption(home)
    shown = capsys.readouterr().out
    assert "Encrypt it with a passphrase, so nobody else can read it? [y/N]" in shown
    if answer == "y":
        assert "It cannot be empty." in shown and "once more" in shown
        assert (home.root / "encryption" / "identity.age").is_file()
        home.journal.set_intent(dt.date(2026, 11, 20), CANARY)  # opens with what was typed
        assert CANARY.encode() not in b"".join(
            p.read_bytes() for p in home.root.rglob("*") if p.is_file()
        )
    else:
        assert "`coach encrypt` turns encryption on any time" in shown
        assert not home.root.exists()
    monkeypatch.setattr(passphrase.sys, "stdin", Typed("y\n"))
    home.root.mkdir(exist_ok=True)
    (home.root / "settings.json").write_text("{}")
    passphrase.offer_encryption(Home(home.root))  # not the first run: nothing asked
    assert "Encrypt it" not in capsys.readouterr().out
