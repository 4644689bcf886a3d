"""The reader on a store opened as `briefing` opens it (its files hashed after the first
frame): a file damaged in place ends the reader with the damage named, as at open, and
nothing is written; a sound store is checked and then saves as ever."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from store import Store
from tests.conftest import TickingClock
from tests.store.test_deferred_checks import XI, _blind_to_ctime, _bucket, _damage_in_place, _listed
from tests.tui.helpers import new_app, settle
from tui.app import BriefingApp
from tui.cli import main


@pytest.mark.parametrize("name", ["bucket", "reader.json", "briefs.json"])
async def test_a_file_damaged_in_place_ends_the_reader_before_any_write(
    store_dir: Path, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The notes' bucket is read for the first rows; the others only by the checks (damage
    no identity shows: an edit in place moves the ctime, and is named at open)."""
    _blind_to_ctime(monkeypatch)
    _listed(store_dir)
    path = _bucket(store_dir) if name == "bucket" else store_dir / name
    damaged = _damage_in_place(path)
    app = new_app(Store(store_dir, clock=TickingClock(), defer_checks=True))
    # It ends by itself: run, not driven.
    await app.run_async(headless=True, size=(120, 40))
    assert app.damage is not None and str(path) in str(app.damage)
    assert app.return_code == 2
    assert path.read_bytes() == damaged


async def test_a_sound_store_is_checked_after_the_first_frame(store_dir: Path) -> None:
    _listed(store_dir)
    opened = Store(store_dir, clock=TickingClock(), defer_checks=True)
    app = new_app(opened)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert not opened.checks_pending and app.damage is None
        app.reader.open_brief(XI)
        await settle(pilot)
        await pilot.press("a", *"kept", "ctrl+s", "escape")
        await settle(pilot)
    assert sorted(n.text for n in Store(store_dir).notes(XI)) == ["a note", "kept"]


def test_briefing_names_a_file_found_damaged_after_the_first_frame(
    store_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`briefing` says it as it says a damaged file found at open, and exits 2."""
    _blind_to_ctime(monkeypatch)
    _listed(store_dir)
    _damage_in_place(store_dir / "reader.json")

    def headless(self: BriefingApp, **_: object) -> None:
        asyncio.run(self.run_async(headless=True, size=(120, 40)))

    monkeypatch.setattr(BriefingApp, "run", headless)
    code = main(["--store", str(store_dir)])
    err = capsys.readouterr().err
    assert code == 2 and f"{store_dir / 'reader.json'}: not valid JSON" in err
    assert "briefing check --repair" in err  # its backup restores it
