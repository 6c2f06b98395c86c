"""Whatever a client writes reaches the coach exactly as written: any text, through signing,
compression, encryption, validation and the coach's storage, and back again as feedback."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.app.home import Home
from journal.app.sharing import ShareRequest, create_keys, import_feedback, prepare_share
from journal.app.workspace import CommentRequest
from journal.model import Entry
from tests.conftest import DAY
from tests.exports.consumers import markdown_quotes
from tests.sharing.conftest import COMMENTED_DAY, World

TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)),  # lone surrogates are not text
    min_size=1,
    max_size=300,
).filter(str.strip)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(intent=TEXT, reflection=TEXT, comment=TEXT)
def test_any_text_survives_the_trip_to_the_coach_and_back(
    intent: str, reflection: str, comment: str
) -> None:
    root = Path(tempfile.mkdtemp(prefix="coach-trip-"))
    try:
        coach = create_keys(Home(root / "coach"), "Dee Coach")
        client = Home(root / "client", today=lambda: DAY)
        create_keys(client, "Eli Client")
        svc = client.journal
        svc.set_intent(DAY, intent)
        svc.set_text(DAY, "reflection", reflection)
        share = prepare_share(
            client, ShareRequest(coach.public.line(), DAY - dt.timedelta(days=6), DAY)
        )
        space = Home(root / "coach", today=lambda: DAY).workspace
        space.add(share.data, coach, "bundle")
        (theirs,) = space.clients()
        (copy,) = space.journal(theirs).entries()
        (mine,) = svc.entries()
        assert copy == mine and isinstance(copy, Entry)
        space.comment(CommentRequest(theirs, "day", DAY, comment), coach)
        feedback = root / "feedback.age"
        feedback.write_bytes(space.reply(theirs, coach).data)
        import_feedback(client, feedback)
        (said,) = client.feedback.all()
        assert said.text == comment.strip()
    finally:
        shutil.rmtree(root)


REFLECTION = "Ask first.\nThen offer.\n\nListen longer."
FOCUS = "Me first, again:\n\tI finished Ana's sentence."
COMMENT = "You asked first.\nNext: wait longer before offering.\n\n- try it with Diego"


def test_line_breaks_reach_the_coach_and_come_back_in_feedback(world: World) -> None:
    """A reflection and a self-focus written on several lines reach the coach's copy (through
    `coach share` and `clients add`) exactly as written. A comment the coach writes on several
    lines reaches the client's journal (through `clients reply` and `feedback import`) exactly
    as written, and the client's summary quotes it line for line. Folded into one line, what
    either side wrote would read as something else."""
    svc = world.client.service()
    svc.set_text(COMMENTED_DAY, "reflection", REFLECTION)
    svc.set_text(COMMENTED_DAY, "self_focus", FOCUS)
    world.on(world.coach, "clients", "add", str(world.share("share-2.age")))
    space = world.workspace()
    copy = space.journal(space.clients()[0]).entry(COMMENTED_DAY)
    assert copy is not None and (copy.reflection, copy.self_focus) == (REFLECTION, FOCUS)
    assert copy == svc.entry(COMMENTED_DAY)

    who = world.client_id()
    world.on(world.coach, "clients", "comment", who, COMMENTED_DAY.isoformat(), COMMENT)
    reply = world.root / "feedback-2.age"
    world.on(world.coach, "clients", "reply", who, "-o", str(reply))
    world.on(world.client, "feedback", "import", str(reply))
    assert COMMENT in [c.text for c in Home(world.client.home).feedback.all()]
    summary = world.on(world.client, "export", "--format", "md", "-o", "-")
    assert [line for line in COMMENT.split("\n") if line] in markdown_quotes(summary)
