"""A Footer that redraws once per burst of binding changes.

Textual's Footer rebuilds all its keys on every bindings change, and opening a screen fires
several in a row (mount, focus, data arriving), which made the footer a large share of startup.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class CalmFooter(Footer):
    _recompose_pending = False

    def bindings_changed(self, screen: Screen[object]) -> None:
        """Same as Footer's, except that a recompose already queued absorbs the next ones."""
        self._bindings_ready = True
        if not screen.app.app_focus or self._recompose_pending:
            return
        if self.is_attached and screen is self.screen:
            self._recompose_pending = True
            self.call_after_refresh(self.recompose)

    async def recompose(self) -> None:
        self._recompose_pending = False
        await super().recompose()
