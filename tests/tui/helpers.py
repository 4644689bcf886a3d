"""What the reader shows, as plain text, for Pilot tests."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.pilot import Pilot
from textual.worker import WorkerCancelled

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


async def settle(pilot: Pilot[None]) -> None:
    """Until every key sent has been handled, every worker is done and the screen is idle.

    Waits on the app's state, not the clock: a busy machine makes it slower, not different.
    """
    app = pilot.app
    for _ in range(1000):
        await pilot.pause()
        try:
            await app.workers.wait_for_complete()
        except WorkerCancelled:
            continue  # cancelled is done (the palette cancels its search as a pick closes it)
        if not getattr(app, "keys_pending", False):
            break
    await pilot.pause()


def reader_files(store_dir: Path) -> dict[str, bytes]:
    """The reader's data as it lies on disk: reader.json and every reader/ bucket, so a
    test can say that nothing of it changed."""
    paths = [store_dir / "reader.json", *sorted((store_dir / "reader").glob("*.json"))]
    return {p.relative_to(store_dir).as_posix(): p.read_bytes() for p in paths if p.exists()}
