"""A first start on a new store says the briefs are samples and how to bring your own;
it showed seven briefs with no word of either."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from store import Store
from tests.tui.helpers import TODAY, settle
from tui.app import make_app
from tui.timings import FROZEN

WELCOMING = dataclasses.replace(FROZEN, welcome_after=0)


async def test_a_new_store_says_its_briefs_are_samples(store_dir: Path) -> None:
    app = make_app(Store(store_dir), today=lambda: TODAY, timings=WELCOMING)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        (notice,) = [n.message for n in app._notifications if n.title == "Welcome"]
        assert "7 sample briefs" in notice and "briefing import PATH" in notice


async def test_a_store_opened_again_says_nothing_of_samples(store_dir: Path) -> None:
    Store(store_dir)  # made and seeded
    app = make_app(Store(store_dir), today=lambda: TODAY, timings=WELCOMING)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert not [n for n in app._notifications if n.title == "Welcome"]


async def test_the_first_key_after_the_welcome_lets_it_go(store_dir: Path) -> None:
    # It covered the right of the screen for 30 s, over the note editor a first `a` opens.
    app = make_app(Store(store_dir), today=lambda: TODAY, timings=WELCOMING)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert [n.title for n in app._notifications] == ["Welcome"]
        await pilot.press("j")
        await settle(pilot)
        assert not [n for n in app._notifications if n.title == "Welcome"]
        app.notify("Saved.")  # later notices stay for their own time
        await pilot.press("k")
        await settle(pilot)
        assert [n.message for n in app._notifications] == ["Saved."]
