"""JournalService: every change a person makes is saved, found again, or refused untouched."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from tinydb import TinyDB

import journal.changes
from journal.app.corrections import delete_promise
from journal.app.home import Home
from journal.app.service import JournalService
from journal.errors import InvalidInput, JournalError, NotFound
from journal.model import Entry, IntentFor, Promise, new_id, now
from journal.store.files import stat_key

DAY = dt.date(2026, 3, 4)
NEXT = dt.date(2026, 3, 5)
LAST_YEAR = dt.date(2025, 12, 30)


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def svc(home: Path) -> JournalService:
    return Home(home, today=lambda: NEXT).journal


def shard(home: Path, kind: str = "entries", year: int = 2026) -> Path:
    return home / "journal" / f"{kind}-{year}.json"


def journal_files(home: Path) -> list[Path]:
    """Every file in the journal folder (its history included) but the lock, which each save
    opens."""
    folder = home / "journal"
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.name != ".lock")


def snapshot(home: Path, kind: str) -> dict[str, tuple[bytes, object]]:
    """Every journal file's bytes and stat identity: equal snapshots mean nothing was written
    anywhere. ``kind`` names the file the change under test would touch, which must exist."""
    assert shard(home, kind).is_file()
    return {str(p.relative_to(home)): (p.read_bytes(), stat_key(p)) for p in journal_files(home)}


def fresh(home: Path) -> JournalService:
    """A second process's view: nothing shared with the instance that wrote."""
    return Home(home, today=lambda: NEXT).journal


def saved_entry(home: Path, day: dt.date = DAY) -> Entry:
    entry = fresh(home).entry(day)
    assert entry is not None
    return entry


# ----- entries -------------------------------------------------------------------------------


def test_set_intent_is_saved_with_whom_it_serves(home: Path, svc: JournalService) -> None:
    svc.set_intent(DAY, "  listen first  ", IntentFor(kind="person", name="Ana"))
    entry = saved_entry(home)
    assert entry.intent == "listen first"
    assert entry.intent_for == IntentFor(kind="person", name="Ana")
    assert entry.date == DAY


def test_timestamps_are_aware_and_updated_moves(home: Path, svc: JournalService) -> None:
    """created stays the moment the day was first written; updated tracks the last change."""
    first = svc.set_intent(DAY, "one")
    second = svc.set_intent(DAY, "two")
    assert first.created.tzinfo is not None and second.updated.tzinfo is not None
    assert second.created == first.created
    assert second.updated >= first.updated
    assert second.id == first.id


def test_set_text_and_notes(home: Path, svc: JournalService) -> None:
    svc.set_text(DAY, "reflection", "went well")
    svc.set_text(DAY, "self_focus", "my slides")
    svc.set_note(DAY, "gratitude", "sunshine")
    entry = saved_entry(home)
    assert (entry.reflection, entry.self_focus, entry.notes) == (
        "went well",
        "my slides",
        {"gratitude": "sunshine"},
    )
    svc.set_note(DAY, "gratitude", "  ")
    assert saved_entry(home).notes == {}
    with pytest.raises(InvalidInput):
        svc.set_text(DAY, "private", "x")


def test_help_asks_added_then_filled_in(home: Path, svc: JournalService) -> None:
    ask = svc.add_help(DAY, " Ana ")
    other = svc.add_help(DAY, "Bo", "a lift")
    svc.update_help(DAY, ask.id, request="review my RFC", done=True)
    helps = saved_entry(home).help
    assert [(h.person, h.request, h.done) for h in helps] == [
        ("Ana", "review my RFC", True),
        ("Bo", "a lift", None),
    ]
    svc.remove_help(DAY, other.id)
    assert [h.id for h in saved_entry(home).help] == [ask.id]


def test_help_ask_needs_a_person(home: Path, svc: JournalService) -> None:
    with pytest.raises(InvalidInput):
        svc.add_help(DAY, "  ")
    assert journal_files(home) == []


def test_update_unknown_help_ask_is_not_found_and_writes_nothing(
    home: Path, svc: JournalService
) -> None:
    svc.add_help(DAY, "Ana")
    before = snapshot(home, "entries")
    with pytest.raises(NotFound):
        svc.update_help(DAY, "nope", done=True)
    assert snapshot(home, "entries") == before


def test_bad_help_field_is_refused_untouched(home: Path, svc: JournalService) -> None:
    ask = svc.add_help(DAY, "Ana")
    before = snapshot(home, "entries")
    with pytest.raises(InvalidInput) as info:
        svc.update_help(DAY, ask.id, done="yes")
    assert "help[0].done" in str(info.value)
    assert snapshot(home, "entries") == before


def test_ratings_merge_and_clear(home: Path, svc: JournalService) -> None:
    """Rating one trait later must not erase the others; None clears only that one."""
    svc.rate(DAY, {"credibility": 7, "intimacy": 0})
    svc.rate(DAY, {"reliability": 9})
    assert saved_entry(home).ratings.given() == {"credibility": 7, "reliability": 9, "intimacy": 0}
    svc.rate(DAY, {"credibility": None})
    assert saved_entry(home).ratings.given() == {"reliability": 9, "intimacy": 0}


def test_rating_out_of_range_refused_untouched(home: Path, svc: JournalService) -> None:
    svc.rate(DAY, {"credibility": 5})
    before = snapshot(home, "entries")
    with pytest.raises(InvalidInput):
        svc.rate(DAY, {"credibility": 11})
    with pytest.raises(InvalidInput) as info:
        svc.rate(DAY, {"honesty": 3})
    assert "honesty" in str(info.value)
    assert snapshot(home, "entries") == before


def test_rating_out_of_range_names_dotted_field_path(svc: JournalService) -> None:
    """The same mistake reads the same whether it came from a file, the CLI or the app."""
    with pytest.raises(InvalidInput) as info:
        svc.rate(DAY, {"credibility": 11})
    assert "ratings.credibility" in str(info.value)
    assert "<= 10" in str(info.value)


def test_tags_are_normalised_and_deduplicated(home: Path, svc: JournalService) -> None:
    svc.add_tags(DAY, ["#Work", " family "])
    svc.add_tags(DAY, ["work", "health"])
    assert saved_entry(home).tags == ["work", "family", "health"]


def test_tag_with_space_refused_untouched(home: Path, svc: JournalService) -> None:
    svc.add_tags(DAY, ["work"])
    before = snapshot(home, "entries")
    with pytest.raises(InvalidInput) as info:
        svc.add_tags(DAY, ["ok", "two words"])
    assert "two words" in str(info.value)
    assert snapshot(home, "entries") == before


def test_private_flag_round_trips(home: Path, svc: JournalService) -> None:
    svc.set_private(DAY, True)
    assert saved_entry(home).private is True
    svc.set_private(DAY, False)
    assert saved_entry(home).private is False


@pytest.mark.parametrize(
    "same_again",
    [
        lambda s, a: s.set_intent(DAY, "focus"),
        lambda s, a: s.set_intent(DAY, "  focus "),
        lambda s, a: s.rate(DAY, {"credibility": 6}),
        lambda s, a: s.rate(DAY, {}),
        lambda s, a: s.add_tags(DAY, ["#Work"]),
        lambda s, a: s.set_private(DAY, False),
        lambda s, a: s.update_help(DAY, a, done=True),
        lambda s, a: s.remove_help(DAY, "not-there"),
        lambda s, a: s.set_note(DAY, "missing", ""),
    ],
    ids=[
        "intent",
        "intent-spaces",
        "rating",
        "no-ratings",
        "tag",
        "private",
        "help",
        "remove-missing",
        "empty-note",
    ],
)
def test_update_that_changes_nothing_writes_nothing(
    home: Path, svc: JournalService, same_again: Callable[[JournalService, str], object]
) -> None:
    """Stepping through a check-in without changing anything must not rewrite the file."""
    svc.set_intent(DAY, "focus")
    svc.rate(DAY, {"credibility": 6})
    svc.add_tags(DAY, ["work"])
    ask = svc.add_help(DAY, "Ana")
    svc.update_help(DAY, ask.id, done=True)
    before = snapshot(home, "entries")
    same_again(svc, ask.id)
    assert snapshot(home, "entries") == before


def test_no_op_on_a_new_day_creates_nothing(home: Path, svc: JournalService) -> None:
    svc.set_intent(DAY, "x")
    before = snapshot(home, "entries")
    svc.rate(NEXT, {})
    svc.set_intent(NEXT, "   ")
    assert snapshot(home, "entries") == before
    assert fresh(home).entry(NEXT) is None


def test_failing_change_writes_nothing(home: Path, svc: JournalService) -> None:
    svc.set_intent(DAY, "x")
    before = snapshot(home, "entries")

    def boom(entry: Entry) -> Entry:
        raise NotFound("gone")

    with pytest.raises(NotFound):
        svc.update_entry(DAY, boom)
    assert snapshot(home, "entries") == before


# ----- listing entries -----------------------------------------------------------------------


@pytest.fixture
def listed(svc: JournalService) -> JournalService:
    svc.set_intent(dt.date(2025, 12, 31), "Year end review")
    svc.add_tags(dt.date(2025, 12, 31), ["work"])
    svc.set_intent(dt.date(2026, 1, 2), "rest")
    svc.add_help(dt.date(2026, 1, 2), "Marta", "moving boxes")
    svc.set_private(dt.date(2026, 1, 2), True)
    svc.set_intent(dt.date(2026, 1, 5), "ship it")
    svc.add_tags(dt.date(2026, 1, 5), ["work", "launch"])
    return svc


def dates(entries: list[Entry]) -> list[str]:
    return [e.date.isoformat() for e in entries]


def test_entries_newest_first_across_years(listed: JournalService) -> None:
    assert dates(listed.entries()) == ["2026-01-05", "2026-01-02", "2025-12-31"]


def test_entries_date_range_is_inclusive(listed: JournalService) -> None:
    found = listed.entries(start=dt.date(2025, 12, 31), end=dt.date(2026, 1, 2))
    assert dates(found) == ["2026-01-02", "2025-12-31"]
    assert dates(listed.entries(start=dt.date(2026, 1, 3))) == ["2026-01-05"]
    assert dates(listed.entries(end=dt.date(2025, 12, 31))) == ["2025-12-31"]


def test_entries_by_tag(listed: JournalService) -> None:
    assert dates(listed.entries(tags=["work"])) == ["2026-01-05", "2025-12-31"]
    assert listed.entries(tags=["nothing"]) == []


def test_entries_contains_is_case_insensitive_and_sees_help(listed: JournalService) -> None:
    assert dates(listed.entries(contains="YEAR END")) == ["2025-12-31"]
    assert dates(listed.entries(contains="marta")) == ["2026-01-02"]
    assert dates(listed.entries(contains="Boxes")) == ["2026-01-02"]
    assert dates(listed.entries(contains="launch")) == ["2026-01-05"]


def test_private_entries_can_be_left_out(listed: JournalService) -> None:
    """Exports and sharing rely on this to keep private days private."""
    assert dates(listed.entries(include_private=False)) == ["2026-01-05", "2025-12-31"]


def test_filters_combine(listed: JournalService) -> None:
    found = listed.entries(start=dt.date(2026, 1, 1), tags=["work"], contains="ship")
    assert dates(found) == ["2026-01-05"]


# ----- promises ------------------------------------------------------------------------------


def test_promise_added_and_listed(home: Path, svc: JournalService) -> None:
    made = svc.add_promise(DAY, " send notes ", "commitment", to=" Ana ", due=NEXT)
    (back,) = fresh(home).all_promises()
    assert back == made
    assert (back.text, back.to, back.due, back.status) == ("send notes", "Ana", NEXT, "open")
    assert back.created.tzinfo is not None
    assert fresh(home).promises_made_on(DAY) == [made]
    assert fresh(home).promises_made_on(NEXT) == []


def test_promise_due_before_made_refused_untouched(home: Path, svc: JournalService) -> None:
    svc.add_promise(DAY, "first", "commitment")
    before = snapshot(home, "promises")
    with pytest.raises(InvalidInput) as info:
        svc.add_promise(DAY, "late", "commitment", due=DAY - dt.timedelta(days=1))
    assert "due" in str(info.value)
    with pytest.raises(InvalidInput):
        svc.add_promise(DAY, "   ", "commitment")
    with pytest.raises(InvalidInput) as info:
        svc.add_promise(DAY, "what kind?", "maybe")  # type: ignore[arg-type]
    assert "kind" in str(info.value)
    assert snapshot(home, "promises") == before


def test_empty_promise_on_empty_journal_creates_nothing(home: Path, svc: JournalService) -> None:
    with pytest.raises(InvalidInput):
        svc.add_promise(DAY, "", "commitment")
    assert not home.exists()


def test_resolve_and_reopen(home: Path, svc: JournalService) -> None:
    made = svc.add_promise(DAY, "send notes", "commitment")
    kept = svc.resolve_promise(made.short_id, "kept", "sent early")
    assert (kept.status, kept.resolved_on, kept.note) == ("kept", NEXT, "sent early")
    assert fresh(home).all_promises() == [kept]
    assert kept.updated >= made.updated
    again = svc.resolve_promise(made.id, "open")
    assert (again.status, again.resolved_on) == ("open", None)
    on = svc.resolve_promise(made.id, "broken", on=DAY)
    assert (on.status, on.resolved_on, on.note) == ("broken", DAY, "")


def test_resolve_to_an_unknown_outcome_refused(home: Path, svc: JournalService) -> None:
    made = svc.add_promise(DAY, "x", "commitment")
    before = snapshot(home, "promises")
    with pytest.raises(InvalidInput) as info:
        svc.resolve_promise(made.id, "done")  # type: ignore[arg-type]
    assert "done" in str(info.value)
    assert snapshot(home, "promises") == before


def test_resolving_again_the_same_way_writes_nothing(home: Path, svc: JournalService) -> None:
    made = svc.add_promise(DAY, "x", "commitment")
    svc.resolve_promise(made.id, "kept", "done", on=DAY)
    before = snapshot(home, "promises")
    svc.resolve_promise(made.id, "kept", "done", on=DAY)
    assert snapshot(home, "promises") == before


def test_edit_to_the_same_values_writes_nothing(home: Path, svc: JournalService) -> None:
    made = svc.add_promise(DAY, "x", "commitment", to="Ana", due=NEXT)
    before = snapshot(home, "promises")
    svc.edit_promise(made.id, text="x", kind="commitment", to="Ana", due=NEXT)
    assert snapshot(home, "promises") == before


def test_edit_promise(home: Path, svc: JournalService) -> None:
    made = svc.add_promise(DAY, "call", "good_intention")
    svc.edit_promise(made.id, text="call mum", kind="commitment", to="Mum", due=NEXT)
    (back,) = fresh(home).all_promises()
    assert (back.text, back.kind, back.to, back.due) == ("call mum", "commitment", "Mum", NEXT)
    assert (back.id, back.created) == (made.id, made.created)


def test_edit_promise_bad_kind_refused_untouched(home: Path, svc: JournalService) -> None:
    made = svc.add_promise(DAY, "call", "commitment")
    before = snapshot(home, "promises")
    with pytest.raises(InvalidInput):
        svc.edit_promise(made.id, kind="maybe")
    assert snapshot(home, "promises") == before


@pytest.mark.parametrize(
    "fields",
    [
        {"text": "   "},
        {"due": DAY - dt.timedelta(days=1)},
        {"made_on": dt.date(2025, 1, 1)},
        {"id": "f" * 32},
        {"colour": "red"},
    ],
    ids=["empty-text", "due-before-made", "made_on", "id", "unknown-field"],
)
def test_edit_promise_refuses_what_add_promise_refuses(
    home: Path, svc: JournalService, fields: dict[str, object]
) -> None:
    """Editing must not create a promise that could never have been added, nor move it out of
    its year's file where it could no longer be resolved."""
    made = svc.add_promise(DAY, "call", "commitment")
    before = snapshot(home, "promises")
    with pytest.raises(InvalidInput):
        svc.edit_promise(made.id, **fields)
    assert snapshot(home, "promises") == before
    assert svc.resolve_promise(made.id, "kept").status == "kept"


def test_edit_promise_only_while_open(home: Path, svc: JournalService) -> None:
    """A resolved promise is history: its wording cannot be changed after the fact."""
    made = svc.add_promise(DAY, "call", "commitment")
    svc.resolve_promise(made.id, "broken")
    before = snapshot(home, "promises")
    with pytest.raises(InvalidInput):
        svc.edit_promise(made.id, text="something I did keep")
    assert snapshot(home, "promises") == before


def test_remove_promise(home: Path, svc: JournalService) -> None:
    keep = svc.add_promise(DAY, "keep me", "commitment")
    gone = svc.add_promise(DAY, "remove me", "commitment")
    delete_promise(svc, gone.short_id)
    assert fresh(home).all_promises() == [keep]
    with pytest.raises(NotFound):
        svc.find_promise(gone.id)


def test_open_promises_carry_forward_across_years(home: Path, svc: JournalService) -> None:
    """A promise made last December stays in front of me in January until it is resolved."""
    old = svc.add_promise(LAST_YEAR, "old open", "commitment")
    done = svc.add_promise(LAST_YEAR, "old kept", "commitment")
    svc.resolve_promise(done.id, "kept", on=LAST_YEAR)
    new = svc.add_promise(DAY, "new open", "best_effort")
    later = svc.add_promise(NEXT, "tomorrow's", "commitment")
    view = fresh(home)
    assert view.open_promises() == [old, new, later]
    assert view.open_promises(until=DAY) == [old, new]
    assert view.open_promises(until=dt.date(2026, 1, 1)) == [old]
    view.resolve_promise(old.id, "kept")
    assert svc.open_promises(until=DAY) == [new]


def test_bulk_write_then_add_keeps_every_promise(home: Path, svc: JournalService) -> None:
    """Imports and demo data share files with normal saves; no record may overwrite another."""
    stamp = now()
    entries = [
        Entry(id=new_id(), date=DAY + dt.timedelta(days=i), created=stamp, updated=stamp)
        for i in range(3)
    ]
    promises = [
        Promise(
            id=new_id(),
            made_on=DAY,
            text=f"bulk {i}",
            kind="commitment",
            created=stamp,
            updated=stamp,
        )
        for i in range(3)
    ]
    svc.add_promise(DAY, "before", "commitment")
    svc.write_bulk(entries, promises)
    svc.add_promise(DAY, "after", "commitment")
    texts = sorted(p.text for p in fresh(home).all_promises())
    assert texts == ["after", "before", "bulk 0", "bulk 1", "bulk 2"]
    assert len(fresh(home).entries()) == 3
    for kind, rows in (("entries", 3), ("promises", 5)):
        db = TinyDB(shard(home, kind))
        try:
            assert db.tables() == {kind, "meta"}, "each file holds its own kind"
            assert len(db.table(kind).all()) == rows
        finally:
            db.close()


# ----- finding a promise by id ---------------------------------------------------------------


@pytest.fixture
def crafted_ids(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    ids = iter(["abcd1111" + "0" * 24, "abcd2222" + "0" * 24, "ef012345" + "0" * 24])
    monkeypatch.setattr(journal.changes, "new_id", lambda: next(ids))
    yield


def test_find_promise_prefix_rules(svc: JournalService, crafted_ids: None) -> None:
    """Short ids are convenient, but must never silently pick the wrong promise."""
    first = svc.add_promise(DAY, "first", "commitment")
    second = svc.add_promise(DAY, "second", "commitment")
    third = svc.add_promise(LAST_YEAR, "third", "commitment")
    assert svc.find_promise("abcd1") == first
    assert svc.find_promise(" ABCD2222 ") == second
    assert svc.find_promise("ef01") == third
    assert svc.find_promise(first.id) == first
    with pytest.raises(InvalidInput) as info:
        svc.find_promise("abc")
    assert "too short" in str(info.value)
    with pytest.raises(InvalidInput) as info:
        svc.find_promise("abcd")
    assert "matches 2" in str(info.value)
    with pytest.raises(NotFound) as missing:
        svc.find_promise("9999")
    assert "9999" in str(missing.value)


def test_resolving_an_ambiguous_prefix_writes_nothing(
    home: Path, svc: JournalService, crafted_ids: None
) -> None:
    svc.add_promise(DAY, "first", "commitment")
    svc.add_promise(DAY, "second", "commitment")
    before = snapshot(home, "promises")
    with pytest.raises(JournalError):
        svc.resolve_promise("abcd", "kept")
    with pytest.raises(JournalError):
        delete_promise(svc, "abcd")
    assert snapshot(home, "promises") == before


# ----- two instances on one home -------------------------------------------------------------


def test_second_instance_sees_writes_without_restarting(home: Path) -> None:
    """The app stays open while the CLI saves: each must see the other's changes at once."""
    app = Home(home).journal
    cli = Home(home).journal
    app.set_intent(DAY, "from the app")
    assert [e.intent for e in cli.entries()] == ["from the app"]
    assert cli.open_promises() == []
    made = cli.add_promise(DAY, "from the cli", "commitment")
    cli.rate(DAY, {"credibility": 8})
    assert app.open_promises() == [made]
    assert app.entries()[0].ratings.given() == {"credibility": 8}
    app.add_tags(DAY, ["both"])
    entry = cli.entry(DAY)
    assert entry is not None
    assert (entry.intent, entry.tags, entry.ratings.given()) == (
        "from the app",
        ["both"],
        {"credibility": 8},
    )
    cli.resolve_promise(made.id, "kept")
    assert app.open_promises() == []
    assert [p.status for p in app.all_promises()] == ["kept"]


def test_interleaved_updates_from_two_instances_lose_nothing(home: Path) -> None:
    """Each save re-reads under the lock, so a stale in-memory view never overwrites."""
    a = Home(home).journal
    b = Home(home).journal
    for i in range(5):
        a.add_help(DAY, f"a{i}")
        b.add_help(DAY, f"b{i}")
        a.entries()
        b.entries()
    people = sorted(h.person for h in saved_entry(home).help)
    assert people == sorted([f"a{i}" for i in range(5)] + [f"b{i}" for i in range(5)])
