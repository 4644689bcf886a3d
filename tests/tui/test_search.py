"""Search in the reader: `/` filters as you type, errors keep the list, state keys, views."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from store import Store
from tests.tui.helpers import new_app, screen_text
from tui.app import BriefingApp
from tui.cli import main
from tui.screens.dialogs import PromptScreen
from tui.screens.reader import ReaderScreen
from tui.widgets.brief_list import BriefList

XI = "2025-10-31-xi-carney-apec-gyeongju"
CANOLA_IDS = {
    XI,
    "2025-08-12-china-anti-dumping-deposit-canadian-canola",
    "2025-03-08-china-tariffs-canadian-canola-oil-pork-seafood",
}


def listed(app: BriefingApp) -> list[str]:
    brief_list = app.screen.query_one(BriefList)
    return [brief_list.get_option_at_index(i).id for i in range(brief_list.option_count)]


async def ready(app: BriefingApp, pilot) -> None:  # type: ignore[no-untyped-def]
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_slash_filters_as_you_type_and_escape_clears(store: Store) -> None:
    app = new_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("slash", *"canola")
        await pilot.pause(0.2)
        assert set(listed(app)) == CANOLA_IDS
        assert "Briefs (3 of 7)" in screen_text(app)
        await pilot.press("enter")  # into the results
        assert app.focused is app.screen.query_one(BriefList)
        await pilot.press("slash", "escape")
        await pilot.pause(0.1)
        assert len(listed(app)) == 7 and "Briefs (7)" in screen_text(app)


async def test_a_pasted_query_of_several_lines_is_one_query(store: Store) -> None:
    """A paste of two lines searches for both, not for the first line alone."""
    from textual import events

    from tests.tui.helpers import settle

    app = new_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("slash")
        app.post_message(events.Paste("canola\r\n  deposit\n"))
        await settle(pilot)
        assert app.screen.query_one("#search-input").value == "canola deposit"
        assert listed(app) == ["2025-08-12-china-anti-dumping-deposit-canadian-canola"]


async def test_bad_query_says_why_and_keeps_the_list(store: Store) -> None:
    app = new_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("slash", *"canola")
        await pilot.pause(0.2)
        await pilot.press(*' since:"never')
        await pilot.pause(0.2)
        text = screen_text(app)
        assert "unclosed quote" in text or "not a date" in text
        assert set(listed(app)) == CANOLA_IDS  # the previous results stay


async def test_star_unread_and_sort_keys(store: Store, store_dir: Path) -> None:
    app = new_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        assert not Store(store_dir).state(XI).read  # only passed over so far
        app.reader.mark_shown_read()  # what staying on it for a second does
        await ready(app, pilot)
        assert Store(store_dir).state(XI).read  # stayed on it: read
        await pilot.press("s")
        assert Store(store_dir).state(XI).starred
        await pilot.press("u")
        assert not Store(store_dir).state(XI).read
        assert "★" in screen_text(app)
        await pilot.press("slash", *"is:starred", "enter")
        await pilot.pause(0.2)
        assert listed(app) == [XI]
        await pilot.press("slash", "escape", "o")  # sort by title
        await pilot.pause(0.1)
        titles = [app.catalog.store.brief(i).title.casefold() for i in listed(app)]  # type: ignore[union-attr]
        assert titles == sorted(titles)
        assert "by title" in screen_text(app)


async def test_saving_a_view(store: Store, store_dir: Path) -> None:
    app = new_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("slash", *"by:canada", "enter", "v")
        assert isinstance(app.screen, PromptScreen)
        await pilot.press(*"Canada's measures", "enter")
        assert isinstance(app.screen, ReaderScreen)
    assert Store(store_dir).views() == {"Canada's measures": "by:canada"}


def test_list_query_from_the_command_line(
    store_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Store(store_dir)
    assert main(["list", "--store", str(store_dir), "--json", "--query", "canola"]) == 0
    assert {r["id"] for r in json.loads(capsys.readouterr().out)} == CANOLA_IDS
    assert main(["list", "--store", str(store_dir), "--query", "by:canada since:2024-01-01"]) == 0
    out = capsys.readouterr().out
    assert XI in out and "2024-08-26-canada-surtax-chinese-evs-steel-aluminum" in out
    assert "2025-05-12-us-china-geneva-tariff-truce" not in out
    assert main(["list", "--store", str(store_dir), "--query", "actr:x"]) == 2
    assert "unknown field 'actr'" in capsys.readouterr().err


async def test_f1_in_the_search_bar_shows_how_to_search(store: Store) -> None:
    app = new_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("slash", "f1")
        await ready(app, pilot)
        assert "tariff imposed by, on" in screen_text(app)
        await pilot.press("f1")
        await ready(app, pilot)
        assert "tariff imposed by, on" not in screen_text(app)


async def test_lower_case_or_between_words_gets_a_hint(store: Store) -> None:
    app = new_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("slash", *"canola or steel")
        await ready(app, pilot)
        assert "for either, write OR" in screen_text(app)
        await pilot.press(*["backspace"] * 8, *'OR steel "black or white"')
        await ready(app, pilot)
        assert "for either, write OR" not in screen_text(app)


async def test_an_unreadable_search_index_mid_session_is_said_not_a_crash(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The on-disk word index failing while the reader runs (damaged under it, say) is
    said in the search bar; the previous results stay and the reader keeps running."""
    from store import StoreError
    from store.scan_cache import ScanCache

    app = new_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("slash", *"canola")
        await pilot.pause(0.2)
        assert set(listed(app)) == CANOLA_IDS

        def unreadable(*args: object, **kwargs: object) -> set[int]:
            raise StoreError("the search index in cache/ cannot be read (disk I/O error)")

        monkeypatch.setattr(ScanCache, "word_hits", unreadable)
        await pilot.press(*" deposit")
        await pilot.pause(0.2)
        assert app.is_running
        assert "cannot be read" in screen_text(app)
        assert set(listed(app)) == CANOLA_IDS  # the previous results stay
