"""Small text charts shared by `coach stats` and the trends screen."""

from __future__ import annotations

from collections.abc import Sequence

BLOCKS = "▁▂▃▄▅▆▇█"


def sparkline(values: Sequence[float | None], low: float = 0.0, high: float = 10.0) -> str:
    """One character per value on a fixed scale (so two sparklines compare); gaps are blank."""
    span = (high - low) or 1.0
    out = []
    for v in values:
        if v is None:
            out.append(" ")
        else:
            level = round((min(max(v, low), high) - low) / span * (len(BLOCKS) - 1))
            out.append(BLOCKS[level])
    return "".join(out)


def fmt(value: float | None, digits: int = 1, suffix: str = "") -> str:
    return "–" if value is None else f"{value:.{digits}f}{suffix}"
