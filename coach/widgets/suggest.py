"""Names and tags already used, suggested under a field as it is typed.

The dropdown is textual-autocomplete's; what it offers comes from the journal (read in a
worker the first time a suggesting field is focused, and again after the journal changes),
so no keypress ever waits on a 30-year journal.
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

from textual.message import Message
from textual.widgets import Input
from textual_autocomplete import AutoComplete, DropdownItem, TargetState

from journal.errors import JournalError
from journal.text import clean, name_key

if TYPE_CHECKING:
    from journal.app.service import JournalService
    from journal.app.vocabulary import Vocabulary

Words = Literal["people", "serves", "tags"]
SHOWN = 8
"""Suggestions at once: enough to pick from, few enough to read at a glance."""
TAG_SEPARATORS = ", "


class KnownWords:
    """One per journal: the vocabulary as of the journal's last revision it was read at."""

    def __init__(self, journal: JournalService) -> None:
        self.journal = journal
        self.found: Vocabulary | None = None
        self.read_at: object = None

    def stale(self) -> bool:
        return self.read_at != self.journal.revision()

    def load(self) -> None:
        """Runs in a worker thread. A journal that cannot be read suggests nothing; the screen
        reading it for itself says why."""
        from journal.app.vocabulary import vocabulary

        revision = self.journal.revision()
        try:
            self.found = vocabulary(self.journal)
        except JournalError:
            return
        self.read_at = revision

    def words(self, kind: Words) -> list[str]:
        found = self.found
        if found is None:
            return []
        if kind == "tags":
            return found.tags
        if kind == "serves":
            return ["me", "team", *found.teams, *found.people]
        return found.people


SHARED: weakref.WeakKeyDictionary[JournalService, KnownWords] = weakref.WeakKeyDictionary()


def known_words(journal: JournalService) -> KnownWords:
    """Shared by every field on every screen of this journal."""
    if journal not in SHARED:
        SHARED[journal] = KnownWords(journal)
    return SHARED[journal]


def word_match(typed: str, candidate: str) -> tuple[float, tuple[int, ...]]:
    """A name matches when one of its words starts with what was typed, in any case and
    accents: "an" offers Ana and Mary Ann, never Jonas."""
    query = name_key(typed.strip())
    if not query:
        return 0.0, ()
    folded = name_key(candidate)
    if len(folded) != len(candidate):  # folding changed the length: no offsets to show
        starts = [0] if folded.startswith(query) else []
        return (1.0 if starts else 0.0), ()
    for start in [0, *(i + 1 for i, c in enumerate(folded) if c in " :-_")]:
        if folded.startswith(query, start):
            score = 2.0 if start == 0 else 1.0
            return score, tuple(range(start, start + len(query)))
    return 0.0, ()


class Suggest(AutoComplete):
    """Suggestions for one Input: whole names, or (for tags) the word being typed."""

    DEFAULT_CSS = """
    Suggest { margin-top: 1; }  /* the library puts it under the cursor: below the border */
    """

    class WordsRead(Message):
        """The journal's names and tags were read: there may be something to suggest now."""

    def __init__(self, target: Input, journal: JournalService, kind: Words) -> None:
        super().__init__(target, candidates=None, prevent_default_tab=True)
        self.known = known_words(journal)
        self.kind = kind
        self.taken: str | None = None
        """The field's text just after a suggestion was taken, until the dropdown hears of it."""

    def on_mount(self) -> None:
        super().on_mount()
        self.watch(self.target, "has_focus", self.target_focused)

    def target_focused(self, focused: bool) -> None:
        if focused and self.known.stale():
            self.run_worker(self.load, thread=True, group="known-words", exclusive=True)

    def load(self) -> None:
        """In a worker; what was typed while the journal was read gets its suggestions."""
        self.known.load()
        self.app.call_from_thread(self.offer_now)

    def offer_now(self) -> None:
        self.post_message(self.WordsRead())
        if self.is_attached and self.target.has_focus and self.target.value:
            self._handle_target_update()

    def has_words(self) -> bool:
        """Whether there is anything to suggest (as far as the journal has been read)."""
        return bool(self.known.words(self.kind))

    def get_candidates(self, target_state: TargetState) -> list[DropdownItem]:
        typed = {name_key(w) for w in self.typed_words(target_state.text)}
        return [
            DropdownItem(clean(word))
            for word in self.known.words(self.kind)
            if name_key(word) not in typed
        ]

    def typed_words(self, text: str) -> Sequence[str]:
        """Tags already in the field are not offered again."""
        if self.kind != "tags":
            return ()
        return [w for w in text.replace(",", " ").split()][:-1]

    def get_search_string(self, target_state: TargetState) -> str:
        text = target_state.text[: target_state.cursor_position]
        if self.kind == "tags":
            return text.replace(",", " ").split(" ")[-1].lstrip("#")
        return text

    def match(self, query: str, candidate: str) -> tuple[float, tuple[int, ...]]:
        return word_match(query, candidate)

    def highlighted_is_typed(self) -> bool:
        """The suggestion under the cursor is exactly what was typed: taking it changes
        nothing, so the key that would take it is left to the field."""
        options = self.option_list
        at = options.highlighted
        if not self.display or at is None or not options.option_count:
            return False
        option = options.get_option_at_index(at)
        target = self.target
        typed = self.get_search_string(TargetState(target.value, target.cursor_position))
        return isinstance(option, DropdownItem) and option.value == typed

    def should_show_dropdown(self, search_string: str) -> bool:
        """Not for a lone suggestion that is already what was typed (the library compares
        it as Rich Text, which the options here are not), nor again for the one just taken."""
        taken, self.taken = self.taken, None
        if taken is not None and taken == self.target.value:
            return False
        options = self.option_list
        if options.option_count == 1:
            only = options.get_option_at_index(0)
            if isinstance(only, DropdownItem) and only.value == search_string:
                return False
        return super().should_show_dropdown(search_string)

    def get_matches(
        self, target_state: TargetState, candidates: list[DropdownItem], search_string: str
    ) -> list[DropdownItem]:
        if not search_string.strip():
            return []
        return super().get_matches(target_state, candidates, search_string)[:SHOWN]

    def post_completion(self) -> None:
        """A suggestion taken is an edit, as typing is: the library fills the field in with
        its Changed message held back, so the field says it changed here (and the step saves
        it, the journal's filters apply it)."""
        super().post_completion()
        target = self.target
        self.taken = target.value
        target.post_message(Input.Changed(target, target.value))

    def apply_completion(self, value: str, state: TargetState) -> None:
        if self.kind != "tags":
            super().apply_completion(value, state)
            return
        before = state.text[: state.cursor_position]
        start = max(before.rfind(c) for c in TAG_SEPARATORS) + 1
        text = state.text[:start] + value + ", " + state.text[state.cursor_position :].lstrip()
        target = self.target
        target.value = text
        target.cursor_position = start + len(value) + 2
