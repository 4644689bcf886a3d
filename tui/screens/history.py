"""A brief's history of corrections: when, what, from what to what, newest first."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from briefs.correcting import HistoryEntry
from briefs.dates import format_day
from tui.safe import safe_text
from tui.widgets.keys_footer import KeysFooter


def _value(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value) or "—"
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_value(v)}" for k, v in value.items() if v not in (None, []))
    return str(value)


def _when(at: str) -> str:
    """'2025-11-28T14:02:00+00:00' → '28 Nov 2025 14:02', as the list and notes write a day;
    a time that is not one (a damaged file) as written, cut short."""
    try:
        return f"{format_day(at)} {at[11:16]}".rstrip()
    except ValueError:
        return at[:16]


def history_text(entries: Sequence[HistoryEntry]) -> Text:
    if not entries:
        return Text("Nothing corrected yet: the brief is as its source says.", style="dim")
    text = Text(end="")
    for entry in reversed(entries):
        # The time and kind come from a store file too: data, shown inert like the rest.
        # (safe_text trims its ends, so the spaces between go apart.)
        text.append_text(safe_text(_when(entry.at), "dim", single_line=True))
        text.append("  ")
        kind = safe_text(entry.kind, "italic", single_line=True, limit=20)
        text.append_text(kind)
        text.append(" " * max(8 - len(kind.plain), 1))
        text.append_text(safe_text(entry.path, "bold", single_line=True))
        text.append("\n    ")
        text.append_text(safe_text(_value(entry.old), single_line=True, limit=200))
        text.append(" → ")
        text.append_text(safe_text(_value(entry.new), single_line=True, limit=200))
        text.append("\n")
    return text


class HistoryScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,h", "dismiss", "Close", id="history.close")]

    def __init__(self, title: str, entries: Sequence[HistoryEntry]) -> None:
        super().__init__()
        self.title_text = title
        self.entries = tuple(entries)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box") as box:
            box.border_title = safe_text(
                f"History of {self.title_text}", single_line=True, limit=60
            )
            box.border_subtitle = "esc to close"
            yield Static(history_text(self.entries))
        yield KeysFooter()  # how to close it, not the keys of the reader beneath
