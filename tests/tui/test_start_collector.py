"""The garbage collector waits while the reader starts: every object made until the first
frame lives as long as the reader, and the collector's passes over them were a tenth of
the start. It runs again once the reader has drawn, and is left off when it was off."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.geometry import Size
from textual.screen import Screen

from store import Store
from tests.tui.helpers import new_app, settle
from tui.app import BriefingApp
from tui.cli import main


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
