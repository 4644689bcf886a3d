"""What the reader shows, as plain text, for Pilot tests."""

from __future__ import annotations

from textual.app import App

from store import Store
from tests.conftest import TODAY
from tui.app import BriefingApp, make_app
from tui.timings import FROZEN


def screen_text(app: App[object]) -> str:
    """Every line of the active screen as the terminal would show it."""
    strips = app.screen._compositor.render_strips()
    return "\n".join(strip.text for strip in strips)


def new_app(store: Store) -> BriefingApp:
    """The real app on `store`, on a fixed day, with timers that never fire by themselves
    (a test that wants one calls what it would have called)."""
    return make_app(store, today=lambda: TODAY, timings=FROZEN)
