"""The brief's panes draw their lines themselves (SplicedLines): what they give must be
what Textual's own drawing gives, in every look the reader shows them in."""

from __future__ import annotations

import pytest
from textual.geometry import Region
from textual.widget import Widget

from store import Store
from tests.tui.helpers import new_app, settle
from tui.widgets.scroll_bars import SplicedLines

PANES = ("#brief-header", "#summary", "#actors", "#tariffs")


def _as_textual_draws(widget: Widget, crop: Region) -> list[list[object]]:
    widget._styles_cache.clear()
    return [list(strip) for strip in Widget.render_lines(widget, crop)]


def _check_panes(app: object, spliced: set[str]) -> None:
    for selector in PANES:
        widget = app.screen.query_one(selector)  # type: ignore[attr-defined]
        assert isinstance(widget, SplicedLines)
        width, height = widget.outer_size
        if not widget.display or not height:
            continue
        for crop in (Region(0, 0, width, height), Region(1, 1, width - 2, max(1, height - 2))):
            widget._styles_cache.clear()
            ours = [list(strip) for strip in widget.render_lines(crop)]
            assert ours == _as_textual_draws(widget, crop), (selector, crop)
            widget.refresh()  # and again from what the first drawing kept
            ours = [list(strip) for strip in widget.render_lines(crop)]
            assert ours == _as_textual_draws(widget, crop), (selector, crop)
        if widget._frames:
            spliced.add(selector)


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 60)])
async def test_the_panes_draw_as_textual_does(store: Store, size: tuple[int, int]) -> None:
    """Brief after brief, with the focus on the summary and on each table (a focused
    table is tinted, which Textual's own path draws), and in a light theme."""
    app = new_app(store)
    spliced: set[str] = set()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        for keys in ((), ("n",), ("n", "n"), ("tab",), ("tab",), ("tab",), ("p",)):
            for key in keys:
                await pilot.press(key)
            await settle(pilot)
            _check_panes(app, spliced)
        app.theme = "textual-light"
        await settle(pilot)
        _check_panes(app, spliced)
    assert {"#summary", "#actors"} <= spliced  # drawn by splicing, not only Textual's way


async def test_the_notes_box_and_bars_draw_as_textual_does(store: Store) -> None:
    """The notes pane's box (kept per look, one inner row drawn) and the note list's
    bar (each kind of row finished once), with no notes, many notes, and focused."""
    brief_id = store.row_ids()[1]
    for n in range(12):
        store.add_note(brief_id, f"Note {n}: ask the desk about canola duties.\nSecond line.")
    app = new_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for keys in ((), ("n",), ("n",), ("p",), ("tab", "tab", "tab", "tab")):
            for key in keys:
                await pilot.press(key)
            await settle(pilot)
            notes = app.screen.query_one("#notes")
            bar = app.screen.query_one("#note-list").vertical_scrollbar
            for widget in (notes, bar):
                width, height = widget.outer_size
                if not (widget.display and height):
                    continue
                whole = Region(0, 0, width, height)
                kept = [list(strip) for strip in widget.render_lines(whole)]
                widget._set_dirty()
                assert kept == [list(s) for s in Widget.render_lines(widget, whole)], widget
        assert app.screen.query_one("#note-list").vertical_scrollbar.display  # 12 notes scroll
