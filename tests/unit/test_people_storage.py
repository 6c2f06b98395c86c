"""Person records kept with the journal: saved with the same guarantees as days and promises,
undone the same way, refused when damaged, and carried by the JSON backup."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from journal.app.corrections import undo
from journal.app.exporting import ExportRequest, export
from journal.app.home import Home
from journal.app.restore import restore
from journal.errors import JournalError
from journal.model import now
from journal.person import merge, new_record, set_level
from journal.store.journal_files import Batch

DAY = dt.date(2026, 3, 4)


def home(root: Path) -> Home:
    return Home(root, today=lambda: DAY)


def test_a_record_is_saved_undone_and_merged_like_any_change(tmp_path: Path) -> None:
    j = home(tmp_path).journal
    ana = new_record("Ana", now())
    j.commit(Batch(people={ana.id: ana}), "person Ana")
    ana_partner = set_level(ana, "partner", DAY, now())
    j.commit(Batch(people={ana.id: ana_partner}), "Ana: partner")
    assert [r.level for r in home(tmp_path).journal.people()] == ["partner"]
    undo(home(tmp_path).journal)
    assert [r.level for r in home(tmp_path).journal.people()] == [None]

    bo = new_record("Bo", now())
    j.commit(Batch(people={bo.id: bo}), "person Bo")
    both = merge(ana, bo, now())
    j = home(tmp_path).journal
    j.commit(Batch(people={ana.id: both, bo.id: None}), "Bo joins Ana")
    (kept,) = home(tmp_path).journal.people()
    assert kept.name == "Ana" and "Bo" in kept.aliases
    undo(home(tmp_path).journal)
    assert sorted(r.name for r in home(tmp_path).journal.people()) == ["Ana", "Bo"]


def test_a_damaged_people_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    j = home(tmp_path).journal
    ana = new_record("Ana", now())
    j.commit(Batch(people={ana.id: ana}), "person Ana")
    path = tmp_path / "journal" / "people.json"
    path.write_bytes(path.read_bytes().replace(b'"name":"Ana"', b'"name":""'))
    before = path.read_bytes()
    with pytest.raises(JournalError, match="people.json"):
        home(tmp_path).journal.people()
    bo = new_record("Bo", now())
    with pytest.raises(JournalError, match="people.json"):
        home(tmp_path).journal.commit(Batch(people={bo.id: bo}), "person Bo")
    assert path.read_bytes() == before


def test_the_backup_carries_people_and_an_import_restores_them(tmp_path: Path) -> None:
    source = tmp_path / "source"
    j = home(source).journal
    j.set_intent(DAY, "Hear Ana out")
    ana = set_level(new_record("Ana", now()), "consultant", DAY, now())
    j.commit(Batch(people={ana.id: ana}), "person Ana")
    backup = export(home(source), ExportRequest("json")).data
    target = tmp_path / "target"
    restore(home(target), backup, "backup.json")
    assert home(target).journal.people() == [ana]
    restore(home(target), backup, "backup.json")  # again: nothing doubles
    assert home(target).journal.people() == [ana]
