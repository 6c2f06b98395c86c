"""The sample journal: deterministic, valid, and drifting the way its docstring promises."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

import msgspec
import pytest

from journal.app.demo import write_demo
from journal.app.home import Home
from journal.demo import DemoSummary, generate
from journal.demo_text import NAMES, TAGS
from journal.errors import InvalidInput
from journal.model import Entry, Promise, to_builtins, validate

TODAY = dt.date(2026, 5, 9)
YEAR = 365
WORD = re.compile(r"[\w']+")
I_WORDS = {"i", "me", "my", "mine", "myself", "i'm", "i've", "i'd", "i'll"}
OTHER_WORDS = {"you", "your", "we", "us", "our", "they", "them"} | {n.lower() for n in NAMES}

Journal = tuple[list[Entry], list[Promise]]


@pytest.fixture(scope="module")
def three_years() -> Journal:
    return generate(3, seed=11, today=TODAY)


def first_and_last_year(journal: Journal, years: int) -> tuple[Journal, Journal]:
    start = TODAY - dt.timedelta(days=years * YEAR - 1)

    def year_of(day: dt.date) -> int:
        return (day - start).days // YEAR

    entries, promises = journal
    return (
        (
            [e for e in entries if year_of(e.date) == 0],
            [p for p in promises if year_of(p.made_on) == 0],
        ),
        (
            [e for e in entries if year_of(e.date) == years - 1],
            [p for p in promises if year_of(p.made_on) == years - 1],
        ),
    )


def per_100_words(texts: Iterable[str], vocabulary: set[str]) -> float:
    words = [w for t in texts for w in WORD.findall(t.lower())]
    return 100 * sum(w in vocabulary for w in words) / len(words)


def mean(values: Iterable[float]) -> float:
    items = list(values)
    return sum(items) / len(items)


def keep_rate(promises: list[Promise], kind: str) -> float:
    settled = [p for p in promises if p.kind == kind and p.status in ("kept", "broken")]
    return sum(p.status == "kept" for p in settled) / len(settled)


def encoded(journal: Journal) -> bytes:
    return msgspec.json.encode(journal)


# ----- determinism and validity ------------------------------------------------------------


def test_same_arguments_give_identical_bytes() -> None:
    assert encoded(generate(2, seed=3, today=TODAY)) == encoded(generate(2, seed=3, today=TODAY))


def test_different_seeds_differ() -> None:
    assert encoded(generate(1, seed=1, today=TODAY)) != encoded(generate(1, seed=2, today=TODAY))


def test_every_record_validates(three_years: Journal) -> None:
    entries, promises = three_years
    for entry in entries:
        assert validate(to_builtins(entry), Entry) == entry
    for promise in promises:
        assert validate(to_builtins(promise), Promise) == promise
    assert len({e.id for e in entries} | {p.id for p in promises}) == len(entries) + len(promises)


@pytest.mark.parametrize("years", [0, 31, -1])
def test_years_out_of_range_is_refused_in_one_line(years: int) -> None:
    with pytest.raises(InvalidInput) as caught:
        generate(years, today=TODAY)
    assert "1 to 30" in str(caught.value) and "\n" not in str(caught.value)


def test_custom_name_pool_is_used() -> None:
    entries, promises = generate(1, today=TODAY, name_pool=["Ada", "Grace", "Linus"])
    assert {p.to for p in promises} <= {"Ada", "Grace", "Linus"}
    assert {h.person for e in entries for h in e.help} <= {"Ada", "Grace", "Linus"}


# ----- shape of the journal ----------------------------------------------------------------


def test_span_coverage_and_gaps(three_years: Journal) -> None:
    entries, _ = three_years
    dates = [e.date for e in entries]
    assert dates == sorted(set(dates))
    assert dates[-1] == TODAY
    assert dates[0] == TODAY - dt.timedelta(days=3 * YEAR - 1)
    assert 0.82 <= len(entries) / (3 * YEAR) <= 0.93
    longest_gap = max((b - a).days for a, b in zip(dates, dates[1:], strict=False))
    assert longest_gap >= 4, "expected at least one holiday-sized gap"


def test_private_share_tags_and_timestamps(three_years: Journal) -> None:
    entries, _ = three_years
    assert 0.03 <= sum(e.private for e in entries) / len(entries) <= 0.08
    assert all(len(e.tags) <= 2 and set(e.tags) <= set(TAGS) for e in entries)
    for e in entries:
        assert e.created.utcoffset() is not None
        assert e.created.date() == e.date and e.created <= e.updated
        assert 7 <= e.created.hour < 9
    assert all(18 <= e.updated.hour < 22 for e in entries[:-1])


def test_entries_carry_about_150_words_of_own_text(three_years: Journal) -> None:
    entries, _ = three_years
    done = entries[:-1]  # today's entry is morning-only
    assert 120 <= mean(len(" ".join(e.texts()).split()) for e in done) <= 180
    assert all(75 <= len(e.reflection.split()) <= 170 for e in done)
    assert all(e.self_focus and e.intent and e.intent_for for e in done)
    assert not entries[-1].reflection and all(h.done is None for h in entries[-1].help)


def test_promise_dates_and_states(three_years: Journal) -> None:
    _, promises = three_years
    for p in promises:
        assert p.due is None or p.due >= p.made_on
        assert p.created <= p.updated
        if p.status == "open":
            assert p.resolved_on is None
        else:
            assert p.resolved_on is not None and p.made_on <= p.resolved_on <= TODAY
    recent = [p for p in promises if (TODAY - p.made_on).days < 5]
    assert sum(p.status == "open" for p in recent) / len(recent) > 0.5
    overdue_old = [p for p in promises if p.is_overdue(TODAY) and (TODAY - p.made_on).days >= 5]
    assert 1 <= len(overdue_old) <= 15
    older = [p for p in promises if (TODAY - p.made_on).days >= 90]
    assert all(p.status != "open" for p in older)
    statuses = {p.status for p in older}
    assert statuses == {"kept", "broken", "renegotiated", "released"}
    assert 0.03 <= sum(p.status == "renegotiated" for p in older) / len(older) <= 0.07
    assert 0.015 <= sum(p.status == "released" for p in older) / len(older) <= 0.05


# ----- drift: first year against last year --------------------------------------------------


def test_self_orientation_falls_and_reliability_rises(three_years: Journal) -> None:
    (early, _), (late, _) = first_and_last_year(three_years, 3)

    def rating(entries: list[Entry], name: str) -> float:
        return mean(v for e in entries if (v := getattr(e.ratings, name)) is not None)

    assert rating(early, "self_orientation") > rating(late, "self_orientation") + 1.8
    assert rating(late, "reliability") > rating(early, "reliability") + 1.0


def test_commitments_kept_more_and_made_less(three_years: Journal) -> None:
    (_, early), (_, late) = first_and_last_year(three_years, 3)
    assert keep_rate(late, "commitment") > keep_rate(early, "commitment") + 0.05

    def commitment_share(promises: list[Promise]) -> float:
        return sum(p.kind == "commitment" for p in promises) / len(promises)

    assert commitment_share(late) < commitment_share(early) - 0.05


def test_language_turns_outward(three_years: Journal) -> None:
    (early, _), (late, _) = first_and_last_year(three_years, 3)
    i_early = per_100_words((e.reflection for e in early), I_WORDS)
    i_late = per_100_words((e.reflection for e in late[:-1]), I_WORDS)
    assert 7 <= i_early <= 10
    assert i_late < i_early - 2
    other_early = per_100_words((e.reflection for e in early), OTHER_WORDS)
    other_late = per_100_words((e.reflection for e in late[:-1]), OTHER_WORDS)
    assert other_late > other_early + 0.5


def test_more_help_asked_done_and_intent_for_others(three_years: Journal) -> None:
    (early, _), (late, _) = first_and_last_year(three_years, 3)
    asks_early = [h for e in early for h in e.help if h.asked]
    asks_late = [h for e in late[:-1] for h in e.help if h.asked]
    assert len(asks_late) > 1.5 * len(asks_early)
    assert mean(h.done is True for h in asks_late) > mean(h.done is True for h in asks_early)

    def serving_others(entries: list[Entry]) -> float:
        return mean(e.intent_for is not None and e.intent_for.kind != "self" for e in entries)

    assert serving_others(late) > serving_others(early) + 0.1


def test_ten_years_drift_end_to_end() -> None:
    journal = generate(10, today=TODAY)
    (early, early_p), (late, late_p) = first_and_last_year(journal, 10)
    assert 2800 <= len(journal[0]) <= 3400
    assert 6.2 <= mean(e.ratings.self_orientation or 0 for e in early if e.ratings.given()) <= 7.2
    assert 2.8 <= mean(e.ratings.self_orientation or 0 for e in late[:-1]) <= 3.8
    assert 0.6 <= keep_rate(early_p, "commitment") <= 0.72
    assert 0.84 <= keep_rate(late_p, "commitment") <= 0.96
    assert 7.5 <= per_100_words((e.reflection for e in early), I_WORDS) <= 9.5
    assert 3.5 <= per_100_words((e.reflection for e in late[:-1]), I_WORDS) <= 5.0


# ----- writing into a home ------------------------------------------------------------------


def file_bytes(home: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(home)): p.read_bytes() for p in sorted(home.rglob("*")) if p.is_file()
    }


def test_write_demo_round_trips(tmp_path: Path) -> None:
    summary = write_demo(Home(tmp_path, today=lambda: TODAY), 2, seed=5)
    entries, promises = generate(2, seed=5, today=TODAY)
    assert summary == DemoSummary(
        entries=len(entries), promises=len(promises), first=entries[0].date, last=TODAY
    )
    fresh = Home(tmp_path, today=lambda: TODAY).journal
    assert len(fresh.entries()) == summary.entries
    assert len(fresh.all_promises()) == summary.promises
    assert fresh.entry(TODAY) == entries[-1]
    assert fresh.years() == [2024, 2025, 2026]


def test_write_demo_refuses_a_home_with_entries(tmp_path: Path) -> None:
    home = Home(tmp_path, today=lambda: TODAY)
    home.journal.set_intent(TODAY, "Listen first.")
    before = file_bytes(tmp_path)
    with pytest.raises(InvalidInput) as caught:
        write_demo(home, 1)
    assert str(tmp_path) in str(caught.value) and "\n" not in str(caught.value)
    assert file_bytes(tmp_path) == before


def test_write_demo_checks_years_before_writing(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput):
        write_demo(Home(tmp_path, today=lambda: TODAY), 0)
    assert not any(tmp_path.iterdir())


def test_demo_stays_headless() -> None:
    code = (
        "import sys, journal.demo\n"
        "sys.exit(any(m in sys.modules for m in ('textual', 'rich', 'click')))"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_the_demo_has_people_with_a_story(tmp_path: Path) -> None:
    """Levels that climb and slip, stages, scripts, reviews with one overdue, cadences: a
    newcomer's People screen is alive from the first look."""
    from journal.app.home import Home
    from journal.app.people import due
    from journal.person import LEVELS

    home = Home(tmp_path / "home", today=lambda: dt.date(2026, 11, 23))
    write_demo(home, 3, seed=7)
    records = home.journal.people()
    told = [r for r in records if r.levels]
    assert len(told) >= 3 and len(records) > len(told)
    assert any(len(r.levels) >= 3 for r in told)
    assert any(r.cadence for r in told) and all(r.reviews and r.script for r in told)
    slipped = [
        r for r in told if LEVELS.index(r.levels[-1].level) < LEVELS.index(r.levels[-2].level)
    ]
    assert slipped, "one relationship slipped back a level"
    assert [d.review.late for d in due(home.journal) if d.review] == [7]
