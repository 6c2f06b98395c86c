"""Whatever a client writes reaches the coach exactly as written: any text, through signing,
compression, encryption, validation and the coach's storage, and back again as feedback."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from journal.sharing.workspace import Workspace

from journal.app.home import Home
from journal.model import Entry
from journal.sharing.keys import create
from journal.sharing.share import build_share, feedback_store, import_feedback
from tests.conftest import DAY

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
        coach = create(root / "coach", "Dee Coach")
        client = create(root / "client", "Eli Client")
        svc = Home(root / "client", today=lambda: DAY).journal
        svc.set_intent(DAY, intent)
        svc.set_text(DAY, "reflection", reflection)
        share = build_share(svc, client, coach.public, DAY - dt.timedelta(days=6), DAY)
        space = Workspace(root / "coach", today=DAY)
        space.add(share.data, coach, "bundle")
        (theirs,) = space.clients()
        (copy,) = space.journal(theirs).entries()
        (mine,) = svc.entries()
        assert copy == mine and isinstance(copy, Entry)
        space.comment(theirs, "day", DAY, comment, coach)
        data, _ = space.reply(theirs, coach)
        import_feedback(svc, client, data, "feedback")
        (said,) = feedback_store(svc).all()
        assert said.text == comment.strip()
    finally:
        shutil.rmtree(root)
