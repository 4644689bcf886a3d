"""A web page saved as a file (`.html`, `.htm`) → a brief, read as a fetched page is.

Readers keep pages they saved from a browser, or were sent, beside their text articles; the
page reader and the drafter are the ones `import URL` uses, so a saved page drafts as the
page fetched would. Its address is the file's (`file://…`), which gives the brief its id.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from briefs.dates import DateError, parse_date
from briefs.drafting import MAX_ARTICLE_BYTES, ArticleError
from briefs.model import Brief
from briefs.reading import BriefFileError
from briefs.web.article import draft_page
from briefs.web.pages import PageError, read_page

PAGE_SUFFIXES = (".html", ".htm")  # compared in lower case


def read_page_file(path: Path, *, date: str | None = None) -> Brief:
    """Read and draft one saved page; any problem raises BriefFileError(`path: reason`).
    `date` dates a page whose metadata gives none."""
    try:
        with path.open("rb") as handle:
            body = handle.read(MAX_ARTICLE_BYTES + 1)
    except OSError as exc:
        raise BriefFileError(f"{path}: {exc.strerror or exc}") from exc
    if len(body) > MAX_ARTICLE_BYTES:
        raise BriefFileError(f"{path}: larger than {MAX_ARTICLE_BYTES // 2**20} MiB")
    try:
        page = read_page(body, url=path.resolve().as_uri())
        if page.date is None and date is not None:
            page = dataclasses.replace(page, date=parse_date(date))
        if page.date is None:
            raise ArticleError("no publication date on the page; give one with --date YYYY-MM-DD")
        return draft_page(page)
    except (PageError, ArticleError, DateError) as exc:
        raise BriefFileError(f"{path}: {exc}") from exc
    except Exception as exc:  # a library fault on hostile markup is a reason, not a crash
        raise BriefFileError(f"{path}: could not draft a brief ({type(exc).__name__})") from exc
