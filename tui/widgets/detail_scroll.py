"""The scrolling part of the brief (summary, actors, tariffs): j/k and the page keys
scroll it where the focus is on the summary, with ids the keymap rebinds."""

from __future__ import annotations

from textual.containers import Horizontal, VerticalScroll

from tui.moves import moves
from tui.widgets.scroll_bars import CachedBars, KeptLooks, LaidOutOnce


class DetailScroll(LaidOutOnce, KeptLooks, CachedBars, VerticalScroll):
    BINDINGS = moves(
        "detail",
        down="scroll_down",
        up="scroll_up",
        first="scroll_home",
        last="scroll_end",
        page_down="page_down",
        page_up="page_up",
    )
    ROWS_ALIKE = True

    def watch_show_vertical_scrollbar(self, shown: bool) -> None:
        """While the brief scrolls, its scrollbar takes the last column: the notes box
        below leaves it too, so that it ends where the summary's box does, and the brief
        takes the whole width, not 1fr (Textual takes the notes' margin off every 1fr
        beside it). Set on the two widgets, not as a class of their column: a class
        restyled the column's dozen widgets (and redrew them) when the bar first showed,
        just after the first layout."""
        parent = self.parent
        if parent is None:
            return
        notes = next((w for w in parent.children if w.id == "notes"), None)
        if notes is not None:
            notes.styles.margin = (0, 1, 0, 0) if shown else None
        self.styles.width = "100%" if shown else None


class Facts(LaidOutOnce, KeptLooks, Horizontal):
    """The actors and tariffs tables, side by side on a wide screen, else one above the
    other (reader.tcss)."""

    ROWS_ALIKE = True
