"""Trends: each figure below is worked out by hand in a comment beside the assertion."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pytest

from journal.language import WordCounts
from journal.model import Entry, HelpAsk, IntentFor, Promise, PromiseKind, PromiseStatus, Ratings
from journal.periods import months_back, period_end, period_start, period_starts
from journal.trends import (
    ASKS_PER_WEEK_FULL,
    MIN_POINTING_WORDS,
    WEIGHTS,
    KindRecord,
    Signals,
    Trust,
    calibration_gap,
    direction,
    keep_rates,
    on_this_day,
    open_commitments,
    promise_mix,
    signal_series,
    signals,
    streak,
    theil_sen,
    trust,
)

TZ = dt.timezone.utc
MONDAY = dt.date(2026, 3, 9)
SUNDAY = dt.date(2026, 3, 15)


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def entry(
    day: dt.date,
    *,
    serves: IntentFor | None = None,
    help: Sequence[HelpAsk] = (),
    ratings: Ratings | None = None,
    reflection: str = "",
) -> Entry:
    stamp = dt.datetime(day.year, day.month, day.day, 20, tzinfo=TZ)
    return Entry(
        id=f"e-{day.isoformat()}",
        date=day,
        created=stamp,
        updated=stamp,
        intent_for=serves,
        help=list(help),
        ratings=ratings or Ratings(),
        reflection=reflection,
    )


def ask(person: str, done: bool | None = None, asked: bool = True) -> HelpAsk:
    return HelpAsk(id=f"h-{person}", person=person, asked=asked, done=done)


def promise(
    kind: PromiseKind,
    status: PromiseStatus = "open",
    *,
    made: str = "2026-03-01",
    resolved: str | None = None,
    due: str | None = None,
) -> Promise:
    day = d(made)
    stamp = dt.datetime(day.year, day.month, day.day, 9, tzinfo=TZ)
    return Promise(
        id=f"p-{kind}-{status}-{made}-{resolved}-{due}",
        made_on=day,
        text="something",
        kind=kind,
        created=stamp,
        updated=stamp,
        status=status,
        resolved_on=d(resolved) if resolved else None,
        due=d(due) if due else None,
    )


def no_words(_: Entry) -> WordCounts:
    return WordCounts()


# ----- periods ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "period", "start", "end"),
    [
        ("2026-03-11", "week", "2026-03-09", "2026-03-15"),  # Wednesday -> Monday..Sunday
        ("2026-03-09", "week", "2026-03-09", "2026-03-15"),
        ("2024-02-10", "month", "2024-02-01", "2024-02-29"),  # leap year
        ("2026-02-10", "month", "2026-02-01", "2026-02-28"),
        ("2026-12-31", "month", "2026-12-01", "2026-12-31"),
        ("2026-07-04", "year", "2026-01-01", "2026-12-31"),
        ("2026-07-04", "day", "2026-07-04", "2026-07-04"),
    ],
)
def test_period_bounds(day: str, period: str, start: str, end: str) -> None:
    got = period_start(d(day), period)  # type: ignore[arg-type]
    assert got == d(start)
    assert period_end(got, period) == d(end)  # type: ignore[arg-type]


def test_period_starts_keep_empty_periods() -> None:
    # 15 Jan .. 2 Apr touches January, February, March and April
    assert period_starts(d("2026-01-15"), d("2026-04-02"), "month") == [
        d("2026-01-01"),
        d("2026-02-01"),
        d("2026-03-01"),
        d("2026-04-01"),
    ]
    assert period_starts(d("2026-04-02"), d("2026-01-15"), "month") == []


# ----- self-orientation signals ----------------------------------------------------------

WEEK_WORDS = {
    "e-2026-03-09": WordCounts(words=18, i_words=4, other_words=3),
    "e-2026-03-10": WordCounts(words=22, i_words=1, other_words=5),
    "e-2026-03-11": WordCounts(words=10, i_words=1, other_words=1),
}


def week_entries() -> list[Entry]:
    return [
        entry(
            MONDAY,
            serves=IntentFor(kind="person", name="Priya"),
            help=[ask("Priya", done=True)],
            ratings=Ratings(
                credibility=6, reliability=7, intimacy=5, character=8, self_orientation=4
            ),
        ),
        entry(
            d("2026-03-10"),
            serves=IntentFor(kind="self"),
            help=[ask("Tom", done=False), ask("Ann", asked=False)],
            ratings=Ratings(
                credibility=8, reliability=9, intimacy=7, character=6, self_orientation=2
            ),
        ),
        entry(d("2026-03-11")),
        # outside the week: must not count
        entry(d("2026-03-16"), ratings=Ratings(self_orientation=10), help=[ask("Zed")]),
    ]


def week_counts(e: Entry) -> WordCounts:
    return WEEK_WORDS.get(e.id, WordCounts(words=5, i_words=5))


def test_signals_hand_worked() -> None:
    s = signals(week_entries(), week_counts, MONDAY, SUNDAY)
    assert s.checkins == 3
    # rating: mean self-orientation of the rated days = (4 + 2) / 2 = 3.0
    assert s.rating == 3.0
    assert s.ratings_given == 2
    # words: 18 + 22 + 10 = 50, I-words 4 + 1 + 1 = 6, other-focus 3 + 5 + 1 = 9
    assert s.words == WordCounts(words=50, i_words=6, other_words=9)
    assert s.words.i_rate == pytest.approx(12.0)  # 100 * 6 / 50
    assert s.words.self_share == pytest.approx(0.4)  # 6 / (6 + 9)
    # intents with a "for whom": Priya (someone else), self -> 1 of 2 serve others
    assert s.served_others == 0.5
    # asks: Priya and Tom (Ann was not asked) = 2 in 7 days = 2 a week
    assert s.asks == 2
    assert s.asks_per_week == pytest.approx(2.0)
    # asks with a known outcome: Priya done, Tom not -> 1 / 2
    assert s.asks_done == 0.5
    # behaviour = 10 * (1 - mean(0.5, min(2/5, 1) = 0.4, 0.5)) = 10 * (1 - 1.4/3) = 16/3
    scores = s.scores()
    assert scores == pytest.approx({"rating": 3.0, "language": 4.0, "behaviour": 16 / 3})
    # all three present: weights 0.4 / 0.3 / 0.3 sum to 1
    # contributions 0.4 * 3 = 1.2, 0.3 * 4 = 1.2, 0.3 * 16/3 = 1.6; index 1.2 + 1.2 + 1.6 = 4.0
    parts = s.contributions()
    assert parts == pytest.approx({"rating": 1.2, "language": 1.2, "behaviour": 1.6})
    assert s.index == pytest.approx(4.0)
    assert sum(parts.values()) == pytest.approx(s.index)


def test_weights_are_the_documented_ones() -> None:
    assert WEIGHTS == {"rating": 0.4, "language": 0.3, "behaviour": 0.3}
    assert ASKS_PER_WEEK_FULL == 5.0


def test_index_renormalises_over_the_signals_present() -> None:
    unrated = [
        entry(e.date, serves=e.intent_for, help=e.help) for e in week_entries() if e.date <= SUNDAY
    ]
    s = signals(unrated, week_counts, MONDAY, SUNDAY)
    assert s.rating is None
    # language 4.0 and behaviour 16/3 remain; weights 0.3 / (0.3 + 0.3) = 0.5 each
    # contributions 0.5 * 4 = 2.0 and 0.5 * 16/3 = 8/3; index 2 + 8/3 = 14/3
    assert s.contributions() == pytest.approx({"language": 2.0, "behaviour": 8 / 3})
    assert s.index == pytest.approx(14 / 3)


def test_index_of_one_signal_is_that_signal() -> None:
    s = Signals(
        start=MONDAY,
        end=SUNDAY,
        checkins=0,
        rating=None,
        ratings_given=0,
        words=WordCounts(words=10, i_words=1, other_words=4),
        served_others=None,
        asks=0,
        asks_per_week=0.0,
        asks_done=None,
    )
    # language = 10 * 1 / (1 + 4) = 2.0; weight 0.3 / 0.3 = 1
    assert s.contributions() == pytest.approx({"language": 2.0})
    assert s.index == pytest.approx(2.0)


def test_language_needs_five_words_that_point_at_someone() -> None:
    assert MIN_POINTING_WORDS == 5

    def language(counts: WordCounts) -> float | None:
        s = signals([entry(MONDAY)], lambda _: counts, MONDAY, SUNDAY)
        return s.scores().get("language")

    # 1 + 3 = 4 pointing words: silent
    assert language(WordCounts(words=40, i_words=1, other_words=3)) is None
    # 1 + 4 = 5: 10 * 1 / 5 = 2.0
    assert language(WordCounts(words=40, i_words=1, other_words=4)) == pytest.approx(2.0)
    # 5 I-words and nothing else: 10 * 5 / 5 = 10
    assert language(WordCounts(words=5, i_words=5)) == pytest.approx(10.0)


def test_a_rating_of_zero_is_a_score_not_a_gap() -> None:
    s = signals([entry(MONDAY, ratings=Ratings(self_orientation=0))], no_words, MONDAY, SUNDAY)
    # rating 0; behaviour from the asks share only: 0 asks -> 10 * (1 - 0) = 10
    assert s.scores() == {"rating": 0.0, "behaviour": 10.0}
    # index = (0.4 * 0 + 0.3 * 10) / 0.7 = 30/7
    assert s.index == pytest.approx(30 / 7)


def test_asks_share_is_capped_at_five_a_week() -> None:
    asks = [HelpAsk(id=f"h{i}", person=f"P{i}", done=True) for i in range(12)]
    s = signals([entry(MONDAY, help=asks)], no_words, MONDAY, SUNDAY)
    # 12 asks a week -> min(12/5, 1) = 1; all done -> 1; behaviour = 10 * (1 - 1) = 0
    assert s.asks_per_week == pytest.approx(12.0)
    assert s.scores() == {"behaviour": 0.0}


def test_empty_period_has_no_index() -> None:
    s = signals([], no_words, MONDAY, SUNDAY)
    assert s.checkins == 0
    assert s.scores() == {}
    assert s.contributions() == {}
    assert s.index is None
    assert s.words.i_rate is None


def test_signal_series_shows_gaps() -> None:
    entries = [
        entry(d("2026-01-05"), ratings=Ratings(self_orientation=6)),
        entry(d("2026-04-20"), ratings=Ratings(self_orientation=2)),
    ]
    rows = signal_series(entries, no_words, d("2026-01-01"), d("2026-04-30"), "month")
    assert [r.start for r in rows] == [d(f"2026-0{m}-01") for m in (1, 2, 3, 4)]
    assert [r.checkins for r in rows] == [1, 0, 0, 1]
    assert [r.rating for r in rows] == [6.0, None, None, 2.0]
    assert [r.index is None for r in rows] == [False, True, True, False]


def daily_asks(first: dt.date, last: dt.date) -> list[Entry]:
    """One check-in a day, each with one "how can I help?" ask: 7 asks a week, every week."""
    days = (last - first).days + 1
    return [
        entry(day, help=[ask(f"P{day.isoformat()}", done=True)])
        for day in (first + dt.timedelta(days=i) for i in range(days))
    ]


def test_week_in_progress_counts_asks_over_the_days_it_has_had() -> None:
    # Monday..Wednesday with one ask a day: 3 asks in 3 days = 7 a week
    rows = signal_series(daily_asks(MONDAY, d("2026-03-11")), no_words, MONDAY, d("2026-03-11"),
                         "week")  # fmt: skip
    assert [(r.start, r.end) for r in rows] == [(MONDAY, d("2026-03-11"))]
    assert rows[0].asks_per_week == pytest.approx(7.0)


def test_partial_first_period_counts_asks_over_the_days_in_range() -> None:
    """A series from 15 January must divide January's 17 asks by the 17 days in range, not by
    all 31: the same one-ask-a-day habit is 7 asks a week in every month, whatever day the
    range starts on (the first period was once left unclipped and read 3.8 a week)."""
    first, last = d("2026-01-15"), d("2026-03-31")
    rows = signal_series(daily_asks(first, last), no_words, first, last, "month")
    assert [r.asks for r in rows] == [17, 28, 31]  # 15..31 Jan, all February, all March
    assert [(r.start, r.end) for r in rows][0] == (first, d("2026-01-31"))
    # 17 asks over the 17 days in range = 7 a week, like every other month
    assert [r.asks_per_week for r in rows] == pytest.approx([7.0, 7.0, 7.0])
    assert [r.scores()["behaviour"] for r in rows] == pytest.approx([0.0, 0.0, 0.0])


# ----- reliability -----------------------------------------------------------------------


def test_keep_rates_per_kind_hand_worked() -> None:
    promises = [
        promise("commitment", "kept", resolved="2026-03-01"),  # first day: in
        promise("commitment", "kept", resolved="2026-03-31", made="2026-03-20"),  # last day: in
        promise("commitment", "broken", resolved="2026-03-15"),
        promise("commitment", "renegotiated", resolved="2026-03-10"),
        promise("commitment", "released", resolved="2026-03-11"),
        promise("commitment", "kept", resolved="2026-02-28", made="2026-02-01"),  # before
        promise("commitment", "broken", resolved="2026-04-01"),  # after
        promise("commitment"),  # open
        promise("best_effort", "released", resolved="2026-03-05"),
        promise("good_intention"),
    ]
    rates = keep_rates(promises, d("2026-03-01"), d("2026-03-31"))
    assert set(rates) == {"commitment", "best_effort", "good_intention"}
    c = rates["commitment"]
    assert (c.kept, c.broken, c.renegotiated, c.released) == (2, 1, 1, 1)
    assert c.keep_rate == pytest.approx(2 / 3)  # kept / (kept + broken) = 2 / 3
    assert c.resolved == 5
    # only released: nothing decided, so no keep-rate (never 0 %)
    assert rates["best_effort"].keep_rate is None
    assert rates["best_effort"].resolved == 1
    assert rates["good_intention"] == KindRecord(kind="good_intention")
    assert rates["good_intention"].keep_rate is None


def test_renegotiated_is_not_broken() -> None:
    record = KindRecord(kind="commitment", kept=1, renegotiated=3)
    assert record.keep_rate == 1.0  # 1 / (1 + 0)


def test_promise_mix_counts_promises_made_in_range() -> None:
    promises = [
        promise("commitment", made="2026-03-01"),
        promise("commitment", "kept", made="2026-03-31", resolved="2026-04-02"),
        promise("good_intention", made="2026-03-15"),
        promise("best_effort", made="2026-02-28"),  # before
    ]
    assert promise_mix(promises, d("2026-03-01"), d("2026-03-31")) == {
        "commitment": 2,
        "best_effort": 0,
        "good_intention": 1,
    }


def test_calibration_gap_hand_worked() -> None:
    entries = [
        entry(d("2026-03-02"), ratings=Ratings(reliability=8)),
        entry(d("2026-03-03"), ratings=Ratings(reliability=6)),
        entry(d("2026-03-04"), ratings=Ratings(credibility=9)),  # no reliability rating
        entry(d("2026-04-01"), ratings=Ratings(reliability=10)),  # outside
    ]
    kept_half = KindRecord(kind="commitment", kept=1, broken=1)
    # self-rated 10 * mean(8, 6) = 70 %; keep-rate 50 %; gap 70 - 50 = +20
    gap = calibration_gap(entries, kept_half, d("2026-03-01"), d("2026-03-31"))
    assert gap == pytest.approx(20.0)
    assert calibration_gap(entries, KindRecord(kind="commitment"), MONDAY, SUNDAY) is None
    assert calibration_gap([], kept_half, d("2026-03-01"), d("2026-03-31")) is None


# ----- trust quotient --------------------------------------------------------------------


def test_trust_hand_worked() -> None:
    t = trust(week_entries(), MONDAY, SUNDAY)
    # C mean(6, 8) = 7, R mean(7, 9) = 8, I mean(5, 7) = 6, Ch mean(8, 6) = 7, S mean(4, 2) = 3
    assert (t.credibility, t.reliability, t.intimacy, t.character, t.self_orientation) == (
        7.0,
        8.0,
        6.0,
        7.0,
        3.0,
    )
    assert t.days == 3  # the unrated Wednesday is a day in range too
    assert t.classic == pytest.approx(7.0)  # (7 + 8 + 6) / 3
    assert t.extended == pytest.approx(28 / 3)  # (7 + 8 + 6 + 7) / 3
    assert t.spread == 2.0  # highest 8 - lowest 6
    assert t.note == ""


def test_trust_with_self_orientation_zero_has_no_quotient_and_says_why() -> None:
    t = trust(
        [entry(MONDAY, ratings=Ratings(credibility=7, reliability=8, intimacy=6, character=7,
                                       self_orientation=0))],
        MONDAY,
        SUNDAY,
    )  # fmt: skip
    assert t.self_orientation == 0.0
    assert t.classic is None
    assert t.extended is None
    assert "self-orientation rated 0" in t.note
    assert t.spread == 2.0  # 8 - 6: the balance is still shown


def test_trust_with_a_missing_part() -> None:
    no_character = trust(
        [entry(MONDAY, ratings=Ratings(credibility=6, reliability=6, intimacy=6,
                                       self_orientation=2))],
        MONDAY,
        SUNDAY,
    )  # fmt: skip
    assert no_character.classic == pytest.approx(9.0)  # (6 + 6 + 6) / 2
    assert no_character.extended is None
    no_self = trust([entry(MONDAY, ratings=Ratings(credibility=6, reliability=6, intimacy=6))],
                    MONDAY, SUNDAY)  # fmt: skip
    assert no_self.classic is None
    assert no_self.extended is None
    assert no_self.note == ""


def test_trust_without_ratings() -> None:
    t = trust([entry(MONDAY)], MONDAY, SUNDAY)
    assert t == Trust(None, None, None, None, None, days=1)
    assert t.classic is None and t.extended is None and t.spread is None
    one = Trust(credibility=5.0, reliability=None, intimacy=None, character=None,
                self_orientation=5.0, days=1)  # fmt: skip
    assert one.spread is None  # a spread needs two parts


# ----- direction -------------------------------------------------------------------------


def test_improving_series() -> None:
    got = direction([8.0, 7.0, 6.0, 5.0])
    # every pairwise slope is -1 -> slope -1; change -1 * (4 - 1) = -3
    # week-to-week steps 1, 1, 1 -> noise 1; |-3| > 1 and lower is better -> improving
    assert (got.slope, got.change, got.noise) == (-1.0, -3.0, 1.0)
    assert (got.weeks, got.points, got.verdict) == (4, 4, "improving")


def test_worsening_series() -> None:
    got = direction([2.0, 4.0, 6.0])
    # slope 2, change 2 * 2 = 4, noise median(2, 2) = 2; 4 > 2, rising -> worsening
    assert (got.slope, got.change, got.noise, got.verdict) == (2.0, 4.0, 2.0, "worsening")


def test_steady_within_noise() -> None:
    got = direction([5.0, 7.0, 5.0, 7.0])
    # pairwise slopes: (0,1) 2, (0,2) 0, (0,3) 2/3, (1,2) -2, (1,3) 0, (2,3) 2
    # sorted -2, 0, 0, 2/3, 2, 2 -> median (0 + 2/3) / 2 = 1/3; change 1/3 * 3 = 1
    # steps 2, 2, 2 -> noise 2; |1| <= 2 -> steady
    assert got.slope == pytest.approx(1 / 3)
    assert got.change == pytest.approx(1.0)
    assert got.noise == 2.0
    assert got.verdict == "steady"


def test_flat_series_is_steady() -> None:
    got = direction([5.0, 5.0, 5.0, 5.0])
    assert (got.change, got.noise, got.verdict) == (0.0, 0.0, "steady")


def test_higher_is_better_flips_the_verdict() -> None:
    assert direction([1.0, 2.0, 3.0], lower_is_better=False).verdict == "improving"
    assert direction([3.0, 2.0, 1.0], lower_is_better=False).verdict == "worsening"


def test_gaps_keep_their_place_in_time() -> None:
    got = direction([8.0, None, 6.0, None, 4.0, None])
    # points at weeks 0, 2, 4: slope -1; change over 6 weeks -1 * 5 = -5
    # steps between points |6 - 8| = 2, |4 - 6| = 2 -> noise 2; improving
    assert (got.points, got.slope, got.change, got.noise) == (3, -1.0, -5.0, 2.0)
    assert got.verdict == "improving"


@pytest.mark.parametrize(
    ("values", "points"),
    [
        ([], 0),
        ([5.0], 1),
        ([5.0, 4.0], 2),  # fewer than 3
        ([5.0, None, 4.0, None], 2),  # 4 weeks: need max(3, 2) = 3
        ([5.0, None, 4.0, None, 3.0, None, 2.0, None, 1.0, None, None, None], 5),  # need 6
    ],
)
def test_not_enough_data(values: list[float | None], points: int) -> None:
    got = direction(values)
    assert got.verdict == "not enough data"
    assert (got.weeks, got.points) == (len(values), points)
    assert (got.slope, got.change, got.noise) == (None, None, None)


def test_half_the_weeks_is_enough() -> None:
    # 12 weeks, 6 points = ceil(12 / 2): enough. Points at weeks 6..11 fall by 1 a week.
    got = direction([None] * 6 + [6.0, 5.0, 4.0, 3.0, 2.0, 1.0])
    assert got.points == 6
    assert got.slope == -1.0
    assert got.change == -11.0  # -1 * (12 - 1)
    assert got.verdict == "improving"
    # 5 weeks need ceil(5 / 2) = 3 points
    assert direction([3.0, None, 2.0, None, 1.0]).verdict == "improving"
    assert direction([3.0, None, None, None, 1.0]).verdict == "not enough data"


def test_theil_sen_ignores_one_odd_week() -> None:
    points = [(0.0, 1.0), (1.0, 2.0), (2.0, 3.0), (3.0, 4.0), (4.0, 100.0)]
    # six pairwise slopes of 1 among the first four; the four with the odd week are 24.75,
    # 32.7, 48.5 and 96 -> sorted, the 5th and 6th of 10 are both 1 -> median 1
    assert theil_sen(points) == 1.0
    assert theil_sen([]) is None
    assert theil_sen([(1.0, 1.0)]) is None


# ----- habits ----------------------------------------------------------------------------


def test_streak_with_today_checked_in() -> None:
    # 15, 14, 13 in a row; 11 is after a gap
    assert streak([SUNDAY, d("2026-03-14"), d("2026-03-13"), d("2026-03-11")], SUNDAY) == 3


def test_streak_counts_from_yesterday_while_today_is_open() -> None:
    assert streak([d("2026-03-14"), d("2026-03-13"), d("2026-03-11")], SUNDAY) == 2


def test_streak_after_a_gap_is_zero() -> None:
    assert streak([d("2026-03-13"), d("2026-03-12")], SUNDAY) == 0
    assert streak([], SUNDAY) == 0
    assert streak([SUNDAY], SUNDAY) == 1
    assert streak([SUNDAY, d("2026-03-13")], SUNDAY) == 1


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        ("2026-03-31", 1, "2026-02-28"),  # 31st clamps to February's last day
        ("2024-03-31", 1, "2024-02-29"),  # leap year
        ("2026-05-31", 1, "2026-04-30"),
        ("2026-01-15", 1, "2025-12-15"),  # across the new year
        ("2024-02-29", 12, "2023-02-28"),  # a year ago from 29 February
        ("2028-02-29", 48, "2024-02-29"),
        ("2026-03-15", 0, "2026-03-15"),
    ],
)
def test_months_back(day: str, months: int, expected: str) -> None:
    assert months_back(d(day), months) == d(expected)


def test_on_this_day_a_month_ago_on_the_31st() -> None:
    by_date = {e.date: e for e in (entry(d("2026-02-28")), entry(d("2025-03-31")))}
    found = on_this_day(by_date, d("2026-03-31"))
    assert [(o.label, o.entry.date) for o in found] == [
        ("a month ago", d("2026-02-28")),
        ("a year ago", d("2025-03-31")),
    ]


def test_on_this_day_a_year_ago_from_29_february() -> None:
    by_date = {e.date: e for e in (entry(d("2023-02-28")), entry(d("2023-03-01")))}
    found = on_this_day(by_date, d("2024-02-29"))
    assert [(o.label, o.entry.date) for o in found] == [("a year ago", d("2023-02-28"))]
    assert on_this_day({}, d("2024-02-29")) == []


def test_open_and_overdue_commitments() -> None:
    overdue = promise("commitment", due="2026-03-14")
    due_today = promise("commitment", due="2026-03-15")
    no_due = promise("commitment")
    promises = [
        overdue,
        due_today,
        no_due,
        promise("best_effort", due="2026-03-02"),  # not a commitment
        promise("commitment", "kept", resolved="2026-03-20", due="2026-03-02"),  # settled
    ]
    got = open_commitments(promises, SUNDAY)
    assert got.open == [overdue, due_today, no_due]
    assert got.overdue == [overdue]
