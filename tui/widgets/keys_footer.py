"""The footer of keys: one line drawn from the screen's bindings, as Textual's Footer shows them.

Textual's Footer is a container of one widget per key, recomposed whenever a screen says
its bindings may have changed. Its keys arrive a frame or two after the screen's first
(the bindings are known once the focus is set), and mounting them lays out and draws the
whole screen again, twice: about 90 ms of the reader's start at 10,000 briefs, in which
the first key typed waited too. Here the keys are drawn as one line of text, in the same
place and styles; a change of keys repaints that line and nothing else, and only when
the keys, their labels or their enabled states differ from those drawn.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.dom import NoScreen
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget

# What a narrow footer keeps when keys must go: how to get help and how to leave.
KEPT_ACTIONS = frozenset({"help", "quit", "close", "leave_editor", "screen.help"})


@dataclass(frozen=True, slots=True)
class _Item:
    """One key as drawn (or a group's label, with no key)."""

    key: str  # what a click types
    display: str
    description: str
    action: str | None
    enabled: bool
    compact: bool  # the tighter padding of a grouped key and of the palette's key

    def parts(self) -> list[tuple[str, str]]:
        """(text, component) pieces: the key, then its description."""
        if self.action is None:  # a group's label, or the room around a group's keys
            return [(self.description, "description" if self.enabled else "blank")]
        if self.compact:
            key = [(self.display, "key")]
            return key + ([(f" {self.description}", "description")] if self.description else [])
        key = [(f" {self.display} ", "key")]
        return key + ([(f"{self.description} ", "description")] if self.description else [])

    @property
    def width(self) -> int:
        return sum(cell_len(text) for text, _ in self.parts())


_GAP = _Item("", "", " ", None, False, False)  # blank room in a group of keys


class KeysFooter(Widget, can_focus=False):
    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"footer-key--key", "footer-key--description", "footer--edge"}
    DEFAULT_CSS = """
    KeysFooter {
        dock: bottom;
        height: 1;
        width: 1fr;
        color: $footer-foreground;
        background: $footer-background;
        & > .footer-key--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .footer-key--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .footer--edge {
            color: $foreground 20%;
        }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._drawn: Hashable = None  # the keys as last drawn
        self._asked: Hashable = None  # the keys a repaint has been asked for
        self._hits: list[tuple[int, int, _Item]] = []  # columns of each key on the line

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen) -> None:
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        try:
            shown = self._shown()
        except NoScreen:  # its screen closed meanwhile
            return
        if shown != self._drawn and shown != self._asked:
            self._asked = shown  # a burst of calls before the next frame: one repaint
            self.redraw()

    def redraw(self) -> None:
        self.refresh()  # a repaint of this line: no layout

    def _shown(self) -> Hashable:
        """What the line draws from the bindings: each shown key with its label, action,
        group, enabled state and tooltip."""
        app = self.app
        return tuple(
            (key, app.get_key_display(b), b.description, b.action, b.group, enabled, tip)
            for key, (_, b, enabled, tip) in self.screen.active_bindings.items()
            if b.show or key == app.COMMAND_PALETTE_BINDING
        )

    def _items(self) -> tuple[list[_Item], _Item | None]:
        """The keys as Textual's Footer lays them out (one per action, in order; a group of
        several keys together with its label after), and the palette's key apart."""
        app = self.app
        active = self.screen.active_bindings
        by_action: dict[str, list[tuple[Binding, bool]]] = {}
        for _, binding, enabled, _tip in active.values():
            if binding.show:
                by_action.setdefault(binding.action, []).append((binding, enabled))
        items: list[_Item] = []
        runs = list(by_action.values())
        k = 0
        while k < len(runs):
            group = runs[k][0][0].group
            end = k + 1
            while end < len(runs) and group is not None and runs[end][0][0].group == group:
                end += 1
            if group is not None and end - k > 1:
                # As Textual's KeyGroup: a space, the keys, then a space and the label;
                # a group that is not compact spaces its keys apart.
                items.append(_GAP)
                for binding, enabled in (run[0] for run in runs[k:end]):
                    display = app.get_key_display(binding)
                    key = _Item(binding.key, display, "", binding.action, enabled, group.compact)
                    items.extend((key,) if group.compact else (_GAP, key, _GAP))
                items.append(_GAP)
                items.extend((_Item("", "", group.description, None, True, False), _GAP))
            else:
                for binding, enabled in (run[0] for run in runs[k:end]):
                    items.append(
                        _Item(
                            binding.key,
                            app.get_key_display(binding),
                            binding.description,
                            binding.action,
                            enabled,
                            False,
                        )
                    )
            k = end
        palette = None
        if app.ENABLE_COMMAND_PALETTE and app.COMMAND_PALETTE_BINDING in active:
            _, binding, enabled, _tip = active[app.COMMAND_PALETTE_BINDING]
            display = app.get_key_display(binding)
            palette = _Item(
                binding.key, display, binding.description, binding.action, enabled, True
            )
        return items, palette

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if y != 0 or width <= 0:
            return Strip.blank(width, self.rich_style)
        try:
            self._drawn = self._shown()
            items, palette = self._items()
        except NoScreen:
            return Strip.blank(width, self.rich_style)
        base = self.rich_style
        blank = Style(bgcolor=base.bgcolor)
        styles = {
            "key": self.get_component_rich_style("footer-key--key"),
            "description": self.get_component_rich_style("footer-key--description"),
            "blank": blank,
        }
        room = width - (palette.width + 2 if palette is not None else 0)  # its edge and pad
        kept = _fit(items, room)
        segments: list[Segment] = []
        hits: list[tuple[int, int, _Item]] = []
        at = 0
        for item in kept:
            at = _draw(item, styles, segments, hits, at)
        if palette is not None:
            start = max(at, width - palette.width - 2)
            if start > at:
                segments.append(Segment(" " * (start - at), blank))
            edge = self.get_component_rich_style("footer--edge")
            segments.append(Segment("▏", Style(color=edge.color, bgcolor=base.bgcolor)))
            at = _draw(palette, styles, segments, hits, start + 1)
            segments.append(Segment(" ", blank))
            at += 1
        elif at < width:
            segments.append(Segment(" " * (width - at), blank))
        self._hits = hits
        return Strip(segments).crop_extend(0, width, blank)

    def on_click(self, event: events.Click) -> None:
        for start, end, item in self._hits:
            if start <= event.x < end:
                if item.enabled:
                    self.app.simulate_key(item.key)
                else:
                    self.app.bell()
                return


def _fit(items: Sequence[_Item], room: int) -> list[_Item]:
    """Keys that do not fit the width go whole, the last first, rather than being cut
    mid-word at the edge; help and quit stay (the focused pane's keys come first and
    pushed them off an 80-column footer)."""
    kept = list(items)
    total = sum(item.width for item in kept)
    for item in reversed(items):
        if total <= room:
            break
        if item.action is not None and item.action not in KEPT_ACTIONS:
            kept.remove(item)
            total -= item.width
    return kept


def _draw(
    item: _Item,
    styles: dict[str, Style],
    segments: list[Segment],
    hits: list[tuple[int, int, _Item]],
    at: int,
) -> int:
    """Add `item`'s segments (dim when disabled); the column after it."""
    start = at
    for text, part in item.parts():
        dim = not item.enabled and item.action is not None
        style = styles[part] + Style(dim=True) if dim else styles[part]
        segments.append(Segment(text, style))
        at += cell_len(text)
    if item.action is not None:
        hits.append((start, at, item))
    return at
