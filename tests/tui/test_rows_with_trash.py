"""The list when the trash already holds briefs (deleted in an earlier session): a brief
deleted now leaves the list and its count, and a correction after it still draws the list.
(Review: the rows' source held the store's own trash, which a deletion changed in place.)"""

from __future__ import annotations

from pathlib import Path

from store import Store
from tests.tui.helpers import new_app, screen_text, settle
from tui.screens.dialogs import ChoiceScreen

XI = "2025-10-31-xi-carney-apec-gyeongju"
SIZE = (120, 40)


def with_one_in_the_trash(store: Store) -> list[str]:
    ids = [row.id for row in store.rows()]
    store.delete_brief(ids[-1])
    return ids


async def test_d_takes_the_brief_out_of_the_list_with_a_trash_already(
    store: Store, store_dir: Path
) -> None:
    with_one_in_the_trash(store)
    app = new_app(Store(store_dir))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "Briefs (6)" in screen_text(app)
        await pilot.press("D")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("y")
        await settle(pilot)
        assert XI not in app.catalog.rows
        assert "Briefs (5)" in screen_text(app)
    assert XI in {brief.id for brief in Store(store_dir).trash()}


async def test_a_correction_after_a_deletion_redraws_the_list(
    store: Store, store_dir: Path
) -> None:
    ids = with_one_in_the_trash(store)
    other = ids[2]
    app = new_app(Store(store_dir))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("D", "y")
        await settle(pilot)
        app.screen._change(other, lambda s: s.correct(other, {"title": "Aardvark tariffs"}))
        await settle(pilot)
        assert app.is_running
        text = screen_text(app)
        assert "Briefs (5)" in text and "Aardvark tariffs" in text


async def test_two_deletions_and_an_undo(store: Store, store_dir: Path) -> None:
    with_one_in_the_trash(store)
    app = new_app(Store(store_dir))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("D", "y")
        await settle(pilot)
        await pilot.press("j", "D", "y")
        await settle(pilot)
        assert "Briefs (4)" in screen_text(app)
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert app.is_running and "Briefs (5)" in screen_text(app)
    assert len(Store(store_dir).trash()) == 2
