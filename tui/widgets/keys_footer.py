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

from textual.dom import NoScreen
from textual.screen import Screen
from textual.widgets import Footer


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

    def _shown(self) -> Hashable:
        """What `compose` draws from the bindings: each shown key with its label, action,
        group, enabled state and tooltip."""
        app = self.app
        return tuple(
            (key, app.get_key_display(b), b.description, b.action, b.group, enabled, tip)
            for key, (_, b, enabled, tip) in self.screen.active_bindings.items()
            if b.show or key == app.COMMAND_PALETTE_BINDING
        )
