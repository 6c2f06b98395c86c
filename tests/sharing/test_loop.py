"""The whole loop a client and a coach rely on, through the CLI on two homes: share, add,
look at the dashboard, comment, reply, import, and see the comments in the client's export.
Private days never leave the client's home; a newer share replaces the older one by id."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import msgspec

from journal.app.service import JournalService
from journal.model import Entry, Promise
from journal.sharing.envelope import unseal
from journal.sharing.keys import fingerprint
from tests.cli.helpers import UNSAFE, snapshot
from tests.conftest import DAY
from tests.sharing.conftest import (
    CANARY,
    COMMENTED_DAY,
    DAY_COMMENT,
    FROM,
    PRIVATE_DAY,
    UNTIL,
    WEEK_COMMENT,
    World,
    unescaped,
)

SPAN = f"{FROM.isoformat()} to {UNTIL.isoformat()}"


def payload(world: World, bundle: Path) -> bytes:
    data, signer = unseal(bundle.read_bytes(), world.coach_keys(), str(bundle))
    assert signer == world.client_keys().public.sign
    return data


def shared(world: World) -> tuple[list[Entry], list[Promise]]:
    """What the client can share: their non-private days in the period, newest first."""
    svc = world.client.service()
    entries = [e for e in svc.entries(start=FROM, end=UNTIL) if not e.private]
    return entries, svc.all_promises()


def coach_copy(world: World) -> JournalService:
    return world.workspace().journal(world.workspace().clients()[0])


def said_day(message: str, day: dt.date) -> bool:
    return message.startswith("Comment saved on Ana Client's") and (
        day.isoformat() in message or f"{day:%d %b %Y}" in message
    )


def test_keys_init_prints_the_line_keys_show_prints(world: World) -> None:
    for cli, name in ((world.client, "client keys"), (world.coach, "coach keys")):
        printed = world.said[name].splitlines()
        assert printed[-1] == world.key_line(cli)
        assert printed[-1].startswith("coach1:age1")


def test_the_bundle_holds_the_shared_days_and_never_a_private_one(world: World) -> None:
    data = payload(world, world.root / "share-1.age")
    assert CANARY.lower().encode() not in data.lower()
    bundle: dict[str, Any] = json.loads(data)
    entries, _ = shared(world)
    assert [e["date"] for e in bundle["entries"]] == sorted(e.date.isoformat() for e in entries)
    assert PRIVATE_DAY.isoformat() not in {e["date"] for e in bundle["entries"]}
    assert (bundle["format"], bundle["schema"]) == ("coach-share", 1)
    assert (bundle["start"], bundle["end"]) == (FROM.isoformat(), UNTIL.isoformat())
    assert bundle["client"] == {"name": "Ana Client", "key": world.key_line(world.client)}
    said = world.said["share-1.age"]
    assert f"{len(bundle['entries'])} days, {len(bundle['promises'])} promises" in said
    assert "private days left out" in said


def test_clients_add_says_who_and_what_it_added(world: World) -> None:
    bundle = json.loads(payload(world, world.root / "share-1.age"))
    assert world.said["add"] == (
        f"Added Ana Client ({world.client_id()[:8]}): {len(bundle['entries'])} days and "
        f"{len(bundle['promises'])} promises, {SPAN}.\n"
    )


def test_the_coach_holds_exactly_the_shared_days_and_nothing_private(world: World) -> None:
    entries, _ = shared(world)
    assert coach_copy(world).entries() == entries
    assert world.client_id() == fingerprint(world.client_keys().public.sign)
    for path, data in snapshot(world.coach.home).items():
        assert data is None or CANARY.lower().encode() not in data.lower(), path


def test_clients_list_shows_figures_worked_out_from_the_shared_days(world: World) -> None:
    entries, _ = shared(world)
    (row,) = json.loads(world.on(world.coach, "clients", "list", "--json"))
    bundle = json.loads(payload(world, world.root / "share-1.age"))
    overdue = [
        p
        for p in bundle["promises"]
        if p["kind"] == "commitment"
        and p.get("status", "open") == "open"
        and p.get("due")
        and p["due"] < DAY.isoformat()
    ]
    recent = [e for e in entries if e.date > DAY - dt.timedelta(days=30)]
    assert row["id"] == world.client_id()
    assert row["name"] == "Ana Client"
    assert row["last_checkin"] == max(e.date for e in entries).isoformat()
    assert row["checkin_rate_30d"] == len(recent) / 30
    assert 0 < row["checkin_rate_30d"] < 1
    assert row["overdue_commitments"] == len(overdue)
    assert 0 <= row["commitment_keep_rate_90d"] <= 1
    assert row["self_orientation_12w"] in ("improving", "worsening", "steady", "not enough data")
    assert (row["shared_from"], row["shared_to"]) == (FROM.isoformat(), UNTIL.isoformat())
    (line,) = world.on(world.coach, "clients", "list").splitlines()
    assert line.startswith("Ana Client") and world.client_id()[:8] in line
    assert f"last {row['last_checkin']}" in line


def test_comments_travel_back_and_show_in_the_clients_export(world: World) -> None:
    monday = COMMENTED_DAY - dt.timedelta(days=COMMENTED_DAY.weekday())
    assert said_day(world.said["comment day"], COMMENTED_DAY)
    assert "week of" in world.said["comment week"]
    assert said_day(world.said["comment week"], monday)
    assert world.said["reply"].startswith("Wrote ")
    assert "feedback-1.age: 2 comments for Ana Client" in world.said["reply"]
    assert world.said["import"] == "Imported feedback from Bo Coach: 2 new comments, 0 updated.\n"
    text = unescaped(world.on(world.client, "export", "--format", "md", "-o", "-"))
    assert f"{COMMENTED_DAY:%A %d %B %Y}, Bo Coach {DAY_COMMENT}" in text
    assert f"Bo Coach {WEEK_COMMENT}" in text
    assert CANARY not in text


def test_the_coachs_summary_shows_their_comments_and_no_private_day(world: World) -> None:
    text = unescaped(
        world.on(world.coach, "clients", "summary", "Ana", "--format", "md", "-o", "-")
    )
    assert text.startswith("# Ana Client: progress summary")
    assert DAY_COMMENT in text and WEEK_COMMENT in text
    assert CANARY not in text
    assert not UNSAFE.search(text)


def test_importing_the_same_feedback_twice_adds_nothing(world: World) -> None:
    before = snapshot(world.client.home)
    again = world.on(world.client, "feedback", "import", str(world.root / "feedback-1.age"))
    assert again == "Imported feedback from Bo Coach: 0 new comments, 0 updated.\n"
    assert snapshot(world.client.home) == before


def test_a_comment_edited_by_the_coach_updates_the_clients_copy(world: World) -> None:
    store = world.workspace().comments(world.workspace().clients()[0])
    (day_comment,) = [c for c in store.all() if c.on == "day"]
    store.merge([msgspec.structs.replace(day_comment, text="Reworded")])
    reply = world.root / "feedback-2.age"
    world.on(world.coach, "clients", "reply", "Ana Client", "-o", str(reply))
    again = world.on(world.client, "feedback", "import", str(reply))
    assert again == "Imported feedback from Bo Coach: 0 new comments, 1 updated.\n"
    text = unescaped(world.on(world.client, "export", "--format", "md", "-o", "-"))
    assert "Reworded" in text and DAY_COMMENT not in text


def test_a_newer_share_replaces_the_older_by_id_and_says_what_changed(world: World) -> None:
    svc = world.client.service()
    entries, promises = shared(world)
    dates = {e.date for e in entries}
    # A shared day that had promises made on it becomes private.
    hidden = next(
        e.date for e in entries if e.date != COMMENTED_DAY and any(
            p.made_on == e.date for p in promises
        )
    )  # fmt: skip
    svc.set_private(hidden, True)
    # Another shared day is reworded, and a day with no check-in gets one, with a promise.
    world.on(world.client, "checkin", "--date", COMMENTED_DAY.isoformat(), "--intent", "Reworded")
    missing = next(
        d for n in range((UNTIL - FROM).days) if (d := FROM + dt.timedelta(days=n)) not in dates
    )
    world.on(
        world.client, "checkin", "--date", missing.isoformat(), "--intent", "Late entry",
        "--promise", "commitment: send Bo the notes",
    )  # fmt: skip
    second = world.share("share-2.age")
    assert CANARY.lower().encode() not in payload(world, second).lower()

    said = world.on(world.coach, "clients", "add", str(second))

    assert said == (
        f"Updated Ana Client ({world.client_id()[:8]}), {SPAN}: 1 new day, 1 day changed, "
        "1 day no longer shared, 1 new promise, 1 promise no longer shared.\n"
    )
    copy = coach_copy(world)
    now_shared, now_promises = shared(world)
    assert copy.entries() == now_shared
    assert hidden not in {e.date for e in copy.entries()}
    held = copy.all_promises()
    assert len({p.id for p in held}) == len(held)
    assert not [p for p in held if p.made_on == hidden]
    mine = {p.id: p for p in now_promises}
    assert all(mine[p.id] == p for p in held)
    assert len(json.loads(world.on(world.coach, "clients", "list", "--json"))) == 1


def test_sharing_the_same_journal_again_says_nothing_changed(world: World) -> None:
    second = world.share("share-2.age")
    said = world.on(world.coach, "clients", "add", str(second))
    assert said == f"Updated Ana Client ({world.client_id()[:8]}), {SPAN}: nothing changed.\n"


def test_adding_the_same_bundle_again_is_refused_and_changes_nothing(world: World) -> None:
    before = snapshot(world.root)
    message = world.coach.fails(
        "--home", str(world.coach.home), "clients", "add", str(world.root / "share-1.age")
    )
    assert "not newer than the bundle already added for Ana Client" in message
    assert snapshot(world.root) == before


def test_an_older_bundle_after_a_newer_one_is_refused(world: World) -> None:
    world.on(world.coach, "clients", "add", str(world.share("share-2.age")))
    before = snapshot(world.root)
    message = world.coach.fails(
        "--home", str(world.coach.home), "clients", "add", str(world.root / "share-1.age")
    )
    assert "not newer" in message
    assert snapshot(world.root) == before


def test_a_later_share_goes_to_the_coach_last_shared_with_without_the_key(world: World) -> None:
    """The CLI remembers the coach's key as the app does: the next share needs no --to."""
    target = world.root / "share-2.age"
    said = world.on(
        world.client, "share", "--from", FROM.isoformat(), "--until", UNTIL.isoformat(),
        "-o", str(target),
    )  # fmt: skip
    assert said.startswith(f"Sharing with {world.coach_keys().public.id}: ")
    added = world.on(world.coach, "clients", "add", str(target))
    assert added == f"Updated Ana Client ({world.client_id()[:8]}), {SPAN}: nothing changed.\n"


def test_a_bundle_is_never_written_to_standard_output(world: World) -> None:
    """A bundle is binary: `-o -` is refused before anything is made or remembered."""
    key = world.key_line(world.coach)
    for cli, args in (
        (world.client, ("share", "--to", key, "-o", "-")),
        (world.coach, ("clients", "reply", world.client_id(), "-o", "-")),
    ):
        before = snapshot(world.root)
        line = cli.fails("--home", str(cli.home), *args)
        assert line == "coach: a bundle is not text: give a file name with -o instead of -"
        assert snapshot(world.root) == before
