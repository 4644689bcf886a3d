"""The correction form in a short terminal (80x24) shows every field of an actor row and its
buttons at once: each field took three rows and a blank one above it, so the affiliation
and the Save button were below the bottom edge of the form, reached only by scrolling."""

from __future__ import annotations

from store import Store
from tests.tui.helpers import new_app, screen_text, settle
from tests.tui.test_keystrokes import burst
from tui.screens.edit_form import EditFormScreen


async def test_an_actor_form_fits_in_24_rows(store: Store) -> None:
    app = new_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        burst(app, "tab", "tab", "e")  # the actors table, its first row
        await settle(pilot)
        assert isinstance(app.screen, EditFormScreen)
        text = screen_text(app)
        for shown in (
            "Name",
            "Xi Jinping",
            "Kind",
            "Role",
            "Affiliation",
            "China",
            "Save (ctrl+s)",
        ):
            assert shown in text, shown


async def test_a_tall_terminal_keeps_the_roomy_form(store: Store) -> None:
    app = new_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        burst(app, "tab", "tab", "e")
        await settle(pilot)
        assert isinstance(app.screen, EditFormScreen)
        assert not app.screen.has_class("-short")
        assert "Save (ctrl+s)" in screen_text(app)
