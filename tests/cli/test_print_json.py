"""`--json` output is written a list item at a time; what a script reads must be exactly the
document the whole list would make, terminal-unsafe characters escaped either way."""

from __future__ import annotations

import contextlib
import io
import json

import msgspec
import pytest
from hypothesis import given
from hypothesis import strategies as st

from coach.cli_support import JSON_UNSAFE, print_json

values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=8,
)


@given(st.lists(values, max_size=4))
def test_a_list_reads_back_as_the_whole_document(data: list[object]) -> None:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):  # capsys is per test, not per example
        print_json(data)
    text = out.getvalue()
    assert json.loads(text) == data
    whole = msgspec.json.format(msgspec.json.encode(data), indent=2).decode()
    escaped = JSON_UNSAFE.sub(lambda m: f"\\u{ord(m[0]):04x}", whole)
    assert text == escaped + "\n"  # byte for byte the layout of the whole


def test_bidi_and_c1_characters_are_escaped_in_each_item(
    capsys: pytest.CaptureFixture[str],
) -> None:
    print_json([{"name": "Ana\u202eevil"}, {"name": "C1\x9b"}])
    text = capsys.readouterr().out
    assert "\u202e" not in text and "\x9b" not in text
    assert json.loads(text) == [{"name": "Ana\u202eevil"}, {"name": "C1\x9b"}]
