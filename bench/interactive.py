"""In-app figures, measured in this process with `App.run_test()` (Textual's headless driver).

Keys are posted as the driver would post them, and the clock stops in a callback that
Textual runs after the next repaint of the screen. Pilot's `press`/`pause` are not used
for timing: they sleep in 20 ms steps, longer than what we measure.

Textual repaints on a 60 Hz timer, so any key-to-paint time includes up to 16.7 ms of
waiting for the next frame; the bare-app row shows that floor. The next brief is also
given in CPU time of the app's thread over the same span, which other processes on a
shared machine change far less than the wall clock (A/B runs on a loaded machine). For
that the bench does not poll while it waits: the app itself (the reader showing a brief,
the bare app taking its key) asks for a callback after the next repaint, and the bench
sleeps on a future that callback sets, so the thread's CPU time is the app's work alone
(polling with `asyncio.sleep(0)` kept the thread busy: its CPU time equalled the wall).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual import events
from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Label

SIZE = (120, 40)
SETTLE_S = 0.05  # lets the mark-read worker and its row refresh finish between runs
TIMEOUT_S = 30


def _post_key(app: App[object], key: str, char: str | None) -> None:
    event = events.Key(key, char)
    event.set_sender(app)
    app.post_message(event)


async def _until(test: Callable[[], bool]) -> None:
    deadline = time.perf_counter() + TIMEOUT_S
    while not test():
        if time.perf_counter() > deadline:
            raise TimeoutError("the app did not get there in time")
        await asyncio.sleep(0)


def _after_shown(screen: Any, want: Callable[[], str | None]) -> asyncio.Future[None]:
    """A future set after the repaint that follows the reader showing brief `want()`:
    its `_show_brief` asks for the callback as it shows it, so nothing polls."""
    done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
    show = type(screen)._show_brief

    def shown(brief: Any, **kwargs: Any) -> None:
        show(screen, brief, **kwargs)
        if brief is not None and brief.id == want() and not done.done():
            screen.call_after_refresh(lambda: done.done() or done.set_result(None))

    screen._show_brief = shown
    return done


async def _painted(app: App[object]) -> None:
    """Return after the active screen's next refresh (or at once when nothing is dirty)."""
    done = asyncio.get_running_loop().create_future()
    app.screen.call_after_refresh(lambda: done.done() or done.set_result(None))
    await asyncio.wait_for(done, TIMEOUT_S)


async def _ui_figures(store_dir: Path, warmup: int, runs: int) -> dict[str, list[float]]:
    from store import Store
    from tui.app import make_app

    store = Store(store_dir)
    app = make_app(store, today=lambda: dt.date(2025, 11, 28))
    out: dict[str, list[float]] = {"next_brief": [], "next_brief_cpu": [], "save_note_ui": []}
    async with app.run_test(size=SIZE):
        screen = app.screen
        await _until(lambda: getattr(app.screen, "brief", None) is not None)
        screen = app.screen
        brief_list = screen.query_one("#brief-list")
        await asyncio.sleep(SETTLE_S)

        target: list[str | None] = [None]
        for k in range(warmup + runs):
            target[0] = brief_list.get_option_at_index(brief_list.highlighted + 1).id
            shown = _after_shown(screen, lambda: target[0])
            started, cpu = time.perf_counter(), time.thread_time()
            _post_key(app, "n", "n")
            await asyncio.wait_for(shown, TIMEOUT_S)
            if k >= warmup:
                out["next_brief"].append(time.perf_counter() - started)
                out["next_brief_cpu"].append(time.thread_time() - cpu)
            await asyncio.sleep(SETTLE_S)

        pane = screen.query_one("#notes")
        for k in range(warmup + runs):
            _post_key(app, "a", "a")
            await _until(lambda: pane.session.editing and pane.editor.has_focus)
            pane.editor.insert(f"Benchmark note {k}: ask the desk about canola duties.")
            await _until(lambda: pane.session.dirty)
            await asyncio.sleep(SETTLE_S)
            started = time.perf_counter()
            _post_key(app, "ctrl+s", None)
            await _until(lambda: not pane.session.dirty)
            await _painted(app)
            if k >= warmup:
                out["save_note_ui"].append(time.perf_counter() - started)
            _post_key(app, "escape", None)
            await _until(lambda: not pane.session.editing)
            await asyncio.sleep(SETTLE_S)
        await app.workers.wait_for_complete()
    store.close()
    return out


class _BareApp(App[None]):
    shown: asyncio.Future[None] | None = None  # set after the repaint that shows a key

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("0", id="count")
        yield Footer()

    def on_key(self, event: events.Key) -> None:
        if event.key == "n":
            label = self.query_one("#count", Label)
            label.update(str(int(str(label.content)) + 1))
            if (shown := self.shown) is not None:
                self.screen.call_after_refresh(lambda: shown.done() or shown.set_result(None))


async def _bare_figures(warmup: int, runs: int) -> list[float]:
    app = _BareApp()
    times = []
    async with app.run_test(size=SIZE):
        await asyncio.sleep(SETTLE_S)
        label = app.query_one("#count", Label)
        for k in range(warmup + runs):
            app.shown = shown = asyncio.get_running_loop().create_future()
            started = time.perf_counter()
            _post_key(app, "n", "n")
            await asyncio.wait_for(shown, TIMEOUT_S)
            assert str(label.content) == str(k + 1)
            if k >= warmup:
                times.append(time.perf_counter() - started)
            await asyncio.sleep(SETTLE_S)
    return times


def measure_ui(store_dir: Path, warmup: int, runs: int) -> dict[str, list[float]]:
    """Seconds per run: next brief, save a note through the UI, and the bare key-to-paint."""
    out = asyncio.run(_ui_figures(store_dir, warmup, runs))
    out["bare_key_to_paint"] = asyncio.run(_bare_figures(warmup, runs))
    return out
