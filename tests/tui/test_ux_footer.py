"""The footer at 80 columns: wherever the focus is in the reader, it still shows how to get
help and how to quit (the keys of the focused pane come first and pushed them off)."""

from __future__ import annotations

import pytest

from store import Store
from tests.tui.helpers import new_app, screen_text, settle

PLACES = {
    "list": (),
    "summary": ("tab",),
    "actors": ("tab", "tab"),
    "tariffs": ("tab", "tab", "tab"),
    "a note just saved": ("a", "x", "ctrl+s", "escape"),  # its own keys come first: d, e
}


@pytest.mark.parametrize("place", PLACES)
async def test_help_and_quit_stay_in_the_footer_at_80_columns(store: Store, place: str) -> None:
    app = new_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*PLACES[place])
        await settle(pilot)
        footer = screen_text(app).split("\n")[-1]
        assert "? Help" in footer and "q Quit" in footer, footer
