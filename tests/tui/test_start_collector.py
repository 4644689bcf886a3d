"""The garbage collector waits while the reader starts: every object made until the first
frame lives as long as the reader, and the collector's passes over them were a tenth of
the start. It runs again once the reader has drawn, and is left off when it was off."""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.geometry import Size
from textual.pilot import Pilot
from textual.screen import Screen

from store import Store
from tests.tui.helpers import new_app, settle
from tui.app import BriefingApp
from tui.cli import main
from tui.screens.reader import ReaderScreen


@pytest.fixture(autouse=True)
def _no_scan_left_running() -> None:
    """The collector's state is the process's: a catalog scan that an earlier test's reader
    left running in a worker thread holds it off until the scan ends (Catalog.scan), which a
    busy machine makes likelier. Wait for that end, by state, before these tests look."""
    for _ in range(3000):
        if gc.isenabled():
            return
        time.sleep(0.01)


@pytest.fixture
def layouts(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[bool]]:
    """Whether the collector was on at each layout of a screen."""
    seen: list[bool] = []
    real = Screen._refresh_layout

    def counted(self: Screen[object], size: Size | None = None, scroll: bool = False) -> None:
        seen.append(gc.isenabled())
        real(self, size, scroll)

    monkeypatch.setattr(Screen, "_refresh_layout", counted)
    was = gc.isenabled()
    yield seen
    if was:
        gc.enable()


async def test_the_collector_is_off_until_the_first_frame(
    store: Store, layouts: list[bool]
) -> None:
    assert gc.isenabled()
    app = new_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert layouts[0] is False  # the first frame: laid out and drawn without it
        assert gc.isenabled()  # the reader has drawn: on again
    assert gc.isenabled()


async def test_a_collector_turned_off_stays_off(store: Store, layouts: list[bool]) -> None:
    gc.disable()
    app = new_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_the_command_line_holds_it_while_textual_loads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, layouts: list[bool]
) -> None:
    """`briefing` holds it from reading its command line (before Textual is imported) to
    the reader's first frame; a reader that never runs leaves it on."""
    seen: list[bool] = []
    monkeypatch.setattr(BriefingApp, "run", lambda self, *a, **k: seen.append(gc.isenabled()))
    assert main(["--store", str(tmp_path / "store")]) == 0
    assert seen == [False]
    assert gc.isenabled()
    (tmp_path / "file").write_text("not a store folder")
    assert main(["--store", str(tmp_path / "file")]) != 0
    assert gc.isenabled()
    assert main(["list", "--store", str(tmp_path / "store")]) == 0
    assert gc.isenabled()


async def test_it_stays_off_until_the_first_frame_has_settled(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Off still when the reader's first frame has settled (its layouts made and drawn,
    as the bench's probe waits for it): the first collection after the start walks all
    it made, and is not part of that frame. Run as the command line runs the app."""
    seen: list[bool] = []
    real = ReaderScreen.on_mount

    def on_mount(self: ReaderScreen) -> None:
        real(self)
        self.call_after_refresh(lambda: seen.append(gc.isenabled()))

    monkeypatch.setattr(ReaderScreen, "on_mount", on_mount)
    app = new_app(store)

    async def look(pilot: Pilot[None]) -> None:
        await settle(pilot)
        app.exit()

    await app.run_async(headless=True, size=(120, 40), auto_pilot=look)
    assert seen == [False]
    assert gc.isenabled()
