"""A command picked in the palette (ctrl+p), then keys typed at once: they act where the
command left the reader, as they do after a pause. They reached the closing palette's
field, or the reader before the command ran there (lost, or run as reader keys)."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandPalette
from textual.pilot import Pilot

from store import Store
from tests.tui.helpers import new_app, settle
from tests.tui.test_keystrokes import burst, notes
from tui.app import BriefingApp

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
