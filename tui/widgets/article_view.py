"""The article: the brief's body, wrapped to the pane and drawn line by line.

A Line API widget, so a long body costs what is on screen: the text is wrapped once per
width (paragraph by paragraph, a greedy fill), and each visible line becomes a Strip when
drawn. Evidence sentences (the ones a tariff was drafted from) are marked where they stand,
and `mark` scrolls to the one asked for.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.segment import Segment
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from briefs.text import clean

MAX_SHOWN = 1_000_000  # characters of a body drawn; the rest is named, not lost


def wrap(text: str, width: int) -> list[tuple[int, int]]:
    """(start, end) of each line of `text` filled to `width` cells; paragraphs (blank
    lines) are kept, words longer than the width are cut."""
    lines: list[tuple[int, int]] = []
    width = max(width, 1)
    start = 0
    for paragraph in text.split("\n"):
        stop = start + len(paragraph)
        if not paragraph.strip():
            lines.append((start, start))
        elif paragraph.isascii():
            _fill_ascii(text, start, stop, width, lines)
        else:
            _fill_cells(text, start, stop, width, lines)
        start = stop + 1
    return lines


def _fill_ascii(text: str, at: int, stop: int, width: int, lines: list[tuple[int, int]]) -> None:
    """One character a cell: cut at the last space that fits (C-speed string searches)."""
    while at < stop:
        while at < stop and text[at] == " ":
            at += 1
        if at >= stop:
            return
        end = at + width
        if end < stop:
            space = text.rfind(" ", at + 1, end + 1)
            if space > at:
                end = space
        else:
            end = stop
        lines.append((at, end))
        at = end


def _fill_cells(text: str, at: int, stop: int, width: int, lines: list[tuple[int, int]]) -> None:
    """Wide characters count two cells: measured one by one."""
    while at < stop:
        while at < stop and text[at] == " ":
            at += 1
        if at >= stop:
            return
        end, used, last_space = at, 0, -1
        while end < stop:
            cells = cell_len(text[end])
            if used + cells > width:
                break
            if text[end] == " ":
                last_space = end
            used += cells
            end += 1
        if end < stop and last_space > at:
            end = last_space
        if end == at:  # one character wider than the pane
            end += 1
        lines.append((at, end))
        at = end


class ArticleView(ScrollView, can_focus=True):
    BINDINGS = [
        Binding("j,down", "scroll_down", "Down", show=False, id="article.down"),
        Binding("k,up", "scroll_up", "Up", show=False, id="article.up"),
        Binding("space,pagedown", "page_down", "Page down", show=False, id="article.page_down"),
        Binding("pageup", "page_up", "Page up", show=False, id="article.page_up"),
        Binding("g,home", "scroll_home", "Top", show=False, id="article.top"),
        Binding("G,end", "scroll_end", "End", show=False, id="article.end"),
    ]

    COMPONENT_CLASSES = {"article-view--evidence", "article-view--marked"}

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id)
        self._text = ""
        self._evidence: list[tuple[int, int]] = []  # spans of evidence sentences in the text
        self._marked: tuple[int, int] | None = None
        self._lines: list[tuple[int, int]] = []
        self._wrapped_at = -1
        self._pending: tuple[str | None, list[str]] | None = None
        self._marked_sentence: str | None = None

    def show(self, body: str | None, evidence: list[str]) -> None:
        """Take the brief's body; cleaned and wrapped only once the view is on screen, so
        moving between briefs with the summary shown costs nothing here."""
        self._pending = (body, evidence)
        self._marked_sentence = None
        if self.display:
            self._load()

    def on_show(self) -> None:
        self._load()

    def _load(self) -> None:
        if self._pending is None:
            return
        body, evidence = self._pending
        self._pending = None
        text = clean(body or "")
        if len(text) > MAX_SHOWN:
            rest = len(text) - MAX_SHOWN
            text = text[:MAX_SHOWN] + f"\n\n[… {rest:,} more characters, in the export]"
        self._text = text or "This brief has no article text."
        self._evidence = _spans(self._text, evidence)
        self._marked = None
        self._wrapped_at = -1
        self._rewrap()
        self.scroll_home(animate=False)
        self.refresh()
        if self._marked_sentence:
            self.mark(self._marked_sentence)

    def mark(self, sentence: str | None) -> None:
        """Mark one evidence sentence and bring it into view (None: none marked)."""
        if self._pending is not None:
            self._marked_sentence = sentence  # marked once the view is shown
            return
        spans = _spans(self._text, [sentence]) if sentence else []
        self._marked = spans[0] if spans else None
        self.refresh()
        if self._marked is not None:
            row = next(
                (k for k, (s, e) in enumerate(self._lines) if s <= self._marked[0] < max(e, s + 1)),
                0,
            )
            self.scroll_to_region(
                Region(0, row, 1, 1), animate=False, center=True, force=True, immediate=True
            )

    def _rewrap(self) -> None:
        width = self.scrollable_content_region.width or self.size.width or 80
        if width == self._wrapped_at:
            return
        self._wrapped_at = width
        self._lines = wrap(self._text, width)
        self.virtual_size = Size(width, len(self._lines))

    def _on_resize(self, _: events.Resize) -> None:
        self._rewrap()
        self.refresh()

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if not 0 <= index < len(self._lines):
            return Strip.blank(width, base)
        start, end = self._lines[index]
        evidence = self.get_component_rich_style("article-view--evidence")
        marked = self.get_component_rich_style("article-view--marked")
        segments = []
        cut = start
        for span_start, span_end, style in self._styled(start, end, evidence, marked):
            if cut < span_start:
                segments.append(Segment(self._text[cut:span_start], base))
            segments.append(Segment(self._text[span_start:span_end], base + style))
            cut = span_end
        if cut < end:
            segments.append(Segment(self._text[cut:end], base))
        return Strip(segments).extend_cell_length(width, base).crop(0, width)

    def _styled(self, start: int, end: int, evidence: object, marked: object) -> list:
        found = []
        for s, e in self._evidence:
            if s < end and e > start:
                style = marked if (s, e) == self._marked else evidence
                found.append((max(s, start), min(e, end), style))
        return found


def _spans(text: str, sentences: list[str | None]) -> list[tuple[int, int]]:
    """Where each sentence stands in `text` (first occurrence), in text order."""
    spans = set()
    for sentence in sentences:
        wanted = clean(sentence or "").strip()
        if len(wanted) < 8:
            continue  # too short to point at one place
        at = text.find(wanted)
        if at >= 0:
            spans.add((at, at + len(wanted)))
    return sorted(spans)
