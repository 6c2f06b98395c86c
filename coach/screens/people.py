"""People (F5): everyone the journal names, and each person's page, changed from the keyboard
through the same use cases as `coach person` (so Ctrl+Z undoes every change)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from coach import messages as msg
from coach.dialogs.confirm import ConfirmScreen
from coach.dialogs.form import Field, FormScreen
from coach.dialogs.line_input import LineInputScreen
from coach.events import JournalChanged
from coach.render import content, one_line
from coach.widgets.footer import KeyBar
from coach.widgets.people_choice import ChoiceScreen
from coach.widgets.people_page import SCRIPT_ASKS, row_sentence, words
from coach.widgets.people_person import PersonFound, PersonPage, ReadFailed
from coach.widgets.people_table import PeopleFound, PeopleTable, info_line, sort_line
from journal.app import people as use
from journal.errors import JournalError
from journal.people.listing import SORTS, SortBy
from journal.person import LEVELS, STAGES, PersonRecord, label
from journal.wording import count, day_label

if TYPE_CHECKING:
    from journal.app.people import PersonView
    from journal.app.service import JournalService

UNDO = "Ctrl+Z undoes it."
CHANGES = frozenset({"level", "stage", "script", "review", "cadence", "rename", "merge"})


def report(screen: Screen[None], reason: str) -> None:
    screen.notify(one_line(reason), severity="error", markup=False)


class PeopleScreen(Screen[None]):
    DEFAULT_CSS = """
    #people-sort, #people-info { color: $text-muted; padding: 0 1; height: auto; }
    #people { height: 1fr; }
    #people-detail { padding: 0 1; height: auto; }
    """
    SUB_TITLE = "People"
    HELP = msg.PEOPLE_HELP
    BINDINGS = [
        Binding("enter", "open_person", "Open", id="people.open"),
        Binding("s", "sort_next", "Sort", id="people.sort"),
        Binding("r", "reverse", "Reverse", id="people.reverse"),
        Binding("escape", "app.open_checkin", "Check-in", id="people.back", show=False),
    ]

    sort: reactive[SortBy] = reactive[SortBy]("last_contact", init=False)
    """The order of the list; s moves to the next."""
    reverse: reactive[bool] = reactive(False, init=False)
    """The order turned the other way round; r flips it (people without the figure stay
    last either way)."""

    def __init__(self, journal: JournalService) -> None:
        super().__init__()
        self.journal = journal
        self.resorted = False
        """Sorted again: the list starts from its top, not from the person the cursor was on."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="people-sort")
        yield PeopleTable(id="people")
        yield Static(id="people-detail")
        yield Static(id="people-info")
        yield KeyBar()

    def on_mount(self) -> None:
        self.show_sort()
        self.query_one(PeopleTable).focus()

    def on_screen_resume(self) -> None:
        """Every visit, the first included, reads the journal again: a check-in or a change
        on a person's page may have moved anyone."""
        self.load()

    def on_journal_changed(self, event: JournalChanged) -> None:
        self.load()

    def load(self) -> None:
        self.query_one(PeopleTable).read(self.journal, self.sort, self.reverse)

    def on_read_failed(self, event: ReadFailed) -> None:
        report(self, event.reason)

    def on_people_found(self, event: PeopleFound) -> None:
        if (event.sort, event.reverse) != (self.sort, self.reverse):
            return  # sorted again while this was read
        table = self.query_one(PeopleTable)
        table.show(event.rows, top=self.resorted)
        self.resorted = False
        self.show_detail()
        self.query_one("#people-info", Static).update(content(info_line(table), "dim"))

    def show_sort(self) -> None:
        self.query_one("#people-sort", Static).update(content(sort_line(self.sort, self.reverse)))

    def watch_sort(self) -> None:
        self.resorted = True
        self.show_sort()
        self.load()

    def watch_reverse(self) -> None:
        self.watch_sort()

    def action_reverse(self) -> None:
        self.reverse = not self.reverse

    def action_sort_next(self) -> None:
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]

    @on(DataTable.RowHighlighted, "#people")
    def show_detail(self) -> None:
        row = self.query_one(PeopleTable).current()
        said = row_sentence(row) if row is not None else ""
        self.query_one("#people-detail", Static).update(content(said))

    @on(DataTable.RowSelected, "#people")
    def action_open_person(self) -> None:
        row = self.query_one(PeopleTable).current()
        if row is not None:
            self.app.push_screen(PersonScreen(self.journal, label(row.kind, row.name), row.id))


class PersonScreen(Screen[None]):
    DEFAULT_CSS = """
    PersonScreen.-narrow #person-page { layout: vertical; }
    PersonScreen.-narrow #person-page > Static { width: 100%; margin: 0 0 1 0; }
    """
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    HELP = msg.PERSON_HELP
    BINDINGS = [
        Binding("l", "level", "Level", id="person.level"),
        Binding("g", "stage", "Stage", id="person.stage"),
        Binding("c", "script", "Script", id="person.script"),
        Binding("r", "review", "Review", id="person.review"),
        Binding("d", "cadence", "Cadence", id="person.cadence"),
        Binding("n", "rename", "Rename", id="person.rename"),
        Binding("m", "merge", "Merge", id="person.merge"),
        Binding("escape", "app.pop_screen", "People", id="person.back", show=False),
    ]

    def __init__(self, journal: JournalService, name: str, person_id: str) -> None:
        super().__init__()
        self.journal = journal
        self.names = [name]
        """Every name this page has known them by, newest first: an undone rename is found
        again by the name before it."""
        self.person_id = person_id
        self.view: PersonView | None = None
        self.sub_title = one_line(name, 40)

    def compose(self) -> ComposeResult:
        yield Header()
        yield PersonPage(id="person")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(PersonPage).focus()  # the arrows and Page Down scroll it
        self.load()

    def on_journal_changed(self, event: JournalChanged) -> None:
        self.load()

    def load(self) -> None:
        self.query_one(PersonPage).read(self.journal, list(self.names), self.person_id)

    def on_read_failed(self, event: ReadFailed) -> None:
        report(self, event.reason)

    def on_person_found(self, event: PersonFound) -> None:
        self.view = event.view
        self.sub_title = one_line(event.view.record.label, 40)
        self.query_one(PersonPage).show(event.view, self.journal.today())

    # ----- changes, each through its use case ---------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The changes wait (dimmed) until the page is read: they start from what it shows."""
        return None if action in CHANGES and self.view is None else True

    def apply(
        self, change: Callable[[str], PersonRecord], said: Callable[[PersonRecord], str]
    ) -> None:
        """Read what was typed and make the change (both refused with one line), say what it
        was, and read the page again."""
        assert self.view is not None
        try:
            record = change(self.view.record.label)
        except JournalError as exc:
            report(self, str(exc))
            return
        if record.label not in self.names:
            self.names.insert(0, record.label)
        self.notify(one_line(f"{said(record)} {UNDO}"), markup=False)
        self.load()

    def ask(self, dialog: LineInputScreen, then: Callable[[str], None]) -> None:
        """One line to type; ``then`` gets it unless it was left empty or cancelled."""

        def typed(text: str | None) -> None:
            if text and text.strip():
                then(text.strip())

        self.app.push_screen(dialog, typed)

    def action_level(self) -> None:
        hint = "The service pyramid, lowest first. Your judgement: Coach never sets it."
        self.choose("level", LEVELS, "The level of your relationship with", hint)

    def action_stage(self) -> None:
        hint = "The road to loyalty, in the order it is travelled."
        self.choose("stage", STAGES, "How far along the road with", hint)

    def choose(self, what: str, options: tuple[str, ...], title: str, hint: str) -> None:
        """A level or a stage, from the words in sight, with an optional note."""
        from journal.people.parse import parse_level, parse_stage

        assert self.view is not None
        r = self.view.record
        now = r.level if what == "level" else r.stage

        def change(chosen: tuple[str, str]) -> Callable[[str], PersonRecord]:
            value, note = chosen
            if what == "level":
                return lambda name: use.set_level_of(self.journal, name, parse_level(value), note)
            return lambda name: use.set_stage_of(self.journal, name, parse_stage(value), note)

        def save(chosen: tuple[str, str] | None) -> None:
            if chosen is not None and chosen[0] == now:
                self.notify(f"Still {words(now)}: nothing changed.", markup=False)
            elif chosen is not None:
                self.apply(change(chosen), lambda done: f"{done.label}: {what} {words(chosen[0])}.")

        heading = f"{title} {one_line(r.label, 30)}"
        choices = [(v, words(v)) for v in options]
        self.app.push_screen(ChoiceScreen(heading, choices, now, hint), save)

    def action_script(self) -> None:
        from journal.person import current_script

        assert self.view is not None
        r = self.view.record
        now = {part: one_line(line.text) for part, line in current_script(r).items()}
        fields = {part: Field(part, ask, now.get(part, "")) for part, ask in SCRIPT_ASKS.items()}

        def save(values: dict[str, str] | None) -> None:
            parts = (
                {p: values[p] for p, f in fields.items() if values[p] != f.value} if values else {}
            )
            if parts:  # a form left as it was is no change
                self.apply(
                    lambda name: use.set_script_of(self.journal, name, parts),
                    lambda done: f"{done.label}: their script is kept.",
                )

        title = f"Their script, in their words: {one_line(r.label, 40)}"
        self.app.push_screen(FormScreen(title, list(fields.values())), save)

    def action_review(self) -> None:
        from journal.parse import date_examples, parse_date
        from journal.people.parse import parse_decision

        assert self.view is not None
        today = self.journal.today()
        fields = [
            Field("decision", "Decision: grow, change or end", placeholder="grow"),
            Field("note", "What you saw and agreed (optional)"),
            Field("next", f"Next review ({date_examples(today)}; empty for none)", "", "+3m"),
        ]

        def save(values: dict[str, str] | None) -> None:
            def review(name: str) -> PersonRecord:
                assert values is not None
                decision = parse_decision(values["decision"] or "grow")
                typed = values["next"].strip()
                when = parse_date(typed, today, "next review") if typed else None
                return use.review(self.journal, name, decision, values["note"], when)

            def said(done: PersonRecord) -> str:
                last = done.last_review
                then = f", next {day_label(last.next)}" if last and last.next else ""
                return f"{done.label}: reviewed ({last.decision if last else ''}{then})."

            if values is not None:
                self.apply(review, said)

        title = f"Review: {one_line(self.view.record.label, 50)}"
        self.app.push_screen(FormScreen(title, fields), save)

    def action_cadence(self) -> None:
        from journal.people.parse import parse_cadence

        assert self.view is not None
        r = self.view.record

        def cadence(typed: str) -> None:
            self.apply(
                lambda name: use.set_cadence_of(self.journal, name, parse_cadence(typed)),
                lambda done: (
                    f"{done.label}: reconnect "
                    + (f"every {count(done.cadence, 'day')}." if done.cadence else "off.")
                ),
            )

        now = f"Now every {count(r.cadence, 'day')}. " if r.cadence else ""
        title = f"How often to reconnect with {one_line(r.label, 40)}"
        hint = f"{now}2w, 10d, 1m (30 days), or off."
        self.ask(LineInputScreen(title, hint, placeholder="2w"), cadence)

    def action_rename(self) -> None:
        assert self.view is not None
        was = self.view.record.label

        def rename(typed: str) -> None:
            if typed != was:
                self.apply(
                    lambda name: use.rename_person(self.journal, name, typed),
                    lambda done: f"Now {done.label}; {was} stays as another name for them.",
                )

        hint = "The old name stays as another name for them, so nothing written under it is lost."
        self.ask(LineInputScreen("A new name", hint, one_line(was)), rename)

    def action_merge(self) -> None:
        assert self.view is not None
        here = self.view.record.label

        def merge(other: str) -> None:
            def join(yes: bool | None) -> None:
                if yes:
                    self.apply(
                        lambda name: use.merge_people(self.journal, name, other),
                        lambda done: f"{other} joined {done.label}.",
                    )

            question = f"Join {one_line(other, 40)} into {one_line(here, 40)}? Their history "
            question += "and names come here, and their own record goes."
            self.app.push_screen(ConfirmScreen(question, "join them", "keep apart"), join)

        dialog = LineInputScreen(
            f"The same person written another way: who joins {one_line(here, 40)}?",
            "Their history and names join this page.",
            suggest=("people", self.journal),
            enter="asks before joining",
        )
        self.ask(dialog, merge)
