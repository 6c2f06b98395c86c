"""The progress summary as a PDF for printing or sending: fpdf2, with the charts drawn as
vector bars.

The DejaVu Sans fonts ship with Coach (journal/export/fonts, free licence beside them) because
PDF's built-in fonts stop at Latin-1, and a journal holds whatever names and words a person
writes. They are cut down to Latin, Greek, Cyrillic and common symbols (a third of the size,
and faster to load); a character outside them is drawn as □ and the summary says so, rather
than vanishing. fpdf2 embeds only the glyphs used, so the file stays small. Text is written as
text, never parsed as markup.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from journal.export.deferred import FPDF_UNUSED, defer

defer(FPDF_UNUSED)  # before fpdf2 loads what it never uses here (journal/export/deferred.py)

from fpdf import FPDF  # noqa: E402
from fpdf.fonts import FontFace, TTFFont  # noqa: E402

from journal.report.document import Chart, Document, Section, Table  # noqa: E402
from journal.report.summary import build  # noqa: E402

if TYPE_CHECKING:
    from journal.report.selection import Selection

MISSING = "□"


class SummaryPDF(FPDF):
    """An A4 page that remembers which characters its font could not draw."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.missing: set[str] = set()
        self.last_in_progress = False
        """Each chart's last period has not ended: its bar is drawn lighter."""


FONTS = Path(__file__).parent / "fonts"
FONT = "DejaVu"
INK = (31, 42, 48)
MUTED = (93, 107, 115)
RULE = (217, 224, 227)
BAR = (61, 122, 138)
BAR_SO_FAR = (156, 195, 204)
ACCENT = (180, 101, 74)
LINE = 5.0
"""Line height in mm for body text at 10 pt."""
CHART_H = 24.0
CHART_GAP = 8.0
AXIS_W = 7.0
"""Room left of each chart for its y-axis labels ("100%" at 6.5 pt)."""


def render(selection: Selection) -> bytes:
    summary = build(selection)
    pdf = new_document(summary)
    pdf.last_in_progress = summary.last_in_progress
    header(pdf, summary)
    for section in summary.sections:
        write_section(pdf, section)
    if pdf.missing:
        pdf.ln(4)
        text(
            pdf,
            f"{len(pdf.missing)} kinds of character in your journal are not in this PDF's "
            f"font and show as {MISSING}; the HTML summary shows every character.",
            size=9,
            color=MUTED,
        )
    return bytes(pdf.output())


def drawable(pdf: SummaryPDF, body: str) -> str:
    """``body`` with every character the font lacks replaced by □ (and remembered). A line
    break is no glyph but multi_cell starts a new line at it, so a reflection's lines stay
    lines; a tab becomes spaces."""
    font = pdf.fonts[FONT.lower()]
    known = font.cmap if isinstance(font, TTFFont) else {}
    body = body.expandtabs(4)
    if all(ord(c) in known or c == "\n" for c in body):
        return body
    pdf.missing.update(c for c in body if ord(c) not in known and c != "\n")
    return "".join(c if ord(c) in known or c == "\n" else MISSING for c in body)


def new_document(summary: Document) -> SummaryPDF:
    pdf = SummaryPDF(format="A4", unit="mm")
    pdf.set_margins(18, 16, 18)
    pdf.set_auto_page_break(True, margin=16)
    pdf.add_font(FONT, "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font(FONT, "B", str(FONTS / "DejaVuSans-Bold.ttf"))
    pdf.set_title(f"{summary.title}, {summary.start.isoformat()} to {summary.end.isoformat()}")
    pdf.set_creator("Coach")
    pdf.set_lang("en")
    pdf.alias_nb_pages()
    pdf.add_page()
    return pdf


def header(pdf: SummaryPDF, summary: Document) -> None:
    text(pdf, summary.title, size=18, bold=True, height=9)
    text(pdf, summary.span, color=MUTED)
    if summary.left_out:
        pdf.ln(1)
        text(pdf, summary.left_out, bold=True)
    pdf.ln(3)
    top = pdf.get_y()
    pdf.set_x(pdf.l_margin + 4)
    text(pdf, summary.sentence, size=12, height=6, indent=4)
    pdf.set_draw_color(*ACCENT)
    pdf.set_line_width(1.0)
    pdf.line(pdf.l_margin + 0.5, top, pdf.l_margin + 0.5, pdf.get_y())
    pdf.ln(2)
    text(pdf, summary.caveat, size=9, color=MUTED)


def text(
    pdf: SummaryPDF,
    body: str,
    *,
    size: float = 10,
    bold: bool = False,
    color: tuple[int, int, int] = INK,
    height: float = LINE,
    indent: float = 0,
) -> None:
    pdf.set_font(FONT, "B" if bold else "", size)
    pdf.set_text_color(*color)
    pdf.set_x(pdf.l_margin + indent)
    pdf.multi_cell(
        pdf.epw - indent, height, drawable(pdf, body), align="L", new_x="LMARGIN", new_y="NEXT"
    )


def write_section(pdf: SummaryPDF, section: Section) -> None:
    if pdf.get_y() > pdf.page_break_trigger - 30:  # never strand a heading at a page's foot
        pdf.add_page()
    pdf.ln(5)
    text(pdf, section.title, size=13, bold=True, height=7)
    pdf.set_draw_color(*RULE)
    pdf.set_line_width(0.3)
    pdf.line(pdf.l_margin, pdf.get_y(), pdf.l_margin + pdf.epw, pdf.get_y())
    pdf.ln(2)
    for line in section.lead:
        text(pdf, line, color=MUTED)
        pdf.ln(1)
    if section.table:
        table(pdf, section.table)
    for line in section.after:
        text(pdf, line)
        pdf.ln(1)
    for item in section.items:
        text(pdf, f"•  {item}", indent=2)
    if section.charts_note:
        pdf.ln(1)
        text(pdf, section.charts_note, size=9, color=MUTED)
        pdf.ln(1.5)
    for row in range(0, len(section.charts), 2):
        charts(pdf, section.charts[row : row + 2])
    for quote in section.quotes:
        if pdf.get_y() > pdf.page_break_trigger - 3 * LINE:  # a day's heading with its words
            pdf.add_page()
        pdf.ln(1)
        text(pdf, quote.heading, bold=True)
        text(pdf, quote.text, indent=5, color=MUTED)


def table(pdf: SummaryPDF, t: Table) -> None:
    pdf.set_font(FONT, "", 9)
    pdf.set_text_color(*INK)
    pdf.set_draw_color(*RULE)
    pdf.set_fill_color(255, 255, 255)  # the charts' bar colour must not become a cell fill
    pdf.set_line_width(0.2)
    align = tuple("RIGHT" if i >= t.numeric_from else "LEFT" for i in range(len(t.headers)))
    with pdf.table(
        col_widths=column_widths(t),
        text_align=align,
        borders_layout="HORIZONTAL_LINES",
        headings_style=FontFace(emphasis="BOLD"),
        line_height=5.5,
        padding=(0.8, 1.5),
    ) as grid:
        for cells in (t.headers, *t.rows):
            row = grid.row()
            for cell in cells:
                row.cell(drawable(pdf, cell))
    pdf.ln(2)


def column_widths(t: Table) -> tuple[float, ...]:
    """Shares of the page width by the longest text in each column (within limits), so a
    column of dates does not take as much room as a column of requests."""
    return tuple(
        min(max(len(h), *(len(row[i]) for row in t.rows), 4), 48) + 2
        for i, h in enumerate(t.headers)
    )


def charts(pdf: SummaryPDF, row: list[Chart]) -> None:
    """Up to two charts side by side: bars on a fixed scale, first and last period below,
    then the title and the caption."""
    width = (pdf.epw - CHART_GAP) / 2
    if pdf.get_y() + CHART_H + 22 > pdf.page_break_trigger:
        pdf.add_page()
    top = pdf.get_y() + 2
    bottom = top
    for i, chart in enumerate(row):
        left = pdf.l_margin + i * (width + CHART_GAP)
        bottom = max(bottom, draw_chart(pdf, chart, left, top, width))
    pdf.set_xy(pdf.l_margin, bottom + 2)


def draw_chart(pdf: SummaryPDF, chart: Chart, left: float, top: float, width: float) -> float:
    """The chart in a box ``width`` wide: y-axis labels, then the plot; returns its foot."""
    title_left, title_width = left, width
    pdf.set_draw_color(*RULE)
    pdf.set_line_width(0.2)
    pdf.set_font(FONT, "", 6.5)
    pdf.set_text_color(*MUTED)
    for fraction, label in chart.ticks:
        y = top + CHART_H * (1 - fraction)
        pdf.line(left + AXIS_W, y, left + width, y)
        pdf.set_xy(left, y - 1.5)
        pdf.cell(AXIS_W - 1, 3, label, align="R")
    left, width = left + AXIS_W, width - AXIS_W
    slot = width / max(len(chart.values), 1)
    gap = min(0.6, slot * 0.2)
    for i, value in enumerate(chart.values):
        if value is None:
            continue
        so_far = pdf.last_in_progress and i == len(chart.values) - 1
        pdf.set_fill_color(*(BAR_SO_FAR if so_far else BAR))
        h = max(min(value / chart.high, 1.0), 0.0) * CHART_H
        if h > 0:
            pdf.rect(left + i * slot + gap / 2, top + CHART_H - h, slot - gap, h, style="F")
    pdf.set_font(FONT, "", 7)
    pdf.set_text_color(*MUTED)
    if chart.labels:
        pdf.set_xy(left, top + CHART_H + 0.5)
        pdf.cell(width / 2, 3.5, drawable(pdf, chart.labels[0]))
        pdf.set_xy(left + width / 2, top + CHART_H + 0.5)
        pdf.cell(width / 2, 3.5, drawable(pdf, chart.labels[-1]), align="R")
    pdf.set_xy(title_left, top + CHART_H + 4.5)
    pdf.set_font(FONT, "B", 8.5)
    pdf.set_text_color(*INK)
    pdf.multi_cell(
        title_width, 4, drawable(pdf, chart.title), align="L", new_x="LEFT", new_y="NEXT"
    )
    pdf.set_font(FONT, "", 8)
    pdf.set_text_color(*MUTED)
    pdf.multi_cell(
        title_width, 4, drawable(pdf, chart.caption), align="L", new_x="LEFT", new_y="NEXT"
    )
    return pdf.get_y()
