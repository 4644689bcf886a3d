"""The note editor at the edges: it stays with its brief, survives deletes, keeps drafts."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from store import Store
from tests.conftest import TODAY
from tests.tui.helpers import new_app, screen_text
from tui.app import BriefingApp, make_app
from tui.screens.dialogs import ChoiceScreen
from tui.screens.reader import ReaderScreen
from tui.timings import FROZEN
from tui.widgets.notes_pane import NotesPane
from tui.widgets.search_bar import SearchBar

XI = "2025-10-31-xi-carney-apec-gyeongju"
SIZE = (120, 40)


def reader(store: Store) -> BriefingApp:
    return new_app(store)


def notes(store_dir: Path, brief_id: str) -> list[str]:
    return [n.text for n in Store(store_dir).notes(brief_id)]


async def test_clicking_another_brief_asks_and_keep_saves_on_the_right_brief(
    store: Store, store_dir: Path
) -> None:
    app = reader(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("a", *"about Xi", "tab")
        await pilot.click("#brief-list", offset=(10, 4))
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("c")  # cancel: keep writing
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReaderScreen) and screen.brief is not None
        assert screen.brief.id == XI and screen.brief_list.highlighted_id == XI
        await pilot.press("ctrl+s")
    assert notes(store_dir, XI) == ["about Xi"]


async def test_moving_with_a_clean_editor_just_closes_it(store: Store) -> None:
    app = reader(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("a", "tab")
        await pilot.click("#brief-list", offset=(10, 3))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        assert not screen.session.editing and screen.brief.id != XI  # type: ignore[union-attr]


async def test_deleting_the_note_being_edited_keeps_the_text_as_a_new_note(
    store: Store, store_dir: Path
) -> None:
    store.add_note(XI, "original")
    app = reader(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.query_one("#note-list").focus()
        await pilot.press("e", "end", *" plus more", "shift+tab", "d", "y")
        await pilot.pause()
        assert notes(store_dir, XI) == []
        pane = app.screen.query_one(NotesPane)
        assert pane.session.editing and pane.session.note_id is None
        assert "New note" in screen_text(app)
        await pilot.press("ctrl+s")
    assert notes(store_dir, XI) == ["original plus more"]


async def test_a_draft_whose_brief_is_gone_is_kept(store: Store, store_dir: Path) -> None:
    store.save_draft("2020-01-01-not-in-the-store", None, "words to keep")
    app = reader(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)  # nothing to offer now…
    assert [d.text for d in Store(store_dir).drafts()] == ["words to keep"]  # …nor lost


async def test_unread_stays_unread(store: Store, store_dir: Path) -> None:
    # The one test with a running read timer: u must stop it, however soon it would fire.
    app = make_app(store, today=lambda: TODAY, timings=replace(FROZEN, read_after=0.01))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause(0.3)
        await app.workers.wait_for_complete()
    assert not Store(store_dir).state(XI).read


async def test_queries_from_data_reach_the_search_bar_without_control_characters(
    store: Store,
) -> None:
    app = reader(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        screen.apply_query('actor:"X\x1b[2J\x1b]52;c;aGk=\x07"')
        await pilot.pause()
        value = screen.query_one(SearchBar).input.value
        assert "\x1b" not in value and "\x07" not in value and "␛[2J" in value


def test_a_note_longer_than_an_import_takes_is_kept_in_the_editor_not_saved(
    store: Store,
) -> None:
    from briefs.model import MAX_CHARS
    from tui.note_session import EmptyNote, NoteSession

    session = NoteSession(store)
    session.open("2025-10-31-xi-carney-apec-gyeongju", None)
    session.typed("x" * (MAX_CHARS["text"] + 1))
    with pytest.raises(EmptyNote, match="at most 1,000,000 characters"):
        session.save()
    assert session.dirty and store.notes("2025-10-31-xi-carney-apec-gyeongju") == []
