"""Enter in the search bar, then a key at once (a fast typist: `/canola⏎a` as one burst):
the key after enter acts on the results, as it does after a pause. It went into the query
('canolaa', no results) because the move into the list came a few messages after enter."""

from __future__ import annotations

from pathlib import Path

import pytest

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


async def test_keys_right_after_choosing_a_tariff_act_on_its_brief(
    store: Store, store_dir: Path
) -> None:
    """Enter on a tracker row opens its brief; keys typed at once after it reached the
    tracker (which ignored 'a') or the reader after it ('h' opened the history)."""
    app = new_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        burst(app, "T")
        await settle(pilot)  # the tracker reads every brief first
        burst(app, "down", "enter", "a", *"hi", "ctrl+s")
        await settle(pilot)
        assert app.screen is app.reader
        assert notes(store_dir, XI) == ["hi"]  # the first row is a tariff of the Xi brief


async def test_a_chosen_actor_leaves_the_focus_on_the_results(store: Store) -> None:
    """Choosing an actor in the index (or a view, or an actor row) filters the list; the
    focus was left in the search field with the query selected, so the j or n a reader
    pressed next replaced the query instead of moving through the results."""
    app = new_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        burst(app, "A")
        await settle(pilot)
        burst(app, *"carney", "enter")
        await settle(pilot)
        assert app.reader.search_bar.input.value == 'actor:"Mark Carney"'
        assert app.focused is app.reader.brief_list
        burst(app, "n")
        await settle(pilot)
        assert app.reader.search_bar.input.value == 'actor:"Mark Carney"'


@pytest.mark.parametrize("into_table", [False, True])
async def test_keys_right_after_choosing_an_actor_act_on_the_results(
    store: Store, store_dir: Path, into_table: bool
) -> None:
    """Enter in the actor index (on its filter: the first actor; on a row: that one) then
    keys at once: they reached the index as it closed and were lost."""
    app = new_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        burst(app, "A")
        await settle(pilot)
        burst(app, *"carney", *(["down"] if into_table else []), "enter", "a", *"hi", "ctrl+s")
        await settle(pilot)
        assert app.screen is app.reader
        assert notes(store_dir, XI) == ["hi"]  # Mark Carney's newest brief
