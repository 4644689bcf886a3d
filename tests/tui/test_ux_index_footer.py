"""The tracker's and the actor index's filter: the footer says how to reach the table
(it showed only 'esc Back' and quit, so a new reader typed a filter and stopped there)."""

from __future__ import annotations

import pytest

from store import Store
from tests.tui.helpers import new_app, screen_text, settle


@pytest.mark.parametrize("key", ["T", "A"])
async def test_the_filter_footer_names_the_way_into_the_table(store: Store, key: str) -> None:
    app = new_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press(key)
        await settle(pilot)
        footer = screen_text(app).split("\n")[-1]
        assert "↓ To the table" in footer, footer
        await pilot.press("down")
        await settle(pilot)
        assert app.focused is app.screen.table
