"""Scrollbars drawn once per look: the reader's scrolling panes change brief by brief.

Textual draws a scrollbar through Rich each time it is refreshed, and it refreshes a
pane's bar at every layout of the screen, whether the bar changed or not (a `ScrollView`
compares its own virtual size with the viewport's and always finds them apart). At each
next brief that was two bars, some 65 lines and a sixth of the drawing. `CachedScrollBar`
keeps the lines it drew for each look (length, thumb, colours) and draws through Textual's
own path only for a look it has not drawn; `CachedBars` gives a widget such a bar, and
`ScrollViewSize` stops a `ScrollView`'s needless refresh of it.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING

from textual.cache import LRUCache
from textual.geometry import Size
from textual.scrollbar import ScrollBar
from textual.strip import Strip
from textual.visual import Visual

LOOKS_KEPT = 64  # a pane's content heights repeat from brief to brief


class LaidOutOnce:
    """A mixin (before the Textual class) for a pane whose height follows its brief.

    When the screen's layout gives a widget a new size, Textual sets its virtual size as a
    reactive that asks for another layout, so each next brief was laid out twice (the
    second time just after the frame, finding nothing to move). The layout that gave the
    size is the one that placed everything: the size is taken as Textual takes it while
    scrolling, without asking again. What the new size shows is still repainted."""

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        del layout
        return super()._size_updated(  # type: ignore[misc, no-any-return]
            size, virtual_size, container_size, layout=False
        )


class CachedScrollBar(LaidOutOnce, ScrollBar):
    def __init__(self, vertical: bool = True, name: str | None = None, *, thickness: int = 1):
        super().__init__(vertical, name, thickness=thickness)
        self._drawn: LRUCache[Hashable, list[Strip]] = LRUCache(LOOKS_KEPT)
        self._shown: list[Strip] | None = None

    def render_line(self, y: int) -> Strip:
        if self._dirty_regions or self._shown is None:  # refreshed since it last drew
            bar = self.render()
            look = (
                self.size,
                self.visual_style,
                type(bar),
                *(getattr(bar, name, None) for name in _LOOK),
            )
            strips = self._drawn.get(look)
            if strips is None:
                width, height = self.size
                strips = Visual.to_strips(self, self._render(), width, height, self.visual_style)
                self._drawn[look] = strips
            self._shown = strips
            self._dirty_regions.clear()  # as Widget.render_line does once it has drawn
        if 0 <= y < len(self._shown):
            return self._shown[y]
        return Strip.blank(self.size.width, self.visual_style.rich_style)


# What a ScrollBarRender draws from (its constructor's arguments).
_LOOK = ("virtual_size", "window_size", "position", "thickness", "vertical", "style")


class CachedBars:
    """A mixin (before the Textual class) for a widget whose vertical bar is a
    CachedScrollBar. Textual makes the bar when first asked, as here."""

    if TYPE_CHECKING:
        _vertical_scrollbar: ScrollBar | None
        scrollbar_size_vertical: int
        app: object

    @property
    def vertical_scrollbar(self) -> ScrollBar:
        if self._vertical_scrollbar is None:
            bar = CachedScrollBar(
                vertical=True, name="vertical", thickness=self.scrollbar_size_vertical
            )
            bar.display = False
            self._vertical_scrollbar = bar
            self.app._start_widget(self, bar)  # type: ignore[attr-defined]
        return self._vertical_scrollbar


class ScrollViewSize(CachedBars):
    """For a `ScrollView`: the screen's layout hands it the viewport as its virtual size,
    which never equals the virtual size it set itself, so every layout refreshed its
    scrollbar. Compared with its own, the bar is refreshed only when something changed."""

    if TYPE_CHECKING:
        virtual_size: Size

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        del virtual_size  # the viewport's size, not the content's
        return super()._size_updated(  # type: ignore[misc, no-any-return]
            size, self.virtual_size, container_size, layout
        )
