"""F1: what the screen below is for and every key it has, read from the bindings themselves
(so this page can never list a key that does nothing, or miss one that was added)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Static

from coach import messages as msg
from coach.render import content
from coach.widgets.fields import hints

OUR_PACKAGE = "coach."


@dataclass(frozen=True)
class KeyGroup:
    title: str
    keys: list[tuple[str, str]]
    """(keys as shown, what they do)"""


def declared(node: DOMNode) -> Iterator[tuple[str, str]]:
    """(keys, what they do) for the bindings Coach's own classes declare on ``node``, keys
    of one action together ("del / backspace"). Textual's built-in keys, such as a text
    field's cursor movement, are left to the person's habits."""
    keys: dict[str, list[str]] = {}
    described: dict[str, str] = {}
    app = node.app
    for cls in type(node).__mro__:
        if not cls.__module__.startswith(OUR_PACKAGE):
            continue
        bindings: list[BindingType] = cls.__dict__.get("BINDINGS", [])
        for binding in Binding.make_bindings(bindings):
            if node is not app and node.check_action(binding.action, ()) is False:
                continue  # not here now: Escape back to a journal the screen was not opened from
            if (
                not binding.description
                or described.get(binding.action, binding.description) != binding.description
            ):
                continue
            described[binding.action] = binding.description
            shown = binding.key_display or app.get_key_display(binding)
            if shown not in keys.setdefault(binding.action, []):
                keys[binding.action].append(shown)
    for action, displays in keys.items():
        yield " / ".join(displays), described[action]


def group_title(node: DOMNode) -> str:
    """What a widget's keys act on, in words: its KEYS_FOR, or its class name."""
    title = getattr(node, "KEYS_FOR", "")
    if title:
        return str(title)
    name = type(node).__name__
    return "".join(f" {c.lower()}" if c.isupper() else c for c in name).strip().capitalize()


def key_groups(screen: Screen[object]) -> list[KeyGroup]:
    """The screen's keys, those of each widget shown on it, then the app's everywhere."""
    groups: list[KeyGroup] = []

    def add(title: str, node: DOMNode, bindings: Iterable[tuple[str, str]]) -> None:
        keys = list(bindings)
        if keys:
            groups.append(KeyGroup(title, keys))

    add("On this screen", screen, declared(screen))
    seen: set[type] = set()
    for widget in screen.walk_children():
        if type(widget) in seen or not getattr(widget, "display", True):
            continue
        if any(not getattr(a, "display", True) for a in widget.ancestors if a is not screen):
            continue
        seen.add(type(widget))
        add(f"In {group_title(widget)}", widget, declared(widget))
    add("Everywhere", screen.app, declared(screen.app))
    return groups


def heading(text: str) -> Static:
    return Static(Content.styled(text, "bold $accent"), classes="heading")


def help_page(screen: Screen[object]) -> Iterator[Widget]:
    """The page: what the screen is for, what the current step adds, then its keys. Keys and
    what they do sit side by side, so a line that wraps keeps its indent."""
    purpose = getattr(screen, "HELP", None) or msg.HELP_INTRO
    yield Static(content(purpose), classes="para")
    step_keys = getattr(screen, "step_keys", None)
    if callable(step_keys) and (said := step_keys()):
        yield heading("On this step")
        yield Static(content(said), classes="para")
    for group in key_groups(screen):
        yield heading(group.title)
        keys = [(content(keys, "bold"), content(what)) for keys, what in group.keys]
        yield hints(keys, classes="terms")
    yield heading("About Coach")
    yield Static(content(msg.HELP_ABOUT))  # its last line leads into the kinds
    kinds = [(content(kind, "bold"), content(meaning)) for kind, meaning in msg.HELP_KINDS]
    yield hints(kinds, classes="terms")
    yield Static(content(msg.HELP_ABOUT_AFTER), classes="para")


class HelpScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    #help {
        width: 90; max-width: 100%; height: 90%;
        border: round $accent; background: $surface; padding: 1 0 1 2;
        scrollbar-size-vertical: 1;
    }
    #help-page { height: auto; padding-right: 2; }
    #help-page .para { margin-bottom: 1; }
    #help-page .terms {
        layout: grid; grid-size: 2; grid-gutter: 0 2; grid-rows: auto;
        height: auto; padding-left: 2; margin-bottom: 1;
    }
    """

    BINDINGS = [Binding("escape,f1,q", "dismiss", "Close", id="help.close")]

    def __init__(self, below: Screen[object]) -> None:
        super().__init__()
        self.below = below

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"), Vertical(id="help-page"):
            title = self.below.sub_title or self.below.title or "Coach"
            yield Static(content(f"Keys and help: {title}", "bold $accent"))
            yield Static(content("Esc closes this page.", "dim"))
            yield from help_page(self.below)
