"""`coach people` and `coach person NAME ...` on a hand-made journal, the arithmetic in the
test: who is there, what the journal shows of each, what the person records, and every
refusal as one line with nothing written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.helpers import Cli
from tests.exports.consumers import pdf_text


@pytest.fixture
def ledger(cli: Cli) -> Cli:
    """Ana: two asks (one done), three commitments (2 kept, 1 broken), an intent for her.
    Bo: one commitment, kept. So commitments overall: 3 kept of 4 settled = 75%."""
    cli.run(
        "checkin",
        "--date",
        "2026-11-16",
        "--intent",
        "Hear Ana out",
        "--for",
        "Ana",
        "--ask",
        "Ana: a second look at the budget",
        "--promise",
        "commitment: send the deck @Ana",
        "--promise",
        "commitment: call @Bo",
    )
    cli.run("checkin", "--date", "2026-11-18", "--ask", "ana: time on Friday",
            "--promise", "commitment: book the room @Ana",
            "--promise", "commitment: draft the plan @ANA")  # fmt: skip
    promises = {p.text: p for p in cli.service().all_promises()}
    for text, outcome in (("send the deck", "kept"), ("book the room", "kept"),
                          ("draft the plan", "broken"), ("call", "kept")):  # fmt: skip
        cli.run("promise", promises[text].short_id, outcome)
    return cli


def test_people_lists_everyone_named_with_their_keep_rate_beside_yours(ledger: Cli) -> None:
    out = ledger.run("people", "--sort", "name").stdout.splitlines()
    assert out[0].startswith("Name")
    assert out[1].split()[:1] == ["Ana"] and "67% (you: 75%)" in out[1]  # 2 of 3
    assert out[2].split()[:1] == ["Bo"] and "100% (you: 75%)" in out[2]
    backwards = ledger.run("people", "--sort", "keep", "--reverse").stdout.splitlines()
    assert [line.split()[0] for line in backwards[1:]] == ["Bo", "Ana"]  # highest rate first
    rows = json.loads(ledger.run("people", "--json").stdout)
    ana = next(r for r in rows if r["name"] == "Ana")
    assert ana["asks"] == 2 and ana["promises"] == 3
    assert ana["keep_rates"]["commitment"]["gap"] == pytest.approx(2 / 3 - 3 / 4)


def test_a_persons_page_shows_what_the_journal_says(ledger: Cli) -> None:
    page = ledger.run("person", "ana").stdout
    assert page.startswith("Ana (person)\n")
    assert "  last contact: Wed 18 Nov 2026 (5 days ago)" in page
    assert 'asked "how can I help?": 2 times' in page
    assert "commitment: 3 promises, 2 kept, 1 broken, 0 open, kept 67% (you: 75% overall)" in page
    assert "intents that served them: 1" in page


def test_what_you_record_is_kept_with_its_history_and_undone(ledger: Cli) -> None:
    assert ledger.run("person", "Ana", "level", "consultant").stdout.startswith("Ana: level")
    ledger.run("person", "Ana", "level", "partner", "--note", "she asked me in early")
    ledger.run("person", "Ana", "stage", "fam")  # an unambiguous start is enough
    ledger.run("person", "Ana", "cadence", "2w")
    ledger.run("person", "Ana", "script", "--matters", "a calm launch", "--bad", "a surprise")
    ledger.run("person", "Ana", "review", "--decision", "grow", "--next", "+6w")
    page = ledger.run("person", "Ana").stdout
    assert "  level: consultant (2026-11-23) → partner (2026-11-23)" in page
    assert "  stage: familiar (2026-11-23)" in page
    assert "their script, matters: a calm launch" in page
    assert "review 2026-11-23: grow, next 2027-01-04" in page
    assert "reconnect every 14 days" in page
    ledger.run("undo")
    assert "review 2026-11-23" not in ledger.run("person", "Ana").stdout


def test_rename_and_merge_keep_every_figure(ledger: Cli) -> None:
    ledger.run("person", "Ana", "level", "partner")
    ledger.run("person", "Ana", "rename", "Ana Lopez")
    page = ledger.run("person", "ana").stdout  # the old name still finds her
    assert page.startswith("Ana Lopez (person)\n  also: Ana\n")
    assert "commitment: 3 promises, 2 kept, 1 broken" in page
    assert "already has that name" in ledger.fails("person", "Ana Lopez", "rename", "bo")
    ledger.run("person", "Ana Lopez", "merge", "Bo")
    merged = ledger.run("person", "Bo").stdout  # Bo's name now finds Ana Lopez
    assert merged.startswith("Ana Lopez (person)\n  also: Ana, Bo\n")
    assert "commitment: 4 promises, 3 kept, 1 broken" in merged
    ledger.run("undo")
    assert ledger.run("person", "Bo").stdout.startswith("Bo (person)")


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("person", "Nobody"), "no one called 'Nobody'"),
        (("person", "Ana", "level", "boss"), "unknown level 'boss'"),
        (("person", "Ana", "stage", "f"), "stage"),
        (("person", "Ana", "review", "--decision", "maybe"), "maybe"),
        (("person", "Ana", "cadence", "sometimes"), "cadence"),
        (("person", "Ana", "script"), "which part of their script"),
        (("person", "Ana", "merge", "ana"), "is already"),
    ],
)
def test_unknown_names_levels_stages_and_decisions_are_one_line(
    ledger: Cli, args: tuple[str, ...], said: str
) -> None:
    assert said in ledger.fails(*args)


def test_a_summary_with_people_shows_how_each_relationship_stands(
    ledger: Cli, tmp_path: Path
) -> None:
    """Ana: 2 of 3 commitments kept (67%), 2 asks; Bo: 1 of 1; overall 3 of 4 (75%). Cy is
    named only on a private day, so not even the name leaves the machine."""
    ledger.run("checkin", "--date", "2026-11-19", "--ask", "Cy: a secret", "--private")
    ledger.run("person", "Ana", "level", "partner")
    md = ledger.run("export", "--format", "md", "--people", "-o", "-").stdout
    part = md[md.index("## Relationships") :]
    assert "(you kept 75% of all of them)" in part
    assert "| Ana | partner | - | 18 Nov 2026 | 2 | 67% |" in part
    assert "| Bo | - | - | 16 Nov 2026 | 0 | 100% |" in part
    assert "Cy" not in md
    assert "Relationships" not in ledger.run("export", "--format", "md", "-o", "-").stdout
    pdf = tmp_path / "summary.pdf"
    ledger.run("export", "--format", "pdf", "--people", "-o", str(pdf))
    text = pdf_text(pdf)
    assert "Relationships" in text and "partner" in text and "Cy" not in text


def test_list_finds_the_days_that_name_a_person_by_any_of_their_names(ledger: Cli) -> None:
    """Ana is named on the 16th (intent, ask, promise) and the 18th (ask, promises); Bo only
    on the 16th. After a rename the old name still finds her days."""
    days = [line.split()[0] for line in ledger.run("list", "--person", "ana").stdout.splitlines()]
    assert days == ["2026-11-18", "2026-11-16"]
    both = ledger.run("list", "--person", "Ana", "--person", "bo").stdout.splitlines()
    assert [line.split()[0] for line in both] == ["2026-11-16"]
    ledger.run("person", "Ana", "rename", "Ana Lopez")
    again = ledger.run("list", "--person", "Ana Lopez").stdout.splitlines()
    assert [line.split()[0] for line in again] == ["2026-11-18", "2026-11-16"]
    assert ledger.run("list", "--person", "Cy").stdout == ""
