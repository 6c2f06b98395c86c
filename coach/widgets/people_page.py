"""How the People screen says things: a person's row in words, and the rows of their page
(what you record about the relationship; what the journal shows about it)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from rich.text import Text
from textual.content import Content

from coach.render import content, one_line, rich_text
from journal.model import PROMISE_KINDS
from journal.person import LEVELS, STAGES, current_script, label
from journal.wording import count, day_label, pct

if TYPE_CHECKING:
    from journal.app.people import PersonView
    from journal.model import PromiseKind
    from journal.people.due import Due
    from journal.people.figures import PersonFigures, Versus
    from journal.people.listing import PersonRow
    from journal.person import ScriptPart

RECENT = 3
"""How many requests, intents and reviews a page lists (the newest)."""
BELOW = "↓"
"""Beside a keep-rate lower than your overall one: drawn, so it shows without colour."""
SCRIPT_LABELS: dict[ScriptPart, str] = {
    "matters": "What matters",
    "next": "Wants next",
    "bad": "A bad outcome",
    "why": "Why",
}

SCRIPT_ASKS: dict[ScriptPart, str] = {
    "matters": "What matters to them",
    "next": "What they want to happen next",
    "bad": "What a bad outcome would be",
    "why": "Why, for their organisation and for them",
}
"""The script's parts as the form asks for them."""


def words(value: str | None) -> str:
    """``trusted_advisor`` as it is said; a dash for nothing recorded."""
    return value.replace("_", " ") if value else "–"


def since(days: int | None, short: bool = False) -> str:
    """How long ago, rounded the way people say it: "3 days ago", "5 months ago"."""
    if days is None:
        return "never"
    if days <= 0:
        return "today"
    if days == 1 and not short:
        return "yesterday"
    if days <= 90:
        return f"{days}d ago" if short else f"{count(days, 'day')} ago"
    if days < 730:
        return f"{days // 30}mo ago" if short else f"{count(days // 30, 'month')} ago"
    return f"{days // 365}y ago" if short else f"{count(days // 365, 'year')} ago"


def due_words(due: Due | None, short: bool = False) -> str:
    """ "review 16 days late", "contact due today"; nothing when not due yet."""
    if due is None or not due.is_due:
        return ""
    if due.late == 0:
        return f"{due.what} due" if short else f"{due.what} due today"
    late = f"{due.late}d" if short else count(due.late, "day")
    return f"{due.what} {late} late"


def row_due(row: PersonRow, short: bool = False) -> str:
    said = (due_words(row.review_due, short), due_words(row.contact_due, short))
    return " · ".join(w for w in said if w)


def kept_words(versus: Versus, short: bool = False) -> str:
    """Their keep-rate beside yours: "64% (you 74%)", or "64% ↓" where a line above the list
    gives your overall rate."""
    if versus.person is None:
        return "–"
    if short:
        below = versus.gap is not None and versus.gap < 0
        return f"{pct(versus.person)} {BELOW}" if below else pct(versus.person)
    return f"{pct(versus.person)} (you {pct(versus.overall)})"


def row_cells(row: PersonRow, short: bool) -> dict[str, str]:
    """A row's cells, keyed by column; ``short`` for a narrow terminal."""
    return {
        "name": one_line(label(row.kind, row.name)),
        "level": words(row.level),
        "stage": words(row.stage),
        "contact": since(row.days_since, short),
        "kept": kept_words(row.keep_rates["commitment"], short),
        "due": row_due(row, short),
    }


def row_sentence(row: PersonRow) -> str:
    """The highlighted row in full words, under the list."""
    parts = [
        one_line(label(row.kind, row.name)),
        f"level {words(row.level)}",
        f"stage {words(row.stage)}",
        f"last contact {since(row.days_since)}",
    ]
    versus = row.keep_rates["commitment"]
    if versus.person is not None:
        parts.append(f"commitments kept {pct(versus.person)} (you {pct(versus.overall)} overall)")
    if due := row_due(row):
        parts.append(due)
    return " · ".join(parts)


# ----- a person's page ----------------------------------------------------------------------

Row = tuple[Text, Text]
"""A label (a word, or a date in history) and what it says; the page lays them in two columns
so a value that wraps stays in its column."""


def term(name: str) -> Text:
    return Text(name, style="bold")


def when(day: dt.date) -> Text:
    return Text(day_label(day), style="dim")


def said(*parts: str | Text, style: str = "") -> Text:
    """Our words (str) and text from the journal (Text from rich_text, never markup)."""
    return Text.assemble(*parts, style=style)


def aside(text: str) -> Row:
    return Text(""), Text(text, style="dim")


def noted(note: str) -> str | Text:
    return said(" · ", rich_text(note, "italic")) if note else ""


def history(moves: list[tuple[dt.date, str, str]], order: tuple[str, ...]) -> list[Row]:
    """Each move of a level (or stage), oldest first: dated, which way it went in words (up
    the pyramid, further down the road to loyalty, or back), its note."""
    rows: list[Row] = []
    before: str | None = None
    for on, now, note in moves:
        way = (
            ""
            if before is None
            else "up to "
            if order.index(now) > order.index(before)
            else "down to "
        )
        rows.append((when(on), said(f"{way}{words(now)}", noted(note))))
        before = now
    return rows


def evidence(view: PersonView) -> Text:
    """What the journal shows beside the level and stage: the judgement stays the person's."""
    f = view.figures
    parts = [f"last contact {since(f.days_since)}"]
    if f.asks:
        parts.append(f'asked "how can I help?" {count(f.asks, "time")}')
    versus = f.versus["commitment"]
    if versus.person is not None:
        parts.append(f"commitments kept {pct(versus.person)} (you {pct(versus.overall)})")
    parts.append(f"named on {count(len(f.days), 'day')}")
    return Text(" · ".join(parts))


def standing(view: PersonView, today: dt.date) -> dict[str, list[Row]]:
    """What the person records: the level and stage with their history and the evidence
    beside them, their script, the reviews and the reconnect cadence."""
    from journal.people.due import next_contact_due, review_due

    r = view.record
    stands = [(term("Level"), Text(words(r.level), style="bold"))]
    stands += history([(c.on, c.level, c.note) for c in r.levels], LEVELS)
    stands.append((term("Stage"), Text(words(r.stage), style="bold")))
    stands += history([(c.on, c.stage, c.note) for c in r.stages], STAGES)
    stands.append((term("Evidence"), evidence(view)))
    if r.level is None and r.stage is None:
        stands.append(aside("Coach never sets these: l records a level, g a stage."))
    lines = current_script(r)
    script = [
        (term(name), rich_text(lines[part].text) if part in lines else Text("–", style="dim"))
        for part, name in SCRIPT_LABELS.items()
    ]
    if not lines:
        script.append(aside("Listen for it before you offer answers: c writes it down."))
    reviews = [
        (
            when(rv.on),
            said(rv.decision, f", next {day_label(rv.next)}" if rv.next else "", noted(rv.note)),
        )
        for rv in r.reviews[-RECENT:]
    ]
    if not r.reviews:
        reviews.append(aside("None yet: r reviews it (grow, change or end)."))
    review = review_due(r, today)
    if review is not None:
        late = due_words(review) or f"next review {day_label(review.on)}"
        reviews.append((term("Next review"), Text(late, style="bold" if review.is_due else "")))
    contact = next_contact_due(r, view.figures, today)
    every = f"every {count(r.cadence, 'day')}" if r.cadence else "off"
    due = due_words(contact) or (f"next {day_label(contact.on)}" if contact else "")
    reviews.append((term("Reconnect"), Text(f"{every} · {due}" if due else every)))
    return {"stands": stands, "script": script, "reviews": reviews}


def keep_rate(view: PersonView) -> Text:
    """ "You keep 74% of your commitments overall, 64% to Priya": the comparison that matters."""
    versus = view.figures.versus["commitment"]
    name = rich_text(one_line(view.record.label, 40))
    if versus.overall is None:
        return Text("No commitment has an outcome yet.", style="dim")
    if versus.person is None:
        overall = f"You keep {pct(versus.overall)} of your commitments overall; none to "
        return said(overall, name, " has an outcome yet.")
    overall = f"You keep {pct(versus.overall)} of your commitments overall, "
    return said(overall, f"{pct(versus.person)} to ", name, ".")


def outcome(f: PersonFigures, kind: PromiseKind) -> Row | None:
    made = f.promises[kind]
    if not made.made:
        return None
    counts = ((made.renegotiated, "renegotiated"), (made.released, "released"), (made.open, "open"))
    parts = [f"{made.kept} kept", f"{made.broken} broken", *(f"{n} {w}" for n, w in counts if n)]
    rate = f" · kept {pct(made.keep_rate)}" if made.keep_rate is not None else ""
    return term(words(kind)), Text(f"{count(made.made, 'promise')}: {', '.join(parts)}{rate}")


def shown_by_journal(view: PersonView) -> dict[str, list[Row]]:
    """What the days show: contact, asks, promises and intents."""
    f = view.figures
    last = f"{day_label(f.last_contact)} ({since(f.days_since)})" if f.last_contact else "none yet"
    contact = [(term("Last contact"), Text(last))]
    if f.days:
        first = f"{count(len(f.days), 'day')} since {day_label(f.days[0])}"
        contact.append((term("Named on"), Text(first)))
    asks = [aside("Not yet.")]
    if f.asks:
        done = f", {f.asks_done} of {f.asks_known} noted done" if f.asks_known else ""
        asks = [(term("Asked"), Text(f"{count(f.asks, 'time')}{done}"))]
        marks = {True: " ✓ done", False: " ✗ not done", None: ""}
        for item in f.requests[-RECENT:]:
            request = rich_text(item.request) if item.request else Text("(not noted)", style="dim")
            asks.append((when(item.on), said(request, marks[item.done])))
    promises = [(term("Keep-rate"), keep_rate(view))]
    promises += [row for kind in PROMISE_KINDS if (row := outcome(f, kind)) is not None]
    intents = [aside("None yet.")]
    if f.intents:
        intents = [(term("Served"), Text(count(len(f.intents), "day")))]
        intents += [(when(i.on), rich_text(i.intent)) for i in f.intents[-RECENT:]]
    return {"contact": contact, "asks": asks, "promises": promises, "intents": intents}


def title(view: PersonView) -> Content:
    r = view.record
    kind = " (team)" if r.kind == "team" else ""
    also = ", ".join(one_line(a, 40) for a in r.aliases)
    return Content.assemble(
        content(one_line(r.label), "bold"),
        kind,
        Content.assemble(("  also ", "dim"), content(also, "dim")) if also else "",
    )
