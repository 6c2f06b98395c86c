"""What every check-in step widget shares: the day's state passed down, answers passed up."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from textual.containers import Vertical
from textual.message import Message

from journal.app.checkin import Answer
from journal.model import Entry, HelpAsk, Promise, PromiseKind, PromiseStatus
from prompts.loader import Step

if TYPE_CHECKING:
    from journal.app.service import JournalService


@dataclass
class DayState:
    """A read-only snapshot of what the steps show; the screen rebuilds it after each save."""

    day: dt.date
    entry: Entry | None
    made_today: list[Promise] = field(default_factory=list)
    follow_up: list[Promise] = field(default_factory=list)
    help_asks: list[tuple[dt.date, HelpAsk]] = field(default_factory=list)


class AnswerEdited(Message):
    """Typing happened; the screen saves after a short pause, or at once on leaving the step."""


class KeysChanged(Message):
    """What the step's keys do changed (focus moved, suggestions were found): the line under
    the step says it again."""


class NextStep(Message):
    """Enter on a step's last field: save and go on, as the step keys do."""


class StepView(Vertical):
    """Base class: shows one pack step's inputs for the day in ``state``.

    Steps never write: answers and changes go up as messages for the screen to save. The
    journal is here only for the names and tags its fields suggest.

    A step with an answer says what its fields hold (``values``), what the journal holds as
    they would show it (``stored_values``) and how to show that (``set_values``): a field the
    person has not changed then follows the journal (a star set in the journal screen, an
    undo), and a step whose fields are all untouched has nothing to save."""

    KEYS = ""
    """The keys this step adds, shown under it: a person should not need F1 to find them."""

    def __init__(self, step: Step, state: DayState, journal: JournalService) -> None:
        super().__init__(id=f"step-{step.id}", classes="step")
        self.step = step
        self.state = state
        self.journal = journal
        self.shown: dict[str, object] = {}
        """What the fields showed from the journal, field by field."""

    def on_mount(self) -> None:
        self.shown = self.values()

    def keys(self) -> str:
        """The keys as things stand; a step whose keys depend on its focus or its data says
        so with ``KeysChanged``."""
        return self.KEYS

    def show_state(self, state: DayState) -> None:
        """Called after every save with fresh data from the journal: fields the person has
        not changed show it; one being changed keeps what is typed."""
        self.state = state
        stored = self.stored_values()
        if not stored:
            return
        now = self.values()
        untouched = {k: v for k, v in stored.items() if now.get(k) == self.shown.get(k)}
        if any(now.get(k) != v for k, v in untouched.items()):
            self.set_values(untouched)
        self.shown = stored

    def answer_saved(self) -> None:
        """What the fields hold was just saved: it is what they show of the journal now,
        though the journal may write it its own way ("work, zeppelin," as two tags). Were
        that difference taken for typing, every later save would store the step again, its
        untouched fields too, over a change made elsewhere (a day made private)."""
        self.shown = self.values()

    def values(self) -> dict[str, object]:
        """The answer's fields as they are on screen."""
        return {}

    def stored_values(self) -> dict[str, object]:
        """The answer's fields as the journal (``self.state``) has them."""
        return {}

    def set_values(self, values: dict[str, object]) -> None:
        """Show these (some of the fields) without it counting as typing."""

    def answer(self) -> Answer | None:
        """The step's answer as it stands on screen."""
        return None

    def pending(self) -> Answer | None:
        """The answer, when the person changed a field since it last showed the journal: a
        step never saves what it only showed."""
        if self.values() == self.shown:
            return None
        return self.answer()

    def focus_first(self) -> None:
        for widget in self.query("Input, TextArea, RadioSet, DataTable, RatingRow, RowList"):
            if widget.focusable:
                widget.focus()
                return


@dataclass
class PromiseMade(Message):
    text: str
    kind: PromiseKind
    to: str
    due: str


@dataclass
class PromiseRemoved(Message):
    promise_id: str


@dataclass
class PromiseEditWanted(Message):
    """Change an open promise's terms (a dialog asks for them)."""

    promise_id: str


@dataclass
class PromiseResolved(Message):
    promise_id: str
    status: PromiseStatus
    note: str


@dataclass
class PromiseWanted(Message):
    """A promise to this person (from the people due): what it is, the screen asks."""

    to: str


@dataclass
class HelpAsked(Message):
    person: str
    request: str


@dataclass
class HelpChanged(Message):
    """A help ask was filled in later: what they asked for, whether I did it, or removal."""

    day: dt.date
    help_id: str
    request: str | None = None
    done: bool | None = None
    remove: bool = False
    edit: bool = False
    """Ask for the person and the request again (a dialog), to correct them."""
