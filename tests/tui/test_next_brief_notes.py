"""The next brief reads its notes only when its list row says it has some; every note
added, here or elsewhere, still shows."""

from __future__ import annotations

from pathlib import Path

import pytest

from store import Store
from tests.tui.helpers import new_app, screen_text, settle


def _count_note_reads(store: Store, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    asked: list[str] = []
    real = store.notes

    def counted(brief_id: str) -> object:
        asked.append(brief_id)
        return real(brief_id)

    monkeypatch.setattr(store, "notes", counted)
    return asked


async def test_a_brief_without_notes_reads_none(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each next brief read its reader bucket for notes (a file read and parsed again at
    most presses: only a few buckets stay parsed), though its row said it had none."""
    ids = store.row_ids()
    store.add_note(ids[2], "Ask the desk about canola.")
    app = new_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        asked = _count_note_reads(store, monkeypatch)
        await pilot.press("n")
        await settle(pilot)
        assert "No notes yet" in screen_text(app)
        assert asked == []
        await pilot.press("n")
        await settle(pilot)
        assert asked == [ids[2]]
        assert "Ask the desk about canola." in screen_text(app)


async def test_notes_added_here_and_elsewhere_show(store: Store, store_dir: Path) -> None:
    ids = store.row_ids()
    app = new_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("a", *"Typed here", "ctrl+s", "escape")
        await settle(pilot)
        await pilot.press("p", "n")  # away and back: its row now counts the note
        await settle(pilot)
        assert "Typed here" in screen_text(app)
        Store(store_dir).add_note(ids[2], "Written in a shell")
        app.poll_disk()  # what the reader does every two seconds
        await app.workers.wait_for_complete()
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert app.reader.brief is not None and app.reader.brief.id == ids[2]
        assert "Written in a shell" in screen_text(app)
