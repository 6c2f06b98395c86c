"""Exporting from the app: the command palette writes the same file `coach export` would."""

from __future__ import annotations

from pathlib import Path

import pytest

from coach.app import build_app
from journal.service import JournalService
from tests.conftest import DAY


async def test_palette_exports_a_markdown_summary(
    isolated_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    JournalService(isolated_home, today=lambda: DAY).set_intent(DAY, "Hear Ana out")
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.chdir(out)
    app = build_app(isolated_home, today=lambda: DAY)
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Export summary")
        await pilot.pause(0.5)  # the palette searches its providers in the background
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        written = list(out.glob("coach-month-*.md"))
        assert len(written) == 1
        assert "Hear Ana out" in written[0].read_text()
        assert any(str(written[0]) in n.message for n in app._notifications)
