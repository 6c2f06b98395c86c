"""Flat with history: what looks at a window of time costs the same on 30 years as on one.

Every command figure is a whole ``coach`` process spawned afresh, as a person runs it, on the
demo journal of the same seed with 1, 10 or 30 years of history, all interleaved. Each
journal is as a person's on any day but its first: the app was opened on it before, and
kept what it read of past years (journal/store/promise_heads.py).

- over a window (``coach stats``, ``coach stats --json``, ``coach list --from -30d``, and the
  one-year HTML and PDF summaries): 30 years against 1 year, target <= 1.2x;
- over everything (``coach list --json``, the JSON backup with private days): 30 years
  against 10, target no worse than linear, the ratio of their entry counts;
- the peak memory (``ru_maxrss``) of each command on the 30-year journal, target <= 80 MiB,
  the full backup apart (context): it holds every entry;
- the one-year PDF summary out of 30 years, target <= 1 s whole process;
- the trends screen's opening report, in process and cold (a fresh ``Home``, as the app's
  warm-up and the screen's worker build it): 30 years against 1;
- ``coach`` showing today's check-in on the 30-year journal against a minimal Textual app
  (the startup suite's probe), target <= 1.2x; the very first start is context.

``python -c pass`` is shown as the floor every command starts from.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.common import Homes, Row, Stats, Target, child_env, fmt_ms, measure_interleaved
from benchmarks.export import coach_argv, year_before

SUITE = "history"
ROUNDS = 11
TREND_ROUNDS = 9
SCREEN_ROUNDS = 5
STARTUP_ROUNDS = 11
MEMORY_RUNS = 2
MAX_WINDOW_RATIO = 1.2
MAX_STARTUP_RATIO = 1.2
MAX_MIB = 80.0
MAX_PDF_MS = 1000.0
COMMAND_TIMEOUT_S = 180.0
SHORT, FULL, LONG = 1, 10, 30
"""Years of the demo journals: a window's cost is set against the shortest, a whole
history's growth measured from ten to thirty."""

WINDOWED = ("stats", "stats --json", "list -30d", "HTML summary", "PDF summary")
WHOLE = ("list --json", "JSON backup")
MEMORY_EXEMPT = frozenset({"JSON backup"})


@dataclass
class Child:
    """One command line on one home, run as a fresh process each time, and the first way it
    failed, if it did."""

    argv: list[str]
    env: dict[str, str]
    cwd: Path
    output: Path | None = None
    failure: str = ""

    def __call__(self, i: int) -> None:
        if self.failure:  # a broken command is not timed again
            return
        self.check(self.spawn(self.argv, capture=False))

    def spawn(self, argv: list[str], capture: bool) -> subprocess.CompletedProcess[bytes] | None:
        try:
            return subprocess.run(
                argv,
                cwd=self.cwd,
                env=self.env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                timeout=COMMAND_TIMEOUT_S,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            self.failure = f"{type(exc).__name__}: {exc}"[:200]
            return None

    def check(self, done: subprocess.CompletedProcess[bytes] | None) -> bool:
        if done is None:
            return False
        if done.returncode != 0:
            lines = done.stderr.decode(errors="replace").strip().splitlines()
            self.failure = f"exit status {done.returncode}: {lines[-1] if lines else '-'}"[:200]
            return False
        if self.output is not None and (not self.output.exists() or not self.output.stat().st_size):
            self.failure = f"exit status 0 but {self.output.name} is missing or empty"
            return False
        return True

    def peak_mib(self) -> float:
        """Peak resident memory of one run, in MiB (NaN where the platform cannot say).

        Linux carries a process's peak across ``exec`` from the one that forked it, so a child
        of this (large) process would report this process's size: the command is started by a
        small launcher instead, which reports its own child's ``ru_maxrss``."""
        if self.failure or not hasattr(os, "wait4"):
            return float("nan")
        done = self.spawn([sys.executable, "-c", LAUNCHER, *self.argv], capture=True)
        if not self.check(done):
            return float("nan")
        assert done is not None
        scale = 1 if sys.platform == "darwin" else 1024  # macOS reports bytes, Linux kB
        return int(done.stdout.decode().split()[-1]) * scale / 2**20


LAUNCHER = (
    "import os, subprocess, sys\n"
    "child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
    "_, status, usage = os.wait4(child.pid, 0)\n"
    "print(usage.ru_maxrss)\n"
    "sys.exit(os.waitstatus_to_exitcode(status))\n"
)
"""Runs its arguments as a command and prints the command's peak memory (``ru_maxrss``)."""


def commands(home: Path, scratch: Path, end: dt.date) -> dict[str, Child]:
    """Every command of the suite on one home; summaries cover the year up to ``end``."""
    coach, env = coach_argv(), child_env(home)
    span = ["--from", year_before(end).isoformat(), "--to", end.isoformat()]
    html, pdf = scratch / f"{home.name}.html", scratch / f"{home.name}.pdf"
    backup = scratch / f"{home.name}.json"

    def child(args: list[str], output: Path | None = None) -> Child:
        return Child([*coach, *args], env, scratch, output)

    return {
        "stats": child(["stats"]),
        "stats --json": child(["stats", "--json"]),
        "list -30d": child(["list", "--from", "-30d"]),
        "HTML summary": child(["export", "--format", "html", *span, "-o", str(html)], html),
        "PDF summary": child(["export", "--format", "pdf", *span, "-o", str(pdf)], pdf),
        "list --json": child(["list", "--json"]),
        "JSON backup": child(
            ["export", "--format", "json", "--include-private", "-o", str(backup)], backup
        ),
    }


def run(homes: Homes) -> list[Row]:
    from journal.app.home import Home

    paths = {years: homes.demo(years) for years in (SHORT, FULL, LONG)}
    for path in paths.values():
        opened_before(path)
    entries = {years: len(Home(path).journal.all_entries()) for years, path in paths.items()}
    end = Home(paths[LONG]).journal.today()
    scratch = homes.empty("history")
    by_home = {years: commands(path, scratch, end) for years, path in paths.items()}

    cases: dict[str, Callable[[int], object]] = {
        "pass": Child([sys.executable, "-c", "pass"], child_env(scratch), scratch)
    }
    for name in WINDOWED:
        for years in (SHORT, LONG):
            cases[f"{name} {years}y"] = by_home[years][name]
    for name in WHOLE:
        for years in (FULL, LONG):
            cases[f"{name} {years}y"] = by_home[years][name]
    for case in cases.values():  # untimed: bytecode and page caches, and a check each works
        case(-1)
    live = {k: c for k, c in cases.items() if not (isinstance(c, Child) and c.failure)}
    stats = measure_interleaved(live, ROUNDS, warmup=0)

    rows = [Row(SUITE, "history: interpreter start (python -c pass)", stats["pass"].median)]
    rows += [window_row(name, by_home, stats) for name in WINDOWED]
    rows += [whole_row(name, by_home, stats, entries) for name in WHOLE]
    rows += [memory_row(name, by_home[LONG][name]) for name in (*WINDOWED, *WHOLE)]
    rows.append(pdf_row(by_home[LONG]["PDF summary"], stats, end))
    rows += trends_rows(paths)
    rows += startup_rows(homes, paths[LONG])
    return rows


def failed(*children: Child) -> str:
    return "; ".join(c.failure for c in children if c.failure)


def detail(stats: dict[str, Stats], *keys: str) -> dict[str, object]:
    return {
        k: {**stats[k].summary(), "samples_ms": [round(v, 1) for v in stats[k].samples_ms]}
        for k in keys
        if k in stats
    }


def window_row(name: str, by_home: dict[int, dict[str, Child]], stats: dict[str, Stats]) -> Row:
    long, short = f"{name} {LONG}y", f"{name} {SHORT}y"
    error = failed(by_home[SHORT][name], by_home[LONG][name])
    figure = stats[long] if long in stats else Stats([])
    return Row(
        SUITE,
        f"history: {name}, {LONG}y vs {SHORT}y",
        figure.median,
        baseline=stats[short].median if short in stats else None,
        baseline_label=f"{SHORT}y",
        target=Target(MAX_WINDOW_RATIO, "ratio"),
        note=f"whole process; p90 {fmt_ms(figure.p90)}",
        detail=detail(stats, long, short),
        error=error,
    )


def whole_row(
    name: str,
    by_home: dict[int, dict[str, Child]],
    stats: dict[str, Stats],
    entries: dict[int, int],
) -> Row:
    long, full = f"{name} {LONG}y", f"{name} {FULL}y"
    linear = entries[LONG] / entries[FULL]
    figure = stats[long] if long in stats else Stats([])
    return Row(
        SUITE,
        f"history: {name}, {LONG}y vs {FULL}y",
        figure.median,
        baseline=stats[full].median if full in stats else None,
        baseline_label=f"{FULL}y",
        target=Target(round(linear, 2), "ratio"),
        note=f"whole process; linear: {entries[LONG]} vs {entries[FULL]} entries = {linear:.2f}x",
        detail=detail(stats, long, full),
        error=failed(by_home[FULL][name], by_home[LONG][name]),
    )


def memory_row(name: str, child: Child) -> Row:
    exempt = name in MEMORY_EXEMPT
    peaks = [child.peak_mib() for _ in range(MEMORY_RUNS)]
    return Row(
        SUITE,
        f"history: {name} peak memory, {LONG}y",
        max(peaks),
        unit="MiB",
        target=None if exempt else Target(MAX_MIB, "figure"),
        note=("context: holds every entry; " if exempt else "")
        + f"ru_maxrss, largest of {MEMORY_RUNS} runs",
        detail={"rss_mib": [round(v, 1) for v in peaks]},
        error=child.failure,
    )


def pdf_row(child: Child, stats: dict[str, Stats], end: dt.date) -> Row:
    key = f"PDF summary {LONG}y"
    figure = stats[key] if key in stats else Stats([])
    return Row(
        SUITE,
        f"history: one-year PDF summary from {LONG}y",
        figure.median,
        baseline=stats["pass"].median,
        baseline_label="python -c pass",
        target=Target(MAX_PDF_MS, "figure"),
        note=f"whole process, {year_before(end).isoformat()} to {end.isoformat()}; "
        f"p90 {fmt_ms(figure.p90)}",
        error=child.failure,
    )


# ----- in process: the trends screen's report ---------------------------------------------


def trends_rows(paths: dict[int, Path]) -> list[Row]:
    """The trends screen's report, two ways, 30 years against 1.

    Through the app: F4 pressed on the check-in at once, before the app's warm-up has built
    the report ahead, until the screen shows the report its worker built (the analytics
    suite's harness). The use case alone, cold: what that worker runs, on a fresh ``Home``
    with nothing read yet, so it also pays for what the check-in had already read."""
    import asyncio

    from benchmarks.analytics import ScreenCase, time_key
    from coach.screens.trends import prepare
    from journal.app.home import Home

    def opening(years: int) -> Callable[[int], Any]:
        def build(i: int) -> Any:
            home = Home(paths[years])
            return prepare(home.journal, home.settings)

        return build

    def pressed(years: int) -> Callable[[int], Any]:
        case = ScreenCase(paths[years], settled=False)
        return lambda i: asyncio.run(time_key(case))

    screen: dict[str, list[float]] = {f"{y}y": [] for y in (SHORT, LONG)}
    for i in range(-1, SCREEN_ROUNDS):
        for years in (SHORT, LONG):
            ms = pressed(years)(i)
            if i >= 0:
                screen[f"{years}y"].append(ms)
    app = {k: Stats(v) for k, v in screen.items()}
    cold = measure_interleaved({f"{y}y": opening(y) for y in (SHORT, LONG)}, TREND_ROUNDS)
    long, short = app[f"{LONG}y"], app[f"{SHORT}y"]
    return [
        Row(
            SUITE,
            f"history: trends screen (F4 at once) until its report shows, {LONG}y vs {SHORT}y",
            long.median,
            baseline=short.median,
            baseline_label=f"{SHORT}y",
            target=Target(MAX_WINDOW_RATIO, "ratio"),
            note=f"in the app, before its warm-up: the screen's worker builds the report; "
            f"p90 {fmt_ms(long.p90)}",
            detail={k: s.summary() for k, s in app.items()},
        ),
        Row(
            SUITE,
            f"history: trends report use case, cold, {LONG}y vs {SHORT}y",
            cold[f"{LONG}y"].median,
            baseline=cold[f"{SHORT}y"].median,
            baseline_label=f"{SHORT}y",
            note="context: a fresh Home, so it also reads what the app's check-in already has "
            "(the open promises of every year); p90 "
            f"{fmt_ms(cold[f'{LONG}y'].p90)}",
            detail={k: s.summary() for k, s in cold.items()},
        ),
    ]


# ----- startup --------------------------------------------------------------------------------


def opened_before(home: Path) -> None:
    """As a person's journal is on any day but the first: the app's warm-up kept what it read
    of past years (journal/store/promise_heads.py). A file written in the last seconds is
    not kept, so this waits until the demo's are that old."""
    from journal.app.home import Home
    from journal.store.promise_heads import RACY_NS

    newest = max(p.stat().st_mtime_ns for p in (home / "journal").glob("*.json"))
    time.sleep(max(0.0, (newest + RACY_NS - time.time_ns()) / 1e9))

    journal = Home(home).journal
    journal.follow_up(journal.today())
    journal.keep_for_next_run()


def startup_rows(homes: Homes, long: Path) -> list[Row]:
    """``coach`` on the 30-year journal against the minimal Textual app, timed as the startup
    suite times them (its probe), interleaved; and the app's own peak memory, once."""
    from benchmarks.startup import time_probe

    first = homes.empty("history-first-start") / "home"
    shutil.copytree(long, first)  # new files, so nothing kept applies to them
    cases = {"minimal": homes.empty("history-minimal"), "coach": long, "first": first}
    kinds = {"minimal": "minimal", "coach": "coach", "first": "coach"}
    for label, home in cases.items():  # warm-up
        time_probe(kinds[label], home)
    samples: dict[str, list[float]] = {label: [] for label in cases}
    for _ in range(STARTUP_ROUNDS):
        for label, home in cases.items():
            samples[label].append(time_probe(kinds[label], home).ready_ms)
    minimal, coach = Stats(samples["minimal"]), Stats(samples["coach"])
    never = Stats(samples["first"])
    probe = Child(
        [sys.executable, "-m", "benchmarks.probe", "coach", str(long)],
        child_env(long),
        Path(__file__).resolve().parent.parent,
    )
    peak = probe.peak_mib()
    return [
        Row(
            SUITE,
            f"history: startup coach {LONG}y vs minimal",
            coach.median,
            baseline=minimal.median,
            baseline_label="minimal Textual app",
            target=Target(MAX_STARTUP_RATIO, "ratio"),
            note=f"fresh process until today's check-in shows, the app opened before; fastest "
            f"runs {coach.min:.0f} vs {minimal.min:.0f} ms",
            detail={"coach": coach.summary(), "minimal": minimal.summary()},
        ),
        Row(
            SUITE,
            f"history: startup coach {LONG}y, its very first, vs minimal",
            never.median,
            baseline=minimal.median,
            baseline_label="minimal Textual app",
            note="context: nothing kept yet, so each year's promises are read",
            detail={"coach": never.summary(), "minimal": minimal.summary()},
        ),
        Row(
            SUITE,
            f"history: startup coach {LONG}y peak memory",
            peak,
            unit="MiB",
            target=Target(MAX_MIB, "figure"),
            note="ru_maxrss of the startup probe, once: the app up on today's check-in",
            error=probe.failure,
        ),
    ]
