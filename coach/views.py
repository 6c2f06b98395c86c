"""Read-only renderings of journal records as Textual Content, built only from safe pieces."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual.content import Content

from coach.render import clean, content, one_line
from journal.model import RATING_NAMES, STAR, STAR_TAGS, Comment, Entry, Promise
from journal.parse import kind_label
from journal.wording import chain_text

DONE = {True: "done", False: "not done", None: "not yet known"}
STAR_MARK = "★"
PRIVATE_MARK = "⊘"
"""One cell each, in the journal's list of days and at the top of a day."""


def section(title: str, body: list[Content]) -> list[Content]:
    return [Content.styled(title, "bold $accent"), *body, Content("")] if body else []


def comment_lines(comments: Sequence[Comment]) -> list[Content]:
    return [
        Content.assemble(
            content(one_line(c.author, 60), "bold"),
            (f" on the week of {c.date:%d %b}: " if c.on == "week" else ": ", "dim"),
            content(c.text),
        )
        for c in comments
    ]


Find = Callable[[str], "Promise | None"]
"""A promise by its id, or None when it cannot be read (deleted since, a file in trouble)."""


def terms(p: Promise) -> str:
    return f"“{one_line(p.text, 50)}”" + (f" due {p.due:%a %d %b %Y}" if p.due else "")


def chain(p: Promise, find: Find | None) -> str:
    """Where a renegotiated promise went, or came from, in its terms rather than an id."""
    if find is None:
        return chain_text(p)
    parts = []
    if p.renegotiated_from:
        old = find(p.renegotiated_from)
        parts.append(f"renegotiated from {terms(old)}" if old else "renegotiated")
    if p.renegotiated_to:
        new = find(p.renegotiated_to)
        parts.append(f"now {terms(new)}" if new else "renegotiated")
    return ", ".join(dict.fromkeys(parts))


def entry_view(
    entry: Entry,
    promises: list[Promise],
    comments: Sequence[Comment] = (),
    find: Find | None = None,
) -> Content:
    """One day as a person reads it: intent first, then help, promises, ratings, words."""
    lines: list[Content] = [Content.styled(entry.date.strftime("%A %d %B %Y"), "bold")]
    marks = day_marks(entry)
    lines += [marks, Content("")] if marks else [Content("")]
    if entry.intent:
        whom = f"  (for {entry.intent_for.label()})" if entry.intent_for else ""
        lines += section("Intent", [content(entry.intent + whom)])
    lines += section(
        "How can I help?",
        [
            Content.assemble(
                content(ask.person, "bold"),
                ": ",
                content(ask.request or "…"),
                (f"  [{DONE[ask.done]}]", "dim"),
            )
            for ask in entry.help
        ],
    )
    lines += section(
        "Promises made",
        [
            Content.assemble(
                (f"{kind_label(p.kind)}: ", "italic"),
                content(p.text),
                content(f" → {p.to}" if p.to else ""),
                (f"  due {p.due.isoformat()}" if p.due else "", "dim"),
                (f"  [{p.status}]", "green" if p.status == "kept" else "dim"),
                content(
                    f"  {chain(p, find)}" if p.renegotiated_from or p.renegotiated_to else "", "dim"
                ),  # fmt: skip
            )
            for p in promises
        ],
    )
    given = entry.ratings.given()
    lines += section(
        "Self-ratings",
        [
            Content.assemble(
                f"{n.replace('_', '-'):<17}", ("●" * given[n], "$accent"), f" {given[n]}"
            )
            for n in RATING_NAMES
            if n in given
        ],
    )
    if entry.self_focus:
        lines += section("Where I was self-focused", [content(entry.self_focus)])
    if entry.reflection:
        lines += section("Reflection", [content(entry.reflection)])
    for key, text in entry.notes.items():
        lines += section(key.replace("_", " ").capitalize(), [content(text)])
    lines += section("Coach comments", comment_lines(comments))
    return Content("\n").join(lines)


def day_marks(entry: Entry) -> Content | None:
    """Starred, private and the tags, on the line under the date (the star tag is the mark)."""
    parts: list[Content] = []
    if entry.starred:
        parts.append(Content.styled(f"{STAR_MARK} starred", "bold $warning"))
    if entry.private:
        parts.append(
            Content.styled(f"{PRIVATE_MARK} private: kept out of exports and shares", "bold")
        )
    tags = [t for t in entry.tags if t != STAR]
    if tags:
        parts.append(content(" ".join(f"#{t}" for t in tags), "$accent"))
    return Content(" · ").join(parts) if parts else None


def progress_marks(entry: Entry | None) -> Content:
    """The day's star, privacy and tags beside the check-in's progress, on every step."""
    if entry is None:
        return Content("")
    marks = [("★ starred", "$accent")] if entry.starred else []
    marks += [("private", "bold")] if entry.private else []
    tags = [t for t in entry.tags if t not in STAR_TAGS]
    marks += [(" ".join(f"#{clean(t)}" for t in tags), "dim")] if tags else []
    if not marks:
        return Content("")
    return Content.assemble("   ", Content("  ").join(Content.styled(t, s) for t, s in marks))
