"""The child process the startup benchmark times: start an app, say "ready" once it shows.

``python -m benchmarks.probe minimal|coach HOME`` runs the app headless at 100x40. Once the
first screen is composed and laid out it writes ``ready`` to stdout, then exits. The coach probe
first checks that the check-in is really on screen, and writes ``error ...`` otherwise, so a
broken app cannot look fast. Lines ``phase NAME SECONDS`` give seconds since the parent spawned
it (from ``COACH_BENCH_SPAWN``), so the report can say where the time went.

Output goes straight to file descriptor 1: Textual captures ``sys.stdout`` while it runs.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.app import App
    from textual.pilot import Pilot

SPAWN_ENV = "COACH_BENCH_SPAWN"
SIZE = (100, 40)
KINDS = ("minimal", "coach")


def emit(line: str) -> None:
    os.write(1, f"{line}\n".encode())


def phase(name: str) -> None:
    spawn = os.environ.get(SPAWN_ENV)
    if spawn:
        emit(f"phase {name} {time.time() - float(spawn):.6f}")


def minimal_app() -> App[None]:
    """The baseline: about the least a Textual app with a header and footer can do."""
    from textual.app import App, ComposeResult
    from textual.widgets import Footer, Header, Static

    class Minimal(App[None]):
        def compose(self) -> ComposeResult:
            yield Header()
            yield Static("Hello from a minimal Textual app.")
            yield Footer()

    phase("imports")
    return Minimal()


def coach_app(home: Path) -> App[None]:
    """The app as `coach` starts it: the console script's module is imported first, then the
    home is opened (and unlocked, when encrypted) and the app built as open_app does."""
    import coach.entry  # its import cost is part of starting `coach`

    coach.entry.pause_collection()  # as `coach` does before it loads the app
    from coach.app import CoachApp, settle_heap
    from journal.app.home import Home

    phase("imports")
    opened = Home(home)
    phase("unlocking")  # an encrypted home's passphrase (scrypt), timed apart; plain: nothing
    opened.codec  # noqa: B018
    phase("unlocked")
    app = CoachApp(opened)  # as coach.app.open_app builds it and starts it
    settle_heap()
    return app


def problem(kind: str, app: App[Any]) -> str | None:
    """Why the first screen is not what a person would see, or None when it is."""
    if kind == "minimal":
        from textual.widgets import Static

        return None if app.screen.query(Static) else "minimal app shows no Static"
    from coach.screens.checkin import CheckinScreen
    from coach.widgets.step_base import StepView

    screen = app.screen
    if not isinstance(screen, CheckinScreen):
        return f"active screen is {type(screen).__name__}, not CheckinScreen"
    if not screen.query(StepView):
        return "CheckinScreen is up but shows no step"
    return None


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in KINDS:
        emit(f"error usage: python -m benchmarks.probe {'|'.join(KINDS)} HOME")
        return 2
    kind, home = argv[0], Path(argv[1])
    phase("start")
    app = minimal_app() if kind == "minimal" else coach_app(home)
    phase("built")

    async def auto_pilot(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        why = problem(kind, pilot.app)
        if why:
            emit(f"error {why}")
        else:
            phase("ready")
            emit("ready")
        pilot.app.exit()

    app.run(headless=True, size=SIZE, auto_pilot=auto_pilot)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
