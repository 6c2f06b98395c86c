"""Trends: self-orientation by signal, promises kept by kind, and trust, over a window of time
that zooms (weeks, months, years) and scrolls."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Header, Static

from coach.render import content, one_line
from coach.stats_view import notes
from coach.widgets.chart import BarChart
from coach.widgets.footer import KeyBar
from journal.errors import JournalError
from journal.model import PROMISE_KINDS
from journal.parse import kind_label
from journal.periods import Period, months_back, period_end, period_start
from journal.settings import load as load_settings
from journal.stats import Report
from journal.trends import SIGNALS
from journal.wording import (
    NOT_A_DIAGNOSIS,
    SIGNAL_LABELS,
    contributions_text,
    direction_text,
    fmt,
    pct,
    period_label,
)

if TYPE_CHECKING:
    from journal.service import JournalService

SHOWN: dict[str, int] = {"week": 26, "month": 24, "year": 10}
"""How many periods one screen shows at each zoom."""


def window_start(end: dt.date, period: Period) -> dt.date:
    last = period_start(end, period)
    n = SHOWN[period] - 1
    if period == "week":
        return last - dt.timedelta(weeks=n)
    if period == "month":
        return months_back(last, n)
    return last.replace(year=last.year - n)


class TrendsScreen(Screen[None]):
    DEFAULT_CSS = """
    #trends { padding: 1 2; }
    #summary { text-style: bold; margin-bottom: 1; }
    #window { color: $text-muted; margin-bottom: 1; }
    .section { text-style: bold; color: $accent; margin: 1 0 0 0; }
    #reliability, #trust { margin-bottom: 1; }
    """
    SUB_TITLE = "Trends"
    BINDINGS = [
        Binding("w", "zoom('week')", "Weeks", id="trends.week"),
        Binding("m", "zoom('month')", "Months", id="trends.month"),
        Binding("y", "zoom('year')", "Years", id="trends.year"),
        Binding("left,h", "scroll_time(-1)", "Older", id="trends.older"),
        Binding("right,l", "scroll_time(1)", "Newer", id="trends.newer"),
        Binding("escape", "app.open_checkin", "Check-in", id="trends.back"),
    ]

    period: reactive[Period] = reactive("week", init=False)
    """The zoom: one bar per week, month or year."""

    end: reactive[dt.date] = reactive(dt.date.min, init=False)
    """The last day in view; scrolling moves it by half a screen."""

    def __init__(self, service: JournalService) -> None:
        super().__init__()
        self.service = service
        self.set_reactive(TrendsScreen.end, service.today())
        self.report: Report | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="trends"):
            yield Static(id="summary")
            yield Static(id="window")
            yield Static("Self-orientation", classes="section")
            yield BarChart(SIGNAL_LABELS["index"], height=4, id="chart-index")
            for name in SIGNALS:
                yield BarChart(SIGNAL_LABELS[name], height=2, id=f"chart-{name}")
            yield Static("Promises kept", classes="section")
            yield Static(id="reliability")
            yield BarChart("commitments kept", height=3, high=100, unit="%", id="chart-kept")
            yield BarChart("best efforts kept", height=2, high=100, unit="%", id="chart-effort")
            yield Static("Trust", classes="section")
            yield Static(id="trust")
            yield Static(content(NOT_A_DIAGNOSIS, "italic dim"))
        yield KeyBar()

    def on_screen_resume(self) -> None:
        """Every visit, the first included, shows fresh figures: the check-in may have
        changed today since the last one."""
        self.load()

    def watch_period(self) -> None:
        self.load()

    def watch_end(self) -> None:
        self.load()

    def action_zoom(self, period: Period) -> None:
        self.period = period

    def action_scroll_time(self, direction: int) -> None:
        """Half a screen at a time; never past today, never before the first entry."""
        half = max(1, SHOWN[self.period] // 2)
        anchor = period_start(self.end, self.period)
        if self.period == "week":
            moved = anchor + dt.timedelta(weeks=direction * half)
        elif self.period == "month":
            moved = months_back(anchor, -direction * half)
        else:
            moved = anchor.replace(year=anchor.year + direction * half)
        years = self.service.years()
        first = dt.date(years[0], 1, 1) if years else self.service.today()
        self.end = max(min(period_end(moved, self.period), self.service.today()), first)

    def load(self) -> None:
        start = window_start(self.end, self.period)
        try:
            streak = load_settings(self.service.home).show_streak
            self.report = self.service.report(
                start=start, end=self.end, period=self.period, show_streak=streak
            )
        except JournalError as exc:
            self.notify(one_line(str(exc)), severity="error", markup=False)
            return
        self.show(self.report)

    def show(self, report: Report) -> None:
        rows = report.rows
        span = (
            period_label(rows[0].signals.start, self.period),
            period_label(rows[-1].signals.start, self.period),
        )
        self.query_one("#summary", Static).update(content(report.summary))
        self.query_one("#window", Static).update(
            content(
                f"{report.start:%d %b %Y} – {report.end:%d %b %Y}, one bar per {self.period}. "
                "Higher bars mean more attention on yourself."
            )
        )
        overall = report.overall.signals
        for name in ("index", *SIGNALS):
            values = [
                r.signals.index if name == "index" else r.signals.scores().get(name) for r in rows
            ]
            whole = overall.index if name == "index" else overall.scores().get(name)
            latest = (
                f"{fmt(whole)} over the window · 4 weeks: "
                f"{direction_text(report.directions[4][name])} · 12 weeks: "
                f"{direction_text(report.directions[12][name])}"
            )
            if name == "index":
                latest += f"\n{contributions_text(overall)}"
            self.query_one(f"#chart-{name}", BarChart).show(values, span, latest)
        self.query_one("#reliability", Static).update(reliability_text(report))
        kept = [r.kept["commitment"].keep_rate for r in rows]
        effort = [r.kept["best_effort"].keep_rate for r in rows]
        self.query_one("#chart-kept", BarChart).show(
            [None if v is None else 100 * v for v in kept], span, "per " + self.period
        )
        self.query_one("#chart-effort", BarChart).show(
            [None if v is None else 100 * v for v in effort], span, "per " + self.period
        )
        self.query_one("#trust", Static).update(trust_text(report))


def reliability_text(report: Report) -> Content:
    lines = []
    for kind in PROMISE_KINDS:
        parts = []
        for days, record in report.reliability.items():
            r = record[kind]
            parts.append(f"{pct(r.keep_rate):>4} of {r.kept + r.broken:<3} in {days} days")
        lines.append(Content.assemble((f"{kind_label(kind) + 's':<16}", "bold"), "   ".join(parts)))
    gaps = [
        f"{'–' if g is None else f'{g:+.0f} points'} ({d} days)"
        for d, g in report.calibration.items()
    ]
    lines.append(content("Self-rated reliability minus commitments kept: " + ", ".join(gaps)))
    overdue = len(report.overdue_commitments)
    lines.append(
        content(
            f"Open commitments: {len(report.open_commitments)}"
            + (f", {overdue} overdue" if overdue else "")
        )
    )
    return Content("\n").join(lines)


def trust_text(report: Report) -> Content:
    t = report.overall.trust
    parts = (
        f"credibility {fmt(t.credibility)} · reliability {fmt(t.reliability)} · "
        f"intimacy {fmt(t.intimacy)} · character {fmt(t.character)} · "
        f"self-orientation {fmt(t.self_orientation)}"
    )
    quotient = (
        f"Trust quotient (C+R+I)/S {fmt(t.classic, 2)} · with character {fmt(t.extended, 2)}"
        f" · spread {fmt(t.spread)}"
    )
    lines = [content(parts), content(quotient)]
    lines += [content(text, style) for text, style in notes(report)]
    return Content("\n").join(lines)
