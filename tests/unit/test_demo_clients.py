"""`coach demo --clients N`: a coach's workspace of sample clients, made through real bundles."""

from __future__ import annotations

from pathlib import Path

import pytest

from journal.app.home import Home
from journal.demo_clients import CLIENT_NAMES, COACH_NAME, MAX_CLIENTS, client_name
from journal.demo_text import NAMES
from tests.cli.helpers import Cli
from tests.conftest import DAY

VERDICTS = {"improving", "steady", "worsening", "not enough data"}


@pytest.fixture
def cli(isolated_home: Path, monkeypatch: pytest.MonkeyPatch) -> Cli:
    monkeypatch.setattr(Home, "today", lambda self: DAY)
    return Cli(isolated_home)


def test_three_clients_then_a_second_run_is_refused(cli: Cli) -> None:
    out = cli.run("demo", "--clients", "3", "--years", "1").stdout
    assert out.count("\n") == 1, out
    assert "3 demo clients, 1 year of history each" in out
    assert str(Home(cli.home).layout.workspace) in out
    assert f"new keys for {COACH_NAME}" in out

    rows = Home(cli.home).workspace.dashboard()
    assert len({r.client.name for r in rows}) == 3
    assert {r.client.name for r in rows} == {client_name(i) for i in range(3)}
    for r in rows:
        assert r.last_checkin is not None and r.last_checkin <= DAY
        assert r.keep_rate is not None and 0 < r.keep_rate <= 1
        assert r.direction in VERDICTS
        assert r.client.facts.summary
        assert (r.client.end - r.client.start).days >= 364
    assert any(r.checkin_rate > 0 for r in rows)
    assert len({r.client.id for r in rows}) == 3
    assert Home(cli.home).identity().name == COACH_NAME
    assert not cli.service().has_entries(), "the coach's own journal stays empty"

    line = cli.fails("demo", "--clients", "3", "--years", "1")  # also: nothing on disk changed
    assert "already has 3 clients" in line


def test_a_home_with_real_keys_gets_no_demo_clients(cli: Cli) -> None:
    """Demo clients pinned to a person's real keys could never be told from real ones."""
    cli.run("keys", "init", "--name", "Ana Coach")
    assert "has your keys" in cli.fails("demo", "--clients", "1")
    assert Home(cli.home).workspace.clients() == []


@pytest.mark.parametrize("count", ["0", str(MAX_CLIENTS + 1), "many"])
def test_client_count_out_of_range_is_refused(cli: Cli, count: str) -> None:
    if count == "many":  # click's own refusal of a non-number, still nothing written
        cli.run("demo", "--clients", count, code=2)
        assert not cli.home.exists()
        return
    assert "from 1 to 500" in cli.fails("demo", "--clients", count)


def test_names_are_distinct_and_apart_from_the_journals_cast() -> None:
    assert len(CLIENT_NAMES) >= 50
    firsts = [n.split()[0] for n in CLIENT_NAMES]
    assert len(set(firsts)) == len(firsts)
    assert not set(firsts) & set(NAMES)
    names = [client_name(i) for i in range(MAX_CLIENTS)]
    assert len({n.casefold() for n in names}) == MAX_CLIENTS
    assert client_name(len(CLIENT_NAMES)) == f"{CLIENT_NAMES[0]} 2"
