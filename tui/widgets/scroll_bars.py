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
from typing import TYPE_CHECKING, Any

from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.scrollbar import ScrollBar
from textual.strip import Strip

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


class KeptLooks:
    """A mixin (before the Textual class) for a widget drawn wholly from a few values (its
    `look`): the finished lines (borders, background, Textual's line filters) of each look
    drawn are kept, and a refresh that leaves the look as it was costs nothing. Textual
    redraws every line of a widget refreshed or resized, and for a container or a bar
    that was most of the lines drawn at each next brief, for the same look."""

    _looks_kept: LRUCache[Hashable, list[Strip]] | None = None

    if TYPE_CHECKING:
        size: Size
        styles: Any
        visual_style: Any
        background_colors: Any
        _border_title: object
        _border_subtitle: object

        def get_line_filters(self) -> Any: ...

    def look(self) -> Hashable:
        """What the drawing depends on; this one suits a widget with no content of its own
        (a container: its children are drawn over it)."""
        styles = self.styles
        return (
            self.visual_style,
            self.background_colors,
            styles.border,
            styles.padding,
            self._border_title,
            self._border_subtitle,
        )

    def render_lines(self, crop: Region) -> list[Strip]:
        kept = self._looks_kept
        if kept is None:
            kept = self._looks_kept = LRUCache(LOOKS_KEPT)
        key = (self.size, tuple(self.get_line_filters()), self.look())
        lines = kept.get(key)
        if lines is None:
            whole = Region(0, 0, *self.size)
            lines = super().render_lines(whole)  # type: ignore[misc]
            kept[key] = lines
        if crop.size == self.size:
            return lines
        x1, x2 = crop.column_span
        part = lines[crop.y : crop.bottom]
        return part if (x1, x2) == (0, self.size.width) else [s.crop(x1, x2) for s in part]


class CachedScrollBar(LaidOutOnce, KeptLooks, ScrollBar):
    def look(self) -> Hashable:
        bar = self.render()  # the renderer Textual would draw, with what it draws from
        return (type(bar), self.visual_style, *(getattr(bar, name, None) for name in _LOOK))


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
