"""Prompt packs: built-ins follow the house rules, and a broken pack explains itself in a line."""

from __future__ import annotations

import datetime as dt
import pathlib
import re
import subprocess
import sys

import pytest

from journal.errors import JournalError, PackError
from journal.model import PROMISE_KINDS, RATING_NAMES, RESOLUTIONS
from prompts.loader import (
    STEP_KINDS,
    Pack,
    PackInfo,
    Step,
    builtin_names,
    check_pack_file,
    list_packs,
    load_pack,
    tip_for,
)

ROOT = pathlib.Path(__file__).resolve().parents[2]

VALID = """\
name = "mine"
title = "My check-in"
summary = "A pack a coach wrote for me."

[[steps]]
id = "intent"
kind = "intent"
title = "Intent"
prompt = "What do you intend today?"
why = "Saying it helps."

[[steps]]
id = "promises"
kind = "promises"
title = "Promises"
prompt = "What will you promise?"
why = "Clear promises are easier to keep."

[steps.hints]
commitment = "Done no matter what."
best_effort = "You will try."
good_intention = "You hope so."

[[steps]]
id = "tip"
kind = "tip"
title = "Tip"
prompt = "Take this along."
why = "Habits build trust."
tips = ["Listen first.", "Pause before answering."]
"""


def write(folder: pathlib.Path, text: str, name: str = "mine") -> pathlib.Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", text.strip()) if s]


# --- the built-in packs ------------------------------------------------------------------------


def test_builtin_packs_are_listed_and_load() -> None:
    assert builtin_names() == ["evening", "morning"]
    for name in builtin_names():
        pack = load_pack(name)
        assert isinstance(pack, Pack)
        assert pack.name == name
        assert pack.source == "built-in"
        assert pack.title and pack.summary


def test_morning_steps_are_the_ones_the_checkin_screen_expects() -> None:
    steps = load_pack("morning").steps
    assert [(s.id, s.kind) for s in steps] == [
        ("intent", "intent"),
        ("people", "people_due"),
        ("help", "help"),
        ("promises", "promises"),
        ("tip", "tip"),
        ("marks", "marks"),
    ]
    assert tuple(steps[3].hints) == PROMISE_KINDS
    assert len(steps[4].tips) >= 10
    assert len(set(steps[4].tips)) == len(steps[4].tips)


def test_evening_steps_are_the_ones_the_review_screen_expects() -> None:
    steps = load_pack("evening").steps
    assert [(s.id, s.kind) for s in steps] == [
        ("follow_up", "follow_up"),
        ("help_done", "help_done"),
        ("self_focus", "self_focus"),
        ("ratings", "ratings"),
        ("reflection", "reflection"),
        ("marks", "marks"),
    ]
    assert tuple(steps[0].hints) == RESOLUTIONS
    assert tuple(steps[3].hints) == RATING_NAMES
    # The divisor of the trust equation: the reader must know that a higher score is worse.
    assert "worse" in steps[3].hints["self_orientation"]


@pytest.mark.parametrize("name", ["morning", "evening"])
def test_builtin_text_is_short_and_one_sentence_of_why(name: str) -> None:
    for step in load_pack(name).steps:
        assert step.kind in STEP_KINDS
        assert len(sentences(step.why)) == 1, step.why
        assert step.why.endswith("."), step.why
        assert 1 <= len(sentences(step.prompt)) <= 2, step.prompt
        assert len(step.prompt) <= 120, step.prompt
        assert "\n" not in step.title and len(step.title) <= 40
        for line in [*step.hints.values(), *step.tips]:
            assert "\n" not in line and len(line) <= 100, line
        assert bool(step.tips) == (step.kind == "tip")
        assert bool(step.hints) == (step.kind in {"promises", "ratings", "follow_up"})


# --- errors: one line naming the file, the step and the field ----------------------------------

STEP2 = 'step 2 ("promises")'
BAD_FILES = [
    pytest.param(
        VALID.replace('good_intention = "You hope so."\n', ""),
        f"{STEP2}: hints: missing good_intention",
        id="missing-hint",
    ),
    pytest.param(
        VALID.replace('best_effort = "You will try."\n', 'best_efort = "You will try."\n'),
        f"{STEP2}: hints: missing best_effort",
        id="misspelt-hint",
    ),
    pytest.param(
        VALID.replace('best_effort = "You will try."\n', 'best_effort = "x"\nmaybe = "x"\n'),
        f'{STEP2}: hints: unexpected key "maybe" (expected commitment, best_effort, '
        "good_intention)",
        id="extra-hint",
    ),
    pytest.param(
        VALID.replace('commitment = "Done no matter what."', "commitment = 1"),
        f"{STEP2}: hints: commitment: expected string, got integer",
        id="hint-not-text",
    ),
    pytest.param(
        VALID.replace('kind = "tip"', 'kind = "prayer"'),
        'step 3 ("tip"): kind: expected one of intent, help, promises, tip, follow_up, '
        'help_done, self_focus, ratings, reflection, marks, people_due, text, got "prayer"',
        id="unknown-kind",
    ),
    pytest.param(
        VALID.replace('name = "mine"', 'name = "x"'),
        'name "x" does not match the file name "mine"',
        id="name-mismatch",
    ),
    pytest.param(
        "author = 'me'\n" + VALID,
        "author: unknown field (expected one of name, title, summary, steps)",
        id="unknown-top-level-key",
    ),
    pytest.param(
        VALID.replace('why = "Saying it helps."', 'why = "Saying it helps."\ncolour = "red"'),
        'step 1 ("intent"): colour: unknown field (expected one of id, kind, title, prompt, '
        "why, placeholder, tips, hints)",
        id="unknown-step-key",
    ),
    pytest.param(
        VALID.replace('why = "Saying it helps."\n', ""),
        'step 1 ("intent"): why: missing',
        id="missing-field",
    ),
    pytest.param(
        VALID.replace('title = "Intent"', "title = 3"),
        'step 1 ("intent"): title: expected string, got integer',
        id="wrong-type",
    ),
    pytest.param(
        VALID.replace('"Pause before answering."', "7"),
        'step 3 ("tip"): tips item 2: expected string, got integer',
        id="tip-not-text",
    ),
    pytest.param(
        VALID.replace('tips = ["Listen first.", "Pause before answering."]', "tips = []"),
        'step 3 ("tip"): tips: expected at least one tip for kind "tip", got none',
        id="tip-without-tips",
    ),
    pytest.param(
        VALID.replace('why = "Saying it helps."', 'why = "Saying it helps."\ntips = ["x"]'),
        'step 1 ("intent"): tips: only allowed for kind "tip", got them on kind "intent"',
        id="tips-on-other-kind",
    ),
    pytest.param(
        VALID.replace('why = "Saying it helps."', 'why = "Saying it helps."\nhints = {a = "b"}'),
        'step 1 ("intent"): hints: only allowed for kinds promises, ratings, follow_up, '
        'got them on kind "intent"',
        id="hints-on-other-kind",
    ),
    pytest.param(
        VALID.replace('id = "tip"', 'id = "intent"'),
        'step 3 ("intent"): id: expected a unique id, got "intent" again (step 1 uses it)',
        id="duplicate-id",
    ),
    pytest.param(
        VALID.replace('id = "tip"', 'id = "My Tip"'),
        'step 3 ("My Tip"): id: expected lower-case letters, digits or _, got "My Tip"',
        id="bad-id",
    ),
    pytest.param(
        VALID.replace('title = "Intent"', 'title = ""'),
        'step 1 ("intent"): title: expected some text, got ""',
        id="empty-title",
    ),
    pytest.param(
        VALID.replace('title = "Intent"', 'title = "Intent\\nand more"'),
        'step 1 ("intent"): title: expected one line, got 2 lines',
        id="two-line-title",
    ),
    pytest.param(
        VALID.split("[[steps]]")[0],
        "steps: missing",
        id="no-steps",
    ),
    pytest.param(
        VALID.split("[[steps]]")[0] + "steps = []\n",
        "steps: expected at least one [[steps]] table, got none",
        id="empty-steps",
    ),
    pytest.param(
        VALID.replace('[[steps]]\nid = "tip"', "[[steps]]\nid = 5", 1),
        "step 3: id: expected string, got integer",
        id="step-without-usable-id",
    ),
]


@pytest.mark.parametrize(("text", "problem"), BAD_FILES)
def test_bad_pack_names_file_step_and_field(
    tmp_path: pathlib.Path, text: str, problem: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(PackError) as caught:
        check_pack_file(path)
    assert str(caught.value) == f"{path}: {problem}"
    assert isinstance(caught.value, JournalError)  # the CLI and app show every JournalError


def test_invalid_toml_names_line_and_column(tmp_path: pathlib.Path) -> None:
    path = write(tmp_path, VALID.replace('kind = "intent"', "kind intent"))
    with pytest.raises(PackError) as caught:
        check_pack_file(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: not valid TOML: Expected '=' after a key")
    assert "(at line 7, column 6)" in message
    assert "\n" not in message


def test_invalid_utf8_names_the_line(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_bytes(VALID.replace('"Intent"', '"In\xe9"').encode("latin-1"))
    with pytest.raises(PackError, match=r"not valid UTF-8: byte 0xe9 on line 8$") as caught:
        check_pack_file(path)
    assert str(caught.value).startswith(f"{path}: ")


def test_unreadable_or_huge_files_are_one_clear_line(tmp_path: pathlib.Path) -> None:
    missing = tmp_path / "gone.toml"
    with pytest.raises(PackError) as caught:
        check_pack_file(missing)
    assert str(caught.value) == f"{missing}: cannot read: No such file or directory"

    huge = write(tmp_path, VALID + "# " + "x" * 300_000 + "\n")
    with pytest.raises(PackError, match=r"too large: a pack holds at most 262144 bytes$"):
        check_pack_file(huge)


def test_a_windows_bom_and_multiline_strings_are_tolerated(tmp_path: pathlib.Path) -> None:
    text = VALID.replace('prompt = "What do you intend today?"', 'prompt = """\nWhat now?\n"""')
    path = tmp_path / "mine.toml"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode())
    pack = check_pack_file(path)
    assert pack.steps[0].prompt == "What now?"


def test_hints_come_back_in_the_models_order(tmp_path: pathlib.Path) -> None:
    hints = 'commitment = "a"\nbest_effort = "b"\ngood_intention = "c"\n'
    path = write(
        tmp_path,
        VALID.replace(hints, 'good_intention = "c"\ncommitment = "a"\nbest_effort = "b"\n'),
    )
    assert tuple(check_pack_file(path).steps[1].hints) == PROMISE_KINDS


# --- finding packs ------------------------------------------------------------------------------


def test_unknown_pack_lists_what_exists(tmp_path: pathlib.Path) -> None:
    with pytest.raises(PackError) as caught:
        load_pack("foo")
    assert str(caught.value) == 'no prompt pack named "foo" (built-in: evening, morning)'

    write(tmp_path / "packs", VALID)
    with pytest.raises(PackError, match=r"\(built-in: evening, morning; yours: mine\)$"):
        load_pack("foo", tmp_path / "packs")


@pytest.mark.parametrize("name", ["../../etc/passwd", "", "a b", "morning.toml"])
def test_pack_names_cannot_reach_outside_the_packs_folder(
    tmp_path: pathlib.Path, name: str
) -> None:
    write(tmp_path, VALID, name="passwd")
    with pytest.raises(PackError, match="pack names use letters, digits, - and _"):
        load_pack(name, tmp_path / "a" / "packs")


def test_user_pack_overrides_the_builtin_of_the_same_name(tmp_path: pathlib.Path) -> None:
    text = VALID.replace('name = "mine"', 'name = "morning"').replace("My check-in", "Coach Ana")
    path = write(tmp_path / "packs", text, name="morning")

    mine = load_pack("morning", tmp_path / "packs")
    assert mine.title == "Coach Ana"
    assert mine.source == str(path)
    assert [s.id for s in mine.steps] == ["intent", "promises", "tip"]
    # Without a folder, or with one that has no override, the built-in is used.
    assert load_pack("morning").title == "Morning check-in"
    assert load_pack("evening", tmp_path / "packs").source == "built-in"


def test_broken_user_override_is_reported_not_silently_replaced(tmp_path: pathlib.Path) -> None:
    write(tmp_path / "packs", 'name = "evening"\n', name="evening")
    with pytest.raises(PackError, match=r"evening\.toml: title: missing$"):
        load_pack("evening", tmp_path / "packs")


def test_list_packs_shows_sources_with_user_packs_winning(tmp_path: pathlib.Path) -> None:
    packs = tmp_path / "packs"
    mine = write(packs, VALID)
    morning = write(packs, VALID.replace('name = "mine"', 'name = "morning"'), name="morning")
    broken = write(packs, "not toml at all", name="broken")

    infos = list_packs(tmp_path / "packs")
    assert [i.name for i in infos] == ["broken", "evening", "mine", "morning"]
    assert infos[1] == PackInfo("evening", "Evening review", "built-in")
    assert infos[2] == PackInfo("mine", "My check-in", str(mine))
    assert infos[3] == PackInfo("morning", "My check-in", str(morning))
    assert infos[0].source == str(broken)
    assert infos[0].problem.startswith(f"{broken}: not valid TOML")

    assert [(i.name, i.source) for i in list_packs()] == [
        ("evening", "built-in"),
        ("morning", "built-in"),
    ]


# --- tips ---------------------------------------------------------------------------------------


def test_tip_is_stable_within_a_day_and_rotates_across_days() -> None:
    step = next(s for s in load_pack("morning").steps if s.kind == "tip")
    day = dt.date(2025, 3, 14)
    assert tip_for(step, day) == tip_for(step, day)

    fortnight = [tip_for(step, day + dt.timedelta(days=n)) for n in range(len(step.tips))]
    assert set(fortnight) == set(step.tips)  # every tip shows up before any repeats
    assert all(a != b for a, b in zip(fortnight, fortnight[1:], strict=False))


def test_a_step_without_tips_has_no_tip() -> None:
    step = Step(id="x", kind="text", title="T", prompt="P?", why="W.")
    assert tip_for(step, dt.date(2025, 1, 1)) == ""


# --- layering -----------------------------------------------------------------------------------


def test_prompts_stays_headless() -> None:
    code = (
        "import sys, prompts, prompts.loader\n"
        "prompts.load_pack('morning')\n"
        "bad = {'textual', 'rich', 'click', 'coach'} & {m.split('.')[0] for m in sys.modules}\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
