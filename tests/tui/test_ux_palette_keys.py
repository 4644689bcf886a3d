"""A command picked in the palette (ctrl+p), then keys typed at once: they act where the
command left the reader, as they do after a pause. They reached the closing palette's
field, or the reader before the command ran there (lost, or run as reader keys)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.command import CommandInput, CommandPalette, Hits
from textual.pilot import Pilot

from store import Store
from tests.tui.helpers import new_app, settle
from tests.tui.test_keystrokes import burst, notes
from tui.app import BriefingApp
from tui.palette import BriefsProvider

XI = "2025-10-31-xi-carney-apec-gyeongju"
CANOLA = "2025-08-12-china-anti-dumping-deposit-canadian-canola"


async def _palette(pilot: Pilot[None], app: BriefingApp, typed: str) -> None:
    burst(app, "ctrl+p")
    await settle(pilot)
    assert isinstance(app.screen, CommandPalette)
    burst(app, *typed)
    await settle(pilot)
    await pilot.pause(0.3)  # the palette gathers its hits after a short pause of its own
    await settle(pilot)


async def test_keys_right_after_add_note_go_into_the_note(store: Store, store_dir: Path) -> None:
    app = new_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await _palette(pilot, app, "add note")
        burst(app, "enter", *"hi there", "ctrl+s")
        await settle(pilot)
        assert app.screen is app.reader
        assert notes(store_dir, XI) == ["hi there"]


async def test_keys_right_after_opening_a_brief_act_on_it(store: Store, store_dir: Path) -> None:
    app = new_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await _palette(pilot, app, "anti-dumping deposit")
        burst(app, "enter", "a", *"hi", "ctrl+s")
        await settle(pilot)
        assert app.screen is app.reader
        assert app.reader.brief is not None and app.reader.brief.id == CANOLA
        assert notes(store_dir, CANOLA) == ["hi"]


async def test_enter_typed_before_the_hits_come_chooses_the_first(
    store: Store, store_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ctrl+p, a command's name, enter and the next keys as one burst, on a store whose
    briefs take a while to search: the enter came before the palette had its hits and
    did nothing, and the note's text went into the query."""
    gate = asyncio.Event()
    search = BriefsProvider.search

    async def slow_search(self: BriefsProvider, query: str) -> Hits:
        await gate.wait()
        async for hit in search(self, query):
            yield hit

    monkeypatch.setattr(BriefsProvider, "search", slow_search)
    app = new_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        burst(app, "ctrl+p", *"add note", "enter", *"quick", "ctrl+s")
        for _ in range(50):
            await pilot.pause()
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        assert palette.query_one(CommandInput).value == "add note"  # the rest wait
        gate.set()
        await settle(pilot)
        assert app.screen is app.reader
        assert notes(store_dir, XI) == ["quick"]
