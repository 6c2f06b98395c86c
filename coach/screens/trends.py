"""Trends: self-orientation by signal, promises kept by kind, and trust, over a window of time
that zooms (weeks, months, years) and scrolls."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Header, Static

from coach.render import content, one_line
from coach.widgets.footer import KeyBar
from coach.widgets.report_section import ReportSection
from journal.app.service import JournalService
from journal.app.trends import Report, Trends, TrendsRequest, trends
from journal.errors import JournalError
from journal.periods import Period, months_back, period_end, period_start
from journal.report.sections import TRENDS_LAYOUT
from journal.settings import Settings
from journal.wording import NOT_A_DIAGNOSIS


@dataclass(frozen=True)
class View:
    """What a report is built for: a new one is needed only when any of this changes."""

    revision: tuple[object, ...]
    today: dt.date
    request: TrendsRequest


def view_of(
    journal: JournalService, settings: Callable[[], Settings], end: dt.date, period: Period
) -> View:
    request = TrendsRequest(
        start=window_start(end, period),
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
    return build_report(journal, view_of(journal, settings, journal.today(), "week"))


@dataclass
class ReportFailed(Message):
    reason: str


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
    #notes { margin-bottom: 1; }
    """
    SUB_TITLE = "Trends"
    HELP = (
        "Each bar is a week, month or year of your check-ins: lower self-orientation bars "
        "mean more of your attention was on others, taller promise bars more of your word "
        "kept. Watch which way they lean, not any one bar: the only person you are measured "
        "against is who you were."
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
    """The last day in view; scrolling moves it by half a screen."""

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

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="trends"):
            yield Static(id="summary")
            yield Static(id="window")
            for key, charts in TRENDS_LAYOUT:
                yield ReportSection(charts, id=f"section-{key}")
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
        years = self.journal.years()
        first = dt.date(years[0], 1, 1) if years else self.journal.today()
        self.end = max(min(period_end(moved, self.period), self.journal.today()), first)

    def current_view(self) -> View:
        return view_of(self.journal, self.settings, self.end, self.period)

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
        self.report, self.shown = event.trends.report, event.view
        doc = event.trends.document
        self.query_one("#summary", Static).update(content(doc.sentence))
        self.query_one("#window", Static).update(
            content(f"{doc.span}. Higher bars mean more attention on yourself.")
        )
        for section in doc.sections:
            self.query_one(f"#section-{section.key}", ReportSection).show(section)
        self.query_one("#notes", Static).update(content("\n".join(doc.notes), "dim"))
