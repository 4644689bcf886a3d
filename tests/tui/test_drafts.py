"""Unsaved editor text survives: kept after a pause, on SIGTERM/SIGHUP, offered back at start."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from store import Store
from tests.tui.helpers import new_app
from tests.tui.pty_reader import PtyReader
from tui.screens.dialogs import ChoiceScreen
from tui.widgets.notes_pane import NotesPane

XI = "2025-10-31-xi-carney-apec-gyeongju"


async def test_pause_in_typing_keeps_a_draft_and_saving_drops_it(store: Store) -> None:
    async with new_app(store).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("a", *"half a thought")
        assert store.drafts() == []
        pilot.app.reader.keep_draft()  # what a pause in typing does
        await pilot.app.workers.wait_for_complete()
        drafts = Store(store.root).drafts()
        assert [(d.brief_id, d.note_id, d.text) for d in drafts] == [(XI, None, "half a thought")]
        await pilot.press("ctrl+s")
        assert Store(store.root).drafts() == []
        assert [n.text for n in Store(store.root).notes(XI)] == ["half a thought"]


async def test_discarding_drops_the_draft(store: Store) -> None:
    store.save_draft(XI, None, "old draft")
    async with new_app(store).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(pilot.app.screen, ChoiceScreen)
        await pilot.press("d")  # discard, said explicitly
        await pilot.pause()
    assert Store(store.root).drafts() == []


async def test_draft_is_offered_back_at_start(store: Store) -> None:
    note = store.add_note(XI, "saved text")
    store.save_draft(XI, note.id, "saved text, plus what was typed before the crash")
    async with new_app(store).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, ChoiceScreen) and "Restore it?" in screen.question
        await pilot.press("enter")  # restore
        await pilot.pause()
        pane = pilot.app.screen.query_one(NotesPane)
        assert pane.session.editing and pane.session.note_id == note.id and pane.session.dirty
        assert pane.editor.text == "saved text, plus what was typed before the crash"
        await pilot.press("ctrl+s")
    reopened = Store(store.root)
    assert reopened.note(note.id).text.endswith("before the crash")  # type: ignore[union-attr]
    assert reopened.drafts() == []


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_signal_keeps_the_draft(store_dir: Path, sig: signal.Signals) -> None:
    Store(store_dir)
    term = PtyReader(store_dir)
    try:
        term.wait_for("Briefs (7)")
        mark = term.write(b"a" + b"typed just before the end")
        term.wait_for("end", since=mark)  # drawn in the editor: handled, not yet kept
        term.signal(sig)
        term.wait_exit()
    finally:
        term.kill()
    drafts = Store(store_dir).drafts()
    assert [d.text for d in drafts] == ["typed just before the end"]


def test_a_closed_terminal_ends_the_reader_and_keeps_the_draft(store_dir: Path) -> None:
    """Closing the window (or `tmux kill-session`) while the editor is open."""
    Store(store_dir)
    term = PtyReader(store_dir)
    try:
        term.wait_for("Briefs (7)")
        mark = term.write(b"a" + b"the window closed on me")
        term.wait_for("on me", since=mark)
        term.hang_up()
        seconds = term.wait_exit()
    finally:
        term.kill()
    print(f"\nended {seconds:.2f}s after the terminal closed", end="")
    assert [d.text for d in Store(store_dir).drafts()] == ["the window closed on me"]


def test_sigterm_keeps_the_draft_while_another_process_holds_the_store(store_dir: Path) -> None:
    """A long import elsewhere holds the store lock; a service manager's SIGTERM (then
    SIGKILL if it lingers) must still find the draft kept: drafts take no store lock."""
    other = Store(store_dir)
    term = PtyReader(store_dir)
    try:
        term.wait_for("Briefs (7)")
        mark = term.write(b"a" + b"while the store was busy")
        term.wait_for("busy", since=mark)
        with other.lock:
            term.signal(signal.SIGTERM)
            term.wait_exit()
    finally:
        term.kill()
    assert [d.text for d in Store(store_dir).drafts()] == ["while the store was busy"]


async def test_an_app_told_to_exit_keeps_what_was_typed(store: Store, store_dir: Path) -> None:
    """A browser tab closing (textual-serve) ends the app without a signal or a question:
    the unsaved text is kept as a draft all the same."""
    from tests.tui.helpers import settle

    app = new_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("a", *"typed just before the tab closed")
        await settle(pilot)
        app.exit()  # what ExitApp does
        await pilot.pause()
    (draft,) = Store(store_dir).drafts()
    assert draft.text == "typed just before the tab closed"
