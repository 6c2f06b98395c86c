"""The progress summary: a Document laid out once for Markdown, HTML and PDF.

Its trend sections are the ones `coach stats` and the trends screen show (sections.py); the
rest (intents, help given, promises made, chosen reflections, coach comments) belong to a
summary of a range of days.
"""

from __future__ import annotations

from dataclasses import replace

from journal.model import PROMISE_KINDS, now
from journal.parse import kind_label
from journal.person import in_force, label
from journal.report import left_out, sections
from journal.report.document import Chart, Document, Quote, Section, Table
from journal.report.progress import in_progress
from journal.report.selection import Selection
from journal.text import clean, one_line
from journal.wording import NOT_A_DIAGNOSIS, count, pct

MAX_INTENTS = 5
MAX_ASKS = 10
MAX_REFLECTIONS = 10
MAX_STARRED = 8
"""Starred days take at most this many of the reflections, so the latest ones still show."""
MAX_CHART_PERIODS = 60
"""Bars a chart can hold and stay readable on a printed page; older periods are left off."""


def build(selection: Selection) -> Document:
    r = selection.report
    days = count(len(selection.entries), "check-in day")
    span = f"{r.start:%d %B %Y} to {r.end:%d %B %Y} · {days}"
    if r.streak is not None:
        span += f" · current streak {count(r.streak, 'day')}"
    current = in_progress(r)
    under_way = current.sentence(r.period) if current else ""
    charted = (sections.promises_kept(r), sections.self_orientation(r))
    parts = [
        intents(selection),
        help_given(selection),
        promises_made(selection),
        *(trim(s, under_way) for s in charted),
        sections.trust(r),
    ]
    chosen = reflections(selection)
    if chosen.quotes:  # only a range without a single reflection has none
        parts.append(chosen)
    if selection.comments:
        parts.append(coach_comments(selection))
    if selection.relationships:
        parts.append(relationships(selection))
    return Document(
        title=one_line(selection.title),
        span=span,
        sentence=r.summary,
        caveat=NOT_A_DIAGNOSIS,
        sections=parts,
        start=r.start,
        end=r.end,
        left_out=left_out.note(selection),
        last_in_progress=current is not None,
    )


def intents(selection: Selection) -> Section:
    declared = [e for e in selection.entries if e.intent]
    serving = [e for e in declared if e.intent_for and e.intent_for.kind != "self"]
    items = []
    for e in declared[-MAX_INTENTS:][::-1]:
        whom = f" (for {one_line(e.intent_for.label())})" if e.intent_for else ""
        items.append(f"{e.date.isoformat()}: {one_line(e.intent, 120)}{whom}")
    return Section(
        "Intents",
        lead=[f"{len(serving)} of {len(declared)} intents served someone other than you."],
        items=items,
    )


def help_given(selection: Selection) -> Section:
    asks = [(e.date, h) for e in selection.entries for h in e.help if h.asked]
    done = sum(h.done is True for _, h in asks)
    known = sum(h.done is not None for _, h in asks)
    people = len({h.person.casefold() for _, h in asks})
    times = "once" if len(asks) == 1 else f"{len(asks)} times"
    lead = [
        f'You asked "how can I help?" {times}, of {people} {"person" if people == 1 else "people"}'
        f"; you did what they asked {done} of the {known} times with a known outcome.",
        asks_rate(selection),
    ]
    if not asks:
        return Section("Help given", lead=['You did not ask "how can I help?" in this range.'])
    rows = [
        (
            day.isoformat(),
            one_line(h.person, 40),
            one_line(h.request, 80) or "–",
            {True: "yes", False: "no", None: "–"}[h.done],
        )
        for day, h in asks[-MAX_ASKS:][::-1]
    ]
    table = Table(("Day", "Person", "What they asked for", "Done"), rows, numeric_from=4)
    return Section("Help given", lead=lead, table=table)


def asks_rate(selection: Selection) -> str:
    """Asks per week feeds "what you did", and a rate depends on the days it is taken over:
    a one-day summary and `coach stats` over twelve weeks give different rates for the same
    habit. Saying which days it covers lets the two be squared."""
    days = (selection.end - selection.start).days + 1
    rate = selection.report.overall.signals.asks_per_week
    over = "this one day" if days == 1 else f"these {count(days, 'day')}"
    return (
        f"That is {rate:.1f} asks a week over {over}; the app's trends count the last 12 "
        "weeks, so theirs can differ."
    )


def promises_made(selection: Selection) -> Section:
    rows = []
    for kind in PROMISE_KINDS:
        mine = [p for p in selection.promises if p.kind == kind]
        outcomes = {s: sum(p.status == s for p in mine) for s in PROMISE_STATES}
        decided = outcomes["kept"] + outcomes["broken"]
        rate = pct(outcomes["kept"] / decided) if decided else "–"
        rows.append(
            (kind_label(kind), str(len(mine)), *(str(outcomes[s]) for s in PROMISE_STATES), rate)
        )
    headers = ("Kind", "Made", *(s.capitalize() for s in PROMISE_STATES), "Keep-rate")
    return Section(
        "Promises made",
        lead=["The promises made in this range, by kind, and how each has ended so far."],
        table=Table(headers, rows),
        key="made",
    )


PROMISE_STATES = ("kept", "broken", "renegotiated", "released", "open")


def reflections(selection: Selection) -> Section:
    """The days you starred first (the latest of them), then your latest reflections, newest
    first in each: a journal nobody stars still shows what its person wrote. Private days are
    never in the selection, so never here."""
    written = [e for e in selection.entries if own_words(e.reflection)]
    starred = [e for e in written if e.starred][-MAX_STARRED:][::-1]
    room = MAX_REFLECTIONS - len(starred)
    latest = [e for e in written if not e.starred][-room:][::-1] if room else []
    quotes = [Quote(f"{e.date:%A %d %B %Y}, starred", own_words(e.reflection)) for e in starred] + [
        Quote(f"{e.date:%A %d %B %Y}", own_words(e.reflection)) for e in latest
    ]
    if starred and latest:
        lead = "The days you starred, then your latest reflections."
    elif starred:
        lead = "The reflections of the days you starred."
    else:
        lead = "Your latest reflections; days you star come first."
    return Section("Reflections", lead=[lead], quotes=quotes, key="reflections")


def coach_comments(selection: Selection) -> Section:
    quotes = [
        Quote(
            (f"Week of {c.date:%d %B %Y}" if c.on == "week" else f"{c.date:%A %d %B %Y}")
            + f", {one_line(c.author, 60)}",
            own_words(c.text),
        )
        for c in selection.comments
    ]
    return Section("Coach comments", quotes=quotes)


def own_words(text: str) -> str:
    """A reflection or a comment as it was written, line breaks and all (a three-line
    reflection is read as three lines): only control characters go, as everywhere text is
    shown. Each renderer lays the lines out and escapes them for its medium."""
    return clean(text).strip()


def trim(section: Section, under_way: str = "") -> Section:
    """The latest periods only: a chart of 500 weekly bars is a grey smear on a page. A
    period still under way is said beside the charts that draw it."""
    n = MAX_CHART_PERIODS
    charts = [
        c
        if len(c.values) <= n
        else Chart(
            f"{c.title} (latest {n})", c.values[-n:], c.labels[-n:], c.high, c.caption, c.key
        )
        for c in section.charts
    ]
    return replace(section, charts=charts, charts_note=under_way if charts else "")


MAX_PEOPLE = 12


def relationships(selection: Selection) -> Section:
    """How each relationship stands over the period: the people named on the most days, with
    the level and stage the person recorded beside what the days show. Private days are left
    out, as everywhere in a summary, so a name used only on them does not appear."""
    from journal.people.directory import auto_records
    from journal.people.figures import ledger
    from journal.people.listing import people_list

    records = [
        *selection.people,
        *auto_records(selection.entries, selection.promises, selection.people, at=now()),
    ]
    sums = ledger(
        records,
        selection.entries,
        selection.promises,
        selection.end,
        include_private=selection.include_private,
    )
    busiest = sorted(
        (r for r in people_list(records, sums) if r.last_contact is not None),
        key=lambda r: -len(sums.people[r.id].days),
    )[:MAX_PEOPLE]
    overall = sums.overall["commitment"].keep_rate
    rows = []
    by_id = {record.id: record for record in records}
    for r in busiest:
        mine = r.keep_rates["commitment"].person
        level = in_force(by_id[r.id].levels, selection.end)  # as it stood at the period's end
        stage = in_force(by_id[r.id].stages, selection.end)
        rows.append(
            (
                one_line(label(r.kind, r.name), 40),
                words(level.level if level else None),
                words(stage.stage if stage else None),
                f"{r.last_contact:%d %b %Y}" if r.last_contact else "",
                str(r.asks),
                pct(mine) if mine is not None else "-",
            )
        )
    lead = [
        "The people you named on the most days, with the level and stage you had recorded "
        "by the end of the period, and "
        f"the commitments you kept to each (you kept {pct(overall)} of all of them)."
        if overall is not None
        else "The people you named on the most days, with the level and stage you recorded."
    ]
    table = Table(
        ("Person", "Level", "Stage", "Last contact", "Asks", "Commitments kept"),
        rows,
        numeric_from=4,
    )
    return Section("Relationships", lead=lead, table=table if rows else None, key="people")


def words(value: str | None) -> str:
    return value.replace("_", " ") if value else "-"
