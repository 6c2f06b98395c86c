"""User-facing sentences of the app and the CLI, kept together so they read as one voice."""

from __future__ import annotations

NOTHING_TO_SAVE = "nothing to save: give --intent, --promise, --rate or another field"
NO_ENTRIES = "No entries match."
NO_OPEN_PROMISES = "No open promises. A clean slate."
NO_PROMISES = "No promises yet."
MORNING_DONE = "Morning check-in saved. Come back this evening to follow through."
EVENING_DONE = "Evening check-in saved. Well done for looking honestly at the day."

HELP_INTRO = "Coach helps you practise being someone people can trust, one day at a time."

ALREADY_SETTLED = "Already {status}: nothing changed."
OUTCOME_CHANGED = "“{text}” was {was}, now {now} · Ctrl+Z undoes it."
"""Said when an outcome replaces another, so a key pressed on the wrong row is noticed."""

HELP_ABOUT = (
    "Trust grows with credibility, reliability and intimacy (and, for some, character), and "
    "shrinks with self-orientation: how much of your attention is on yourself. "
    "Self-orientation divides everything else, so it is worth watching most.\n"
    "\n"
    'Each morning, say your intent and whom it serves, ask someone "how can I help?", and '
    "make promises, saying which kind each one is:"
)
"""One line per paragraph: the help page wraps it to its width."""

HELP_KINDS = (
    ("commitment", "it will happen: it's in your hands and your word is on it"),
    ("best effort", "it matters and you'll try, but it may not happen"),
    ("good intention", "you care how it turns out, but it isn't yours to control"),
)
"""Side by side on the help page, so a meaning that wraps stays in its column."""

HELP_ABOUT_AFTER = (
    "Each evening, give each open promise an outcome, check whether you did what people "
    "asked, notice where you were self-focused, and rate yourself. Your trend against your "
    "own past matters more than any single score.\n"
    "\n"
    "The ideas come from The Trusted Advisor (Maister, Green & Galford) and the language of "
    "promises used by reliability coaches, retold in our own words."
)

PEOPLE_HELP = (
    "Everyone your journal names, with where each relationship stands (its level and stage, "
    "as you judged them), when you were last in touch, and how many of your commitments to "
    "them you kept beside your own overall rate. s sorts by last contact, review due, "
    "keep-rate or name, r turns the order round; Enter opens a person's page."
)
PERSON_HELP = (
    "One relationship: what you record about it (level, stage, their script, reviews, how "
    "often to reconnect) beside what your days show (contact, asks, promises and how they "
    "ended). The evidence sits beside the level and stage; Coach never sets them. Every "
    "change is kept with its date, and Ctrl+Z undoes it."
)

PROMISE_TO = "A best effort to {to}: its kind can change on the promises step."
