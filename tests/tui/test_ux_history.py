"""The history (h) reads as a line per change: when, what kind, which field. The spaces
between them were lost ('2026-12-02 05:07edittitle'), and the footer under it offered the
reader's keys instead of the one that closes it."""

from __future__ import annotations

from store import Store
from tests.tui.helpers import new_app, screen_text, settle
from tests.tui.test_keystrokes import burst
from tui.screens.history import HistoryScreen


async def test_each_change_reads_when_what_and_where(store: Store) -> None:
    app = new_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        burst(app, "t", *" (APEC)", "ctrl+s")
        await settle(pilot)
        burst(app, "h")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        text = screen_text(app)
        line = next(line for line in text.splitlines() if "title" in line and "Nov" in line)
        assert "edit" in line and "edittitle" not in line
        assert " 2025 " in line  # a day as the notes and the list write it: 28 Nov 2025
        footer = text.splitlines()[-1]
        assert "esc" in footer and "Close" in footer and "Add note" not in footer
