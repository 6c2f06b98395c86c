"""Startup: `coach` on a 10-year journal shows today's check-in about as fast as Textual can.

Each figure is the wall time from spawning a fresh interpreter until ``benchmarks.probe`` says
``ready``; the baseline is a minimal Textual app timed the same way and interleaved with it, so
interpreter start, Textual's imports and machine load weigh on both sides of the ratio alike.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.common import Homes, Row, Stats, Target, child_env
from benchmarks.probe import SPAWN_ENV

SUITE = "startup"
ROUNDS = 11
MAX_RATIO = 1.3
PROBE_TIMEOUT_S = 60.0
PROJECT_ROOT = Path(__file__).resolve().parent.parent


class ProbeFailed(RuntimeError):
    """The child never said ready: a crash, a wrong screen, or a hang."""


@dataclass(frozen=True)
class ProbeRun:
    ready_ms: float
    exit_ms: float
    phases_ms: dict[str, float]


@dataclass
class Case:
    """One kind of probe on one home, and every run of it."""

    kind: str
    home: Path
    runs: list[ProbeRun] = field(default_factory=list)

    @property
    def ready(self) -> Stats:
        return Stats([r.ready_ms for r in self.runs])

    def detail(self) -> dict[str, object]:
        phases = {
            name: statistics.median(r.phases_ms[name] for r in self.runs)
            for name in self.runs[0].phases_ms
        }
        return {
            **self.ready.summary(),
            "exit_median_ms": statistics.median(r.exit_ms for r in self.runs),
            "phase_medians_ms": phases,
            "samples_ms": [round(r.ready_ms, 2) for r in self.runs],
        }


def time_probe(kind: str, home: Path, argv: list[str] | None = None) -> ProbeRun:
    """Spawn the probe (``benchmarks.probe KIND HOME`` unless ``argv`` names another) and read
    its stdout until ``ready``; then let it exit by itself."""
    env = child_env(home)
    argv = argv or [sys.executable, "-m", "benchmarks.probe", kind, str(home)]
    with tempfile.TemporaryFile() as stderr:
        env[SPAWN_ENV] = repr(time.time())
        start = time.perf_counter()
        proc = subprocess.Popen(
            argv,
            cwd=PROJECT_ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=stderr,
        )
        watchdog = threading.Timer(PROBE_TIMEOUT_S, proc.kill)
        watchdog.start()
        try:
            ready_ms, phases, errors = _read_until_ready(proc, start)
            proc.wait()
            exit_ms = (time.perf_counter() - start) * 1e3
        finally:
            watchdog.cancel()
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        if ready_ms is None:
            stderr.seek(0)
            tail = stderr.read().decode(errors="replace").strip().splitlines()[-3:]
            why = "; ".join(errors) or " | ".join(tail) or f"exit status {proc.returncode}"
            raise ProbeFailed(f"{kind} probe on {home.name} never got ready: {why}")
    return ProbeRun(ready_ms, exit_ms, phases)


def _read_until_ready(
    proc: subprocess.Popen[bytes], start: float
) -> tuple[float | None, dict[str, float], list[str]]:
    assert proc.stdout is not None
    phases: dict[str, float] = {}
    errors: list[str] = []
    for raw in proc.stdout:
        line = raw.decode(errors="replace").strip()
        if line == "ready":
            ready_ms = (time.perf_counter() - start) * 1e3
            proc.stdout.read()  # drain, so the child never blocks on a full pipe
            return ready_ms, phases, errors
        if line.startswith("phase "):
            _, name, seconds = line.split()
            phases[name] = float(seconds) * 1e3
        elif line.startswith("error"):
            errors.append(line)
    return None, phases, errors


def run(homes: Homes) -> list[Row]:
    cases = {
        "minimal": Case("minimal", homes.empty("minimal")),
        "coach 10y": Case("coach", homes.demo(10)),
        "coach empty": Case("coach", homes.empty("coach")),
    }
    for case in cases.values():  # warm-up: bytecode caches, page cache
        time_probe(case.kind, case.home)
    for _ in range(ROUNDS):
        for case in cases.values():
            case.runs.append(time_probe(case.kind, case.home))

    minimal, ten, empty = (cases[k] for k in ("minimal", "coach 10y", "coach empty"))
    details: dict[str, object] = {name: case.detail() for name, case in cases.items()}
    return [
        Row(SUITE, "startup minimal Textual app", minimal.ready.median, note="baseline"),
        Row(
            SUITE,
            "startup coach 10y vs minimal",
            ten.ready.median,
            baseline=minimal.ready.median,
            baseline_label="minimal",
            target=Target(MAX_RATIO, "ratio"),
            detail=details,
        ),
        Row(
            SUITE,
            "startup coach 10y vs minimal, fastest runs",
            ten.ready.min,
            baseline=minimal.ready.min,
            baseline_label="minimal",
            note="context: on a shared machine the fastest run is the least disturbed",
        ),
        Row(
            SUITE,
            "startup coach 10y vs empty home",
            ten.ready.median,
            baseline=empty.ready.median,
            baseline_label="coach, empty home",
            note="context, ~1x wanted (10y opens the evening pack, empty the morning)",
        ),
        Row(
            SUITE,
            "startup coach empty vs minimal",
            empty.ready.median,
            baseline=minimal.ready.median,
            baseline_label="minimal",
            note="context: app cost alone",
        ),
    ]


def phase_lines(rows: list[Row]) -> list[str]:
    """Median milestones per probe, for the line under the table that says where time went."""
    for row in rows:
        if row.suite == SUITE and isinstance(row.detail.get("minimal"), dict):
            out = []
            for name, detail in row.detail.items():
                assert isinstance(detail, dict)
                phases = detail["phase_medians_ms"]
                steps = ", ".join(f"{k} {v:.0f}" for k, v in phases.items())
                exit_ms = detail["exit_median_ms"]
                out.append(f"  {name:<12} ms since spawn: {steps}, exit {exit_ms:.0f}")
            return out
    return []
