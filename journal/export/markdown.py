"""The progress summary as Markdown: readable as plain text and in any Markdown viewer.

Journal text is escaped so it can never become a heading, a link, a table cell break or HTML;
charts become Unicode sparklines.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from journal.report.document import Section
from journal.report.summary import build
from journal.text import one_line
from journal.wording import sparkline

if TYPE_CHECKING:
    from journal.report.selection import Selection

MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~!#])")
"""Characters that can start emphasis, code, links, HTML or table cells anywhere in a line.
esc folds text to one line first, so line-start markup (lists, headings) cannot arise there;
a quote that keeps its lines escapes that markup line by line (esc_line)."""
LINE_MARK = re.compile(r"^([-+=])")
NUMBERED = re.compile(r"^(\d+)([.)])")
"""What else can open a block at the start of a line: a list item, a numbered item, a
heading's underline, a rule."""
HARD_BREAK = "  "
"""Two spaces at a line's end: a line break inside a paragraph in every Markdown viewer."""


def esc(text: str) -> str:
    return MD_SPECIAL.sub(r"\\\1", one_line(text))


def esc_line(text: str) -> str:
    """One line of a multi-line text, escaped so it cannot open a block either: "- asked
    first" stays a line of the quote, not a list."""
    return NUMBERED.sub(r"\1\\\2", LINE_MARK.sub(r"\\\1", esc(text)))


def quote_lines(text: str) -> list[str]:
    """A blockquote that reads as it was written: each line of the text a line of the quote
    (a hard break ends all but a paragraph's last), blank lines a new paragraph."""
    paragraphs: list[list[str]] = [[]]
    for line in map(esc_line, text.split("\n")):
        if line:
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    out: list[str] = []
    for lines in filter(None, paragraphs):
        if out:
            out.append(">")
        out += [f"> {line}{HARD_BREAK}" for line in lines[:-1]] + [f"> {lines[-1]}"]
    return out or [">"]


def render(selection: Selection) -> bytes:
    summary = build(selection)
    lines = [
        f"# {esc(summary.title)}",
        "",
        esc(summary.span),
        "",
        *([f"**{esc(summary.left_out)}**", ""] if summary.left_out else []),
        f"> {esc(summary.sentence)}",
        "",
        f"_{esc(summary.caveat)}_",
    ]
    for section in summary.sections:
        lines += section_lines(section)
    return ("\n".join(lines).rstrip() + "\n").encode()


def section_lines(section: Section) -> list[str]:
    lines = ["", f"## {esc(section.title)}", ""]
    lines += [line for text in section.lead for line in (esc(text), "")]
    if section.table:
        t = section.table
        lines.append("| " + " | ".join(esc(h) for h in t.headers) + " |")
        lines.append(
            "|"
            + "|".join("---" if i < t.numeric_from else "--:" for i in range(len(t.headers)))
            + "|"
        )
        lines += ["| " + " | ".join(esc(cell) for cell in row) + " |" for row in t.rows]
        lines.append("")
    lines += [line for text in section.after for line in (esc(text), "")]
    lines += [f"- {esc(item)}" for item in section.items]
    if section.charts_note:
        lines += ["", esc(section.charts_note)]
    for chart in section.charts:
        first, last = (chart.labels[0], chart.labels[-1]) if chart.labels else ("", "")
        scaled = [None if v is None else v * 10 / chart.high for v in chart.values]
        lines += [
            "",
            f"**{esc(chart.title)}** ({chart.scale}), {esc(first)} → {esc(last)}: "
            f"`{sparkline(scaled)}`  ",
            esc(chart.caption),
        ]
    for quote in section.quotes:
        lines += [f"**{esc(quote.heading)}**", "", *quote_lines(quote.text), ""]
    return lines
