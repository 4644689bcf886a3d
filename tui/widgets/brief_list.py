"""The brief list: one line per brief, drawn line by line so 10,000 briefs cost what is seen.

`BriefList` is a Line API widget (a `ScrollView`): `show_rows` only stores the rows and sets the
virtual height; `render_line` builds the Strip of a visible row when it is first drawn and keeps
it in an LRU cache. Nothing is laid out per row, so a list of 10,000 briefs starts as fast as a
list of ten.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Region, Size, clamp
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style
from textual.widgets.option_list import OptionDoesNotExist

from briefs.dates import format_day
from store import BriefRow
from tui.safe import safe_text
from tui.widgets.scroll_bars import ScrollViewSize

__all__ = ["BriefList", "OptionDoesNotExist", "row_parts", "row_prompt"]

ROW_CACHE_SIZE = 1024  # drawn rows kept; a screenful is ~40, so scrolling back is free


def row_parts(row: BriefRow) -> list[tuple[str, str]]:
    """'●★ 31 Oct 2025 2✎ Title': unread dot, star, date, note count, then the title.

    Markers come before the title so a narrow list that cuts titles never hides them.
    Each part is (text, style name); the title is plain, inert text (see `tui.safe`).
    """
    return [
        ("●" if not row.read else " ", "bold"),
        ("★" if row.starred else " ", "bold"),
        (f" {format_day(row.date)} ", "dim"),
        (f"{row.note_count}✎ " if row.note_count else "", "italic"),
        (safe_text(row.title, single_line=True, limit=300).plain, ""),
    ]


def row_prompt(row: BriefRow) -> Text:
    """The row as Rich Text (no markup is parsed): what `BriefList` draws, cut to its width."""
    line = Text(no_wrap=True, overflow="ellipsis", end="")
    for text, style in row_parts(row):
        line.append(text, style=style)
    return line


_PART_STYLES = {name: Style.parse(name) for name in ("bold", "dim", "italic")}


class BriefList(ScrollViewSize, ScrollView, can_focus=True, inherit_bindings=False):
    """Lists briefs newest first; posts `BriefList.Highlighted` as the highlighted brief changes.

    The interface follows the OptionList it replaced (`highlighted`, `option_count`,
    `get_option_index`, `get_option_at_index`, `OptionDoesNotExist`), so callers stay as they were.
    """

    HELP_TITLE = "In the list"

    # Only keys that do something here: the help screen lists every binding, and the
    # scrolling ones a ScrollView inherits (left, right, ctrl+pageup…) move nothing in a list.
    BINDINGS = [
        Binding("up,k", "cursor_up", "Up", show=False, id="list.up"),
        Binding("down,j", "cursor_down", "Down", show=False, id="list.down"),
        Binding("home", "first", "First", show=False, id="list.first"),
        Binding("end", "last", "Last", show=False, id="list.last"),
        Binding("pageup", "page_up", "Page Up", show=False, id="list.page_up"),
        Binding("pagedown", "page_down", "Page Down", show=False, id="list.page_down"),
    ]

    ALLOW_SELECT = False  # like OptionList: a click picks a brief, it does not select text

    COMPONENT_CLASSES = {"brief-list--row", "brief-list--highlight", "brief-list--hover"}

    # The look of Textual's OptionList: a block cursor, dimmer when the list is not focused.
    DEFAULT_CSS = """
    BriefList {
        height: auto;
        max-height: 100%;
        color: $foreground;
        overflow-x: hidden;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        border: tall $border-blurred;
        padding: 0 1;
        background: $surface;
        & > .brief-list--highlight {
            color: $foreground;
            background: $block-cursor-blurred-background;
            text-style: $block-cursor-blurred-text-style;
        }
        & > .brief-list--hover {
            background: $block-hover-background;
        }
        &:focus {
            border: tall $border;
            background-tint: $foreground 5%;
            & > .brief-list--highlight {
                color: $block-cursor-foreground;
                background: $block-cursor-background;
                text-style: $block-cursor-text-style;
            }
        }
    }
    """

    class Highlighted(Message):
        """The highlighted brief changed."""

        def __init__(self, brief_list: BriefList, row: BriefRow, index: int) -> None:
            super().__init__()
            self.brief_list = brief_list
            self.index = index
            self.row = row
            self.brief_id = row.id

        @property
        def control(self) -> BriefList:  # type: ignore[override]
            """The list that sent the message (what `@on(..., "#brief-list")` matches)."""
            return self.brief_list

    def __init__(
        self,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        # The rows as given: a list, or a sequence that makes its rows as they are asked
        # for (store/rows.py), so a list of 100,000 briefs makes only what is drawn.
        self._rows: Sequence[BriefRow] = []
        self._replaced: dict[int, BriefRow] = {}  # rows redrawn since (`update_row`)
        self._index_of: dict[str, int] | None = None  # brief id → row, built on first use
        self._cursor: int | None = None
        self._hover: int | None = None
        self._posted_id: str | None = None  # the brief the last Highlighted message named
        self._strips: LRUCache[tuple[BriefRow, int, Style], Strip] = LRUCache(ROW_CACHE_SIZE)

    # -- the contract the reader uses ------------------------------------------------

    def show_rows(self, rows: Sequence[BriefRow], keep: str | None = None) -> None:
        """Replace the rows, keeping the highlight on brief `keep` when it is still there.
        A list is copied; any other sequence is taken as it is, and must not change."""
        self._rows = list(rows) if isinstance(rows, list) else rows
        self._replaced = {}
        self._index_of = None
        self._hover = None
        self._update_virtual_size()
        index: int | None = None
        if rows:
            index = self._find(keep) if keep is not None else 0
            index = 0 if index is None else index
        self._cursor = index
        self.refresh()
        self._scroll_to_cursor()
        self._post_if_changed()

    def update_row(self, row: BriefRow) -> None:
        """Redraw one brief's line; a brief no longer listed (filtered out) is ignored."""
        index = self._find(row.id)
        if index is None:
            return
        self._replaced[index] = row
        self.refresh_line(index)

    @property
    def highlighted(self) -> int | None:
        """The index of the highlighted row, or None when the list is empty."""
        return self._cursor

    @highlighted.setter
    def highlighted(self, index: int | None) -> None:
        if index is None or not self._rows:
            return
        index = clamp(index, 0, len(self._rows) - 1)
        if index != self._cursor:
            self._refresh_row(self._cursor)
            self._cursor = index
            self._refresh_row(index)
        self._scroll_to_cursor()
        self._post_if_changed()

    @property
    def highlighted_id(self) -> str | None:
        return self._row(self._cursor).id if self._cursor is not None else None

    @property
    def option_count(self) -> int:
        return len(self._rows)

    def get_option_index(self, brief_id: str) -> int:
        """The row of a brief; raises OptionDoesNotExist when it is not listed."""
        index = self._find(brief_id)
        if index is None:
            raise OptionDoesNotExist(f"No brief {brief_id!r} in the list")
        return index

    def get_option_at_index(self, index: int) -> BriefRow:
        """The row at `index` (it has `.id`); raises OptionDoesNotExist when out of range."""
        if not 0 <= index < len(self._rows):
            raise OptionDoesNotExist(f"No row {index} in the list of {len(self._rows)}")
        return self._row(index)

    # -- keys ----------------------------------------------------------------------------

    def action_cursor_up(self) -> None:
        if self._cursor is not None:
            self.highlighted = self._cursor - 1

    def action_cursor_down(self) -> None:
        if self._cursor is not None:
            self.highlighted = self._cursor + 1

    def action_first(self) -> None:
        self.highlighted = 0

    def action_last(self) -> None:
        self.highlighted = len(self._rows) - 1

    def action_page_up(self) -> None:
        if self._cursor is not None:
            self.highlighted = self._cursor - max(1, self.scrollable_content_region.height)

    def action_page_down(self) -> None:
        if self._cursor is not None:
            self.highlighted = self._cursor + max(1, self.scrollable_content_region.height)

    # -- mouse (the wheel scrolls through ScrollView's own handlers) ------------------------

    def _row_at(self, event: events.MouseEvent) -> int | None:
        offset = event.get_content_offset(self)
        if offset is None:
            return None
        index = self.scroll_offset.y + offset.y
        return index if 0 <= index < len(self._rows) else None

    def _on_click(self, event: events.Click) -> None:
        index = self._row_at(event)
        if index is not None:
            self.highlighted = index

    def _on_mouse_move(self, event: events.MouseMove) -> None:
        self._set_hover(self._row_at(event))

    def _on_leave(self, _: events.Leave) -> None:
        self._set_hover(None)

    def _set_hover(self, index: int | None) -> None:
        if index != self._hover:
            self._refresh_row(self._hover)
            self._hover = index
            self._refresh_row(index)

    # -- drawing -----------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        if not 0 <= index < len(self._rows):
            return Strip.blank(width, self.get_visual_style("brief-list--row").rich_style)
        if index == self._cursor:
            style = self.get_visual_style("brief-list--row", "brief-list--highlight")
        elif index == self._hover:
            style = self.get_visual_style("brief-list--row", "brief-list--hover")
        else:
            style = self.get_visual_style("brief-list--row")
        row = self._row(index)
        key = (row, width, style)  # a changed row is a new BriefRow, so a new key
        strip = self._strips.get(key)
        if strip is None:
            strip = self._draw_row(row, width, style)
            self._strips[key] = strip
        return strip

    def _draw_row(self, row: BriefRow, width: int, style: Style) -> Strip:
        """The row's segments, as Textual would draw `row_prompt(row)` with nowrap/ellipsis.

        Built directly (about 10× faster than rendering the Text through a Visual); a test
        checks the two agree, so a Textual upgrade that changes the look is caught.
        """
        parts = row_parts(row)
        plain = "".join(text for text, _ in parts)
        if cell_len(plain) > width:
            plain = set_cell_size(plain, width - 1) + "…" if width > 0 else ""
        segments: list[Segment] = []
        start = 0
        for text, name in parts:
            piece = plain[start : start + len(text)]
            start += len(text)
            if piece:
                part = style + _PART_STYLES[name] if name else style
                segments.append(Segment(piece, (style + part).rich_style))
        return Strip(segments).extend_cell_length(width, style.rich_style)

    def notify_style_update(self) -> None:
        # Focus, theme or CSS changed: every line's style may have too (the cache keys on it).
        self.refresh()
        super().notify_style_update()

    def _on_resize(self, _: events.Resize) -> None:
        self._update_virtual_size()
        self._scroll_to_cursor()

    def on_show(self) -> None:
        self._scroll_to_cursor()

    # -- helpers ---------------------------------------------------------------------------

    def _row(self, index: int) -> BriefRow:
        row = self._replaced.get(index)
        return self._rows[index] if row is None else row

    def _find(self, brief_id: str) -> int | None:
        """The row of `brief_id`: asked of rows that know (without making every row), else
        from a dict built once."""
        position = getattr(self._rows, "position", None)
        if position is not None:
            return position(brief_id)  # type: ignore[no-any-return]
        if self._index_of is None:
            self._index_of = {row.id: i for i, row in enumerate(self._rows)}
        return self._index_of.get(brief_id)

    def _update_virtual_size(self) -> None:
        size = Size(self.scrollable_content_region.width, len(self._rows))
        if size == self.virtual_size:
            return
        if size.height == self.virtual_size.height:
            # Only the width: the list's height (its rows) stays, so no layout is asked
            # for (at the first layout the list learnt its width, and asked for another).
            self.set_reactive(BriefList.virtual_size, size)
        else:
            self.virtual_size = size
        self._scroll_update(size)  # scrollbars now, not at the next layout

    def _refresh_row(self, index: int | None) -> None:
        if index is not None:
            self.refresh_line(index)

    def _scroll_to_cursor(self) -> None:
        if self._cursor is None or not self.is_mounted:
            return
        self.scroll_to_region(
            Region(0, self._cursor, self.scrollable_content_region.width, 1),
            animate=False,
            force=True,
            immediate=True,
        )

    def _post_if_changed(self) -> None:
        brief_id = self.highlighted_id
        if brief_id == self._posted_id:
            return
        self._posted_id = brief_id
        if self._cursor is not None:
            self.post_message(self.Highlighted(self, self._row(self._cursor), self._cursor))
