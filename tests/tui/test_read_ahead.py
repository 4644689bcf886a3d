"""The next brief is read from the store once the one shown is painted, so n shows it
without waiting on the disk; a change to the store drops what was read ahead."""

from __future__ import annotations

import pytest

from store import Store
from tests.tui.helpers import new_app, settle
from tui.screens.reader import ReaderScreen


def _count_reads(monkeypatch: pytest.MonkeyPatch, store: Store) -> list[str]:
    asked: list[str] = []
    real = store.brief

    def counted(brief_id: str) -> object:
        asked.append(brief_id)
        return real(brief_id)

    monkeypatch.setattr(store, "brief", counted)
    return asked


async def test_n_shows_the_brief_read_while_the_reader_was_idle(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = new_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        asked = _count_reads(monkeypatch, store)
        second = screen.brief_list.get_option_at_index(1).id
        screen.forget_ahead()  # read after the first paint already, maybe
        screen.read_ahead(1)
        assert asked == [second]
        asked.clear()
        await pilot.press("n")
        await settle(pilot)
        assert screen.brief is not None and screen.brief.id == second
        assert second not in asked  # shown from what was read ahead
        third = screen.brief_list.get_option_at_index(2).id
        assert asked == [third]  # and the next one read after the paint


async def test_a_change_to_the_store_drops_the_brief_read_ahead(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = new_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        second = screen.brief_list.get_option_at_index(1).id
        screen.read_ahead(1)
        await pilot.press("s")  # starring the brief shown redraws its row: a change
        await settle(pilot)
        asked = _count_reads(monkeypatch, store)
        await pilot.press("n")
        await settle(pilot)
        assert screen.brief is not None and screen.brief.id == second
        assert asked[0] == second  # read again, from the store as it is now
