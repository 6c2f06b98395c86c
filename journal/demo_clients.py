"""A sample coach's workspace: many clients' shared journals, so coach mode has data to show.

``journal.app.demo.write_demo_clients`` fills the coach's workspace through the path real
bundles take, so the demo exercises what coaches use: new keys for the coach (``Coach
(demo)``), then for each client a throwaway home with keys of their own, a demo journal (seed
``seed + i``, so each client differs), a share bundle of that whole journal encrypted to the
coach and signed by the client, and ``Workspace.add``. Nothing of the coach's own journal is
written. This module holds the pure parts: names, counts and how quiet each client has gone.

Clients' journals do not all end today: like real clients, most shared recently and a few have
gone quiet for a week or more, so the dashboard's last check-in and 30-day figures vary. The
workspace itself is deterministic only in content: keys, bundle times and so folder names are
new each time.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from journal.errors import InvalidInput

MIN_CLIENTS, MAX_CLIENTS = 1, 500
COACH_NAME = "Coach (demo)"

CLIENT_NAMES: tuple[str, ...] = (
    "Aisha Bello",
    "Bjørn Halvorsen",
    "Camille Laurent",
    "Dmitri Volkov",
    "Eleanor Whitfield",
    "Femi Adeyemi",
    "Gabriela Souza",
    "Henrik Lindqvist",
    "Isabel Ortega",
    "Jamal Carter",
    "Katarzyna Nowak",
    "Liam O'Sullivan",
    "Mariana Costa",
    "Nikhil Rao",
    "Olivia Bennett",
    "Pedro Alvarez",
    "Quinn Harper",
    "Rosa Martínez",
    "Samuel Osei",
    "Tamar Levi",
    "Umar Farouk",
    "Valentina Rossi",
    "Wei Zhang",
    "Ximena Flores",
    "Yusuf Demir",
    "Zofia Kowalska",
    "Anika Sharma",
    "Benedikt Huber",
    "Chiara Bianchi",
    "Daniel Kim",
    "Émilie Tremblay",
    "Farah Haddad",
    "Gideon Mensah",
    "Hana Novák",
    "Ivan Petrov",
    "Julia Schmidt",
    "Kofi Boateng",
    "Lucía Fernández",
    "Malik Johnson",
    "Nadia Rahman",
    "Oscar Lindgren",
    "Paulina Wiśniewska",
    "Rafael Mendes",
    "Sakura Tanaka",
    "Theo Papadopoulos",
    "Ursula Becker",
    "Vikram Nair",
    "Wanjiru Kamau",
    "Xavier Dubois",
    "Yara Nasser",
    "Zainab Ahmed",
    "Anneke de Vries",
    "Carlos Mendoza",
    "Siobhán Murphy",
    "Tobias Andersson",
    "Esperanza Ruiz-Delgado",
    "Oluwaseun Akinola",
    "Margarethe von Stein",
    "Lars-Erik Johansson",
    "Thandiwe Nkosi",
)
"""Distinct first names, none of them a name the demo journals write about."""


@dataclass(frozen=True)
class ClientsSummary:
    """What ``write_demo_clients`` made, for the CLI to report."""

    clients: int
    years: int
    workspace: Path
    coach: str
    """The display name on the coach's new keys."""


def check_clients(clients: object) -> int:
    if (
        isinstance(clients, bool)
        or not isinstance(clients, int)
        or not MIN_CLIENTS <= clients <= MAX_CLIENTS
    ):
        raise InvalidInput(
            f"clients must be a whole number from {MIN_CLIENTS} to {MAX_CLIENTS}, not {clients!r}"
        )
    return clients


def client_name(i: int) -> str:
    """The ``i``-th client's display name (from 0); past the list, names come round numbered."""
    name = CLIENT_NAMES[i % len(CLIENT_NAMES)]
    return name if i < len(CLIENT_NAMES) else f"{name} {i // len(CLIENT_NAMES) + 1}"


def quiet_days(seed: int) -> int:
    """How many days before today a client's journal ends: most shared just now, some last
    week, a few have not written for weeks."""
    rng = random.Random(f"demo-client-{seed}")
    pick = rng.random()
    if pick < 0.55:
        return 0
    if pick < 0.80:
        return rng.randint(1, 3)
    if pick < 0.95:
        return rng.randint(4, 13)
    return rng.randint(14, 45)
