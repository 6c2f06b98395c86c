"""Recording check-in answers: a whole check-in at once (`coach checkin`), or one answer at a
time as the app's steps give them. Both apply the same changes (journal/changes.py).

Requests and results here are msgspec Structs rather than dataclasses: the app imports this
module at startup, and a Struct class costs a fortieth of a dataclass to define."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

import msgspec

from journal import changes
from journal.app.service import JournalService
from journal.model import Entry, IntentFor, Promise
from journal.parse import PromiseSpec
from prompts.loader import Pack


class CheckinAnswers(msgspec.Struct, frozen=True, kw_only=True):
    """Any of a day's answers; what is not given is left as it is."""

    day: dt.date
    intent: str | None = None
    serves: IntentFor | None = None
    asks: Sequence[tuple[str, str]] = ()
    """(person, what they asked for) pairs, added to the day's."""
    promises: Sequence[PromiseSpec] = ()
    ratings: Mapping[str, int] = msgspec.field(default_factory=dict)
    self_focus: str | None = None
    reflection: str | None = None
    tags: Sequence[str] = ()
    private: bool = False
    """True marks the day private; False leaves the flag as it is."""
    starred: bool = False
    """True stars the day; False leaves its star as it is."""

    def empty(self) -> bool:
        given = (self.intent, self.serves, self.self_focus, self.reflection)
        return not (
            any(x is not None for x in given)
            or self.asks
            or self.promises
            or self.ratings
            or self.tags
            or self.private
            or self.starred
        )


class CheckinRecorded(msgspec.Struct, frozen=True):
    entry: Entry
    promises: list[Promise]


def record_checkin(journal: JournalService, answers: CheckinAnswers) -> CheckinRecorded:
    """Every answer is checked before anything is written; the entry and its new promises are
    then saved together (two files, one lock)."""
    day = answers.day
    made = [journal.make_promise(day, s.text, s.kind, s.to, s.due) for s in answers.promises]
    asks = [changes.new_ask(person, request) for person, request in answers.asks]
    tags = changes.parse_tags(answers.tags)
    changes.check_ratings(answers.ratings)

    def change(e: Entry) -> Entry:
        if answers.intent is not None:
            e = changes.text(e, "intent", answers.intent)
        if answers.serves is not None:
            e = changes.serves(e, answers.serves)
        if asks:
            e = changes.add_asks(e, asks)
        if answers.ratings:
            e = changes.ratings(e, answers.ratings)
        for name in ("self_focus", "reflection"):
            value = getattr(answers, name)
            if value is not None:
                e = changes.text(e, name, value)
        if tags:
            e = changes.tags(e, tags)
        if answers.private:
            e = changes.private(e, True)
        if answers.starred:
            e = changes.star(e, True)
        return e

    entry = journal.record_checkin(day, change, made)
    return CheckinRecorded(entry, made)


# ----- one answer at a time, as the app's steps give them ---------------------------------


class TextAnswer(msgspec.Struct, frozen=True):
    """A free-text answer; ``field`` is an entry field or ``notes:<step id>``."""

    field: str
    text: str


class IntentAnswer(msgspec.Struct, frozen=True):
    text: str
    serves: IntentFor | None


class RatingsAnswer(msgspec.Struct, frozen=True):
    ratings: dict[str, int | None]


class MarksAnswer(msgspec.Struct, frozen=True):
    """Tags as typed (commas or spaces between them), the star and the private flag."""

    tags: str
    starred: bool
    private: bool


Answer = TextAnswer | IntentAnswer | RatingsAnswer | MarksAnswer


ANSWER_NAMES = {"self_focus": "self-focus", "reflection": "reflection", "intent": "intent"}


def unsaved(answer: Answer, day: dt.date) -> str:
    """An answer that could not be saved, said so the person can type it again elsewhere."""
    when = f"{day:%a %d %b %Y}"
    if isinstance(answer, IntentAnswer):
        return f"your intent for {when}: {answer.text}"
    if isinstance(answer, RatingsAnswer):
        given = ", ".join(
            f"{k.replace('_', '-')} {v}" for k, v in answer.ratings.items() if v is not None
        )
        return f"your ratings for {when}: {given or 'cleared'}"
    if isinstance(answer, MarksAnswer):
        marks = [m for m, on in (("starred", answer.starred), ("private", answer.private)) if on]
        return (
            f"the marks of {when}: tags {answer.tags or 'none'}{''.join(', ' + m for m in marks)}"
        )
    name = ANSWER_NAMES.get(answer.field, answer.field.removeprefix("notes:"))
    return f"your {name} for {when}: {answer.text}"


def todays_pack(journal: JournalService, pack: Pack) -> Pack:
    """The pack as today asks it: the step listing people due for contact or a review is
    there only when someone is."""
    if not any(s.kind == "people_due" for s in pack.steps):
        return pack
    from journal.app.people import anyone_due

    if anyone_due(journal):
        return pack
    return msgspec.structs.replace(pack, steps=[s for s in pack.steps if s.kind != "people_due"])


def save_answer(journal: JournalService, day: dt.date, answer: Answer) -> Entry:
    """Save one step's answer; an answer equal to what is stored writes nothing."""
    if isinstance(answer, IntentAnswer):
        return journal.set_intent(day, answer.text, answer.serves)
    if isinstance(answer, RatingsAnswer):
        return journal.rate(day, answer.ratings)
    if isinstance(answer, MarksAnswer):
        typed = answer.tags.replace(",", " ").split()
        return journal.set_marks(day, typed, answer.starred, answer.private)
    if answer.field.startswith("notes:"):
        return journal.set_note(day, answer.field.removeprefix("notes:"), answer.text)
    return journal.set_text(day, answer.field, answer.text)
