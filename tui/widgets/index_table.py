"""The row table of the index screens: j/k move, and `up` on the first row leaves it."""

from __future__ import annotations

from rich.text import Text
from textual.message import Message
from textual.widgets import DataTable

from tui.moves import table_moves


class IndexTable(DataTable[Text]):
    """A row table with j/k, where `up` on the first row hands focus back to the filter."""

    BINDINGS = table_moves("index")

    class LeaveTop(Message):
        """Up was pressed on the first row."""

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)

    def action_cursor_up(self) -> None:
        if self.cursor_row <= 0:
            self.post_message(self.LeaveTop())
            return
        super().action_cursor_up()
