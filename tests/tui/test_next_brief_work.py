"""What moving to the next brief makes Textual do: counted, not timed, so a busy machine
changes nothing here (bench/interactive.py has the times)."""

from __future__ import annotations

from collections import Counter

import pytest
from textual.scrollbar import ScrollBar
from textual.widget import Widget

from store import Store
from tests.tui.helpers import new_app, settle
from tui.screens.reader import ReaderScreen
from tui.widgets.scroll_bars import CachedScrollBar


def _count_layouts(screen: ReaderScreen, counts: Counter[str]) -> None:
    layout = screen._refresh_layout

    def counted(*args: object, **kwargs: object) -> None:
        counts["layouts"] += 1
        layout(*args, **kwargs)  # type: ignore[arg-type]

    screen._refresh_layout = counted  # type: ignore[method-assign]


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 60)])
async def test_the_next_brief_is_laid_out_once(store: Store, size: tuple[int, int]) -> None:
    """Textual asked for a second layout of the whole screen after each next brief (each
    pane given a new height set its virtual size, a reactive that asks again)."""
    app = new_app(store)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        counts: Counter[str] = Counter()
        _count_layouts(screen, counts)
        for _ in range(4):
            await pilot.press("n")
            await settle(pilot)
        assert counts["layouts"] == 4


async def test_the_lists_scrollbar_is_not_redrawn_for_the_next_brief(store: Store) -> None:
    """At 80x24 the list of seven briefs scrolls; moving its highlight within the rows in
    view changes nothing of its bar, which every layout of the screen used to redraw."""
    app = new_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        bar = screen.brief_list.vertical_scrollbar
        assert bar.display and bar.window_virtual_size > bar.window_size  # it is shown
        refreshed: list[int] = []
        refresh = bar.refresh

        def counted(*args: object, **kwargs: object) -> Widget:
            refreshed.append(1)
            return refresh(*args, **kwargs)  # type: ignore[arg-type]

        bar.refresh = counted  # type: ignore[method-assign]
        for _ in range(2):
            await pilot.press("n")
            await settle(pilot)
        assert screen.brief_list.highlighted == 2
        assert screen.brief_list.scroll_offset.y == 0  # the highlight moved within view
        assert refreshed == []


@pytest.mark.parametrize(
    ("virtual", "window", "position"),
    [(100, 20, 0), (100, 20, 37), (100, 20, 80), (30, 30, 0), (41, 25, 3.5)],
)
async def test_a_cached_scrollbar_draws_as_textuals_does(
    store: Store, virtual: int, window: int, position: float
) -> None:
    """The cached bar draws through Textual's own path: the same lines, look by look,
    and a look drawn before comes back from the cache."""
    app = new_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        bar = app.screen.query_one("#detail").vertical_scrollbar
        assert isinstance(bar, CachedScrollBar)
        height = bar.size.height
        assert bar.display and height > 3  # the brief scrolls at 80x24
        bar.window_virtual_size, bar.window_size, bar.position = virtual, window, position
        bar._set_dirty()
        cached = [bar.render_line(y) for y in range(height)]
        bar._set_dirty()
        textuals = [ScrollBar.render_line(bar, y) for y in range(height)]
        assert [list(s) for s in cached] == [list(s) for s in textuals]
        assert len({s.text for s in cached}) > 1 or window >= virtual  # a thumb is drawn
        bar.position = 0 if position else 1  # another look, then back
        bar._set_dirty()
        bar.render_line(0)
        bar.position = position
        bar._set_dirty()
        assert bar.render_line(0) is cached[0]  # from the cache
