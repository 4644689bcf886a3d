"""ctrl+z in the search field takes back typing; it reached the reader's undo and put a
deleted brief back while the user meant the last letters of a query."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from store import Store
from tests.tui.helpers import new_app, settle

XI = "2025-10-31-xi-carney-apec-gyeongju"


async def test_ctrl_z_in_the_search_field_undoes_typing_not_a_deletion(
    store: Store, store_dir: Path
) -> None:
    app = new_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("D", "y")
        await settle(pilot)
        assert [t.id for t in Store(store_dir).trash()] == [XI]
        await pilot.press("slash", *"canola", "ctrl+z")
        await settle(pilot)
        assert app.screen.query_one("#search-input", Input).value == "canol"
        assert [t.id for t in Store(store_dir).trash()] == [XI]  # still deleted
        await pilot.press("ctrl+z", "ctrl+z")
        await settle(pilot)
        assert app.screen.query_one("#search-input", Input).value == "can"
