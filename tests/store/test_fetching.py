"""The HTTP client against a loopback server: conditional requests, caps, retries,
redirects and every fault a real server has, each a `URL: reason`."""

from __future__ import annotations

import gzip
import re
import zlib
from collections.abc import Iterator

import pytest

from store.fetching import FetchError, HttpClient
from tests.fixtures import web_server as ws


@pytest.fixture
def site() -> Iterator[ws.Site]:
    with ws.serve() as running:
        yield running


@pytest.fixture
def sleeps() -> list[float]:
    return []


@pytest.fixture
def client(sleeps: list[float]) -> HttpClient:
    return HttpClient(timeout=0.3, max_bytes=1024 * 1024, sleep=sleeps.append, proxies={})


def test_a_get_names_briefing_and_asks_again_with_the_validators(
    site: ws.Site, client: HttpClient
) -> None:
    url = site.add("/f.xml", "<rss/>", content_type="application/rss+xml", etag='"v1"')
    first = client.get(url)
    assert (first.status, first.body, first.etag) == (200, b"<rss/>", '"v1"')
    assert site.seen_headers[0]["User-Agent"].startswith("briefing/")
    again = client.get(url, etag=first.etag)
    assert again.not_modified and again.body == b""
    assert site.seen_headers[1]["If-None-Match"] == '"v1"'


def test_last_modified_is_sent_back_too(site: ws.Site, client: HttpClient) -> None:
    stamp = "Sat, 01 Nov 2025 10:00:00 GMT"
    url = site.add("/p", "page", last_modified=stamp)
    assert client.get(url).last_modified == stamp
    assert client.get(url, last_modified=stamp).not_modified


def test_5xx_is_retried_with_backoff_that_never_really_sleeps(
    site: ws.Site, client: HttpClient, sleeps: list[float]
) -> None:
    url = site.behave("/busy", ws.failing_then(ws.Route(body=b"at last"), failures=2))
    assert client.get(url).body == b"at last"
    assert sleeps == [1.0, 2.0]


def test_a_server_that_keeps_failing_gives_up_with_the_status(
    site: ws.Site, client: HttpClient, sleeps: list[float]
) -> None:
    url = site.add("/down", "oops", status=500)
    with pytest.raises(FetchError) as caught:
        client.get(url)
    assert str(caught.value) == f"{url}: HTTP 500 Internal Server Error (tried 3 times)"
    assert site.hits["/down"] == 3 and len(sleeps) == 2


@pytest.mark.parametrize(
    ("status", "reason"),
    [(404, "HTTP 404 Not Found"), (410, "HTTP 410 Gone (removed for good)")],
)
def test_4xx_is_not_retried(site: ws.Site, client: HttpClient, status: int, reason: str) -> None:
    url = site.add("/gone", "x", status=status)
    with pytest.raises(FetchError, match=re.escape(reason)):
        client.get(url)
    assert site.hits["/gone"] == 1


def test_connection_refused_is_retried_then_named(client: HttpClient, sleeps: list) -> None:
    url = f"http://127.0.0.1:{ws.free_port()}/feed"
    with pytest.raises(FetchError, match="connection refused"):
        client.get(url)
    assert len(sleeps) == 2


def test_a_server_that_never_answers_times_out(site: ws.Site, client: HttpClient) -> None:
    url = site.behave("/hang", ws.hang)
    with pytest.raises(FetchError, match=r"no answer within 0.3 s"):
        client.get(url)


def test_redirects_are_followed_to_a_limit_and_loops_named(
    site: ws.Site, client: HttpClient
) -> None:
    site.add("/final", "here")
    site.behave("/hop", ws.redirect_to("/final", 301))
    assert client.get(site.url("/hop")).url == site.url("/final")
    site.behave("/a", ws.redirect_to(site.url("/b")))
    site.behave("/b", ws.redirect_to("/a"))
    with pytest.raises(FetchError, match="redirect loop"):
        client.get(site.url("/a"))
    for n in range(8):
        site.behave(f"/r{n}", ws.redirect_to(f"/r{n + 1}"))
    with pytest.raises(FetchError, match="more than 5 redirects"):
        client.get(site.url("/r0"))
    site.behave("/out", ws.redirect_to("file:///etc/passwd"))
    with pytest.raises(FetchError, match="redirected to a web address"):
        client.get(site.url("/out"))


def test_a_body_over_the_cap_is_refused_whether_announced_or_not(
    site: ws.Site, client: HttpClient
) -> None:
    big = site.add("/big", b"x" * (2 * 1024 * 1024))
    with pytest.raises(FetchError, match="larger than 1 MiB"):
        client.get(big)
    endless = site.behave("/stream", ws.endless(b"<p>filler</p>" * 5000, 30 * 1024 * 1024))
    with pytest.raises(FetchError, match="larger than 1 MiB"):
        client.get(endless)


@pytest.mark.parametrize("encoding", ["gzip", "deflate"])
def test_compressed_bodies_are_read_and_bombs_stopped_at_the_cap(
    site: ws.Site, client: HttpClient, encoding: str
) -> None:
    def pack(data: bytes) -> bytes:
        return gzip.compress(data) if encoding == "gzip" else zlib.compress(data, 9)

    small = site.behave("/small", ws.compressed(pack(b"<p>fine</p>"), encoding))
    assert client.get(small).body == b"<p>fine</p>"
    bomb = site.behave("/bomb", ws.compressed(pack(b"\0" * (50 * 1024 * 1024)), encoding))
    with pytest.raises(FetchError, match="larger than 1 MiB once decompressed"):
        client.get(bomb)


def test_raw_deflate_and_damaged_gzip(site: ws.Site, client: HttpClient) -> None:
    squeeze = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    raw = squeeze.compress(b"raw deflate body") + squeeze.flush()
    assert client.get(site.behave("/raw", ws.compressed(raw, "deflate"))).body == (
        b"raw deflate body"
    )
    damaged = site.behave("/bad", ws.compressed(b"\x1f\x8b\x08\x00garbage", "gzip"))
    with pytest.raises(FetchError, match="gzip body is damaged"):
        client.get(damaged)


def test_only_web_addresses_are_fetched(client: HttpClient) -> None:
    with pytest.raises(FetchError, match="not a web address"):
        client.get("file:///etc/passwd")


def test_the_charset_comes_from_the_header(site: ws.Site, client: HttpClient) -> None:
    url = site.add("/l", "é".encode("latin-1"), content_type="text/html; charset=ISO-8859-1")
    answer = client.get(url)
    assert (answer.content_type, answer.charset) == ("text/html", "iso-8859-1")


def test_one_request_at_a_time_per_host_a_few_across_hosts(site: ws.Site) -> None:
    """Four feeds on one host fetched by four workers never overlap there; one feed asked
    under two host names (127.0.0.1 and localhost) at once is asked twice at a time."""
    from concurrent.futures import ThreadPoolExecutor

    client = HttpClient(timeout=2, proxies={}, max_concurrent=4)
    same = ws.Overlap(b"<rss/>")
    urls = [site.behave(f"/same/{n}", same) for n in range(4)]
    with ThreadPoolExecutor(4) as pool:
        assert [r.body for r in pool.map(client.get, urls)] == [b"<rss/>"] * 4
    assert same.overlapped == 0
    split = ws.Overlap(b"<rss/>", wait=1)
    url = site.behave("/split", split)
    with ThreadPoolExecutor(2) as pool:
        list(pool.map(client.get, [url, url.replace("127.0.0.1", "localhost")]))
    assert split.overlapped == 1
