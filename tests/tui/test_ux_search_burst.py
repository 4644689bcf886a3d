"""Enter in the search bar, then a key at once (a fast typist: `/canola⏎a` as one burst):
the key after enter acts on the results, as it does after a pause. It went into the query
('canolaa', no results) because the move into the list came a few messages after enter."""

from __future__ import annotations

from pathlib import Path

from store import Store
from tests.tui.helpers import new_app, settle
from tests.tui.test_keystrokes import burst, notes

XI = "2025-10-31-xi-carney-apec-gyeongju"


async def test_a_key_right_after_enter_acts_on_the_results(store: Store, store_dir: Path) -> None:
    app = new_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        burst(app, "/", *"canola", "enter", "a", *"first", "ctrl+s")
        await settle(pilot)
        assert app.reader.search_bar.input.value == "canola"
        assert notes(store_dir, XI) == ["first"]


async def test_a_key_right_after_escape_acts_on_the_list(store: Store, store_dir: Path) -> None:
    """Escape clears the search; the keys typed at once after it went into the hidden
    search field ('a') or ran there ('h' opened the history)."""
    app = new_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        burst(app, "/", *"canola", "escape", "a", *"hi", "ctrl+s")
        await settle(pilot)
        assert app.screen is app.reader and app.reader.search_bar.input.value == ""
        assert notes(store_dir, XI) == ["hi"]
