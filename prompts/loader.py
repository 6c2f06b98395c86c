"""Load and check prompt packs: the TOML files that hold every question the check-ins ask.

Packs are data so that wording can change (or a coach can hand a client their own pack) without
touching code. A pack is untrusted input, so every problem becomes one `PackError` line naming
the file, the step and the field, what was expected and what was given.
"""

from __future__ import annotations

import datetime as dt
import pathlib
import re
import tomllib
from typing import TYPE_CHECKING, Any

import msgspec

from journal.errors import PackError
from journal.model import PROMISE_KINDS, RATING_NAMES, RESOLUTIONS
from journal.store.disk import read_capped

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

STEP_KINDS: tuple[str, ...] = (
    "intent",
    "help",
    "promises",
    "tip",
    "follow_up",
    "help_done",
    "self_focus",
    "ratings",
    "reflection",
    "marks",
    "people_due",
    "text",
)
"""Every kind of step; the TUI picks the widget for a step by its kind."""

HINT_KEYS: dict[str, tuple[str, ...]] = {
    "promises": PROMISE_KINDS,
    "ratings": RATING_NAMES,
    "follow_up": RESOLUTIONS,
}
"""The kinds that carry hints, with exactly the keys each needs (taken from the journal model)."""

BUILTIN = "built-in"
"""The `source` of a pack shipped inside this package."""

MAX_PACK_BYTES = 256 * 1024
"""A pack is a page of text; refusing huge files keeps a bad hand-off from stalling the app."""

_PACK_NAME = re.compile(r"[A-Za-z0-9_-]+")
_STEP_ID = re.compile(r"[a-z0-9_]+")
_AT = re.compile(r"\$(?:\.steps\[(\d+)\])?\.?(.*)")
_TOML_TYPES = {"str": "string", "int": "integer", "bool": "boolean", "object": "table"}


class Step(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """One screen of a check-in: a question, why it matters, and kind-specific extras."""

    id: str
    kind: str
    title: str
    prompt: str
    why: str
    placeholder: str = ""
    tips: list[str] = []
    hints: dict[str, str] = {}


class _PackFile(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """Exactly what a pack file may contain; `Pack` adds where it came from."""

    name: str
    title: str
    summary: str
    steps: list[Step]


class Pack(_PackFile, frozen=True):
    """A checked pack plus its source, so the app can say which file a question came from."""

    source: str = BUILTIN


class PackInfo(msgspec.Struct, frozen=True):
    """A pack as listed for choosing; `problem` is the error line when a user pack is broken."""

    name: str
    title: str
    source: str
    problem: str = ""


def builtin_names() -> list[str]:
    """Names of the packs shipped with Coach."""
    return sorted(f.name[:-5] for f in _builtin_folder().iterdir() if f.name.endswith(".toml"))


def _builtin_folder() -> Traversable:
    """Beside this file; from package data only when installed zipped, since loading
    importlib.resources costs every start a few milliseconds."""
    here = pathlib.Path(__file__).parent / "packs"
    if here.is_dir():
        return here
    from importlib import resources

    return resources.files("prompts").joinpath("packs")


def load_pack(name: str, folder: pathlib.Path | None = None) -> Pack:
    """A person's `<folder>/<name>.toml` wins over the built-in, so a coach's pack can replace
    ours (the folder is the home's packs folder, journal/paths.py).

    A broken user pack raises rather than falling back, so its owner learns it is broken.
    """
    if not _PACK_NAME.fullmatch(name):
        raise PackError(f"no prompt pack named {_q(name)}: pack names use letters, digits, - and _")
    if folder is not None and (path := folder / f"{name}.toml").exists():
        return check_pack_file(path)
    if name in builtin_names():
        data = _builtin_folder().joinpath(f"{name}.toml").read_bytes()
        return _parse(data, f"{name}.toml", name, BUILTIN)
    yours = ", ".join(sorted(p.stem for p in _user_files(folder)))
    extra = f"; yours: {yours}" if yours else ""
    builtins = ", ".join(builtin_names())
    raise PackError(f"no prompt pack named {_q(name)} (built-in: {builtins}{extra})")


def list_packs(folder: pathlib.Path | None = None) -> list[PackInfo]:
    """Built-ins plus user packs (a user pack replaces the built-in of its name), sorted by name.

    A broken user pack is listed with its `problem` instead of hiding it or failing the list.
    """
    infos = {n: PackInfo(n, load_pack(n).title, BUILTIN) for n in builtin_names()}
    for path in _user_files(folder):
        try:
            pack = check_pack_file(path)
            infos[path.stem] = PackInfo(pack.name, pack.title, pack.source)
        except PackError as exc:
            infos[path.stem] = PackInfo(path.stem, "", str(path), problem=str(exc))
    return sorted(infos.values(), key=lambda info: info.name)


def check_pack_file(path: pathlib.Path) -> Pack:
    """Validate one pack file (for `coach packs check` and user overrides); raises `PackError`."""
    label = str(path)
    try:
        data = read_capped(path, MAX_PACK_BYTES)
        if data is None:
            raise PackError(f"{label}: too large: a pack holds at most {MAX_PACK_BYTES} bytes")
    except OSError as exc:
        raise PackError(f"{label}: cannot read: {exc.strerror or exc}") from None
    return _parse(data, label, path.stem, label)


def tip_for(step: Step, day: dt.date) -> str:
    """The same tip all day (reopening a check-in doesn't reshuffle), the next one tomorrow."""
    if not step.tips:
        return ""
    return step.tips[day.toordinal() % len(step.tips)]


def _user_files(folder: pathlib.Path | None) -> list[pathlib.Path]:
    return sorted(folder.glob("*.toml")) if folder is not None and folder.is_dir() else []


def _parse(data: bytes, label: str, stem: str, source: str) -> Pack:
    """bytes → text → TOML → typed structs → pack rules; each stage names its own failure."""
    try:
        text = data.decode("utf-8-sig")  # tolerate the BOM some Windows editors add
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        bad = data[exc.start]
        raise PackError(f"{label}: not valid UTF-8: byte 0x{bad:02x} on line {line}") from None
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PackError(f"{label}: not valid TOML: {exc}") from None
    try:
        pack = msgspec.convert(raw, _PackFile)
    except msgspec.ValidationError as exc:
        raise PackError(f"{label}: {_explain(exc, raw)}") from None
    problem = _check_pack(pack, stem)
    if problem is None:
        for number, (step, given) in enumerate(zip(pack.steps, raw["steps"], strict=True), 1):
            if (problem := _check_step(step, given, pack.steps[: number - 1])) is not None:
                problem = f"{_step_label(number, step.id)}: {problem}"
                break
    if problem is not None:
        raise PackError(f"{label}: {problem}")
    steps = [_tidy(step) for step in pack.steps]
    return Pack(pack.name, pack.title.strip(), pack.summary.strip(), steps, source)


def _explain(exc: msgspec.ValidationError, raw: dict[str, Any]) -> str:
    """Turn "Expected `str`, got `int` - at `$.steps[2].title`" into `step 3 ("x"): title: …`."""
    message, _, at = str(exc).partition(" - at `")
    match = _AT.fullmatch(at.rstrip("`") or "$")
    index, rest = (match.group(1), match.group(2)) if match else (None, at)
    parts: list[str] = []
    given: Any = raw
    if index is not None:
        steps = raw.get("steps")
        given = steps[int(index)] if isinstance(steps, list) else None
        step_id = given.get("id") if isinstance(given, dict) else None
        parts.append(_step_label(int(index) + 1, step_id if isinstance(step_id, str) else ""))
    if found := re.fullmatch(r"Object missing required field `(.+)`", message):
        return ": ".join([*parts, found.group(1), "missing"])
    if found := re.fullmatch(r"Object contains unknown field `(.+)`", message):
        fields = (Step if index is not None else _PackFile).__struct_fields__
        detail = f"unknown field (expected one of {', '.join(fields)})"
        return ": ".join([*parts, found.group(1), detail])
    rest = re.sub(r"tips\[(\d+)\]", lambda m: f"tips item {int(m.group(1)) + 1}", rest)
    hints = given.get("hints") if isinstance(given, dict) else None
    if rest == "hints[...]" and isinstance(hints, dict):
        rest = next((f"hints: {k}" for k, v in hints.items() if not isinstance(v, str)), rest)
    message = re.sub(r"`(\w+)`", lambda m: _TOML_TYPES.get(m.group(1), m.group(1)), message)
    return ": ".join([*parts, *([rest] if rest else []), message[0].lower() + message[1:]])


def _check_pack(pack: _PackFile, stem: str) -> str | None:
    if not _PACK_NAME.fullmatch(pack.name):
        return f"name: expected letters, digits, - or _, got {_q(pack.name)}"
    if pack.name != stem:
        return f"name {_q(pack.name)} does not match the file name {_q(stem)}"
    if not pack.steps:
        return "steps: expected at least one [[steps]] table, got none"
    return _text("title", pack.title) or _text("summary", pack.summary)


def _check_step(step: Step, given: dict[str, Any], before: list[Step]) -> str | None:
    """The rules types can't express; `given` is the raw table, to tell absent from empty."""
    if not _STEP_ID.fullmatch(step.id):
        return f"id: expected lower-case letters, digits or _, got {_q(step.id)}"
    if first := next((n for n, s in enumerate(before, 1) if s.id == step.id), 0):
        return f"id: expected a unique id, got {_q(step.id)} again (step {first} uses it)"
    if step.kind not in STEP_KINDS:
        return f"kind: expected one of {', '.join(STEP_KINDS)}, got {_q(step.kind)}"
    for field, one_line in (("title", True), ("prompt", False), ("why", True)):
        if problem := _text(field, getattr(step, field), one_line):
            return problem
    if step.kind == "tip":
        if not step.tips:
            return 'tips: expected at least one tip for kind "tip", got none'
        tips = (_text(f"tips item {n}", tip) for n, tip in enumerate(step.tips, 1))
        if problem := next((p for p in tips if p), None):
            return problem
    elif "tips" in given:
        return f'tips: only allowed for kind "tip", got them on kind {_q(step.kind)}'
    expected = HINT_KEYS.get(step.kind)
    if expected is None:
        if "hints" in given:
            allowed = ", ".join(HINT_KEYS)
            return f"hints: only allowed for kinds {allowed}, got them on kind {_q(step.kind)}"
        return None
    if missing := [key for key in expected if key not in step.hints]:
        return f"hints: missing {', '.join(missing)}"
    if extra := [key for key in step.hints if key not in expected]:
        return f"hints: unexpected key {_q(extra[0])} (expected {', '.join(expected)})"
    return next((p for key in expected if (p := _text(f"hints: {key}", step.hints[key]))), None)


def _text(field: str, value: str, one_line: bool = True) -> str | None:
    """Never empty; headings, hints and tips on one line so they fit the layout."""
    lines = len(value.strip().splitlines())
    if not lines:
        return f"{field}: expected some text, got {_q(value)}"
    return f"{field}: expected one line, got {lines} lines" if one_line and lines > 1 else None


def _tidy(step: Step) -> Step:
    """Trim the stray newlines TOML multi-line strings leave; put hints in the model's order."""
    order = HINT_KEYS.get(step.kind, ())
    return msgspec.structs.replace(
        step,
        title=step.title.strip(),
        prompt=step.prompt.strip(),
        why=step.why.strip(),
        placeholder=step.placeholder.strip(),
        tips=[tip.strip() for tip in step.tips],
        hints={key: step.hints[key].strip() for key in order},
    )


def _step_label(number: int, step_id: str) -> str:
    return f"step {number} ({_q(step_id)})" if step_id else f"step {number}"


def _q(value: str, limit: int = 60) -> str:
    """Quote user text on one line: JSON escaping turns newlines and control bytes visible."""
    short = value if len(value) <= limit else value[: limit - 1] + "…"
    return msgspec.json.encode(short).decode()
