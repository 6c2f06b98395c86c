"""Analytics: every trend series over a whole 10-year journal, and the trends screen opening.

"All analytics" is ``JournalService.report`` over the whole journal (first entry to today) at
each zoom, week, month and year: every series `coach stats --json` and the trends screen can
show. Warm reuses one service, so shards are cached and each entry's word counts memoised, as
in a running app; cold builds a fresh ``JournalService`` per iteration, so every shard is read
and every word counted again. Both are set against the same computation on the 1-year journal
of the same seed: growing linearly, 10y/1y would be about the ratio of their entry counts.

The screen figure is in process: ``build_app(home).run_test()``, check-in shown, then the time
from pressing F4 until the trends screen is the active screen with its report shown.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import gc
import sys
import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from benchmarks.common import Homes, Row, Stats, Target, fmt_ms, measure_interleaved

if TYPE_CHECKING:
    from journal.app.service import JournalService
    from journal.periods import Period

SUITE = "analytics"
PERIODS: tuple[Period, ...] = ("week", "month", "year")
WARM_ITERATIONS = 11
COLD_ITERATIONS = 5
SCREEN_RUNS = 5
MAX_ALL_MS = 50.0
MAX_SCREEN_MS = 300.0
GROWTH_SLACK = 1.2
"""Linear growth allows 10y/1y up to the entry-count ratio times this."""
SCREEN_SIZE = (110, 50)
SCREEN_TIMEOUT_S = 30.0
SCREEN_NAME = "TrendsScreen"


class Analytics:
    """The whole-journal computation on one home, timing each zoom on the side."""

    def __init__(self, home: Path) -> None:
        from journal.app.home import Home

        self.home = home
        self.service = Home(home).journal
        self.first = first_entry(self.service, home)
        self.by_period: dict[str, list[float]] = {p: [] for p in PERIODS}

    def run(self, i: int, cold: bool = False) -> list[Any]:
        from journal.app.home import Home

        svc = Home(self.home).journal if cold else self.service
        today = svc.today()
        reports = []
        for period in PERIODS:
            start = time.perf_counter_ns()
            reports.append(svc.report(start=self.first, end=today, period=period))
            if i >= 0:
                self.by_period[period].append((time.perf_counter_ns() - start) / 1e6)
        return reports

    def medians(self) -> dict[str, float]:
        return {p: round(Stats(v).median, 2) for p, v in self.by_period.items()}


def first_entry(svc: JournalService, home: Path) -> dt.date:
    years = svc.years()
    if not years:
        raise RuntimeError(f"{home} holds no entries")
    return svc.year_entries(years[0])[0].date


def check_whole_journal(analytics: Analytics) -> int:
    """Every entry lands in exactly one period at each zoom: the figure covers the journal."""
    entries = len(analytics.service.entries())
    for report in analytics.run(-1):
        counted = sum(r.signals.checkins for r in report.rows)
        if counted != entries:
            raise RuntimeError(
                f"{report.period} report counts {counted} check-ins of {entries} entries"
            )
    return entries


def run(homes: Homes) -> list[Row]:
    rows = analytics_rows(homes)
    try:
        rows += screen_rows(homes)
    except Exception as exc:  # the computation rows above still report
        traceback.print_exc()
        rows.append(
            Row(SUITE, "trends screen open (crashed)", float("nan"), error=f"{exc!r}"[:200])
        )
    return rows


def analytics_rows(homes: Homes) -> list[Row]:
    homes_by = {f"{y}y": homes.demo(y) for y in (1, 10)}
    warm = {label: Analytics(home) for label, home in homes_by.items()}
    cold = {label: Analytics(home) for label, home in homes_by.items()}
    entries = {label: check_whole_journal(a) for label, a in warm.items()}

    def warm_case(label: str) -> Any:
        return lambda i: warm[label].run(i)

    def cold_case(label: str) -> Any:
        return lambda i: cold[label].run(i, cold=True)

    warm_stats = measure_interleaved({k: warm_case(k) for k in warm}, WARM_ITERATIONS)
    cold_stats = measure_interleaved({k: cold_case(k) for k in cold}, COLD_ITERATIONS)

    entry_ratio = entries["10y"] / entries["1y"]
    growth = round(entry_ratio * GROWTH_SLACK, 2)
    span = f"{warm['10y'].first.isoformat()} to {warm['10y'].service.today().isoformat()}"
    growth_note = (
        f"{entries['10y']} vs {entries['1y']} entries = {entry_ratio:.2f}x; "
        f"linear allows <= {entry_ratio:.2f} x {GROWTH_SLACK:g} = {growth:g}x"
    )

    def per_period(which: dict[str, Analytics], label: str) -> str:
        return ", ".join(f"{p} {fmt_ms(ms)}" for p, ms in which[label].medians().items())

    def by_zoom(which: dict[str, Analytics]) -> str:
        ten, one = which["10y"].medians(), which["1y"].medians()
        return "; by zoom " + ", ".join(
            f"{p} {ten[p] / one[p]:.1f}x" if one[p] else f"{p} -" for p in PERIODS
        )

    def detail(stats: dict[str, Stats], which: dict[str, Analytics]) -> dict[str, object]:
        return {
            label: {
                **s.summary(),
                "entries": entries[label],
                "period_medians_ms": which[label].medians(),
            }
            for label, s in stats.items()
        }

    ten, one = warm_stats["10y"], warm_stats["1y"]
    ten_cold, one_cold = cold_stats["10y"], cold_stats["1y"]
    per_zoom = [
        Row(
            SUITE,
            f"analytics 10y warm, whole journal by {period}",
            ms,
            target=Target(MAX_ALL_MS, "figure"),
            note=f"one full report (every series, directions, keep-rates, TQ) over {span}",
        )
        for period, ms in warm["10y"].medians().items()
    ]
    return [
        *per_zoom,
        Row(
            SUITE,
            "all analytics 10y, warm, three zooms",
            ten.median,
            note=f"context: week+month+year; p90 {fmt_ms(ten.p90)}; {per_period(warm, '10y')}",
            detail=detail(warm_stats, warm),
        ),
        Row(
            SUITE,
            "all analytics 10y, cold",
            ten_cold.median,
            note="context: a fresh service each time, so the first zoom also reads every "
            f"file and counts every word; {per_period(cold, '10y')}",
            detail=detail(cold_stats, cold),
        ),
        Row(
            SUITE,
            "all analytics warm 10y vs 1y",
            ten.median,
            baseline=one.median,
            baseline_label="1y",
            target=Target(growth, "ratio"),
            note=growth_note + by_zoom(warm),
            detail=detail(warm_stats, warm),
        ),
        Row(
            SUITE,
            "all analytics cold 10y vs 1y",
            ten_cold.median,
            baseline=one_cold.median,
            baseline_label="1y",
            target=Target(growth, "ratio"),
            note=growth_note + by_zoom(cold),
            detail=detail(cold_stats, cold),
        ),
    ]


# ----- the trends screen --------------------------------------------------------------------


@dataclass(frozen=True)
class ScreenCase:
    """A key pressed on the check-in of ``home``, and the screen it should bring up."""

    home: Path
    key: str = "f4"
    screen: str = SCREEN_NAME
    settled: bool = True
    """Press the key once the app has finished warming up (a person reads today's check-in
    first); False presses it at once, before the warm-up has read the journal."""


async def time_key(case: ScreenCase) -> float:
    """Milliseconds from pressing the key on the check-in until its screen is up and loaded."""
    from coach.app import build_app

    app = build_app(case.home)
    async with app.run_test(size=SCREEN_SIZE) as pilot:
        await pilot.pause()
        if type(app.screen).__name__ != "CheckinScreen":
            raise RuntimeError(f"app opened on {type(app.screen).__name__}, not the check-in")
        if case.settled:
            from coach.app import WARM_UP_DELAY_S

            await pilot.pause(WARM_UP_DELAY_S + 0.2)
            await app.workers.wait_for_complete()
            await pilot.pause()
        start = time.perf_counter_ns()
        await pilot.press(case.key)
        await pilot.pause()
        while not is_up(app.screen, case.screen):
            if (time.perf_counter_ns() - start) / 1e9 > SCREEN_TIMEOUT_S:
                raise RuntimeError(f"no {case.screen} {SCREEN_TIMEOUT_S:g} s after {case.key}")
            await pilot.pause()
        elapsed = (time.perf_counter_ns() - start) / 1e6
    return elapsed


def is_up(screen: Any, name: str) -> bool:
    """The screen is active and, for trends, has its report: a trends screen that failed to
    load its figures (it notifies and keeps ``report`` None) must not look fast."""
    if type(screen).__name__ != name:
        return False
    return name != SCREEN_NAME or getattr(screen, "report", None) is not None


def screen_rows(homes: Homes) -> list[Row]:
    cases = {
        "10y": ScreenCase(homes.demo(10)),
        "1y": ScreenCase(homes.demo(1)),
        "empty": ScreenCase(homes.empty("trends")),
        "help 10y": ScreenCase(homes.demo(10), "f1", "HelpScreen"),
        "10y at once": ScreenCase(homes.demo(10), settled=False),
    }
    imported = "coach.screens.trends" in sys.modules
    samples: dict[str, list[float]] = {label: [] for label in cases}
    first: tuple[str, float] | None = None
    for i in range(-1, SCREEN_RUNS):  # one warm-up round: imports, CSS, page cache
        for label, case in cases.items():
            gc.collect()
            ms = asyncio.run(time_key(case))
            if i >= 0:
                samples[label].append(ms)
            elif first is None:
                first = (label, ms)
    stats = {label: Stats(v) for label, v in samples.items()}
    detail: dict[str, object] = {
        label: {**s.summary(), "samples_ms": [round(v, 1) for v in s.samples_ms]}
        for label, s in stats.items()
    }
    ten = stats["10y"]
    rows = [
        Row(
            SUITE,
            "trends screen open (F4), 10y",
            ten.median,
            target=Target(MAX_SCREEN_MS, "figure"),
            note=f"in process, {SCREEN_SIZE[0]}x{SCREEN_SIZE[1]}, after the app's warm-up; "
            f"p90 {fmt_ms(ten.p90)}, min {fmt_ms(ten.min)}; n={ten.n}",
            detail=detail,
        ),
        Row(
            SUITE,
            "trends screen open (F4), 10y, pressed at once",
            stats["10y at once"].median,
            note="context: F4 before the warm-up has read the journal and counted its words",
            detail=detail,
        ),
        Row(
            SUITE,
            "trends screen open (F4), 10y vs 1y",
            ten.median,
            baseline=stats["1y"].median,
            baseline_label="1y",
            note="context",
            detail=detail,
        ),
        Row(
            SUITE,
            "trends screen open (F4), 10y vs empty home",
            ten.median,
            baseline=stats["empty"].median,
            baseline_label="empty home",
            note="context: the empty home is the screen's own cost, no journal to read",
            detail=detail,
        ),
        Row(
            SUITE,
            "trends screen open (F4), 10y vs help (F1)",
            ten.median,
            baseline=stats["help 10y"].median,
            baseline_label="help screen, 10y",
            note="context: the help screen is what pushing any screen costs in this harness",
            detail=detail,
        ),
    ]
    if first is not None and not imported:
        label, ms = first
        rows.append(
            Row(
                SUITE,
                f"trends screen first open in process, {label}",
                ms,
                note="context, 1 sample: includes importing the screen, as a person's first F4",
            )
        )
    return rows
