"""Sample data for exploring Coach: a demo journal, or a coach's workspace of demo clients
made the way real ones are (keys, a journal, a share of it, added to the workspace)."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

from journal.app.home import Home
from journal.app.sharing import ShareRequest, create_keys, prepare_share
from journal.demo import DemoSummary, check_years, generate
from journal.demo_clients import (
    COACH_NAME,
    ClientsSummary,
    check_clients,
    client_name,
    quiet_days,
)
from journal.demo_people import demo_people
from journal.errors import InvalidInput
from journal.sharing.keys import Identity
from journal.wording import count


def write_demo(home: Home, years: int, seed: int = 7) -> DemoSummary:
    """Fill an empty journal with sample history ending today."""
    check_years(years)
    journal = home.journal
    if journal.has_entries():
        raise InvalidInput(
            f"{home.root} already has journal entries; the demo only writes into an empty "
            "home (choose another folder with --home or COACH_HOME)"
        )
    entries, promises = generate(years, seed, today=home.today())
    people = demo_people(entries, promises, seed)
    journal.write_bulk(entries, promises, people=people)
    return DemoSummary(
        entries=len(entries),
        promises=len(promises),
        first=entries[0].date,
        last=entries[-1].date,
    )


def coach_identity(home: Home) -> Identity:
    """New demo keys. A home with keys is someone's real identity: demo clients pinned to it
    could never be told apart from real ones, so the demo refuses such a home."""
    if home.identity_or_none() is None:
        return create_keys(home, COACH_NAME)
    raise InvalidInput(
        f"{home.root} has your keys; demo clients go into a home of their own "
        "(choose another folder with --home or COACH_HOME)"
    )


def write_demo_clients(home: Home, clients: int, years: int = 1, seed: int = 7) -> ClientsSummary:
    """Fill an empty coach's workspace with ``clients`` sample clients, each with ``years`` of
    history ending on or a little before today."""
    check_clients(clients)
    check_years(years)
    workspace = home.workspace
    found = workspace.clients()
    if found:
        raise InvalidInput(
            f"{home.layout.workspace} already has {count(len(found), 'client')}; "
            "the demo only fills an empty workspace "
            "(choose another folder with --home or COACH_HOME)"
        )
    coach = coach_identity(home)
    with tempfile.TemporaryDirectory(prefix="coach-demo-clients-") as scratch:
        for i in range(clients):
            client_home = Path(scratch) / f"client-{i}"
            add_client(home, coach, client_home, client_name(i), years, seed + i)
            shutil.rmtree(client_home)
    return ClientsSummary(clients, years, home.layout.workspace, coach.name)


def add_client(
    home: Home, coach: Identity, client_home: Path, name: str, years: int, seed: int
) -> None:
    """One client as it happens for real: keys, a journal, a bundle of all of it, added."""
    end = home.today() - dt.timedelta(days=quiet_days(seed))
    client = Home(client_home, today=lambda: end)
    create_keys(client, name)
    summary = write_demo(client, years, seed)
    share = prepare_share(
        client, ShareRequest(coach.public.line(), start=summary.first, end=summary.last)
    )
    home.workspace.add(share.data, coach, f"the demo bundle of {name}")
