"""Shared pieces: timing statistics, demo journals in temp homes, and result rows.

Every figure is compared with a baseline taken in the same run on the same machine, because
absolute milliseconds say more about the laptop than about Coach.
"""

from __future__ import annotations

import contextlib
import gc
import math
import os
import statistics
import tempfile
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

DEMO_SEED = 7
"""One fixed seed, so every run benchmarks byte-for-byte the same journal."""

BENCH_DIR = Path(__file__).resolve().parent.parent / ".bench"
"""Git-ignored: results, and the bytecode cache the child processes share."""


def child_env(home: Path) -> dict[str, str]:
    """Environment for a timed child: its own COACH_HOME, and bytecode caching switched on.

    With PYTHONDONTWRITEBYTECODE set (as in some sandboxes and CI images) every start would
    compile Textual from source, which no installed Coach does; the cache goes under ``.bench``
    so the source tree and the virtualenv stay untouched.
    """
    env = {**os.environ, "COACH_HOME": str(home), "PYTHONPYCACHEPREFIX": str(BENCH_DIR / "pycache")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("TEXTUAL", None)  # devtools or debug features would skew both sides
    return env


@dataclass(frozen=True)
class Stats:
    """Samples of one measurement, in milliseconds."""

    samples_ms: list[float]

    @property
    def n(self) -> int:
        return len(self.samples_ms)

    @property
    def median(self) -> float:
        return statistics.median(self.samples_ms) if self.samples_ms else math.nan

    @property
    def p90(self) -> float:
        """Nearest-rank 90th percentile: with 40 samples, the 36th smallest."""
        if not self.samples_ms:
            return math.nan
        ordered = sorted(self.samples_ms)
        return ordered[max(0, math.ceil(0.9 * len(ordered)) - 1)]

    @property
    def min(self) -> float:
        return min(self.samples_ms, default=math.nan)

    def summary(self) -> dict[str, float | int]:
        return {"median_ms": self.median, "p90_ms": self.p90, "min_ms": self.min, "n": self.n}


def measure_interleaved(
    cases: Mapping[str, Callable[[int], object]], iterations: int, warmup: int = 1
) -> dict[str, Stats]:
    """Time each case in turn (a, b, a, b, ...) so drift in the machine hits all of them alike.

    Each callable gets the iteration number (negative during warm-up), so it can make every
    call different, e.g. new text to save.
    """
    samples: dict[str, list[float]] = {name: [] for name in cases}
    gc.collect()
    for i in range(-warmup, iterations):
        for name, case in cases.items():
            start = time.perf_counter_ns()
            case(i)
            elapsed = (time.perf_counter_ns() - start) / 1e6
            if i >= 0:
                samples[name].append(elapsed)
    return {name: Stats(values) for name, values in samples.items()}


class Homes:
    """Temporary Coach homes, built once per run and shared by every suite, then deleted.

    Never the user's data dir: each home is a fresh folder from ``tempfile``.
    """

    def __init__(self) -> None:
        self._stack = contextlib.ExitStack()
        self._demo: dict[int, Path] = {}
        self.build_s: dict[int, float] = {}

    def __enter__(self) -> Homes:
        return self

    def __exit__(self, *exc: object) -> None:
        self._stack.close()

    def empty(self, label: str = "empty") -> Path:
        folder = self._stack.enter_context(
            tempfile.TemporaryDirectory(prefix=f"coach-bench-{label}-")
        )
        return Path(folder)

    def demo(self, years: int) -> Path:
        """A home holding a ``years``-long demo journal that ends today."""
        if years not in self._demo:
            from journal.app.demo import write_demo
            from journal.app.home import Home

            home = self.empty(f"{years}y")
            start = time.perf_counter()
            write_demo(Home(home), years, DEMO_SEED)
            self.build_s[years] = time.perf_counter() - start
            self._demo[years] = home
        return self._demo[years]


@dataclass(frozen=True)
class Target:
    """An issue's target: a ceiling on the figure itself or on its ratio to the baseline."""

    limit: float
    on: Literal["figure", "ratio"]

    def describe(self, unit: str) -> str:
        return f"<= {self.limit:g}x" if self.on == "ratio" else f"<= {self.limit:g} {unit}"


@dataclass
class Row:
    """One line of the report; rows without a target are context, not verdicts."""

    suite: str
    name: str
    figure: float
    unit: str = "ms"
    baseline: float | None = None
    baseline_label: str = ""
    target: Target | None = None
    note: str = ""
    detail: dict[str, object] = field(default_factory=dict)
    error: str = ""

    @property
    def ratio(self) -> float | None:
        if self.baseline is None or not self.baseline or math.isnan(self.baseline):
            return None
        return self.figure / self.baseline

    @property
    def verdict(self) -> str:
        if self.error:
            return "ERROR"
        if self.target is None:
            return "-"
        value = self.ratio if self.target.on == "ratio" else self.figure
        if value is None or math.isnan(value):
            return "MISS"
        return "PASS" if value <= self.target.limit else "MISS"

    def as_json(self) -> dict[str, object]:
        return {
            "suite": self.suite,
            "name": self.name,
            "figure": _finite(self.figure),
            "unit": self.unit,
            "baseline": _finite(self.baseline),
            "baseline_label": self.baseline_label,
            "ratio": _finite(self.ratio),
            "target": None
            if self.target is None
            else {"limit": self.target.limit, "on": self.target.on},
            "verdict": self.verdict,
            "note": self.note,
            "error": self.error,
            "detail": self.detail,
        }


def _finite(value: float | None) -> float | None:
    """JSON has no NaN; a missing figure is null."""
    return None if value is None or math.isnan(value) else round(value, 4)


def fmt_ms(value: float | None) -> str:
    if value is None or math.isnan(value):
        return "-"
    return f"{value:.1f} ms" if value < 1000 else f"{value / 1000:.2f} s"


def fmt_figure(value: float | None, unit: str = "ms") -> str:
    """Milliseconds as ``fmt_ms`` shows them; any other unit as the number and its name."""
    if unit == "ms":
        return fmt_ms(value)
    if value is None or math.isnan(value):
        return "-"
    return f"{value:.1f} {unit}"
