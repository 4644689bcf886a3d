"""Unsaved editor text survives: kept after a pause, on SIGTERM/SIGHUP, offered back at start."""

from __future__ import annotations

import os
import pty
import select
import signal
import sys
import time
from pathlib import Path

import pytest

from store import Store
from tests.tui.helpers import new_app
from tui.screens.dialogs import ChoiceScreen
from tui.widgets.notes_pane import NotesPane

XI = "2025-10-31-xi-carney-apec-gyeongju"
ROOT = Path(__file__).parents[2]


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
    pid, fd = pty.fork()
    if pid == 0:
        os.chdir(ROOT)
        os.environ.update({"TERM": "xterm-256color"})
        script = "import sys; from tui.cli import main; sys.exit(main(sys.argv[1:]))"
        os.execv(sys.executable, [sys.executable, "-c", script, "--store", str(store_dir)])
    seen = bytearray()

    def read_for(seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if select.select([fd], [], [], 0.05)[0]:
                try:
                    seen.extend(os.read(fd, 65536))
                except OSError:
                    return

    read_for(4.0)  # started and painted
    os.write(fd, b"a")
    read_for(0.5)
    os.write(fd, b"typed just before the end")
    read_for(0.3)  # well under the draft pause: only the signal can keep it
    os.kill(pid, sig)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        read_for(0.1)
    else:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        pytest.fail("the reader did not exit on the signal")
    os.close(fd)
    drafts = Store(store_dir).drafts()
    assert [d.text for d in drafts] == ["typed just before the end"]
