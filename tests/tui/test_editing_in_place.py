"""The summary is edited in place (e), kept as a draft like a note, put back to the
source's value field by field (r); a removed row comes back with +; a field the source
changed since the reader edited it is marked in the panes, with both values."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from store import Store
from tests.tui.helpers import new_app, screen_text, settle
from tui.screens.dialogs import ChoiceScreen, PickScreen
from tui.screens.edit_form import EditFormScreen

XI = "2025-10-31-xi-carney-apec-gyeongju"
SIZE = (120, 40)


async def open_summary_editor(pilot, *, select: bool = False) -> None:  # type: ignore[no-untyped-def]
    """e on the summary; `select`: its text selected, as shift and the arrows would, so
    what is typed next replaces it."""
    pilot.app.screen.query_one("#detail").focus()
    await settle(pilot)
    await pilot.press("e")
    await settle(pilot)
    if select:
        pilot.app.screen.query_one("#summary-editor").select_all()


async def test_e_on_the_summary_edits_it_in_place_and_ctrl_s_saves(
    store: Store, store_dir: Path
) -> None:
    app = new_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_summary_editor(pilot, select=True)
        editor = app.screen.query_one("#summary-editor")
        assert app.screen.focused is editor  # in place: no form over the reader
        assert not isinstance(app.screen, EditFormScreen)
        assert "Summary · editing" in screen_text(app)
        await pilot.press(*"Both leaders agreed to [b]talk[/b] again.")
        await settle(pilot)
        assert "unsaved changes" in screen_text(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
        text = screen_text(app)
        assert "Both leaders agreed to [b]talk[/b] again." in text  # data, not markup
        assert "✎ summary edited" in text
        assert app.screen.focused is app.screen.query_one("#detail")
    assert Store(store_dir).brief(XI).summary == "Both leaders agreed to [b]talk[/b] again."  # type: ignore[union-attr]


async def test_leaving_an_unsaved_summary_asks_and_discard_keeps_the_source(
    store: Store, store_dir: Path
) -> None:
    before = store.brief(XI)
    app = new_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_summary_editor(pilot)
        await pilot.press(*" More.", "n")  # n types here; it is no command in an editor
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceScreen)
        assert "The summary has unsaved changes." in app.screen.question
        await pilot.press("d")
        await settle(pilot)
        assert "Summary · editing" not in screen_text(app)
    assert Store(store_dir).brief(XI) == before
    assert Store(store_dir).drafts() == []


async def test_an_unsaved_summary_is_kept_as_a_draft_and_restored_in_place(
    store: Store, store_dir: Path
) -> None:
    app = new_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_summary_editor(pilot, select=True)
        await pilot.press(*"Typed, never saved")
        await settle(pilot)
        app.reader.keep_draft()  # what a pause in typing does
        await settle(pilot)
    (draft,) = Store(store_dir).drafts()
    assert draft.target == "summary" and draft.text == "Typed, never saved"
    app = new_app(Store(store_dir))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("enter")
        await settle(pilot)
        editor = app.screen.query_one("#summary-editor")
        assert app.screen.focused is editor and editor.text == "Typed, never saved"
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert Store(store_dir).brief(XI).summary == "Typed, never saved"  # type: ignore[union-attr]
    assert Store(store_dir).drafts() == []


async def test_r_puts_back_one_field_of_a_row_and_leaves_the_other(
    store: Store, store_dir: Path
) -> None:
    store.correct(XI, {"tariffs.1.rate": "30%", "tariffs.1.status": "suspended"})
    source = store.source_brief(XI)
    assert source is not None
    app = new_app(Store(store_dir))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.screen.query_one("#tariffs").focus()
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        pick = app.screen
        assert isinstance(pick, PickScreen)
        assert [value for value, _ in pick.options] == [
            "tariffs.1.rate",
            "tariffs.1.status",
            "tariffs.1",
        ]
        await pilot.press("enter")  # the first: the rate
        await settle(pilot)
    brief = Store(store_dir).brief(XI)
    assert brief is not None
    assert brief.tariffs[0].rate == source.tariffs[0].rate
    assert brief.tariffs[0].status == "suspended"


async def test_r_on_a_brief_nothing_edited_says_so(store: Store) -> None:
    app = new_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.screen.query_one("#actors").focus()
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert not isinstance(app.screen, PickScreen)
        assert any("Nothing here was edited" in n.message for n in app._notifications)


async def test_plus_brings_back_a_removed_source_row(store: Store, store_dir: Path) -> None:
    first = store.brief(XI).actors[0]  # type: ignore[union-attr]
    store.remove_row(XI, "actors.1")
    app = new_app(Store(store_dir))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "1 removed (+ brings back)" in screen_text(app)
        app.screen.query_one("#actors").focus()
        await settle(pilot)
        await pilot.press("plus")
        await settle(pilot)
        pick = app.screen
        assert isinstance(pick, PickScreen)
        assert [value for value, _ in pick.options] == ["new", "actors.1"]
        await pilot.press("j", "enter")
        await settle(pilot)
        assert "removed" not in screen_text(app)
    assert Store(store_dir).brief(XI).actors[0] == first  # type: ignore[union-attr]


async def test_a_field_the_source_changed_since_the_edit_is_marked_with_both_values(
    store: Store, store_dir: Path
) -> None:
    store.correct(XI, {"tariffs.1.rate": "30%", "summary": "Mine."})
    xi = store.source_brief(XI)
    assert xi is not None
    moved = dataclasses.replace(xi.tariffs[0], rate="45%")
    store.import_briefs(
        [
            dataclasses.replace(
                xi, summary="The source's new summary.", tariffs=(moved, *xi.tariffs[1:])
            )
        ]
    )
    app = new_app(Store(store_dir))
    async with app.run_test(size=(200, 50)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "Mine." in text  # the reader's value wins
        assert "✎ summary edited · ! source changed" in text
        assert "✎! " in text and "Tariffs (" in text
        app.screen.query_one("#tariffs").focus()
        await settle(pilot)
        text = screen_text(app)
        assert "Source changed: rate: the source now says “45%”" in text
        await pilot.press("r")
        await settle(pilot)
        pick = app.screen
        assert isinstance(pick, PickScreen)
        assert "(changed since your edit)" in pick.options[0][1]


async def test_ctrl_s_on_an_unchanged_summary_writes_nothing_and_leaves_undo_alone(
    store: Store, store_dir: Path
) -> None:
    store.correct(XI, {"actors.1.role": "Leader"})
    app = new_app(Store(store_dir))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.reader._undo.append(("edit", XI))  # the role edit, as if made here
        await open_summary_editor(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert Store(store_dir).corrections(XI).edited == frozenset({"actors.1.role"})
        assert app.reader._undo == [("edit", XI)]  # nothing new to undo


async def test_why_the_summary_was_not_saved_shows_as_data_not_markup(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from store import StoreError

    def refuse(*_: object, **__: object) -> None:
        raise StoreError("/stores/[b]desk[/b]/corrections/07.json: no space left")

    app = new_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_summary_editor(pilot)
        monkeypatch.setattr(app.store, "correct", refuse)
        await pilot.press(*" more", "ctrl+s")
        await settle(pilot)
        assert "/stores/[b]desk[/b]/corrections" in screen_text(app)
