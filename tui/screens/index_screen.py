"""The base of the actor index and the tariff tracker: a filter above a table.

Both screens share their keys (escape back, down into the table, ? help), their layout
(`index_screen.tcss`) and the hand-over between the filter and the table.
"""

from __future__ import annotations

from typing import ClassVar, Generic, TypeVar

from textual import on
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Input

from tui.screens.help import HelpScreen
from tui.widgets.index_table import IndexTable

ResultType = TypeVar("ResultType")


class IndexScreen(Screen[ResultType], Generic[ResultType]):
    """Subclasses name their filter and table (FILTER, TABLE selectors) and the binding ids'
    prefix (ID)."""

    CSS_PATH = "index_screen.tcss"
    FILTER: ClassVar[str] = "Input"
    TABLE: ClassVar[str] = "IndexTable"
    ID: ClassVar[str] = "index"

    def __init_subclass__(cls, **kwargs: object) -> None:
        # Each screen's own ids ("actors.close", "tariffs.close"), so a keymap can tell them
        # apart; set before Textual merges the bindings in the base's __init_subclass__.
        own: list[BindingType] = list(cls.__dict__.get("BINDINGS", []))
        cls.BINDINGS = [
            Binding("escape", "close", "Back", id=f"{cls.ID}.close"),
            Binding("down", "focus_table", "To the table", show=False, id=f"{cls.ID}.focus_table"),
            Binding("question_mark", "help", "Help", key_display="?", id=f"{cls.ID}.help"),
            *own,
        ]
        super().__init_subclass__(**kwargs)

    @property
    def filter_input(self) -> Input:
        return self.query_one(self.FILTER, Input)

    @property
    def table(self) -> IndexTable:
        return self.query_one(self.TABLE, IndexTable)

    @on(IndexTable.LeaveTop)
    def _back_to_filter(self) -> None:
        self.filter_input.focus()

    def action_focus_table(self) -> None:
        self.table.focus()

    def action_close(self) -> None:
        self.dismiss(None)

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(self.active_bindings))
