"""While every brief is still being read, `/` says search is getting ready, the reader
works, and the query typed meanwhile applies once search is ready."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator

import pytest

from briefs.model import Brief
from store import Store
from tests.tui.helpers import new_app, screen_text, settle
from tui.screens.reader import GETTING_READY

CANOLA = 3  # the samples that mention canola


class SlowStore(Store):
    """A store whose full read waits until the test lets it go on."""

    go_on: threading.Event

    def read_briefs(self, ids: Iterable[str] | None = None) -> Iterator[tuple[str, Brief | None]]:
        assert self.go_on.wait(timeout=60)  # a safety net: the test sets it well before
        yield from super().read_briefs(ids)


@pytest.fixture
def slow(store: Store) -> SlowStore:
    held = SlowStore(store.root)
    held.go_on = threading.Event()
    return held


async def test_slash_says_search_is_getting_ready_and_the_query_applies_after(
    slow: SlowStore,
) -> None:
    app = new_app(slow)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert not app.catalog.ready
        await pilot.press("slash")
        await pilot.pause()
        assert GETTING_READY[:30] in screen_text(app)
        await pilot.press(*"canola")
        await pilot.pause()
        app.reader._apply_filter()  # what the paused filter timer would call
        assert app.reader.brief_list.option_count == 7  # not filtered yet, nothing lost
        slow.go_on.set()
        await settle(pilot)
        assert app.catalog.ready
        assert app.reader.brief_list.option_count == CANOLA
        assert GETTING_READY[:30] not in screen_text(app)


async def test_the_tracker_and_the_actor_index_say_they_are_getting_ready(
    slow: SlowStore,
) -> None:
    app = new_app(slow)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for key, title in (("T", "Tariffs · getting ready"), ("A", "Actors · getting ready")):
            await pilot.press(key)
            await pilot.pause()
            assert title in screen_text(app)
            await pilot.press("escape")
            await pilot.pause()
        await pilot.press("T")
        slow.go_on.set()
        await settle(pilot)
        text = screen_text(app)
        assert "getting ready" not in text and "Tariffs (" in text
