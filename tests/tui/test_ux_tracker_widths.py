"""The tariff tracker's columns fit the terminal: the Brief column takes the room of a wide
one (it was 60 cells at 200 columns, with 20 left blank beside it), and a narrow one shows
every column it keeps whole instead of pushing Status and the brief off the right edge (at
80 columns Status could only be reached by scrolling sideways)."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from store import Store
from tests.tui.helpers import new_app, screen_text, settle
from tests.tui.test_keystrokes import burst
from tui.app import BriefingApp
from tui.screens.tariff_tracker import COLUMNS, TariffTrackerScreen, column_widths

CANOLA_TITLE = "China orders 75.8% anti-dumping deposit on Canadian canola seed"


async def _tracker(app: BriefingApp, pilot: Pilot[None]) -> TariffTrackerScreen:
    await settle(pilot)
    burst(app, "T")
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, TariffTrackerScreen)
    screen.refilter()  # as after the pause in typing
    await settle(pilot)
    return screen


async def test_a_wide_terminal_shows_whole_titles(store: Store) -> None:
    app = new_app(store)
    async with app.run_test(size=(200, 60)) as pilot:
        screen = await _tracker(app, pilot)
        text = screen_text(app)
        assert CANOLA_TITLE in text.replace(screen.query_one("#tariff-detail").render().plain, "")
        assert screen.table.max_scroll_x == 0


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 60)])
async def test_nothing_is_past_the_right_edge(store: Store, size: tuple[int, int]) -> None:
    app = new_app(store)
    async with app.run_test(size=size) as pilot:
        screen = await _tracker(app, pilot)
        assert screen.table.max_scroll_x == 0  # no column to scroll sideways to
        header = next(line for line in screen_text(app).splitlines() if "1 By" in line)
        assert "6 Status" in header and "5 Measure" in header
        rows = "\n".join(screen_text(app).splitlines())
        assert "offered removal" in rows  # the third row, whole


async def test_the_columns_follow_a_resize(store: Store) -> None:
    app = new_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _tracker(app, pilot)
        assert "9 Brief" not in screen_text(app)  # the line under the table names it
        await pilot.resize_terminal(200, 60)
        await settle(pilot)
        assert "9 Brief" in screen_text(app) and screen.table.max_scroll_x == 0


def test_column_widths_fill_the_room_and_keep_the_minimums() -> None:
    for room in range(40, 400):
        widths = column_widths(room)
        shown = [w for w in widths if w is not None]
        assert sum(w + 2 for w in shown) <= room or room < 76  # six columns at least
        for width, column in zip(widths, COLUMNS, strict=True):
            assert width is None or width >= column.min_width
        assert widths[5] is not None  # Status is never dropped
    wide = column_widths(196)
    assert sum(w + 2 for w in wide if w is not None) == 196 and wide[-1] is not None
    assert wide[-1] > 60
