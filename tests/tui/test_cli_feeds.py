"""The feed commands as a new user would try them, against a loopback server: subscribe,
list, fetch twice, import and export OPML, import pages by URL, and faults."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefs.web.opml import read_opml
from store import Store
from store.fetching import HttpClient
from tests.fixtures import web_server as ws
from tests.fixtures import web_site as w
from tui import cli_feeds
from tui.cli import main


@pytest.fixture
def site() -> Iterator[ws.Site]:
    with ws.serve() as running:
        yield running


@pytest.fixture(autouse=True)
def quick_client(monkeypatch: pytest.MonkeyPatch) -> None:
    def make() -> HttpClient:
        return HttpClient(timeout=0.3, sleep=lambda _: None, proxies={})

    monkeypatch.setattr(cli_feeds, "make_client", make)


def run(store_dir: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(
        [*argv[:2], "--store", str(store_dir), *argv[2:]]
        if argv[0] == "feed"
        else [argv[0], "--store", str(store_dir), *argv[1:]]
    )
    out, err = capsys.readouterr()
    return code, out, err


def trade_feed(site: ws.Site, n: int = 3, title: str = "Trade desk") -> str:
    items = [
        (w.story(i), site.add(f"/s/{i}", w.wire_page(w.story(i)), etag=f'"{i}"')) for i in range(n)
    ]
    return site.add(
        "/trade.xml", w.rss(title, items), etag='"feed-1"', content_type="application/rss+xml"
    )


def test_subscribe_fetch_and_fetch_again(
    store_dir: Path, site: ws.Site, capsys: pytest.CaptureFixture[str]
) -> None:
    url = trade_feed(site)
    code, out, _ = run(store_dir, capsys, "feed", "add", url)
    assert (
        code == 0
        and out == f"subscribed to Trade desk ({url}): 3 items; `briefing fetch` drafts them\n"
    )
    assert run(store_dir, capsys, "feed", "add", url)[1] == "already subscribed as Trade desk\n"
    code, out, err = run(store_dir, capsys, "fetch")
    assert (code, out, err) == (0, "fetched 1 feed: 3 new briefs, 0 unchanged, 0 failed\n", "")
    code, out, _ = run(store_dir, capsys, "fetch", "Trade desk")
    assert (code, out) == (0, "fetched 1 feed: 0 new briefs, 1 unchanged, 0 failed\n")
    briefs = {b.title: b for b in Store(store_dir).all_briefs()}
    assert w.story(2).title in briefs and briefs[w.story(2).title].tags == ("Trade desk",)
    code, out, _ = run(store_dir, capsys, "feed", "list", "--json")
    [listed] = json.loads(out)
    assert (listed["name"], listed["url"], listed["items_seen"]) == ("Trade desk", url, 3)
    assert listed["last_error"] is None and listed["last_fetched"]
    code, out, _ = run(store_dir, capsys, "feed", "list")
    assert out.startswith(f"Trade desk  {url}  fetched ") and out.endswith("3 items seen\n")


def test_a_failed_feed_is_a_line_on_stderr_and_exit_1_and_the_rest_is_imported(
    store_dir: Path, site: ws.Site, capsys: pytest.CaptureFixture[str]
) -> None:
    good = trade_feed(site, 2)
    run(store_dir, capsys, "feed", "add", good)
    bad = site.add("/gone.xml", w.rss("Gone", []), content_type="application/rss+xml")
    run(store_dir, capsys, "feed", "add", bad, "--name", "Gone")
    site.add("/gone.xml", "gone", status=410)
    code, out, err = run(store_dir, capsys, "fetch")
    assert code == 1
    assert out == "fetched 2 feeds: 2 new briefs, 0 unchanged, 1 failed\n"
    assert err == f"{bad}: HTTP 410 Gone (removed for good)\n"
    assert run(store_dir, capsys, "fetch", "Nobody")[2] == (
        "Nobody: no feed of that name or URL (see briefing feed list)\n"
    )


def test_adding_something_that_is_not_a_feed_subscribes_to_nothing(
    store_dir: Path, site: ws.Site, capsys: pytest.CaptureFixture[str]
) -> None:
    page = site.add("/article", w.paper_page(w.story(1)))
    code, _, err = run(store_dir, capsys, "feed", "add", page)
    assert (code, err) == (1, f"{page}: not an RSS or Atom feed (the server sent an HTML page)\n")
    assert run(store_dir, capsys, "feed", "add", "ftp://h/x")[0] == 2
    assert json.loads(run(store_dir, capsys, "feed", "list", "--json")[1]) == []


def test_feed_titles_reach_the_terminal_as_plain_text(
    store_dir: Path, site: ws.Site, capsys: pytest.CaptureFixture[str]
) -> None:
    url = trade_feed(site, 1, title="\x1b[2J\x1b]52;c;aGk=\x07[bold]Desk")
    run(store_dir, capsys, "feed", "add", url)
    _, out, _ = run(store_dir, capsys, "feed", "list")
    assert "\x1b" not in out and "\x07" not in out and "[bold]Desk" in out


def test_opml_import_with_folders_and_export_round_trip(
    store_dir: Path, site: ws.Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listing = tmp_path / "feeds.opml"
    listing.write_text(
        w.opml(
            [("Top", site.url("/top.xml")), ("Local", "file:///etc/passwd")],
            {"Trade": [("Deep", site.url("/deep.xml"))]},
        )
    )
    code, out, err = run(store_dir, capsys, "feed", "import", str(listing))
    assert code == 1 and err == "file:///etc/passwd: not a web address (http:// or https://)\n"
    assert out == f"subscribed to 2 feeds from {listing}, 0 already there, 1 failed\n"
    again = run(store_dir, capsys, "feed", "import", str(listing))[1]
    assert again == f"subscribed to 0 feeds from {listing}, 2 already there, 1 failed\n"
    code, out, _ = run(store_dir, capsys, "feed", "export")
    exported = read_opml(out.encode())
    assert [(o.name, o.folder) for o in exported] == [("Top", ()), ("Deep", ("Trade", "Inner"))]
    target = tmp_path / "out.opml"
    assert run(store_dir, capsys, "feed", "export", "--out", str(target))[0] == 0
    assert read_opml(target.read_bytes()) == exported
    bad = tmp_path / "bad.opml"
    bad.write_text(w.BILLION_LAUGHS.replace("rss", "opml"))
    code, _, err = run(store_dir, capsys, "feed", "import", str(bad))
    assert code == 1 and err == f"{bad}: the list declares a DOCTYPE or entities (refused)\n"


def test_remove_by_name_or_url(
    store_dir: Path, site: ws.Site, capsys: pytest.CaptureFixture[str]
) -> None:
    url = trade_feed(site, 1)
    run(store_dir, capsys, "feed", "add", url, "--name", "Desk")
    run(store_dir, capsys, "fetch")
    count = Store(store_dir).count()
    assert run(store_dir, capsys, "feed", "remove", url)[1] == (
        f"removed Desk ({url}); its briefs stay\n"
    )
    assert Store(store_dir).count() == count
    assert run(store_dir, capsys, "feed", "remove", "Desk")[0] == 1


def test_import_urls_and_paths_together(
    store_dir: Path, site: ws.Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = site.add("/p/1", w.paper_page(w.story(1)))
    missing = site.add("/p/2", "no", status=404)
    article = Path(__file__).parents[1] / "fixtures" / "articles" / "01_eu_ev_duties.txt"
    code, out, err = run(store_dir, capsys, "import", page, missing, str(article))
    assert code == 1
    assert err == f"{missing}: HTTP 404 Not Found\n"
    lines = out.splitlines()
    assert lines[0] == "imported 2 pages: 1 new brief, 0 unchanged, 1 failed"
    assert lines[1].startswith("added 1, updated 0, unchanged 0, failed 0")
    briefs = {b.url: b for b in Store(store_dir).all_briefs() if b.url}
    assert briefs[page].title == w.story(1).title and briefs[page].source == "The Harbour Ledger"
