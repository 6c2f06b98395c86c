"""Bundles that must be refused: damaged, forged, oversized, for someone else, from a newer
Coach, or the wrong kind. Each refusal is one `coach: …` line naming the problem, exit 2, no
traceback, and every file of both homes exactly as it was (the coach's workspace already holds
a client and the client's home already holds feedback, so "unchanged" compares real files).
"""

from __future__ import annotations

import datetime as dt
import json
import random
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from coach.cli import main
from journal.sharing import envelope
from journal.sharing.envelope import MAGIC
from journal.sharing.keys import Identity
from journal.sharing.records import READABLE_SCHEMA
from tests.cli.helpers import Cli, snapshot
from tests.conftest import DAY
from tests.sharing import craft
from tests.sharing.conftest import COMMENTED_DAY, World


@dataclass
class Side:
    """One of the two commands that open a bundle, with who sends to whom on that side."""

    command: tuple[str, ...]
    cli: Cli
    sender: Identity
    reader: Identity
    other_kind: Callable[[], dict[str, Any]]
    """A valid payload of the other kind of bundle, sent the other way."""

    def payload(self, **fields: Any) -> dict[str, Any]:
        if self.command == ("clients", "add"):
            return craft.share(self.sender, **fields)
        fields.setdefault("comments", [craft.comment(self.sender, COMMENTED_DAY, "A fresh one")])
        return craft.feedback(self.sender, self.reader.public.line(), **fields)

    def sealed(self, **fields: Any) -> bytes:
        return craft.sealed(self.payload(**fields), self.sender, self.reader)


def side(world: World, name: str) -> Side:
    client, coach = world.client_keys(), world.coach_keys()
    if name == "clients add":
        return Side(
            ("clients", "add"), world.coach, client, coach,
            lambda: craft.feedback(client, coach.public.line(), []),
        )  # fmt: skip
    return Side(("feedback", "import"), world.client, coach, client, lambda: craft.share(coach))


SIDES = ["clients add", "feedback import"]


def refused(world: World, on: Side, bundle: Path) -> str:
    """The refusal line; both homes and the bundles beside them stay byte-for-byte the same,
    and nothing new appears anywhere in the test's folder."""
    before = snapshot(world.root.parent)
    line = on.cli.fails("--home", str(on.cli.home), *on.command, str(bundle))
    assert snapshot(world.root.parent) == before
    assert str(bundle) in line
    return line


def write(world: World, data: bytes, name: str = "hostile.age") -> Path:
    path = world.root.parent / name
    path.write_bytes(data)
    return path


def flipped(data: bytes, *offsets: int) -> bytes:
    out = bytearray(data)
    for at in offsets:
        out[at] ^= 0x5A
    return bytes(out)


def invalid_utf8(on: Side) -> bytes:
    """A text field whose bytes are not UTF-8 (0xff never occurs in UTF-8)."""
    marker = "MARKER-TEXT"
    if on.command == ("clients", "add"):
        payload = on.payload(entries=[craft.entry(COMMENTED_DAY, intent=marker)])
    else:
        payload = on.payload(comments=[craft.comment(on.sender, COMMENTED_DAY, marker)])
    body = craft.encode(payload).replace(marker.encode(), b"caf\xe9 \xff\xfe", 1)
    return craft.sealed(body, on.sender, on.reader)


def sender_key(on: Side, line: str) -> bytes:
    who = "client" if on.command == ("clients", "add") else "coach"
    payload = on.payload()
    payload[who] = {"name": on.sender.name, "key": line}
    return craft.sealed(payload, on.sender, on.reader)


def huge(on: Side) -> bytes:
    if on.command == ("clients", "add"):
        return on.sealed(entries=[craft.entry(COMMENTED_DAY, intent="x" * 200_000)])
    return on.sealed(comments=[craft.comment(on.sender, COMMENTED_DAY, "x" * 200_000)])


CASES: dict[str, tuple[Callable[[Side], bytes], str]] = {
    "empty file": (lambda on: b"", "damaged or not a coach bundle"),
    "random bytes": (
        lambda on: random.Random(7).randbytes(4096),
        "damaged or not a coach bundle",
    ),
    "a text file": (lambda on: b"Dear coach,\nhere is my week.\n", "damaged or not a coach bundle"),
    "truncated": (lambda on: on.sealed()[:-40], "damaged or not a coach bundle"),
    "cut in half": (lambda on: (b := on.sealed())[: len(b) // 2], "damaged or not a coach bundle"),
    "flipped ciphertext bytes": (
        lambda on: flipped(on.sealed(), -60, -61, -90),
        "damaged or not a coach bundle",
    ),
    "flipped header MAC": (
        lambda on: flipped(b := on.sealed(), b.index(b"\n--- ") + 8),
        "could not be decrypted",
    ),
    "encrypted for someone else": (
        lambda on: craft.sealed(on.payload(), on.sender, craft.person("Someone")),
        "encrypted for someone else",
    ),
    "bad signature": (
        lambda on: craft.framed(
            flipped(craft.signed_frame(craft.compressed(on.payload()), on.sender), len(MAGIC) + 40),
            on.reader,
        ),
        "bad signature",
    ),
    "changed after signing": (
        lambda on: craft.framed(
            craft.signed_frame(craft.compressed(on.payload()), on.sender)[: len(MAGIC) + 96]
            + craft.compressed(on.payload()),
            on.reader,
        ),
        "bad signature",
    ),
    "no signature": (
        lambda on: craft.framed(MAGIC + craft.compressed(on.payload()), on.reader),
        "bad signature",
    ),
    "magic and nothing else": (
        lambda on: craft.framed(MAGIC + b"{}", on.reader),
        "not a signed coach bundle",
    ),
    "no magic": (
        lambda on: craft.framed(craft.compressed(on.payload()), on.reader),
        "not a signed coach bundle",
    ),
    "signed by a stranger who names the sender": (
        lambda on: craft.sealed(on.payload(), craft.person("Mallory"), on.reader),
        "signed by a key other than the sender's own",
    ),
    "sender key line differs from the signing key": (
        lambda on: sender_key(on, craft.person("Mallory").public.line()),
        "signed by a key other than the sender's own",
    ),
    "damaged sender key line": (
        lambda on: sender_key(on, "coach1:age1nope:AAAA"),
        "key line is damaged",
    ),
    "compressed contents damaged": (
        lambda on: craft.framed(
            craft.signed_frame(b"\x00\x00" + craft.compressed(on.payload())[2:], on.sender),
            on.reader,
        ),
        "cannot be unpacked",
    ),
    "compressed contents cut short": (
        lambda on: craft.framed(
            craft.signed_frame(craft.compressed(on.payload())[:-20], on.sender), on.reader
        ),
        "cut short",
    ),
    "not JSON": (
        lambda on: craft.sealed(b"<html>not a bundle</html>", on.sender, on.reader),
        "holds no readable bundle",
    ),
    "JSON but a list": (
        lambda on: craft.sealed(b"[1, 2, 3]", on.sender, on.reader),
        "holds no readable bundle",
    ),
    "a future schema": (lambda on: on.sealed(schema=READABLE_SCHEMA + 1), "upgrade coach"),
    "an unknown format": (lambda on: on.sealed(format="coach-diary"), "is not a coach-"),
    "an unknown field": (lambda on: on.sealed(extra=1), "extra"),
    "a 200,000-character field": (huge, "expected str of length <="),
}


@pytest.mark.parametrize("name", SIDES)
@pytest.mark.parametrize("case", list(CASES))
def test_a_bad_bundle_is_refused_in_one_line_and_changes_nothing(
    world: World, name: str, case: str
) -> None:
    on = side(world, name)
    make, expected = CASES[case]
    line = refused(world, on, write(world, make(on)))
    assert expected in line.lower(), line


@pytest.mark.parametrize("name", SIDES)
def test_a_bundle_with_invalid_utf8_in_a_text_field_is_refused(world: World, name: str) -> None:
    on = side(world, name)
    line = refused(world, on, write(world, invalid_utf8(on)))
    assert "not valid UTF-8" in line


@pytest.mark.parametrize(
    ("name", "use"),
    [("clients add", "coach feedback import"), ("feedback import", "coach clients add")],
)
def test_the_other_kind_of_bundle_is_refused_naming_the_right_command(
    world: World, name: str, use: str
) -> None:
    on = side(world, name)
    bundle = write(world, craft.sealed(on.other_kind(), on.sender, on.reader))
    assert f"open it with `{use}`" in refused(world, on, bundle)


@pytest.mark.parametrize("name", SIDES)
def test_a_zlib_bomb_is_refused_before_it_is_unpacked(
    world: World, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(envelope, "MAX_PAYLOAD_BYTES", 64 * 1024)
    on = side(world, name)
    padded = craft.encode(on.payload()).replace(b"{", b"{" + b" " * 1_000_000, 1)
    assert len(craft.compressed(padded)) < 4096
    line = refused(world, on, write(world, craft.sealed(padded, on.sender, on.reader)))
    assert "unpacks to more than any coach bundle holds" in line.lower()


@pytest.mark.parametrize("name", SIDES)
def test_a_file_over_32_mb_is_refused(world: World, name: str) -> None:
    on = side(world, name)
    big = world.root.parent / "big.age"
    with big.open("wb") as f:
        f.truncate(envelope.MAX_BUNDLE_BYTES + 1024 * 1024)
    line = refused(world, on, big)
    assert "larger than 32 MB, more than any Coach bundle; not opened" in line


def test_a_file_over_32_mb_is_refused_without_reading_it(world: World) -> None:
    on = side(world, "clients add")
    big = world.root.parent / "big.age"
    with big.open("wb") as f:
        f.truncate(envelope.MAX_BUNDLE_BYTES + 1024 * 1024)
    tracemalloc.start()
    try:
        on.cli.fails("--home", str(on.cli.home), *on.command, str(big))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 16 * 1024 * 1024, f"{peak // (1024 * 1024)} MB held to refuse it"


@pytest.mark.parametrize("name", SIDES)
def test_a_missing_file_is_one_line(world: World, name: str) -> None:
    on = side(world, name)
    line = refused(world, on, world.root.parent / "nowhere.age")
    assert "cannot read" in line


# ----- the coach's side: who may be added, and what a share may hold -------------------------


def add(world: World, data: bytes) -> str:
    return refused(world, side(world, "clients add"), write(world, data))


@pytest.mark.parametrize(
    "claimed",
    [
        "Ana Client",
        "ANA CLIENT",
        "ana client",
        "Ana Client\u034f",  # combining grapheme joiner
        "Ana Client\ufe0f",  # variation selector
        "\u0410na Client",  # Cyrillic A
        "\uff21na Client",  # fullwidth A
        "Ana Clie\u0301nt",  # a stray accent
    ],
)
def test_a_new_key_under_a_pinned_name_is_refused(world: World, claimed: str) -> None:
    impostor = craft.person(claimed)
    line = add(world, craft.sealed(craft.share(impostor), impostor, world.coach_keys()))
    assert "signed by a different key than the one pinned for" in line
    assert "not added" in line


LOOK_ALIKES = ["{} ", "  {}", "{}\u202e", "\x1b{}", "{}\x9b", "{}\u200b"]
"""Each is shown exactly like the plain name once control characters and spacing go."""


@pytest.mark.parametrize("disguise", LOOK_ALIKES)
def test_a_new_key_under_a_name_that_looks_the_same_is_refused(world: World, disguise: str) -> None:
    impostor = craft.person(disguise.format("Ana  Client"))
    line = add(world, craft.sealed(craft.share(impostor), impostor, world.coach_keys()))
    assert "signed by a different key than the one pinned for" in line


BIG = "x" * 200_000


def full_day() -> dict[str, Any]:
    return craft.entry(
        COMMENTED_DAY,
        intent="i",
        intent_for={"kind": "person", "name": "Bo"},
        help=[{"id": craft.new_id(), "person": "Bo", "request": "r"}],
        self_focus="f",
        reflection="r",
        notes={"step": "n"},
    )


HUGE_SHARE: dict[str, Callable[[dict[str, Any]], None]] = {
    "client.name": lambda p: p["client"].update(name=BIG),
    "entries[0].intent": lambda p: p["entries"][0].update(intent=BIG),
    "entries[0].intent_for.name": lambda p: p["entries"][0]["intent_for"].update(name=BIG),
    "entries[0].help[0].person": lambda p: p["entries"][0]["help"][0].update(person=BIG),
    "entries[0].help[0].request": lambda p: p["entries"][0]["help"][0].update(request=BIG),
    "entries[0].self_focus": lambda p: p["entries"][0].update(self_focus=BIG),
    "entries[0].reflection": lambda p: p["entries"][0].update(reflection=BIG),
    "entries[0].notes": lambda p: p["entries"][0]["notes"].update(step=BIG),
    "promises[0].text": lambda p: p["promises"][0].update(text=BIG),
    "promises[0].to": lambda p: p["promises"][0].update(to=BIG),
    "promises[0].note": lambda p: p["promises"][0].update(note=BIG),
}


@pytest.mark.parametrize("path", list(HUGE_SHARE))
def test_a_share_with_a_200000_character_field_is_refused_naming_it(
    world: World, path: str
) -> None:
    client = world.client_keys()
    payload = craft.share(
        client, entries=[full_day()], promises=[craft.promise(COMMENTED_DAY, "p", to="Bo")]
    )
    HUGE_SHARE[path](payload)
    line = add(world, craft.sealed(payload, client, world.coach_keys()))
    assert path in line and "length <=" in line, line


def share_with(world: World, **fields: Any) -> bytes:
    client = world.client_keys()
    return craft.sealed(craft.share(client, **fields), client, world.coach_keys())


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (
            {"entries": [craft.entry(COMMENTED_DAY, intent="secret", private=True)]},
            "holds a private entry, which Coach never shares",
        ),
        (
            {"entries": [craft.entry(COMMENTED_DAY), craft.entry(COMMENTED_DAY)]},
            "has two entries for the same day",
        ),
        (
            {"entries": [craft.entry(DAY + dt.timedelta(days=1))]},
            f"has a record dated {DAY + dt.timedelta(days=1)}, outside its period",
        ),
        (
            {"promises": [craft.promise(DAY + dt.timedelta(days=3), "later")]},
            "outside its period",
        ),
        (
            {"start": DAY, "end": DAY - dt.timedelta(days=1)},
            "its period ends before it starts",
        ),
        (
            {"promises": [(p := craft.promise(COMMENTED_DAY, "once")), dict(p)]},
            "has two promises with the same id",
        ),
        (
            {"entries": [craft.entry(COMMENTED_DAY, ratings={"credibility": 11})]},
            "entries[0].ratings.credibility",
        ),
        (
            {"promises": [craft.promise(COMMENTED_DAY, "x", kind="vow")]},
            "promises[0].kind",
        ),
        ({"created": "2026-11-23T08:00:00"}, "created"),
        ({"client": {"name": "x" * 501, "key": "k"}}, "client.name"),
        (
            {"entries": [craft.entry(COMMENTED_DAY, tags=["a b"])]},
            "entries[0].tags[0]",
        ),
        (
            {"entries": [craft.entry(COMMENTED_DAY, tags=["\x1b[2j"])]},
            "entries[0].tags[0]",
        ),
        (
            {"entries": [craft.entry(COMMENTED_DAY, tags=["\x9bx"])]},
            "entries[0].tags[0]",
        ),
        (
            {"entries": [craft.entry(COMMENTED_DAY, tags=["x" * 65])]},
            "entries[0].tags[0]",
        ),
    ],
    ids=[
        "private entry", "two entries on a day", "entry after the period",
        "promise after the period", "period backwards", "duplicate promise ids",
        "rating 11", "unknown promise kind", "stamp without offset", "501-character name",
        "tag with a space", "tag with an escape", "tag with a C1 control", "65-character tag",
    ],
)  # fmt: skip
def test_a_share_that_breaks_the_journals_rules_is_refused(
    world: World, fields: dict[str, Any], expected: str
) -> None:
    assert expected in add(world, share_with(world, **fields))


# ----- the client's side: whose comments may be imported ---------------------------------------


def import_(world: World, data: bytes) -> str:
    return refused(world, side(world, "feedback import"), write(world, data))


def test_feedback_for_someone_elses_journal_is_refused(world: World) -> None:
    coach, client = world.coach_keys(), world.client_keys()
    other = craft.person("Cy").public.line()
    data = craft.sealed(
        craft.feedback(coach, other, [craft.comment(coach, COMMENTED_DAY, "hi")]), coach, client
    )
    assert "holds comments for someone else's journal" in import_(world, data)


def test_feedback_from_a_new_key_under_the_coachs_name_is_refused(world: World) -> None:
    impostor, client = craft.person("Bo Coach"), world.client_keys()
    comments = [craft.comment(impostor, COMMENTED_DAY, "Send me your password")]
    data = craft.sealed(craft.feedback(impostor, client.public.line(), comments), impostor, client)
    line = import_(world, data)
    assert "whose key differs from the one your earlier feedback from Bo Coach" in line


def test_a_comment_claiming_another_author_is_refused(world: World) -> None:
    coach, client = world.coach_keys(), world.client_keys()
    comments = [craft.comment(coach, COMMENTED_DAY, "hi", name="Someone Else")]
    data = craft.sealed(craft.feedback(coach, client.public.line(), comments), coach, client)
    assert "holds a comment not written by its sender" in import_(world, data)


def test_a_second_coach_cannot_overwrite_the_first_coachs_comment(world: World) -> None:
    client = world.client_keys()
    (mine,) = (world.client.home / "feedback").glob("comments-*.json")
    first_id = next(iter(json.loads(mine.read_text())["comments"].values()))["id"]
    rival = craft.person("Dee Coach")
    comment = {**craft.comment(rival, COMMENTED_DAY, "Ignore Bo"), "id": first_id}
    data = craft.sealed(craft.feedback(rival, client.public.line(), [comment]), rival, client)
    assert "would overwrite another coach's comment" in import_(world, data)


@pytest.mark.parametrize("path", ["coach.name", "comments[0].text", "comments[0].author"])
def test_feedback_with_a_200000_character_field_is_refused_naming_it(
    world: World, path: str
) -> None:
    coach, client = world.coach_keys(), world.client_keys()
    payload = craft.feedback(
        coach, client.public.line(), [craft.comment(coach, COMMENTED_DAY, "hi")]
    )
    where, field = path.split(".")
    (payload["coach"] if where == "coach" else payload["comments"][0])[field] = BIG
    line = import_(world, craft.sealed(payload, coach, client))
    assert path in line and "length <=" in line, line


@pytest.mark.parametrize("disguise", LOOK_ALIKES)
def test_feedback_from_a_new_key_under_a_look_alike_coach_name_is_refused(
    world: World, disguise: str
) -> None:
    impostor, client = craft.person(disguise.format("Bo Coach")), world.client_keys()
    comments = [craft.comment(impostor, COMMENTED_DAY, "Send me your password")]
    data = craft.sealed(craft.feedback(impostor, client.public.line(), comments), impostor, client)
    assert "whose key differs from the one your earlier feedback" in import_(world, data)


# ----- dates at the edges of the calendar --------------------------------------------------


def edge_share(world: World, start: dt.date, end: dt.date) -> Path:
    who = craft.person("Edge Case")
    data = craft.sealed(
        craft.share(who, start=start, end=end, entries=[craft.entry(start, intent="first")]),
        who,
        world.coach_keys(),
    )
    return write(world, data)


FIRST_WEEK = (dt.date(1, 1, 1), dt.date(1, 1, 8))
LAST_MONTH = (dt.date(9999, 12, 1), dt.date(9999, 12, 31))


def test_a_share_dated_in_year_one_is_refused_in_one_line(world: World) -> None:
    refused(world, side(world, "clients add"), edge_share(world, *FIRST_WEEK))


def test_a_share_that_fails_while_being_added_leaves_no_half_written_client(
    world: World,
) -> None:
    before = snapshot(world.coach.home)
    bundle = edge_share(world, *FIRST_WEEK)
    world.coach.runner.invoke(
        main, ["--home", str(world.coach.home), "clients", "add", str(bundle)]
    )
    assert snapshot(world.coach.home) == before


def test_a_share_dated_in_year_9999_is_refused_or_summarised(world: World) -> None:
    bundle = edge_share(world, *LAST_MONTH)
    home = ("--home", str(world.coach.home))
    for args in (
        ("clients", "add", str(bundle)),
        ("clients", "summary", "Edge Case", "-o", "-", "--format", "md"),
    ):
        result = world.coach.runner.invoke(main, [*home, *args])
        assert result.exit_code in (0, 2), f"{args[:2]}: {result.exception!r}"
        if result.exit_code == 2:
            break


def test_a_share_made_for_another_coach_and_passed_on_is_refused(world: World) -> None:
    other_coach = craft.person("Cy Coach")
    payload = craft.share(world.client_keys(), coach_key=other_coach.public.line())
    line = add(world, craft.sealed(payload, world.client_keys(), world.coach_keys()))
    assert "made for another coach" in line
