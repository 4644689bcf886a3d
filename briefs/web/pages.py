"""Article pages → main text and metadata, with trafilatura (bytes in; no network).

trafilatura does best in the published main-text extraction benchmarks: it drops navigation,
comments, scripts and boilerplate and reads title, authors, date and site name from the
page's own metadata. Its import costs a good part of a second, so it loads on first use.
The bytes are decoded here first, since servers' charsets lie: a BOM, then UTF-8 (bytes that
decode as UTF-8 almost never are anything else, while a header saying ISO-8859-1 over UTF-8
is common), then the header's charset and the page's own <meta charset>, each strictly, and
cp1252 as a last resort.
"""

from __future__ import annotations

import codecs
import logging
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from briefs.dates import DateError, parse_date
from briefs.web.markup import one_line, strip_controls

MIN_TEXT = 80  # characters: less is a stub, a paywall or an error page, not an article
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I)
_QUIET = ("trafilatura", "htmldate", "courlan", "justext")


class PageError(ValueError):
    """A page we cannot read an article from; str() is the plain reason."""


@dataclass(frozen=True, slots=True)
class Page:
    url: str
    title: str
    text: str  # the main text, paragraphs separated by blank lines
    authors: tuple[str, ...] = ()
    date: str | None = None  # ISO, from the page's own metadata
    site: str | None = None


def _codec(name: str | bytes | None) -> str | None:
    if not name:
        return None
    text = name.decode("ascii", "replace") if isinstance(name, bytes) else name
    try:
        return codecs.lookup(text.strip().strip("\"'")).name
    except LookupError:
        return None


def decode_page(body: bytes, charset: str | None = None) -> str:
    """The page as text (see the module's note on the order of guesses)."""
    if body.startswith(codecs.BOM_UTF8):
        return body[3:].decode("utf-8", "replace")
    if body[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        return body.decode("utf-16", "replace")
    meta = _META_CHARSET.search(body[:8192])
    for name in ("utf-8", _codec(charset), _codec(meta.group(1) if meta else None)):
        if name:
            try:
                return body.decode(name)
            except UnicodeDecodeError:
                continue
    return body.decode("cp1252", "replace")


def _quiet() -> None:
    # Their warnings would reach the terminal through logging's last-resort handler.
    for name in _QUIET:
        logger = logging.getLogger(name)
        if not logger.handlers:
            logger.addHandler(logging.NullHandler())
        logger.propagate = False


def _paragraphs(text: str, title: str) -> str:
    lines = [" ".join(line.split()) for line in strip_controls(text).split("\n")]
    lines = [line for line in lines if line]
    if lines and title and lines[0] == title:  # the headline again, as the page's <h1>
        lines.pop(0)
    return "\n\n".join(lines)


def read_page(body: bytes, *, url: str, charset: str | None = None) -> Page:
    """The article on the page; raise PageError when there is none to draft from."""
    if not body.strip():
        raise PageError("the page is empty")
    html = decode_page(body, charset)
    if "\x00" in html[:8192]:
        raise PageError("the page is binary, not HTML")
    import trafilatura  # see the module's note

    _quiet()
    try:
        found = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
        )
    except Exception as exc:  # a library fault on hostile markup is a reason, not a crash
        raise PageError(f"could not read the page ({type(exc).__name__})") from exc
    if found is None or not getattr(found, "text", None):
        raise PageError("no article text found on the page")
    title = one_line(found.title)
    text = _paragraphs(found.text, title)
    if len(text) < MIN_TEXT:
        raise PageError(f"the page holds too little text for an article ({len(text)} characters)")
    date = None
    if found.date:
        try:
            date = parse_date(str(found.date))
        except DateError:
            date = None
    authors = tuple(
        dict.fromkeys(
            name
            for part in re.split(r";|\band\b|\|", found.author or "")
            if (name := one_line(part, limit=120))
        )
    )
    site = one_line(found.sitename, limit=120) or None
    if site and site.casefold() == (urlsplit(url).hostname or "").casefold():
        site = None  # a host name guessed from the URL is no publisher's name
    return Page(url, title, text, authors, date, site)
