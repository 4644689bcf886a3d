"""In a wide terminal the actors' columns follow what they hold: the roles wrapped onto
two lines while the affiliations beside them left some 50 cells blank."""

from __future__ import annotations

from store import Store
from tests.tui.helpers import new_app, screen_text, settle


async def test_at_200_columns_a_long_role_stays_on_one_line(store: Store) -> None:
    app = new_app(store)
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(pilot)
        assert "Canadian detained in China, freed in 2021" in screen_text(app)


async def test_at_80_columns_every_column_still_shows(store: Store) -> None:
    app = new_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("tab", "tab")
        await settle(pilot)
        text = screen_text(app)
        assert all(name in text for name in ("Name", "Kind", "Role", "Affiliation"))
