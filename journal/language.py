"""The word-level self-focus signal: how much of a person's own writing points at themselves.

Research on the LIWC "i" category finds that people use more first-person singular words when
their attention is on themselves (in distress, before and after a breakup), and high-status
speakers use more "we" and "you". The effects are small and I-talk is not a measure of
narcissism, so this is one labelled signal, read against the person's own baseline, and only
over their own words (never the prompt text, which we do not store).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")
"""Letters in any script, with inner apostrophes kept so "I'm" stays one word."""

I_WORDS = frozenset({"i", "me", "my", "mine", "myself", "i'm", "i've", "i'd", "i'll"})
OTHER_WORDS = frozenset(
    {
        "you", "your", "yours", "yourself", "yourselves", "you're", "you've", "you'd", "you'll",
        "we", "us", "our", "ours", "ourselves", "we're", "we've", "we'd", "we'll",
        "they", "them", "their", "theirs", "themselves", "they're", "they've", "they'd",
        "they'll",
    }
)  # fmt: skip
ENGLISH_MARKERS = frozenset({"the", "and", "that", "with", "this", "have", "but", "it"})
"""Common English words that are rare in other languages ("a", "in", "is", "was", "to" are
French, German, Dutch or Polish words too). Text of 20+ words with none of them is not English,
and its I-word count would read as zero self-focus when it is really no signal at all."""
MIN_WORDS_FOR_LANGUAGE_CHECK = 20


@dataclass(frozen=True)
class WordCounts:
    """Counts over some text; add them up over a week before turning them into rates."""

    words: int = 0
    i_words: int = 0
    other_words: int = 0
    unreadable_words: int = 0
    """Words in texts that are not English, counted apart so they never dilute the rate."""

    def __add__(self, other: WordCounts) -> WordCounts:
        return WordCounts(
            self.words + other.words,
            self.i_words + other.i_words,
            self.other_words + other.other_words,
            self.unreadable_words + other.unreadable_words,
        )

    @property
    def i_rate(self) -> float | None:
        """First-person singular words per 100 words, or None without words to count."""
        return 100 * self.i_words / self.words if self.words else None

    @property
    def other_rate(self) -> float | None:
        return 100 * self.other_words / self.words if self.words else None

    @property
    def self_share(self) -> float | None:
        """Of the words that point at a person, the share that point at me (0–1)."""
        pointing = self.i_words + self.other_words
        return self.i_words / pointing if pointing else None


def words(text: str) -> list[str]:
    return WORD.findall(text.replace("\u2019", "'").casefold())


def count(texts: Iterable[str], names: Iterable[str] = ()) -> WordCounts:
    """Count I-words and other-focus words; the names of people helped count as other-focus."""
    # A name's words count as other-focus, except ones that are also I-words ("my manager")
    # or everyday English ("the platform team"), which would swamp the signal.
    named = {w for name in names for w in words(name)} - I_WORDS - ENGLISH_MARKERS
    others = OTHER_WORDS | named
    total = WordCounts()
    for text in texts:
        found = words(text)
        if len(found) >= MIN_WORDS_FOR_LANGUAGE_CHECK and not ENGLISH_MARKERS & set(found):
            total += WordCounts(unreadable_words=len(found))
            continue
        total += WordCounts(
            words=len(found),
            i_words=sum(w in I_WORDS for w in found),
            other_words=sum(w in others for w in found),
        )
    return total
