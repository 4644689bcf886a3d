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
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.segment import Segment
from textual._styles_cache import StylesCache
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.scrollbar import ScrollBar
from textual.strip import Strip
from textual.style import Style
from textual.widget import Widget

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


def set_border_title(widget: Any, title: str) -> None:
    """Set a pane's border title when it changes: Textual redraws the whole widget at
    every setting, the same title or not (the notes pane's three lines at each brief)."""
    if getattr(widget, "_title_given", None) != title:
        widget._title_given = title
        widget.border_title = title


class KeptLooks:
    """A mixin (before the Textual class) for a widget drawn wholly from a few values (its
    `look`): the finished lines (borders, background, Textual's line filters) of each look
    drawn are kept, and a refresh that leaves the look as it was costs nothing. Textual
    redraws every line of a widget refreshed or resized, and for a container or a bar
    that was most of the lines drawn at each next brief, for the same look."""

    _looks_kept: LRUCache[Hashable, list[Strip]] | None = None
    ROWS_ALIKE = False  # a container: its rows inside the border are background only

    if TYPE_CHECKING:
        size: Size
        outer_size: Size
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

    def _draw_look(self) -> list[Strip]:
        """Every line of a look not drawn before, through Textual's own path."""
        width, height = self.outer_size
        gutter = self.styles.gutter
        top, bottom = gutter.top, height - gutter.bottom
        draw = super().render_lines  # type: ignore[misc]
        if not self.ROWS_ALIKE or top >= bottom:
            return draw(Region(0, 0, width, height))  # type: ignore[no-any-return]
        # A container's rows inside its border are all the same background: one is drawn
        # (a brief of a new height drew 30 of them through Textual).
        above = draw(Region(0, 0, width, top + 1))
        below = draw(Region(0, bottom, width, height - bottom))
        return [*above, *above[-1:] * (bottom - top - 1), *below]  # type: ignore[no-any-return]

    def render_lines(self, crop: Region) -> list[Strip]:
        kept = self._looks_kept
        if kept is None:
            kept = self._looks_kept = LRUCache(LOOKS_KEPT)
        size = self.outer_size  # the widget's, border and padding too
        key = (size, tuple(self.get_line_filters()), self.look())
        lines = kept.get(key)
        if lines is None:
            lines = kept[key] = self._draw_look()
        if crop.size == size:
            return lines
        x1, x2 = crop.column_span
        part = lines[crop.y : crop.bottom]
        return part if (x1, x2) == (0, size.width) else [s.crop(x1, x2) for s in part]


class CachedScrollBar(LaidOutOnce, KeptLooks, ScrollBar):
    def look(self) -> Hashable:
        bar = self.render()  # the renderer Textual would draw, with what it draws from
        return (type(bar), self.visual_style, *(getattr(bar, name, None) for name in _LOOK))

    def _draw_look(self) -> list[Strip]:
        """A bar's rows are of a few kinds (track above, thumb, its ends, track below):
        each kind is finished through Textual's path once, not each of its rows."""
        width, height = self.outer_size
        if self.styles.gutter:
            return super()._draw_look()
        finished: dict[tuple[Segment, ...], Strip] = {}
        lines = []
        for y in range(height):
            row = tuple(ScrollBar.render_line(self, y))  # the bar as Textual renders it
            line = finished.get(row)
            if line is None:
                line = finished[row] = Widget.render_lines(self, Region(0, y, width, 1))[0]
            lines.append(line)
        return lines


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


_MARK = "\ue000"  # stands for a content line while a frame is cut (one cell wide)


@dataclass(frozen=True, slots=True)
class _Frame:
    """What Textual draws around a pane's content lines, for one look: the lines above
    them (border, padding) and below, and the pieces left and right of each."""

    above: tuple[Strip, ...]
    below: tuple[Strip, ...]
    left: tuple[Segment, ...]
    right: tuple[Segment, ...]
    inner: Any  # the Rich style a short content line is padded with


class SplicedLines:
    """A mixin (before the Textual class) for a Line API pane with a border or padding.

    Textual draws each line of a widget through its styles cache, which works out the
    border's and padding's styles and colours again for every line: some 30 us a line, a
    third or more of the lines drawn at each next brief. Here a content line is spliced
    between the pieces Textual drew beside the first content line of the same look (cut
    once from Textual's own drawing, a marker in place of the content), and the lines of
    the border and padding are Textual's, kept per look; the styles cache still says
    which lines are dirty and keeps the finished ones. A look drawn otherwise by Textual
    (a tint, as of a focused table, opacity, hatch, outline, link hover) goes Textual's
    own way whole."""

    _frames: LRUCache[Hashable, _Frame] | None = None

    if TYPE_CHECKING:
        outer_size: Size
        styles: Any
        background_colors: tuple[Any, Any]
        opacity: float
        hover_style: Any
        auto_links: bool
        app: Any
        _styles_cache: StylesCache
        _border_title: object
        _border_subtitle: object

        def render_line(self, y: int) -> Strip: ...
        def get_line_filters(self) -> Any: ...
        def _get_title_style_information(self, background: Any) -> Any: ...
        def _get_subtitle_style_information(self, background: Any) -> Any: ...

    def content_segments(self, y: int, width: int) -> list[Segment] | None:
        """Content line `y` as segments of exactly `width` cells, for a pane that can make
        them without a Strip of its own (one Strip less a line); None: `render_line`."""
        del y, width
        return None

    def _plain_look(self) -> bool:
        styles = self.styles
        return not (
            styles.tint.a
            or self.opacity != 1.0
            or styles.text_opacity != 1.0
            or (styles.has_rule("hatch") and styles.hatch != "none")
            or any(edge for edge, _ in styles.outline)
            or (self.auto_links and self.hover_style._link_id)
        )

    def render_lines(self, crop: Region) -> list[Strip]:
        width, height = self.outer_size
        gutter = self.styles.gutter
        content_width = width - gutter.width
        if height <= gutter.height or content_width <= 0 or not self._plain_look():
            return super().render_lines(crop)  # type: ignore[misc, no-any-return]
        cache = self._styles_cache
        if width != cache._width:
            cache.clear()
            cache._width = width
        top, bottom = gutter.top, height - gutter.bottom
        base, background = self.background_colors
        kept, dirty = cache._cache, cache._dirty_lines
        frame: _Frame | None = None
        if any(y in dirty or y not in kept for y in crop.line_range):
            frame = self._frame(base, background)
            if frame is None:  # Textual drew the marker otherwise: its own way, whole
                return super().render_lines(crop)  # type: ignore[misc, no-any-return]
        strips = []
        for y in crop.line_range:
            strip = kept.get(y)
            if strip is None or y in dirty:
                assert frame is not None
                if y < top:
                    strip = frame.above[y]
                elif y >= bottom:
                    strip = frame.below[y - bottom]
                else:
                    line = self.content_segments(y - top, content_width)
                    if line is None:  # a line past the content: drawn as Textual would
                        line = self.render_line(y - top).adjust_cell_length(
                            content_width, frame.inner
                        )
                    strip = Strip([*frame.left, *line, *frame.right], width)
                kept[y] = strip
            for line_filter in self.get_line_filters():
                strip = strip.apply_filter(line_filter, background)
            strips.append(strip)
        dirty.difference_update(crop.line_range)
        if crop.column_span != (0, width):
            x1, x2 = crop.column_span
            strips = [strip.crop(x1, x2) for strip in strips]
        return strips

    def _frame(self, base: Any, background: Any) -> _Frame | None:
        styles = self.styles
        key = (
            self.outer_size.width,
            styles.gutter,
            styles.border,
            styles.border_title_align,
            styles.border_subtitle_align,
            self._border_title,
            self._border_subtitle,
            self._get_title_style_information(base),
            self._get_subtitle_style_information(base),
            base,
            background,
            self.app.ansi_theme,
            self.app.native_ansi_color,
        )
        frames = self._frames
        if frames is None:
            frames = self._frames = LRUCache(LOOKS_KEPT)
        frame = frames.get(key)
        if frame is None:
            frame = self._cut_frame(base, background)
            if frame is not None:
                frames[key] = frame
        return frame

    def _cut_frame(self, base: Any, background: Any) -> _Frame | None:
        """Textual draws the lines around the content and one content line of a marker,
        through a styles cache of its own: the frame is what it drew around the marker."""
        width, height = self.outer_size
        gutter = self.styles.gutter
        content_width = width - gutter.width
        mark = _MARK * content_width
        marked = Strip([Segment(mark)], content_width)
        # As attributes of the instance, shadowing the methods while Textual draws.
        self.render_line = lambda y: marked  # type: ignore[method-assign]
        self.get_line_filters = lambda: ()  # type: ignore[method-assign]
        try:
            drawn = StylesCache()
            above = drawn.render_widget(self, Region(0, 0, width, gutter.top))  # type: ignore[arg-type]
            below = drawn.render_widget(  # type: ignore[arg-type]
                self, Region(0, height - gutter.bottom, width, gutter.bottom)
            )
            row = list(drawn.render_widget(self, Region(0, gutter.top, width, 1))[0])  # type: ignore[arg-type]
        finally:
            del self.render_line, self.get_line_filters
        at = next((k for k, segment in enumerate(row) if segment.text == mark), None)
        if at is None:
            return None
        inner = Style(background=base + background).rich_style
        return _Frame(tuple(above), tuple(below), tuple(row[:at]), tuple(row[at + 1 :]), inner)
