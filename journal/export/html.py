"""The progress summary as one self-contained HTML page: inline CSS and SVG, no scripts and no
network, readable on screen and printable.

The page comes from a Jinja2 template with autoescaping on, so journal text is always text:
nothing a person (or a bundle) wrote can become a tag, an attribute or a link. Chart geometry is
computed here as plain numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from journal.report.document import Chart
from journal.report.summary import build
from journal.wording import fmt

if TYPE_CHECKING:
    import jinja2

    from journal.report.selection import Selection

TEMPLATES = Path(__file__).parent / "templates"
CHART_W, CHART_H = 320.0, 110.0
PLOT_TOP, PLOT_BOTTOM = 8.0, 92.0
"""The plot band inside the chart's box; below it sit the first and last period labels."""
AXIS_W = 28.0
"""Room on the left for the y-axis labels ("100%" at 8px), so bars never run under them."""


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    tip: str
    so_far: bool = False
    """The period has not ended: drawn lighter, its tip says so."""


def bars(chart: Chart, last_in_progress: bool = False) -> list[Bar]:
    """One bar per period, on the chart's fixed scale; a period without data has no bar."""
    n = max(len(chart.values), 1)
    slot = (CHART_W - AXIS_W) / n
    gap = min(2.0, slot * 0.2)
    band = PLOT_BOTTOM - PLOT_TOP
    out = []
    for i, (value, label) in enumerate(zip(chart.values, chart.labels, strict=True)):
        if value is None:
            continue
        h = max(min(value / chart.high, 1.0), 0.0) * band
        shown = f"{value:.0f}%" if chart.high == 100 else fmt(value)
        so_far = last_in_progress and i == len(chart.values) - 1
        out.append(
            Bar(
                round(AXIS_W + i * slot + gap / 2, 2),
                round(PLOT_BOTTOM - h, 2),
                round(slot - gap, 2),
                round(h, 2),
                f"{label}: {shown}" + (" so far" if so_far else ""),
                so_far,
            )
        )
    return out


def ticks(chart: Chart) -> list[tuple[float, str]]:
    """Each y-axis label with the height of its grid line in the chart's box."""
    band = PLOT_BOTTOM - PLOT_TOP
    return [(round(PLOT_BOTTOM - f * band, 2), label) for f, label in chart.ticks]


@cache
def environment() -> jinja2.Environment:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        bars=bars, ticks=ticks, W=CHART_W, H=CHART_H, TOP=PLOT_TOP, BOTTOM=PLOT_BOTTOM, AXIS=AXIS_W
    )
    return env


def render(selection: Selection) -> bytes:
    page = environment().get_template("summary.html.j2").render(summary=build(selection))
    return page.encode()
