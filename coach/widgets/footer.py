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
        """The keys of what has focus and of the screen first; the app's own (F-keys) after
        them, then the palette. When the line is too short, the palette and then the app's
        keys give way, but F1 stays: it lists every key there is."""
        local: list[Content] = []
        app_keys: list[Content] = []
        help_key: Content | None = None
        seen: set[str] = set()
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            shown = binding.key_display or self.app.get_key_display(binding)
            part = Content.assemble(
                (f" {shown} ", "bold $footer-key-foreground"),
                (binding.description, "" if active.enabled else "dim"),
            )
            if active.node is not self.app:
                local.append(part)
            elif binding.action == "help":
                help_key = part
            else:
                app_keys.append(part)
        palette = Content.assemble((" ^p ", "bold $footer-key-foreground"), "palette ")
        tail = [help_key] if help_key else []
        width = self.size.width
        for keep in range(len(app_keys), -1, -1):
            bar = Content(" ").join([*local, *tail, *app_keys[:keep]])
            if bar.cell_length + palette.cell_length + 1 <= width and keep == len(app_keys):
                gap = width - bar.cell_length - palette.cell_length
                return Content.assemble(bar, " " * gap, palette)
            if bar.cell_length <= width:
                return bar
        room = width - sum(t.cell_length + 1 for t in tail)
        return Content(" ").join([Content(" ").join(local).truncate(room, ellipsis=True), *tail])
