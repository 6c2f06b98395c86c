"""The words every report shares: a direction says better or worse for you, never a movement a
reader has to decode, and a summary says which private days it left out."""

from __future__ import annotations

import pytest

from journal.trends import direction
from journal.wording import direction_text, private_note, verdict_text, verdict_word

WEEKS = 12


def series(start: float, step: float) -> list[float | None]:
    return [start + step * week for week in range(WEEKS)]


def test_less_self_orientation_reads_as_improved_with_how_much() -> None:
    falling = direction(series(7.0, -0.3))
    said = direction_text(falling)
    assert falling.change is not None and falling.change < 0
    assert said == f"improved {abs(falling.change):.1f}"


def test_more_self_orientation_reads_as_worsened_with_how_much() -> None:
    rising = direction(series(2.0, 0.3))
    said = direction_text(rising)
    assert rising.change is not None and rising.change > 0
    assert said == f"worsened {abs(rising.change):.1f}"


@pytest.mark.parametrize(
    ("verdict", "change", "said"),
    [
        ("improving", -0.44, "improved 0.4"),
        ("worsening", 0.75, "worsened 0.8"),
        ("steady", 0.05, "steady"),
        ("not enough data", None, "not enough data"),
    ],
)
def test_every_verdict_reads_as_better_worse_or_neither(
    verdict: str, change: float | None, said: str
) -> None:
    text = verdict_text(verdict, change)
    assert text == said


def test_a_direction_without_its_number_still_says_better_or_worse() -> None:
    assert verdict_word("improving") == "improved"
    assert verdict_word("worsening") == "worsened"
    assert verdict_word("steady") == "steady"


@pytest.mark.parametrize(
    ("inside", "around", "said"),
    [
        (16, 0, "16 private days are not included."),
        (1, 0, "1 private day is not included."),
        (3, 2, "3 private days are not included, nor 2 more that the trends look back on."),
        (0, 1, "1 private day that the trends look back on is not included."),
        (0, 0, ""),
    ],
)
def test_the_private_days_note_counts_exactly_and_is_silent_when_none(
    inside: int, around: int, said: str
) -> None:
    assert private_note(inside, around) == said
