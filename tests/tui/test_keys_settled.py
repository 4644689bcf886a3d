"""`keys_settled`: what the background scan waits on so that keys typed while search is
getting ready are handled at full speed (the scan and the interface share one interpreter
lock, and a scan holding it made each key take twice as long)."""

from __future__ import annotations

import dataclasses

from store import Store
from tests.tui.helpers import new_app, settle
from tests.tui.test_keystrokes import burst

SIZE = (120, 40)


async def test_keys_settled_is_clear_from_a_key_until_its_paint(store: Store) -> None:
    app = new_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.keys_settled.is_set()
        seen: list[bool] = []
        burst(app, "n", "n", "p")
        while not app.keys_pending:  # until the first key is let through
            await pilot.pause(0)
        while app.keys_pending:
            seen.append(app.keys_settled.is_set())
            await pilot.pause(0)
        assert seen and not any(seen)  # never settled while a key was on its way
        await settle(pilot)
        assert app.keys_settled.is_set()


async def test_the_catalog_scan_pauses_through_the_app(store: Store) -> None:
    """The scan's pauses are the app's: it waits there while keys are being handled."""
    app = new_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.catalog.pause == app._scan_pause
        app.keys_settled.clear()
        waited: list[bool] = []
        real_wait = app.keys_settled.wait
        app.keys_settled.wait = lambda timeout=None: waited.append(True) or real_wait(0)  # type: ignore[method-assign]
        app.catalog.pause()
        assert waited == [True]


def test_a_scan_pauses_every_few_briefs(store: Store) -> None:
    """Reading 40 briefs from the content pauses twice (every 20), through `pause`."""
    from briefs.samples import load_samples
    from tui.catalog import Catalog

    sample = load_samples()[0]
    store.import_briefs(
        [dataclasses.replace(sample, id=f"{sample.id}-{k}", title=f"{k}") for k in range(33)]
    )
    catalog = Catalog(store)
    paused: list[int] = []
    catalog.pause = lambda: paused.append(1)
    catalog.load_rows()
    catalog.adopt(catalog.scan())
    assert len(catalog.rows) == 40
    assert len(paused) == 2
