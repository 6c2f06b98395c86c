"""The real programs that read our exports: headless Chromium for HTML, poppler for PDF, and
for Markdown the CommonMark parser Rich itself uses.

On a developer's machine without them, these tests skip and say what to install; CI
(`.ci/run`) installs them and sets COACH_REQUIRE_CONSUMERS=1, so there a missing consumer fails
instead of quietly skipping.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--enable-logging=stderr",
    "--v=0",
)
"""Without the networking flags Chromium keeps calling home, which this sandbox refuses."""


def program(*names: str, package: str) -> str:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    message = f"{names[0]} not found: install the Debian package {package} (see .ci/run)"
    if os.environ.get("COACH_REQUIRE_CONSUMERS"):
        pytest.fail(message)
    pytest.skip(message)


def chromium(page: Path, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    exe = program("chromium", "chromium-browser", "google-chrome", package="chromium")
    return subprocess.run(
        [exe, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args, page.as_uri()],
        capture_output=True,
        text=True,
        timeout=90,
        check=True,
    )


def console_errors(stderr: str) -> list[str]:
    """What the page itself logged (scripts, CSP refusals), not Chromium's own chatter."""
    return [line for line in stderr.splitlines() if "CONSOLE" in line or "Refused" in line]


class _Text(HTMLParser):
    """The text a reader sees, and the element names the browser actually built."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.tags: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag in ("style", "title", "head"):
            self._hidden += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "title", "head"):
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def dom_text(dom: str) -> tuple[str, list[str]]:
    """Visible text with whitespace folded, and every element name in document order."""
    parser = _Text()
    parser.feed(dom)
    return " ".join(" ".join(parser.parts).split()), parser.tags


def printed(page: Path, profile: Path, out: Path) -> Path:
    """The page as Chromium lays it out for printing, saved as a PDF whose text lines are the
    lines a reader of the page sees (read them with pdf_lines)."""
    chromium(page, profile, f"--print-to-pdf={out}", "--no-pdf-header-footer")
    return out


def pdftotext(pdf: Path) -> str:
    exe = program("pdftotext", package="poppler-utils")
    out = subprocess.run(
        [exe, "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    return out.stdout


def pdf_text(pdf: Path) -> str:
    return " ".join(pdftotext(pdf).split())


def pdf_lines(pdf: Path) -> list[str]:
    """The PDF's text line by line as pdftotext reads it, blank lines left out: where a line
    breaks is what these show."""
    return [line.strip() for line in pdftotext(pdf).splitlines() if line.strip()]


def markdown_quotes(markdown: str) -> list[list[str]]:
    """The lines of each blockquote as a Markdown viewer shows them: parsed as CommonMark by
    markdown-it-py (the parser Rich renders Markdown with), a hard break or a new paragraph
    starts a line and a soft break reads as the space it renders as."""
    from markdown_it import MarkdownIt

    quotes: list[list[str]] = []
    depth = 0
    for token in MarkdownIt("commonmark").parse(markdown):
        if token.type == "blockquote_open":
            if not depth:
                quotes.append([])
            depth += 1
        elif token.type == "blockquote_close":
            depth -= 1
        elif depth and token.type == "inline":
            line = ""
            for child in token.children or []:
                if child.type == "hardbreak":
                    quotes[-1].append(line)
                    line = ""
                else:
                    line += " " if child.type == "softbreak" else child.content
            quotes[-1].append(line)
    return quotes


def pdf_page_png(pdf: Path, page: int, out_prefix: Path) -> Path:
    exe = program("pdftoppm", package="poppler-utils")
    subprocess.run(
        [exe, "-png", "-r", "50", "-f", str(page), "-l", str(page), "-singlefile",
         str(pdf), str(out_prefix)],
        capture_output=True,
        check=True,
    )  # fmt: skip
    return out_prefix.with_suffix(".png")
