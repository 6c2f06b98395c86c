"""The short forms people type for dates: the same rules in the CLI and the TUI."""

from __future__ import annotations

import datetime as dt

import pytest

from journal.errors import InvalidInput
from journal.parse import parse_date, parse_promise, parse_tag

MONDAY = dt.date(2026, 11, 23)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today", MONDAY),
        ("yesterday", MONDAY - dt.timedelta(days=1)),
        ("+3d", MONDAY + dt.timedelta(days=3)),
        ("-2d", MONDAY - dt.timedelta(days=2)),
        ("mon", MONDAY),  # a weekday means the next one, today included
        ("friday", dt.date(2026, 11, 27)),
        ("Sun", dt.date(2026, 11, 29)),
        ("2026-12-01", dt.date(2026, 12, 1)),
    ],
)
def test_dates_people_type(text: str, expected: dt.date) -> None:
    assert parse_date(text, MONDAY) == expected


@pytest.mark.parametrize("text", ["", "t", "2026-02-30", "someday", "31/12/2026"])
def test_unusable_dates_are_named_in_the_error(text: str) -> None:
    with pytest.raises(InvalidInput, match="is not a date"):
        parse_date(text, MONDAY)


def test_promise_with_weekday_due_date() -> None:
    spec = parse_promise("commitment: send the deck @Ana_Lopez due:fri", MONDAY)
    assert (spec.kind, spec.text, spec.to, spec.due) == (
        "commitment",
        "send the deck",
        "Ana Lopez",
        dt.date(2026, 11, 27),
    )


def test_tags_are_one_lowercase_word() -> None:
    assert parse_tag("#Work") == "work"
    with pytest.raises(InvalidInput, match="one word"):
        parse_tag("deep work")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("-2w", MONDAY - dt.timedelta(weeks=2)),
        ("-6m", dt.date(2026, 5, 23)),
        ("-3y", dt.date(2023, 11, 23)),
        ("+1m", dt.date(2026, 12, 23)),
    ],
)
def test_offsets_in_weeks_months_and_years(text: str, expected: dt.date) -> None:
    assert parse_date(text, MONDAY) == expected
