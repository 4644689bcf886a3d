"""Over a form or a question, the footer names the keys that work there: it showed the
reader's keys beneath ("n Next", "a Add note", "^s Save esc Close editor"), where n types
an n into the form and the question answers only its own keys."""

from __future__ import annotations

from store import Store
from tests.tui.helpers import new_app, screen_text, settle
from tui.screens.dialogs import ChoiceScreen
from tui.screens.edit_form import EditFormScreen


async def footer_after(store: Store, *keys: str) -> tuple[object, str]:
    app = new_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*keys)
        await settle(pilot)
        return app.screen, screen_text(app).split("\n")[-1]


async def test_the_row_form_has_its_own_footer(store: Store) -> None:
    screen, footer = await footer_after(store, "tab", "tab", "e")
    assert isinstance(screen, EditFormScreen)
    assert "^s Save" in footer and "esc Cancel" in footer, footer
    assert "Next" not in footer and "Add note" not in footer, footer


async def test_the_unsaved_question_has_its_own_footer(store: Store) -> None:
    screen, footer = await footer_after(store, "a", *"words", "escape")
    assert isinstance(screen, ChoiceScreen)
    assert "esc Cancel" in footer and "Close editor" not in footer, footer


async def test_the_help_screen_says_how_to_close_it(store: Store) -> None:
    _, footer = await footer_after(store, "question_mark")
    assert "Close help" in footer and "Add note" not in footer, footer
