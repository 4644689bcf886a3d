"""A small table drawn line by line: the brief's actors and tariffs.

A DataTable renders every cell through Rich again for each brief it shows, and that was most
of the cost of moving to the next brief. These tables hold a handful of rows of pre-wrapped
plain text, one style per cell, so `LineTable` keeps the cells' lines as strings, builds a
line's Strip from segments when it is first drawn and keeps it until the rows, the width, the
cursor or the styles change. Its interface is the part of DataTable's the reader uses:
`cursor_row`, `row_count`, `move_cursor`, and the `RowHighlighted`/`RowSelected` messages.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from textual import events
from textual.binding import Binding
from textual.css.scalar import Scalar
from textual.geometry import Region, Size
from textual.message import Message
from textual.strip import Strip
from textual.style import Style
from textual.widget import Widget

from tui.moves import table_moves
from tui.widgets.scroll_bars import SplicedLines

_STYLES = {name: Style.parse(name) for name in ("bold", "dim", "italic")}
PADDING = 1  # blank cells on each side of a column, as a DataTable draws them


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell: its lines (already wrapped to the column) and a style name or ""."""

    lines: tuple[str, ...]
    style: str = ""


class LineTable(SplicedLines, Widget, can_focus=True, inherit_bindings=False):
    """A header line, then each row's lines; a row cursor, zebra stripes."""

    HELP_TITLE = "In the table"

    BINDINGS = [
        *table_moves("table"),
        Binding("down", "cursor_down", "Down", show=False),
        Binding("up", "cursor_up", "Up", show=False),
        Binding("enter", "select_cursor", "Select", show=False),
    ]

    # The look of Textual's DataTable with a row cursor and zebra stripes.
    DEFAULT_CSS = """
    LineTable {
        background: $surface;
        color: $foreground;
        height: auto;
        & > .line-table--header {
            text-style: bold;
            background: $panel;
            color: $foreground;
        }
        & > .line-table--even-row {
            background: $surface-lighten-1 50%;
        }
        &:dark > .line-table--even-row {
            background: $surface-darken-1 40%;
        }
        & > .line-table--hover {
            background: $block-hover-background;
        }
        & > .line-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus {
            background-tint: $foreground 5%;
            & > .line-table--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
        }
    }
    """
    COMPONENT_CLASSES = {
        "line-table--header",
        "line-table--row",
        "line-table--even-row",
        "line-table--hover",
        "line-table--cursor",
    }

    class RowHighlighted(Message):
        """The cursor moved to row `cursor_row` (or the rows under it changed)."""

        def __init__(self, table: LineTable, cursor_row: int) -> None:
            super().__init__()
            self.table = table
            self.cursor_row = cursor_row

        @property
        def control(self) -> LineTable:  # type: ignore[override]
            return self.table

    class RowSelected(RowHighlighted):
        """Enter (or a click) on row `cursor_row`."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._columns: tuple[str, ...] = ()
        self._widths: tuple[int, ...] = ()
        self._rows: tuple[tuple[Cell, ...], ...] = ()
        self._row_of_line: list[int] = []  # line (after the header) → row
        self._first_line: list[int] = []  # row → its first line
        self._cursor = 0
        self._hover: int | None = None  # the row under the mouse
        self._strips: dict[tuple[int, int, Style], list[Segment]] = {}

    # -- what the reader uses ------------------------------------------------------------

    @property
    def row_count(self) -> int:
        return len(self._rows)

    @property
    def line_count(self) -> int:
        """Lines under the header: each row takes as many as its tallest cell."""
        return len(self._row_of_line)

    @property
    def cursor_row(self) -> int:
        return self._cursor

    def set_rows(self, columns: Sequence[str], rows: Sequence[Sequence[Cell]]) -> None:
        """Show `rows` under `columns`; the cursor stays on its row number where it can."""
        lines = len(self._row_of_line)
        self._columns = tuple(columns)
        self._rows = tuple(tuple(row) for row in rows)
        self._widths = tuple(
            max([cell_len(name), *(cell_len(ln) for row in self._rows for ln in row[k].lines)])
            for k, name in enumerate(self._columns)
        )
        self._row_of_line, self._first_line = [], []
        for index, row in enumerate(self._rows):
            self._first_line.append(len(self._row_of_line))
            self._row_of_line += [index] * max([1, *(len(cell.lines) for cell in row)])
        self._cursor = min(self._cursor, max(0, len(self._rows) - 1))
        self._strips.clear()
        # The height is set, not left to `auto`: a layout already pending when the rows
        # change (a resize re-wraps them) would keep the old height.
        height = self.styles.gutter.height + 1 + len(self._row_of_line)
        if lines != len(self._row_of_line) or self.styles.height != Scalar.from_number(height):
            self.styles.height = height
        self.refresh()
        if self.has_focus and self._rows:
            self.post_message(self.RowHighlighted(self, self._cursor))

    def move_cursor(self, *, row: int, animate: bool = False) -> None:
        """Put the cursor on `row` (kept within the rows) and bring it into view."""
        del animate  # the tables are short: a move is always immediate
        if not self._rows:
            return
        row = max(0, min(row, len(self._rows) - 1))
        if row != self._cursor:
            old, self._cursor = self._cursor, row
            self._refresh_row(old)
            self._refresh_row(row)
            self.post_message(self.RowHighlighted(self, row))
        self.reveal_cursor()

    # -- keys and mouse ------------------------------------------------------------------

    def action_cursor_down(self) -> None:
        self.move_cursor(row=self._cursor + 1)

    def action_cursor_up(self) -> None:
        self.move_cursor(row=self._cursor - 1)

    def action_scroll_top(self) -> None:
        self.move_cursor(row=0)

    def action_scroll_bottom(self) -> None:
        self.move_cursor(row=len(self._rows) - 1)

    def action_page_down(self) -> None:
        self.move_cursor(row=self._row_at_line(self._line_of_cursor() + self._page()))

    def action_page_up(self) -> None:
        self.move_cursor(row=self._row_at_line(self._line_of_cursor() - self._page()))

    def action_select_cursor(self) -> None:
        if self._rows:
            self.post_message(self.RowSelected(self, self._cursor))

    def _on_focus(self, event: events.Focus) -> None:
        if self._rows:
            self.post_message(self.RowHighlighted(self, self._cursor))

    def _on_click(self, event: events.Click) -> None:
        row = self._row_at(event)
        if row is not None:
            self.move_cursor(row=row)
            self.action_select_cursor()

    def _on_mouse_move(self, event: events.MouseMove) -> None:
        self._set_hover(self._row_at(event))

    def _on_leave(self, _: events.Leave) -> None:
        self._set_hover(None)

    def _row_at(self, event: events.MouseEvent) -> int | None:
        offset = event.get_content_offset(self)
        line = -1 if offset is None else offset.y - 1  # the header is line 0
        return self._row_of_line[line] if 0 <= line < len(self._row_of_line) else None

    def _set_hover(self, row: int | None) -> None:
        if row != self._hover:
            old, self._hover = self._hover, row
            for index in (old, row):
                if index is not None:
                    self._refresh_row(index)

    # -- drawing -------------------------------------------------------------------------

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return 1 + len(self._row_of_line)

    def render_line(self, y: int) -> Strip:
        width = self.content_region.width
        segments = self.content_segments(y, width)
        if segments is None:
            return Strip.blank(width, self.get_visual_style("line-table--row").rich_style)
        return Strip(segments, width)

    def content_segments(self, y: int, width: int) -> list[Segment] | None:
        """Line `y` (0: the header) as segments of exactly `width` cells (SplicedLines);
        None for a line past the rows."""
        if y == 0:
            return self._segments(-1, 0, width, self.get_visual_style("line-table--header"))
        if not 0 < y <= len(self._row_of_line):
            return None
        index = self._row_of_line[y - 1]
        names = ["line-table--row"]
        if index % 2:
            names.append("line-table--even-row")
        if index == self._hover:
            names.append("line-table--hover")
        if index == self._cursor:
            names.append("line-table--cursor")
        style = self.get_visual_style(*names)
        return self._segments(index, y - 1 - self._first_line[index], width, style)

    def _segments(self, index: int, line: int, width: int, style: Style) -> list[Segment]:
        """Line `line` of row `index` (-1: the header), cached by what changes its look."""
        key = (index * 1000 + line, width, style)
        segments = self._strips.get(key)
        if segments is None:
            if index < 0:
                cells = [(name, "bold") for name in self._columns]
            else:
                row = self._rows[index]
                cells = [(c.lines[line] if line < len(c.lines) else "", c.style) for c in row]
            pad = " " * PADDING
            segments = [
                Segment(
                    pad + set_cell_size(text, cell_width) + pad,
                    (style + _STYLES[name]).rich_style if name else style.rich_style,
                )
                for (text, name), cell_width in zip(cells, self._widths, strict=True)
            ]
            used = sum(self._widths) + 2 * PADDING * len(self._widths)
            if used < width:  # the rest of the line in the row's style
                segments.append(Segment(" " * (width - used), style.rich_style))
            elif used > width:  # columns wider than the pane: cut at its edge
                segments = list(Strip(segments).crop(0, width))
            self._strips[key] = segments
        return segments

    def notify_style_update(self) -> None:
        # Focus, theme or CSS changed: every line's style may have too (the cache keys on it).
        self._strips.clear()
        self.refresh()
        super().notify_style_update()

    # -- helpers -------------------------------------------------------------------------

    def _refresh_row(self, index: int) -> None:
        if 0 <= index < len(self._first_line):
            first = self._first_line[index]
            height = self._row_of_line.count(index)
            self.refresh(Region(0, 1 + first, self.size.width, height))

    def _line_of_cursor(self) -> int:
        return self._first_line[self._cursor] if self._first_line else 0

    def _row_at_line(self, line: int) -> int:
        if not self._row_of_line:
            return 0
        return self._row_of_line[max(0, min(line, len(self._row_of_line) - 1))]

    def _page(self) -> int:
        scroller = self._scroller()
        return max(1, (scroller.scrollable_content_region.height if scroller else 10) - 2)

    def _scroller(self) -> Widget | None:
        for node in self.ancestors:
            if isinstance(node, Widget) and node.is_scrollable:
                return node
        return None

    def reveal_cursor(self, *, down_to: Widget | None = None) -> None:
        """Scroll the panes that hold the table to the cursor's row (with the header above
        the first row), and to `down_to` (a widget below it) too where both fit."""
        if not self._first_line or not self.is_mounted:
            return
        first = self._first_line[self._cursor]
        top = first + (0 if self._cursor == 0 else 1)
        height = self._row_of_line.count(self._cursor) + (1 if self._cursor == 0 else 0)
        place = self.virtual_region_with_margin
        inner = self.styles.margin.top + self.styles.gutter.top
        region = Region(place.x, place.y + inner + top, place.width, height)
        if down_to is not None and down_to.display:
            down_to.scroll_visible(animate=False, immediate=True)
        _scroll_into_view(self, region)  # after: the row wins where both do not fit


def _scroll_into_view(widget: Widget, region: Region) -> None:
    """As Textual's `scroll_to_widget`, for `region` in `widget`'s parent's content."""
    while isinstance(widget.parent, Widget) and region:
        container = widget.parent
        offset = container.scroll_to_region(region, animate=False, immediate=True)
        region = (
            region.translate(-offset)
            .translate(container.styles.margin.top_left)
            .translate(container.styles.border.spacing.top_left)
            .translate(container.virtual_region_with_margin.offset)
            .grow(container.styles.margin)
            .intersection(container.virtual_region_with_margin)
        )
        widget = container
