"""The morning's "who is waiting on you" step: people due for contact (their reconnect cadence
has run out) or for a review, with one key to ask them "how can I help?" today or to make them
a promise. Nobody due: one line says so, and the step is passed in a keypress."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from coach.render import content, one_line, rich_text
from coach.widgets.step_base import HelpAsked, PromiseWanted, StepView
from journal.errors import JournalError
from journal.person import label
from journal.wording import count


def due_words(late: int, what: str) -> str:
    return f"{what} due today" if late == 0 else f"{what} {count(late, 'day')} late"


class DueTable(DataTable[object]):
    KEYS_FOR = "the people due"
    BINDINGS = [
        Binding("a", "ask", "Ask how to help", id="due.ask", show=False),
        Binding("p", "promise", "Make a promise", id="due.promise", show=False),
    ]

    def action_ask(self) -> None:
        step = self.parent
        if isinstance(step, PeopleDueStep):
            step.ask()

    def action_promise(self) -> None:
        step = self.parent
        if isinstance(step, PeopleDueStep):
            step.promise()


class PeopleDueStep(StepView):
    KEYS = 'a asks them "how can I help?" today · p makes them a promise · Ctrl+N goes on'
    DEFAULT_CSS = """
    PeopleDueStep DueTable { height: auto; max-height: 12; }
    PeopleDueStep .none { color: $text-muted; }
    """

    def compose(self) -> ComposeResult:
        from journal.app.people import due

        try:
            self.names = [(label(d.kind, d.name), d) for d in due(self.journal)]
        except JournalError as exc:
            self.names = []
            yield Static(content(str(exc)), classes="none")
            return
        if not self.names:
            yield Static(content("Nobody is due for contact or a review today."), classes="none")
            return
        table = DueTable(id="people-due", cursor_type="row", zebra_stripes=True)
        table.add_columns("Person", "Due")
        for name, d in self.names:
            said = [due_words(x.late, w) for x, w in ((d.contact, "contact"), (d.review, "review"))
                    if x is not None]  # fmt: skip
            table.add_row(rich_text(name), rich_text(" · ".join(said)))
        yield table

    def keys(self) -> str:
        return self.KEYS if self.names else "Ctrl+N goes on"

    def focus_first(self) -> None:
        if self.names:
            self.query_one(DueTable).focus()

    def chosen(self) -> str | None:
        if not self.names:
            return None
        row = self.query_one(DueTable).cursor_row
        return self.names[min(max(row, 0), len(self.names) - 1)][0]

    def ask(self) -> None:
        name = self.chosen()
        if name is not None:
            self.post_message(HelpAsked(name, ""))
            self.notify(f'Today you ask {one_line(name, 40)} "how can I help?"', markup=False)

    def promise(self) -> None:
        """The screen asks what (a dialog is the screen's to show), then makes it."""
        name = self.chosen()
        if name is not None:
            self.post_message(PromiseWanted(name))
