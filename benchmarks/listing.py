"""Journal listing (context, no target): how reading the whole journal scales with its age.

Cold means a fresh ``JournalService`` each time, so every year's shard is parsed and validated,
as when the journal screen or ``coach list`` first opens; warm reuses the per-year caches.
"""

from __future__ import annotations

from typing import Any

from benchmarks.common import Homes, Row, measure_interleaved

SUITE = "list"
COLD_ITERATIONS = 5
WARM_ITERATIONS = 20
NEEDLE = "Priya"
"""A name from the demo's cast, so a search has real hits to collect."""


def run(homes: Homes) -> list[Row]:
    from journal.app.home import Home

    home = {f"{y}y": homes.demo(y) for y in (1, 10)}
    warm = {label: Home(path).journal for label, path in home.items()}

    def cold(label: str) -> Any:
        return lambda i: Home(home[label]).journal.entries()

    def listed(label: str) -> Any:
        return lambda i: warm[label].entries()

    def search(label: str) -> Any:
        return lambda i: warm[label].entries(contains=NEEDLE)

    found = {label: len(svc.entries()) for label, svc in warm.items()}
    hits = {label: len(svc.entries(contains=NEEDLE)) for label, svc in warm.items()}
    figures = [
        ("entries(), cold", measure_interleaved({k: cold(k) for k in home}, COLD_ITERATIONS)),
        ("entries(), warm", measure_interleaved({k: listed(k) for k in home}, WARM_ITERATIONS)),
        (
            f"entries(contains={NEEDLE!r}), warm",
            measure_interleaved({k: search(k) for k in home}, WARM_ITERATIONS),
        ),
    ]
    return [
        Row(
            SUITE,
            f"list {what} 10y vs 1y",
            stats["10y"].median,
            baseline=stats["1y"].median,
            baseline_label="1y",
            note=f"{found['10y']} vs {found['1y']} entries"
            if "contains" not in what
            else f"{hits['10y']} vs {hits['1y']} hits",
            detail={label: s.summary() for label, s in stats.items()},
        )
        for what, stats in figures
    ]
