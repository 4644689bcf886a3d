"""An Input that takes a paste of several lines as one line.

Textual's Input keeps only a paste's first line, so a query copied from a note or a page
over two lines searched for half of itself. Here the lines are joined by single spaces.
"""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.widgets import Input


class OneLineInput(Input):
    def _on_paste(self, event: events.Paste) -> None:
        line = " ".join(event.text.split())
        if line:
            if self.selection.is_empty:
                self.insert_text_at_cursor(line)
            else:
                self.replace(line, *self.selection)
        event.stop()
        event.prevent_default()  # Textual would run Input's own handler after this one


class FilterInput(OneLineInput):
    """The filter above an index table: down moves into the table, and the footer says
    so (the Input's own down, a scroll a single line never needs, hid the screen's)."""

    BINDINGS = [
        Binding("down", "screen.focus_table", "To the table", key_display="↓", id="filter.down")
    ]
