"""Export: a year's summary out of a 10-year journal within a second, and the full JSON backup
no slower than jrnl's.

Every figure is a whole ``coach export`` process spawned afresh, as a person runs it, so the
interpreter's start and the imports count. The summary (HTML, with PDF and Markdown beside it)
covers the last year of the 10-year demo by month; its target is absolute, because a person
waits for the file, and ``python -c pass`` on the same interpreter is shown as the floor any
command starts from. A format that is missing or fails becomes an ERROR row, not a crash.

The backup (private days included, so it holds every entry) is set against jrnl exporting a
plain-text journal of the same size as JSON: 3,650 entries of 150 words, one a day for ten
years, made from seeded random words. jrnl is no dependency of Coach: it is installed once into
its own virtualenv under ``.bench`` and reused by later runs, and it runs with a config file and
a home of its own, so it never prompts nor touches the real one. All commands are interleaved.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from benchmarks.common import (
    BENCH_DIR,
    DEMO_SEED,
    Homes,
    Row,
    Stats,
    Target,
    child_env,
    fmt_ms,
    measure_interleaved,
)

SUITE = "export"
ROUNDS = 7
MAX_SUMMARY_MS = 1000.0
MAX_JRNL_RATIO = 1.0
SUMMARY_FORMATS = {"html": "HTML", "pdf": "PDF", "md": "Markdown"}
"""Format → its name in the report; Markdown is context, the others have the target."""
CONTEXT_FORMATS = frozenset({"md"})
COMMAND_TIMEOUT_S = 120.0
INSTALL_TIMEOUT_S = 600.0

JRNL_VERSION = "4.6"
JRNL_FALLBACK = "jrnl>=4,<5"
JRNL_VENV = BENCH_DIR / f"jrnl-{JRNL_VERSION}"
JRNL_DAYS = 3650
JRNL_WORDS = 150
JRNL_TITLE_WORDS = 6
VOCABULARY = (
    "plan team call notes week morning promise trust listen answer ask help meeting project "
    "review draft budget client feedback deadline quiet focus energy sleep walk lunch coffee "
    "manager report colleague friend family decision question idea problem progress careful "
    "honest late early again finally still always never better worse small big clear hard easy "
    "kept missed wrote read sent shared agreed forgot remembered noticed learned tried felt "
    "thought said asked told waited started finished moved changed helped needed wanted made "
    "the a an and but or so because when after before while with without for to of in on at "
    "about from into over under between through my our their your her his its this that it we "
    "they she he I you was were is are be been had have did do not more less most much many"
).split()
"""jrnl's journal text: common words, none with a tag symbol, so jrnl finds no tags."""


class SetupFailed(RuntimeError):
    """jrnl could not be installed or run; its row says why, the other rows still report."""


@dataclass
class Command:
    """One command line timed as a fresh process, and the first way it failed, if it did."""

    argv: list[str]
    env: dict[str, str]
    cwd: Path
    failure: str = ""

    def __call__(self, i: int) -> None:
        if self.failure:  # a broken command is not timed again
            return
        try:
            done = subprocess.run(
                self.argv,
                cwd=self.cwd,
                env=self.env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                timeout=COMMAND_TIMEOUT_S,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            self.failure = f"{type(exc).__name__}: {exc}"[:200]
            return
        if done.returncode != 0:
            lines = done.stderr.decode(errors="replace").strip().splitlines()
            self.failure = f"exit status {done.returncode}: {lines[-1] if lines else '-'}"[:200]


@dataclass(frozen=True)
class Jrnl:
    """The cached virtualenv's ``jrnl`` script, the version installed, and how it got there."""

    script: Path
    version: str
    note: str = ""


def coach_argv() -> list[str]:
    """The ``coach`` script beside this interpreter, as installed; ``-m coach`` without one."""
    script = Path(sys.executable).with_name("coach.exe" if os.name == "nt" else "coach")
    return [str(script)] if script.exists() else [sys.executable, "-m", "coach"]


def venv_bin(venv: Path, name: str) -> Path:
    if os.name == "nt":
        return venv / "Scripts" / f"{name}.exe"
    return venv / "bin" / name


def installed_jrnl(venv: Path) -> str | None:
    """The version jrnl itself reports (as its config wants it), or None if it is not there."""
    python = venv_bin(venv, "python")
    if not venv_bin(venv, "jrnl").exists() or not python.exists():
        return None
    done = subprocess.run(
        [str(python), "-c", "from jrnl.__version__ import __version__; print(__version__)"],
        capture_output=True,
        text=True,
        check=False,
    )
    return done.stdout.strip() if done.returncode == 0 and done.stdout.strip() else None


def ensure_jrnl() -> Jrnl:
    """jrnl in ``.bench/jrnl-4.6``: installed with uv on the first run, reused afterwards."""
    version = installed_jrnl(JRNL_VENV)
    if version is None:
        install_jrnl(JRNL_VENV)
        version = installed_jrnl(JRNL_VENV)
        if version is None:
            raise SetupFailed(f"jrnl installed into {JRNL_VENV} but does not run")
    note = "" if version == JRNL_VERSION else f"jrnl=={JRNL_VERSION} not installable; {version}"
    return Jrnl(venv_bin(JRNL_VENV, "jrnl"), version, note)


def install_jrnl(venv: Path) -> None:
    uv = os.environ.get("UV") or shutil.which("uv")
    if not uv:
        raise SetupFailed("uv not found, so jrnl cannot be installed")
    print(f"installing jrnl {JRNL_VERSION} into {venv} (once) ...", file=sys.stderr, flush=True)
    python = str(venv_bin(venv, "python"))
    uv_run([uv, "venv", "--clear", "--quiet", "--python", sys.executable, str(venv)])
    try:
        uv_run([uv, "pip", "install", "--quiet", "--python", python, f"jrnl=={JRNL_VERSION}"])
    except SetupFailed as exc:
        print(f"{exc}; trying {JRNL_FALLBACK!r}", file=sys.stderr, flush=True)
        uv_run([uv, "pip", "install", "--quiet", "--python", python, JRNL_FALLBACK])


def uv_run(argv: list[str]) -> None:
    try:
        done = subprocess.run(
            argv, cwd=BENCH_DIR, capture_output=True, text=True, timeout=INSTALL_TIMEOUT_S
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SetupFailed(f"{' '.join(argv[1:3])}: {exc}") from exc
    if done.returncode != 0:
        lines = done.stderr.strip().splitlines()
        raise SetupFailed(f"{' '.join(argv[1:3])} failed: {lines[-1] if lines else '-'}"[:200])


def write_jrnl_journal(path: Path, end: dt.date) -> None:
    """``JRNL_DAYS`` entries ending on ``end``, one a day: ``[YYYY-MM-DD HH:MM] Title.`` and a
    body of short sentences, ``JRNL_WORDS`` words in all, from seeded random words."""
    rng = random.Random(DEMO_SEED)

    def sentence(count: int) -> str:
        words = [rng.choice(VOCABULARY) for _ in range(count)]
        return " ".join(words).capitalize() + "."

    first = end - dt.timedelta(days=JRNL_DAYS - 1)
    entries = []
    for n in range(JRNL_DAYS):
        day = first + dt.timedelta(days=n)
        stamp = f"{day.isoformat()} {rng.randrange(6, 23):02d}:{rng.randrange(60):02d}"
        body: list[str] = []
        left = JRNL_WORDS - JRNL_TITLE_WORDS
        while left > 0:
            count = min(left, rng.randrange(6, 19))
            body.append(sentence(count))
            left -= count
        entries.append(f"[{stamp}] {sentence(JRNL_TITLE_WORDS)}\n{' '.join(body)}\n")
    path.write_text("\n".join(entries), encoding="utf-8")


def write_jrnl_config(path: Path, journal: Path, version: str) -> None:
    """Every key jrnl's defaults have, and its own version, so it never rewrites the file nor
    asks a question. YAML, not JSON: a config starting with ``{`` is taken for jrnl 1.x's."""
    quoted = json.dumps(str(journal))  # a JSON string is a valid YAML double-quoted scalar
    path.write_text(
        f"version: {json.dumps(version)}\n"
        f"journals:\n  default:\n    journal: {quoted}\n"
        "editor: ''\n"
        "encrypt: false\n"
        "template: false\n"
        "default_hour: 9\n"
        "default_minute: 0\n"
        "timeformat: '%Y-%m-%d %H:%M'\n"
        "tagsymbols: '#@'\n"
        "highlight: false\n"
        "linewrap: 79\n"
        "indent_character: '|'\n"
        "colors:\n  body: none\n  date: none\n  tags: none\n  title: none\n",
        encoding="utf-8",
    )


def jrnl_command(scratch: Path, end: dt.date, output: Path) -> tuple[Command, Jrnl | None]:
    """``jrnl --config-file CFG --format json --file OUT`` in a home of its own under
    ``scratch``: even with ``--config-file`` jrnl creates its XDG data folder in ``$HOME``.
    Bytecode caching is as for Coach's children, so neither side compiles its imports."""
    root = scratch / "jrnl"
    env = child_env(root)
    env.pop("COACH_HOME", None)
    env.update(
        HOME=str(root),
        XDG_CONFIG_HOME=str(root / ".config"),
        XDG_DATA_HOME=str(root / ".local" / "share"),
        XDG_CACHE_HOME=str(root / ".cache"),
        NO_COLOR="1",
    )
    root.mkdir()
    config = root / "jrnl.yaml"
    try:
        jrnl = ensure_jrnl()
    except SetupFailed as exc:
        return Command([], env, root, failure=str(exc)), None
    journal = root / "journal.txt"
    write_jrnl_journal(journal, end)
    write_jrnl_config(config, journal, jrnl.version)
    argv = [str(jrnl.script), "--config-file", str(config), "--format", "json"]
    return Command([*argv, "--file", str(output)], env, root), jrnl


def check_backup(command: Command, output: Path, home: Path) -> int:
    """Coach's backup holds every entry of the demo journal, private ones included."""
    from journal.app.home import Home

    expected = {e.id for e in Home(home).journal.entries()}
    if command.failure:
        return len(expected)
    try:
        found = {e["id"] for e in json.loads(output.read_bytes())["entries"]}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        command.failure = f"unreadable backup: {type(exc).__name__}: {exc}"[:200]
        return len(expected)
    if found != expected:
        command.failure = (
            f"backup holds {len(found)} entries, {len(found & expected)} of the journal's "
            f"{len(expected)}"
        )
    return len(expected)


def check_jrnl(command: Command, output: Path) -> None:
    """jrnl's export really holds one entry a day, ``JRNL_DAYS`` of them."""
    if command.failure:
        return
    try:
        entries = json.loads(output.read_text(encoding="utf-8"))["entries"]
        days = {e["date"] for e in entries}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        command.failure = f"unreadable jrnl export: {type(exc).__name__}: {exc}"[:200]
        return
    if len(entries) != JRNL_DAYS or len(days) != JRNL_DAYS:
        command.failure = f"jrnl exported {len(entries)} entries on {len(days)} days"


def check_summary(command: Command, output: Path) -> None:
    if not command.failure and (not output.exists() or not output.stat().st_size):
        command.failure = f"exit status 0 but {output.name} is missing or empty"


def year_before(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def size(path: Path) -> str:
    total = (
        sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
        if path.is_dir()
        else path.stat().st_size
        if path.exists()
        else 0
    )
    return f"{total / 1e6:.1f} MB" if total >= 1e5 else f"{total / 1e3:.0f} kB"


def run(homes: Homes) -> list[Row]:
    from journal.app.home import Home

    home = homes.demo(10)
    scratch = homes.empty("export")
    end = Home(home).journal.today()
    start = year_before(end)
    coach, env = coach_argv(), child_env(home)

    commands = {"pass": Command([sys.executable, "-c", "pass"], env, scratch)}
    outputs = {fmt: scratch / f"summary.{fmt}" for fmt in SUMMARY_FORMATS}
    for fmt, output in outputs.items():
        span = ["--from", start.isoformat(), "--to", end.isoformat(), "--period", "month"]
        argv = [*coach, "export", "--format", fmt, *span, "-o", str(output)]
        commands[fmt] = Command(argv, env, scratch)
    backup, jrnl_out = scratch / "backup.json", scratch / "jrnl.json"
    argv = [*coach, "export", "--format", "json", "--include-private", "-o", str(backup)]
    commands["coach json"] = Command(argv, env, scratch)
    commands["jrnl json"], jrnl = jrnl_command(scratch, end, jrnl_out)

    for command in commands.values():  # one untimed run each, checked
        command(-1)
    for fmt, output in outputs.items():
        check_summary(commands[fmt], output)
    entries = check_backup(commands["coach json"], backup, home)
    check_jrnl(commands["jrnl json"], jrnl_out)

    live = {name: c for name, c in commands.items() if not c.failure}
    measured = measure_interleaved(live, ROUNDS)
    stats = {name: measured.get(name, Stats([])) for name in commands}
    detail: dict[str, object] = {
        name: {**s.summary(), "samples_ms": [round(v, 1) for v in s.samples_ms]}
        for name, s in stats.items()
        if s.n
    }
    floor = stats["pass"]

    rows = [Row(SUITE, "export: interpreter start (python -c pass)", floor.median, note="baseline")]
    for fmt, title in SUMMARY_FORMATS.items():
        s, failure = stats[fmt], commands[fmt].failure
        rows.append(
            Row(
                SUITE,
                f"export one-year {title} summary from a 10y journal",
                s.median,
                baseline=None if failure else floor.median,
                baseline_label="python -c pass",
                target=None if fmt in CONTEXT_FORMATS else Target(MAX_SUMMARY_MS, "figure"),
                note=f"{'context; ' if fmt in CONTEXT_FORMATS else ''}whole process, "
                f"{start.isoformat()} to {end.isoformat()} by month; p90 {fmt_ms(s.p90)}; "
                f"{size(outputs[fmt])}",
                detail={fmt: detail.get(fmt), "pass": detail.get("pass")},
                error=f"coach export --format {fmt} failed: {failure}" if failure else "",
            )
        )

    ours, theirs = stats["coach json"], stats["jrnl json"]
    failures = [
        f"{who}: {commands[key].failure}"
        for who, key in (("coach", "coach json"), ("jrnl", "jrnl json"))
        if commands[key].failure
    ]
    version = jrnl.version if jrnl else JRNL_VERSION
    label = f"jrnl {version}, {JRNL_DAYS} x {JRNL_WORDS} words"
    sizes = f"{size(backup)} vs {size(jrnl_out)} of JSON"
    note = f"coach: {entries} entries, {size(home)} on disk; jrnl: {JRNL_DAYS}; {sizes}"
    json_detail = {
        "coach": detail.get("coach json"),
        "jrnl": detail.get("jrnl json"),
        "jrnl_version": version,
        "coach_entries": entries,
        "jrnl_entries": JRNL_DAYS,
    }
    rows += [
        Row(
            SUITE,
            f"export 10y JSON backup vs jrnl {version}",
            ours.median,
            baseline=theirs.median if theirs.n else None,
            baseline_label=label,
            target=Target(MAX_JRNL_RATIO, "ratio"),
            note="; ".join(x for x in (jrnl.note if jrnl else "", note) if x),
            detail=json_detail,
            error="; ".join(failures),
        ),
        Row(
            SUITE,
            f"export 10y JSON backup vs jrnl {version}, fastest runs",
            ours.min,
            baseline=theirs.min if theirs.n else None,
            baseline_label=label,
            note="context: on a shared machine the fastest run is the least disturbed",
        ),
    ]
    return rows
