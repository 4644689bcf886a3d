"""Pilot tests: press the real keys, then check the screen and the store on disk."""

from __future__ import annotations

from pathlib import Path

import pytest

from store import Store
from tests.fixtures.full_disk import open_on_full_disk
from tests.tui.helpers import new_app, reader_files, screen_text
from tui.app import BriefingApp
from tui.screens.dialogs import ChoiceScreen
from tui.screens.help import HelpScreen
from tui.screens.reader import ReaderScreen
from tui.widgets.notes_pane import NotesPane

XI = "2025-10-31-xi-carney-apec-gyeongju"
CANOLA = "2025-08-12-china-anti-dumping-deposit-canadian-canola"
SIZE = (120, 40)


def reader(store: Store) -> BriefingApp:
    return new_app(store)


def shown_id(app: BriefingApp) -> str | None:
    screen = app.screen
    assert isinstance(screen, ReaderScreen)
    return screen.brief.id if screen.brief else None


def notes_on_disk(store_dir: Path, brief_id: str) -> list[str]:
    return [n.text for n in Store(store_dir).notes(brief_id)]


async def test_first_start_shows_samples_and_first_brief(store: Store) -> None:
    async with reader(store).run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(pilot.app)
        assert "Briefs (7)" in text
        assert "Xi and Carney meet at APEC" in text
        assert "31 Oct 2025 · 28 days ago · The Associated Press" in text
        assert "Key actors (9)" in text and "Mark Carney" in text
        assert "Notes (0)" in text
        pilot.app.screen.query_one("#tariffs").focus()  # below the actors: scrolled to
        await pilot.pause()
        text = screen_text(pilot.app)
        assert "Canada →" in text and "100%" in text  # the cell wraps at this width


async def test_n_and_p_move_between_briefs_from_any_pane(store: Store) -> None:
    async with reader(store).run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert shown_id(pilot.app) == XI
        await pilot.press("n")
        assert shown_id(pilot.app) == CANOLA
        assert "75.8%" in screen_text(pilot.app)
        await pilot.press("tab", "tab", "n")  # from the actors table
        assert shown_id(pilot.app) != CANOLA
        await pilot.press("p", "p")
        assert shown_id(pilot.app) == XI
        await pilot.press("p")  # already first: stays
        assert shown_id(pilot.app) == XI
        pilot.app.screen.query_one("#brief-list").focus()
        await pilot.press("j", "j")  # j/k move in the focused list
        assert shown_id(pilot.app) != XI


async def test_add_note_saves_to_disk_and_survives_restart(store: Store, store_dir: Path) -> None:
    async with reader(store).run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.press(*"Ask the desk")
        text = screen_text(pilot.app)
        assert "New note" in text and "unsaved changes" in text and "● unsaved" in text
        assert notes_on_disk(store_dir, XI) == []
        await pilot.press("ctrl+s")
        assert notes_on_disk(store_dir, XI) == ["Ask the desk"]
        await pilot.pause()
        text = screen_text(pilot.app)
        assert "Notes (1)" in text and "saved" in text and "● unsaved" not in text
        await pilot.press("escape", "q")
    assert not pilot.app.is_running

    async with reader(Store(store_dir)).run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(pilot.app)
        assert "Notes (1)" in text and "Ask the desk" in text
        assert "1✎" in text  # the list shows the note count


async def test_edit_and_delete_a_note(store: Store, store_dir: Path) -> None:
    store.add_note(XI, "first draft")
    async with reader(store).run_test(size=SIZE) as pilot:
        await pilot.pause()
        pilot.app.screen.query_one("#note-list").focus()
        await pilot.press("e")
        pane = pilot.app.screen.query_one(NotesPane)
        assert pane.session.editing and pane.editor.text == "first draft"
        await pilot.press("end", *", revised", "ctrl+s")
        assert notes_on_disk(store_dir, XI) == ["first draft, revised"]
        assert "edited" in screen_text(pilot.app)
        await pilot.press("escape")
        assert not pane.session.editing
        await pilot.press("d")
        assert isinstance(pilot.app.screen, ChoiceScreen)
        await pilot.press("n")  # keep it
        assert notes_on_disk(store_dir, XI) == ["first draft, revised"]
        await pilot.press("d", "y")
        assert notes_on_disk(store_dir, XI) == []
        assert "Notes (0)" in screen_text(pilot.app)


async def test_enter_on_a_note_edits_it(store: Store) -> None:
    store.add_note(XI, "via enter")
    async with reader(store).run_test(size=SIZE) as pilot:
        await pilot.pause()
        pilot.app.screen.query_one("#note-list").focus()
        await pilot.press("enter")
        pane = pilot.app.screen.query_one(NotesPane)
        assert pane.session.editing and pane.session.note_id is not None


async def test_escape_asks_before_dropping_unsaved_text(store: Store, store_dir: Path) -> None:
    async with reader(store).run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("a", *"half a thought", "escape")
        assert isinstance(pilot.app.screen, ChoiceScreen)
        await pilot.press("c")  # cancel: keep editing
        pane = pilot.app.screen.query_one(NotesPane)
        assert pane.session.editing and pane.editor.text == "half a thought"
        await pilot.press("escape", "d")  # discard
        assert not pane.session.editing
    assert notes_on_disk(store_dir, XI) == []


async def test_quit_asks_when_a_note_is_unsaved(store: Store, store_dir: Path) -> None:
    async with reader(store).run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("a", *"unsaved", "tab")  # leave the editor, text still there
        await pilot.press("q")
        assert isinstance(pilot.app.screen, ChoiceScreen)
        await pilot.press("c")
        assert pilot.app.is_running
        await pilot.press("q", "d")
    assert not pilot.app.is_running
    assert notes_on_disk(store_dir, XI) == []


async def test_typing_q_in_the_editor_types_it(store: Store) -> None:
    async with reader(store).run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("a", "q", "n", "p")
        assert pilot.app.is_running
        assert pilot.app.screen.query_one(NotesPane).editor.text == "qnp"
        assert shown_id(pilot.app) == XI


async def test_moving_with_unsaved_note_asks_first(store: Store) -> None:
    async with reader(store).run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("a", *"draft", "tab", "n")
        assert isinstance(pilot.app.screen, ChoiceScreen)
        await pilot.press("c")
        assert shown_id(pilot.app) == XI
        await pilot.press("n", "d")
        assert shown_id(pilot.app) == CANOLA


async def test_empty_note_is_not_saved(store: Store, store_dir: Path) -> None:
    async with reader(store).run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("a", "ctrl+s")
        assert notes_on_disk(store_dir, XI) == []


async def test_help_lists_the_bindings(store: Store) -> None:
    async with reader(store).run_test(size=(100, 60)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        assert isinstance(pilot.app.screen, HelpScreen)
        text = screen_text(pilot.app)
        for words in ("Next", "Prev", "Add note", "Quit", "Down"):
            assert words in text
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, ReaderScreen)


async def test_help_puts_the_readers_keys_first_under_headings(store: Store) -> None:
    """A new reader looks for n, a and / first: the screen's own keys come before the
    list's (where the focus is) and the app-wide ones, each group under a heading."""
    async with reader(store).run_test(size=(100, 60)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        lines = screen_text(pilot.app).splitlines()

        def first(words: str) -> int:
            return next(i for i, line in enumerate(lines) if words in line)

        assert first("In the reader") < first("Add note") < first("In the list")
        assert first("In the list") < first("list.down") < first("Everywhere")
        assert first("Everywhere") < first("app.interrupt")


async def test_mouse_click_selects_a_brief(store: Store) -> None:
    async with reader(store).run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.click("#brief-list", offset=(10, 3))
        assert shown_id(pilot.app) != XI


async def test_small_terminal_keeps_every_pane_reachable(store: Store) -> None:
    store.add_note(XI, "visible at 80x24")
    async with reader(store).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Briefs (7)" in screen_text(pilot.app)
        seen = set()
        for _ in range(6):
            await pilot.press("tab")
            focused = pilot.app.focused
            assert focused is not None
            seen.add(focused.id)
        assert {"brief-list", "actors", "tariffs", "note-list"} <= seen
        pilot.app.screen.query_one("#note-list").focus()
        await pilot.pause()
        assert "visible at 80x24" in screen_text(pilot.app)


async def test_full_disk_keeps_text_in_the_editor(
    store: Store, store_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.add_note(XI, "older note")
    async with reader(store).run_test(size=SIZE) as pilot:
        pilot.app.reader.mark_shown_read()  # what staying on it for a second does
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        before = reader_files(store_dir)
        await pilot.press("a", *"precious words")
        monkeypatch.setattr("store.storage.open", open_on_full_disk, raising=False)
        await pilot.press("ctrl+s")
        await pilot.pause()
        pane = pilot.app.screen.query_one(NotesPane)
        assert pane.session.editing and pane.session.dirty and pane.editor.text == "precious words"
        text = screen_text(pilot.app)
        assert "Not saved" in text and "No space left on device" in (pane.session.error or "")
        assert reader_files(store_dir) == before
        monkeypatch.undo()
        await pilot.press("ctrl+s")  # space again: the same text saves
    assert sorted(notes_on_disk(store_dir, XI)) == ["older note", "precious words"]


async def test_a_large_list_counts_with_thousands_separators(store: Store) -> None:
    import dataclasses

    from briefs.samples import load_samples

    sample = load_samples()[0]
    store.import_briefs(
        dataclasses.replace(sample, id=f"{sample.id}-{k}", title=f"Copy {k}") for k in range(1000)
    )
    async with reader(store).run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Briefs (1,007)" in screen_text(pilot.app)
