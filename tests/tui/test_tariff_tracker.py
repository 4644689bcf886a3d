"""The tariff tracker: real keys, what the screen shows, and what it hands back."""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

import pytest
from textual.pilot import Pilot

from bench.synth import make_briefs
from briefs import Brief, Tariff
from store import Store
from tests.conftest import TODAY
from tests.fixtures.hostile import MARKUP, hostile_brief
from tests.tui.helpers import new_app, screen_text
from tui.app import BriefingApp
from tui.derived import tariff_rows
from tui.screens.reader import ReaderScreen
from tui.screens.tariff_tracker import (
    MAX_SHOWN,
    Sort,
    TariffTrackerScreen,
    sort_rows,
)
from tui.timings import FROZEN
from tui.widgets.tariff_chart import bar

SIZE = (120, 40)
XI = "2025-10-31-xi-carney-apec-gyeongju"
CANOLA = "2025-08-12-china-anti-dumping-deposit-canadian-canola"


def reader(store: Store) -> BriefingApp:
    return new_app(store)


async def settle(pilot: Pilot[None]) -> None:
    """Past the typing pause (the tracker's filter runs, as after a pause in typing), and
    every worker done."""
    await pilot.pause()
    if isinstance(pilot.app.screen, TariffTrackerScreen):
        pilot.app.screen.refilter()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def open_tracker(pilot: Pilot[None], results: list[str | None], query: str = "") -> None:
    await settle(pilot)
    pilot.app.push_screen(tracker_screen(pilot, query), results.append)
    await settle(pilot)


def tracker_screen(pilot: Pilot[None], query: str = "") -> TariffTrackerScreen:
    app = pilot.app
    assert isinstance(app, BriefingApp)
    return TariffTrackerScreen(app.catalog, query, timings=FROZEN, today=lambda: TODAY)


def tracker(pilot: Pilot[None]) -> TariffTrackerScreen:
    screen = pilot.app.screen
    assert isinstance(screen, TariffTrackerScreen)
    return screen


def table_lines(text: str) -> list[str]:
    """The table's rows: lines between its header and its bottom border."""
    lines = text.splitlines()
    start = next(k for k, line in enumerate(lines) if "1 By" in line)
    end = next(k for k in range(start, len(lines)) if lines[k].startswith("╰"))
    # Skip blank lines and the horizontal scrollbar's.
    return [line for line in lines[start + 1 : end] if any(c.isalnum() for c in line)]


async def test_shows_every_tariff_with_the_chart(store: Store) -> None:
    async with reader(store).run_test(size=SIZE) as pilot:
        await open_tracker(pilot, [])
        text = screen_text(pilot.app)
        assert "Tariffs (32 of 32)" in text
        first = table_lines(text)[0]
        for cell in ("Canada", "China", "electric vehicles", "100%", "tariff", "in force", "2024"):
            assert cell in first
        assert "Measures by imposer" in text and "Highest rate by year" in text
        assert "United States █" in text
        # The highlighted row's brief, whose title the table's last column may not reach.
        assert "31 Oct 2025 · Xi and Carney meet at APEC summit" in text


async def test_query_filters_rows_and_chart(store: Store) -> None:
    async with reader(store).run_test(size=SIZE) as pilot:
        await open_tracker(pilot, [])
        await pilot.press(*"by:canada")
        await settle(pilot)
        text = screen_text(pilot.app)
        assert "Tariffs (8 of 32)" in text
        rows = table_lines(text)
        assert len(rows) == 8 and all(row.startswith("│ Canada") for row in rows)
        assert "Canada █" in text and "United States █" not in text


async def test_prefilled_query(store: Store) -> None:
    async with reader(store).run_test(size=SIZE) as pilot:
        await open_tracker(pilot, [], "product:canola")
        text = screen_text(pilot.app)
        assert "product:canola" in text and "Tariffs (4 of 32)" in text


async def test_bad_query_shows_the_error_and_keeps_rows(store: Store) -> None:
    async with reader(store).run_test(size=SIZE) as pilot:
        await open_tracker(pilot, [])
        await pilot.press(*"by:canada")
        await settle(pilot)
        before = table_lines(screen_text(pilot.app))
        await pilot.press(*["backspace"] * 6)  # 'by:' — one burst, so one run
        await settle(pilot)
        text = screen_text(pilot.app)
        assert "at 1: by needs a value, like by:canada" in text
        assert "Tariffs (8 of 32)" in text and table_lines(text) == before
        await pilot.press(*["backspace"] * 3, *"actr:x")
        await settle(pilot)
        text = screen_text(pilot.app)
        assert "unknown field 'actr' (did you mean actor?" in text
        assert table_lines(text) == before
        await pilot.press(*["backspace"] * 6)  # empty: everything again, the error gone
        await settle(pilot)
        text = screen_text(pilot.app)
        assert "Tariffs (32 of 32)" in text and "unknown field" not in text


async def test_number_keys_sort_from_the_table_and_type_in_the_filter(store: Store) -> None:
    async with reader(store).run_test(size=SIZE) as pilot:
        await open_tracker(pilot, [])
        await pilot.press("4")  # the filter has focus: the digit is typed
        await settle(pilot)
        assert tracker(pilot).query_one("#tariff-query").value == "4"  # type: ignore[attr-defined]
        await pilot.press("backspace")
        await settle(pilot)
        await pilot.press("tab", "4")  # the table: sort by rate, highest first
        await settle(pilot)
        text = screen_text(pilot.app)
        assert "4 Rate ▼" in text
        rows = tracker(pilot).rows
        rates = [r.rate_value for r in rows if r.rate_value is not None]
        assert rates == sorted(rates, reverse=True) and rates[0] == 100
        assert "100%" in table_lines(text)[0]
        assert rows[-1].rate is None  # no stated rate: last either way
        await pilot.press("4")  # again: lowest first
        await settle(pilot)
        text = screen_text(pilot.app)
        assert "4 Rate ▲" in text and "6.1%" in table_lines(text)[0]
        assert tracker(pilot).rows[-1].rate is None
        await pilot.press("1")  # by imposer, A to Z
        await settle(pilot)
        assert table_lines(screen_text(pilot.app))[0].startswith("│ Canada")
        assert "123456789 sort" in screen_text(pilot.app)  # the footer, from the bindings


async def test_enter_returns_the_brief_of_the_row(store: Store) -> None:
    results: list[str | None] = []
    async with reader(store).run_test(size=SIZE) as pilot:
        await open_tracker(pilot, results)
        await pilot.press(*'product:"canola seed"', "enter")  # enter in the filter: to the table
        await settle(pilot)
        assert "Tariffs (1 of 32)" in screen_text(pilot.app)
        await pilot.press("enter")
        await pilot.pause()
    assert results == [CANOLA]


async def test_escape_returns_none(store: Store) -> None:
    results: list[str | None] = []
    async with reader(store).run_test(size=SIZE) as pilot:
        await open_tracker(pilot, results)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ReaderScreen)
    assert results == [None]


async def test_hostile_tariff_renders_literally(store: Store) -> None:
    store.import_briefs([hostile_brief()])
    async with reader(store).run_test(size=SIZE) as pilot:
        await open_tracker(pilot, [])
        text = screen_text(pilot.app)
        first = table_lines(text)[0]  # the newest brief
        assert first.startswith("│ [bold]Tariffs…")  # cut to the column, never parsed
        assert "␛]52;c;aGk=␇" in first and "[@click=app.quit]…" in first
        assert f"{MARKUP} [@click=app.quit]press me[/] ␛[2JWIPED" in text  # the title line
        await pilot.press(*"date:2025-11-27")  # only the hostile brief: it tops the chart
        await settle(pilot)
        text = screen_text(pilot.app)
        chart = text.split("Measures by imposer")[1].split("╭")[0]
        assert "[bold]Tariffs… █" in chart
        assert "\x1b" not in text and "\x9b" not in text
        await pilot.press("tab")  # clicking or choosing acts on nothing but the brief id
        assert pilot.app.is_running


async def test_narrow_terminal(store: Store) -> None:
    async with reader(store).run_test(size=(80, 24)) as pilot:
        await open_tracker(pilot, [])
        text = screen_text(pilot.app)
        assert "Tariffs (32 of 32)" in text and "Measures by imposer" in text
        assert len(table_lines(text)) >= 10  # the table keeps most of the screen
        first = table_lines(text)[0]
        # Status stays on screen (tests/tui/test_ux_tracker_widths.py); products are cut.
        assert "Canada" in first and "electric" in first and "100%" in first
        assert "in force" in first


async def test_capital_t_from_the_reader_opens_the_chosen_brief(store: Store) -> None:
    async with reader(store).run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")  # away from the newest brief
        await pilot.press("T")
        await settle(pilot)
        assert isinstance(pilot.app.screen, TariffTrackerScreen)
        await pilot.press("tab", "enter")  # the first row: the Xi–Carney brief
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, ReaderScreen)
        assert screen.brief is not None and screen.brief.id == XI


# -- pure parts --------------------------------------------------------------------


def test_sort_rows_puts_unknown_values_last_both_ways() -> None:
    brief = Brief(
        id="b",
        title="t",
        date="2025-01-01",
        summary="s",
        tariffs=(
            Tariff("A", rate="10%"),
            Tariff("B", rate=None),
            Tariff("C", rate="17.0% to 35.3%"),
            Tariff("D", rate="twenty-five percent"),
        ),
    )
    rows = tariff_rows(brief)
    down = [r.imposed_by for r in sort_rows(rows, Sort(3, descending=True))]
    up = [r.imposed_by for r in sort_rows(rows, Sort(3, descending=False))]
    assert down == ["C", "D", "A", "B"] and up == ["A", "D", "C", "B"]
    assert [r.imposed_by for r in sort_rows(rows, Sort())] == ["A", "B", "C", "D"]


def test_bar_draws_eighths() -> None:
    assert bar(50, 100, 4) == "██"
    assert bar(100, 100, 4) == "████"
    assert bar(1, 8, 1) == "▏"
    assert bar(0, 0, 5) == ""


async def test_many_tariffs_load_off_the_ui_thread(tmp_path: Path) -> None:
    """8,000 tariffs: the screen answers while loading, and the table holds MAX_SHOWN rows.

    (2,000 briefs keep the test quick; 10,000 behave the same, only slower to import.)
    """
    store = Store(tmp_path / "big", seed=False)
    # Bodies dropped: they are not in the tracker, and 2,000 of them only slow the test.
    store.import_briefs([dataclasses.replace(b, body=None) for b in make_briefs(2_000, seed=6)])
    async with reader(store).run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = tracker_screen(pilot)
        pilot.app.push_screen(screen)
        longest = 0.0
        while screen.fill_seconds is None:  # the event loop keeps turning meanwhile
            started = time.perf_counter()
            await pilot.pause(0.01)
            longest = max(longest, time.perf_counter() - started)
        await settle(pilot)
        text = screen_text(pilot.app)
        assert "Tariffs (8,000 of 8,000)" in text
        assert f"showing {MAX_SHOWN:,} of 8,000 — refine the filter" in text
        assert len(screen.rows) == MAX_SHOWN
        assert longest < 2.0, f"the UI stalled {longest:.2f}s"
        print(f"\nload {screen.load_seconds:.2f}s, fill {screen.fill_seconds:.3f}s, ", end="")
        print(f"longest UI stall {longest:.3f}s")


async def test_an_unreadable_search_index_is_said_and_keeps_rows(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A free word looked up in the on-disk index that fails mid-session: the tracker says
    so beside the filter and keeps the rows of the last good query."""
    from store import StoreError
    from store.scan_cache import ScanCache

    async with reader(store).run_test(size=SIZE) as pilot:
        await open_tracker(pilot, [])
        await pilot.press(*"by:canada")
        await settle(pilot)
        before = table_lines(screen_text(pilot.app))

        def unreadable(*args: object, **kwargs: object) -> set[int]:
            raise StoreError("the search index in cache/ cannot be read (disk I/O error)")

        monkeypatch.setattr(ScanCache, "word_hits", unreadable)
        await pilot.press(*" steel")
        await settle(pilot)
        text = screen_text(pilot.app)
        assert "cannot be read" in text
        assert "Tariffs (8 of 32)" in text and table_lines(text) == before
