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

from tui.catalog import Catalog
from tui.messages import CatalogChanged, CatalogWanted
from tui.screens.help import HelpScreen
from tui.widgets.index_table import IndexTable

ResultType = TypeVar("ResultType")


class IndexScreen(Screen[ResultType], Generic[ResultType]):
    """Subclasses name their filter and table (FILTER, TABLE selectors), the table's title
    and the binding ids' prefix (ID); they are handed the catalog and fill the table in
    `catalog_ready`."""

    catalog: Catalog

    CSS_PATH = "index_screen.tcss"
    ACCEPTS_COMMANDS = True  # the palette's commands act over these screens too
    TITLE_TEXT: ClassVar[str] = ""
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

    def on_mount(self) -> None:
        self.table.border_title = self.TITLE_TEXT
        self.filter_input.focus()
        if self.catalog.ready:
            self.catalog_ready()
        else:  # every brief is being read: the app says when it is done (CatalogChanged)
            # Said in the table's title (a loading indicator would cover it).
            self.table.border_title = f"{self.TITLE_TEXT} · getting ready: reading every brief…"
            self.post_message(CatalogWanted())

    @on(CatalogChanged)
    def _catalog_changed(self) -> None:
        if self.catalog.ready:
            self.table.border_title = self.TITLE_TEXT
            self.catalog_ready()

    def catalog_ready(self) -> None:
        """Every brief has been read (again): show what the catalog now holds."""

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
