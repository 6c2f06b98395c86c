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
Text is folded to one line first, so line-start markup (lists, headings) cannot arise."""


def esc(text: str) -> str:
    return MD_SPECIAL.sub(r"\\\1", one_line(text))


def render(selection: Selection) -> bytes:
    summary = build(selection)
    lines = [
        f"# {esc(summary.title)}",
        "",
        esc(summary.span),
        "",
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
    for chart in section.charts:
        first, last = (chart.labels[0], chart.labels[-1]) if chart.labels else ("", "")
        scaled = [None if v is None else v * 10 / chart.high for v in chart.values]
        lines += [
            "",
            f"**{esc(chart.title)}**, {esc(first)} → {esc(last)}: `{sparkline(scaled)}`  ",
            esc(chart.caption),
        ]
    for quote in section.quotes:
        lines += [f"**{esc(quote.heading)}**", "", f"> {esc(quote.text)}", ""]
    return lines
