"""Boxes and choices that show their state in their shape, not only their colour. Apart from
the other fields (coach/widgets/fields.py) because Textual's check box and radio set cost the
first screen of the evening their loading, and it shows neither."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Checkbox, RadioButton, RadioSet


class Box(Checkbox, inherit_bindings=False):
    """A tick box that shows its state in its shape, not only its colour (a screen reader, a
    monochrome terminal, a colour-blind eye). Space ticks; Enter goes on, as it does on
    every step's last field."""

    KEYS_FOR = "a tick box"

    BINDINGS = [
        Binding("space", "toggle_button", "Tick", show=False),
        Binding("enter", "next_step", "Next step", show=False),
    ]

    def on_mount(self) -> None:
        self.BUTTON_INNER = "✓" if self.value else " "

    def watch_value(self) -> None:
        super().watch_value()
        self.BUTTON_INNER = "✓" if self.value else " "
        self.refresh()

    def action_next_step(self) -> None:
        from coach.widgets.step_base import NextStep

        self.post_message(NextStep())


class Choice(RadioButton):
    """A radio button whose chosen state shows as a dot even without colour."""

    def on_mount(self) -> None:
        self.BUTTON_INNER = "●" if self.value else " "

    def watch_value(self) -> None:
        super().watch_value()
        self.BUTTON_INNER = "●" if self.value else " "
        self.refresh()


class ChoiceSet(RadioSet):
    """The arrows choose, as they do in any list of options: moving a highlight that a
    separate Space must then confirm was a step nobody saw on screen.

    The arrows have their own actions rather than RadioSet's: RadioSet calls those while
    mounting, where choosing would switch the first option off behind its back (its dot
    on, the set not knowing it is chosen). They go from the chosen option and switch one
    on, never toggle, so what is highlighted, what shows a dot and what is chosen stay
    the same option."""

    KEYS_FOR = "a row of choices"

    BINDINGS = [
        Binding("down,right", "choose(1)", "Choose the next", show=False),
        Binding("up,left", "choose(-1)", "Choose the one before", show=False),
    ]

    def action_choose(self, step: int) -> None:
        options = [b for b in self.query_children(RadioButton) if not b.disabled]
        if not options:
            return
        pressed = self.pressed_button
        at = options.index(pressed) if pressed in options else (-1 if step > 0 else 0)
        options[(at + step) % len(options)].value = True
