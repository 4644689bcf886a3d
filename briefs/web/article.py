"""A page (and the feed item that led to it) → a Brief, through the one drafter.

The drafter reads article text laid out as an article file: a ` date YYYY-MM-DD Headline`
line, then the story. The page's own metadata (title, authors, date, site name) is laid
over what the drafter makes of the text, and the feed item fills what the page lacks.
"""

from __future__ import annotations

import dataclasses
import hashlib

from briefs.drafting import ArticleError, draft_brief
from briefs.ids import derive_id
from briefs.model import Brief
from briefs.web.feeds import FeedItem
from briefs.web.markup import one_line
from briefs.web.pages import Page


def page_id(date: str, title: str, url: str) -> str:
    """A brief id for the article at `url`: the derived id (date and headline) with a
    short digest of the URL after it. Two pages may share a day and a headline start;
    with the URL in it the id names this page, so a store never takes one for the other,
    and the same page reached twice (two feeds, a feed and `import URL`) is one brief."""
    tail = hashlib.sha256(url.encode("utf-8", "replace")).hexdigest()[:6]
    return f"{derive_id(date, title)[: 79 - len(tail)].rstrip('-')}-{tail}"


def article_text(title: str, date: str, text: str) -> str:
    """Text the drafter reads as an article with this headline and date."""
    return f" date {date[:10]} {one_line(title)}\n\n{text}\n"


def draft_page(
    page: Page,
    item: FeedItem | None = None,
    *,
    tags: tuple[str, ...] = (),
    brief_id: str | None = None,
) -> Brief:
    """The brief drafted from `page`; raise ArticleError (a plain reason) when it cannot be.

    The id is `page_id`'s; `brief_id` keeps a brief's id when its article changed
    upstream (a new title would otherwise make a new id, and a second brief).
    """
    title = page.title or (item.title if item else "")
    if not title:
        raise ArticleError("the page and the feed give no headline")
    date = page.date or (item.date if item else None)
    if not date:
        raise ArticleError("no publication date on the page or in the feed")
    drafted = draft_brief(article_text(title, date, page.text), name=page.url)
    authors = page.authors or (item.authors if item else ()) or drafted.authors
    return dataclasses.replace(
        drafted,
        id=brief_id or page_id(date, drafted.title, page.url),
        date=date,
        authors=tuple(authors),
        source=page.site or drafted.source,
        url=page.url,
        tags=tuple(dict.fromkeys(t for t in tags if t)),
    )
