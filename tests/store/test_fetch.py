"""Fetching feeds into the store against a loopback server: what is in the store after a
fetch, a second fetch that costs a round of 304s, items changed upstream, and every fault
as a `URL: reason` that leaves the store's briefs as they were."""

from __future__ import annotations

import gzip
import threading
from collections.abc import Callable, Iterator

import pytest

from store import Store
from store.fetch import BATCH, FetchProgress, fetch_feeds, import_pages
from store.fetching import HttpClient
from store.subscriptions import Subscriptions
from tests.fixtures import web_server as ws
from tests.fixtures import web_site as w

FEED = "/feeds/trade.xml"


@pytest.fixture
def site() -> Iterator[ws.Site]:
    with ws.serve() as running:
        yield running


@pytest.fixture
def client() -> HttpClient:
    return HttpClient(timeout=0.3, max_bytes=1024 * 1024, sleep=lambda _: None, proxies={})


def publish(
    site: ws.Site,
    stories: list[w.Story],
    *,
    version: str = "v1",
    layout: Callable[[w.Story], str] = w.wire_page,
) -> str:
    """Pages for `stories` and a feed of them, each with an ETag."""
    items = []
    for s in stories:
        link = site.add(f"/story/{s.n}", layout(s), etag=f'"{version}-{s.n}"')
        items.append((s, link))
    return site.add(
        FEED, w.rss("Trade desk", items), content_type="application/rss+xml", etag=f'"{version}"'
    )


def subscribe(store: Store, url: str, name: str = "Trade desk") -> None:
    Subscriptions(store).add(url, name)


def contents(store: Store) -> list[dict]:
    return store.export_records()


def test_a_first_fetch_drafts_and_imports_every_item(
    store: Store, site: ws.Site, client: HttpClient
) -> None:
    stories = [w.story(n) for n in range(3)]
    subscribe(store, publish(site, stories))
    report = fetch_feeds(store, client=client)
    assert (report.feeds, report.new, report.updated, report.failures) == (1, 3, 0, [])
    assert report.summary() == "fetched 1 feed: 3 new briefs, 0 unchanged, 0 failed"
    for s in stories:
        brief = next(b for b in store.all_briefs() if b.title == s.title)
        assert brief.url == site.url(f"/story/{s.n}")
        assert brief.tags == ("Trade desk",)
        assert brief.source == "Wire Service Daily" and brief.authors == (s.author,)
        assert brief.date == s.date and brief.body and s.paragraphs[3] in brief.body
        assert brief.tariffs and brief.actors
    sub = Subscriptions(store).find("Trade desk")
    assert sub is not None and sub.items_seen == 3 and sub.etag == '"v1"'
    assert sub.last_error is None and sub.last_fetched


def test_a_second_fetch_with_nothing_new_is_one_304_and_adds_nothing(
    store: Store, site: ws.Site, client: HttpClient
) -> None:
    subscribe(store, publish(site, [w.story(n) for n in range(3)]))
    fetch_feeds(store, client=client)
    before = contents(store)
    report = fetch_feeds(store, client=client)
    assert (report.new, report.updated, report.unchanged, report.failed) == (0, 0, 1, 0)
    assert report.requests == 1 and site.hits[FEED] == 2
    assert all(site.hits[f"/story/{n}"] == 1 for n in range(3))
    assert contents(store) == before


def test_a_changed_feed_fetches_only_its_new_items(
    store: Store, site: ws.Site, client: HttpClient
) -> None:
    subscribe(store, publish(site, [w.story(n) for n in range(2)]))
    fetch_feeds(store, client=client)
    publish(site, [w.story(n) for n in range(3)], version="v2")
    report = fetch_feeds(store, client=client)
    assert (report.new, report.unchanged) == (1, 0)
    assert [site.hits[f"/story/{n}"] for n in range(3)] == [1, 1, 1]


def test_an_article_changed_upstream_updates_its_brief_and_keeps_notes_and_corrections(
    store: Store, site: ws.Site, client: HttpClient
) -> None:
    s = w.story(1)
    subscribe(store, publish(site, [s]))
    fetch_feeds(store, client=client)
    [brief] = [b for b in store.all_briefs() if b.title == s.title]
    store.add_note(brief.id, "Ask the desk about tomatoes")
    store.correct(brief.id, {"tags": ["mine"]})
    changed = w.Story(
        s.n,
        s.title + " as talks stall",
        s.date,
        s.author,
        (s.paragraphs[0] + " Talks stalled on Friday.", *s.paragraphs[1:]),
        s.dateline,
    )
    publish(site, [changed], version="v2")
    report = fetch_feeds(store, client=client)
    assert (report.new, report.updated) == (0, 1)
    source = store.source_brief(brief.id)
    assert source is not None and source.title.endswith("as talks stall")
    assert "Talks stalled on Friday." in (source.body or "")
    assert [n.text for n in store.notes(brief.id)] == ["Ask the desk about tomatoes"]
    corrected = store.brief(brief.id)
    assert corrected is not None and corrected.tags == ("mine",)


BOMB = gzip.compress(b"\0" * (20 * 1024 * 1024))


@pytest.mark.parametrize(
    ("serve", "reason"),
    [
        (lambda s: s.add(FEED, "nope", status=404), "HTTP 404 Not Found"),
        (lambda s: s.add(FEED, "gone", status=410), "HTTP 410 Gone"),
        (lambda s: s.add(FEED, "boom", status=500), "HTTP 500 Internal Server Error"),
        (lambda s: s.behave(FEED, ws.hang), "no answer within 0.3 s"),
        (lambda s: s.behave(FEED, ws.redirect_to(FEED)), "redirect loop"),
        (lambda s: s.add(FEED, w.paper_page(w.story(1))), "the server sent an HTML page"),
        (lambda s: s.add(FEED, w.BILLION_LAUGHS), "declares XML entities"),
        (lambda s: s.add(FEED, w.EXTERNAL_ENTITY), "declares XML entities"),
        (lambda s: s.behave(FEED, ws.compressed(BOMB, "gzip")), "once decompressed"),
        (lambda s: s.add(FEED, b"<rss>" + b" " * (3 * 1024 * 1024)), "larger than 1 MiB"),
        (lambda s: s.add(FEED, b"\xff\xfe\x00garbage\x00\x1b[2J"), "not an RSS or Atom feed"),
    ],
)
def test_every_fault_of_a_feed_is_a_url_and_a_reason_and_touches_no_brief(
    store: Store, site: ws.Site, client: HttpClient, serve, reason: str
) -> None:
    url = serve(site)
    subscribe(store, url)
    before = contents(store)
    report = fetch_feeds(store, client=client)
    assert len(report.failures) == 1
    assert report.failures[0].startswith(f"{url}: ") and reason in report.failures[0]
    assert "\x1b" not in report.failures[0]
    assert contents(store) == before
    sub = Subscriptions(store).find(url)
    assert sub is not None and sub.last_error and reason in sub.last_error


def test_no_network_at_all_is_a_reason_too(store: Store, client: HttpClient) -> None:
    url = f"http://127.0.0.1:{ws.free_port()}/feed.xml"
    subscribe(store, url)
    report = fetch_feeds(store, client=client)
    assert report.failures == [f"{url}: connection refused (tried 3 times)"]


def test_a_failing_item_is_named_the_rest_imported_and_it_is_retried_next_time(
    store: Store, site: ws.Site, client: HttpClient
) -> None:
    stories = [w.story(n) for n in range(3)]
    subscribe(store, publish(site, stories))
    site.add("/story/1", "not here", status=404)
    site.add("/story/2", "<html><body><p>Subscribe to read.</p></body></html>")
    report = fetch_feeds(store, client=client)
    assert report.new == 1
    assert sorted(report.failures) == [
        f"{site.url('/story/1')}: HTTP 404 Not Found",
        f"{site.url('/story/2')}: the page holds too little text for an article (18 characters)",
    ]
    assert report.summary() == "fetched 1 feed: 1 new brief, 0 unchanged, 2 failed"
    site.add("/story/1", w.wire_page(stories[1]))  # fixed upstream; the feed is unchanged
    again = fetch_feeds(store, client=client)
    assert site.hits[FEED] == 2 and again.new == 1 and len(again.failures) == 1
    titles = {b.title for b in store.all_briefs()}
    assert stories[0].title in titles and stories[1].title in titles


def test_a_stopped_fetch_is_picked_up_by_the_next(
    store: Store, site: ws.Site, client: HttpClient
) -> None:
    subscribe(store, publish(site, [w.story(n) for n in range(4)]))
    cancel = threading.Event()

    def progress(step: FetchProgress) -> None:
        if step.items_done == 1:
            cancel.set()

    first = fetch_feeds(store, client=client, progress=progress, cancel=cancel)
    assert first.cancelled and first.new == 1
    second = fetch_feeds(store, client=client)
    assert second.new == 3
    assert [site.hits[f"/story/{n}"] for n in range(4)] == [1, 1, 1, 1]


def test_progress_counts_feeds_and_items(store: Store, site: ws.Site, client: HttpClient) -> None:
    subscribe(store, publish(site, [w.story(n) for n in range(2)]))
    subscribe(store, f"http://127.0.0.1:{ws.free_port()}/x.xml", "Dead")
    steps: list[FetchProgress] = []
    report = fetch_feeds(store, client=client, progress=steps.append)
    last = steps[-1]
    assert (last.feeds_done, last.feeds_total, last.items_done, last.new, last.failed) == (
        2,
        2,
        2,
        2,
        1,
    )
    assert report.summary() == "fetched 2 feeds: 2 new briefs, 0 unchanged, 1 failed"


def test_only_the_feeds_named_are_fetched_and_unknown_names_fail(
    store: Store, site: ws.Site, client: HttpClient
) -> None:
    subscribe(store, publish(site, [w.story(0)]))
    subscribe(store, site.add("/other.xml", w.rss("Other", [])), "Other")
    report = fetch_feeds(store, ["Other", "Nowhere"], client=client)
    assert report.feeds == 1 and site.hits[FEED] == 0
    assert report.failures == ["Nowhere: no feed of that name or URL (see briefing feed list)"]


def test_pages_by_url_are_imported_once_then_answer_304(
    store: Store, site: ws.Site, client: HttpClient
) -> None:
    urls = [site.add(f"/p/{n}", w.paper_page(w.story(n)), etag=f'"p{n}"') for n in range(2)]
    missing = site.add("/p/none", "no", status=404)
    report = import_pages(store, [*urls, missing], client=client)
    assert (report.new, report.failures) == (2, [f"{missing}: HTTP 404 Not Found"])
    brief = next(b for b in store.all_briefs() if b.url == urls[0])
    assert brief.source == "The Harbour Ledger" and brief.tags == ()
    again = import_pages(store, urls, client=client)
    assert (again.new, again.unchanged, again.failed) == (0, 2, 0)
    assert (
        again.summary("page", "imported") == "imported 2 pages: 0 new briefs, 2 unchanged, 0 failed"
    )


def test_the_same_article_in_two_feeds_is_one_brief_with_both_names(
    store: Store, site: ws.Site, client: HttpClient
) -> None:
    s = w.story(2)
    link = site.add("/story/2", w.wire_page(s), etag='"s2"')
    subscribe(store, site.add("/a.xml", w.rss("A", [(s, link)])), "Desk A")
    subscribe(store, site.add("/b.xml", w.atom("B", [(s, link)])), "Desk B")
    first = fetch_feeds(store, client=client)
    assert first.new == 1 and first.failures == []
    [brief] = [b for b in store.all_briefs() if b.title == s.title]
    assert sorted(brief.tags) == ["Desk A", "Desk B"]
    assert import_pages(store, [link], client=client).unchanged == 1
    again = store.source_brief(brief.id)
    assert again is not None and sorted(again.tags) == ["Desk A", "Desk B"]


def test_briefs_reach_the_store_in_batches_while_a_long_feed_is_fetched(
    store: Store, site: ws.Site, client: HttpClient
) -> None:
    stories = [w.story(n) for n in range(BATCH * 2 + 5)]
    subscribe(store, publish(site, stories))
    start = store.count()
    seen: dict[int, int] = {}

    def progress(step: FetchProgress) -> None:
        seen.setdefault(step.items_done, store.count() - start)

    report = fetch_feeds(store, client=client, progress=progress)
    assert report.new == len(stories) and len(report.new_ids) == len(stories)
    assert seen[BATCH + 1] == BATCH and seen[2 * BATCH + 1] == 2 * BATCH
    assert set(report.new_ids) == {b.id for b in store.all_briefs() if b.tags == ("Trade desk",)}


@pytest.mark.parametrize(
    ("serve", "reason"),
    [
        (lambda s, p: s.add(p, "gone", status=410), "HTTP 410 Gone"),
        (lambda s, p: s.behave(p, ws.hang), "no answer within 0.3 s"),
        (lambda s, p: s.behave(p, ws.redirect_to(p)), "redirect loop"),
        (lambda s, p: s.behave(p, ws.compressed(BOMB, "gzip")), "once decompressed"),
        (lambda s, p: s.behave(p, ws.endless(b"<p>x</p>" * 4096, 40 * 2**20)), "larger than"),
        (lambda s, p: s.add(p, b"\x00\x01\x02" * 500), "binary"),
        (lambda s, p: s.add(p, "<html><script>alert(1)</script></html>"), "no article text"),
    ],
)
def test_every_fault_of_an_items_page_is_named_and_the_other_items_imported(
    store: Store, site: ws.Site, client: HttpClient, serve, reason: str
) -> None:
    stories = [w.story(n) for n in range(2)]
    subscribe(store, publish(site, stories))
    bad = serve(site, "/story/1")
    report = fetch_feeds(store, client=client)
    assert report.new == 1 and len(report.failures) == 1
    assert report.failures[0].startswith(f"{bad}: ") and reason in report.failures[0]
    titles = {b.title for b in store.all_briefs()}
    assert stories[0].title in titles and stories[1].title not in titles


def test_two_pages_sharing_a_day_and_headline_are_two_briefs_each_updated_apart(
    store: Store, site: ws.Site, client: HttpClient
) -> None:
    a = w.story(5)
    b = w.Story(40, a.title, a.date, "Lena Quist", a.paragraphs[::-1], "Lima")
    subscribe(store, publish(site, [a, b]))
    assert fetch_feeds(store, client=client).new == 2
    ids = {b.url: b.id for b in store.all_briefs() if b.title == a.title}
    assert len(ids) == 2
    changed = w.Story(  # a new headline too: the id must not follow it
        40, a.title + ", updated", a.date, "Lena Quist", ("Talks resumed.", *b.paragraphs), "Lima"
    )
    publish(site, [a, changed], version="v2")
    report = fetch_feeds(store, client=client)
    assert (report.new, report.updated) == (0, 1)
    updated = store.source_brief(ids[site.url("/story/40")])
    kept = store.source_brief(ids[site.url("/story/5")])
    assert updated is not None and "Talks resumed." in (updated.body or "")
    assert kept is not None and kept.title == a.title and "Talks resumed." not in (kept.body or "")


def test_a_page_whose_charset_header_lies_is_read_in_its_own_charset(
    store: Store, site: ws.Site, client: HttpClient
) -> None:
    s = w.story(0)
    text = w.paper_page(s).replace("charset=utf-8", "charset=windows-1252")
    text = text.replace(s.paragraphs[1], s.paragraphs[1] + " Café owners — and bakers — agreed.")
    items = [
        (s, site.add("/story/0", text.encode("cp1252"), content_type="text/html; charset=utf-8"))
    ]
    subscribe(store, site.add(FEED, w.rss("Trade desk", items)))
    assert fetch_feeds(store, client=client).new == 1
    [brief] = [b for b in store.all_briefs() if b.title == s.title]
    assert "Café owners — and bakers — agreed." in (brief.body or "")
