"""Article pages as bytes: the main text and metadata, and the brief drafted from them."""

from __future__ import annotations

import pytest

from briefs.drafting import ArticleError
from briefs.ids import is_valid_id
from briefs.web.article import draft_page
from briefs.web.feeds import parse_feed
from briefs.web.pages import PageError, decode_page, read_page
from tests.fixtures import web_site as w

URL = "http://127.0.0.1:9/story/3"


@pytest.mark.parametrize("layout", [w.wire_page, w.paper_page])
def test_main_text_and_metadata_come_from_the_page(layout) -> None:
    s = w.story(3)
    page = read_page(layout(s).encode(), url=URL)
    assert page.title == s.title
    assert page.date == s.date
    assert page.authors == (s.author,)
    assert page.site in ("Wire Service Daily", "The Harbour Ledger")
    for boilerplate in (
        "cookies",
        "Subscribe",
        "Markets end the week",
        "groceries dearer",
        "morning briefing",
        "dataLayer",
        "font-size",
        "All rights reserved",
    ):
        assert boilerplate not in page.text
    assert s.paragraphs[1] in page.text and s.paragraphs[3] in page.text


def test_a_brief_drafted_from_a_page_holds_the_page_and_the_drafters_work() -> None:
    s = w.story(3)
    brief = draft_page(read_page(w.wire_page(s).encode(), url=URL), tags=("Trade desk",))
    assert (brief.title, brief.date, brief.url) == (s.title, s.date, URL)
    assert brief.source == "Wire Service Daily" and brief.authors == (s.author,)
    assert brief.tags == ("Trade desk",)
    assert brief.body and s.paragraphs[2] in brief.body
    assert {"India", "Priya Nair"} <= {a.name for a in brief.actors}
    assert [(t.imposed_by, t.rate) for t in brief.tariffs] == [("India", "26%")]


def test_a_page_without_a_date_takes_the_feed_items_else_is_refused() -> None:
    s = w.story(4)
    page = read_page(w.undated_page(s).encode(), url=URL)
    assert page.date is None
    item = parse_feed(w.rss("T", [(s, URL)]).encode()).items[0]
    assert draft_page(page, item).date == "2025-01-05T09:30:00+00:00"
    undated_item = parse_feed(w.rss("T", [(s, URL)], dated=False).encode()).items[0]
    with pytest.raises(ArticleError, match="no publication date"):
        draft_page(page, undated_item)


def test_an_updated_article_keeps_its_briefs_id() -> None:
    page = read_page(w.wire_page(w.story(3)).encode(), url=URL)
    assert draft_page(page, brief_id="2025-01-04-first-title").id == "2025-01-04-first-title"


def test_escape_sequences_in_a_page_never_reach_the_brief() -> None:
    s = w.story(1)
    hostile = w.paper_page(s).replace(s.paragraphs[1], "\x1b[2J\x9b31m" + s.paragraphs[1])
    hostile = hostile.replace("<h1>", "<h1>\x1b]52;c;aGk=\x07")
    brief = draft_page(read_page(hostile.encode(), url=URL))
    text = f"{brief.title} {brief.body} {brief.summary}"
    assert "\x1b" not in text and "\x9b" not in text and "\x07" not in text


def test_charsets_that_lie_are_read_right() -> None:
    text = "<html><head><meta charset='iso-8859-1'></head><body>Façade — ok</body></html>"
    latin = text.replace(" — ", " - ").encode("latin-1")
    assert "Façade" in decode_page(latin, "utf-8")  # the header lies: the meta tag is right
    assert "Façade" in decode_page(text.encode(), "iso-8859-1")  # UTF-8 under a latin-1 header
    assert "Façade" in decode_page("Façade".encode("cp1252"), None)  # no word at all
    assert "Façade" in decode_page("Façade".encode(), "no-such-charset")


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"", "empty"),
        (b"\x00\x01\x02binary" * 50, "binary"),
        (b"<html><body><p>Too short.</p></body></html>", "too little text|no article text"),
    ],
)
def test_pages_with_no_article_are_refused(body: bytes, reason: str) -> None:
    with pytest.raises(PageError, match=reason):
        read_page(body, url=URL)


def test_two_pages_with_one_day_and_headline_get_two_ids_and_one_page_one() -> None:
    s = w.story(3)
    body = w.wire_page(s).encode()
    first = draft_page(read_page(body, url="http://a.example/one"))
    other = draft_page(read_page(body, url="http://b.example/two"))
    again = draft_page(read_page(body, url="http://a.example/one"))
    assert first.id != other.id and first.id == again.id
    assert first.id.startswith(f"{s.date}-india-sets-26-duty")
    assert is_valid_id(first.id) and len(first.id) <= 80
