"""Naming a view (v) says how to finish: the footer named only escape, since enter is the
field's own key, and a reader could not tell that enter saves the name."""

from __future__ import annotations

from store import Store
from tests.tui.helpers import new_app, screen_text, settle
from tests.tui.test_keystrokes import burst
from tui.screens.dialogs import PromptScreen


async def test_the_view_prompt_says_enter_saves(store: Store) -> None:
    app = new_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        burst(app, "/", *"canola", "enter", "v")
        await settle(pilot)
        assert isinstance(app.screen, PromptScreen)
        assert "enter saves" in screen_text(app)
        burst(app, *"oilseeds", "enter")
        await settle(pilot)
        assert app.screen is app.reader
        assert store.views() == {"oilseeds": "canola"}
