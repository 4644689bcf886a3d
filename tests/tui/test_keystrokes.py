"""Never lose a keystroke: bursts of keys, every way out, the questions the reader asks.

A burst is posted to the app's queue all at once (`burst`), as a terminal delivers a paste
or fast typing: no key waits for the one before it to be handled. Pilot's `press` waits
after each key, which would hide the races these tests are about.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from textual.widgets import Button

from store import Store
from tests.store.test_read_only import make_read_only
from tests.tui.helpers import new_app, screen_text, settle
from tests.tui.pty_reader import PtyReader
from tui.app import BriefingApp
from tui.screens.dialogs import ChoiceScreen
from tui.screens.reader import ReaderScreen
from tui.widgets.notes_pane import NotesPane

XI = "2025-10-31-xi-carney-apec-gyeongju"
CANOLA = "2025-08-12-china-anti-dumping-deposit-canadian-canola"
SIZE = (120, 40)
SENTENCE = "The quick brown fox jumps over the lazy dog"


def burst(app: BriefingApp, *keys: str) -> None:
    """Queue every key at once; single characters are typed, longer names are keys."""
    for key in keys:
        if len(key) == 1:
            name = {" ": "space", "/": "slash", "?": "question_mark"}.get(key, key)
            app.post_message(events.Key(name, key))
        else:
            app.post_message(events.Key(key, None))


def notes(store_dir: Path, brief_id: str = XI) -> list[str]:
    return [n.text for n in Store(store_dir).notes(brief_id)]


def reader(app: BriefingApp) -> ReaderScreen:
    return app.reader


def notified(app: BriefingApp) -> list[str]:
    return [n.message for n in app._notifications]


async def test_ctrl_s_saves_every_key_typed_before_it(store: Store, store_dir: Path) -> None:
    app = new_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        burst(app, "a", *SENTENCE, "ctrl+s")
        await settle(pilot)
        assert notes(store_dir) == [SENTENCE]
        assert notified(app) == ["Note saved."]


async def test_keys_typed_right_after_a_go_to_the_editor(store: Store, store_dir: Path) -> None:
    app = new_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        before = [row.id for row in app.catalog.rows.values()]
        burst(app, "a", *"hello world, so nothing runs: n p s o u q")
        await settle(pilot)
        pane = app.screen.query_one(NotesPane)
        assert pane.editor.text == "hello world, so nothing runs: n p s o u q"
        screen = reader(app)
        assert screen.brief is not None and screen.brief.id == XI
        assert "by date" in screen_text(app)  # `o` did not change the order
        assert not Store(store_dir).state(XI).starred and app.is_running
        assert [row.id for row in app.catalog.rows.values()] == before


async def test_keys_typed_right_after_e_go_to_the_editor(store: Store, store_dir: Path) -> None:
    store.add_note(XI, "first")
    app = new_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.screen.query_one("#note-list").focus()
        await settle(pilot)
        burst(app, "e", *", then more", "ctrl+s")
        await settle(pilot)
    assert notes(store_dir) == ["first, then more"]


async def test_restore_prompt_restores_on_enter_with_restore_the_primary_button(
    store: Store,
) -> None:
    store.save_draft(XI, None, "left behind")
    app = new_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ChoiceScreen)
        assert dialog.query_one("#choice-restore", Button).variant == "primary"
        assert dialog.query_one("#choice-discard", Button).variant == "error"
        assert dialog.focused is dialog.query_one("#choice-restore")
        await pilot.press("enter")
        await settle(pilot)
        pane = app.screen.query_one(NotesPane)
        assert pane.session.editing and pane.editor.text == "left behind"
    # Restored and still unsaved: the text is kept as this editor's draft, once.
    assert [d.text for d in Store(store.root).drafts()] == ["left behind"]


async def test_escape_on_the_restore_prompt_keeps_the_draft_for_next_time(
    store: Store, store_dir: Path
) -> None:
    store.save_draft(XI, None, "not now")
    for _ in range(2):
        app = new_app(Store(store_dir))
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert isinstance(app.screen, ChoiceScreen)  # asked again the second time
            await pilot.press("escape")
            await settle(pilot)
            assert isinstance(app.screen, ReaderScreen)
    assert [d.text for d in Store(store_dir).drafts()] == ["not now"]


async def test_a_stray_letter_does_not_answer_the_restore_prompt(store: Store) -> None:
    store.save_draft(XI, None, "keep me")
    app = new_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("y", "n", "x")
        assert isinstance(app.screen, ChoiceScreen)
    assert [d.text for d in Store(store.root).drafts()] == ["keep me"]


async def test_ctrl_q_with_unsaved_text_asks_and_keeps_all_of_it(
    store: Store, store_dir: Path
) -> None:
    app = new_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        burst(app, "a", *"abc")
        await settle(pilot)
        burst(app, *"def", "ctrl+q")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceScreen) and app.is_running
        # While the question is open, everything typed is already kept.
        assert [d.text for d in Store(store_dir).drafts()] == ["abcdef"]
        await pilot.press("c")  # cancel: back to the editor
        assert app.screen.query_one(NotesPane).editor.text == "abcdef"
        await pilot.press("ctrl+q", "s")  # save, then quit
        await settle(pilot)
    assert not app.is_running
    assert notes(store_dir) == ["abcdef"]
    assert Store(store_dir).drafts() == []


async def test_ctrl_c_asks_too_and_discard_drops_the_draft(store: Store, store_dir: Path) -> None:
    app = new_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        burst(app, "a", *"second thoughts", "ctrl+c")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceScreen)
        assert "[b]" not in screen_text(app)  # no markup leaked into a message
        await pilot.press("d")
        await settle(pilot)
    assert not app.is_running
    assert notes(store_dir) == [] and Store(store_dir).drafts() == []


async def test_quit_without_unsaved_text_asks_nothing(store: Store) -> None:
    app = new_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+q")
        await settle(pilot)
    assert not app.is_running


async def test_a_change_elsewhere_never_opens_a_question_over_the_editor(
    store: Store, store_dir: Path
) -> None:
    app = new_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.reader.apply_query("is:unread")
        await pilot.press("enter")  # into the results
        await settle(pilot)
        burst(app, "a", *"annotating")
        await settle(pilot)
        app.reader.mark_shown_read()  # the brief being annotated drops out of is:unread…
        await settle(pilot)
        Store(store_dir).add_note(CANOLA, "a write from elsewhere")
        app.poll_disk()  # …and the list reloads
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        screen = reader(app)
        assert screen.brief is not None and screen.brief.id == XI
        assert screen.brief_list.highlighted_id == XI
        burst(app, *" yes", "ctrl+s")  # a word starting with y discards nothing
        await settle(pilot)
    assert notes(store_dir) == ["annotating yes"]


async def test_saving_a_note_changed_elsewhere_keeps_both_and_says_so(
    store: Store, store_dir: Path
) -> None:
    note = store.add_note(XI, "original")
    app = new_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.screen.query_one("#note-list").focus()
        burst(app, "e", *" plus mine")
        await settle(pilot)
        Store(store_dir).update_note(note.id, "original plus theirs")
        burst(app, "ctrl+s")
        await settle(pilot)
        assert any("changed elsewhere" in m for m in notified(app))
    assert sorted(notes(store_dir)) == ["original plus mine", "original plus theirs"]


async def test_an_unreadable_brief_says_so_and_keys_act_on_nothing_else(
    store: Store, store_dir: Path
) -> None:
    log = store_dir / "content-000001.jsonl"
    raw = bytearray(log.read_bytes())
    raw[store._briefs._read_table()[CANOLA]["at"] + 5] ^= 0xFF
    log.write_bytes(bytes(raw))
    app = new_app(Store(store_dir))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")  # the damaged one
        await settle(pilot)
        text = screen_text(app)
        assert "cannot be read" in text and "briefing check --repair" in text
        assert "Xi and Carney" not in text.split("Briefs")[0]  # the previous one is gone
        await pilot.press("s", "a")
        await settle(pilot)
        assert not app.screen.query_one(NotesPane).session.editing
    assert not Store(store_dir).state(XI).starred


async def test_the_editors_footer_offers_only_what_works_there(store: Store) -> None:
    app = new_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        footer = screen_text(app).splitlines()[-1]
        assert "? Help" in footer and "q Quit" in footer
        await pilot.press("a")
        await settle(pilot)
        footer = screen_text(app).splitlines()[-1]
        assert "Search" not in footer and "Save" in footer and "Quit" in footer
        assert "New note · empty" in screen_text(app)  # not "saved": nothing is


async def test_no_brief_means_no_invitation_to_add_a_note(store: Store) -> None:
    app = new_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.reader.apply_query("nothingmatchesthisword")
        await settle(pilot)
        text = screen_text(app)
        assert "No brief selected" in text and "press a to add one" not in text


async def test_the_delete_question_names_the_note(store: Store) -> None:
    store.add_note(XI, "Ask the desk about canola\nand more")
    app = new_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.screen.query_one("#note-list").focus()
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceScreen)
        assert "Ask the desk about canola" in app.screen.question


def test_a_paste_then_ctrl_s_saves_all_of_it_twenty_times(store_dir: Path) -> None:
    """The installed reader in a pseudo-terminal: each note arrives as one write (tab out of
    the editor, `a`, a paste, ctrl+s), and what is on disk must be all of it. (Tab, not
    escape: an escape followed at once by a letter is alt+letter to any terminal.)"""
    Store(store_dir)
    term = PtyReader(store_dir)
    expected = []
    try:
        term.wait_for("Briefs (7)")
        for k in range(20):
            text = f"{SENTENCE} number {k}, with canola and 25% duties"
            expected.append(text)
            term.write(b"\t" + b"a" + text.encode() + b"\x13")  # \x13 is ctrl+s
            term.until(lambda n=k + 1: len(notes(store_dir)) == n)
    finally:
        term.kill()
    assert sorted(notes(store_dir)) == sorted(expected)


async def test_a_read_only_store_opens_says_so_and_refuses_saving(
    store: Store, store_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.add_note(XI, "written before")
    make_read_only(store_dir, monkeypatch)
    app = new_app(Store(store_dir))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert any("read-only" in m for m in notified(app))
        assert "written before" in screen_text(app)
        app.reader.mark_shown_read()  # nothing tries to write behind the reader's back
        burst(app, "a", *"cannot stay", "ctrl+s")
        await settle(pilot)
        pane = app.screen.query_one(NotesPane)
        assert pane.editor.text == "cannot stay" and pane.session.dirty
        assert "Not saved" in screen_text(app) and "read-only" in screen_text(app)
    monkeypatch.undo()
    assert notes(store_dir) == ["written before"]
