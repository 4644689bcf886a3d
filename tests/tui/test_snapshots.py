"""How the reader looks, at 80×24 and 120×40, compared with saved SVG snapshots.

Update after an intended change with `pytest tests/tui/test_snapshots.py --snapshot-update`
and look at the new SVGs before committing them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from store import Store
from tests.conftest import TickingClock
from tests.tui.helpers import new_app

XI = "2025-10-31-xi-carney-apec-gyeongju"
SIZES = [(80, 24), (120, 40)]


def app_with_note(store_dir: Path):  # type: ignore[no-untyped-def]
    store = Store(store_dir, clock=TickingClock())
    store.add_note(XI, "Ask the desk whether canola talks come before the EV review.")
    return new_app(store)


async def settle(pilot: Pilot[None]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def steady_cursor(pilot: Pilot[None]) -> None:
    """A focused input's cursor blinks on a timer: drawn steadily, the picture does not
    depend on the moment it is taken (the tracker's filter was seen both ways)."""
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_reader_first_brief(snap_compare, store_dir: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app_with_note(store_dir), terminal_size=size, run_before=settle)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_reader_editing_a_note(snap_compare, store_dir: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    async def type_note(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("n", "a", *"Unsaved thought")
        await settle(pilot)

    assert snap_compare(app_with_note(store_dir), terminal_size=size, run_before=type_note)


def test_help_screen(snap_compare, store_dir: Path) -> None:  # type: ignore[no-untyped-def]
    async def open_help(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)

    assert snap_compare(app_with_note(store_dir), terminal_size=(120, 40), run_before=open_help)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_tariff_tracker(snap_compare, store_dir: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    async def open_tracker(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("T")
        await settle(pilot)
        await pilot.pause(0.3)  # the filter's own pause
        await settle(pilot)
        await steady_cursor(pilot)

    assert snap_compare(app_with_note(store_dir), terminal_size=size, run_before=open_tracker)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_actor_index(snap_compare, store_dir: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    async def open_actors(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("A")
        await settle(pilot)
        await steady_cursor(pilot)

    assert snap_compare(app_with_note(store_dir), terminal_size=size, run_before=open_actors)
