"""The footer of keys, redrawn only when what it shows changed.

Textual's Footer recomposes all its keys (a dozen widgets, each styled anew) every time a
screen says its bindings may have changed, which it does on every focus change, blur and
screen switch: eight times while the reader starts, all landing in the first moments
after the first frame, where they slowed the first key typed and the scan that makes
search ready. Here the calls of one moment become one, and it redraws only
when the keys, their labels or their enabled states differ from those drawn.
"""

from __future__ import annotations

from collections.abc import Hashable

from rich.cells import cell_len
from textual.dom import NoScreen
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer

# What a narrow footer keeps when keys must go: how to get help and how to leave.
KEPT_ACTIONS = frozenset({"help", "quit", "close", "leave_editor", "screen.help"})


class KeysFooter(Footer):
    def __init__(self) -> None:
        super().__init__()
        self._queued = False
        self._drawn: Hashable = None

    def bindings_changed(self, screen: Screen) -> None:
        # As Footer's, but queued once however many calls come before the next frame.
        self._bindings_ready = True
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        if not self._queued:
            self._queued = True
            self.call_after_refresh(self._redraw_if_changed)

    async def _redraw_if_changed(self) -> None:
        self._queued = False
        try:
            shown = self._shown()
        except NoScreen:  # its screen closed meanwhile
            return
        if shown != self._drawn:
            self._drawn = shown
            await self.recompose()
            self._fit()

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        """Keys that do not fit the width go whole, the last first, rather than being cut
        mid-word at the edge; help and quit stay (the focused pane's keys come first and
        pushed them off an 80-column footer)."""
        keys = [child for child in self.children if not child.has_class("-command-palette")]
        palette = sum(_width(c) for c in self.children if c.has_class("-command-palette"))
        room = self.size.width - palette
        total = 0
        for child in keys:
            child.display = True
            total += _width(child)
        for child in reversed(keys):
            if total <= room:
                break
            if _action(child) not in (None, *KEPT_ACTIONS):
                child.display = False
                total -= _width(child)

    def _shown(self) -> Hashable:
        """What `compose` draws from the bindings: each shown key with its label, action,
        group, enabled state and tooltip."""
        app = self.app
        return tuple(
            (key, app.get_key_display(b), b.description, b.action, b.group, enabled, tip)
            for key, (_, b, enabled, tip) in self.screen.active_bindings.items()
            if b.show or key == app.COMMAND_PALETTE_BINDING
        )


def _action(widget: Widget) -> str | None:
    """The action of a footer key (Textual's FooterKey, which it does not export); None
    for a group of keys or a label."""
    action = getattr(widget, "action", None)
    return action if isinstance(action, str) else None


def _width(widget: Widget) -> int:
    """The columns a footer item takes as drawn (a key: its padded key and description)."""
    if _action(widget) is not None:
        border = 1 if widget.has_class("-command-palette") else 0  # its left edge: ▏
        return cell_len(widget.render().plain) + border
    return widget.outer_size.width
