"""People: the relationship ledger over a 10-year journal, in process and warm (the journal's
files already read, as in a running app). The list is everyone the journal names with their
figures and what is due; a page is one person's record and figures. Both work out every
figure from the days each time, so their cost is set against the journal's size."""

from __future__ import annotations

from benchmarks.common import Homes, Row, Target, fmt_ms, measure_interleaved

SUITE = "people"
ITERATIONS = 15
MAX_LIST_MS = 100.0
MAX_PAGE_MS = 100.0


def run(homes: Homes) -> list[Row]:
    from journal.app.home import Home
    from journal.app.people import due, people, person

    journal = Home(homes.demo(10)).journal
    journal.all_entries()  # warm: the files parsed once, as the app has them
    name = people(journal)[0].name
    stats = measure_interleaved(
        {
            "list": lambda i: (people(journal), due(journal)),
            "page": lambda i: person(journal, name),
        },
        ITERATIONS,
    )
    found = len(people(journal))
    return [
        Row(
            SUITE,
            "people list and due, 10y, warm",
            stats["list"].median,
            target=Target(MAX_LIST_MS, "figure"),
            note=f"{found} people; p90 {fmt_ms(stats['list'].p90)}",
            detail={"list": stats["list"].summary()},
        ),
        Row(
            SUITE,
            "a person's page, 10y, warm",
            stats["page"].median,
            target=Target(MAX_PAGE_MS, "figure"),
            note=f"p90 {fmt_ms(stats['page'].p90)}",
            detail={"page": stats["page"].summary()},
        ),
    ]
