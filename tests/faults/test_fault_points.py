"""A fault at every step of every change that writes several files, the way SQLite tests itself.

Each change below is first run undisturbed, with every step of its writing counted (a temp
file written, an fsync, a rename, an unlink, a folder made: journal/store/disk.py). Then it is
run again once per step and per fault, from the same starting home:

- the step fails once (a passing I/O error);
- the step and every one after it fail (a disk that stays full, a home made read-only);
- the process is killed at the step (a forked child ends with os._exit right there).

Afterwards a fresh Coach opens the home, and everything it holds (days, promises, coaches'
comments, a coach's clients, settings) must be exactly the old state or exactly the new one.
A failure must be a JournalError (one line for a person), and when that line says nothing was
saved, the old state it must be.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import msgspec
import pytest

from journal.app import encryption
from journal.app.checkin import CheckinAnswers, record_checkin
from journal.app.corrections import Renegotiation, apply_day_edit, delete_day, renegotiate, undo
from journal.app.encryption import PASSPHRASE_FILE, decrypt_home, encrypt_home, encrypted
from journal.app.exporting import ExportRequest, export
from journal.app.home import Home
from journal.app.restore import restore
from journal.app.settings import SettingsChange, change_settings
from journal.app.sharing import ShareRequest, create_keys, import_feedback, prepare_share
from journal.app.workspace import CommentRequest
from journal.day_text import render_day
from journal.day_text_parse import parse_day
from journal.errors import JournalError
from journal.parse import PromiseSpec
from journal.store.change_mark import MARK_FILE
from journal.store.commit import COMMIT_FILE
from journal.store.crypt import lock_identity, new_identity
from journal.store.disk import set_fault_hook

TODAY = dt.date(2026, 1, 6)
"""Early in a year, so the changes below write last year's files and this year's."""
EDITED = dt.date(2026, 1, 2)
OLD_PROMISE = "write the year's review"
KILLED = 77
ERRORS = (errno.ENOSPC, errno.EIO, errno.EFBIG, errno.EACCES, errno.EROFS)
VOLATILE = {"id", "created", "updated", "at", "added", "renegotiated_to", "renegotiated_from"}
"""Ids and clock times differ between two runs of the same change; everything else must not."""

Step = tuple[str, Path]


def home(root: Path) -> Home:
    return Home(root, today=lambda: TODAY)


def fill_journal(root: Path) -> None:
    """Nine days across new year, with promises made in both years and one check-in last."""
    j = home(root).journal
    for n in range(9):
        day = dt.date(2025, 12, 28) + dt.timedelta(days=n)
        j.set_intent(day, f"Listen first, day {n}")
        j.add_help(day, "Ana", "a second look at the budget")
    j.add_promise(dt.date(2025, 12, 30), OLD_PROMISE, "commitment", "Noor", due=TODAY)
    j.add_promise(EDITED, "send the deck", "best_effort", "Ana")
    checkin(root, dt.date(2026, 1, 5))


def checkin(root: Path, day: dt.date) -> None:
    answers = CheckinAnswers(
        day=day,
        intent="Ask before offering answers",
        promises=[
            PromiseSpec("commitment", "send the notes", "Ana", day + dt.timedelta(days=2)),
            PromiseSpec("good_intention", "call Bo back"),
        ],
        tags=["work"],
        reflection="Two lines\nof reflection",
    )
    record_checkin(home(root).journal, answers)


@dataclass
class Homes:
    """The starting homes, built once per module (each run works on a copy)."""

    journal: Path
    empty: Path
    backup: Path
    coach: Path
    bundle: Path
    client: Path
    feedback: Path
    encrypted: Path


PASSPHRASE = "a passphrase for the fault tests"
IDENTITY: list = []


@pytest.fixture(scope="module")
def homes(tmp_path_factory: pytest.TempPathFactory) -> Homes:
    base = tmp_path_factory.mktemp("fault-points")
    identity = new_identity()
    IDENTITY[:] = [identity, lock_identity(identity, PASSPHRASE)]
    client, coach = base / "client", base / "coach"
    fill_journal(client)
    create_keys(home(client), "Noor")
    me = create_keys(home(coach), "Sam")
    share = ShareRequest(me.public.line(), dt.date(2025, 12, 20), dt.date(2026, 1, 3))
    home(coach).workspace.add(prepare_share(home(client), share).data, me, "first share")
    (added,) = home(coach).workspace.clients()
    for day in (dt.date(2025, 12, 29), EDITED):
        request = CommentRequest(added, "day", day, f"Good call on {day}")
        home(coach).workspace.comment(request, me)
    feedback = base / "feedback.age"
    feedback.write_bytes(home(coach).workspace.reply(added, me).data)

    # The coach's next bundle: a day changed in each year, one more day, the rest as before.
    home(client).journal.set_intent(dt.date(2025, 12, 29), "Changed my mind about the plan")
    home(client).journal.set_intent(EDITED, "Ask Ana first")
    bundle = base / "second-share.age"
    later = ShareRequest(me.public.line(), dt.date(2025, 12, 20), dt.date(2026, 1, 5))
    bundle.write_bytes(prepare_share(home(client), later).data)

    # A backup carrying coaches' comments, for a journal of different days.
    with_comments = base / "with-comments"
    shutil.copytree(client, with_comments, symlinks=True)
    import_feedback(home(with_comments), feedback)
    backup = base / "backup.json"
    request = ExportRequest("json", include_private=True)
    backup.write_bytes(export(home(with_comments), request).data)
    empty = base / "other"
    home(empty).journal.set_intent(dt.date(2025, 6, 1), "A day of my own")
    encrypted = base / "encrypted"
    shutil.copytree(empty, encrypted, symlinks=True)
    change_settings(home(encrypted), SettingsChange(show_streak=False))
    encrypt_home(home(encrypted), PASSPHRASE)
    return Homes(client, empty, backup, coach, bundle, client, feedback, encrypted)


@pytest.fixture(autouse=True)
def passphrase(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Encrypted homes open with it; each new encryption reuses one locked identity, so the
    runs pay scrypt's second once, not once per fault."""
    path = tmp_path / "passphrase"
    path.write_text(PASSPHRASE)
    monkeypatch.setenv(PASSPHRASE_FILE, str(path))
    monkeypatch.setattr(encryption, "new_identity", lambda: IDENTITY[0])
    monkeypatch.setattr(encryption, "lock_identity", lambda identity, words: IDENTITY[1])


@dataclass(frozen=True)
class Change:
    name: str
    start: Callable[[Homes], Path]
    act: Callable[[Homes, Path], object]


def edit_day(root: Path) -> None:
    j = home(root).journal
    entry, promises = j.entry(EDITED), j.promises_made_on(EDITED)
    text = render_day(EDITED, entry, promises)
    text = text.replace("send the deck", "send the short deck").replace("day 5", "day five")
    apply_day_edit(j, EDITED, parse_day(text, EDITED, TODAY, entry, promises))


def renegotiate_old(root: Path) -> None:
    j = home(root).journal
    (old,) = [p for p in j.all_promises() if p.text == OLD_PROMISE]
    renegotiate(j, Renegotiation(ref=old.id, due=TODAY + dt.timedelta(days=7), on=TODAY))


CHANGES = [
    Change("check-in with promises", lambda h: h.journal, lambda h, r: checkin(r, TODAY)),
    Change("renegotiation across years", lambda h: h.journal, lambda h, r: renegotiate_old(r)),
    Change("edit of a day", lambda h: h.journal, lambda h, r: edit_day(r)),
    Change(
        "delete of a day", lambda h: h.journal, lambda h, r: delete_day(home(r).journal, EDITED)
    ),
    Change("undo", lambda h: h.journal, lambda h, r: undo(home(r).journal)),
    Change(
        "import of a backup with comments",
        lambda h: h.empty,
        lambda h, r: restore(home(r), h.backup.read_bytes(), "backup.json"),
    ),
    Change(
        "a coach adds a newer bundle",
        lambda h: h.coach,
        lambda h, r: home(r).workspace.add(h.bundle.read_bytes(), home(r).identity(), "bundle"),
    ),
    Change(
        "import of feedback", lambda h: h.client, lambda h, r: import_feedback(home(r), h.feedback)
    ),
    Change("encrypt", lambda h: h.empty, lambda h, r: encrypt_home(home(r), PASSPHRASE)),
    Change("decrypt", lambda h: h.encrypted, lambda h, r: decrypt_home(home(r))),
    Change("check-in, encrypted", lambda h: h.encrypted, lambda h, r: checkin(r, TODAY)),
    Change(
        "settings",
        lambda h: h.journal,
        lambda h, r: change_settings(home(r), SettingsChange(show_streak=False)),
    ),
]


def state(root: Path) -> str:
    """Everything a person would see, as a fresh Coach opens it (finishing what was decided)."""
    h = home(root)
    j = h.journal
    seen: dict[str, object] = {
        "encrypted": encrypted(h),
        "days": j.all_entries(),
        "promises": j.all_promises(),
        "feedback": h.feedback.all(),
        "settings": h.settings(),
    }
    for client in h.workspace.clients():
        theirs = h.workspace.journal(client)
        seen[f"client {client.name}"] = {
            "record": client,
            "days": theirs.all_entries(),
            "promises": theirs.all_promises(),
            "comments": h.workspace.comments(client).all(),
        }
    return msgspec.json.encode(steady(msgspec.to_builtins(seen))).decode()


def steady(value: object) -> object:
    if isinstance(value, dict):
        return {k: "~" if k in VOLATILE else steady(v) for k, v in value.items()}
    if isinstance(value, list):
        return sorted((steady(v) for v in value), key=lambda v: msgspec.json.encode(v))
    return value


def copy_of(start: Path, where: Path) -> Path:
    if where.exists():
        shutil.rmtree(where)
    shutil.copytree(start, where, symlinks=True)
    return where


def steps_of(change: Change, homes: Homes, where: Path) -> list[Step]:
    steps: list[Step] = []
    previous = set_fault_hook(lambda step, path: steps.append((step, path)))
    try:
        change.act(homes, where)
    finally:
        set_fault_hook(previous)
    return steps


def with_error(change: Change, homes: Homes, where: Path, at: int, code: int, stays: bool) -> str:
    """Run the change with step ``at`` failing (and, if ``stays``, every step after it)."""
    count = 0

    def fail(step: str, path: Path) -> None:
        nonlocal count
        count += 1
        if count == at + 1 or (stays and count > at):
            raise OSError(code, os.strerror(code), str(path))

    previous = set_fault_hook(fail)
    try:
        change.act(homes, where)
    except JournalError as exc:
        return str(exc)
    finally:
        set_fault_hook(previous)
    return ""


def killed_at(change: Change, homes: Homes, where: Path, at: int) -> int:
    """Run the change in a forked child that dies at step ``at``; its exit code."""
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        count = 0

        def die(step: str, path: Path) -> None:
            nonlocal count
            if count == at:
                os._exit(KILLED)
            count += 1

        try:
            set_fault_hook(die)
            change.act(homes, where)
        except BaseException:
            os._exit(3)
        os._exit(0)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


@pytest.mark.parametrize("change", CHANGES, ids=lambda c: c.name)
def test_a_fault_at_any_step_leaves_the_old_state_or_the_new(
    change: Change, homes: Homes, tmp_path: Path
) -> None:
    start = change.start(homes)
    old = state(copy_of(start, tmp_path / "old"))
    steps = steps_of(change, homes, copy_of(start, tmp_path / "clean"))
    new = state(tmp_path / "clean")
    assert new != old, "the change changed nothing: the test would prove nothing"
    assert steps, "no step counted: the change bypassed the I/O seam"

    for at, (step, path) in enumerate(steps):
        where = f"{change.name}: step {at + 1} of {len(steps)} ({step} {path.name})"
        for stays in (False, True):
            code = ERRORS[at % len(ERRORS)]
            work = copy_of(start, tmp_path / "work")
            said = with_error(change, homes, work, at, code, stays)
            after = state(work)
            assert after in (old, new), f"{where}, {os.strerror(code)}: half a change"
            if "nothing was saved" in said:
                assert after == old, f"{where}: said nothing was saved, yet it was: {said}"
            if not said:
                assert after == new, f"{where}: {os.strerror(code)} went unreported"
            assert "\n" not in said, said
        work = copy_of(start, tmp_path / "work")
        assert killed_at(change, homes, work, at) == KILLED, f"{where}: the child was not killed"
        assert state(work) in (old, new), f"{where}, killed: half a change"
        assert not (work / "journal" / COMMIT_FILE).exists(), f"{where}: the change not finished"
        assert not (work / "history" / MARK_FILE).exists(), f"{where}: the change not finished"
