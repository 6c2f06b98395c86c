"""People in a share: only when the client says so, only those the shared days name, and
with --initials no name the journal knows leaves the client's machine, in any field."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import msgspec

from journal.app.home import Home
from journal.model import Entry, HelpAsk, IntentFor, Promise
from journal.people.directory import collect
from journal.person import new_record, set_level
from journal.sharing.envelope import unseal
from journal.sharing.people_share import Initials, initials_of
from tests.conftest import DAY
from tests.sharing.conftest import CANARY, World

AT = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def opened(world: World, bundle: Path) -> dict[str, Any]:
    data, _ = unseal(bundle.read_bytes(), world.coach_keys(), str(bundle))
    decoded: dict[str, Any] = json.loads(data)
    return decoded


def known_names(world: World) -> set[str]:
    """Every spelling of every person the client's journal names, and every record's names."""
    journal = Home(world.client.home, today=lambda: DAY).journal
    names = {s for n in collect(journal.all_entries(), journal.all_promises()) for s in n.spellings}
    for r in journal.people():
        names |= {r.name, *r.aliases}
    return {n.removeprefix("team:") for n in names if len(n) > 1}


def test_people_travel_only_when_asked_and_only_those_the_shared_days_name(world: World) -> None:
    plain = opened(world, world.root / "share-1.age")
    assert plain["schema"] == 1 and "people" not in plain  # any Coach still opens it

    bundle = world.share("with-people.age", "--people")
    assert re.search(r"\d+ person records?", world.said["with-people.age"])
    sent = opened(world, bundle)
    assert sent["schema"] == 2
    assert sent["people"], "the demo's people are named on shared days"
    assert CANARY not in json.dumps(sent)  # named only on private days: never sent
    shared_names = {
        s
        for n in collect(
            [_entry(e) for e in sent["entries"]],
            [_promise(p) for p in sent["promises"]],
        )
        for s in n.spellings
    }
    for person in sent["people"]:
        label = ("team:" if person.get("kind") == "team" else "") + person["name"]
        assert label in shared_names or any(a in shared_names for a in person.get("aliases", []))

    added = world.on(world.coach, "clients", "add", str(bundle))
    assert f"{len(sent['people'])} person record" in added
    copy = world.workspace().journal(world.workspace().clients()[0])
    assert sorted(r.id for r in copy.people()) == sorted(p["id"] for p in sent["people"])

    summary = world.on(
        world.coach, "clients", "summary", world.client_id(), "--format", "md", "--people",
        "-o", "-",
    )  # fmt: skip
    assert "Relationships" in summary
    leveled = next(p for p in sent["people"] if p.get("levels"))
    assert leveled["name"] in summary

    # The client's latest choice counts: a share without --people takes the records back.
    again = world.share("without.age")
    world.on(world.coach, "clients", "add", str(again))
    assert world.workspace().journal(world.workspace().clients()[0]).people() == []


def _entry(raw: dict[str, Any]) -> Entry:
    return msgspec.convert(raw, Entry)


def _promise(raw: dict[str, Any]) -> Promise:
    return msgspec.convert(raw, Promise)


def test_with_initials_no_name_the_journal_knows_is_sent(world: World) -> None:
    bundle = world.share("initials.age", "--people", "--initials")
    assert "names as initials" in world.said["initials.age"]
    sent = opened(world, bundle)
    text = json.dumps({k: sent[k] for k in ("entries", "promises", "people")}, ensure_ascii=False)
    names = known_names(world)
    assert names
    for name in names:
        assert not re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.I), name
    asked = [h["person"] for e in sent["entries"] for h in e.get("help", [])]
    assert asked and all(re.fullmatch(r"(team:)?(\w\.)+\d*|\?\.", a) for a in asked)
    # The coach can still follow a relationship: one person keeps one set of initials.
    world.on(world.coach, "clients", "add", str(bundle))
    copy = world.workspace().journal(world.workspace().clients()[0])
    by_name = {r.name for r in copy.people()}
    assert by_name <= {p for p in asked} | {p["to"] for p in sent["promises"] if p.get("to")} | {
        e["intent_for"]["name"] for e in sent["entries"] if e.get("intent_for", {}).get("name")
    }


def test_initials_stay_distinct_and_replace_whole_names_only() -> None:
    day = dt.date(2026, 3, 2)
    entry = Entry(
        id="e1",
        date=day,
        created=AT,
        updated=AT,
        intent="Unblock Noor before the review",
        intent_for=IntentFor(kind="team", name="Platform"),
        help=[HelpAsk(id="h1", person="Nadia Hassan", request="Ask Noor Haddad first")],
        reflection="Noor liked it; the Anaconda deploy did not. Ana laughed.",
    )
    promises = [
        Promise(
            id="p1",
            made_on=day,
            text="Send Ana the notes",
            kind="commitment",
            created=AT,
            updated=AT,
            to="Ana",
        ),  # fmt: skip
        Promise(
            id="p2",
            made_on=day,
            text="Review",
            kind="best_effort",
            created=AT,
            updated=AT,
            to="Noor Haddad",
        ),  # fmt: skip
    ]
    noor = set_level(new_record("Noor Haddad", AT), "partner", day, AT)
    short = Initials.build([noor], [entry], promises)
    assert short.name("Noor Haddad") == "N.H."
    assert short.name("nadia  hassan") == "N.H.2"  # a second N.H. is told apart
    assert short.name("team:Platform") == "team:P."
    assert short.name("Ana") == "A."
    out = short.entry(entry)
    assert out.intent == "Unblock N.H. before the review"  # a first name alone is theirs too
    assert out.help[0].person == "N.H.2" and out.help[0].request == "Ask N.H. first"
    assert out.reflection == "N.H. liked it; the Anaconda deploy did not. A. laughed."
    assert out.intent_for == IntentFor(kind="team", name="P.")
    assert [short.promise(p).to for p in promises] == ["A.", "N.H."]
    record = short.record(noor)
    assert (record.name, record.aliases, record.level) == ("N.H.", [], "partner")
    assert record.id != noor.id  # an id made from the real name could be guessed back
    assert initials_of("  ") == "?."
