"""A screen's breakpoint classes for a terminal size, given before its first frame.

Textual gives a screen the classes of its HORIZONTAL_BREAKPOINTS and VERTICAL_BREAKPOINTS
at its first resize, which comes after its first frame: the classes change then, and the
whole screen is styled and laid out again (24 widgets restyled, a layout and a repaint
of the reader at its start). Given first, that resize changes nothing.
"""

from __future__ import annotations

from textual.screen import Screen


def fit_breakpoints(screen: Screen[None], width: int, height: int) -> None:
    """Give `screen` the breakpoint classes of the terminal's size before its first frame,
    as Textual gives them at its first resize (after that frame): so that resize changes
    no class, and the whole screen is not styled and laid out a second time."""
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
    screen.update_classes(found, update=False)
