"""The progress summary as Markdown: readable as plain text and in any Markdown viewer.

Journal text is escaped so it can never become a heading, a link, a table cell break or HTML.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from journal.model import PROMISE_KINDS
from journal.stats import SIGNAL_WORDS, pct
from journal.text import one_line
from journal.trends import SIGNALS, Direction

if TYPE_CHECKING:
    from journal.export import Selection

MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~!#])")
"""Characters that can start emphasis, code, links, HTML or table cells anywhere in a line.
Text is folded to one line first, so line-start markup (lists, headings) cannot arise."""
STAR_TAGS = {"star", "starred", "highlight"}
"""Reflections from days tagged with one of these are quoted in the summary."""
BLOCKS = "▁▂▃▄▅▆▇█"


def esc(text: str, width: int | None = None) -> str:
    return MD_SPECIAL.sub(r"\\\1", one_line(text, width))


def num(value: float | None, digits: int = 1) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def spark(values: list[float | None]) -> str:
    return "".join(
        " " if v is None else BLOCKS[round(min(max(v, 0.0), 10.0) / 10 * (len(BLOCKS) - 1))]
        for v in values
    )


def said(d: Direction) -> str:
    if d.verdict in ("steady", "not enough data"):
        return d.verdict
    return f"{'fell' if d.verdict == 'improving' else 'rose'} {abs(d.change or 0):.1f}"


def render(selection: Selection) -> bytes:
    r = selection.report
    entries = selection.entries
    lines = [
        "# Coach progress summary",
        "",
        f"{r.start:%d %B %Y} to {r.end:%d %B %Y} · {len(entries)} check-in days"
        + (f" · current streak {r.streak} days" if r.streak is not None else ""),
        "",
        f"> {esc(r.summary)}",
        "",
        "_A reflection aid, not a diagnosis: compare with your own past, not with anyone else._",
        "",
        "## Intents",
        "",
    ]
    intents = [e for e in entries if e.intent]
    serving = [e for e in intents if e.intent_for and e.intent_for.kind != "self"]
    lines.append(f"{len(serving)} of {len(intents)} intents served someone other than you.")
    lines.append("")
    for e in intents[-5:][::-1]:
        whom = f" (for {esc(e.intent_for.label())})" if e.intent_for else ""
        lines.append(f"- {e.date.isoformat()}: {esc(e.intent, 120)}{whom}")
    asks = [(e.date, h) for e in entries for h in e.help if h.asked]
    done = sum(h.done is True for _, h in asks)
    known = sum(h.done is not None for _, h in asks)
    people = {h.person.casefold() for _, h in asks}
    lines += [
        "",
        "## Help given",
        "",
        f'You asked "how can I help?" {len(asks)} times, of {len(people)} people; '
        f"you did what they asked {done} times of the {known} with a known outcome.",
        "",
    ]
    if asks:
        lines += ["| Day | Person | What they asked for | Done |", "|---|---|---|---|"]
        for day, h in asks[-10:][::-1]:
            state = {True: "yes", False: "no", None: "–"}[h.done]
            lines.append(
                f"| {day.isoformat()} | {esc(h.person, 40)} | {esc(h.request, 80) or '–'} "
                f"| {state} |"
            )
    lines += promise_lines(selection)
    lines += orientation_lines(selection)
    lines += trust_lines(selection)
    starred = [e for e in entries if e.reflection and STAR_TAGS & set(e.tags)]
    if starred:
        lines += ["", "## Chosen reflections", ""]
        for e in starred[-10:]:
            lines += [f"**{e.date.isoformat()}**", "", f"> {esc(e.reflection)}", ""]
    return ("\n".join(lines).rstrip() + "\n").encode()


def promise_lines(selection: Selection) -> list[str]:
    lines = ["", "## Promises", ""]
    lines += [
        "| Kind | Made | Kept | Broken | Renegotiated | Released | Open | Keep-rate |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for kind in PROMISE_KINDS:
        mine = [p for p in selection.promises if p.kind == kind]
        count = {s: sum(p.status == s for p in mine) for s in ("kept", "broken")}
        decided = count["kept"] + count["broken"]
        rate = pct(count["kept"] / decided) if decided else "–"
        lines.append(
            f"| {kind.replace('_', ' ')} | {len(mine)} | {count['kept']} | {count['broken']} "
            f"| {sum(p.status == 'renegotiated' for p in mine)} "
            f"| {sum(p.status == 'released' for p in mine)} "
            f"| {sum(p.status == 'open' for p in mine)} | {rate} |"
        )
    r = selection.report
    kept90 = r.reliability[90]
    lines += [
        "",
        "Last 90 days: "
        + ", ".join(f"{k.replace('_', ' ')}s {pct(kept90[k].keep_rate)}" for k in PROMISE_KINDS)
        + ".",
        f"Open commitments: {len(r.open_commitments)}; overdue: {len(r.overdue_commitments)}.",
    ]
    for p in r.overdue_commitments[:10]:
        due = p.due.isoformat() if p.due else ""
        lines.append(f"- due {due}: {esc(p.text, 100)}")
    return lines


def orientation_lines(selection: Selection) -> list[str]:
    r = selection.report
    rows = r.rows
    lines = [
        "",
        "## Self-orientation",
        "",
        "0–10, lower means more attention on others. Three signals, then the combined index.",
        "",
        "| Signal | Over the range | Last 4 weeks | Last 12 weeks | By " + r.period + " |",
        "|---|---|---|---|---|",
    ]
    overall = r.overall.signals
    labels = {"index": "combined index", **SIGNAL_WORDS}
    for name in ("index", *SIGNALS):
        values = [
            s.signals.index if name == "index" else s.signals.scores().get(name) for s in rows
        ]
        whole = overall.index if name == "index" else overall.scores().get(name)
        lines.append(
            f"| {labels[name]} | {num(whole)} | {said(r.directions[4][name])} "
            f"| {said(r.directions[12][name])} | `{spark(values[-60:])}` |"
        )
    parts = overall.contributions()
    if parts:
        taken = " + ".join(f"{labels[k]} {v:.1f}" for k, v in parts.items())
        lines += ["", f"Index {sum(parts.values()):.1f} = {taken}."]
    w = overall.words
    lines.append(
        f"In your own words: {num(w.i_rate)} I-words and {num(w.other_rate)} "
        f"you/we/they-words per 100 ({w.words} words)."
    )
    return lines


def trust_lines(selection: Selection) -> list[str]:
    t = selection.report.overall.trust
    lines = [
        "",
        "## Trust",
        "",
        "| Part | Your mean rating |",
        "|---|---|",
        f"| credibility | {num(t.credibility)} |",
        f"| reliability | {num(t.reliability)} |",
        f"| intimacy | {num(t.intimacy)} |",
        f"| character | {num(t.character)} |",
        f"| self-orientation (divides) | {num(t.self_orientation)} |",
        "",
        f"Trust quotient (C+R+I)/S: {num(t.classic, 2)}; with character (C+R+I+Ch)/S: "
        f"{num(t.extended, 2)}; spread between parts: {num(t.spread)}.",
    ]
    if t.note:
        lines.append(t.note + ".")
    return lines
