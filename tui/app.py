"""The briefing app and the one factory that builds it for the command line and tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from textual.app import App
from textual.binding import Binding

from store import Store
from tui.reader_screen import ReaderScreen


class BriefingApp(App[None]):
    CSS_PATH = "briefing.tcss"
    TITLE = "briefing"
    BINDINGS = [
        Binding("ctrl+p", "command_palette", "Commands", show=False, id="app.palette"),
    ]

    def __init__(self, store: Store, *, today: Callable[[], dt.date] = dt.date.today) -> None:
        super().__init__()
        self.store = store
        self.today = today

    def on_mount(self) -> None:
        self.push_screen(ReaderScreen())


def make_app(store: Store, *, today: Callable[[], dt.date] = dt.date.today) -> BriefingApp:
    return BriefingApp(store, today=today)
