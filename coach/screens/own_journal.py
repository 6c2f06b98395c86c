"""Your own journal: the journal screen, plus opening a day to change it, deleting it, its
tags and whether it is private. (A coach's view of a client's days stays read-only.)"""

from __future__ import annotations

from textual import on
from textual.binding import Binding
from textual.widgets import DataTable

from coach.dialogs.line_input import LineInputScreen
from coach.events import JournalChanged
from coach.render import one_line
from coach.screens import promise_actions
from coach.screens.journal import JournalScreen
from journal.changes import parse_tags
from journal.errors import JournalError
from journal.wording import day_label


class OwnJournalScreen(JournalScreen):
    BINDINGS = [
        Binding("enter", "open_day", "Open day", id="journal.open"),
        Binding("g", "app.go_to_date", "Go to date", id="journal.goto"),
        Binding("t", "tags", "Tags", id="journal.tags"),
        Binding("p", "private", "Private", id="journal.private"),
        Binding("delete", "delete_day", "Delete day", id="journal.delete"),
    ]

    @on(DataTable.RowSelected, "#days")
    async def row_chosen(self, event: DataTable.RowSelected) -> None:
        await self.action_open_day()

    async def action_open_day(self) -> None:
        day = self.cursor_day()
        if day is not None:
            await self.app.run_action(f"open_day('{day.isoformat()}')")

    def on_journal_changed(self, event: JournalChanged) -> None:
        self.load()

    def action_delete_day(self) -> None:
        from journal.app.corrections import delete_day, what_goes

        day = self.cursor_day()
        if day is None:
            return
        entry = self.journal.entry(day)
        made = self.journal.promises_made_on(day)

        def go() -> None:
            try:
                delete_day(self.journal, day)
            except JournalError as exc:
                promise_actions.report(self, exc)
                return
            self.notify(f"{day_label(day)} deleted. Ctrl+Z brings it back.", markup=False)
            self.load()

        question = f"Delete {day_label(day)}: {what_goes(entry, made)}?"
        promise_actions.confirm(self, question, go)

    def action_tags(self) -> None:
        day = self.cursor_day()
        entry = self.journal.entry(day) if day else None
        if day is None or entry is None:
            return

        def save(typed: str | None) -> None:
            if typed is None:
                return
            try:  # checked before anything is asked
                tags = parse_tags(t for t in typed.replace(",", " ").split() if t)
            except JournalError as exc:
                promise_actions.report(self, exc)
                return

            def store() -> None:
                try:
                    self.journal.set_tags(day, tags)
                except JournalError as exc:
                    promise_actions.report(self, exc)
                    return
                self.load()

            gone = [t for t in entry.tags if t not in tags]
            if not gone:
                store()
                return
            names = ", ".join(f"#{one_line(t)}" for t in gone)
            question = f"Remove {names} from {day_label(day)}?"
            promise_actions.confirm(self, question, store)

        self.app.push_screen(
            LineInputScreen(
                f"Tags for {day_label(day)}",
                "Single words, separated by commas or spaces; empty removes them all.",
                one_line(", ".join(entry.tags)),
            ),
            save,
        )

    def action_private(self) -> None:
        day = self.cursor_day()
        entry = self.journal.entry(day) if day else None
        if day is None or entry is None:
            return
        try:
            self.journal.set_private(day, not entry.private)
        except JournalError as exc:
            promise_actions.report(self, exc)
            return
        said = (
            "now private: it stays out of exports and shares"
            if not entry.private
            else ("no longer private")
        )
        self.notify(f"{day_label(day)} is {said}.", markup=False)
        self.load()
