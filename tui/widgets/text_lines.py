"""A pane of a few paragraphs of plain text, one style each, wrapped and drawn line by line.

The brief's header and summary were Statics: each new brief parsed their text into
Textual's Content, which wrapped it again for every height the layout asked (nine wraps a
brief) and asked for a layout of the screen whatever the height. `TextLines` wraps each
paragraph once per width (the greedy fill the article view uses), knows its height from
that, builds a line's Strip when it is drawn, and asks for a layout only when its number
of lines changed.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from itertools import pairwise

from rich.cells import cell_len
from rich.segment import Segment
from textual.geometry import Size
from textual.selection import Selection
from textual.strip import Strip
from textual.style import Style
from textual.widget import Widget

from tui.widgets.article_view import wrap
from tui.widgets.scroll_bars import LaidOutOnce, SplicedLines

Paragraph = tuple[str, str]  # text already made safe (tui.safe), and a style ("bold dim") or ""


@lru_cache(maxsize=16)
def _style(name: str) -> Style:
    return Style.parse(name)


class TextLines(LaidOutOnce, SplicedLines, Widget):
    DEFAULT_CSS = """
    TextLines {
        height: auto;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._paragraphs: tuple[Paragraph, ...] = ()
        self._wrapped: tuple[int, list[tuple[int, int, int, int, int]]] = (-1, [])
        self._strips: dict[tuple[object, ...], list[Segment]] = {}

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        return self._paragraphs

    @property
    def plain(self) -> str:
        """The lines as drawn at the width now, one to a line."""
        return "\n".join(
            self._paragraphs[p][0][start:end] for p, start, end, _, _ in self._lines(self._width())
        )

    def show(self, paragraphs: Iterable[Paragraph]) -> None:
        """Draw these paragraphs in place; the screen is laid out again only when the
        number of lines changes."""
        paragraphs = tuple(paragraphs)
        if paragraphs == self._paragraphs:
            return
        width = self._width()
        before = len(self._lines(width)) if width else -1
        self._paragraphs = paragraphs
        self._wrapped = (-1, [])
        self._strips.clear()
        self.refresh(layout=not width or len(self._lines(width)) != before)

    def _width(self) -> int:
        return self.content_region.width

    def _lines(self, width: int) -> list[tuple[int, int, int, int, int]]:
        """(paragraph, start, end, y, x) of each line at `width`: where it is cut from its
        paragraph, and where that is in the text as one string of lines (`y` its line,
        `x` its offset), as text selection counts."""
        at, lines = self._wrapped
        if at != width:
            lines, y = [], 0
            for index, (text, _) in enumerate(self._paragraphs):
                for start, end in wrap(text, width):
                    line_start = text.rfind("\n", 0, start) + 1
                    lines.append(
                        (index, start, end, y + text.count("\n", 0, start), start - line_start)
                    )
                y += text.count("\n") + 1
            self._wrapped = (width, lines)
        return lines

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(width))

    def render_line(self, y: int) -> Strip:
        width = self._width()
        segments = self.content_segments(y, width)
        if segments is None:
            return Strip.blank(width, self.visual_style.rich_style)
        return Strip(segments).extend_cell_length(width)  # a line cut to `width` fits it

    def content_segments(self, y: int, width: int) -> list[Segment] | None:
        """Line `y` as segments of exactly `width` cells (SplicedLines), or None for a
        line past the last."""
        base = self.visual_style
        lines = self._lines(width)
        if not 0 <= y < len(lines):
            return None
        index, start, end, line_y, line_x = lines[y]
        selection = self.text_selection
        span = selection.get_span(line_y) if selection is not None else None
        key = (y, width, base, span)
        segments = self._strips.get(key)
        if segments is None:
            text, name = self._paragraphs[index]
            style = base + _style(name) if name else base
            # Cut where the selection starts and ends, as Textual's Content does.
            cuts = [start, end]
            if span is not None:
                first, last = span
                last = len(text) if last == -1 else last
                cuts += [
                    c + start - line_x for c in (first, last) if line_x < c < line_x + end - start
                ]
            cuts = sorted(set(cuts))
            chosen = _selection_style(self) if span is not None else None
            segments = []
            for cut, next_cut in pairwise(cuts):
                x = line_x + cut - start
                picked = chosen is not None and _within(span, x, len(text))
                piece_style = style + chosen if picked and chosen is not None else style
                segments.append(
                    Segment(text[cut:next_cut], piece_style.rich_style_with_offset(x, line_y))
                )
            # The rest of the line as a Static pads it: the background alone.
            rest = width - cell_len(text[start:end])
            if rest > 0:
                segments.append(Segment(" " * rest, base.background_style.rich_style))
            elif rest < 0:  # wider than the pane (cannot be wrapped narrower): cut
                segments = list(Strip(segments).crop(0, width))
            self._strips[key] = segments
        return segments

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        text = "\n".join(text for text, _ in self._paragraphs)
        return selection.extract(text), "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        self._strips.clear()
        super().selection_updated(selection)

    def notify_style_update(self) -> None:
        # Focus, theme or CSS changed: the lines' style may have too (the cache keys on it).
        self._strips.clear()
        self.refresh()
        super().notify_style_update()


def _selection_style(widget: Widget) -> Style:
    return Style.from_styles(widget.screen.get_component_styles("screen--selection"))


def _within(span: tuple[int, int], x: int, length: int) -> bool:
    first, last = span
    return first <= x < (length if last == -1 else last)
