"""The footer redraws its keys once for a burst of binding changes, and only when what it
shows changed (Textual's recomposed it ten times while the reader started)."""

from __future__ import annotations

import pytest

from store import Store
from tests.tui.helpers import new_app, screen_text, settle
from tui.widgets.keys_footer import KeysFooter

SIZE = (120, 40)


@pytest.fixture
def redraws(monkeypatch: pytest.MonkeyPatch) -> list[KeysFooter]:
    """Every repaint the footer asks for because its keys changed."""
    seen: list[KeysFooter] = []
    real = KeysFooter.redraw

    def counted(self: KeysFooter) -> None:
        seen.append(self)
        real(self)

    monkeypatch.setattr(KeysFooter, "redraw", counted)
    return seen


async def test_the_reader_starts_with_one_footer_drawing(store: Store, redraws: list) -> None:
    app = new_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "n Next" in screen_text(app)
        assert len(redraws) == 1


async def test_the_footer_follows_the_focus_and_skips_what_changes_nothing(
    store: Store, redraws: list
) -> None:
    app = new_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        redraws.clear()
        await pilot.press("slash")  # the search box: its own keys, not the reader's letters
        await settle(pilot)
        assert "Clear search" in screen_text(app)
        assert "n Next" not in screen_text(app)
        assert len(redraws) == 1
        await pilot.press("escape")
        await settle(pilot)
        assert "n Next" in screen_text(app)
        drawn = len(redraws)
        app.screen.refresh_bindings()  # nothing changed: nothing redrawn
        await settle(pilot)
        assert len(redraws) == drawn


def footer_line(app) -> str:  # type: ignore[no-untyped-def]
    return screen_text(app).splitlines()[-1]


async def test_the_notes_keys_show_only_when_there_is_a_note(store: Store) -> None:
    """On the notes of a brief with none, d (delete) and e (edit) have nothing to act on."""
    app = new_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")  # a brief without notes
        await settle(pilot)
        app.reader.notes_pane.note_list.focus()
        await settle(pilot)
        assert "Delete note" not in footer_line(app) and "e Edit" not in footer_line(app)
        await pilot.press("a", *"a first note", "ctrl+s", "escape")
        await settle(pilot)
        app.reader.notes_pane.note_list.focus()
        await settle(pilot)
        assert "d Delete note" in footer_line(app) and "e Edit" in footer_line(app)
