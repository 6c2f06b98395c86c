"""Exports: the JSON backup round-trips, imports merge by id, and private days never leak."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path

import pytest

from journal.app.demo import write_demo
from journal.app.exporting import ExportRequest, export, select
from journal.app.home import Home
from journal.app.restore import restore
from journal.errors import InvalidInput, NewerSchema
from journal.export import default_filename
from journal.export.daily_csv import COLUMNS
from journal.model import Comment, IntentFor, new_id, now
from tests.conftest import DAY

CANARY = "CANARY-7f3a9"


def open_home(root: Path) -> Home:
    return Home(root, today=lambda: DAY)


def exported(home: Home, fmt: str, include_private: bool = False) -> bytes:
    """What `coach export` writes: the whole journal, with the comments your coaches sent."""
    request = ExportRequest(fmt, period="month", include_private=include_private)
    return export(home, request).data


def files(home: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((home / "journal").glob("*.json"))}


def without_stamp(data: bytes) -> dict[str, object]:
    document = json.loads(data)
    document.pop("exported")
    return document


def test_backup_round_trips_exactly(tmp_path: Path) -> None:
    first = open_home(tmp_path / "a")
    write_demo(first, 1, seed=4)
    backup = exported(first, "json", include_private=True)
    second = open_home(tmp_path / "b")
    done = restore(second, backup, "backup.json")
    assert (done.entries, done.already_there, done.kept_yours) == (
        len(first.journal.entries()),
        0,
        [],
    )
    assert without_stamp(exported(second, "json", include_private=True)) == without_stamp(backup)


REFLECTION = "Ask first.\nThen offer.\n\nListen longer."
FOCUS = "Me first, again:\n\tI finished Ana's sentence."


def test_backup_keeps_every_line_break_you_wrote(tmp_path: Path) -> None:
    """Reflections, self-focus, notes, help requests and promise notes are written on several
    lines; a backup restored into a fresh home gives each back exactly, blank lines and tabs
    included, or the restored journal reads differently from the one that was backed up."""
    first = open_home(tmp_path / "a")
    svc = first.journal
    svc.set_text(DAY, "reflection", REFLECTION)
    svc.set_text(DAY, "self_focus", FOCUS)
    svc.set_note(DAY, "extra", "One thing.\nAnd another.")
    svc.add_help(DAY, "Ana", "Read my draft.\nThen tell me straight.")
    made = svc.add_promise(DAY, "send Ana the notes", "commitment", "Ana")
    svc.resolve_promise(made.id, "kept", note="Sent them.\n\nShe replied the same day.", on=DAY)
    second = open_home(tmp_path / "b")
    restore(second, exported(first, "json"), "backup.json")
    (entry,) = second.journal.entries()
    assert (entry.reflection, entry.self_focus) == (REFLECTION, FOCUS)
    assert second.journal.entries() == first.journal.entries()
    assert second.journal.all_promises() == first.journal.all_promises()


def test_import_merges_by_id_and_keeps_your_own_day(tmp_path: Path) -> None:
    source = open_home(tmp_path / "a")
    source.journal.set_intent(DAY - dt.timedelta(days=2), "from the backup")
    source.journal.set_intent(DAY, "the backup's today")
    source.journal.add_promise(DAY, "call Ana", "commitment", "Ana")
    backup = exported(source, "json")

    home = open_home(tmp_path / "b")
    home.journal.set_intent(DAY, "my own today")
    done = restore(home, backup, "backup.json")
    assert (done.entries, done.promises, done.kept_yours) == (1, 1, [DAY.isoformat()])
    today = home.journal.entry(DAY)
    assert today is not None and today.intent == "my own today"
    again = restore(home, backup, "backup.json")
    assert (again.entries, again.promises) == (0, 0)
    assert len(home.journal.all_promises()) == 1


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        (b"{not json", "is not valid JSON"),
        (b'{"format": "jrnl"}', "is not a Coach backup"),
        (
            b'{"format": "coach-backup", "schema": 1, "exported": "x", "entries": '
            b'[{"id": "a", "date": "2026-02-30"}], "promises": []}',
            "backup.json: entries[0].date",
        ),
    ],
)
def test_a_bad_backup_is_refused_and_nothing_changes(tmp_path: Path, raw: bytes, says: str) -> None:
    home = open_home(tmp_path / "b")
    home.journal.set_intent(DAY, "mine")
    before = files(tmp_path / "b")
    with pytest.raises(InvalidInput, match=says.replace("[", r"\[").replace("]", r"\]")):
        restore(home, raw, "backup.json")
    assert files(tmp_path / "b") == before


def test_a_backup_from_a_newer_coach_is_refused(tmp_path: Path) -> None:
    raw = (
        b'{"format": "coach-backup", "schema": 99, "exported": "x", "entries": [], "promises": []}'
    )
    with pytest.raises(NewerSchema, match="upgrade Coach"):
        restore(open_home(tmp_path / "b"), raw, "backup.json")


def plant_private_day(home: Home) -> None:
    svc = home.journal
    day = DAY - dt.timedelta(days=3)
    svc.set_intent(day, f"intent {CANARY}", IntentFor(kind="person", name=CANARY))
    ask = svc.add_help(day, f"person {CANARY}", f"request {CANARY}")
    svc.update_help(day, ask.id, done=True)
    svc.set_text(day, "reflection", f"reflection {CANARY}")
    svc.set_text(day, "self_focus", f"focus {CANARY}")
    svc.set_note(day, "extra", f"note {CANARY}")
    svc.add_tags(day, ["star"])
    svc.add_promise(day, f"promise {CANARY}", "commitment", CANARY)
    svc.set_private(day, True)


@pytest.mark.parametrize("fmt", ["md", "html", "csv", "json"])
def test_private_entries_never_appear_in_an_export(tmp_path: Path, fmt: str) -> None:
    home = open_home(tmp_path / "a")
    write_demo(home, 1, seed=2)
    plant_private_day(home)
    data = exported(home, fmt)
    assert CANARY.encode() not in data
    assert b"7f3a9" not in data


def test_private_entries_are_in_the_backup_only_when_asked(tmp_path: Path) -> None:
    home = open_home(tmp_path / "a")
    plant_private_day(home)
    assert CANARY.encode() in exported(home, "json", include_private=True)


def test_csv_has_the_documented_header_and_a_row_per_day(tmp_path: Path) -> None:
    home = open_home(tmp_path / "a")
    svc = home.journal
    svc.set_intent(DAY, "I will help you and we will ship", IntentFor(kind="team"))
    svc.rate(DAY, {"credibility": 7, "self_orientation": 2})
    svc.add_promise(DAY, "ship", "commitment")
    made = svc.add_promise(DAY, "tidy", "best_effort")
    svc.resolve_promise(made.id, "kept", on=DAY)
    rows = list(csv.DictReader(io.StringIO(exported(home, "csv").decode())))
    assert list(rows[0]) == COLUMNS
    (row,) = rows
    assert row["date"] == DAY.isoformat()
    assert (row["credibility"], row["self_orientation"], row["reliability"]) == ("7", "2", "")
    # words: i will help you and we will ship = 8; I-words 1 (i); other 2 (you, we)
    assert (row["words"], row["i_words_per_100"], row["other_words_per_100"]) == (
        "8",
        "12.5",
        "25",
    )
    assert (row["made_commitment"], row["made_best_effort"], row["kept_best_effort"]) == (
        "1",
        "1",
        "1",
    )


def test_markdown_shows_journal_text_without_letting_it_become_markup(tmp_path: Path) -> None:
    home = open_home(tmp_path / "a")
    home.journal.set_intent(DAY, "[click](http://x) <script>alert(1)</script> **loud** \x1b[2J")
    text = exported(home, "md").decode()
    # Every markup character arrives escaped, so no viewer can make a link, tag or emphasis.
    for raw in (r"(?<!\\)<script", r"(?<!\\)\]\(http", r"(?<!\\)\*\*loud"):
        assert not re.search(raw, text), raw
    assert "\x1b" not in text
    assert r"\[click\](http://x) \<script\>" in text


def coach_comment(day: dt.date, text: str, author: str, author_key: str) -> Comment:
    """A comment as a feedback bundle from a coach brings it."""
    stamp = now()
    return Comment(
        id=new_id(),
        on="day",
        date=day,
        text=text,
        author=author,
        author_key=author_key,
        created=stamp,
        updated=stamp,
    )


def test_backup_carries_the_coach_comments_you_imported(tmp_path: Path) -> None:
    home = open_home(tmp_path / "a")
    home.journal.set_intent(DAY, "Hear Ana out")
    said = coach_comment(DAY, "You listened first.", "Sam", "coach1:x:y")
    assert home.feedback.merge([said]) == (1, 0)
    restore(open_home(tmp_path / "b"), exported(home, "json"), "backup.json")
    assert open_home(tmp_path / "b").feedback.all() == [said]


@pytest.mark.parametrize(
    ("days", "period"),
    [(1, "week"), (120, "week"), (121, "month"), (3 * 366, "month"), (3 * 366 + 1, "quarter")],
)
def test_a_summary_without_a_period_gets_one_that_fits_its_range(
    tmp_path: Path, days: int, period: str
) -> None:
    """A fortnight by month is one bar; ten years by week is five hundred."""
    svc = open_home(tmp_path / "a").journal
    svc.set_intent(DAY, "Hear Ana out")
    selection = select(svc, start=DAY - dt.timedelta(days=days - 1), end=DAY, period=None)
    assert selection.period == period
    assert default_filename("html", selection).startswith(f"coach-{period}-")
