"""The reader is not laid out again for a resize to the size it has. Textual sent it three
as it started (the app's first, the terminal driver's, and the one its own first layout
sends it), and laid the whole screen out and drew it at each; a real resize still lays it
out and gives it the classes of its new size."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from textual import events, messages
from textual.geometry import Size
from textual.screen import Screen

from store import Store
from tests.tui.helpers import new_app, screen_text, settle


@pytest.fixture
def layouts(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The screens' layouts: "layout", or "resize to WxH" for one a resize made."""
    made: list[str] = []
    real_layout = Screen._refresh_layout
    real_resized = Screen._screen_resized
    resizing: list[Size] = []

    def layout(self: Screen[object], size: Size | None = None, scroll: bool = False) -> None:
        made.append(
            f"resize to {resizing[-1].width}x{resizing[-1].height}" if resizing else "layout"
        )
        real_layout(self, size, scroll)

    def resized(self: Screen[object], size: Size) -> None:
        resizing.append(size)
        try:
            real_resized(self, size)
        finally:
            resizing.pop()

    monkeypatch.setattr(Screen, "_refresh_layout", layout)
    monkeypatch.setattr(Screen, "_screen_resized", resized)
    yield made


async def test_no_resize_lays_the_reader_out_as_it_starts(store: Store, layouts: list[str]) -> None:
    app = new_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert screen_text(app).count("Briefs (") == 1
    assert not [made for made in layouts if made.startswith("resize")], layouts


async def test_a_resize_to_the_same_size_lays_nothing_out(store: Store, layouts: list[str]) -> None:
    app = new_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        layouts.clear()
        size = app.screen.size
        app.screen.post_message(events.Resize(size, size))
        await settle(pilot)
        assert layouts == []


async def test_a_real_resize_lays_out_and_restyles(store: Store, layouts: list[str]) -> None:
    app = new_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.screen.has_class("-medium")
        layouts.clear()
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert "resize to 80x24" in layouts
        assert app.screen.size == Size(80, 24)
        assert app.screen.has_class("-narrow") and not app.screen.has_class("-medium")
        assert app.screen.query_one("#brief-list").region.width == 80


async def test_a_layout_asked_for_before_the_last_one_asks_for_nothing(
    store: Store, layouts: list[str]
) -> None:
    """The request of a widget, posted before a layout that then placed it anew, reaches
    the screen after that layout: it is done. One posted after it is not."""
    app = new_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        widget = app.screen.query_one("#brief-list")
        early = messages.Layout(widget)
        app.screen.refresh(layout=True)
        await settle(pilot)
        assert layouts[-1:] == ["layout"]
        layouts.clear()
        app.screen.post_message(early)
        await settle(pilot)
        assert layouts == []
        app.screen.post_message(messages.Layout(widget))
        await settle(pilot)
        assert layouts == ["layout"]


@pytest.mark.parametrize("key", ["A", "question_mark"])
async def test_a_resize_while_another_screen_covers_the_reader_reaches_it(
    store: Store, key: str
) -> None:
    # Review R2: the covered reader is laid out at the new size before its own Resize comes,
    # which then matched its size and was dropped, so its classes stayed the old size's.
    app = new_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        reader = app.screen
        assert reader.has_class("-medium")
        await pilot.press(key)
        await settle(pilot)
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is reader
        assert reader.has_class("-narrow") and not reader.has_class("-medium")
        assert reader.query_one("#brief-list").region.width == 80
