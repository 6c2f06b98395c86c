"""`coach stats` for people: Rich tables and sparklines drawn from one stats Report."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coach.render import one_line, rich_text
from journal.model import PROMISE_KINDS
from journal.parse import kind_label
from journal.stats import Report
from journal.trends import SIGNALS
from journal.wording import (
    NOT_A_DIAGNOSIS,
    SIGNAL_LABELS,
    contributions_text,
    direction_text,
    fmt,
    pct,
    sparkline,
)

if TYPE_CHECKING:
    from rich.console import Console


def print_report(console: Console, report: Report) -> None:
    from rich.table import Table

    console.print(
        rich_text(
            f"Trends {report.start.isoformat()} to {report.end.isoformat()}, by {report.period}",
            "bold",
        )
    )
    console.print(rich_text(report.summary))
    console.print()

    rows = [r.signals for r in report.rows]
    so = Table(
        title="Self-orientation (0–10, lower means more attention on others)",
        title_justify="left",
    )
    for column in ("signal", "over the range", "last 4 weeks", "last 12 weeks"):
        so.add_column(column, no_wrap=True)
    lines = []
    room = max(10, console.width - 18)
    for name in ("index", *SIGNALS):
        values = [s.index if name == "index" else s.scores().get(name) for s in rows]
        overall = report.overall.signals
        whole = overall.index if name == "index" else overall.scores().get(name)
        so.add_row(
            SIGNAL_LABELS[name],
            fmt(whole),
            direction_text(report.directions[4][name]),
            direction_text(report.directions[12][name]),
        )
        lines.append(f"  {SIGNAL_LABELS[name]:<15} {sparkline(values[-room:])}")
    console.print(so)
    console.print(rich_text(f"Over the range: {contributions_text(report.overall.signals)}."))
    console.print(rich_text(f"By {report.period}, oldest to newest (higher = more self-focused):"))
    for line in lines:
        console.print(rich_text(line))
    words = report.overall.signals.words
    console.print(
        rich_text(
            f"In your own words: {fmt(words.i_rate)} I-words and {fmt(words.other_rate)} "
            f"you/we/they-words per 100 ({words.words} words).",
            "dim",
        )
    )
    console.print()

    rel = Table(title="Promises kept (kept of kept + broken)", title_justify="left")
    rel.add_column("kind")
    for days in report.reliability:
        rel.add_column(f"last {days} days")
    for kind in PROMISE_KINDS:
        cells = []
        for record in report.reliability.values():
            r = record[kind]
            extra = f", {r.renegotiated} renegotiated" if r.renegotiated else ""
            cells.append(f"{pct(r.keep_rate)} ({r.kept} of {r.kept + r.broken}{extra})")
        rel.add_row(kind_label(kind) + "s", *cells)
    rel.add_row(
        "self-rated vs kept",
        *("–" if gap is None else f"{gap:+.0f} points" for gap in report.calibration.values()),
    )
    console.print(rel)
    overdue = len(report.overdue_commitments)
    console.print(
        rich_text(
            f"Open commitments: {len(report.open_commitments)}"
            + (f", {overdue} overdue" if overdue else ""),
        )
    )
    for p in report.overdue_commitments[:5]:
        due = p.due.isoformat() if p.due else ""
        console.print(rich_text(f"  due {due}: {one_line(p.text, 60)}", "red"))
    console.print()

    t = report.overall.trust
    tq = Table(title="Trust over the range (your mean ratings, 0–10)", title_justify="left")
    tq.add_column("part")
    tq.add_column("value", justify="right")
    for label, value, digits in (
        ("credibility", t.credibility, 1),
        ("reliability", t.reliability, 1),
        ("intimacy", t.intimacy, 1),
        ("character", t.character, 1),
        ("self-orientation (divides)", t.self_orientation, 1),
        ("trust quotient (C+R+I)/S", t.classic, 2),
        ("with character (C+R+I+Ch)/S", t.extended, 2),
        ("spread, highest − lowest part", t.spread, 1),
    ):
        tq.add_row(label, fmt(value, digits))
    console.print(tq)
    for text, style in notes(report):
        console.print(rich_text(text, style))
    console.print(rich_text(NOT_A_DIAGNOSIS, "italic dim"))


def notes(report: Report) -> list[tuple[str, str]]:
    """The lines under the trust figures, with their style: the quotient's note, the streak
    (when shown) and the entries of a month and a year ago."""
    lines = []
    if report.overall.trust.note:
        lines.append((report.overall.trust.note, "dim"))
    if report.streak is not None:
        lines.append((f"Check-in streak: {report.streak} days", ""))
    for memory in report.on_this_day:
        intent = one_line(memory.entry.intent, 70)
        lines.append((f"On this day, {memory.label}: {intent}", "dim"))
    return lines
