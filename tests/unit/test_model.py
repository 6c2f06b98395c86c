"""The records: what survives a round trip, and what a person is told when input is wrong."""

from __future__ import annotations

import datetime as dt
from typing import Any

import msgspec
import pytest

from journal.errors import InvalidInput
from journal.model import (
    Entry,
    HelpAsk,
    IntentFor,
    Promise,
    Ratings,
    new_id,
    now,
    to_builtins,
    validate,
)

TZ = dt.timezone(dt.timedelta(hours=2))
STAMP = dt.datetime(2026, 3, 4, 8, 30, tzinfo=TZ)


def full_entry() -> Entry:
    return Entry(
        id=new_id(),
        date=dt.date(2026, 3, 4),
        created=STAMP,
        updated=STAMP + dt.timedelta(minutes=5),
        intent="Listen before I answer",
        intent_for=IntentFor(kind="team", name="Platform"),
        help=[HelpAsk(id=new_id(), person="Ana", request="review the RFC", done=True)],
        ratings=Ratings(credibility=7, reliability=0, self_orientation=3),
        self_focus="worried about my demo",
        reflection="went fine — ünïcödé too",
        notes={"gratitude": "coffee"},
        tags=["work", "1:1"],
        private=True,
    )


def full_promise() -> Promise:
    return Promise(
        id=new_id(),
        made_on=dt.date(2026, 3, 4),
        text="send the notes",
        kind="best_effort",
        created=STAMP,
        updated=STAMP,
        to="Ana",
        due=dt.date(2026, 3, 6),
        status="kept",
        resolved_on=dt.date(2026, 3, 5),
        note="sent early",
    )


def entry_data(**extra: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": "a" * 32,
        "date": "2026-03-04",
        "created": "2026-03-04T08:30:00+02:00",
        "updated": "2026-03-04T08:30:00+02:00",
    }
    return {**base, **extra}


def promise_data(**extra: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": "b" * 32,
        "made_on": "2026-03-04",
        "text": "call mum",
        "kind": "commitment",
        "created": "2026-03-04T08:30:00+02:00",
        "updated": "2026-03-04T08:30:00+02:00",
    }
    return {**base, **extra}


def message(data: object, kind: type[Any], where: str = "") -> str:
    with pytest.raises(InvalidInput) as info:
        validate(data, kind, where)
    return str(info.value)


# ----- round trips ---------------------------------------------------------------------------


@pytest.mark.parametrize("record", [full_entry(), full_promise()], ids=["entry", "promise"])
def test_records_round_trip_through_builtins_and_json(record: msgspec.Struct) -> None:
    """What is saved is exactly what is read back: every field, timezone and non-ASCII text."""
    kind = type(record)
    assert validate(to_builtins(record), kind) == record
    assert validate(msgspec.json.decode(msgspec.json.encode(record)), kind) == record


def test_round_trip_keeps_the_utc_offset() -> None:
    """An entry shows when it was written where it was written, not converted to UTC."""
    back = validate(to_builtins(full_entry()), Entry)
    assert back.created.utcoffset() == dt.timedelta(hours=2)
    assert back.created.hour == 8


def test_minimal_entry_fills_defaults() -> None:
    """Old or sparse files still load: every optional field has a usable default."""
    entry = validate(entry_data(), Entry)
    assert entry.intent == "" and entry.help == [] and entry.tags == []
    assert entry.ratings.given() == {}
    assert entry.private is False


# ----- validation messages -------------------------------------------------------------------


def test_out_of_range_rating_names_the_field_path_and_bound() -> None:
    text = message(entry_data(ratings={"credibility": 11}), Entry)
    assert "ratings.credibility" in text
    assert "<= 10" in text


def test_negative_rating_refused() -> None:
    assert ">= 0" in message(entry_data(ratings={"intimacy": -1}), Entry)


def test_wrong_type_names_expected_and_given_type() -> None:
    text = message(entry_data(ratings={"credibility": "7"}), Entry)
    assert "ratings.credibility" in text
    assert "expected int" in text
    assert "got str" in text


def test_nested_list_path_is_named() -> None:
    """A bad help ask points at which one, so a hand-edited file can be fixed."""
    data = entry_data(help=[{"id": "x", "person": "Ana"}, {"id": "y", "person": "Bo", "done": 1}])
    text = message(data, Entry)
    assert "help[1].done" in text
    assert "got int" in text


def test_where_prefix_names_the_file() -> None:
    text = message(entry_data(ratings={"credibility": 11}), Entry, "/x/2026.json")
    assert text.startswith("/x/2026.json: ratings.credibility")


def test_unknown_field_refused_and_named() -> None:
    """A typo in a field name must not silently drop what was written under it."""
    text = message(entry_data(intnet="typo"), Entry)
    assert "unknown field" in text
    assert "intnet" in text


def test_unknown_nested_field_refused() -> None:
    text = message(entry_data(ratings={"credibilty": 5}), Entry)
    assert "credibilty" in text


def test_missing_required_field_named() -> None:
    data = entry_data()
    del data["date"]
    assert "missing required field date" in message(data, Entry)


def test_single_line_message() -> None:
    """The CLI shows ``str(error)`` as one line."""
    assert "\n" not in message(entry_data(ratings={"credibility": 11}), Entry, "f.json")


def test_bad_promise_kind_refused() -> None:
    text = message(promise_data(kind="maybe"), Promise)
    assert "kind" in text and "maybe" in text


def test_bad_promise_status_refused() -> None:
    text = message(promise_data(status="done"), Promise)
    assert "status" in text and "done" in text


def test_bad_serves_kind_refused() -> None:
    assert "intent_for.kind" in message(entry_data(intent_for={"kind": "boss"}), Entry)


@pytest.mark.parametrize("tag", ["two words", "tab\there", "a,b", "#hash", ""])
def test_bad_tags_refused(tag: str) -> None:
    """Tags are single tokens so they can be typed, filtered and exported unambiguously."""
    assert "tags[0]" in message(entry_data(tags=[tag]), Entry)


@pytest.mark.parametrize("tag", ["work", "1:1", "déjà-vu", "x" * 64])
def test_good_tags_accepted(tag: str) -> None:
    assert validate(entry_data(tags=[tag]), Entry).tags == [tag]


def test_overlong_tag_refused() -> None:
    assert "tags[0]" in message(entry_data(tags=["x" * 65]), Entry)


def test_overlong_text_refused() -> None:
    assert "reflection" in message(entry_data(reflection="x" * 20_001), Entry)


def test_bad_date_refused() -> None:
    assert "date" in message(entry_data(date="2026-13-01"), Entry)


# ----- timestamps ----------------------------------------------------------------------------


def test_now_is_timezone_aware() -> None:
    stamp = now()
    assert stamp.tzinfo is not None and stamp.utcoffset() is not None


def test_naive_timestamp_refused() -> None:
    """A naive timestamp cannot be ordered against aware ones (sorting raises TypeError), so it
    must be refused when read rather than crash later listings."""
    text = message(promise_data(created="2026-03-04T08:30:00"), Promise)
    assert "created" in text


# ----- small behaviours ----------------------------------------------------------------------


def test_ratings_given_keeps_zero_and_skips_missing() -> None:
    """A missing rating is never treated as zero, and a real zero is never dropped."""
    assert Ratings(credibility=0, intimacy=9).given() == {"credibility": 0, "intimacy": 9}


def test_entry_texts_are_the_persons_own_words() -> None:
    texts = full_entry().texts()
    assert "Listen before I answer" in texts
    assert "review the RFC" in texts
    assert "coffee" in texts
    assert "" not in texts


@pytest.mark.parametrize(
    ("serves", "label"),
    [
        (IntentFor(kind="self"), "myself"),
        (IntentFor(kind="team"), "my team"),
        (IntentFor(kind="team", name="Ops"), "team Ops"),
        (IntentFor(kind="person", name="Ana"), "Ana"),
    ],
)
def test_intent_for_label(serves: IntentFor, label: str) -> None:
    assert serves.label() == label


def test_overdue_only_when_open_and_past_due() -> None:
    promise = validate(promise_data(due="2026-03-06"), Promise)
    assert not promise.is_overdue(dt.date(2026, 3, 6))
    assert promise.is_overdue(dt.date(2026, 3, 7))
    kept = msgspec.structs.replace(promise, status="kept")
    assert not kept.is_overdue(dt.date(2026, 3, 7))
    assert not validate(promise_data(), Promise).is_overdue(dt.date(2030, 1, 1))


def test_short_id_is_a_prefix() -> None:
    promise = full_promise()
    assert len(promise.short_id) == 8 and promise.id.startswith(promise.short_id)
