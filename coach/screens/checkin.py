"""Today's check-in: one pack step at a time, each answer saved as it is given."""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.css.query import NoMatches
from textual.reactive import reactive
from textual.timer import Timer
from textual.widgets import ContentSwitcher, Header, Static

from coach import messages as msg
from coach.events import JournalChanged
from coach.render import content, one_line
from coach.screens.checkin_changes import StepChanges
from coach.views import progress_marks
from coach.widgets.footer import KeyBar
from coach.widgets.step_base import AnswerEdited, DayState, KeysChanged, NextStep, StepView
from journal.app.checkin import Answer, save_answer, todays_pack, unsaved
from journal.errors import JournalError

if TYPE_CHECKING:
    from journal.app.home import Home
    from journal.app.service import JournalService
    from prompts.loader import Pack, Step

SAVE_DELAY_S = 0.6
"""Typing is saved after this pause, and at once when leaving a step or the app."""

SHORT_TERMINAL = 30
"""Rows below which the check-in drops its spacing and the why line."""

NARROW_TERMINAL = 100
"""Columns below which the title names the day the short way, so it is never cut."""

STEP_TEXT_IDS = ("#progress", "#step-title", "#step-prompt", "#step-why")


STEP_WIDGETS: dict[str, tuple[str, str]] = {
    "intent": ("coach.widgets.text_steps", "IntentStep"),
    "help": ("coach.widgets.help_log", "HelpStep"),
    "promises": ("coach.widgets.promise_editor", "PromisesStep"),
    "follow_up": ("coach.widgets.follow_up", "FollowUpStep"),
    "help_done": ("coach.widgets.help_log", "HelpDoneStep"),
    "ratings": ("coach.widgets.rating_row", "RatingsStep"),
    "tip": ("coach.widgets.text_steps", "TipStep"),
    "marks": ("coach.widgets.day_marks", "MarksStep"),
    "people_due": ("coach.widgets.people_due", "PeopleDueStep"),
}
"""Step kind → widget. Modules are imported when first needed, so opening the app loads only
the first step's. Text steps (self_focus, reflection and a custom pack's own) share TextStep."""


def build_step(step: Step, state: DayState, journal: JournalService) -> StepView:
    """One widget per step kind; the pack decides order and wording."""
    if step.kind in STEP_WIDGETS:
        module, name = STEP_WIDGETS[step.kind]
        widget: type[StepView] = getattr(importlib.import_module(module), name)
        return widget(step, state, journal)
    from coach.widgets.text_steps import TextStep

    field = step.kind if step.kind in ("self_focus", "reflection") else f"notes:{step.id}"
    return TextStep(step, state, journal, field)


class CheckinScreen(StepChanges):
    DEFAULT_CSS = """
    #checkin { padding: 1 2; }
    #progress { color: $text-muted; margin-bottom: 1; }
    #step-title { text-style: bold; color: $accent; }
    #step-prompt { margin-top: 1; }
    #step-why { color: $text-muted; margin-bottom: 1; }
    #steps { height: 1fr; overflow-y: auto; }
    #step-keys { height: auto; color: $text-muted; }
    CheckinScreen > ToastRack { margin-bottom: 3; }  /* above the step keys, up to 2 lines */
    CheckinScreen.-short #checkin { padding: 0 2; }
    CheckinScreen.-short #progress, CheckinScreen.-short #step-prompt { margin: 0; }
    CheckinScreen.-short #step-why { display: none; }
    CheckinScreen.-short PromisesStep .hints { display: none; }
    CheckinScreen.-short PromisesStep #kind-hint { display: block; }
    """

    HELP = (
        "A few questions each morning and evening. Every answer is saved as you give it; "
        "Ctrl+N and Ctrl+B move between the steps."
    )
    BINDINGS = [
        Binding("ctrl+n", "next", "Next step", id="checkin.next", priority=True),
        Binding("ctrl+b", "back", "Back", id="checkin.back", priority=True),
        Binding("ctrl+t", "switch_pack", "Morning/evening", id="checkin.switch"),
        Binding("escape", "go_back", "Journal", id="checkin.back_to_journal"),
    ]

    pack_name: reactive[str] = reactive("morning", init=False)
    """Which pack is shown: morning until an intent is recorded, evening after."""

    index: reactive[int] = reactive(0, init=False)
    """The step on screen."""

    back_to: reactive[str | None] = reactive(None, init=False, bindings=True)
    """The screen this one was opened from (today's row in the journal), which Escape goes
    back to; None when it was opened as itself (F2, or at start)."""

    def __init__(self, home: Home, day: dt.date | None = None) -> None:
        super().__init__()
        self.home = home
        self.journal = home.journal
        self.day = day or home.today()
        entry = self.journal.entry(self.day)
        self.set_reactive(
            CheckinScreen.pack_name, "evening" if entry and entry.intent else "morning"
        )
        self.pack: Pack = todays_pack(home.journal, home.pack(self.pack_name))
        self._save_timer: Timer | None = None
        self._pending: Answer | None = None
        self.views: dict[str, StepView] = {}
        self.state = self.load_state()
        self.read_at: object = self.journal.revision()
        """The journal's revision when the steps last read it (or saved to it)."""
        self._first_shown = True
        self.sub_title = self.heading()

    def heading(self, narrow: bool = False) -> str:
        day = f"{self.day:%a %d %b %Y}" if narrow else f"{self.day:%A %d %B %Y}"
        return f"{self.pack.title} · {day}"

    def show_heading(self) -> None:
        self.sub_title = self.heading(0 < self.size.width < NARROW_TERMINAL)

    def compose(self) -> ComposeResult:
        """The first step is composed with the screen: one layout pass at startup, not two."""
        yield Header()
        progress, title, prompt, why = self.step_texts()
        first = self.pack.steps[0]
        view = self.views[first.id] = build_step(first, self.state, self.journal)
        with Vertical(id="checkin"):
            yield Static(progress, id="progress")
            yield Static(title, id="step-title")
            yield Static(prompt, id="step-prompt")
            yield Static(why, id="step-why")
            with ContentSwitcher(id="steps", initial=view.id):
                yield view
            yield Static(content(view.keys()), id="step-keys")
        yield KeyBar()

    def on_mount(self) -> None:
        self.views[self.pack.steps[0].id].focus_first()

    def on_resize(self) -> None:
        """On a short terminal the why of each step gives its lines to the answers."""
        self.set_class(self.size.height < SHORT_TERMINAL, "-short")
        self.show_heading()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Escape goes back only where there is somewhere to go back to."""
        if action == "go_back":
            return self.back_to is not None
        return True

    async def action_go_back(self) -> None:
        back, self.back_to = self.back_to, None
        if back is not None:
            await self.app.run_action(f"app.open_{back}")

    def on_screen_suspend(self) -> None:
        """What was typed is saved before another screen can change the same day."""
        self.save_pending()

    def on_screen_resume(self) -> None:
        """Back from the journal (a star, a tag, a deleted promise), a dialog or the command
        line: the steps show the day as it is now, so none of them saves an old copy. Not
        when first shown: the steps were read from the journal a moment ago."""
        if self._first_shown:
            self._first_shown = False
            return
        if self.journal.revision() != self.read_at:
            self.refresh_steps()

    # ----- state ---------------------------------------------------------------------------

    def load_state(self) -> DayState:
        """What this pack shows. Earlier days (open promises, unfinished asks) are read only
        when the pack asks about them; with one small file of promises per year that is a
        few milliseconds even for ten years, cheaper than drawing the screen twice."""
        kinds = {s.kind for s in self.pack.steps}
        state = DayState(
            day=self.day,
            entry=self.journal.entry(self.day),
            made_today=self.journal.promises_made_on(self.day),
        )
        if "follow_up" in kinds:
            state.follow_up = self.journal.follow_up(self.day)
        if "help_done" in kinds:
            state.help_asks = self.journal.help_to_follow_up(self.day)
        return state

    def refresh_steps(self, state: DayState | None = None) -> None:
        """Redraw every built step from the journal (a file may have become unreadable). An
        answer waiting to be saved is taken again from its step, now showing the journal."""
        try:
            self.state = state or self.load_state()
        except JournalError as exc:
            self.report(exc)
            return
        self.read_at = self.journal.revision()
        for view in self.views.values():
            view.show_state(self.state)
        current = self.current()
        if self._pending is not None and current is not None:
            self._pending = current.pending()
        if self.is_mounted:
            self.query_one("#progress", Static).update(self.step_texts()[0])

    async def show_pack(self) -> None:
        """Switch between morning and evening: the old pack's steps go, the new one's first
        step is built."""
        self.pack = todays_pack(self.journal, self.home.pack(self.pack_name))
        self.show_heading()
        await self.remove_steps()
        self.state = self.load_state()
        self.read_at = self.journal.revision()
        self.index = 0
        await self.show_step()

    async def remove_steps(self) -> None:
        """Every step goes; those shown next are built anew. The switcher forgets what it
        showed, or a new step with the same id would stay hidden."""
        switcher = self.query_one(ContentSwitcher)
        await switcher.remove_children()
        switcher.current = None
        self.views = {}

    def step_keys(self) -> str:
        """What F1 says the current step adds to the keys."""
        view = self.current()
        return view.keys() if view else ""

    def current(self) -> StepView | None:
        if not 0 <= self.index < len(self.pack.steps):
            return None
        return self.views.get(self.pack.steps[self.index].id)

    def step_texts(self) -> tuple[Content, Content, Content, Content]:
        """Progress, title, question and why of the current step (pack text is untrusted)."""
        step = self.pack.steps[self.index]
        total = len(self.pack.steps)
        dots = "".join("●" if i <= self.index else "○" for i in range(total))
        progress = Content.assemble(
            content(self.pack.title, "bold"),
            f"  ·  step {self.index + 1} of {total}  ",
            (dots, "$accent"),
            progress_marks(self.state.entry),
        )
        return (
            progress,
            content(step.title, "bold"),
            content(step.prompt),
            content(f"Why: {step.why}", "italic dim"),
        )

    async def show_step(self) -> None:
        """Steps are built the first time they are shown, so opening the app builds one."""
        step = self.pack.steps[self.index]
        texts = self.step_texts()
        for selector, text in zip(STEP_TEXT_IDS, texts, strict=True):
            self.query_one(selector, Static).update(text)
        view = self.views.get(step.id)
        if view is None:
            view = self.views[step.id] = build_step(step, self.state, self.journal)
            view.display = False  # the switcher decides what is shown
            await self.query_one(ContentSwitcher).mount(view)
        self.query_one(ContentSwitcher).current = view.id
        self.query_one("#step-keys", Static).update(content(view.keys()))
        view.focus_first()

    async def watch_index(self) -> None:
        if self.is_mounted and self.pack.steps:
            await self.show_step()

    # ----- saving --------------------------------------------------------------------------

    def save_pending(self) -> bool:
        """Save the current step's typed answer; True when nothing went wrong."""
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        view = self.current()
        try:
            if view is not None and self.journal.revision() != self.read_at:
                # Changed under the steps (the journal screen, the command line): they show
                # it first, so only what the person changed here is saved over it.
                self.refresh_steps()
            answer = view.pending() if view else self._pending
        except NoMatches:  # the app is closing and the step's inputs are already gone
            answer = self._pending
        self._pending = None
        if answer is None:
            return True
        not_saved: dict[str, str] = getattr(self.app, "not_saved", {})
        what = unsaved(answer, self.day)
        key = what.partition(":")[0]  # "your reflection for Wed 02 Dec 2026"
        try:
            saved = save_answer(self.journal, self.day, answer)
        except JournalError as exc:
            # Kept, on screen and here: the next save tries it again, and quitting says it.
            self._pending = answer
            not_saved[key] = f"{what} ({one_line(str(exc))})"
            self.report(exc)
            return False
        not_saved.pop(key, None)
        self.read_at = self.journal.revision()
        self.state.entry = saved
        with contextlib.suppress(NoMatches):  # the app may be closing, its widgets gone
            if view is not None:  # what the step shows as stored is now what is stored
                view.show_state(self.state)
                view.answer_saved()
            self.query_one("#progress", Static).update(self.step_texts()[0])
        return True

    def on_keys_changed(self, event: KeysChanged) -> None:
        event.stop()
        view = self.current()
        if view is not None:
            self.query_one("#step-keys", Static).update(content(view.keys()))

    def on_next_step(self, event: NextStep) -> None:
        event.stop()
        self.action_next()

    def on_answer_edited(self, event: AnswerEdited) -> None:
        event.stop()
        view = self.current()
        # Kept so an answer can still be saved while the app is being torn down.
        self._pending = view.pending() if view else None
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(SAVE_DELAY_S, self.save_pending)

    # ----- actions -------------------------------------------------------------------------

    def action_next(self) -> None:
        if not self.save_pending():
            return
        self.refresh_steps()
        if self.index + 1 < len(self.pack.steps):
            self.index += 1
        else:
            done = msg.MORNING_DONE if self.pack_name == "morning" else msg.EVENING_DONE
            self.notify(done, title=one_line(self.pack.title), markup=False)

    def action_back(self) -> None:
        if self.save_pending() and self.index > 0:
            self.refresh_steps()
            self.index -= 1

    async def action_switch_pack(self) -> None:
        if not self.save_pending():
            return
        self.pack_name = "evening" if self.pack_name == "morning" else "morning"

    async def watch_pack_name(self) -> None:
        try:
            await self.show_pack()
        except JournalError as exc:
            self.report(exc)

    def on_unmount(self) -> None:
        self.save_pending()

    async def on_journal_changed(self, event: JournalChanged) -> None:
        """An undo changed the day under the steps: build them again from the journal."""
        event.stop()
        index = self.index
        await self.remove_steps()
        self.refresh_steps()
        self.set_reactive(CheckinScreen.index, min(index, len(self.pack.steps) - 1))
        await self.show_step()


class DayScreen(CheckinScreen):
    """Another day than today, opened to change it: the same steps, and Escape goes back."""

    HELP = (
        "Another day, open to change: the same steps as the check-in, saved as you go. "
        "Escape goes back."
    )
    BINDINGS = [Binding("escape", "app.pop_screen", "Close day", id="day.back")]

    def heading(self, narrow: bool = False) -> str:
        return super().heading(narrow) + (" · past day" if narrow else " (changing a past day)")
