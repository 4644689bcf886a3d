"""The briefing app and the one factory that builds it for the command line and tests."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import signal
from collections.abc import Callable

from textual.app import App
from textual.binding import Binding
from textual.command import Provider
from textual.notifications import SeverityLevel

from briefs.text import clean
from store import Store, StoreError
from tui.screens.reader import ReaderScreen


def _provider(name: str) -> Callable[[], type[Provider]]:
    """A palette provider loaded when the palette first opens, not at start-up."""

    def load() -> type[Provider]:
        from tui import palette

        return getattr(palette, name)  # type: ignore[no-any-return]

    load.__name__ = name
    return load


PROVIDERS = tuple(
    _provider(name)
    for name in ("BriefsProvider", "ActorsProvider", "ViewsProvider", "ActionsProvider")
)


class BriefingApp(App[None]):
    CSS_PATH = "briefing.tcss"
    TITLE = "briefing"
    COMMANDS = App.COMMANDS | set(PROVIDERS)
    BINDINGS = [
        Binding("ctrl+p", "command_palette", "Commands", show=False, id="app.palette"),
    ]

    def __init__(self, store: Store, *, today: Callable[[], dt.date] = dt.date.today) -> None:
        super().__init__()
        self.store = store
        self.today = today

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Notifications carry paths, errors and titles: data, so never markup (whatever
        a caller asks) and with control characters made visible."""
        super().notify(
            clean(message), title=clean(title), severity=severity, timeout=timeout, markup=False
        )

    def on_mount(self) -> None:
        self.push_screen(ReaderScreen())
        # Closing the terminal (SIGHUP) or a polite kill (SIGTERM) keeps unsaved text.
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGHUP):
            loop.add_signal_handler(sig, self._keep_draft_and_exit)

    def _keep_draft_and_exit(self) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, ReaderScreen):
                # Nothing more can be done about a failure while the process is ending.
                with contextlib.suppress(StoreError):
                    screen.save_draft_now()
        self.exit()


def make_app(store: Store, *, today: Callable[[], dt.date] = dt.date.today) -> BriefingApp:
    return BriefingApp(store, today=today)
