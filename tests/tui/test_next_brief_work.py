"""What moving to the next brief makes Textual do: counted, not timed, so a busy machine
changes nothing here (bench/interactive.py has the times)."""

from __future__ import annotations

from collections import Counter

import pytest
from textual.geometry import Region
from textual.widget import Widget

from store import Store
from tests.tui.helpers import new_app, screen_text, settle
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
        whole = Region(0, 0, *bar.size)
        bar.window_virtual_size, bar.window_size, bar.position = virtual, window, position
        cached = bar.render_lines(whole)
        bar._set_dirty()
        textuals = Widget.render_lines(bar, whole)  # through Textual's styles cache
        assert [list(s) for s in cached] == [list(s) for s in textuals]
        assert len({s.text for s in cached}) > 1 or window >= virtual  # a thumb is drawn
        bar.position = 0 if position else 1  # another look, then back
        bar.render_lines(whole)
        bar.position = position
        assert bar.render_lines(whole) is cached  # from the cache


async def test_briefs_without_notes_leave_the_notes_pane_as_it_is(store: Store) -> None:
    """'No notes yet' under one brief and the next: the pane is not given its options again
    (an OptionList given options asks for a layout)."""
    app = new_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        note_list = screen.notes_pane.note_list
        given: list[int] = []
        set_options = note_list.set_options

        def counted(*args: object, **kwargs: object) -> object:
            given.append(1)
            return set_options(*args, **kwargs)  # type: ignore[arg-type]

        note_list.set_options = counted  # type: ignore[method-assign]
        for _ in range(2):
            await pilot.press("n")
            await settle(pilot)
        assert given == []
        assert "No notes yet" in screen_text(app)
        await pilot.press("a")
        await settle(pilot)
        assert screen.session.editing_note


async def test_the_brief_columns_draw_as_textual_does(store: Store) -> None:
    """The containers keep the lines of each look: what they give is what Textual draws."""
    app = new_app(store)
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(pilot)
        for selector in ("#facts", "#detail"):
            widget = app.screen.query_one(selector)
            whole = Region(0, 0, *widget.size)
            kept = widget.render_lines(whole)
            widget._set_dirty()
            assert [list(s) for s in kept] == [list(s) for s in Widget.render_lines(widget, whole)]
            widget.refresh()
            assert widget.render_lines(whole) is kept  # the same look: not drawn again
