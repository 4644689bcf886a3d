"""The `?` screen: every binding active where the reader pressed `?`, read from the bindings."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from tui.widgets.keys_footer import KeysFooter


def help_text(bindings: dict[str, ActiveBinding]) -> Text:
    """The keys in groups, the screen's own first, then those of the widget with the focus,
    then the app's, each under a heading; keys that share an action share a line:
    'j, down   Down   list.down' (the id is what the config file's [keys] table rebinds)."""
    groups: dict[tuple[int, str], dict[tuple[str, str], list[str]]] = {}
    # Per group: q (reader.quit) and ctrl+q (app.quit) share a description and an action
    # but not the id that rebinds them.
    ids: dict[tuple[tuple[int, str], str, str], str] = {}
    for key, active in bindings.items():
        binding = active.binding
        if not binding.description:
            continue
        group = _group(active.node)
        rows = groups.setdefault(group, {})
        label = binding.key_display or key
        rows.setdefault((binding.description, binding.action), []).append(label)
        ids.setdefault((group, binding.description, binding.action), binding.id or "")
    every = [row for rows in groups.values() for row in rows.items()]
    width = max((len(", ".join(keys)) for _, keys in every), default=0)
    described = max((len(description) for (description, _), _ in every), default=0)
    text = Text(end="")
    for k, (group, rows) in enumerate(sorted(groups.items())):
        text.append(("\n" if k else "") + group[1] + "\n", style="bold underline")
        # Ours (with an id) first: Textual's own (tab, copy) after them.
        for (description, action), keys in sorted(
            rows.items(), key=lambda r: not ids[(group, *r[0])]
        ):
            text.append(f"{', '.join(keys):>{width}}  ", style="bold")
            text.append(f"{description:<{described}}  ")
            text.append(f"{ids[(group, description, action)]}\n", style="dim")
    return text


def _group(node: DOMNode) -> tuple[int, str]:
    """(order, heading) of the node a binding belongs to: the screen first, the app last;
    the heading is the node's HELP_TITLE where it has one."""
    if isinstance(node, App):
        return 2, "Everywhere"
    if isinstance(node, Screen):
        return 0, getattr(node, "HELP_TITLE", "On this screen")
    return 1, getattr(node, "HELP_TITLE", "Where the focus is")


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close help", id="help.close")]

    def __init__(self, bindings: dict[str, ActiveBinding]) -> None:
        super().__init__()
        self.bindings = bindings

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box") as box:
            box.border_title = "Keys here"
            box.border_subtitle = "esc to close"
            yield Static(help_text(self.bindings))
        yield KeysFooter()  # how to close it, not the keys of the screen beneath
