"""Your own journal: the journal screen, plus opening a day to change it, deleting it, its
star, its tags and whether it is private. (A coach's view of a client's days stays read-only.)"""

from __future__ import annotations

import datetime as dt

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
from journal.model import Entry
from journal.wording import day_label

UNDO = "Ctrl+Z undoes it."
NOTHING_YET = "Nothing written on that day yet: Enter opens it."


class OwnJournalScreen(JournalScreen):
    LIST_HINT = "Enter opens a day"
    HELP = (
        "Your journal, newest first. Enter opens a day to change it; s stars it, t tags it, "
        "p keeps it private. Ctrl+F goes to the fields above the list, where what you type "
        "narrows it; Enter comes back to the days."
    )
    BINDINGS = [
        Binding("enter", "open_day", "Open", id="journal.open"),
        Binding("g", "app.go_to_date", "Go to", id="journal.goto"),
        Binding("s", "star", "Star", id="journal.star"),
        Binding("t", "tags", "Tags", id="journal.tags"),
        Binding("p", "private", "Private", id="journal.private"),
        Binding("delete", "delete_day", "Delete", id="journal.delete"),
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

    def written_day(self) -> tuple[dt.date, Entry] | None:
        """The day under the cursor and what is written on it, or a word on why there is none."""
        day = self.cursor_day()
        if day is None:
            self.notify("No day here yet: g goes to any date.", markup=False)
            return None
        entry = self.journal.entry(day)
        if entry is None:
            self.notify(NOTHING_YET, markup=False)
            return None
        return day, entry

    def changed(self, entry: Entry, said: str) -> None:
        """Show the change at once, say so, and search again when a filter may drop the day."""
        self.replace_entry(entry)
        self.notify(f"{said} {UNDO}", markup=False)
        if self.filters is not None and self.filters.active:
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

    def action_star(self) -> None:
        found = self.written_day()
        if found is None:
            return
        day, entry = found
        try:
            now = self.journal.set_starred(day, not entry.starred)
        except JournalError as exc:
            promise_actions.report(self, exc)
            return
        said = "Starred" if now.starred else "Star taken off"
        self.changed(now, f"{said} {day_label(day)}.")

    def action_tags(self) -> None:
        found = self.written_day()
        if found is None:
            return
        day, entry = found

        def save(typed: str | None) -> None:
            if typed is None:
                return
            try:  # checked before anything is asked
                tags = parse_tags(t for t in typed.replace(",", " ").split() if t)
            except JournalError as exc:
                promise_actions.report(self, exc)
                return
            if list(dict.fromkeys(tags)) == entry.tags:
                return  # nothing changed: nothing to undo

            def store() -> None:
                try:
                    now = self.journal.set_tags(day, tags)
                except JournalError as exc:
                    promise_actions.report(self, exc)
                    return
                shown = " ".join(f"#{one_line(t)}" for t in now.tags)
                said = (
                    f"Tags on {day_label(day)}: {shown}."
                    if shown
                    else f"Tags removed from {day_label(day)}."
                )
                self.changed(now, said)

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
                one_line(", ".join(entry.tags)) + (", " if entry.tags else ""),
                suggest=("tags", self.journal),
            ),
            save,
        )

    def action_private(self) -> None:
        found = self.written_day()
        if found is None:
            return
        day, entry = found
        try:
            now = self.journal.set_private(day, not entry.private)
        except JournalError as exc:
            promise_actions.report(self, exc)
            return
        said = (
            "now private: it stays out of exports and shares"
            if now.private
            else "no longer private"
        )
        self.changed(now, f"{day_label(day)} is {said}.")
