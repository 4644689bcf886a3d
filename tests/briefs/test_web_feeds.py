"""Feeds and OPML lists as bytes: what is read, and what is refused with a reason."""

from __future__ import annotations

import pytest

from briefs.web.feeds import MAX_ITEMS, FeedError, parse_feed
from briefs.web.opml import OpmlError, Outline, read_opml, write_opml
from tests.fixtures import web_site as w


def _items(n: int) -> list[tuple[w.Story, str]]:
    return [(w.story(i), f"http://127.0.0.1:9/story/{i}") for i in range(n)]


def test_rss_items_carry_link_title_date_guid_authors_summary() -> None:
    feed = parse_feed(w.rss("Trade desk", _items(3)).encode())
    assert feed.title == "Trade desk"
    first = feed.items[0]
    assert first.key == "story-0"
    assert first.link == "http://127.0.0.1:9/story/0"
    assert first.title == w.story(0).title
    assert first.date == "2025-01-01T09:30:00+00:00"
    assert first.authors == (w.story(0).author,)
    assert first.summary.startswith("Canada will charge")
    assert len({i.digest for i in feed.items}) == 3


def test_atom_entries_are_items_too() -> None:
    feed = parse_feed(w.atom("Atom desk", _items(2)).encode())
    assert [i.key for i in feed.items] == ["urn:story:0", "urn:story:1"]
    assert feed.items[1].date == "2025-01-02T10:00:00+00:00"


def test_an_item_changed_upstream_has_a_new_digest() -> None:
    before = parse_feed(w.rss("T", _items(1)).encode()).items[0]
    text = w.rss("T", _items(1)).replace("Canada will charge", "Canada now plans to charge")
    after = parse_feed(text.encode()).items[0]
    assert before.key == after.key and before.digest != after.digest


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (w.BILLION_LAUGHS, "declares XML entities"),
        (w.EXTERNAL_ENTITY, "declares XML entities"),
        (w.paper_page(w.story(1)), "the server sent an HTML page"),
        ("", "empty"),
        ("this is not XML at all { }", "not an RSS or Atom feed"),
    ],
)
def test_hostile_or_wrong_documents_are_refused_with_a_reason(body: str, reason: str) -> None:
    with pytest.raises(FeedError, match=reason):
        parse_feed(body.encode())


def test_a_huge_feed_is_read_up_to_its_cap() -> None:
    items = "".join(
        f"<item><title>t{i}</title><link>http://h/{i}</link></item>" for i in range(MAX_ITEMS + 50)
    )
    feed = parse_feed(f'<rss version="2.0"><channel>{items}</channel></rss>'.encode())
    assert len(feed.items) == MAX_ITEMS


def test_items_without_a_web_link_are_skipped_and_escapes_removed() -> None:
    body = (
        '<rss version="2.0"><channel><title>\x1b[2Jdesk</title>'
        "<item><title>no link</title></item>"
        "<item><title>file</title><link>file:///etc/passwd</link></item>"
        "<item><title>ok \x1b]52;c;aGk=\x07 [bold]x[/]</title><link>http://h/1</link></item>"
        "<item><title>again</title><link>http://h/1</link></item>"
        "</channel></rss>"
    )
    feed = parse_feed(body.encode())
    assert feed.skipped == 2
    assert [i.link for i in feed.items] == ["http://h/1"]  # the same link twice is one item
    assert "\x1b" not in feed.title and "\x1b" not in feed.items[0].title
    assert "[bold]" in feed.items[0].title  # markup stays as text, shown literally


def test_opml_nested_folders_are_read_with_their_path() -> None:
    text = w.opml([("Top", "http://h/top.xml")], {"Trade": [("Deep", "http://h/deep.xml")]})
    assert read_opml(text.encode()) == [
        Outline("Top", "http://h/top.xml", ()),
        Outline("Deep", "http://h/deep.xml", ("Trade", "Inner")),
    ]


def test_opml_written_reads_back_the_same() -> None:
    outlines = [
        Outline("A & B <news>", "http://h/a?x=1&y=2", ()),
        Outline("Deep \x01one", "http://h/d", ("Trade", "Inner"), "http://h/"),
        Outline("Sibling", "http://h/s", ("Trade",)),
    ]
    again = read_opml(write_opml(outlines))
    assert [(o.name, o.url, o.folder) for o in again] == [
        ("A & B <news>", "http://h/a?x=1&y=2", ()),
        ("Deep one", "http://h/d", ("Trade", "Inner")),
        ("Sibling", "http://h/s", ("Trade",)),
    ]


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (w.BILLION_LAUGHS.replace("rss", "opml"), "DOCTYPE or entities"),
        ('<?xml version="1.0"?><!DOCTYPE opml SYSTEM "http://h/x.dtd"><opml/>', "DOCTYPE"),
        ("<opml><body><outline", "not well-formed"),
        ('<rss version="2.0"/>', "not an OPML list"),
    ],
)
def test_bad_opml_is_refused_with_a_reason(body: str, reason: str) -> None:
    with pytest.raises(OpmlError, match=reason):
        read_opml(body.encode())


def test_a_feed_whose_charset_lies_is_still_read() -> None:
    text = w.rss("Café desk", _items(1)).replace('encoding="UTF-8"', 'encoding="utf-8"')
    latin = text.encode("latin-1")  # the document and the header say UTF-8
    feed = parse_feed(latin, content_type="application/rss+xml; charset=utf-8")
    assert feed.title == "Café desk" and len(feed.items) == 1


def test_a_home_page_given_for_a_feed_says_where_its_feed_is() -> None:
    page = w.paper_page(w.story(1)).replace(
        "</head>",
        '<link rel="alternate" type="application/rss+xml" title="News" href="/rss/news.xml">'
        "</head>",
    )
    with pytest.raises(FeedError) as caught:
        parse_feed(page.encode())
    assert str(caught.value) == (
        "not an RSS or Atom feed (the server sent an HTML page; "
        "the page names its feed: /rss/news.xml)"
    )
