"""What the reader shows, as plain text, for Pilot tests."""

from __future__ import annotations

from textual.app import App


def screen_text(app: App[object]) -> str:
    """Every line of the active screen as the terminal would show it."""
    strips = app.screen._compositor.render_strips()
    return "\n".join(strip.text for strip in strips)
