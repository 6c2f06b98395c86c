"""What a coach relies on beyond a bundle's bytes: one key per name even when two bundles
arrive at once, comments reaching the right client, and figures that stay true as shares
come in over time."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

from coach.cli import main
from journal.app.home import Home
from journal.app.sharing import ShareRequest, create_keys, prepare_share, write_share
from tests.cli.helpers import snapshot
from tests.conftest import DAY
from tests.sharing import craft
from tests.sharing.conftest import World


def test_two_bundles_under_one_name_added_at_once_pin_one_key(world: World) -> None:
    """Real processes racing: the pin check and the write happen under one lock."""
    coach = world.coach_keys()
    bundles = []
    for i in range(2):
        impostor = craft.person("Cy Newcomer")
        data = craft.sealed(craft.share(impostor), impostor, coach)
        bundles.append(world.root / f"cy-{i}.age")
        bundles[-1].write_bytes(data)
    runs = [
        subprocess.Popen(
            [
                str(Path(sys.executable).with_name("coach")),
                "--home",
                str(world.coach.home),
                "clients",
                "add",
                str(b),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        for b in bundles
    ]
    outs = [run.communicate(timeout=60) for run in runs]
    codes = sorted(run.returncode for run in runs)
    assert codes == [0, 2], outs
    names = [c.name for c in world.workspace().clients()]
    assert names.count("Cy Newcomer") == 1


def test_a_name_that_matches_two_clients_is_refused_naming_both(world: World) -> None:
    coach = world.coach_keys()
    ana_id = world.client_id()
    lookalike = craft.person(ana_id[:8])  # a client named like Ana's key id
    world.on(world.coach, "clients", "add", str(write(world, "id.age", lookalike, coach)))
    before = snapshot(world.coach.home)
    line = world.coach.fails("--home", str(world.coach.home), "clients", "reply", ana_id[:8])
    assert "matches 2 clients" in line and "Ana Client" in line
    assert snapshot(world.coach.home) == before


def test_a_comment_on_a_day_the_client_did_not_share_is_refused(world: World) -> None:
    before = snapshot(world.coach.home)
    line = world.coach.fails(
        "--home", str(world.coach.home), "clients", "comment", world.client_id(),
        (DAY + dt.timedelta(days=30)).isoformat(), "Great week ahead",
    )  # fmt: skip
    assert "shared nothing for" in line
    assert snapshot(world.coach.home) == before


def test_a_bundle_dated_in_the_future_is_refused(world: World) -> None:
    client = world.client_keys()
    later = dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=30)
    payload = craft.share(client, created=craft.stamp(later))
    before = snapshot(world.coach.home)
    bundle = world.root / "future.age"
    bundle.write_bytes(craft.sealed(payload, client, world.coach_keys()))
    line = world.coach.fails("--home", str(world.coach.home), "clients", "add", str(bundle))
    assert "in the future" in line
    assert snapshot(world.coach.home) == before


def test_dashboard_figures_stay_as_of_the_latest_day_shared(tmp_path: Path) -> None:
    """A newer bundle about an older stretch must not turn the dashboard back in time."""
    coach, client = keyed_pair(tmp_path)
    svc = client.journal
    for n in range(60):
        svc.set_intent(DAY - dt.timedelta(days=n), f"day {n}")
    made = svc.add_promise(DAY - dt.timedelta(days=50), "old one", "commitment", due=DAY)
    svc.resolve_promise(made.id, "kept", on=DAY - dt.timedelta(days=2))
    space = Home(tmp_path / "coach", today=lambda: DAY).workspace
    to = coach.public.line()
    newer = prepare_share(client, ShareRequest(to, DAY - dt.timedelta(days=59), DAY))
    space.add(newer.data, coach, "a")
    before = space.clients()[0].facts
    older = prepare_share(
        client, ShareRequest(to, DAY - dt.timedelta(days=59), DAY - dt.timedelta(days=30))
    )
    space.add(older.data, coach, "b")
    assert space.clients()[0].facts == before
    assert before.last_checkin == DAY and before.keep_rate == 1.0


def test_a_promise_settled_between_two_shares_reaches_the_coach(tmp_path: Path) -> None:
    coach, client = keyed_pair(tmp_path)
    today = DAY - dt.timedelta(days=20)
    svc = client.journal
    svc.set_intent(DAY - dt.timedelta(days=25), "first stretch")
    made = svc.add_promise(DAY - dt.timedelta(days=25), "send the plan", "commitment")
    to = coach.public.line()
    first = prepare_share(client, ShareRequest(to, DAY - dt.timedelta(days=27), today))
    space = Home(tmp_path / "coach", today=lambda: DAY).workspace
    space.add(first.data, coach, "first")
    write_share(client, first, tmp_path / "first.age")
    svc.resolve_promise(made.id, "kept", on=DAY - dt.timedelta(days=15))  # in the gap
    svc.set_intent(DAY - dt.timedelta(days=3), "second stretch")
    second = prepare_share(client, ShareRequest(to, DAY - dt.timedelta(days=7), DAY))
    space.add(second.data, coach, "second")
    (copy,) = space.journal(space.clients()[0]).all_promises()
    assert copy.status == "kept"


def keyed_pair(root: Path) -> tuple[craft.Identity, Home]:
    """A coach's keys, and a client's home with keys of their own."""
    coach = create_keys(Home(root / "coach"), "Dee Coach")
    return coach, create_home(root / "client", "Eli Client")


def create_home(root: Path, name: str) -> Home:
    home = Home(root, today=lambda: DAY)
    create_keys(home, name)
    return home


def write(world: World, name: str, sender: craft.Identity, coach: craft.Identity) -> Path:
    path = world.root / name
    path.write_bytes(craft.sealed(craft.share(sender), sender, coach))
    return path


def test_removing_a_client_lets_their_new_key_in(world: World) -> None:
    coach_home = str(world.coach.home)
    who = world.client_id()
    before = snapshot(world.coach.home)
    result = world.coach.runner.invoke(
        main, ["--home", coach_home, "clients", "remove", who[:8]], input="n\n"
    )  # answers no when asked
    assert result.exit_code == 2 and "nothing removed" in result.stderr
    assert snapshot(world.coach.home) == before
    said = world.on(world.coach, "clients", "remove", who[:8], "--yes")
    assert said.startswith(f"Removed Ana Client ({who[:8]})")
    assert world.workspace().clients() == []
    new_keys = craft.person("Ana Client")
    path = write(world, "new-keys.age", new_keys, world.coach_keys())
    assert world.on(world.coach, "clients", "add", str(path)).startswith("Added Ana Client")


def test_a_removal_a_crash_cut_short_does_not_block_the_next(world: World) -> None:
    """A crash between renaming a client's folder and deleting it leaves `.removed-<id>`; the
    client added again and removed again must still go, and their old comments with them."""
    who = world.client_id()
    folder = world.client_folder()
    leftover = folder.with_name(f".removed-{who}")
    shutil.copytree(folder, leftover)  # what the crash left
    said = world.on(world.coach, "clients", "remove", who[:8], "--yes")
    assert said.startswith(f"Removed Ana Client ({who[:8]})")
    assert not folder.exists() and not leftover.exists()
    assert world.workspace().clients() == []


def test_a_sentence_kept_by_an_older_coach_reads_in_todays_words(tmp_path: Path) -> None:
    """Facts are kept with the client when a bundle arrives; a workspace made before
    directions were said as better or worse must not go on saying "fell"."""
    import msgspec

    from journal.sharing.clients import dashboard_row

    coach, client = keyed_pair(tmp_path)
    client.journal.set_intent(DAY, "day one")
    space = Home(tmp_path / "coach", today=lambda: DAY).workspace
    space.add(prepare_share(client, ShareRequest(coach.public.line(), DAY, DAY)).data, coach, "a")
    (kept,) = space.clients()
    old = "Over the last 12 weeks your self-orientation fell, mostly in what you did; x."
    aged = msgspec.structs.replace(kept, facts=msgspec.structs.replace(kept.facts, summary=old))
    said = dashboard_row(aged, DAY).summary
    assert (
        said == "Over the last 12 weeks your self-orientation improved, mostly in what you did; x."
    )
    assert dashboard_row(kept, DAY).summary == kept.facts.summary  # today's words stay
