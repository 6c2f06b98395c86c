"""People: names, records and their history, the figures derived from a hand-made journal, due
dates and the people list.

Every expected figure is worked out by hand in a comment beside it, never read back from the
code under test.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import msgspec
import pytest

from journal.errors import InvalidInput, NotFound
from journal.model import Entry, HelpAsk, IntentFor, Promise, PromiseKind, PromiseStatus, validate
from journal.people.directory import PeopleIndex, auto_records, collect, find, resolve, taken
from journal.people.due import next_contact_due, people_due, review_due
from journal.people.figures import Ledger, PersonFigures, ledger
from journal.people.listing import SortBy, people_list
from journal.people.parse import parse_cadence, parse_decision, parse_level, parse_stage
from journal.person import (
    PersonRecord,
    add_review,
    current_script,
    merge,
    new_record,
    parse_name,
    person_key,
    rename,
    set_cadence,
    set_level,
    set_script,
    set_stage,
)
from journal.text import UNSAFE

TODAY = dt.date(2026, 11, 23)
AT = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone.utc)
_ids = iter(range(1, 10_000))


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(f"2026-{text}")


def at(minutes: int) -> dt.datetime:
    return AT + dt.timedelta(minutes=minutes)


def ask(person: str, request: str = "", done: bool | None = None, asked: bool = True) -> HelpAsk:
    return HelpAsk(id=f"a{next(_ids)}", person=person, request=request, done=done, asked=asked)


def entry(
    day: str, *asks: HelpAsk, serves: IntentFor | None = None, private: bool = False
) -> Entry:
    return Entry(
        id=f"e{day}",
        date=d(day),
        created=AT,
        updated=AT,
        intent=f"intent of {day}" if serves else "",
        intent_for=serves,
        help=list(asks),
        private=private,
    )


def promise(
    to: str,
    made: str,
    kind: PromiseKind = "commitment",
    status: PromiseStatus = "open",
    resolved: str | None = None,
    id: str | None = None,
    to_id: str | None = None,
    from_id: str | None = None,
) -> Promise:
    return Promise(
        id=id or f"p{next(_ids)}",
        made_on=d(made),
        text="something",
        kind=kind,
        created=AT,
        updated=AT,
        to=to,
        status=status,
        resolved_on=d(resolved) if resolved else None,
        renegotiated_to=to_id,
        renegotiated_from=from_id,
    )


NOOR = IntentFor(kind="person", name="Noor")
PLATFORM = IntentFor(kind="team", name="Platform")
ENTRIES = [
    entry(
        "11-02",
        ask("Noor", "review the plan", done=True),
        ask("noor ", asked=False),  # contact, but no "how can I help?"
        serves=NOOR,
    ),
    entry("11-09", ask("Noor", "pair on tests", done=False), ask("Ana", "a lift")),
    entry("11-16", ask("Noor", "a secret", done=True), serves=PLATFORM, private=True),
]
PROMISES = [
    promise("Noor", "11-02", status="kept", resolved="11-05"),
    promise("Noor", "11-02", "commitment", "renegotiated", "11-06", id="p2", to_id="p3"),
    promise("NOOR", "11-06", "commitment", "broken", "11-10", id="p3", from_id="p2"),
    promise("Noor", "11-09", status="kept", resolved="11-12"),
    promise("Noor", "11-09", "best_effort", "released", "11-11"),
    promise("Noor", "11-16", "good_intention"),  # made on a private day, still open
    promise("Ana", "11-09", status="kept", resolved="11-10"),
    promise("Ana", "11-09", status="broken", resolved="11-10"),
    promise("Ana", "11-09", status="broken", resolved="11-11"),
    promise("Ana", "11-16", status="broken", resolved="11-20"),  # a private day's
]


def people(
    include_private: bool = True, records: Sequence[PersonRecord] = ()
) -> tuple[list[PersonRecord], Ledger]:
    everyone = [*records, *auto_records(ENTRIES, PROMISES, records, at=AT)]
    return everyone, ledger(everyone, ENTRIES, PROMISES, TODAY, include_private=include_private)


def figures(name: str, include_private: bool = True) -> PersonFigures:
    records, led = people(include_private)
    return led.people[find(name, records).id]


# ----- names -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "variant", ["Ana", "ana ", "  ANA", "\u0410na", "ＡＮＡ", "A\u200bna", "Ána", "\u202eAna"]
)
def test_look_alike_spellings_are_one_person(variant: str) -> None:
    # Cyrillic А, full-width letters, a zero-width space, an accent, a bidi override.
    assert person_key(variant) == person_key("Ana") == "ana"


def test_team_names_are_teams_and_never_the_person_of_that_name() -> None:
    for typed in ("team:Platform", "Team: PLATFORM", "ｔｅａｍ：Platform"):
        assert person_key(typed) == "team:platform"
        assert parse_name(typed) == ("team", typed.split(":")[-1].split("：")[-1].strip())
    assert person_key("Platform") == "platform"
    assert person_key("team:") == person_key("\u200b\u202e") == ""  # names nobody


def test_variants_group_under_the_most_used_spelling() -> None:
    entries = [entry("11-01", ask("noor"), ask("Noor")), entry("11-02", ask("Noor "))]
    (noor,) = collect(entries, [promise("NOOR", "11-03")])
    # "Noor" twice (the trailing space folds away), "noor" and "NOOR" once each.
    assert (noor.name, noor.spellings) == ("Noor", {"Noor": 2, "NOOR": 1, "noor": 1})
    (tied,) = collect([entry("11-01", ask("mei")), entry("11-05", ask("Mei"))], [])
    assert tied.name == "Mei"  # one use each: the most recent wins


def test_auto_records_cover_everyone_named_once() -> None:
    records, _ = people()
    assert sorted(r.label for r in records) == ["Ana", "Noor", "team:Platform"]
    assert [r.kind for r in records if r.name == "Platform"] == ["team"]
    assert all(r.level is None and r.stage is None for r in records)  # never Coach's call
    assert auto_records(ENTRIES, PROMISES, records, at=AT) == []
    again = auto_records(ENTRIES, PROMISES, at=at(5))
    assert sorted(r.id for r in again) == sorted(r.id for r in records)  # stable ids


def test_resolve_by_alias_look_alike_and_team_name() -> None:
    records, _ = people()
    noor = rename(find("Noor", records), "Noor Haddad", AT)
    others = [r for r in records if r.id != noor.id]
    assert resolve("nOOr", [noor, *others]) == noor  # the old name, now an alias
    assert resolve("noor haddad", [noor]) == noor
    assert resolve("\u0410na", records) == find("Ana", records)
    assert resolve("Platform", records) == find("team:Platform", records)
    assert resolve("Nobody", records) is None
    with pytest.raises(NotFound, match="Nobody"):
        find("Nobody", records)


# ----- figures ---------------------------------------------------------------------------


def test_figures_for_noor_by_hand() -> None:
    noor = figures("Noor")
    # She appears on 11-02 (intent, asks, two promises), 11-06 (the renegotiated promise),
    # 11-09 and 11-16 (private); last contact 11-16, 23 - 16 = 7 days ago.
    assert noor.days == [d("11-02"), d("11-06"), d("11-09"), d("11-16")]
    assert (noor.last_contact, noor.days_since) == (d("11-16"), 7)
    # Asked three times (the unasked note on 11-02 is contact only); done 2 of 3 known.
    assert (noor.asks, noor.asks_done, noor.asks_known) == (3, 2, 3)
    assert [r.request for r in noor.requests] == ["review the plan", "pair on tests", "a secret"]
    c = noor.promises["commitment"]
    # Four commitments: kept 11-02 and 11-09; the chain p2 -> p3 counts one renegotiation
    # and its last link's outcome, broken. Keep-rate 2 / (2 + 1).
    assert (c.made, c.kept, c.broken, c.renegotiated, c.open) == (4, 2, 1, 1, 0)
    assert c.keep_rate == pytest.approx(2 / 3)
    b, g = noor.promises["best_effort"], noor.promises["good_intention"]
    assert (b.released, b.keep_rate) == (1, None)  # released: out of the keep-rate
    assert (g.made, g.open) == (1, 1)
    # Overall commitments: kept 2 (Noor) + 1 (Ana), broken 1 (Noor) + 3 (Ana): 3 / 7.
    assert noor.versus["commitment"].overall == pytest.approx(3 / 7)
    assert noor.versus["commitment"].gap == pytest.approx(2 / 3 - 3 / 7)
    assert [(i.on, i.intent) for i in noor.intents] == [(d("11-02"), "intent of 11-02")]


def test_private_days_left_out_when_asked() -> None:
    noor = figures("Noor", include_private=False)
    # Without 11-16: last contact 11-09, 14 days ago; asks 2, done 1; no good intention.
    assert (noor.last_contact, noor.days_since) == (d("11-09"), 14)
    assert (noor.asks, noor.asks_done) == (2, 1)
    assert "a secret" not in [r.request for r in noor.requests]
    assert noor.promises["good_intention"].made == 0
    assert noor.private_mentions == 2  # the ask and the promise, counted but not shown
    ana = figures("Ana", include_private=False)
    # Ana: kept 1, broken 2 without the private day's broken one: 1/3. Overall: kept 2 (Noor)
    # + 1 (Ana), broken 1 (Noor) + 2 (Ana): 3 / 6.
    assert ana.keep_rate("commitment") == pytest.approx(1 / 3)
    assert ana.versus["commitment"].overall == pytest.approx(3 / 6)
    records, led = people(include_private=False)
    names = [r.name for r in people_list(records, led)]
    assert "Platform" not in names  # named only on a private day: its name stays home
    assert figures("Platform").private_only is False  # own views include it


def test_future_days_are_not_contact_yet() -> None:
    entries = [entry("11-20", ask("Mei")), entry("12-01", ask("Mei"))]
    records = auto_records(entries, [], at=AT)
    mei = ledger(records, entries, [], TODAY).people[records[0].id]
    assert (mei.last_contact, mei.days_since, len(mei.days)) == (d("11-20"), 3, 2)


# ----- merge and rename ------------------------------------------------------------------


def test_rename_keeps_every_figure() -> None:
    records, before = people()
    noor = find("Noor", records)
    renamed = [rename(r, "Noor Haddad", at(1)) if r.id == noor.id else r for r in records]
    after = ledger(renamed, ENTRIES, PROMISES, TODAY)
    assert after.people[noor.id] == before.people[noor.id]
    assert find("Noor Haddad", renamed).aliases == ["Noor"]
    assert auto_records(ENTRIES, PROMISES, renamed, at=AT) == []  # "Noor" is not new again
    back = rename(find("Noor Haddad", renamed), "noor", at(2))
    assert (back.name, back.aliases) == ("noor", ["Noor Haddad"])  # no alias of itself


def test_merge_keeps_every_figure_and_history() -> None:
    extra = [entry("11-10", ask("Anna", "notes", done=True))]
    anna_promise = promise("Anna", "11-10", status="kept", resolved="11-11")
    entries, promises = ENTRIES + extra, PROMISES + [anna_promise]
    records = auto_records(entries, promises, at=AT)
    ana = set_level(find("Ana", records), "partner", d("11-01"), at(1))
    anna = set_level(find("Anna", records), "consultant", d("10-01"), at(2))
    anna = set_cadence(anna, 14, at(2))
    rest = [r for r in records if r.name not in ("Ana", "Anna")]
    before = ledger([ana, anna, *rest], entries, promises, TODAY)
    merged = merge(ana, anna, at(3))
    after = ledger([merged, *rest], entries, promises, TODAY).people[ana.id]
    a, b = before.people[ana.id], before.people[anna.id]
    # Ana asked once (11-09), Anna once (11-10): 2 asks, 1 done; commitments 1+3 and 1.
    assert after.asks == a.asks + b.asks == 2
    assert after.asks_done == a.asks_done + b.asks_done == 1
    assert after.days == sorted({*a.days, *b.days})
    c = after.promises["commitment"]
    assert (c.made, c.kept, c.broken) == (5, 2, 3)  # kept: Ana 1 + Anna 1; broken: Ana 3
    assert [ch.level for ch in merged.levels] == ["consultant", "partner"]  # by date
    assert (merged.aliases, merged.cadence) == (["Anna"], 14)
    assert resolve("anna", [merged, *rest]) == merged
    with pytest.raises(InvalidInput):
        merge(merged, merged, AT)


# ----- levels, stages, script, reviews ---------------------------------------------------


def test_level_and_stage_history_in_date_order() -> None:
    r = new_record("Noor", AT)
    r = set_level(r, "partner", d("03-01"), at(1))
    r = set_level(r, "consultant", d("02-01"), at(2))  # backdated: files before March
    assert [(c.on, c.level) for c in r.levels] == [
        (d("02-01"), "consultant"),
        (d("03-01"), "partner"),
    ]
    assert r.level == "partner"
    r = set_level(r, "vendor", d("03-01"), at(3))  # same day, recorded later: now in force
    assert r.level == "vendor" and len(r.levels) == 3
    assert set_level(r, "vendor", d("04-01"), at(4)) is r  # no movement, no history
    r = set_stage(r, "friend", d("05-01"), at(5))
    r = set_stage(r, "fringe", d("01-01"), at(6))
    assert [s.stage for s in r.stages] == ["fringe", "friend"] and r.stage == "friend"


def test_script_keeps_its_history() -> None:
    r = set_script(new_record("Noor", AT), {"matters": "ship", "why": "bonus"}, d("01-05"), at(1))
    r = set_script(r, {"matters": "ship", "next": "a demo"}, d("02-01"), at(2))
    assert len(r.script) == 3  # "matters" read the same: no new line
    r = set_script(r, {"why": ""}, d("03-01"), at(3))
    now = current_script(r)
    assert {p: line.text for p, line in now.items()} == {"matters": "ship", "next": "a demo"}
    assert now["matters"].on == d("01-05")


def test_review_due_today_overdue_and_not_yet() -> None:
    r = new_record("Noor", AT)
    assert review_due(r, TODAY) is None
    r = add_review(r, "grow", d("10-01"), at(1), "fine", next=TODAY)
    due = review_due(r, TODAY)
    assert due is not None and (due.late, due.is_due) == (0, True)  # today counts as due
    late = review_due(r, TODAY + dt.timedelta(days=3))
    assert late is not None and late.late == 3
    r = add_review(r, "change", d("11-20"), at(2), next=d("12-20"))
    due = review_due(r, TODAY)
    assert due is not None and (due.on, due.late, due.is_due) == (d("12-20"), -27, False)
    with pytest.raises(InvalidInput, match="before this one"):
        add_review(r, "grow", d("11-20"), at(3), next=d("11-01"))


def test_contact_due_from_cadence() -> None:
    records, led = people()
    noor = find("Noor", records)  # last contact 11-16
    assert next_contact_due(noor, led.of(noor), TODAY) is None  # cadence off: never due
    weekly = set_cadence(noor, 7, at(1))
    due = next_contact_due(weekly, led.of(noor), TODAY)
    assert due is not None and (due.on, due.late) == (d("11-23"), 0)  # 16 + 7: today
    due = next_contact_due(set_cadence(noor, 14, at(1)), led.of(noor), TODAY)
    assert due is not None and (due.on, due.is_due) == (d("11-30"), False)
    never = set_cadence(new_record("Zed", AT), 30, at(1))
    due = next_contact_due(never, None, TODAY)
    assert due is not None and due.on == TODAY
    ended = add_review(weekly, "end", d("11-20"), at(2))
    assert next_contact_due(ended, led.of(noor), TODAY) is None


def test_people_due_lists_overdue_contacts_and_reviews() -> None:
    records, led = people()
    noor = set_cadence(find("Noor", records), 7, at(1))  # due today, late 0
    ana = add_review(find("Ana", records), "grow", d("10-01"), at(1), next=d("11-20"))  # late 3
    team = set_cadence(find("Platform", records), 30, at(1))  # 11-16 + 30: not yet
    due = people_due([noor, ana, team], led, TODAY)
    assert [(p.name, p.late) for p in due] == [("Ana", 3), ("Noor", 0)]
    assert due[0].contact is None and due[1].review is None


# ----- the list --------------------------------------------------------------------------


def test_people_list_sorts() -> None:
    entries = [*ENTRIES, entry("11-21", ask("Mei"))]
    records = auto_records(entries, PROMISES, at=AT)
    led = ledger(records, entries, PROMISES, TODAY)
    ana = add_review(find("Ana", records), "grow", d("10-01"), at(1), next=d("11-20"))
    records = [ana if r.id == ana.id else r for r in records]

    def names(sort: SortBy = "last_contact", reverse: bool = False) -> list[str]:
        return [r.name for r in people_list(records, led, sort=sort, reverse=reverse)]

    # Last contact: Mei 11-21; Ana, Noor and Platform 11-16 (ties by name, either way).
    assert names() == ["Mei", "Ana", "Noor", "Platform"]
    assert names(reverse=True) == ["Ana", "Noor", "Platform", "Mei"]
    # Commitment keep-rate: Ana 1/4, Noor 2/3; Mei and Platform have none: always last.
    assert names(sort="keep_rate") == ["Ana", "Noor", "Mei", "Platform"]
    assert names(sort="keep_rate", reverse=True) == ["Noor", "Ana", "Mei", "Platform"]
    assert names(sort="review") == ["Ana", "Mei", "Noor", "Platform"]
    row = next(r for r in people_list(records, led) if r.name == "Noor")
    assert (row.asks, row.promises, row.days_since) == (3, 6, 7)


# ----- hostile names and parsing ---------------------------------------------------------

HOSTILE = [
    "\x1b]52;c;cGF5bG9hZA==\x07Mallory",
    "Eve\u202e\u2066gnp.exe",
    "Trudy\r\nsecond line\x00",
    "\u200b\u200d",  # nothing visible: names nobody
    "team:\x1b[2J",
    "x" * 500,
]


def test_hostile_names_break_nothing() -> None:
    entries = [entry("11-01", *(ask(h, h, done=True) for h in HOSTILE), serves=NOOR)]
    promises = [promise(h, "11-01", status="kept", resolved="11-02") for h in HOSTILE]
    records = auto_records(entries, promises, at=AT)
    assert len(records) == 5 + 1  # every name but the invisible one, and Noor
    for r in records:
        assert not UNSAFE.search(r.name) and "\n" not in r.name and r.name
        data = msgspec.json.encode(r)
        assert validate(msgspec.json.decode(data), PersonRecord) == r
    led = ledger(records, entries, promises, TODAY)
    rows = people_list(records, led, sort="name")
    assert sum(row.asks for row in rows) == 5 and sum(row.promises for row in rows) == 5
    index = PeopleIndex(records)
    assert all(index.get(h) is not None for h in HOSTILE if person_key(h))
    with pytest.raises(InvalidInput):
        new_record("\u200b\u202e", AT)


def test_parsing_levels_stages_decisions_cadences() -> None:
    assert parse_level("Trusted Advisor") == parse_level("trusted-partner") == "trusted_advisor"
    assert parse_level("problem") == "problem_solver"  # an unambiguous start
    assert parse_stage("FAITH") == "faithful"
    with pytest.raises(InvalidInput, match="unknown stage"):
        parse_stage("f")  # fringe, friend, familiar, faithful, forever
    assert parse_decision("end") == "end"
    assert [parse_cadence(t) for t in ("2w", "10d", "1m", "9", "off")] == [14, 10, 30, 9, None]
    for bad in ("0d", "2x", "-1w", "٣d", "1000w"):
        with pytest.raises(InvalidInput):
            parse_cadence(bad)
    with pytest.raises(InvalidInput, match="unknown level"):
        parse_level("\x1b[31mboss")


def test_a_name_taken_by_another_record_is_found() -> None:
    records, _ = people()
    noor, ana = find("Noor", records), find("Ana", records)
    assert taken("ANA", records, besides=noor) == ana
    assert taken("noor", records, besides=noor) is None  # its own name is free to respell
