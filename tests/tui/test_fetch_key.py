"""F in the reader fetches every feed in a worker: progress under the list, a summary at
the end, and the new briefs in the list, unread and searchable."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from store import Store
from store.fetching import HttpClient
from tests.conftest import TODAY
from tests.fixtures import web_server as ws
from tests.fixtures import web_site as w
from tests.tui.helpers import settle
from tui.app import make_app
from tui.cli import main
from tui.timings import FROZEN


@pytest.fixture
def site() -> Iterator[ws.Site]:
    with ws.serve() as running:
        yield running


def quick() -> HttpClient:
    return HttpClient(timeout=0.3, sleep=lambda _: None, proxies={})


def subscribe(store_dir: Path, site: ws.Site, n: int) -> None:
    items = [(w.story(i), site.add(f"/s/{i}", w.wire_page(w.story(i)))) for i in range(n)]
    url = site.add("/trade.xml", w.rss("Trade desk", items), content_type="application/rss+xml")
    assert main(["feed", "add", "--store", str(store_dir), url]) == 0


async def test_f_fetches_every_feed_and_the_new_briefs_arrive_unread(
    store: Store, store_dir: Path, site: ws.Site
) -> None:
    subscribe(store_dir, site, 3)
    app = make_app(Store(store_dir), today=lambda: TODAY, timings=FROZEN, fetch_client=quick)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        assert len(app.catalog.rows) == 10
        new = [row for row in app.catalog.rows.values() if row.title == w.story(1).title]
        assert new and not app.store.state(new[0].id).read
        messages = [n.message for n in app._notifications]
        assert "fetched 1 feed: 3 new briefs, 0 unchanged, 0 failed" in messages
        assert "fetching" not in str(app.reader.brief_list.border_subtitle)


async def test_f_without_feeds_says_how_to_add_one(store: Store) -> None:
    app = make_app(store, today=lambda: TODAY, timings=FROZEN, fetch_client=quick)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        assert any("briefing feed add URL" in n.message for n in app._notifications)
