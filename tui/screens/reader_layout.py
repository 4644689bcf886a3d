"""The reader's layout: the list's width ([ and ], or the config's layout.list_width) and
the brief's panes hidden to read the list alone (backslash). A mixin of ReaderScreen."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tui.widgets.notes_pane import NotesPane
from tui.widgets.scroll_bars import LaidOutOnce

STEP = 4  # columns per [ or ]
MIN_LIST, MIN_DETAIL = 24, 40  # the narrowest list, and what the brief keeps beside it

if TYPE_CHECKING:
    from textual.geometry import Size


class ReaderNotes(LaidOutOnce, NotesPane):
    """The notes pane, whose height follows the brief's on a tall screen: laid out once a
    brief (see LaidOutOnce)."""


class ReaderLayout:
    """What ReaderScreen does to lay itself out. It provides these attributes."""

    list_width: str | None
    show_detail: bool

    if TYPE_CHECKING:
        size: Size

        def query_one(self, selector: str, expect_type: type | None = None) -> Any: ...
        def notify(self, message: str, *, severity: str = ..., timeout: float = ...) -> None: ...
        def has_class(self, *names: str) -> bool: ...
        def set_class(self, add: bool, *names: str) -> object: ...

    def apply_layout(self) -> None:
        self.set_class(not self.show_detail, "-list-alone")  # reader.tcss lays it out
        width: int | str | None = None  # the stylesheet's
        if self.show_detail and self.list_width is not None:
            width = self.list_width if self.list_width.endswith("%") else int(self.list_width)
        column = self.query_one("#list-column")
        column.styles.width = column.styles.max_width = width

    def action_list_wider(self) -> None:
        self._resize(STEP)

    def action_list_narrower(self) -> None:
        self._resize(-STEP)

    def _resize(self, step: int) -> None:
        if not self.show_detail or self.has_class("-narrow"):
            return  # the list already fills the width
        current = self.query_one("#list-column").outer_size.width
        widest = max(MIN_LIST, self.size.width - MIN_DETAIL)
        self.list_width = str(min(max(current + step, MIN_LIST), widest))
        self.apply_layout()

    def action_toggle_detail(self) -> None:
        self.show_detail = not self.show_detail
        self.apply_layout()
        if not self.show_detail:
            self.query_one("#brief-list").focus()
