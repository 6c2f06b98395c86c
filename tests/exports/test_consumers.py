"""Each summary format opened in the program that really reads it: the figures match
`coach stats` for the same range, journal text stays text, and private days stay out."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from tests.cli.helpers import Cli
from tests.conftest import DAY
from tests.exports.conftest import CANARY, HOSTILE_SHOWN, STARRED_LINES
from tests.exports.consumers import (
    chromium,
    console_errors,
    dom_text,
    markdown_quotes,
    pdf_lines,
    pdf_page_png,
    pdf_text,
    printed,
)

RANGE = ("--from", "2026-01-01", "--to", DAY.isoformat(), "--period", "month")
BAR = (61, 122, 138)
"""The chart bars' colour in both the HTML and the PDF."""


def export(cli: Cli, fmt: str, folder: Path) -> Path:
    target = folder / f"summary.{fmt}"
    cli.run("--home", str(cli.home), "export", "--format", fmt, *RANGE, "-o", str(target))
    return target


def stats(cli: Cli) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        cli.run("--home", str(cli.home), "stats", "--json", *RANGE).stdout
    )
    return data


def said(d: dict[str, Any]) -> str:
    """A direction as every report words it: better or worse for you, and by how much
    (self-orientation is better lower)."""
    if d["verdict"] in ("steady", "not enough data"):
        return str(d["verdict"])
    return f"{'improved' if d['verdict'] == 'improving' else 'worsened'} {abs(d['change']):.1f}"


def open_commitments(figures: dict[str, Any]) -> str:
    """The line under the promises-kept table: "Open commitments: 3, 1 overdue." """
    overdue = len(figures["overdue_commitments"])
    more = f", {overdue} overdue" if overdue else ""
    return f"Open commitments: {figures['open_commitments']}{more}."


def kept_cell(rec: dict[str, Any]) -> str:
    """A promises-kept table cell, e.g. "85% (17 of 20, 2 renegotiated)". The cell, not its
    row: pdftotext may read a row's label apart from its cells."""
    rate = "–" if rec["keep_rate"] is None else f"{round(100 * rec['keep_rate'])}%"
    extra = f", {rec['renegotiated']} renegotiated" if rec["renegotiated"] else ""
    return f"{rate} ({rec['kept']} of {rec['kept'] + rec['broken']}{extra})"


def read_as_people_do(fmt: str, path: Path, tmp_path: Path) -> str:
    """The text a reader gets: Chromium's DOM for HTML, pdftotext for PDF, the Markdown with
    its escapes and table pipes taken away."""
    if fmt == "html":
        text, _ = dom_text(chromium(path, tmp_path / "profile", "--dump-dom").stdout)
        return text
    if fmt == "pdf":
        return pdf_text(path)
    plain = re.sub(r"\\(.)", r"\1", path.read_text()).replace("|", " ")
    return " ".join(plain.split())


@pytest.mark.parametrize("fmt", ["md", "html", "pdf"])
def test_every_summary_shows_the_figures_coach_stats_shows(
    plain_cli: Cli, tmp_path: Path, fmt: str
) -> None:
    text = read_as_people_do(fmt, export(plain_cli, fmt, tmp_path), tmp_path)
    figures = stats(plain_cli)
    overall = figures["overall"]
    index = overall["self_orientation"]["index"]
    weeks = figures["direction"]
    expected = [
        " ".join(figures["summary"].split()),
        f"combined index {index:.1f} {said(weeks['4w']['index'])} {said(weeks['12w']['index'])}",
        f"Trust quotient (C+R+I)/S: {overall['trust']['classic']:.2f}",
        open_commitments(figures),
        f"current streak {figures['streak']} days",
        *(kept_cell(rec) for rec in figures["reliability"]["90d"].values()),
    ]
    if fmt != "pdf":  # where a table row reads as one line, each kind's row reads whole
        kept = figures["reliability"]
        expected += [
            f"{kind.replace('_', ' ')}s {kept_cell(kept['30d'][kind])} {kept_cell(rec)}"
            for kind, rec in kept["90d"].items()
        ]
    for name in ("rating", "language", "behaviour"):
        score = overall["self_orientation"]["scores"][name]
        label = {"rating": "your rating", "language": "your words", "behaviour": "what you did"}
        expected.append(f"{label[name]} {score:.1f} {said(weeks['4w'][name])}")
    missing = [e for e in expected if e not in text]
    assert not missing, f"{fmt} lacks {missing}"
    assert all(line in text for line in STARRED_LINES)  # the starred reflection is quoted
    assert "private day" not in text  # nothing was left out, so nothing is said


@pytest.mark.parametrize("fmt", ["md", "html", "pdf"])
def test_every_summary_says_how_many_private_days_it_left_out(
    private_cli: Cli, tmp_path: Path, fmt: str
) -> None:
    """The one private day planted in the range is counted, in the words the reader gets."""
    text = read_as_people_do(fmt, export(private_cli, fmt, tmp_path), tmp_path)
    assert "1 private day is not included." in text
    assert "more that the trends look back on" not in text


def axis_runs(lines: list[str], ticks: tuple[str, ...]) -> int:
    """How many times ``ticks`` read top to bottom as lines of their own, close together: a
    chart's y-axis as pdftotext reads it (two charts side by side interleave their labels)."""
    runs = 0
    for i, line in enumerate(lines):
        if line == ticks[0]:
            rest = iter(lines[i + 1 : i + 14])
            runs += all(any(later == tick for later in rest) for tick in ticks[1:])
    return runs


@pytest.mark.parametrize("fmt", ["html", "pdf"])
def test_chart_axes_are_labelled_on_their_fixed_scales(
    plain_cli: Cli, tmp_path: Path, fmt: str
) -> None:
    """A bar's height reads as a figure: 0, 5 and 10 beside the self-orientation charts, 0%,
    50% and 100% beside the promises kept."""
    path = export(plain_cli, fmt, tmp_path)
    if fmt == "html":
        dom = chromium(path, tmp_path / "profile", "--dump-dom").stdout
        axes = re.findall(r'<text class="axis"[^>]*>([^<]*)</text>', dom)
        charts = 6  # four self-orientation signals, two kinds of promise kept
        assert sorted(axes) == sorted(["100%", "50%", "0%"] * 2 + ["10", "5", "0"] * 4)
        assert len(axes) == 3 * charts
    else:
        lines = pdf_lines(path)
        assert axis_runs(lines, ("100%", "50%", "0%")) >= 2, lines
        assert axis_runs(lines, ("10", "5", "0")) >= 4, lines


def lines_read(fmt: str, path: Path, tmp_path: Path) -> list[list[str]]:
    """Runs of lines as a reader gets them: each blockquote of the Markdown as a viewer renders
    it, the HTML as Chromium lays it out for print, the PDF as pdftotext reads it."""
    if fmt == "md":
        return markdown_quotes(path.read_text())
    if fmt == "html":
        path = printed(path, tmp_path / "profile", tmp_path / "printed.pdf")
    return [pdf_lines(path)]


def in_a_row(lines: list[str], run: tuple[str, ...]) -> bool:
    """``run`` appears as consecutive whole lines, none joined to another or broken apart."""
    return any(tuple(lines[i : i + len(run)]) == run for i in range(len(lines)))


@pytest.mark.parametrize("fmt", ["md", "html", "pdf"])
def test_a_starred_reflection_is_quoted_line_for_line(
    plain_cli: Cli, tmp_path: Path, fmt: str
) -> None:
    """A reflection written one thought a line is read that way in every summary: folded into
    one line it becomes a run-on sentence, and lines starting "- " or "1. " must stay text
    rather than turn into a Markdown list."""
    runs = lines_read(fmt, export(plain_cli, fmt, tmp_path), tmp_path)
    assert any(in_a_row(lines, STARRED_LINES) for lines in runs), runs


@pytest.mark.parametrize("fmt", ["md", "html", "pdf"])
def test_journal_text_is_shown_as_typed_and_private_days_stay_out(
    private_cli: Cli, tmp_path: Path, fmt: str
) -> None:
    path = export(private_cli, fmt, tmp_path)
    text = read_as_people_do(fmt, path, tmp_path)
    assert HOSTILE_SHOWN in text
    assert "\x1b" not in text and "\u202e" not in text
    assert CANARY not in text
    assert CANARY.encode() not in path.read_bytes()


def test_html_builds_no_element_from_journal_text_and_logs_nothing(
    private_cli: Cli, tmp_path: Path
) -> None:
    page = export(private_cli, "html", tmp_path)
    run = chromium(page, tmp_path / "profile", "--dump-dom")
    _, tags = dom_text(run.stdout)
    assert "script" not in tags and "img" not in tags and "a" not in tags
    assert tags.count("b") == tags.count("figure")  # chart titles only: the <b> typed stayed text
    assert not console_errors(run.stderr), console_errors(run.stderr)


def test_html_renders_to_a_screenshot_with_its_charts(private_cli: Cli, tmp_path: Path) -> None:
    page = export(private_cli, "html", tmp_path)
    shot = tmp_path / "page.png"
    run = chromium(page, tmp_path / "profile", "--window-size=900,3000", f"--screenshot={shot}")
    assert not console_errors(run.stderr), console_errors(run.stderr)
    image = Image.open(shot).convert("RGB")
    assert image.size == (900, 3000)
    colours = image.getcolors(maxcolors=1 << 20) or []
    bar_pixels = sum(n for n, rgb in colours if rgb == BAR)
    assert bar_pixels > 5_000, "no chart bars drawn"
    assert len(colours) > 50, "a blank or flat page"


def test_pdf_pages_render_with_text_and_charts(private_cli: Cli, tmp_path: Path) -> None:
    pdf = export(private_cli, "pdf", tmp_path)
    assert pdf.read_bytes().startswith(b"%PDF-")
    first = Image.open(pdf_page_png(pdf, 1, tmp_path / "p1")).convert("RGB")
    assert first.size[0] < first.size[1]  # portrait A4
    ink = sum(n for n, rgb in first.getcolors(maxcolors=1 << 20) or [] if max(rgb) < 100)
    assert ink > 1_000, "page 1 has no text on it"
    pages = [Image.open(pdf_page_png(pdf, n, tmp_path / f"p{n}")).convert("RGB") for n in (2, 3)]
    bars = [
        sum(n for n, rgb in page.getcolors(maxcolors=1 << 20) or [] if near(rgb, BAR))
        for page in pages
    ]
    assert max(bars) > 500, "no chart bars on pages 2-3"


def near(rgb: tuple[int, int, int], target: tuple[int, int, int]) -> bool:
    return all(abs(a - b) <= 6 for a, b in zip(rgb, target, strict=True))


def test_pdf_marks_characters_its_font_lacks_instead_of_dropping_them(
    isolated_home: Path, tmp_path: Path
) -> None:
    cli = Cli(isolated_home)
    cli.run("checkin", "--intent", "Thank 佐藤 for the fix 🎉, and Zoë, Ελένη, Юлия")
    pdf = tmp_path / "s.pdf"
    result = cli.run("export", "--format", "pdf", "-o", str(pdf))
    assert "missing" not in result.output  # fpdf2's own warning stays out of the terminal
    text = pdf_text(pdf)
    assert "Thank □□ for the fix □, and Zoë, Ελένη, Юлия" in text
    assert "3 kinds of character in your journal are not in this PDF's font" in text
