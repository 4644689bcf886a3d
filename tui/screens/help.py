"""The `?` screen: every binding active where the reader pressed `?`, read from the bindings."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static


def help_text(bindings: dict[str, ActiveBinding]) -> Text:
    """Group keys that share an action: 'j, down   Down   list.down' (the id is what the
    config file's [keys] table rebinds)."""
    rows: dict[tuple[str, str], list[str]] = {}
    ids: dict[tuple[str, str], str] = {}
    for key, active in bindings.items():
        binding = active.binding
        if not binding.description:
            continue
        label = binding.key_display or key
        rows.setdefault((binding.description, binding.action), []).append(label)
        ids.setdefault((binding.description, binding.action), binding.id or "")
    text = Text(end="")
    width = max((len(", ".join(keys)) for keys in rows.values()), default=0)
    described = max((len(description) for description, _ in rows), default=0)
    for (description, action), keys in rows.items():
        text.append(f"{', '.join(keys):>{width}}  ", style="bold")
        text.append(f"{description:<{described}}  ")
        text.append(f"{ids[(description, action)]}\n", style="dim")
    return text


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
