"""A page (and the feed item that led to it) → a Brief, through the one drafter.

The drafter reads article text laid out as an article file: a ` date YYYY-MM-DD Headline`
line, then the story. The page's own metadata (title, authors, date, site name) is laid
over what the drafter makes of the text, and the feed item fills what the page lacks.
"""

from __future__ import annotations

import dataclasses

from briefs.drafting import ArticleError, draft_brief
from briefs.model import Brief
from briefs.web.feeds import FeedItem
from briefs.web.markup import one_line
from briefs.web.pages import Page


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

    `brief_id` keeps a brief's id when its article changed upstream (a new title would
    otherwise derive a new id and make a second brief).
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
        id=brief_id or drafted.id,
        date=date,
        authors=tuple(authors),
        source=page.site or drafted.source,
        url=page.url,
        tags=tuple(dict.fromkeys(t for t in tags if t)),
    )
