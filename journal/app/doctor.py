"""`coach doctor`: every file under a home checked the way Coach itself would read it, so a
problem is found on a quiet afternoon rather than in the middle of a check-in.

It reads and validates each file (journal years, history, comments, settings, keys, a coach's
clients, prompt packs), and looks for what a crash or a copy can leave behind: a change that
was decided and not finished, temp files, links to nothing, files others can read. Repairs
are only what cannot lose anything: finishing a decided change (exactly what the next save
would do), removing temp files under the folder's lock, and making files private again.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from journal.app.home import Home
from journal.change import Change
from journal.errors import JournalError
from journal.model import Client, Comment, Entry, Promise, validate
from journal.paths import HomeLayout
from journal.person import PersonRecord
from journal.settings import Settings
from journal.store.change_mark import MARK_FILE
from journal.store.commit import COMMIT_FILE
from journal.store.crypt import Codec
from journal.store.disk import FILE_MODE, FOLDER_MODE, TEMP_SUFFIX, load_json, read_file
from journal.store.files import SHARD_NAME, ShardedStore, decode_tables
from journal.store.keys import KeyFile
from journal.store.people import PEOPLE, PEOPLE_FILE

RECORDS: dict[str, type[Entry] | type[Promise] | type[Comment] | type[PersonRecord]] = {
    "entries": Entry,
    "promises": Promise,
    "comments": Comment,
    PEOPLE: PersonRecord,
}


@dataclass(frozen=True)
class Problem:
    path: Path
    what: str
    repair: str = ""
    """What --repair does about it; empty when only the person can (restore from a backup)."""


@dataclass
class Checkup:
    home: Path
    files: int = 0
    problems: list[Problem] = field(default_factory=list)

    def healthy(self) -> bool:
        return not self.problems


def check_home(home: Home) -> Checkup:
    """Every file under the home, read and validated; nothing is changed."""
    found = Checkup(home.root)
    if not home.root.exists():
        return found
    layout = home.layout
    codec = home.codec
    checkers: dict[Path, Callable[[Path], object]] = {
        layout.settings: lambda p: load_json(p, Settings, codec),
        layout.key_file: lambda p: load_json(p, KeyFile, codec),
        layout.shared_log: lambda p: load_json(p, dict[str, dt.date], codec),
        layout.journal / PEOPLE_FILE: lambda p: _shard(p, PEOPLE, codec),
    }
    stores = [layout.journal, layout.feedback]
    for client in sorted(layout.clients.iterdir()) if layout.clients.is_dir() else []:
        if not client.name.startswith("."):
            where = layout.client(client.name)
            checkers[where.record] = lambda p: load_json(p, Client, codec)
            stores += [where.journal, where.comments]
    for path in _walk(home.root):
        found.files += path.is_file() or path.is_symlink()
        for problem in _check(path, checkers, stores, layout, codec):
            found.problems.append(problem)
    return found


def repair_home(home: Home) -> list[str]:
    """Do the safe repairs; what was done, one line each."""
    done: list[str] = []
    for problem in check_home(home).problems:
        path = problem.path
        if not problem.repair:
            continue
        try:
            if path.name == COMMIT_FILE:
                ShardedStore(path.parent).settle()  # under the folder's lock
            elif path.name == MARK_FILE:
                home.journal.files.store.settle()  # it needs the records, so the key
            elif path.name.endswith(TEMP_SUFFIX):
                if _writer_alive(path):
                    continue  # a save in progress right now, not a crash
                path.unlink(missing_ok=True)
            else:
                os.chmod(path, FOLDER_MODE if path.is_dir() else FILE_MODE)
        except (JournalError, OSError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) else str(exc)
            done.append(f"{path}: could not be repaired: {reason}")
            continue
        done.append(f"{path}: {problem.repair}")
    return done


def _writer_alive(temp: Path) -> bool:
    """Temp files are named ``.NAME.PID.tmp`` by the process writing them."""
    pid = temp.name.removesuffix(TEMP_SUFFIX).rpartition(".")[2]
    if not pid.isdigit() or int(pid) == os.getpid():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _walk(root: Path) -> Iterator[Path]:
    yield root
    for folder, dirs, files in os.walk(root):
        for name in sorted(dirs) + sorted(files):
            yield Path(folder) / name


def _check(
    path: Path,
    checkers: dict[Path, Callable[[Path], object]],
    stores: list[Path],
    layout: HomeLayout,
    codec: Codec,
) -> Iterator[Problem]:
    if path.is_symlink() and not path.exists():
        yield Problem(path, f"a link to {os.readlink(path)}, which is missing")
        return
    if path.is_file() and path.name.endswith(TEMP_SUFFIX):
        yield Problem(path, "a temp file a crash left behind", "removed")
        return
    mode = stat.S_IMODE(path.stat().st_mode)
    private = FOLDER_MODE if path.is_dir() else FILE_MODE
    if mode & ~private:
        yield Problem(path, f"others may read it ({mode:04o})", f"made private ({private:04o})")
    if not path.is_file():
        return
    try:
        if path.name == COMMIT_FILE or (path.name == MARK_FILE and path.parent == layout.history):
            yield Problem(path, "a change that was decided and not finished", "finished it")
        elif path in checkers:
            checkers[path](path)
        elif path.parent in stores and (match := SHARD_NAME.match(path.name)):
            _shard(path, match.group(1), codec)
        elif path.parent == layout.history and path.suffix == ".json":
            load_json(path, Change, codec)
        elif path.parent == layout.packs and path.suffix == ".toml":
            from prompts.loader import check_pack_file

            check_pack_file(path)
    except JournalError as exc:
        yield Problem(path, _without_path(str(exc), path))


def _shard(path: Path, kind: str, codec: Codec) -> None:
    raw = read_file(path)
    if raw is None:
        return
    tables = decode_tables(path, codec.decode(raw, path))
    record = RECORDS.get(kind)
    if record is None:
        return
    for row in tables.get(kind, {}).values():
        validate(row, record, str(path))


def _without_path(message: str, path: Path) -> str:
    """The refusal as Coach words it, without the path the line already starts with."""
    return message.removeprefix(f"{path}: ").removeprefix(f"{path} ")
