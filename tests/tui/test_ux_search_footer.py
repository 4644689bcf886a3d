"""The search bar's footer says how to reach the results: a new reader types a query and
then looks for the key that moves into the list (enter or ↓; the footer named neither)."""

from __future__ import annotations

from store import Store
from tests.tui.helpers import new_app, screen_text, settle


async def test_the_footer_names_the_key_into_the_results(store: Store) -> None:
    app = new_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"canola")
        await settle(pilot)
        footer = screen_text(app).split("\n")[-1]
        assert "⏎/↓ To results" in footer, footer
        await pilot.press("enter")  # what it names does it
        await settle(pilot)
        assert app.focused is not None and app.focused.id == "brief-list"
