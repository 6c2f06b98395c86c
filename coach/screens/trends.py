"""Trends: self-orientation by signal, promises kept by kind, and trust over time, in a window
that zooms (weeks, months, years) and scrolls between the first entry's period and today."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Header, Static

from coach.render import content, one_line
from coach.widgets.chart import PARTIAL_STYLE
from coach.widgets.footer import KeyBar
from coach.widgets.report_section import ReportSection
from coach.widgets.trust_chart import TrustChart
from journal.app.service import JournalService
from journal.app.trends import Report, Trends, TrendsRequest, trends
from journal.errors import JournalError
from journal.periods import Period, months_back, period_end, period_start
from journal.report.progress import HATCH, in_progress, legend
from journal.report.sections import TRENDS_LAYOUT
from journal.report.trust_series import trust_series
from journal.settings import Settings
from journal.wording import NOT_A_DIAGNOSIS


@dataclass(frozen=True)
class View:
    """What a report is built for: a new one is needed only when any of this changes."""

    revision: tuple[object, ...]
    today: dt.date
    request: TrendsRequest


def view_of(
    journal: JournalService,
    settings: Callable[[], Settings],
    end: dt.date,
    period: Period,
    first: dt.date | None,
) -> View:
    request = TrendsRequest(
        start=window_start(end, period, first),
        end=end,
        period=period,
        show_streak=settings().show_streak,
    )
    return View(journal.revision(), journal.today(), request)


@dataclass
class ReportBuilt(Message):
    """A report is ready for ``view``."""

    view: View
    trends: Trends


def build_report(journal: JournalService, view: View) -> ReportBuilt:
    return ReportBuilt(view, trends(journal, view.request))


def prepare(journal: JournalService, settings: Callable[[], Settings]) -> ReportBuilt:
    """The report the screen opens on, built ahead (by the app's warm-up, off the UI thread)
    so the first visit draws its figures at once."""
    first = journal.first_day()
    return build_report(journal, view_of(journal, settings, journal.today(), "week", first))


@dataclass
class ReportFailed(Message):
    reason: str


NOTHING_OLDER = "Nothing older: your check-ins begin here."
NOTHING_NEWER = "Nothing newer: this already runs to today."
SHOWN: dict[str, int] = {"week": 26, "month": 24, "year": 10}
"""How many periods one screen shows at each zoom, at most."""


def shift(day: dt.date, period: Period, n: int) -> dt.date:
    """The start of the period ``n`` periods after the one holding ``day`` (before, if
    negative)."""
    start = period_start(day, period)
    if period == "week":
        return start + dt.timedelta(weeks=n)
    if period == "month":
        return months_back(start, -n)
    return start.replace(year=start.year + n)


def window_start(end: dt.date, period: Period, first: dt.date | None = None) -> dt.date:
    """A screenful of periods ending with ``end``'s, none before the first entry's: years
    before the journal began are not missing data."""
    start = shift(end, period, -(SHOWN[period] - 1))
    if first is not None:
        start = min(max(start, period_start(first, period)), period_start(end, period))
    return start


def clamp_end(end: dt.date, period: Period, first: dt.date | None, today: dt.date) -> dt.date:
    """The last day in view, kept where a screenful holds entries: never after today, and
    never so early that the window would reach back before the first entry's period."""
    if first is not None:
        earliest = period_end(shift(first, period, SHOWN[period] - 1), period)
        end = max(end, earliest)
    return min(end, today)


class TrendsScreen(Screen[None]):
    DEFAULT_CSS = """
    #trends { padding: 1 2; scrollbar-gutter: stable; }
    #summary { text-style: bold; margin-bottom: 1; }
    #window { color: $text-muted; }
    #in-progress { color: $text-muted; }
    #notes { margin-bottom: 1; }
    """
    SUB_TITLE = "Trends"
    HELP = (
        "Each bar is a week, month or year of your check-ins, on one fixed scale per measure "
        "(0–10, or 0–100% for promises), so equal values draw equal bars in every chart and "
        "at every zoom. Lower self-orientation bars mean more of your attention was on others, "
        "taller promise bars more of your word kept, and a taller trust quotient more trust. "
        "A shaded bar is a period still in progress: it is left out of every direction. Watch "
        "which way the bars lean, not any one bar: the only person you are measured against "
        "is who you were."
    )
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
    """The last day in view: a period's last day, or today; scrolling moves it by half a
    screen, within clamp_end's limits."""

    def __init__(
        self,
        journal: JournalService,
        settings: Callable[[], Settings] = Settings,
        ready: ReportBuilt | None = None,
    ) -> None:
        """``settings``: read on every load, so a streak switched off shows at once.
        ``ready``: a report built ahead for the opening view, shown if still current."""
        super().__init__()
        self.journal = journal
        self.settings = settings
        self.ready = ready
        self.set_reactive(TrendsScreen.end, journal.today())
        self.report: Report | None = None
        self.shown: View | None = None
        self.wanted: View | None = None
        """The view last asked for: a report for any other is thrown away."""
        self.first: tuple[tuple[object, ...], dt.date | None] | None = None
        """The first entry's day, with the journal revision it was read at."""

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="trends"):
            yield Static(id="summary")
            yield Static(id="window")
            yield Static(id="in-progress")
            for key, charts in TRENDS_LAYOUT:
                figure = TrustChart(id="chart-trust") if key == "trust" else None
                yield ReportSection(charts, figure=figure, id=f"section-{key}")
            yield Static(id="notes")
            yield Static(content(NOT_A_DIAGNOSIS, "italic dim"))
        yield KeyBar()

    def on_mount(self) -> None:
        """Before the first frame: a report built ahead for this very view is drawn at once."""
        ready, self.ready = self.ready, None
        if ready is not None and ready.view == self.current_view():
            self.wanted = ready.view
            self.on_report_built(ready)

    def on_screen_resume(self) -> None:
        """Every visit, the first included, shows current figures: the check-in may have
        changed the journal since the last one."""
        self.load()

    def watch_period(self) -> None:
        self.load()

    def watch_end(self) -> None:
        self.load()

    def action_zoom(self, period: Period) -> None:
        """The period that held the last day in view stays in view, newest on the right."""
        if period == self.period:
            return
        end = self.clamped(period_end(period_start(self.end, period), period), period)
        self.set_reactive(TrendsScreen.end, end)
        self.period = period

    def action_scroll_time(self, direction: int) -> None:
        """Half a screen at a time; never past today, never before the first entry. A key
        that cannot move says why, rather than seem broken."""
        half = max(1, SHOWN[self.period] // 2)
        moved = shift(self.end, self.period, direction * half)
        end = self.clamped(period_end(moved, self.period), self.period)
        if end == self.end:
            self.notify(NOTHING_NEWER if direction > 0 else NOTHING_OLDER, timeout=3)
        self.end = end

    def clamped(self, end: dt.date, period: Period) -> dt.date:
        return clamp_end(end, period, self.first_day(), self.journal.today())

    def first_day(self) -> dt.date | None:
        """Read again only when the journal changed (an import can add older days)."""
        revision = self.journal.revision()
        if self.first is None or self.first[0] != revision:
            self.first = (revision, self.journal.first_day())
        return self.first[1]

    def current_view(self) -> View:
        return view_of(self.journal, self.settings, self.end, self.period, self.first_day())

    def load(self) -> None:
        """Build the report for what is in view, unless the one shown is still current."""
        try:
            view = self.current_view()
        except JournalError as exc:
            self.notify(one_line(str(exc)), severity="error", markup=False)
            return
        if view in (self.shown, self.wanted):
            return
        self.wanted = view
        self.build(view)

    @work(thread=True, exclusive=True, group="trends")
    def build(self, view: View) -> None:
        """Ten years of entries take a moment to count: never on the UI thread."""
        try:
            built = build_report(self.journal, view)
        except JournalError as exc:
            self.post_message(ReportFailed(str(exc)))
            return
        self.post_message(built)

    def on_report_failed(self, event: ReportFailed) -> None:
        self.wanted = None
        self.notify(one_line(event.reason), severity="error", markup=False)

    def on_report_built(self, event: ReportBuilt) -> None:
        if event.view != self.wanted:
            return  # the window moved while this one was being built
        report = event.trends.report
        self.report, self.shown = report, event.view
        doc = event.trends.document
        current = in_progress(report)
        self.query_one("#summary", Static).update(content(doc.sentence))
        self.query_one("#window", Static).update(content(f"{doc.span}."))
        shading = self.query_one("#in-progress", Static)
        if current is not None:
            shading.update(
                Content.assemble(
                    content(HATCH, PARTIAL_STYLE), content(f" {legend(report, current)}")
                )
            )
        shading.display = current is not None
        for section in doc.sections:
            self.query_one(f"#section-{section.key}", ReportSection).show(section, bool(current))
        trust = self.query_one("#chart-trust", TrustChart)
        trust.show_series(trust_series(report), bool(current))
        self.query_one("#notes", Static).update(content("\n".join(doc.notes), "dim"))
