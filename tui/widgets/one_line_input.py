"""An Input that takes a paste of several lines as one line.

Textual's Input keeps only a paste's first line, so a query copied from a note or a page
over two lines searched for half of itself. Here the lines are joined by single spaces.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.binding import Binding
from textual.widgets import Input

_UNDO_STEPS = 200  # changes a field can take back


class OneLineInput(Input):
    """ctrl+z takes back the last change, one at a time: in the search bar it reached the
    reader's undo, which put back a deleted brief while the user meant their typing."""

    BINDINGS = [Binding("ctrl+z", "undo", "Undo typing", show=False, id="field.undo")]

    def __init__(self, value: str = "", **kwargs: Any) -> None:
        self._before: list[str] = []  # the text before each change, newest last
        self._last = value
        self._undoing = False
        super().__init__(value, **kwargs)

    def watch_value(self, value: str) -> None:
        if not self._undoing and value != self._last:
            self._before.append(self._last)
            del self._before[:-_UNDO_STEPS]
        self._last = value

    def action_undo(self) -> None:
        if not self._before:
            return
        self._undoing = True
        try:
            self.value = self._before.pop()
        finally:
            self._undoing = False
        self.cursor_position = len(self.value)

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


class FieldInput(OneLineInput):
    """A form's field. Typing edits its text: nothing is selected as the field is reached
    (Textual's Input selects it all, so the first key typed replaced a whole title)."""

    def __init__(self, value: str = "", *, id: str | None = None) -> None:
        super().__init__(value, id=id, select_on_focus=False)
