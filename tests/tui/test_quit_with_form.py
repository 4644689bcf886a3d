"""Quitting while a correction form holds changes asks first, as it does for a note."""

from __future__ import annotations

from pathlib import Path

import pytest

from store import Store
from tests.tui.helpers import new_app, screen_text, settle
from tests.tui.test_editing import SIZE, XI, edit_row
from tui.screens.dialogs import ChoiceScreen
from tui.screens.edit_form import EditFormScreen


async def type_a_role(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    form = await edit_row(pilot, "actors", 2)  # Mark Carney
    form.query_one("#field-2").focus()
    await pilot.press("ctrl+u", *text)
    await settle(pilot)


@pytest.mark.parametrize("key", ["ctrl+q", "ctrl+c"])
async def test_quit_with_an_edited_form_asks_and_save_saves_then_quits(
    store: Store, store_dir: Path, key: str
) -> None:
    app = new_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await type_a_role(pilot, "Chief Negotiator")
        await pilot.press(key)
        await settle(pilot)
        assert isinstance(app.screen, ChoiceScreen)
        assert "unsaved changes" in screen_text(app)
        assert app.is_running
        await pilot.press("s")
        await settle(pilot)
    assert not app.is_running
    corrected = Store(store_dir).brief(XI)
    assert corrected is not None and corrected.actors[1].role == "Chief Negotiator"


async def test_quit_with_an_edited_form_cancel_stays_in_the_form(
    store: Store, store_dir: Path
) -> None:
    app = new_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await type_a_role(pilot, "Chief Negotiator")
        await pilot.press("ctrl+q")
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, EditFormScreen)
        assert app.screen.query_one("#field-2").value == "Chief Negotiator"
        await pilot.press("ctrl+q")  # asked again, and discard quits
        await settle(pilot)
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("d")
        await settle(pilot)
    assert not app.is_running
    source = Store(store_dir).brief(XI)
    assert source is not None and source.actors[1].role != "Chief Negotiator"


async def test_quit_with_an_untouched_form_quits_at_once(store: Store) -> None:
    app = new_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await edit_row(pilot, "actors", 2)
        await pilot.press("ctrl+q")
        await settle(pilot)
    assert not app.is_running
