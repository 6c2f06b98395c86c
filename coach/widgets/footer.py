"""A one-line key bar in place of Textual's Footer.

Textual's Footer mounts a widget per key and rebuilds them all on every bindings change;
opening a screen fires several such changes, and the footer alone cost more than the rest of
the first screen. This bar renders the same active bindings as a single line of text.
"""

from __future__ import annotations

from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget


class KeyBar(Widget):
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-foreground;
    }
    """

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen[object]) -> None:
        self.refresh()

    def render(self) -> Content:
        parts: list[Content] = []
        seen: set[str] = set()
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            shown = binding.key_display or self.app.get_key_display(binding)
            style = "" if active.enabled else "dim"
            parts.append(
                Content.assemble(
                    (f" {shown} ", "bold $footer-key-foreground"),
                    (binding.description, style),
                )
            )
        palette = Content.assemble((" ^p ", "bold $footer-key-foreground"), "palette ")
        bar = Content(" ").join(parts)
        gap = max(1, self.size.width - bar.cell_length - palette.cell_length)
        return Content.assemble(bar, " " * gap, palette)
