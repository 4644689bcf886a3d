"""`d` on a table row asks about that row by what it says, not by its number: "Remove
actor 2 of this brief?" made a reader count rows to know which one would go."""

from __future__ import annotations

from store import Store
from tests.fixtures.hostile import MARKUP
from tests.tui.helpers import new_app, screen_text, settle
from tui.screens.dialogs import ChoiceScreen

XI = "2025-10-31-xi-carney-apec-gyeongju"


async def question_for(store: Store, *keys: str) -> str:
    """The question `d` asks after `keys`, as asked (the screen shows it wrapped)."""
    app = new_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press(*keys, "d")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceScreen)
        shown = screen_text(app)
        assert all(word in shown for word in app.screen.question.split())
        return app.screen.question


async def test_removing_an_actor_names_it(store: Store) -> None:
    text = await question_for(store, "tab", "tab", "down")  # the actors table, row 2
    assert "Remove the actor “Mark Carney”?" in text


async def test_removing_a_tariff_names_its_parties_and_goods(store: Store) -> None:
    text = await question_for(store, "tab", "tab", "tab")  # the tariffs table, row 1
    assert "Remove the tariff “Canada → China, electric vehicles”?" in text


async def test_the_name_is_shown_as_written(store: Store) -> None:
    store.correct(XI, {"actors.1.name": f"Xi {MARKUP}"})
    text = await question_for(store, "tab", "tab")
    assert f"“Xi {MARKUP}”" in text


async def test_deleting_a_note_names_it(store: Store) -> None:
    """The question quotes the note; ctrl+z brings it back after (test_ux_note_undo.py),
    so it no longer says it cannot be undone."""
    store.add_note(XI, "keep the canola figures")
    question = await question_for(store, "tab", "tab", "tab", "tab", "down")
    assert "keep the canola figures" in question and "cannot be undone" not in question
