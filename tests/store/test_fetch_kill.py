"""A `briefing fetch` killed (SIGKILL) in the middle of a feed leaves the store whole, and
the next fetch picks up everything it missed."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from store import Store
from store.fetch import fetch_feeds
from store.fetching import HttpClient
from store.subscriptions import Subscriptions
from tests.conftest import TickingClock
from tests.fixtures import web_server as ws
from tests.fixtures import web_site as w

ROOT = Path(__file__).parents[2]


@pytest.fixture
def site() -> Iterator[ws.Site]:
    with ws.serve() as running:
        yield running


def test_a_fetch_killed_mid_feed_leaves_the_store_whole_and_is_picked_up(
    store_dir: Path, site: ws.Site
) -> None:
    stories = [w.story(n) for n in range(4)]
    links = [site.add(f"/s/{s.n}", w.paper_page(s), etag=f'"{s.n}"') for s in stories]
    feed = site.add("/feed.xml", w.rss("Desk", list(zip(stories, links, strict=True))), etag='"f"')
    entered = threading.Event()
    site.behave("/s/2", ws.hang_and_tell(entered))  # the third page never answers
    store = Store(store_dir, clock=TickingClock())
    Subscriptions(store).add(feed, "Desk")
    before = store.export_records()
    env = {**os.environ, "BRIEFING_STORE": str(store_dir), "no_proxy": "*"}
    child = subprocess.Popen(
        [sys.executable, "-m", "tui.cli", "fetch"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert entered.wait(30), "the fetch never reached the third page"
    finally:
        child.kill()
        child.wait()
    again = Store(store_dir, clock=TickingClock())  # opens: every file whole
    assert again.export_records() == before
    site.add("/s/2", w.paper_page(stories[2]), etag='"2"')
    client = HttpClient(timeout=2, sleep=lambda _: None, proxies={})
    report = fetch_feeds(again, client=client)
    assert (report.new, report.failures) == (4, [])
    titles = {b.title for b in again.all_briefs()}
    assert all(s.title in titles for s in stories)
