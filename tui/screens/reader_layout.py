"""The reader's layout: the list's width ([ and ], or the config's layout.list_width) and
the brief's panes hidden to read the list alone (backslash). A mixin of ReaderScreen."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.geometry import Size

from tui.widgets.brief_panes import ActorsTable, TariffsTable
from tui.widgets.notes_pane import NotesPane
from tui.widgets.scroll_bars import KeptLooks, LaidOutOnce

STEP = 4  # columns per [ or ]
MIN_LIST, MIN_DETAIL = 24, 40  # the narrowest list, and what the brief keeps beside it

if TYPE_CHECKING:
    from textual.app import App


class ReaderNotes(LaidOutOnce, KeptLooks, NotesPane):
    """The notes pane, whose height follows the brief's on a tall screen: laid out once a
    brief (see LaidOutOnce), its box drawn once per look (KeptLooks)."""

    ROWS_ALIKE = True


class ReaderLayout:
    """What ReaderScreen does to lay itself out. It provides these attributes."""

    list_width: str | None
    show_detail: bool

    if TYPE_CHECKING:
        size: Size
        app: App[object]

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

    def expect_table_widths(self) -> None:
        """Before the first layout, tell the actors and tariffs tables the width it will give
        them, so that their rows are wrapped once at start (a table re-wraps its rows when
        its width changes, and a first wrap at a guess was made again at the first layout).
        The brief's column's width is Textual's own arrangement of the list beside it (kept
        for the layout); the brief's scrollbar is taken to show where the brief has a fixed
        height (a short screen) and not where it takes what it needs. Side by side (a huge
        screen) is left to the first layout; a wrong guess costs only the second wrap."""
        if not self.show_detail or self.has_class("-huge"):
            return
        screen = self.app.size
        main = self.query_one("#main")
        column = self.query_one("#detail-column")
        placed = main.arrange(Size(screen.width, max(1, screen.height - 1)))
        width = next((p.region.width for p in placed.placements if p.widget is column), 0)
        if not width:
            return
        width -= (
            0
            if self.has_class("-tall")
            else self.query_one("#detail").styles.scrollbar_size_vertical
        )
        for table in (self.query_one(ActorsTable), self.query_one(TariffsTable)):
            table.expected_width = width - table.styles.gutter.width

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
