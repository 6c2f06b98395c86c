"""A coach's workflows that start from files and keys: adding a client's bundle and writing the
reply. (The rules and the workspace itself are journal/app/workspace.py's.)"""

from __future__ import annotations

from pathlib import Path

from journal.app.files import read_input, write_file
from journal.app.home import Home
from journal.app.workspace import Reply
from journal.model import Client
from journal.sharing.clients import Added


def add_bundle(home: Home, path: Path) -> Added:
    """`coach clients add FILE`: a client's bundle, opened with the coach's keys."""
    return home.workspace.add(read_input(path), home.identity(), str(path))


def reply_to(home: Home, client: Client, target: Path | None) -> tuple[Path, Reply]:
    """`coach clients reply`: the coach's comments for one client, written to ``target`` (by
    default a file named for the client and today)."""
    made = home.workspace.reply(client, home.identity())
    name = f"coach-feedback-{client.id[:8]}-{home.today().isoformat()}.age"
    return write_file(target or Path(name), made.data), made
