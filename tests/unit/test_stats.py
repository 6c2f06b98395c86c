"""The trends report: hand-worked journals, edge cases, the summary sentence, JSON and the demo.

Every expected number is worked out by hand in a comment beside it; none is read back from the
code under test.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import pytest

from journal.app.demo import write_demo
from journal.app.home import Home
from journal.app.service import JournalService
from journal.model import (
    PROMISE_KINDS,
    Entry,
    HelpAsk,
    IntentFor,
    Promise,
    PromiseKind,
    PromiseStatus,
    Ratings,
)
from journal.stats import Report, to_json
from journal.trends import SIGNALS, Signals

TZ = dt.timezone.utc
MONDAY = dt.date(2026, 3, 9)
SUNDAY = dt.date(2026, 3, 15)
DAY = dt.date(2026, 11, 23)  # a Monday, as in tests/conftest.py

RUSSIAN = (
    "Сегодня я говорил с Анной о её проекте и мы решили начать план заново потому что "
    "никто не знал как двигаться дальше с этой работой сейчас"
)  # 26 words, none of them English

JSON_KEYS = {
    "today",
    "from",
    "to",
    "period",
    "summary",
    "series",
    "overall",
    "direction",
    "reliability",
    "calibration_gap",
    "open_commitments",
    "overdue_commitments",
    "streak",
    "on_this_day",
}


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def entry(
    day: dt.date,
    *,
    intent: str = "",
    serves: IntentFor | None = None,
    help: Sequence[HelpAsk] = (),
    ratings: Ratings | None = None,
    self_focus: str = "",
    reflection: str = "",
    private: bool = False,
) -> Entry:
    stamp = dt.datetime(day.year, day.month, day.day, 20, tzinfo=TZ)
    return Entry(
        id=f"e{day.toordinal()}",
        date=day,
        created=stamp,
        updated=stamp,
        intent=intent,
        intent_for=serves,
        help=list(help),
        ratings=ratings or Ratings(),
        self_focus=self_focus,
        reflection=reflection,
        private=private,
    )


def promise(
    kind: PromiseKind,
    made: str,
    status: PromiseStatus = "open",
    resolved: str | None = None,
    due: str | None = None,
) -> Promise:
    day = d(made)
    stamp = dt.datetime(day.year, day.month, day.day, 9, tzinfo=TZ)
    return Promise(
        id=f"{kind}-{made}-{status}-{resolved}-{due}".replace("-", ""),
        made_on=day,
        text=f"a {kind} made on {made}",
        kind=kind,
        created=stamp,
        updated=stamp,
        to="Priya",
        due=d(due) if due else None,
        status=status,
        resolved_on=d(resolved) if resolved else None,
    )


def journal(
    home: Path, today: dt.date, entries: Iterable[Entry] = (), promises: Iterable[Promise] = ()
) -> JournalService:
    svc = Home(home, today=lambda: today).journal
    svc.write_bulk(list(entries), list(promises))
    return svc


def ratings_of(entries: Iterable[Entry], day: dt.date, s: int) -> list[Entry]:
    return [*entries, entry(day, ratings=Ratings(self_orientation=s))]


# ----- the hand-worked week --------------------------------------------------------------
#
# Three check-ins, Monday 9 to Wednesday 11 March 2026; today is Sunday 15 March.
#
# Monday   intent "Help Priya ship the release"   help, priya, ship, the, release    5 words
#                                                  other: priya (a person helped)     1
#          ask Priya "review my slides" (done)    review, my, slides                 3 words
#                                                  I: my                              1
#          "I think we did well and I told them myself"                              10 words
#                                                  I: i, i, myself = 3; other: we, them = 2
#          -> 18 words, 4 I-words, 3 other-focus; for Priya; C6 R7 I5 Ch8 S4
# Tuesday  intent "Finish our report"             3 words, other: our                1
#          self-focus "I’m worried about our review"  i'm, worried, about, our, review
#                                                  5 words, I: i'm = 1, other: our = 1
#          "Tom asked for the numbers and you know they were late"
#                                                  11 words, other: tom, you, they = 3
#          ask Tom "send the numbers" (not done)  3 words
#          Ann: noted but not asked               (not an ask, no words)
#          -> 22 words, 1 I-word, 5 other-focus; for myself; C8 R9 I7 Ch6 S2
# Wednesday intent "Unblock the team"             3 words
#          "Mine was the slow part for them"     7 words, I: mine = 1, other: them = 1
#          -> 10 words, 1 I-word, 1 other-focus; no "for whom", no ratings
#
# Week: 50 words, 6 I-words, 9 other-focus
#   I-words per 100 words = 100 * 6 / 50 = 12.0; other-focus per 100 = 100 * 9 / 50 = 18.0
#   self-share = 6 / (6 + 9) = 0.4 -> language score 10 * 0.4 = 4.0
#   rating score = mean(4, 2) = 3.0
#   behaviour shares: for others 1 of 2 intents = 0.5; asks 2 in 7 days = 2 a week,
#   min(2 / 5, 1) = 0.4; asks done 1 of 2 known = 0.5
#   behaviour = 10 * (1 - (0.5 + 0.4 + 0.5) / 3) = 10 * 1.6 / 3 = 16/3 ≈ 5.33
#   index: weights 0.4 + 0.3 + 0.3 = 1; contributions 0.4 * 3 = 1.2, 0.3 * 4 = 1.2,
#   0.3 * 16/3 = 1.6; index 1.2 + 1.2 + 1.6 = 4.0
#   trust: C mean(6, 8) = 7, R mean(7, 9) = 8, I mean(5, 7) = 6, Ch mean(8, 6) = 7, S 3
#   classic (7 + 8 + 6) / 3 = 7.0; extended (7 + 8 + 6 + 7) / 3 = 28/3; spread 8 - 6 = 2
#
# Promises (30 days = 14 Feb..15 Mar, 90 days = 16 Dec..15 Mar):
#   commitments kept 10 Mar, 1 Mar (30); broken 20 Feb (30); kept 10 Jan, broken 5 Jan,
#   broken 20 Dec (90); renegotiated 5 Mar, released 6 Mar (30); kept 1 Dec 2025 (neither);
#   open: due 12 Mar (overdue) and due 20 Mar
#   -> 30 days: kept 2, broken 1 -> 2/3; 90 days: kept 3, broken 3 -> 1/2
#   best efforts kept 2 Mar, 3 Mar (30), broken 20 Jan (90) -> 30: 2/2 = 1; 90: 2/3
#   good intentions released 4 Mar (30), renegotiated 1 Feb (90), open -> no keep-rate
#   calibration: self-rated reliability 10 * mean(7, 9) = 80 %
#     90 days 80 - 50 = 30; 30 days 80 - 66.67 = 13.33
#   made this week: commitments 9 Mar, 11 Mar, 11 Mar = 3; good intention 10 Mar = 1


def week_entries(*, rated: bool = True, s: int | None = None) -> list[Entry]:
    def r(c: int, rel: int, i: int, ch: int, so: int) -> Ratings | None:
        if not rated:
            return None
        return Ratings(
            credibility=c, reliability=rel, intimacy=i, character=ch, self_orientation=so
        )

    return [
        entry(
            MONDAY,
            intent="Help Priya ship the release",
            serves=IntentFor(kind="person", name="Priya"),
            help=[HelpAsk(id="h1", person="Priya", request="review my slides", done=True)],
            reflection="I think we did well and I told them myself",
            ratings=r(6, 7, 5, 8, 4 if s is None else s),
        ),
        entry(
            d("2026-03-10"),
            intent="Finish our report",
            serves=IntentFor(kind="self"),
            self_focus="I\u2019m worried about our review",
            reflection="Tom asked for the numbers and you know they were late",
            help=[
                HelpAsk(id="h2", person="Tom", request="send the numbers", done=False),
                HelpAsk(id="h3", person="Ann", asked=False),
            ],
            ratings=r(8, 9, 7, 6, 2 if s is None else s),
        ),
        entry(
            d("2026-03-11"),
            intent="Unblock the team",
            reflection="Mine was the slow part for them",
        ),
    ]


def week_promises() -> list[Promise]:
    return [
        promise("commitment", "2026-03-09", "kept", "2026-03-10"),
        promise("commitment", "2026-03-01", "kept", "2026-03-01"),
        promise("commitment", "2026-02-20", "broken", "2026-02-20"),
        promise("commitment", "2026-01-10", "kept", "2026-01-10"),
        promise("commitment", "2026-01-05", "broken", "2026-01-05"),
        promise("commitment", "2025-12-20", "broken", "2025-12-20"),
        promise("commitment", "2026-03-05", "renegotiated", "2026-03-05"),
        promise("commitment", "2026-03-06", "released", "2026-03-06"),
        promise("commitment", "2025-12-01", "kept", "2025-12-01"),
        promise("commitment", "2026-03-11", due="2026-03-12"),
        promise("commitment", "2026-03-11", due="2026-03-20"),
        promise("best_effort", "2026-03-02", "kept", "2026-03-02"),
        promise("best_effort", "2026-03-03", "kept", "2026-03-03"),
        promise("best_effort", "2026-01-20", "broken", "2026-01-20"),
        promise("good_intention", "2026-03-04", "released", "2026-03-04"),
        promise("good_intention", "2026-02-01", "renegotiated", "2026-02-01"),
        promise("good_intention", "2026-03-10"),
    ]


@pytest.fixture
def week(tmp_path: Path) -> Report:
    svc = journal(tmp_path, SUNDAY, week_entries(), week_promises())
    return svc.report(start=MONDAY, period="week")


def test_week_self_orientation_hand_worked(week: Report) -> None:
    assert len(week.rows) == 1
    s = week.rows[0].signals
    assert (s.start, s.end, s.checkins) == (MONDAY, SUNDAY, 3)
    assert (s.words.words, s.words.i_words, s.words.other_words) == (50, 6, 9)
    assert s.words.i_rate == pytest.approx(12.0)
    assert s.words.other_rate == pytest.approx(18.0)
    assert s.words.self_share == pytest.approx(0.4)
    assert s.scores() == pytest.approx({"rating": 3.0, "language": 4.0, "behaviour": 16 / 3})
    contributions = s.contributions()
    assert contributions == pytest.approx({"rating": 1.2, "language": 1.2, "behaviour": 1.6})
    assert s.index == pytest.approx(4.0)
    assert sum(contributions.values()) == pytest.approx(s.index)
    # the whole range is the same seven days
    assert week.overall.signals.index == pytest.approx(4.0)


def test_week_word_counts_per_entry(tmp_path: Path) -> None:
    svc = journal(tmp_path, SUNDAY, week_entries())
    counts = [svc.word_counts(e) for e in sorted(svc.entries(), key=lambda e: e.date)]
    assert [(c.words, c.i_words, c.other_words) for c in counts] == [
        (18, 4, 3),
        (22, 1, 5),
        (10, 1, 1),
    ]


def test_week_trust_hand_worked(week: Report) -> None:
    t = week.rows[0].trust
    assert (t.credibility, t.reliability, t.intimacy, t.character) == (7.0, 8.0, 6.0, 7.0)
    assert t.self_orientation == 3.0
    assert t.classic == pytest.approx(7.0)
    assert t.extended == pytest.approx(28 / 3)
    assert t.spread == 2.0
    assert t.note == ""


def test_week_keep_rates_hand_worked(week: Report) -> None:
    month, quarter = week.reliability[30], week.reliability[90]
    c30, c90 = month["commitment"], quarter["commitment"]
    assert (c30.kept, c30.broken, c30.renegotiated, c30.released) == (2, 1, 1, 1)
    assert c30.keep_rate == pytest.approx(2 / 3)
    assert (c90.kept, c90.broken, c90.renegotiated, c90.released) == (3, 3, 1, 1)
    assert c90.keep_rate == pytest.approx(0.5)
    assert month["best_effort"].keep_rate == pytest.approx(1.0)
    assert quarter["best_effort"].keep_rate == pytest.approx(2 / 3)
    assert month["good_intention"].keep_rate is None
    assert quarter["good_intention"].keep_rate is None
    assert (quarter["good_intention"].renegotiated, quarter["good_intention"].released) == (1, 1)


def test_week_calibration_and_mix(week: Report) -> None:
    assert week.calibration[90] == pytest.approx(30.0)
    assert week.calibration[30] == pytest.approx(80 - 200 / 3)
    assert week.rows[0].mix == {"commitment": 3, "best_effort": 0, "good_intention": 1}
    assert week.overall.mix == week.rows[0].mix
    # resolved within the week: the commitment kept on 10 March
    assert week.rows[0].kept["commitment"].kept == 1


def test_week_commitments_streak_and_summary(week: Report) -> None:
    assert len(week.open_commitments) == 2
    assert [p.due for p in week.overdue_commitments] == [d("2026-03-12")]
    assert week.streak == 0  # last check-in Wednesday, today is Sunday
    assert week.on_this_day == []
    assert week.trend.verdict == "not enough data"  # one week
    assert week.summary == (
        "Not enough weeks with check-ins yet to see which way your self-orientation is moving; "
        "commitments kept 50% in the last 90 days (best efforts 67%)."
    )
    check_summary(week, [r.signals for r in week.rows])


def test_week_json(week: Report) -> None:
    data = to_json(week)
    assert set(data) == JSON_KEYS
    json.dumps(data)
    assert (data["today"], data["from"], data["to"], data["period"]) == (
        "2026-03-15",
        "2026-03-09",
        "2026-03-15",
        "week",
    )
    assert data["summary"] == week.summary
    row = data["series"][0]
    assert row["self_orientation"]["index"] == pytest.approx(4.0)
    assert row["self_orientation"]["i_words_per_100"] == pytest.approx(12.0)
    assert row["self_orientation"]["contributions"] == pytest.approx(
        {"rating": 1.2, "language": 1.2, "behaviour": 1.6}
    )
    assert row["trust"]["classic"] == pytest.approx(7.0)
    assert row["trust"]["extended"] == pytest.approx(28 / 3)
    assert row["promises_made"] == {"commitment": 3, "best_effort": 0, "good_intention": 1}
    assert data["reliability"]["90d"]["commitment"] == {
        "kept": 3,
        "broken": 3,
        "renegotiated": 1,
        "released": 1,
        "keep_rate": 0.5,
    }
    assert data["calibration_gap"]["90d"] == pytest.approx(30.0)
    assert set(data["direction"]) == {"4w", "12w"}
    assert data["direction"]["12w"]["index"]["verdict"] == "not enough data"
    assert data["open_commitments"] == 2
    assert [o["due"] for o in data["overdue_commitments"]] == ["2026-03-12"]
    assert data["overdue_commitments"][0]["to"] == "Priya"
    assert data["streak"] == 0


def test_missing_ratings_index_from_the_other_signals(tmp_path: Path) -> None:
    svc = journal(tmp_path, SUNDAY, week_entries(rated=False), week_promises())
    report = svc.report(start=MONDAY, period="week")
    s = report.rows[0].signals
    assert s.rating is None
    # language 4.0 and behaviour 16/3 weigh 0.3 / 0.6 = 0.5 each:
    # 0.5 * 4 = 2.0, 0.5 * 16/3 = 8/3, index 2 + 8/3 = 14/3
    assert s.contributions() == pytest.approx({"language": 2.0, "behaviour": 8 / 3})
    assert s.index == pytest.approx(14 / 3)
    t = report.rows[0].trust
    assert (t.classic, t.extended, t.spread) == (None, None, None)
    assert report.calibration == {30: None, 90: None}
    json.dumps(to_json(report))


def test_self_orientation_zero(tmp_path: Path) -> None:
    svc = journal(tmp_path, SUNDAY, week_entries(s=0))
    report = svc.report(start=MONDAY, period="week")
    t = report.rows[0].trust
    assert t.self_orientation == 0.0
    assert (t.classic, t.extended) == (None, None)
    assert "self-orientation rated 0" in t.note
    assert t.spread == 2.0
    # a rating of 0 is a score: 0.4 * 0 + 1.2 + 1.6 = 2.8
    assert report.rows[0].signals.scores()["rating"] == 0.0
    assert report.rows[0].signals.index == pytest.approx(2.8)
    data = to_json(report)
    assert data["series"][0]["trust"]["classic"] is None
    assert data["series"][0]["trust"]["note"] == t.note
    json.dumps(data)


# ----- edge cases ------------------------------------------------------------------------


def test_no_data_at_all(tmp_path: Path) -> None:
    report = Home(tmp_path, today=lambda: DAY).journal.report()
    # the last 12 weeks: Monday 7 September .. today, Monday 23 November
    assert report.start == d("2026-09-07")
    assert len(report.rows) == 12
    assert all(r.signals.index is None and r.signals.checkins == 0 for r in report.rows)
    assert report.overall.signals.index is None
    assert report.trend.verdict == "not enough data"
    assert all(
        dirn.verdict == "not enough data"
        for ds in report.directions.values()
        for dirn in ds.values()
    )
    assert all(r.keep_rate is None for rec in report.reliability.values() for r in rec.values())
    assert report.calibration == {30: None, 90: None}
    assert (report.streak, report.on_this_day, report.open_commitments) == (0, [], [])
    assert report.summary == (
        "Not enough weeks with check-ins yet to see which way your self-orientation is moving; "
        "no commitments were settled in the last 90 days."
    )
    data = to_json(report)
    assert set(data) == JSON_KEYS
    json.dumps(data)


def test_one_day(tmp_path: Path) -> None:
    today = entry(DAY, intent="Ask Mei how I can help", ratings=Ratings(self_orientation=5))
    report = journal(tmp_path, DAY, [today]).report()
    assert report.streak == 1
    assert [r.signals.checkins for r in report.rows] == [0] * 11 + [1]
    assert report.rows[-1].signals.rating == 5.0
    assert report.trend.verdict == "not enough data"
    assert report.summary.startswith("Not enough weeks with check-ins yet")
    json.dumps(to_json(report))


def test_gaps_of_months(tmp_path: Path) -> None:
    entries = [
        entry(d("2026-01-05"), ratings=Ratings(self_orientation=6)),
        entry(d("2026-06-10"), ratings=Ratings(self_orientation=2)),
    ]
    report = journal(tmp_path, d("2026-06-15"), entries).report(
        start=d("2026-01-01"), period="month"
    )
    assert [r.signals.start.month for r in report.rows] == [1, 2, 3, 4, 5, 6]
    assert [r.signals.checkins for r in report.rows] == [1, 0, 0, 0, 0, 1]
    assert [r.signals.rating for r in report.rows] == [6.0, None, None, None, None, 2.0]
    # complete months January..May hold one point: not enough to see a direction
    assert report.trend.verdict == "not enough data"
    assert report.trend.points == 1
    assert report.streak == 0
    assert report.overall.signals.rating == 4.0  # mean(6, 2)
    json.dumps(to_json(report))


@pytest.mark.parametrize("period", ["day", "week", "month", "year"])
def test_every_period_builds(tmp_path: Path, period: str) -> None:
    entries = [
        entry(d("2025-11-05"), ratings=Ratings(self_orientation=6), reflection=RUSSIAN),
        entry(d("2026-06-10"), ratings=Ratings(self_orientation=2)),
    ]
    report = journal(tmp_path, d("2026-06-15"), entries).report(
        start=d("2025-11-01"),
        period=period,  # type: ignore[arg-type]
    )
    assert sum(r.signals.checkins for r in report.rows) == 2
    json.dumps(to_json(report))


def test_only_open_promises(tmp_path: Path) -> None:
    promises = [
        promise("commitment", "2026-03-01", due="2026-03-05"),
        promise("best_effort", "2026-03-02"),
        promise("good_intention", "2026-03-03"),
    ]
    entries = [entry(MONDAY, ratings=Ratings(reliability=8))]
    report = journal(tmp_path, SUNDAY, entries, promises).report()
    for days in (30, 90):
        assert all(r.keep_rate is None for r in report.reliability[days].values())
        assert report.calibration[days] is None
    assert len(report.open_commitments) == 1
    assert len(report.overdue_commitments) == 1
    assert report.summary.endswith("; no commitments were settled in the last 90 days.")
    assert "(" not in report.summary
    json.dumps(to_json(report))


def test_non_english_text_is_no_signal(tmp_path: Path) -> None:
    entries = [entry(MONDAY, reflection=RUSSIAN, ratings=Ratings(self_orientation=5))]
    report = journal(tmp_path, SUNDAY, entries).report(start=MONDAY)
    s = report.rows[0].signals
    assert (s.words.words, s.words.unreadable_words) == (0, 26)
    assert "language" not in s.scores()  # not "zero self-focus"
    row = to_json(report)["series"][0]["self_orientation"]
    assert row["i_words_per_100"] is None
    assert row["words"] == 0


def test_private_entries_are_left_out(tmp_path: Path) -> None:
    entries = [
        entry(d("2026-03-12"), ratings=Ratings(self_orientation=2)),
        entry(
            d("2026-03-13"),
            ratings=Ratings(self_orientation=10),
            reflection="I told myself I was right and I was",
            private=True,
        ),
    ]
    promises = [
        promise("commitment", "2026-03-12", "kept", "2026-03-12"),
        promise("commitment", "2026-03-13", "broken", "2026-03-14"),  # made on a private day
    ]
    svc = journal(tmp_path, SUNDAY, entries, promises)
    everything = svc.report(start=MONDAY)
    # all: rating mean(2, 10) = 6; commitments 1 kept, 1 broken = 50 %
    assert everything.overall.signals.rating == 6.0
    assert everything.overall.signals.words.i_words == 4
    assert everything.reliability[90]["commitment"].keep_rate == 0.5
    shared = svc.report(start=MONDAY, include_private=False)
    # without the private day: rating 2; commitments 1 kept = 100 %
    assert shared.overall.signals.checkins == 1
    assert shared.overall.signals.rating == 2.0
    assert shared.overall.signals.words.words == 0
    assert shared.reliability[90]["commitment"].keep_rate == 1.0
    assert "commitments kept 100%" in shared.summary


def test_on_this_day_a_month_ago_on_the_31st(tmp_path: Path) -> None:
    today = d("2026-03-31")
    entries = [
        entry(d("2026-02-28"), intent="Month ago"),
        entry(d("2025-03-31"), intent="Year ago"),
        entry(d("2026-03-03"), intent="Not this"),
    ]
    report = journal(tmp_path, today, entries).report()
    assert [(o.label, o.entry.date) for o in report.on_this_day] == [
        ("a month ago", d("2026-02-28")),
        ("a year ago", d("2025-03-31")),
    ]
    assert to_json(report)["on_this_day"] == [
        {"label": "a month ago", "date": "2026-02-28", "intent": "Month ago"},
        {"label": "a year ago", "date": "2025-03-31", "intent": "Year ago"},
    ]


def test_on_this_day_a_year_ago_from_29_february(tmp_path: Path) -> None:
    entries = [entry(d("2023-02-28"), intent="Year ago"), entry(d("2024-01-29"), intent="Month")]
    report = journal(tmp_path, d("2024-02-29"), entries).report()
    assert [(o.label, o.entry.date) for o in report.on_this_day] == [
        ("a month ago", d("2024-01-29")),
        ("a year ago", d("2023-02-28")),
    ]


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        (["2026-03-15", "2026-03-14", "2026-03-13", "2026-03-11"], 3),  # today checked in
        (["2026-03-14", "2026-03-13"], 2),  # only yesterday so far
        (["2026-03-13", "2026-03-12"], 0),  # a gap
    ],
)
def test_streak(tmp_path: Path, days: list[str], expected: int) -> None:
    report = journal(tmp_path, SUNDAY, [entry(d(x)) for x in days]).report()
    assert report.streak == expected
    assert journal(tmp_path / "b", SUNDAY, [entry(d(x)) for x in days]).report(
        show_streak=False
    ).streak is None  # fmt: skip


# ----- direction and the summary sentence ------------------------------------------------


def check_summary(report: Report, complete: Sequence[Signals]) -> None:
    """Each clause of the summary is traceable to the report's own figures."""
    text = report.summary
    verdict = report.trend.verdict
    assert ("improved by" in text) == (verdict == "improving")
    assert ("worsened by" in text) == (verdict == "worsening")
    assert ("held steady" in text) == (verdict == "steady")
    assert text.startswith("Not enough") == (verdict == "not enough data")
    if verdict != "not enough data":
        assert text.startswith(f"Over the last {len(complete)} {report.period}s ")
    mostly = re.search(r", mostly in (your own ratings|your own words|what you did);", text)
    if mostly:
        named = {
            "your own ratings": "rating",
            "your own words": "language",
            "what you did": "behaviour",
        }[mostly.group(1)]
        half = len(complete) // 2

        moves: dict[str, float] = {}
        for name in SIGNALS:
            early = [p.contributions()[name] for p in complete[:half] if name in p.contributions()]
            late = [p.contributions()[name] for p in complete[half:] if name in p.contributions()]
            if early and late:  # a signal missing from either half cannot be the driver
                moves[name] = sum(late) / len(late) - sum(early) / len(early)
        sign = -1 if verdict == "improving" else 1
        assert sign * moves[named] == max(sign * m for m in moves.values()) > 0
    record = report.reliability[90]
    rate = record["commitment"].keep_rate
    if rate is None:
        assert "no commitments were settled in the last 90 days" in text
    else:
        found = re.search(r"commitments kept (\d+)% in the last 90 days", text)
        assert found is not None
        assert int(found.group(1)) == round(100 * rate)
    for kind in PROMISE_KINDS[1:]:
        label = kind.replace("_", " ") + "s"
        other = record[kind].keep_rate
        found = re.search(rf"{label} (\d+)%", text)
        assert (found is None) == (other is None)
        if found is not None and other is not None:
            assert int(found.group(1)) == round(100 * other)
    assert text.endswith(".")


@pytest.mark.parametrize(
    ("values", "verdict", "clause"),
    [
        ([7, 6, 5, 4, 3, 2], "improving", "improved by 2.9, mostly in your own ratings"),
        ([2, 3, 4, 5, 6, 7], "worsening", "worsened by 2.9, mostly in your own ratings"),
        ([5, 5, 5, 5, 5, 5], "steady", "held steady"),
        ([5, 6, 5, 6, 5, 6], "steady", "held steady"),
    ],
)
def test_monthly_direction_and_summary(
    tmp_path: Path, values: list[int], verdict: str, clause: str
) -> None:
    # One check-in on the 10th of January..June; today 15 July (July is still in progress).
    # No asks, so behaviour = 10 * (1 - 0) = 10 every month, and with no words the index is
    # (0.4 * S + 0.3 * 10) / 0.7: it moves 0.4/0.7 for each point of S.
    # Falling by 1 a month: slope -4/7, change over 6 months -4/7 * 5 = -20/7, noise 4/7.
    # 5, 6, 5, 6, 5, 6 (in S): of the 15 pairwise slopes, six are 0 (even gaps), and the odd
    # gaps give -1, -1, -1/3 below and 1/5, 1/3, 1/3, 1, 1, 1 above -> the 8th is 0: slope 0,
    # change 0, noise 4/7 -> steady.
    entries = [
        entry(dt.date(2026, month, 10), ratings=Ratings(self_orientation=s))
        for month, s in enumerate(values, start=1)
    ]
    report = journal(tmp_path, d("2026-07-15"), entries).report(
        start=d("2026-01-01"), period="month"
    )
    assert len(report.rows) == 7
    assert report.rows[0].signals.index == pytest.approx((0.4 * values[0] + 3) / 0.7)
    assert report.trend.points == 6
    assert report.trend.verdict == verdict
    if values[0] == 7:
        assert report.trend.slope == pytest.approx(-4 / 7)
        assert report.trend.change == pytest.approx(-20 / 7)
        assert report.trend.noise == pytest.approx(4 / 7)
    if values[:2] == [5, 6]:
        assert report.trend.slope == pytest.approx(0.0, abs=1e-12)
        assert report.trend.noise == pytest.approx(4 / 7)
    assert report.summary == (
        f"Over the last 6 months your self-orientation {clause}; "
        "no commitments were settled in the last 90 days."
    )
    check_summary(report, [r.signals for r in report.rows[:6]])


def test_weekly_directions_over_4_and_12_weeks(tmp_path: Path) -> None:
    # Today Monday 23 November: the 12 whole weeks are 31 August..22 November.
    # One Wednesday check-in a week, self-orientation 8 for eight weeks, then 8, 6, 4, 2.
    ratings = [8] * 8 + [8, 6, 4, 2]
    first = d("2026-08-31")
    entries = [
        entry(first + dt.timedelta(weeks=k, days=2), ratings=Ratings(self_orientation=s))
        for k, s in enumerate(ratings)
    ]
    report = journal(tmp_path, DAY, entries).report()
    four, twelve = report.directions[4], report.directions[12]
    # last 4 weeks 8, 6, 4, 2: slope -2, change -6, noise 2 -> improving
    assert (four["rating"].slope, four["rating"].change, four["rating"].noise) == (-2, -6, 2)
    assert four["rating"].verdict == "improving"
    # index (0.4 * S + 3) / 0.7 falls 0.8/0.7 a week: slope -8/7, change -24/7
    assert four["index"].slope == pytest.approx(-8 / 7)
    assert four["index"].change == pytest.approx(-24 / 7)
    assert four["index"].verdict == "improving"
    # 12 weeks: 36 of the 66 pairwise slopes are 0 (28 among the flat weeks, 8 from them to
    # week 8), 30 are negative -> the median (33rd and 34th) is 0; steps are eight 0s and
    # three 2s -> noise 0; change 0 is not above 0 -> steady
    assert (twelve["rating"].slope, twelve["rating"].noise) == (0, 0)
    assert twelve["rating"].verdict == "steady"
    assert twelve["index"].verdict == "steady"
    # behaviour is 10 every week (no asks): steady; no words: no language direction
    assert four["behaviour"].verdict == "steady"
    assert twelve["language"].verdict == "not enough data"
    data = to_json(report)["direction"]["4w"]["rating"]
    assert data == {
        "verdict": "improving",
        "weeks": 4,
        "points": 4,
        "slope_per_week": -2,
        "change": -6,
        "noise": 2,
    }


def test_trend_counts_the_last_complete_period_of_a_past_range(tmp_path: Path) -> None:
    """BUG: ``build`` keeps a period for the trend only when its (clipped) end is before the
    range's end, so when a range ends on a period's last day (a calendar year, 1 January..31
    December) its last, finished period is dropped: the summary says "Over the last 11 months"
    for a past year whose twelve months are all finished."""
    ratings = [9, 9, 8, 8, 7, 7, 6, 6, 5, 5, 4, 4]
    entries = [
        entry(dt.date(2025, month, 10), ratings=Ratings(self_orientation=s))
        for month, s in enumerate(ratings, start=1)
    ]
    report = journal(tmp_path, DAY, entries).report(
        start=d("2025-01-01"), end=d("2025-12-31"), period="month"
    )
    assert len(report.rows) == 12
    assert report.trend.points == 12
    assert report.summary.startswith("Over the last 12 months your self-orientation improved by")


def test_trend_leaves_out_the_period_in_progress_when_the_range_ends_later(
    tmp_path: Path,
) -> None:
    """BUG: with a range that ends after today (this calendar year, seen on 23 November),
    November ends before the range does, so it counts as finished although it is in progress."""
    entries = [
        entry(dt.date(2026, month, 10), ratings=Ratings(self_orientation=10 - month // 2))
        for month in range(1, 12)
    ]
    report = journal(tmp_path, DAY, entries).report(
        start=d("2026-01-01"), end=d("2026-12-31"), period="month"
    )
    assert len(report.rows) == 12
    # finished: January..October = 10 months
    assert report.trend.points == 10
    assert report.summary.startswith("Over the last 10 months")


# ----- the demo journal ------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[JournalService, Report]:
    home = Home(tmp_path_factory.mktemp("demo"), today=lambda: DAY)
    write_demo(home, 3, seed=7)
    svc = home.journal
    start = DAY.replace(year=DAY.year - 3)  # 23 November 2023
    return svc, svc.report(start=start, period="month")


def mean(values: Iterable[float]) -> float:
    items = list(values)
    return sum(items) / len(items)


def test_demo_shows_its_drift(demo: tuple[JournalService, Report]) -> None:
    svc, report = demo
    # November 2023 .. November 2026: 37 months, the last one still in progress
    assert len(report.rows) == 37
    assert report.trend.verdict == "improving"
    assert report.trend.points == 36
    first_year, last_year = report.rows[:12], report.rows[-12:]
    first_rating = mean(r.signals.scores()["rating"] for r in first_year)
    last_rating = mean(r.signals.scores()["rating"] for r in last_year)
    assert first_rating > last_rating
    first_index = mean(r.signals.index or 0.0 for r in first_year)
    last_index = mean(r.signals.index or 0.0 for r in last_year)
    assert first_index > last_index

    start = report.start
    year = dt.timedelta(days=365)

    def commitment_keep_rate(lo: dt.date, hi: dt.date) -> float:
        made = [p for p in svc.all_promises() if p.kind == "commitment" and lo <= p.made_on < hi]
        kept = sum(p.status == "kept" for p in made)
        broken = sum(p.status == "broken" for p in made)
        return kept / (kept + broken)

    assert commitment_keep_rate(start, start + year) < commitment_keep_rate(
        DAY - year + dt.timedelta(days=1), DAY + dt.timedelta(days=1)
    )


def test_demo_summary_is_traceable(demo: tuple[JournalService, Report]) -> None:
    _, report = demo
    assert report.summary.startswith("Over the last 36 months your self-orientation improved by")
    check_summary(report, [r.signals for r in report.rows[:-1]])


def test_demo_json(demo: tuple[JournalService, Report]) -> None:
    _, report = demo
    data = to_json(report)
    assert set(data) == JSON_KEYS
    text = json.dumps(data)
    assert json.loads(text)["summary"] == report.summary
    assert len(data["series"]) == 37
    assert data["from"] == "2023-11-23"
    assert data["to"] == "2026-11-23"
    rate = report.reliability[90]["commitment"].keep_rate
    assert data["reliability"]["90d"]["commitment"]["keep_rate"] == rate
    assert data["streak"] == report.streak
    assert data["streak"] >= 1  # the demo always checks in today
