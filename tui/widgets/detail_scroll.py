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

    def watch_show_vertical_scrollbar(self, shown: bool) -> None:
        # reader.tcss moves the notes box beside it off the scrollbar's column.
        if self.parent is not None:
            self.parent.set_class(shown, "-scrolling")


class Facts(LaidOutOnce, KeptLooks, Horizontal):
    """The actors and tariffs tables, side by side on a wide screen, else one above the
    other (reader.tcss)."""
