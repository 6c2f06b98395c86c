"""Where startup time goes: ``python -X importtime`` for ``import coach.app`` and the probe.

A diagnostic, not a figure: ``__main__`` prints it when the startup target is missed, and
``uv run python -m benchmarks imports`` prints it on demand.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from benchmarks.common import Homes, child_env

PROJECT_ROOT = Path(__file__).resolve().parent.parent
TOP = 12


@dataclass(frozen=True)
class Imported:
    self_us: int
    cumulative_us: int
    name: str
    depth: int


def importtime(args: list[str], home: Path) -> list[Imported]:
    """Run once to warm bytecode caches, then keep the second run's figures."""
    env = child_env(home)
    cmd = [sys.executable, "-X", "importtime", *args]
    for _ in range(2):
        done = subprocess.run(
            cmd, cwd=PROJECT_ROOT, env=env, capture_output=True, timeout=120, check=False
        )
    rows: list[Imported] = []
    for line in done.stderr.decode(errors="replace").splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, cumulative_us, name = line.removeprefix("import time:").split("|", 2)
        stripped = name.rstrip().lstrip(" ")
        depth = (len(name) - len(name.lstrip(" ")) - 1) // 2
        rows.append(Imported(int(self_us), int(cumulative_us), stripped, depth))
    return rows


def summarise(title: str, rows: list[Imported]) -> list[str]:
    total = sum(r.self_us for r in rows)
    out = [f"{title}: {len(rows)} modules, {total / 1000:.0f} ms of imports"]
    top_level = sorted((r for r in rows if r.depth == 0), key=lambda r: -r.cumulative_us)
    out.append("  top-level imports by cumulative ms:")
    out += [f"    {r.cumulative_us / 1000:7.1f}  {r.name}" for r in top_level[:TOP]]
    by_package: dict[str, int] = {}
    for r in rows:
        package = r.name.split(".")[0]
        by_package[package] = by_package.get(package, 0) + r.self_us
    out.append("  self ms by top-level package:")
    ranked = sorted(by_package.items(), key=lambda kv: -kv[1])
    out += [f"    {us / 1000:7.1f}  {name}" for name, us in ranked[:TOP]]
    heaviest = sorted(rows, key=lambda r: -r.self_us)[:TOP]
    out.append("  heaviest single modules (self ms):")
    out += [f"    {r.self_us / 1000:7.1f}  {r.name}" for r in heaviest]
    return out


def report(homes: Homes) -> list[str]:
    home = homes.demo(10)
    lines = summarise("python -c 'import coach.app'", importtime(["-c", "import coach.app"], home))
    probe = importtime(["-m", "benchmarks.probe", "coach", str(home)], home)
    minimal = importtime(["-m", "benchmarks.probe", "minimal", str(home)], home)
    lines += summarise("probe coach (10y)", probe)
    lines += summarise("probe minimal", minimal)
    extra = {r.name for r in probe} - {r.name for r in minimal}
    extra_us = sum(r.self_us for r in probe if r.name in extra)
    lines.append(
        f"coach loads {len(extra)} modules the minimal app does not: {extra_us / 1000:.0f} ms"
    )
    heaviest = sorted((r for r in probe if r.name in extra), key=lambda r: -r.self_us)[:TOP]
    lines += [f"    {r.self_us / 1000:7.1f}  {r.name}" for r in heaviest]
    return lines
