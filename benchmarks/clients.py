"""Coach mode: the clients dashboard with 50 clients is up within a second, and so is adding a
client's 3-year bundle.

Dashboard: the wall time from spawning ``coach --home H clients`` in a fresh interpreter until
its table shows all 50 rows, laid out, on a workspace of 50 demo clients with three years each
(``journal.demo_clients``, built once per run and cached with the run's temp homes). The child
is this module, ``python -m benchmarks.clients dashboard HOME ROWS``: it runs the console
script's own ``coach.entry.main`` on that command line, with the app's ``run`` made headless at
the startup probe's size, and speaks ``benchmarks.probe``'s protocol (``phase``, ``ready``,
``error``) so the startup suite's reader times it. It says ``ready`` once the dashboard's table
holds every row, and ``error ...`` if another screen or another count shows, so a broken
dashboard cannot look fast. The minimal Textual app of the startup suite is timed the same way,
interleaved, as the baseline; the target is absolute, the ratio is context.

Adding: ``coach --home H clients add FILE`` as a whole process, fresh each time, for a bundle of
the 3-year demo journal. As an update, the workspace already holds that client (from a bundle
made a week earlier) beside the 50 demo clients, as a coach with fifty clients would have it;
as a new client, the workspace is empty. Bundles are built untimed beforehand, and before every
timed run the state is put back by copying a prepared folder (also untimed), so each run adds
the same bundle to the same state. ``python -c pass`` is the floor every command starts from.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
import weakref
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from benchmarks.probe import SIZE, emit, phase

if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.pilot import Pilot

    from benchmarks.common import Homes, Row
    from benchmarks.startup import ProbeRun
    from journal.sharing.keys import Identity

# The child imports only the probe's few modules above: whatever else the parent needs is
# imported inside its functions, so the dashboard pays for no more than the baseline's probe.

SUITE = "clients"
CLIENTS = 50
YEARS = 3
DASHBOARD_ROUNDS = 11
ADD_ROUNDS = 9
MAX_DASHBOARD_MS = 1000.0
MAX_ADD_MS = 1000.0
UPDATE_AFTER_DAYS = 7
"""The older bundle ends this many days before the newer one, as a weekly update would."""
ROWS_WAIT_S = 30.0
"""How long the child waits for the table to fill before calling it an error."""
COMMAND_TIMEOUT_S = 120.0

_WORKSPACES: weakref.WeakKeyDictionary[Homes, tuple[Path, float]] = weakref.WeakKeyDictionary()
"""Per run (per Homes): the 50-client home, and the seconds it took to build."""


# ----- the child: `coach --home H clients`, ready once the table shows every row ------------


def dashboard_probe(home: Path, rows: int) -> int:
    phase("start")
    import coach.cli  # noqa: F401  (`coach … clients` loads the command line; its cost counts)
    import coach.entry
    from coach.clients_app import ClientsApp

    phase("imports")
    run = ClientsApp.run

    def run_headless(app: ClientsApp, *args: Any, **kwargs: Any) -> Any:
        phase("built")
        return run(app, headless=True, size=SIZE, auto_pilot=table_filled(rows))

    ClientsApp.run = run_headless  # type: ignore[method-assign,assignment]
    sys.argv = ["coach", "--home", str(home), "clients"]
    try:
        coach.entry.main()
    except SystemExit as exc:
        if exc.code:
            emit(f"error `coach clients` exited with status {exc.code}")
    return 0


def table_filled(rows: int) -> Any:
    async def auto_pilot(pilot: Pilot[Any]) -> None:
        from textual.widgets import DataTable

        from coach.screens.clients import ClientsScreen

        deadline = time.monotonic() + ROWS_WAIT_S
        await pilot.pause()
        while True:
            screen = pilot.app.screen
            tables = screen.query("#clients").results(DataTable)
            table = next(iter(tables), None)
            shown = table.row_count if table is not None else -1
            if isinstance(screen, ClientsScreen) and table is not None and shown == rows:
                if all(str(table.get_row_at(i)[0]).strip() for i in range(rows)):
                    phase("ready")
                    emit("ready")
                else:
                    emit("error a row of the dashboard has no client name")
                break
            waited = time.monotonic() > deadline
            if waited or shown > rows:
                late = f" after {ROWS_WAIT_S:g} s" if waited else ""
                what = f"{type(screen).__name__} shows {shown} rows in #clients, not {rows}"
                emit(f"error {what}{late}")
                break
            await pilot.pause(0.005)
        pilot.app.exit()

    return auto_pilot


def time_dashboard(home: Path, rows: int) -> ProbeRun:
    """``startup.time_probe`` with this module's probe: spawn, read until ``ready``, let it exit."""
    from benchmarks.startup import time_probe

    argv = [sys.executable, "-m", "benchmarks.clients", "dashboard", str(home), str(rows)]
    return time_probe("clients dashboard", home, argv)


# ----- the parent ------------------------------------------------------------------------


def workspace(homes: Homes) -> tuple[Path, float]:
    """A home whose workspace holds ``CLIENTS`` demo clients of ``YEARS`` years, made once per
    run (as ``Homes.demo`` makes journals), and the seconds it took."""
    from benchmarks.common import DEMO_SEED
    from journal.app.demo import write_demo_clients
    from journal.app.home import Home

    if homes not in _WORKSPACES:
        home = homes.empty(f"{CLIENTS}x{YEARS}y")
        print(f"building {CLIENTS} demo clients of {YEARS} years ...", file=sys.stderr, flush=True)
        start = time.perf_counter()
        write_demo_clients(Home(home), CLIENTS, YEARS, DEMO_SEED)
        _WORKSPACES[homes] = (home, time.perf_counter() - start)
    return _WORKSPACES[homes]


@dataclass
class AddCase:
    """``coach clients add`` of one bundle into a home that ``reset`` puts back before each run;
    ``expect`` is how its one line of output must start."""

    name: str
    argv: list[str]
    env: dict[str, str]
    reset: Callable[[], None]
    expect: str
    samples_ms: list[float] = field(default_factory=list)
    failure: str = ""
    said: str = ""

    def __call__(self, timed: bool) -> None:
        import subprocess

        if self.failure:  # a broken command is not timed again
            return
        self.reset()
        start = time.perf_counter_ns()
        try:
            done = subprocess.run(
                self.argv,
                env=self.env,
                stdin=subprocess.DEVNULL,
                capture_output=True,
                timeout=COMMAND_TIMEOUT_S,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            self.failure = f"{type(exc).__name__}: {exc}"[:200]
            return
        elapsed = (time.perf_counter_ns() - start) / 1e6
        out = done.stdout.decode(errors="replace").strip()
        if done.returncode != 0 or not out.startswith(self.expect):
            lines = (done.stderr.decode(errors="replace").strip() or out).splitlines()
            self.failure = f"exit status {done.returncode}: {lines[-1] if lines else '-'}"[:200]
            return
        self.said = out
        if timed:
            self.samples_ms.append(elapsed)


def replace_tree(prepared: Path, target: Path) -> None:
    import shutil

    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(prepared, target)


def add_cases(homes: Homes, fifty: Path) -> tuple[list[AddCase], dict[str, object]]:
    """The update and new-client commands, their bundles and prepared states, all untimed."""
    import shutil

    from benchmarks.common import child_env
    from benchmarks.export import coach_argv
    from journal.app.home import Home
    from journal.app.sharing import ShareRequest, create_keys, prepare_share
    from journal.demo_clients import client_name

    scratch = homes.empty("clients-add")
    client = Home(scratch / "client")
    shutil.copytree(Home(homes.demo(YEARS)).layout.journal, client.layout.journal)
    me: Identity = create_keys(client, client_name(CLIENTS))
    first, last = client.journal.all_entries()[0].date, client.today()
    coach = Home(fifty).identity()  # every bundle goes to the 50 clients' coach
    line = coach.public.line()
    older = prepare_share(client, ShareRequest(line, first, last - dt.timedelta(UPDATE_AFTER_DAYS)))
    newer = prepare_share(client, ShareRequest(line, first, last))
    bundle = scratch / "newer.age"
    bundle.write_bytes(newer.data)

    # Update: a copy of the 50-client home plus this client from the older bundle; only that
    # client's folder changes, so only it is put back.
    update_home = Home(scratch / "update")
    shutil.copytree(fifty, update_home.root)
    added = update_home.workspace.add(older.data, coach, "the older bundle")
    folder = update_home.layout.client(added.client.id).folder
    prepared = scratch / "prepared-client"
    shutil.copytree(folder, prepared)

    # New client: the coach's keys and no workspace at all.
    new_home = Home(scratch / "new")
    shutil.copytree(Home(fifty).layout.keys, new_home.layout.keys)

    def reset_update() -> None:
        replace_tree(prepared, folder)

    def reset_new() -> None:
        shutil.rmtree(new_home.layout.workspace, ignore_errors=True)

    coach_cmd = coach_argv()
    cases = [
        AddCase(
            "update",
            [*coach_cmd, "--home", str(update_home.root), "clients", "add", str(bundle)],
            child_env(update_home.root),
            reset_update,
            f"Updated {me.name}",
        ),
        AddCase(
            "new",
            [*coach_cmd, "--home", str(new_home.root), "clients", "add", str(bundle)],
            child_env(new_home.root),
            reset_new,
            f"Added {me.name}",
        ),
    ]
    facts = {
        "bundle_kb": round(len(newer.data) / 1e3, 1),
        "bundle": newer.describe(),
        "older_bundle": older.describe(),
        "update_workspace_clients": len(update_home.workspace.clients()),
    }
    return cases, facts


def run(homes: Homes) -> list[Row]:
    import gc

    from benchmarks.common import Row, Stats, Target, child_env, fmt_ms
    from benchmarks.startup import Case, time_probe

    fifty, build_s = workspace(homes)

    # The dashboard against the minimal Textual app, interleaved.
    minimal = Case("minimal", homes.empty("minimal"))
    board = Case("clients", fifty)

    def once(case: Case) -> ProbeRun:
        if case.kind == "minimal":
            return time_probe("minimal", case.home)
        return time_dashboard(case.home, CLIENTS)

    for probe in (minimal, board):  # warm-up: bytecode caches, page cache
        once(probe)
    for _ in range(DASHBOARD_ROUNDS):
        for probe in (minimal, board):
            probe.runs.append(once(probe))

    # `coach clients add`, update and new, against `python -c pass`, interleaved.
    cases, facts = add_cases(homes, fifty)
    floor = AddCase("pass", [sys.executable, "-c", "pass"], child_env(fifty), lambda: None, "")
    everything = [floor, *cases]
    gc.collect()
    for i in range(-1, ADD_ROUNDS):
        for command in everything:
            command(timed=i >= 0)

    base, ready = minimal.ready, board.ready
    rows = [
        Row(SUITE, "clients: startup minimal Textual app", base.median, note="baseline"),
        Row(
            SUITE,
            f"clients dashboard ready, {CLIENTS} clients x {YEARS}y",
            ready.median,
            baseline=base.median,
            baseline_label="minimal",
            target=Target(MAX_DASHBOARD_MS, "figure"),
            note=f"`coach --home H clients` until the table shows {CLIENTS} rows; "
            f"p90 {fmt_ms(ready.p90)} (minimal {fmt_ms(base.p90)})",
            detail={"minimal": minimal.detail(), "clients": board.detail()},
        ),
        Row(
            SUITE,
            f"clients dashboard ready, {CLIENTS} clients x {YEARS}y, fastest runs",
            ready.min,
            baseline=base.min,
            baseline_label="minimal",
            note="context: on a shared machine the fastest run is the least disturbed",
        ),
        Row(
            SUITE,
            "clients add: interpreter start (python -c pass)",
            Stats(floor.samples_ms).median,
            note="baseline",
            error=floor.failure,
        ),
    ]
    titles = {
        "update": f"clients add: {YEARS}y bundle, update (+{CLIENTS} other clients)",
        "new": f"clients add: {YEARS}y bundle, new client, empty workspace",
    }
    for case in cases:
        s = Stats(case.samples_ms)
        rows.append(
            Row(
                SUITE,
                titles[case.name],
                s.median,
                baseline=Stats(floor.samples_ms).median if not floor.failure else None,
                baseline_label="python -c pass",
                target=Target(MAX_ADD_MS, "figure"),
                note=f"whole process; p90 {fmt_ms(s.p90)}; {facts['bundle_kb']} kB bundle",
                detail={
                    **s.summary(),
                    "samples_ms": [round(v, 1) for v in s.samples_ms],
                    "output": case.said,
                    **facts,
                },
                error=f"coach clients add ({case.name}) failed: {case.failure}"
                if case.failure
                else "",
            )
        )
    rows.append(
        Row(
            SUITE,
            f"clients: build demo workspace {CLIENTS} x {YEARS}y (setup, untimed)",
            build_s * 1e3,
            note="context: journal.demo_clients, once per run; `coach demo --clients` does this",
        )
    )
    return rows


def main(argv: list[str]) -> int:
    if len(argv) != 3 or argv[0] != "dashboard" or not argv[2].isdigit():
        emit("error usage: python -m benchmarks.clients dashboard HOME ROWS")
        return 2
    return dashboard_probe(Path(argv[1]), int(argv[2]))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
