"""A day as a text document for `coach edit`: what the editor shows, and what comes back.

The person relies on three things: saving the document unchanged changes nothing (every field,
however odd its text, comes back exactly); an edit does what it looks like (a changed line
keeps its ask or promise, a deleted line deletes it, a new line adds one); and a mistake is
refused with one line saying where it is and what to write instead.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journal.day_text import DayEdit, PromiseLine, is_blank, render_day
from journal.day_text_parse import parse_day
from journal.errors import InvalidInput
from journal.model import (
    PROMISE_KINDS,
    PROMISE_STATUSES,
    TAG_PATTERN,
    Entry,
    HelpAsk,
    IntentFor,
    Promise,
    Ratings,
)
from journal.parse import parse_tag

DAY = dt.date(2026, 11, 24)  # a Tuesday
TODAY = dt.date(2026, 11, 25)
STAMP = dt.datetime(2026, 11, 24, 9, 30, tzinfo=dt.timezone.utc)
ASK_DONE = "a1" * 16
ASK_NOT_DONE = "b2" * 16
ASK_OPEN = "c3" * 16
OPEN = "3f9c1a2b" + "0" * 24
OPEN_UNDATED = "4d" * 16
KEPT = "77" * 16
PROMISES = "Promises made this day"
ASKS = "How can I help?"


def entry(**fields: Any) -> Entry:
    return Entry(id="e" * 32, date=DAY, created=STAMP, updated=STAMP, **fields)


def promise(pid: str, text: str, **fields: Any) -> Promise:
    base: dict[str, Any] = {"kind": "commitment", "made_on": DAY}
    return Promise(id=pid, text=text, created=STAMP, updated=STAMP, **(base | fields))


def rich_day() -> tuple[Entry, list[Promise]]:
    """Every field in use, with the text people actually write: names with spaces and
    accents, lines starting with # or \\, blank lines inside a reflection, @ and due: in text."""
    day = entry(
        intent="Hear Ana out before proposing\n# not a heading: a hash at the start",
        intent_for=IntentFor(kind="person", name="Ana López"),
        help=[
            HelpAsk(
                id=ASK_DONE, person="Ana López", request="a second look at the budget", done=True
            ),
            HelpAsk(
                id=ASK_NOT_DONE,
                person="Dr: Who",
                request="time [soon]\n  indented\n\nlast",
                done=False,
            ),
            HelpAsk(id=ASK_OPEN, person="Björn", asked=False),
        ],
        ratings=Ratings(credibility=7, intimacy=0, self_orientation=4),
        self_focus="## I led with my idea\n\\ a backslash line",
        reflection="First paragraph.\n\n\nSecond, after two blank lines: 日本語 ✓ {x} [y]",
        notes={"gratitude": "the quiet hour", "win": "#1 shipped"},
        tags=["work", "stär", "q4-plan"],
        private=True,
    )
    promises = [
        promise(
            OPEN,
            "send the revised deck to @team, due:soon",
            to="Ana López",
            due=dt.date(2026, 11, 26),
        ),
        promise(OPEN_UNDATED, "tidy the wiki \nand the onboarding page", kind="best_effort"),
        promise(
            KEPT, "ask \\@ops about: access", kind="good_intention", to="snake_case", status="kept"
        ),
    ]
    return day, promises


def parse(text: str, before: Entry | None = None, promises: list[Promise] | None = None) -> DayEdit:
    return parse_day(text, DAY, TODAY, before, promises or [])


def line_of(text: str, fragment: str) -> int:
    return next(n for n, line in enumerate(text.split("\n"), 1) if fragment in line)


def replace(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def promised(lines: Sequence[Promise | PromiseLine]) -> list[tuple[object, ...]]:
    return [(p.id, p.kind, p.text, p.to, p.due) for p in lines]


def same_day(edit: DayEdit, day: Entry, promises: list[Promise]) -> None:
    assert edit.intent == day.intent
    assert edit.serves == day.intent_for
    assert edit.asks == day.help
    assert edit.ratings == day.ratings
    assert (edit.self_focus, edit.reflection) == (day.self_focus, day.reflection)
    assert edit.notes == day.notes
    assert edit.tags == day.tags
    assert edit.private == day.private
    assert promised(edit.promises) == promised(promises)
    assert edit.deleted_promises == []


# ----- round trips -------------------------------------------------------------------------


def test_a_rich_day_saved_unchanged_comes_back_exactly() -> None:
    day, promises = rich_day()
    text = render_day(DAY, day, promises, note_keys=["gratitude", "wins_of_the_day"])
    same_day(parse(text, day, promises), day, promises)


def test_the_document_reads_like_the_day() -> None:
    day, promises = rich_day()
    text = render_day(DAY, day, promises)
    assert text.startswith("# Coach · Tuesday 24 November 2026\n")
    assert "\n## For whom\n# A name, team, team:NAME, or me.\nAna López\n" in text
    assert "- Ana López: a second look at the budget [done] {a1a1a1a1}\n" in text
    assert '- "Dr: Who": time [soon] [not done] {b2b2b2b2}\n    indented\n\n  last\n' in text
    assert "- Björn: [open] {c3c3c3c3}\n" in text
    assert (
        "- commitment: send the revised deck to \\@team, \\due:soon @Ana_López due:2026-11-26 "
        "[open] {3f9c1a2b}\n"
    ) in text
    assert '- good intention: ask \\\\@ops about: access @"snake_case" [kept] {77777777}\n' in text
    assert "\n\\# not a heading" in text and "\n\\## I led" in text and "\n\\\\ a backslash" in text
    assert "\ncredibility: 7\nreliability:\nintimacy: 0\ncharacter:\nself-orientation: 4\n" in text
    assert "\n## Tags\n# Single words, separated by commas.\nwork, stär, q4-plan\n" in text
    assert text.endswith(
        "\n## Private\n# yes keeps this day out of exports and sharing; no leaves it in.\nyes\n"
    )


def test_an_empty_day_shows_every_section_and_reads_back_as_nothing() -> None:
    text = render_day(DAY, None, [], note_keys=["gratitude"])
    headings = re.findall(r"^## (.*)$", text, re.M)
    assert headings == [
        "Intent", "For whom", ASKS, PROMISES, "Ratings", "Where I was self-focused",
        "Reflection", "Note: gratitude", "Tags", "Private",
    ]  # fmt: skip
    edit = parse(text)
    assert edit == DayEdit(
        intent="", serves=None, asks=[], ratings=Ratings(), self_focus="", reflection="",
        notes={}, tags=[], private=False, promises=[], deleted_promises=[],
    )  # fmt: skip


def test_headings_may_be_typed_loosely() -> None:
    text = "##intent\nbe brief\n## how can I help\n- Bo: notes\n## Ratings (0-10)\ncred: 5\n"
    edit = parse(text + "## PRIVATE (yes or no)\nYes\n")
    assert (edit.intent, edit.asks[0].person, edit.ratings.credibility, edit.private) == (
        "be brief",
        "Bo",
        5,
        True,
    )


def test_only_blank_lines_around_a_text_are_dropped() -> None:
    text = "## Reflection\n\n   \n  indented start\n\n\tand a tab\n \n\n## Tags\n"
    assert parse(text).reflection == "  indented start\n\n\tand a tab"


def test_a_document_saved_with_windows_line_ends_reads_the_same() -> None:
    day, promises = rich_day()
    text = render_day(DAY, day, promises)
    same_day(parse(text.replace("\n", "\r\n"), day, promises), day, promises)


def test_an_emptied_editor_is_recognised_as_change_nothing() -> None:
    assert is_blank("")
    assert is_blank("\n  \n# only comments\n#\n")
    assert not is_blank("## Reflection\n")  # a heading left alone clears that section
    assert not is_blank("# comment\nsome words\n")
    assert not is_blank(render_day(DAY, None, []))


# ----- any day the app can store comes back ------------------------------------------------

TRICKY = [
    "#", "## ", "\\", "@", "@x", "@\"a b\"", "due:", "due:fri", "Due:", ":", " : ", "[", "]",
    "[done]", "[open]", "[kept]", "{", "}", "{a1b2c3d4}", "- ", "  ", "\n", "\n\n", "\n#", "\n-",
    "\n  ", "\t", "\r", "\u2028", "_", '"', "é", "日本", "🙂", "me", "team:", "x", "Ana Lopez",
]  # fmt: skip
pieces = st.one_of(
    st.sampled_from(TRICKY), st.text(st.characters(exclude_categories=["Cs"]), max_size=4)
)
texts = st.lists(pieces, max_size=12).map("".join).map(str.strip)
names = texts.map(lambda t: t[:500].strip()).filter(bool)
ids = st.uuids().map(lambda u: u.hex)
ratings = st.builds(
    Ratings, **{n: st.none() | st.integers(0, 10) for n in Ratings.__struct_fields__}
)
tags = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=8).filter(
    lambda t: bool(re.match(TAG_PATTERN, t)) and t == t.lower() and parse_tag(t) == t
)
misread = st.sampled_from(["me", "Team", "team:x", "Myself", "SELF", '"quoted"', "#1 fan"])
serves = st.one_of(
    st.none(),
    st.just(IntentFor(kind="self")),
    st.builds(IntentFor, kind=st.just("team"), name=st.just("") | misread | names),
    st.builds(IntentFor, kind=st.just("person"), name=misread | names),
)


@st.composite
def days(draw: st.DrawFn) -> tuple[Entry, list[Promise], list[str]]:
    ask_ids = draw(st.lists(ids, max_size=4, unique=True))
    asks = [
        HelpAsk(
            id=i,
            person=draw(names),
            asked=draw(st.booleans()),
            request=draw(texts),
            done=draw(st.sampled_from([True, False, None])),
        )
        for i in ask_ids
    ]
    note_keys = draw(st.lists(st.from_regex(r"[a-z0-9_]{1,20}", fullmatch=True), unique=True))
    notes = {k: v for k in note_keys if (v := draw(texts))}
    day = entry(
        intent=draw(texts),
        intent_for=draw(serves),
        help=asks,
        ratings=draw(ratings),
        self_focus=draw(texts),
        reflection=draw(texts),
        notes=notes,
        tags=draw(st.lists(tags, max_size=5, unique=True)),
        private=draw(st.booleans()),
    )
    promises = [
        promise(
            i,
            draw(texts.filter(bool)),
            kind=draw(st.sampled_from(PROMISE_KINDS)),
            to=draw(st.just("") | names),
            due=draw(st.none() | st.dates(DAY, dt.date(2030, 1, 1))),
            status=draw(st.sampled_from(PROMISE_STATUSES)),
        )
        for i in draw(st.lists(ids, max_size=4, unique=True))
    ]
    return day, promises, draw(st.lists(st.sampled_from([*note_keys, "extra"]), unique=True))


@settings(max_examples=300, deadline=None)
@given(days())
def test_any_day_saved_unchanged_comes_back_the_same(
    case: tuple[Entry, list[Promise], list[str]],
) -> None:
    day, promises, note_keys = case
    same_day(parse(render_day(DAY, day, promises, note_keys), day, promises), day, promises)


# ----- mistakes: one line, with the line number and the section ----------------------------


def refused(text: str, line: int, section: str | None, message: str) -> None:
    day, promises = rich_day()
    with pytest.raises(InvalidInput) as caught:
        parse(text, day, promises)
    said = str(caught.value)
    where = f"line {line} ({section}): " if section else f"line {line}: "
    assert "\n" not in said
    assert said.startswith(where), said
    assert message in said, said


@pytest.fixture
def doc() -> str:
    day, promises = rich_day()
    return render_day(DAY, day, promises)


def test_unknown_promise_kind(doc: str) -> None:
    text = replace(doc, "- best effort: tidy", "- comit: tidy")
    refused(
        text,
        line_of(text, "- comit:"),
        PROMISES,
        "unknown promise kind 'comit': use commitment, best_effort or good_intention",
    )


def test_unknown_section_heading(doc: str) -> None:
    text = replace(doc, "## Reflection", "## Reflektion")
    refused(text, line_of(text, "## Reflektion"), None, "unknown section '## Reflektion': use")


def test_a_section_written_twice(doc: str) -> None:
    text = doc + "\n## Intent\nsomething else\n"
    first = line_of(doc, "## Intent")
    refused(text, text.count("\n") - 1, "Intent", f"written twice (first on line {first})")


def test_text_before_the_first_section(doc: str) -> None:
    refused("Dear diary\n" + doc, 1, None, "outside any section")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("credibility: 11", "credibility 11 is outside 0–10"),
        ("credibility: -1", "credibility -1 is outside 0–10"),
        ("credibility: seven", "credibility 'seven' is not a whole number from 0 to 10"),
        ("credibility: 7.5", "is not a whole number"),
        # Other scripts' digits: int() and \d take them; nobody means them here.
        ("credibility: \u0663", "'\u0663' is not a whole number from 0 to 10: write it with the"),
        ("credibility: \uff17", "'\uff17' is not a whole number from 0 to 10: write it with"),
        ("credibility: 1_0", "credibility '1_0' is not a whole number from 0 to 10"),
        ("credibility: " + "9" * 5000, "is too long: give at most 20 digits"),
        (
            "warmth: 5",
            "with one of credibility, reliability, intimacy, character, self-orientation",
        ),
        ("credibility 7", "write 'name: 0-10'"),
    ],
)
def test_ratings_are_whole_numbers_0_to_10_with_known_names(
    doc: str, line: str, message: str
) -> None:
    text = replace(doc, "credibility: 7", line)
    refused(text, line_of(text, line), "Ratings", message)


def test_a_rating_may_carry_a_sign_and_leading_zeros() -> None:
    assert parse("## Ratings\ncredibility: +07\nintimacy: -0\n").ratings == Ratings(
        credibility=7, intimacy=0
    )


def test_a_rating_given_twice(doc: str) -> None:
    text = replace(doc, "reliability:\n", "reliability:\ncredibility: 3\n")
    first = line_of(text, "credibility: 7")
    refused(text, line_of(text, "credibility: 3"), "Ratings", f"also on line {first}")


def test_a_due_date_that_is_not_a_date(doc: str) -> None:
    text = replace(doc, "due:2026-11-26", "due:someday")
    refused(text, line_of(text, "due:someday"), PROMISES, "due date 'someday' is not a date")


def test_a_due_date_before_the_day_the_promise_was_made(doc: str) -> None:
    text = replace(doc, "due:2026-11-26", "due:2026-11-20")
    refused(text, line_of(text, "due:2026"), PROMISES, "before the day it was made (2026-11-24)")


@pytest.mark.parametrize(
    ("old", "new", "section", "message"),
    [
        ("{3f9c1a2b}", "{deadbeef}", PROMISES, "no promise {deadbeef} on this day"),
        ("{a1a1a1a1}", "{deadbeef}", ASKS, "no ask {deadbeef} on this day"),
        ("{a1a1a1a1}", "{3f9c1a2b}", ASKS, "no ask {3f9c1a2b} on this day"),  # a promise id
    ],
)
def test_an_id_that_is_not_this_days(
    doc: str, old: str, new: str, section: str, message: str
) -> None:
    text = replace(doc, old, new)
    refused(text, line_of(text, new), section, message + "; leave out the {…} to add a new")


def test_the_same_promise_listed_twice(doc: str) -> None:
    copy = next(line for line in doc.split("\n") if "{3f9c1a2b}" in line)
    text = replace(doc, copy, copy + "\n" + copy)
    first = line_of(text, "{3f9c1a2b}")
    refused(text, first + 1, PROMISES, f"promise {{3f9c1a2b}} is already on line {first}")


def test_a_kept_promise_cannot_be_reworded(doc: str) -> None:
    text = replace(doc, "ask \\\\@ops about: access", "ask ops about access")
    refused(
        text,
        line_of(text, "{77777777}"),
        PROMISES,
        "promise 77777777 is kept; reopen it to change it: coach promise 77777777 open",
    )


@pytest.mark.parametrize("change", ["@Someone_Else [kept]", '@"snake_case" due:2026-12-01 [kept]'])
def test_a_kept_promise_keeps_its_person_and_due_date(doc: str, change: str) -> None:
    text = replace(doc, '@"snake_case" [kept]', change)
    refused(text, line_of(text, "{77777777}"), PROMISES, "promise 77777777 is kept; reopen it")


def test_an_outcome_is_not_changed_by_editing_its_state(doc: str) -> None:
    text = replace(doc, "[open] {3f9c1a2b}", "[kept] {3f9c1a2b}")
    refused(
        text,
        line_of(text, "{3f9c1a2b}"),
        PROMISES,
        "run `coach promise 3f9c1a2b kept` and put back [open]",
    )


def test_a_new_promise_starts_open(doc: str) -> None:
    text = replace(doc, "## Ratings", "- commitment: call Bo [kept]\n\n## Ratings")
    refused(text, line_of(text, "call Bo"), PROMISES, "a new promise starts open")


def test_a_promise_made_to_two_people(doc: str) -> None:
    text = replace(doc, "## Ratings", "- commitment: call @Bo and @Cy\n\n## Ratings")
    refused(text, line_of(text, "call @Bo"), PROMISES, "made to one person")


def test_an_ask_needs_a_person(doc: str) -> None:
    text = replace(doc, "- Björn: [open]", "- : [open]")
    refused(text, line_of(text, "- : [open]"), ASKS, "an ask needs the person's name first")


def test_an_unknown_state_on_an_ask(doc: str) -> None:
    text = replace(doc, "budget [done]", "budget [finished]")
    refused(text, line_of(text, "[finished]"), ASKS, "[finished] at the end of the line reads")


def test_list_lines_start_with_a_dash(doc: str) -> None:
    text = replace(doc, "- Björn: [open]", "Björn: [open]")
    refused(text, line_of(text, "Björn: [open]"), ASKS, "start each ask with '- '")


def test_private_is_yes_or_no(doc: str) -> None:
    text = replace(doc, "leaves it in.\nyes", "leaves it in.\nmaybe")
    refused(text, line_of(text, "maybe"), "Private", "write yes or no, not 'maybe'")


@pytest.mark.parametrize("tag", ["deep#work", "x" * 65])
def test_a_bad_tag(doc: str, tag: str) -> None:
    text = replace(doc, "work, stär", f"work, {tag}, stär")
    refused(text, line_of(text, tag), "Tags", "must be one word of up to 64 characters")


def test_a_text_longer_than_the_journal_keeps(doc: str) -> None:
    text = replace(doc, "First paragraph.", "x" * 20_001)
    refused(text, line_of(text, "## Reflection"), "Reflection", "length <= 20000")


def test_a_person_longer_than_the_journal_keeps(doc: str) -> None:
    text = replace(doc, "- Björn:", "- " + "B" * 501 + ":")
    refused(text, line_of(text, "BBBB"), ASKS, "person: expected str of length <= 500")


# ----- editing -----------------------------------------------------------------------------


def test_changing_a_request_and_its_state_keeps_the_ask() -> None:
    day, promises = rich_day()
    text = render_day(DAY, day, promises)
    text = replace(text, "a second look at the budget [done]", "the whole forecast [not done]")
    edit = parse(text, day, promises)
    changed = next(a for a in edit.asks if a.id == ASK_DONE)
    assert (changed.person, changed.request, changed.done) == (
        "Ana López",
        "the whole forecast",
        False,
    )
    assert [a.id for a in edit.asks] == [ASK_DONE, ASK_NOT_DONE, ASK_OPEN]


def test_adding_an_ask() -> None:
    day, promises = rich_day()
    text = render_day(DAY, day, promises)
    text = replace(text, "- Björn: [open]", "- Mia Chen: feedback on my draft\n- Björn: [open]")
    edit = parse(text, day, promises)
    assert [a.person for a in edit.asks] == ["Ana López", "Dr: Who", "Mia Chen", "Björn"]
    new = edit.asks[2]
    assert (new.request, new.done, new.asked) == ("feedback on my draft", None, True)
    assert new.id not in (ASK_DONE, ASK_NOT_DONE, ASK_OPEN) and len(new.id) == 32
    assert edit.asks[3].asked is False  # an ask kept keeps what the journal knew of it


def test_deleting_an_ask_line_deletes_the_ask() -> None:
    day, promises = rich_day()
    text = render_day(DAY, day, promises)
    edit = parse(replace(text, "- Björn: [open] {c3c3c3c3}\n", ""), day, promises)
    assert [a.id for a in edit.asks] == [ASK_DONE, ASK_NOT_DONE]


def test_deleting_a_promise_line_deletes_the_promise() -> None:
    day, promises = rich_day()
    text = render_day(DAY, day, promises)
    kept_line = next(line for line in text.split("\n") if "{77777777}" in line)
    edit = parse(replace(text, kept_line + "\n", ""), day, promises)
    assert edit.deleted_promises == [KEPT]
    assert [p.id for p in edit.promises] == [OPEN, OPEN_UNDATED]


def test_a_line_without_an_id_is_a_new_promise() -> None:
    day, promises = rich_day()
    text = render_day(DAY, day, promises)
    new = "- best effort: call Bo back about the offsite @Bo_Chen due:fri"
    text = replace(text, "\n## Ratings", f"{new}\n\n## Ratings")
    edit = parse(text, day, promises)
    assert edit.promises[-1] == PromiseLine(
        line=line_of(text, "call Bo back"),
        id=None,
        kind="best_effort",
        text="call Bo back about the offsite",
        to="Bo Chen",
        due=dt.date(2026, 11, 27),  # the Friday after today, 25 November
    )
    assert edit.deleted_promises == []


def test_changing_an_open_promise() -> None:
    day, promises = rich_day()
    text = render_day(DAY, day, promises)
    text = replace(
        text,
        "send the revised deck to \\@team, \\due:soon @Ana_López due:2026-11-26",
        'good intention: send the short deck @"Ana María" due:2026-11-30',
    ).replace("- commitment: good intention:", "- good intention:")
    edit = parse(text, day, promises)
    changed = next(p for p in edit.promises if p.id == OPEN)
    assert (changed.kind, changed.text, changed.to, changed.due) == (
        "good_intention",
        "send the short deck",
        "Ana María",
        dt.date(2026, 11, 30),
    )


def test_an_open_promise_can_lose_its_due_date_and_person() -> None:
    day, promises = rich_day()
    text = render_day(DAY, day, promises)
    text = replace(text, " @Ana_López due:2026-11-26", "")
    changed = next(p for p in parse(text, day, promises).promises if p.id == OPEN)
    assert (changed.to, changed.due) == ("", None)


def test_a_kept_promise_may_stay_as_it_is_or_be_deleted() -> None:
    day, promises = rich_day()
    edit = parse(render_day(DAY, day, promises), day, promises)
    assert next(p for p in edit.promises if p.id == KEPT).text == "ask \\@ops about: access"


def test_an_empty_section_clears_and_a_deleted_section_keeps() -> None:
    day, promises = rich_day()
    text = render_day(DAY, day, promises)
    text = replace(text, "work, stär, q4-plan\n", "")
    start, end = text.index("## Reflection"), text.index("## Note: gratitude")
    edit = parse(text[:start] + text[end:], day, promises)
    assert edit.tags == []
    assert edit.reflection == day.reflection


def test_an_emptied_note_is_dropped_and_a_new_one_kept() -> None:
    day, promises = rich_day()
    text = render_day(DAY, day, promises, note_keys=["energy"])
    text = replace(text, "the quiet hour\n", "")
    text = replace(text, "## Note: energy\n", "## Note: energy\nlow after lunch\n")
    assert parse(text, day, promises).notes == {"win": "#1 shipped", "energy": "low after lunch"}


def test_for_whom_words_and_quoted_names() -> None:
    def serves(value: str) -> IntentFor | None:
        return parse(f"## For whom\n{value}\n").serves

    assert serves("me") == IntentFor(kind="self")
    assert serves("team:Platform") == IntentFor(kind="team", name="Platform")
    assert serves('"me"') == IntentFor(kind="person", name="me")
    assert serves("") is None
    person = entry(intent_for=IntentFor(kind="person", name="Team: Blue"))
    assert '\n"Team: Blue"\n' in render_day(DAY, person, [])
