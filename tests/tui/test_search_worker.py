"""A query typed in the search bar runs off the UI thread: the keys typed meanwhile reach
the field at once and in order, the list keeps the last results until the newest query's
come, and the results of an older query are dropped. At 100,000 briefs a one-letter word
took 0.2-1.7 s on the UI thread, and every key typed meanwhile waited.

Searches are made slow here by holding them until the test lets them go (no clock)."""

from __future__ import annotations

import threading
from collections.abc import Callable

from briefs.search.query import Query, parse_query
from store import Store, scan_cache
from tests.conftest import TODAY
from tests.tui.helpers import new_app, settle
from tests.tui.test_keystrokes import burst
from tui.app import BriefingApp
from tui.catalog import Catalog
from tui.derived import cache_kind

XI = "2025-10-31-xi-carney-apec-gyeongju"


class Held:
    """The catalog's searches for the reader's worker, each held until `release`d."""

    def __init__(self, catalog: Catalog) -> None:
        self.real = catalog.searcher
        self.gates: list[threading.Event] = []
        catalog.searcher = self  # type: ignore[method-assign]

    def __call__(self, query: Query) -> Callable[[], object]:
        run, gate = self.real(query), threading.Event()
        self.gates.append(gate)

        def held() -> object:
            gate.wait(60)  # a safety net only: every test lets its searches go
            return run()

        return held

    def release(self, *at: int) -> None:
        for k in at or range(len(self.gates)):
            self.gates[k].set()


async def until(pilot: object, test: Callable[[], bool]) -> None:
    for _ in range(500):
        await pilot.pause()  # type: ignore[attr-defined]
        if test():
            return
    raise AssertionError("the reader never got there")


def title(app: BriefingApp) -> str:
    return str(app.reader.brief_list.border_title)


def count(app: BriefingApp, text: str) -> int:
    return len(app.catalog.search(parse_query(text, today=TODAY)))


async def test_keys_land_in_order_and_the_last_results_stay_while_a_query_runs(
    store: Store,
) -> None:
    app = new_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        held = Held(app.catalog)
        burst(app, "/", *"canola steel")
        await until(pilot, lambda: not app.keys_pending)
        # Every key reached the field while the searches were still running.
        assert app.reader.search_bar.input.value == "canola steel"
        assert title(app) == "Briefs (7)"  # the last results: every brief
        held.release()
        await settle(pilot)
        assert title(app) == f"Briefs ({count(app, 'canola steel')} of 7)"


async def test_an_older_query_finishing_last_is_dropped(store: Store) -> None:
    app = new_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        held = Held(app.catalog)
        burst(app, "/", *"c")
        await until(pilot, lambda: len(held.gates) == 1)
        burst(app, *"anola")
        await until(pilot, lambda: len(held.gates) == 6 and not app.keys_pending)
        canola = count(app, "canola")
        assert canola < count(app, "c")
        held.release(5)  # the newest query ends first
        await until(pilot, lambda: title(app) == f"Briefs ({canola} of 7)")
        held.release()  # then the older ones, 'c' among them
        await settle(pilot)
        assert title(app) == f"Briefs ({canola} of 7)"


async def test_enter_moves_into_the_results_of_the_query_typed(store: Store) -> None:
    """Enter before the worker is done searches at once: the keys after it act on these
    results, never on the last ones."""
    app = new_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        held = Held(app.catalog)
        burst(app, "/", *"canola", "enter")
        await until(pilot, lambda: not app.keys_pending)
        canola = count(app, "canola")
        assert title(app) == f"Briefs ({canola} of 7)"
        assert app.reader.brief_list.has_focus
        held.release()
        await settle(pilot)
        assert title(app) == f"Briefs ({canola} of 7)"


async def test_words_another_reader_wrote_over_are_written_again_before_a_search(
    store: Store,
) -> None:
    app = new_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        other = scan_cache.ScanCache.open(store.root, cache_kind())
        assert other.put_many([(XI, "another version", [], ("nothing alike", "", ""))])
        other.close()
        burst(app, "/", *"carney")
        await settle(pilot)
        assert app.reader.brief_list.highlighted_id == XI
        assert title(app) == f"Briefs ({count(app, 'carney')} of 7)"
        assert count(app, "alike") == 0
