"""``uv run python -m benchmarks [save|startup|listing|analytics|export|history|imports ...]``.

Prints a table and saves JSON. It reports and never fails: the exit status is 0 whatever the
figures, because targets live here rather than in timed tests, where a busy machine would make
them flaky.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import sys
import time
import traceback
from collections.abc import Callable

from benchmarks import (
    analytics,
    clients,
    corrections,
    encryption,
    export,
    history,
    imports,
    listing,
    people,
    save,
    startup,
)
from benchmarks.common import BENCH_DIR, Homes, Row, fmt_figure

SUITES: dict[str, Callable[[Homes], list[Row]]] = {
    save.SUITE: save.run,
    corrections.SUITE: corrections.run,
    startup.SUITE: startup.run,
    listing.SUITE: listing.run,
    analytics.SUITE: analytics.run,
    export.SUITE: export.run,
    clients.SUITE: clients.run,
    encryption.SUITE: encryption.run,
    people.SUITE: people.run,
    history.SUITE: history.run,
}
DIAGNOSTICS = "imports"
RESULTS = BENCH_DIR / "results.json"
HEADERS = ("name", "figure", "baseline", "ratio", "target", "result", "note")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    known = [*SUITES, DIAGNOSTICS]
    parser.add_argument(
        "suites",
        nargs="*",
        metavar="SUITE",
        help=f"any of {', '.join(known)} (default: all but {DIAGNOSTICS}, which shows imports)",
    )
    chosen = parser.parse_args(argv).suites or list(SUITES)
    unknown = [name for name in chosen if name not in known]
    if unknown:  # checked here: Python 3.11's argparse rejects an empty nargs="*" with choices
        parser.error(f"unknown suite {unknown[0]!r}; choose from {', '.join(known)}")
    began = time.perf_counter()
    rows: list[Row] = []
    diagnostics: list[str] = []
    with Homes() as homes:
        for name in chosen:
            if name == DIAGNOSTICS:
                continue
            print(f"running {name} ...", file=sys.stderr, flush=True)
            rows += run_suite(name, SUITES[name], homes)
        missed = any(r.suite == startup.SUITE and r.verdict in ("MISS", "ERROR") for r in rows)
        if DIAGNOSTICS in chosen or missed:
            print("running imports ...", file=sys.stderr, flush=True)
            diagnostics = imports.report(homes)
        build = {f"{years}y": round(s, 3) for years, s in homes.build_s.items()}
    elapsed = time.perf_counter() - began

    print(table(rows))
    extra = startup.phase_lines(rows)
    if extra:
        print("\nstartup milestones (median):")
        print("\n".join(extra))
    if diagnostics:
        print("\nwhere startup time goes (python -X importtime):")
        print("\n".join(diagnostics))
    write_json(rows, diagnostics, build, elapsed)
    print(f"\n{len(rows)} figures in {elapsed:.0f} s; JSON in {RESULTS}")
    return 0


def run_suite(name: str, run: Callable[[Homes], list[Row]], homes: Homes) -> list[Row]:
    """A suite that crashes becomes one ERROR row, so the others still report."""
    try:
        return run(homes)
    except Exception as exc:  # reported in the table, with its traceback on stderr
        traceback.print_exc()
        return [Row(name, f"{name} (crashed)", float("nan"), error=f"{type(exc).__name__}: {exc}")]


def table(rows: list[Row]) -> str:
    cells = [
        (
            r.name,
            fmt_figure(r.figure, r.unit),
            f"{fmt_figure(r.baseline, r.unit)} ({r.baseline_label})"
            if r.baseline is not None
            else "-",
            f"{r.ratio:.2f}x" if r.ratio is not None else "-",
            r.target.describe(r.unit) if r.target else "-",
            r.verdict,
            r.error or r.note,
        )
        for r in rows
    ]
    widths = [max([len(h), *(len(c[i]) for c in cells)]) for i, h in enumerate(HEADERS)]
    line = "  ".join("-" * w for w in widths)
    out = ["  ".join(h.ljust(w) for h, w in zip(HEADERS, widths, strict=True)), line]
    out += ["  ".join(c.ljust(w) for c, w in zip(cell, widths, strict=True)) for cell in cells]
    return "\n".join(s.rstrip() for s in out)


def write_json(
    rows: list[Row], diagnostics: list[str], build: dict[str, float], elapsed: float
) -> None:
    RESULTS.parent.mkdir(exist_ok=True)
    report = {
        "when": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "elapsed_s": round(elapsed, 1),
        "demo_build_s": build,
        "results": [r.as_json() for r in rows],
        "diagnostics": diagnostics,
    }
    RESULTS.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
