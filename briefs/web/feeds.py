"""RSS and Atom feeds → items, with feedparser (bytes in; no network).

feedparser is the field's standard and forgives the broken feeds real sites serve. What it
would forgive too far is refused before it runs: a document that declares XML entities
(the "billion laughs" and external-entity attacks; no real feed needs one), and a page
that is HTML, not a feed, is named as such rather than read as an empty feed.
"""

from __future__ import annotations

import hashlib
import re
import time
from dataclasses import dataclass

from briefs.dates import DateError, parse_date
from briefs.web.markup import one_line, plain_text

MAX_ITEMS = 500  # per fetch of one feed: more is a dump, not a feed
_ENTITY_DECL = re.compile(rb"<!ENTITY", re.I)
_FEED_LINK = re.compile(rb"<link\b[^>]*application/(?:rss|atom)\+xml[^>]*>", re.I)
_HREF = re.compile(rb"""\bhref\s*=\s*["']([^"'<>]{1,1000})["']""", re.I)
_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html\b)", re.I | re.S)


class FeedError(ValueError):
    """Bytes that are not a feed we will read; str() is the plain reason."""


@dataclass(frozen=True, slots=True)
class FeedItem:
    key: str  # the item's guid or id, else its link: what "seen before" is judged by
    link: str
    title: str
    date: str | None  # ISO date or datetime, as briefs store them
    authors: tuple[str, ...]
    summary: str  # plain text
    digest: str  # of what the feed says of the item: it changes when the item does

    def to_dict(self) -> dict[str, object]:
        return {
            "key": self.key,
            "link": self.link,
            "title": self.title,
            "date": self.date,
            "authors": list(self.authors),
            "summary": self.summary,
            "digest": self.digest,
        }


@dataclass(frozen=True, slots=True)
class Feed:
    title: str
    link: str | None
    items: tuple[FeedItem, ...]
    skipped: int = 0  # items without a link to follow


def _screen(body: bytes) -> None:
    if not body.strip():
        raise FeedError("the feed is empty")
    probe = body
    if body[:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16: look at it as text
        probe = body.decode("utf-16", "replace").encode("utf-8", "replace")
    if _ENTITY_DECL.search(probe):
        raise FeedError("the feed declares XML entities (refused: a known attack)")
    if _HTML_START.match(probe[:4096]):
        hint = ""
        for tag in _FEED_LINK.findall(probe[:200_000]):
            href = _HREF.search(tag)
            if href:  # a site's home page usually names its feed: say where
                named = one_line(href.group(1).decode("utf-8", "replace"))
                hint = f"; the page names its feed: {named}"
                break
        raise FeedError(f"not an RSS or Atom feed (the server sent an HTML page{hint})")


def _date(entry: dict) -> str | None:
    for key in ("published", "updated", "created"):
        # dict.get: feedparser's own get maps a missing `updated` to `published`, warning.
        text = dict.get(entry, key)
        if isinstance(text, str) and text.strip():
            try:
                return parse_date(text)
            except DateError:
                pass
        parsed = dict.get(entry, f"{key}_parsed")
        if isinstance(parsed, time.struct_time):
            return time.strftime("%Y-%m-%dT%H:%M:%S+00:00", parsed)
    return None


def _authors(entry: dict) -> tuple[str, ...]:
    names = [one_line(a.get("name"), limit=120) for a in entry.get("authors") or ()]
    if not any(names) and entry.get("author"):
        names = [one_line(entry.get("author"), limit=120)]
    return tuple(dict.fromkeys(n for n in names if n))


def _item(entry: dict) -> FeedItem | None:
    link = one_line(entry.get("link"), limit=2000)
    if not link.startswith(("http://", "https://")):
        return None
    title = one_line(entry.get("title"))
    summary = plain_text(entry.get("summary"))[:20_000]
    date = _date(entry)
    authors = _authors(entry)
    key = one_line(entry.get("id"), limit=2000) or link
    updated = str(dict.get(entry, "updated"))
    seen = "\x1f".join([link, title, date or "", summary, *authors, updated])
    digest = hashlib.sha256(seen.encode("utf-8", "replace")).hexdigest()[:20]
    return FeedItem(key, link, title, date, authors, summary, digest)


def parse_feed(body: bytes, *, content_type: str | None = None) -> Feed:
    """The feed in `body`; raise FeedError (a plain reason) when it is not one."""
    _screen(body)
    import feedparser  # loads only when a feed is read

    headers = {"content-type": content_type} if content_type else {}
    parsed = feedparser.parse(body, response_headers=headers, sanitize_html=True)
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        reason = f" ({one_line(str(problem), limit=120)})" if problem else ""
        raise FeedError(f"not an RSS or Atom feed{reason}")
    items: list[FeedItem] = []
    skipped = 0
    keys: set[str] = set()
    for entry in parsed.entries[:MAX_ITEMS]:
        item = _item(entry)
        if item is None:
            skipped += 1
        elif item.key not in keys:  # the same guid twice in one feed is one item
            keys.add(item.key)
            items.append(item)
    feed = parsed.feed
    link = one_line(feed.get("link"), limit=2000)
    link = link if link.startswith(("http://", "https://")) else None  # an Atom id is no site
    return Feed(one_line(feed.get("title"), limit=120), link, tuple(items), skipped)
