"""A bundle's text is valid text, however hostile: Rich/Textual markup, terminal escapes (CSI,
OSC 0/8/52, C1), bidi overrides and path-like names in every string field are accepted. But
nothing `coach` prints carries a control character, the words still read as sent, and no
name in a bundle reaches the file system: a client's files live only under their key id."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import msgspec
import pytest

from journal.app.home import Home
from journal.app.sharing import create_keys
from journal.model import Entry, Promise
from journal.sharing.keys import Identity, fingerprint
from journal.text import one_line
from tests.cli.helpers import UNSAFE, Cli
from tests.conftest import DAY
from tests.sharing import craft
from tests.sharing.conftest import World, unescaped

ATTACK = (
    " \x1b[2J[@click=app.quit] \x9b[/ [b]\u202e ../../x /etc/passwd .. NUL"
    " \x1b]0;title\x07\x1b]8;;http://evil.example/\x07link\x1b]8;;\x07 \x1b]52;c;ZXZpbA==\x07"
)
"""Clears the screen, quits a Textual app, opens markup and a C1 CSI, flips the text, names
paths, sets the window title, hides a link and sets the clipboard."""
TAGS = [
    "star",
    "[@click=app.quit]",
    "[/",
    "[b]",
    "../../x",
    "/etc/passwd",
    "..",
    "NUL",
    "\u202eevil",
]
"""Every one of these matches the tag pattern (no space, comma, # or C0/C1 control)."""
PATH_NAMES = {"x", "passwd", "NUL"}
DAY2, DAY1 = DAY - dt.timedelta(days=2), DAY - dt.timedelta(days=1)
SHOWN = 30
"""Summaries cut long text; the first this many characters of each value are always shown."""


def hostile(label: str) -> str:
    return label + ATTACK


def seen(value: str) -> str:
    """How a value must read on screen: control characters gone, the rest exactly as sent."""
    return one_line(value)[:SHOWN]


def paths(root: Path) -> set[Path]:
    return set(root.rglob("*"))


def assert_clean(output: str) -> None:
    assert not UNSAFE.search(output), repr(UNSAFE.findall(output))


def share_payload(sender: Identity) -> dict[str, Any]:
    """A share with attack text in every string field a bundle carries."""
    day = craft.entry(
        DAY2,
        intent=hostile("INTENT"),
        intent_for={"kind": "person", "name": hostile("FOR")},
        help=[
            {
                "id": craft.new_id(),
                "person": hostile("PERSON"),
                "request": hostile("REQUEST"),
                "asked": True,
                "done": True,
            }
        ],
        ratings={"credibility": 7, "self_orientation": 3},
        self_focus=hostile("FOCUS"),
        reflection=hostile("REFLECTION"),
        notes={
            name: hostile("NOTE") for name in ("../../x", "/etc/passwd", "..", "NUL", "\x1b[2J")
        },
        tags=TAGS,
    )
    promises = [
        craft.promise(DAY2, hostile("PROMISE"), to=hostile("TO"), due=DAY1.isoformat()),
        craft.promise(
            DAY2, hostile("KEPT"), kind="best_effort", to=hostile("TO"), status="kept",
            resolved_on=DAY1.isoformat(), note=hostile("PNOTE"),
        ),
    ]  # fmt: skip
    plain = craft.entry(DAY1, intent="A plain day", tags=["star"], reflection="Plain words")
    return craft.share(sender, entries=[day, plain], promises=promises)


@dataclass
class Hostile:
    """A client whose Coach sent attack text everywhere, the coach who received it."""

    world: World
    home: Cli
    me: Identity
    payload: dict[str, Any]
    bundle: Path

    @property
    def id(self) -> str:
        return fingerprint(self.me.public.sign)

    def coach(self, *args: str) -> str:
        out = self.world.on(self.world.coach, *args)
        assert_clean(out)
        return out

    def client(self, *args: str) -> str:
        out = self.world.on(self.home, *args)
        assert_clean(out)
        return out


def make_hostile(world: World, tmp_path: Path, name: str) -> Hostile:
    """Their home holds the same days they shared, so comments on them show in their export."""
    home = Cli(tmp_path / "mallory")
    keys = create_keys(Home(home.home), "placeholder")
    me = Identity(name, keys.age_identity, keys.sign_private)
    payload = share_payload(me)
    home.service().write_bulk(
        [msgspec.convert(e, Entry) for e in payload["entries"]],
        [msgspec.convert(p, Promise) for p in payload["promises"]],
    )
    bundle = tmp_path / "hostile-share.age"
    bundle.write_bytes(craft.sealed(payload, me, world.coach_keys()))
    return Hostile(world, home, me, payload, bundle)


@pytest.fixture
def mallory(world: World, tmp_path: Path) -> Hostile:
    return make_hostile(world, tmp_path, hostile("NAME"))


def assert_no_path_names(tmp_path: Path) -> None:
    names = {p.name for p in tmp_path.rglob("*")}
    assert not names & PATH_NAMES, names & PATH_NAMES
    assert not (tmp_path / ".." / ".." / "x").exists()


def test_the_coach_accepts_it_and_prints_it_without_control_characters(
    mallory: Hostile, tmp_path: Path
) -> None:
    before = paths(tmp_path)
    name = mallory.me.name

    added = mallory.coach("clients", "add", str(mallory.bundle))
    assert added.startswith(f"Added {seen(name)}")
    assert ": 2 days and 2 promises," in added
    listed = mallory.coach("clients", "list")
    assert [line for line in listed.splitlines() if mallory.id[:8] in line][0].startswith("NAME")
    rows = json.loads(mallory.coach("clients", "list", "--json"))
    (row,) = [r for r in rows if r["id"] == mallory.id]
    assert row["name"] == name  # the exact text, control characters escaped in the JSON
    assert row["overdue_commitments"] == 1
    said = mallory.coach("clients", "comment", mallory.id, DAY2.isoformat(), hostile("COMMENT"))
    assert said.startswith(f"Comment saved on {seen(name)}")
    mallory.coach("clients", "comment", mallory.id, DAY2.isoformat(), hostile("WEEK"), "--week")
    mallory.coach("clients", "reply", mallory.id, "-o", str(tmp_path / "reply.age"))

    client_root = mallory.world.coach.home / "coach-workspace" / "clients" / mallory.id
    made = paths(tmp_path) - before
    assert client_root / "client.json" in made
    assert [
        p for p in made if p != tmp_path / "reply.age" and not p.is_relative_to(client_root)
    ] == []
    assert_no_path_names(tmp_path)


def test_the_coachs_copy_holds_the_text_exactly_as_sent(mallory: Hostile) -> None:
    mallory.coach("clients", "add", str(mallory.bundle))
    space = mallory.world.workspace()
    (client,) = [c for c in space.clients() if c.id == mallory.id]
    assert client.name == mallory.me.name
    copy = space.journal(client)
    sent = [msgspec.convert(e, Entry) for e in mallory.payload["entries"]]
    assert copy.entries() == sorted(sent, key=lambda e: e.date, reverse=True)
    assert sorted(p.text for p in copy.all_promises()) == sorted(
        p["text"] for p in mallory.payload["promises"]
    )


def summary(mallory: Hostile, fmt: str) -> str:
    mallory.world.on(mallory.world.coach, "clients", "add", str(mallory.bundle))
    mallory.world.on(
        mallory.world.coach, "clients", "comment", mallory.id, DAY2.isoformat(), hostile("COMMENT")
    )
    return mallory.world.on(
        mallory.world.coach, "clients", "summary", mallory.id, "--format", fmt, "-o", "-"
    )


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_summary_of_a_hostile_bundle_shows_its_words_and_no_control_character(
    world: World, tmp_path: Path, fmt: str
) -> None:
    """The client's name is plain here; every other field carries the attack."""
    mallory = make_hostile(world, tmp_path, "Mallory Plain")
    text = summary(mallory, fmt)
    assert_clean(text)
    if fmt == "md":
        shown = unescaped(text)
        assert shown.startswith("# Mallory Plain: progress summary")
        assert "[@click=app.quit]" not in text  # escaped, so no viewer reads it as a link
    else:
        shown = " ".join(html.unescape(re.sub(r"<[^>]*>", " ", text)).split())
        assert "Mallory Plain: progress summary" in shown
    for label in ("INTENT", "FOR", "PERSON", "REQUEST", "PROMISE", "COMMENT"):
        assert seen(hostile(label)) in shown, label


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_hostile_client_name_reaches_the_summary_without_control_characters(
    mallory: Hostile, fmt: str
) -> None:
    assert_clean(summary(mallory, fmt))


def test_the_client_imports_hostile_comments_and_prints_them_cleanly(
    mallory: Hostile, tmp_path: Path
) -> None:
    mallory.coach("clients", "add", str(mallory.bundle))
    mallory.coach("clients", "comment", mallory.id, DAY2.isoformat(), hostile("COMMENT"))
    mallory.coach("clients", "comment", mallory.id, DAY2.isoformat(), hostile("WEEK"), "--week")
    reply = tmp_path / "reply.age"
    mallory.coach("clients", "reply", mallory.id, "-o", str(reply))
    # A coach whose own Coach put the attack in their name and in every comment field.
    rogue = craft.person(hostile("COACH"))
    comments = [
        craft.comment(rogue, DAY2, hostile("SAID")),
        craft.comment(rogue, DAY2 - dt.timedelta(days=DAY2.weekday()), hostile("WEEKLY"), "week"),
    ]
    rogue_bundle = tmp_path / "rogue.age"
    rogue_bundle.write_bytes(
        craft.sealed(craft.feedback(rogue, mallory.me.public.line(), comments), rogue, mallory.me)
    )
    before = paths(tmp_path)

    first = mallory.client("feedback", "import", str(reply))
    assert first == "Imported feedback from Bo Coach: 2 new comments, 0 updated.\n"
    second = mallory.client("feedback", "import", str(rogue_bundle))
    assert second.startswith(f"Imported feedback from {seen(rogue.name)}")
    assert second.endswith(": 2 new comments, 0 updated.\n")
    shown = unescaped(mallory.client("export", "--format", "md", "-o", "-"))
    for label in ("COMMENT", "WEEK", "SAID", "WEEKLY", "INTENT", "REQUEST"):
        assert seen(hostile(label)) in shown, label
    assert seen(rogue.name) in shown

    made = paths(tmp_path) - before
    assert any(p.name.startswith("comments-") for p in made)
    assert [p for p in made if not p.is_relative_to(mallory.home.home / "feedback")] == []
    assert_no_path_names(tmp_path)
