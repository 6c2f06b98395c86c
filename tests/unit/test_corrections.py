"""Correcting the journal: every change can be undone, one after another, across restarts;
days and promises can be deleted; a promise can be renegotiated with new terms."""

from __future__ import annotations

import datetime as dt
import errno
import os
from pathlib import Path

import msgspec
import pytest

from journal.app.corrections import (
    Renegotiation,
    delete_day,
    history,
    purge_history,
    renegotiate,
    undo,
)
from journal.app.home import Home
from journal.app.service import JournalService
from journal.errors import InvalidInput, JournalError, NotFound
from journal.model import IntentFor
from journal.store import history as history_store
from journal.store.disk import set_fault_hook
from tests.disk_faults import failing

DAY = dt.date(2026, 3, 4)
NEXT = dt.date(2026, 3, 5)
CANARY = "CANARY-4e1b"


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


def journal(home: Path) -> JournalService:
    """A fresh process's view of the home: nothing shared with earlier ones."""
    return Home(home, today=lambda: NEXT).journal


def state(home: Path) -> tuple[object, object]:
    j = journal(home)
    return msgspec.to_builtins(j.all_entries()), msgspec.to_builtins(j.all_promises())


def test_each_undo_reverses_one_more_change_even_after_a_restart(home: Path) -> None:
    j = journal(home)
    states = [state(home)]
    j.set_intent(DAY, "Hear Ana out", IntentFor(kind="person", name="Ana"))
    states.append(state(home))
    promise = j.add_promise(DAY, "send the deck", "commitment", "Ana")
    states.append(state(home))
    j.resolve_promise(promise.id, "kept", on=NEXT)
    states.append(state(home))
    j.rate(NEXT, {"credibility": 7})
    states.append(state(home))
    j.add_help(NEXT, "Bo", "a second look")
    states.append(state(home))

    undone = []
    while len(states) > 1:
        states.pop()
        undone.append(undo(journal(home)).what)  # a new process each time
        assert state(home) == states[-1]
    assert undone[0].startswith("asked Bo how to help")
    assert undone[2] == "promise " + promise.short_id + " kept: send the deck"
    with pytest.raises(NotFound, match="nothing to undo"):
        undo(journal(home))


def test_typing_into_one_field_is_one_change(home: Path) -> None:
    j = journal(home)
    j.set_text(DAY, "reflection", "Before")
    j.set_text(NEXT, "reflection", "I")
    j.set_text(NEXT, "reflection", "I list")
    j.set_text(NEXT, "reflection", "I listened")
    latest = history(j)
    assert [c.what for c in latest] == [
        "reflection on Thu 05 Mar 2026",
        "reflection on Wed 04 Mar 2026",
    ]
    undo(j)
    assert j.entry(NEXT) is None  # the day did not exist before the typing began
    entry = j.entry(DAY)
    assert entry is not None and entry.reflection == "Before"


def test_a_check_in_with_promises_is_one_change(home: Path) -> None:
    from journal.app.checkin import CheckinAnswers, record_checkin
    from journal.parse import parse_promise

    j = journal(home)
    answers = CheckinAnswers(
        day=DAY,
        intent="Ship it",
        promises=[parse_promise("commitment: send the notes", DAY)],
        tags=["work"],
    )
    record_checkin(j, answers)
    assert len(history(j)) == 1
    undo(j)
    assert j.entry(DAY) is None and j.all_promises() == []


def test_undo_refuses_to_overwrite_a_change_made_without_the_history(home: Path) -> None:
    """A later change the history does not know of (an import, another Coach) is never
    overwritten by an undo: the undo is refused whole."""
    j = journal(home)
    j.set_intent(DAY, "first")
    entry = j.entry(DAY)
    assert entry is not None
    j.write_bulk([msgspec.structs.replace(entry, intent="imported")], [])
    before = state(home)
    said = "cannot undo 'intent on Wed 04 Mar 2026': what it changed was changed again"
    with pytest.raises(InvalidInput, match=said):
        undo(j)
    assert state(home) == before


def test_a_change_that_failed_to_write_leaves_no_history(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    j = journal(home)
    j.set_intent(DAY, "kept")
    with (
        failing(lambda step, path: step == "write" and "entries-" in path.name),
        pytest.raises(JournalError, match="No space left on device; nothing was saved"),
    ):
        j.set_text(NEXT, "reflection", "never saved")
    assert [c.what for c in history(journal(home))] == ["intent on Wed 04 Mar 2026"]


def test_an_undo_cut_short_is_finished_by_the_next(home: Path) -> None:
    """The history is written before the records: a change whose records never reached the
    disk is found as it was before, and undoing it only marks it undone."""
    j = journal(home)
    j.set_intent(DAY, "first")
    folder = home / "journal" / "history"
    recorded = sorted(folder.iterdir())
    j.set_intent(NEXT, "second")
    (newest,) = [p for p in sorted(folder.iterdir()) if p not in recorded]
    kept = newest.read_bytes()
    undo(j)  # the day goes, and the change is marked undone
    newest.write_bytes(kept)  # as if the process died before marking it
    assert undo(journal(home)).what == "intent on Thu 05 Mar 2026"
    assert [c.what for c in history(journal(home)) if c.undone is None] == [
        "intent on Wed 04 Mar 2026"
    ]


def test_history_is_newest_first_and_keeps_the_last_changes_only(home: Path) -> None:
    j = journal(home)
    for i in range(history_store.KEEP + 5):
        j.add_tags(DAY + dt.timedelta(days=i % 3), [f"t{i}"])
    folder = home / "journal" / "history"
    assert len(list(folder.iterdir())) == history_store.KEEP
    latest = history(j, 3)
    assert [c.what for c in latest] == [
        f"tags on {d:%a %d %b %Y}"
        for d in (DAY + dt.timedelta(days=(history_store.KEEP + 4 - k) % 3) for k in range(3))
    ]


def test_purged_history_holds_no_deleted_text(home: Path) -> None:
    j = journal(home)
    j.set_text(DAY, "reflection", f"private thought {CANARY}")
    delete_day(j, DAY)
    folder = home / "journal" / "history"
    assert any(CANARY.encode() in p.read_bytes() for p in folder.iterdir())
    assert purge_history(j) == 2
    assert not any(CANARY.encode() in p.read_bytes() for p in home.rglob("*") if p.is_file())
    with pytest.raises(NotFound):
        undo(j)


def test_deleting_a_day_takes_its_promises_and_undo_brings_them_back(home: Path) -> None:
    j = journal(home)
    j.set_intent(DAY, "Hear Ana out")
    j.add_help(DAY, "Ana", "a look")
    kept = j.add_promise(NEXT, "other day", "best_effort")
    j.add_promise(DAY, "send the deck", "commitment")
    before = state(home)
    change = delete_day(j, DAY)
    assert change.what == "deleted Wed 04 Mar 2026 (its intent, 1 ask, 1 promise)"
    assert j.entry(DAY) is None
    assert [p.id for p in j.all_promises()] == [kept.id]
    undo(j)
    assert state(home) == before
    with pytest.raises(NotFound, match="nothing to delete"):
        delete_day(j, DAY - dt.timedelta(days=9))


def test_renegotiating_opens_a_linked_promise_with_the_new_terms(home: Path) -> None:
    j = journal(home)
    old = j.add_promise(DAY, "send the deck", "commitment", "Ana", due=NEXT)
    done = renegotiate(
        j,
        Renegotiation(ref=old.short_id, due=NEXT + dt.timedelta(days=3), note="asked Ana first"),
    )
    closed, new = done.old, done.new
    assert (closed.status, closed.resolved_on, closed.note) == (
        "renegotiated",
        NEXT,
        "asked Ana first",
    )
    assert closed.renegotiated_to == new.id and new.renegotiated_from == old.id
    assert (new.text, new.to, new.kind, new.made_on, new.status) == (
        "send the deck",
        "Ana",
        "commitment",
        NEXT,
        "open",
    )
    assert new.due == NEXT + dt.timedelta(days=3)
    stored = {p.id: p for p in journal(home).all_promises()}
    assert stored == {closed.id: closed, new.id: new}
    assert history(j)[0].what == f"renegotiated promise {old.short_id}: send the deck"
    undo(j)
    assert journal(home).all_promises() == [old]


def test_renegotiating_needs_new_terms_and_an_open_promise(home: Path) -> None:
    j = journal(home)
    old = j.add_promise(DAY, "send the deck", "commitment")
    with pytest.raises(InvalidInput, match="needs new terms"):
        renegotiate(j, Renegotiation(ref=old.id, note="just because"))
    j.resolve_promise(old.id, "kept", on=DAY)
    with pytest.raises(InvalidInput, match="already kept"):
        renegotiate(j, Renegotiation(ref=old.id, text="send it twice"))
    with pytest.raises(InvalidInput, match="before the day it was made"):
        other = j.add_promise(NEXT, "call Bo", "best_effort")
        renegotiate(j, Renegotiation(ref=other.id, due=DAY, on=NEXT))


def test_a_chain_counts_once_in_the_keep_rate(home: Path) -> None:
    """The last link's outcome is what the keep-rate counts; the renegotiation apart."""
    j = journal(home)
    old = j.add_promise(DAY, "send the deck", "commitment", due=NEXT)
    new = renegotiate(j, Renegotiation(ref=old.id, due=NEXT + dt.timedelta(days=1))).new
    j.resolve_promise(new.id, "kept", on=NEXT)
    record = j.report(end=NEXT).reliability[30]["commitment"]
    assert (record.kept, record.broken, record.renegotiated, record.keep_rate) == (1, 0, 1, 1.0)


# ----- what a review of the first version found -----------------------------------------------


def test_typing_erased_again_is_no_change(home: Path) -> None:
    j = journal(home)
    j.set_intent(DAY, "Listen first")
    j.set_text(DAY, "reflection", "typo")
    j.set_text(DAY, "reflection", "")
    assert [c.what for c in history(j)] == ["intent on Wed 04 Mar 2026"]


def test_a_change_that_failed_before_its_files_is_forgotten(home: Path) -> None:
    """A renegotiation writes last year's file and this year's, after its record in the
    history and the mark that makes the record stand for the change: when the mark cannot be
    written, no file changes, the change is forgotten, and the earlier one can still be
    undone."""
    j = journal(home)
    old = j.add_promise(dt.date(2025, 12, 30), "write the review", "commitment")
    before = state(home)
    with (
        failing(lambda step, path: step == "link" and path.name == ".unfinished"),
        pytest.raises(JournalError, match="No space left on device; nothing was saved"),
    ):
        renegotiate(j, Renegotiation(ref=old.id, due=NEXT, on=DAY))
    assert state(home) == before
    assert [c.what for c in history(journal(home))] == [f"promise: {old.text}"]
    undo(journal(home))
    assert journal(home).all_promises() == []


def test_a_change_that_failed_between_its_files_is_finished_next_time(home: Path) -> None:
    """Once its record and mark are whole the change is made: a failure while its files are
    put in place says so, and the next opening has all of it."""
    j = journal(home)
    old = j.add_promise(dt.date(2025, 12, 30), "write the review", "commitment")
    with (
        failing(lambda step, path: step == "rename" and path.name == "promises-2026.json"),
        pytest.raises(JournalError, match="finishes it the next time it opens"),
    ):
        renegotiate(j, Renegotiation(ref=old.id, due=NEXT, on=DAY))
    again = journal(home)
    assert again.find_promise(old.id).status == "renegotiated"
    assert [p.text for p in again.open_promises()] == ["write the review"]
    assert len(history(again)) == 2, "the change is kept, so it can be undone"


def test_an_undo_cut_short_after_earlier_undos_is_finished(home: Path) -> None:
    """Undos run, then a new change is made and undone; that last undo is cut short between
    its two files. Opening the journal finishes it, whatever was undone before."""
    j = journal(home)
    j.set_intent(DAY, "one")
    j.set_intent(NEXT, "two")
    undo(j)
    undo(j)
    old = j.add_promise(dt.date(2025, 12, 30), "write the review", "commitment")
    before = state(home)
    new = renegotiate(j, Renegotiation(ref=old.id, due=NEXT, on=DAY)).new
    with (
        failing(lambda step, path: step == "rename" and path.name == "promises-2026.json"),
        pytest.raises(JournalError, match="finishes it the next time"),
    ):
        undo(j)
    assert state(home) == before  # opening the journal (in state()) finishes the undo
    assert journal(home).files.promises.find_current(new.id, 2026) is None
    assert [c.undone is not None for c in history(journal(home))][:1] == [True]


@pytest.mark.parametrize("killed_at", ["link", "rename"])
def test_an_undo_killed_midway_leaves_the_history_saying_what_the_journal_holds(
    home: Path, killed_at: str
) -> None:
    """An undo of a change to two files rewrites that change's record as undone. Killed
    before its mark is linked, nothing is undone and the record says so; killed after,
    before the record is renamed into place, the next opening finishes the undo and puts
    the record in place. Either way the next undo reverses what the history says is next."""
    j = journal(home)
    j.set_intent(DAY, "Hear Ana out")
    before = state(home)
    j.add_promise(dt.date(2025, 12, 30), "write the review", "commitment")
    renegotiate(j, Renegotiation(ref=j.all_promises()[0].id, due=NEXT, on=DAY))
    renegotiated = state(home)
    pid = os.fork()
    if pid == 0:
        set_fault_hook(
            lambda step, path: (
                os._exit(77) if step == killed_at and path.parent.name == "history" else None
            )
        )
        undo(journal(home))
        os._exit(0)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 77
    undone = killed_at == "rename"
    assert [c.undone is not None for c in history(journal(home))][:2] == [undone, False]
    assert (state(home) == renegotiated) is not undone
    for _ in range(1 if undone else 2):  # the renegotiation if need be, then the promise
        undo(journal(home))
    assert state(home) == before


def test_without_hard_links_a_change_of_several_files_is_still_all_or_nothing(
    home: Path,
) -> None:
    """Where files cannot be linked (some USB sticks), the mark that makes a change's record
    stand for it cannot be made: the change goes through a commit file instead, and is
    made, not refused."""
    j = journal(home)
    j.set_intent(DAY, "Hear Ana out")
    j.add_promise(DAY, "send the deck", "commitment", "Ana")
    before = state(home)
    steps: list[str] = []
    with failing(lambda step, path: steps.append(step) or step == "link", errno.EPERM):
        delete_day(j, DAY)
        assert state(home) == ([], [])
        undo(j)
    assert state(home) == before
    assert steps.count("link") == 1, "tried once, then not again"
    assert not list((home / "journal").glob(".commit")), "finished"


def test_a_restored_day_stays_after_reopening(home: Path) -> None:
    """An import is kept in the history too, so a day deleted and then restored from a
    backup is not taken for a delete a crash cut short."""
    from journal.app.exporting import ExportRequest, export
    from journal.app.restore import restore

    j = journal(home)
    j.set_intent(DAY, "keep me")
    backup = export(Home(home, today=lambda: NEXT), ExportRequest("json")).data
    delete_day(j, DAY)
    done = restore(Home(home, today=lambda: NEXT), backup, "backup.json")
    assert done.entries == 1
    entry = journal(home).entry(DAY)
    assert entry is not None and entry.intent == "keep me"
    assert history(journal(home))[0].what == "imported backup.json"
    undo(journal(home))
    assert journal(home).entry(DAY) is None


def test_deleting_a_link_of_a_renegotiation_chain_mends_the_other(home: Path) -> None:
    j = journal(home)
    old = j.add_promise(DAY, "send the deck", "commitment")
    new = renegotiate(j, Renegotiation(ref=old.id, due=NEXT + dt.timedelta(days=2))).new
    from journal.app.corrections import delete_promise

    delete_promise(j, new.id)
    (reopened,) = j.all_promises()
    assert (reopened.id, reopened.status, reopened.renegotiated_to) == (old.id, "open", None)
    undo(j)  # the chain again, whole
    delete_promise(j, old.id)
    (alone,) = j.all_promises()
    assert (alone.id, alone.renegotiated_from) == (new.id, None)


def test_a_damaged_history_costs_undo_but_never_the_journal(home: Path) -> None:
    j = journal(home)
    j.set_intent(DAY, "still here")
    (record,) = (home / "journal" / "history").iterdir()
    record.write_text("garbage")
    entry = journal(home).entry(DAY)  # opening reads the history: it does not stop here
    assert entry is not None and entry.intent == "still here"
    assert purge_history(journal(home)) == 1
    assert list((home / "journal" / "history").iterdir()) == []
