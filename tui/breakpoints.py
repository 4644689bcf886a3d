"""What the reader's first frame needs done before it, so that it is made once: the
screen's breakpoint classes for the terminal's size, and resizes to the size the screen
already has left alone.

Textual gives a screen the classes of its HORIZONTAL_BREAKPOINTS and VERTICAL_BREAKPOINTS
at its first resize, which comes after its first frame: the classes changed then, and the
whole screen was styled and laid out again (24 widgets restyled, a layout and a repaint
of the reader at its start). Given first, that resize changes nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events, messages
from textual._time import get_time
from textual.geometry import Size
from textual.screen import Screen


def breakpoint_classes(screen: Screen[None], width: int, height: int) -> dict[str, bool]:
    """Each breakpoint class of `screen` and whether a terminal of this size has it."""
    found: dict[str, bool] = {}
    for dimension, breakpoints in (
        (width, screen.HORIZONTAL_BREAKPOINTS or []),
        (height, screen.VERTICAL_BREAKPOINTS or []),
    ):
        found.update((name, False) for _, name in breakpoints)
        for least, name in sorted(breakpoints, reverse=True):
            if dimension >= least:
                found[name] = True
                break
    return found


def fit_breakpoints(screen: Screen[None], width: int, height: int) -> None:
    """Give `screen` the breakpoint classes of the terminal's size before its first frame,
    as Textual gives them at its first resize (after that frame): so that resize changes
    no class, and the whole screen is not styled and laid out a second time."""
    screen.update_classes(breakpoint_classes(screen, width, height), update=False)


class SteadySize:
    """A mixin (before Screen) for a screen laid out again only when something changed.

    Textual lays a screen out whole, and draws it, at every Resize it is sent, whether its
    size changed or not, and then again for what its widgets asked meanwhile. The reader
    was sent three of its own size as it started (the app's first, the terminal driver's,
    and the one its first layout sends it): five layouts and repaints before the first
    paint. A resize to the size the screen has makes only a layout that was asked for, at
    once as Textual did (the tables then wrap their rows for the width it gives them,
    once); a resize to another size is Textual's, classes and all.

    And a widget's request for a layout reaches the screen as a message, which may arrive
    after a layout that already placed that widget anew (the arrangement it changed was
    cleared when the message was posted): such a request is done, and asks for nothing."""

    _laid_out_at = 0.0  # when the last full layout began, on Textual's clock
    _resumed = False  # the screen has been shown once

    if TYPE_CHECKING:
        outer_size: Size  # the size its last layout gave it (Screen.size is the app's)
        _layout_required: bool
        _layout_widgets: dict[object, set[object]]

        def _refresh_layout(self, size: Size | None = None, scroll: bool = False) -> None: ...

        def has_class(self, name: str) -> bool: ...

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        """Shown the first time: Textual restyles every widget of a screen each time it
        is shown, and the first time each had been styled as it mounted, a moment before
        (half the restyles of the reader's start). Shown again (a screen over it closed),
        it is restyled as ever: the theme or its classes may have changed meanwhile."""
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False  # Screen._on_screen_resume, next, reads it

    def _on_resize(self, event: events.Resize) -> None:
        if event.size != self.outer_size or not self._classes_fit(event.size):
            # Screen._on_resize, further along the MRO. A screen covered by another is laid
            # out at the new size before its own Resize comes: its size then matches, but
            # its breakpoint classes are still the old size's.
            return
        event.prevent_default()  # Screen._on_resize not run
        event.stop()
        if self._layout_required:
            self._layout_required = False  # or Textual's update timer lays it out again
            self._refresh_layout()

    def _classes_fit(self, size: Size) -> bool:
        wanted = breakpoint_classes(self, size.width, size.height)  # type: ignore[arg-type]
        return all(self.has_class(name) == on for name, on in wanted.items())

    def _on_layout(self, message: messages.Layout) -> None:
        if message.time < self._laid_out_at:
            message.prevent_default()  # Screen._on_layout not run
            message.stop()

    if not TYPE_CHECKING:

        def _refresh_layout(self, size: Size | None = None, scroll: bool = False) -> None:
            if not (scroll and not self._layout_widgets):  # a scroll's reflow places less
                self._laid_out_at = get_time()
            super()._refresh_layout(size, scroll)
