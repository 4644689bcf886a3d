"""A note deleted or changed by mistake comes back with ctrl+z, as an edited field or a
deleted brief does. `d` on a note said "It cannot be undone", and a note saved over with
other text kept only the new text: a slip lost the reader's own writing for good."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from store import Store, StoreError
from tests.tui.helpers import new_app, screen_text, settle
from tests.tui.test_keystrokes import burst, notified
from tui.app import BriefingApp
from tui.screens.dialogs import ChoiceScreen

XI = "2025-10-31-xi-carney-apec-gyeongju"
TO_NOTES = ("tab", "tab", "tab", "tab")  # list → summary → actors → tariffs → notes


async def _to_notes(app: BriefingApp, pilot: Pilot[None]) -> None:
    await settle(pilot)
    burst(app, *TO_NOTES)
    await settle(pilot)
    assert app.focused is app.reader.notes_pane.note_list


async def test_ctrl_z_brings_back_a_deleted_note(store: Store, store_dir: Path) -> None:
    note = store.add_note(XI, "ask the desk about canola")
    app = new_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await _to_notes(app, pilot)
        burst(app, "d")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceScreen)
        assert "cannot be undone" not in app.screen.question
        burst(app, "y")
        await settle(pilot)
        assert Store(store_dir).notes(XI) == []
        assert "ctrl+z" in notified(app)[-1]  # the notice says how to get it back
        burst(app, "ctrl+z")
        await settle(pilot)
        assert Store(store_dir).notes(XI) == [note]  # its id, text and times
        assert "ask the desk about canola" in screen_text(app)
        assert app.reader.notes_pane.note_list.highlighted_note_id == note.id


async def test_ctrl_z_brings_back_the_text_a_save_replaced(store: Store, store_dir: Path) -> None:
    note = store.add_note(XI, "the figures from Ottawa")
    app = new_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await _to_notes(app, pilot)
        # Every character gone (a held backspace), something else typed, saved, closed.
        burst(app, "e", *["backspace"] * 30, *"oops", "ctrl+s", "escape")
        await settle(pilot)
        assert [n.text for n in Store(store_dir).notes(XI)] == ["oops"]
        burst(app, "ctrl+z")
        await settle(pilot)
        assert [(n.id, n.text) for n in Store(store_dir).notes(XI)] == [
            (note.id, "the figures from Ottawa")
        ]


async def test_in_the_editor_ctrl_z_undoes_the_typing(store: Store, store_dir: Path) -> None:
    """In the editor ctrl+z is the editor's own undo: text cleared there comes back."""
    store.add_note(XI, "the figures from Ottawa")
    app = new_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await _to_notes(app, pilot)
        burst(app, "e", *["backspace"] * 30)
        await settle(pilot)
        assert app.reader.notes_pane.editor.text == ""
        burst(app, "ctrl+z")
        await settle(pilot)
        assert app.reader.notes_pane.editor.text == "the figures from Ottawa"
        assert [n.text for n in Store(store_dir).notes(XI)] == ["the figures from Ottawa"]


async def test_undo_after_a_deleted_note_then_a_deleted_brief(store: Store) -> None:
    """ctrl+z goes back one step at a time, newest first, across notes and briefs."""
    store.add_note(XI, "keep me")
    app = new_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await _to_notes(app, pilot)
        burst(app, "d", "y", "shift+tab", "shift+tab", "shift+tab", "shift+tab", "D", "y")
        await settle(pilot)
        assert XI not in app.catalog.rows
        burst(app, "ctrl+z")
        await settle(pilot)
        assert XI in app.catalog.rows and store.notes(XI) == []
        burst(app, "ctrl+z")
        await settle(pilot)
        assert [n.text for n in store.notes(XI)] == ["keep me"]


async def test_y_right_after_d_answers_the_question(store: Store, store_dir: Path) -> None:
    """`d` then `y` at once: the `y` reached the note list before the question came, and
    the question was left open over the reader."""
    store.add_note(XI, "gone")
    app = new_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await _to_notes(app, pilot)
        burst(app, "d", "y")
        await settle(pilot)
        assert app.screen is app.reader
        assert Store(store_dir).notes(XI) == []


def test_a_note_is_restored_only_where_it_can_be(store: Store) -> None:
    note = store.add_note(XI, "once")
    with pytest.raises(StoreError, match="already"):
        store.restore_note(note)
    removed = store.delete_note(note.id)
    assert removed == note
    store.delete_brief(XI)
    with pytest.raises(StoreError, match="trash"):
        store.restore_note(note)
    store.undelete(XI)
    assert store.restore_note(note) == note and store.notes(XI) == [note]


async def test_undo_from_another_brief_shows_the_note_back_on_its_own(
    store: Store, store_dir: Path
) -> None:
    note = store.add_note(XI, "ask about canola")
    app = new_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await _to_notes(app, pilot)
        burst(app, "d", "y", "n")  # deleted, then on to the next brief
        await settle(pilot)
        assert app.reader.brief is not None and app.reader.brief.id != XI
        burst(app, "ctrl+z")
        await settle(pilot)
        assert app.reader.brief is not None and app.reader.brief.id == XI
        assert app.reader.brief_list.highlighted_id == XI
        assert app.reader.notes_pane.note_list.highlighted_note_id == note.id
        assert Store(store_dir).notes(XI) == [note]
