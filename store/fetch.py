"""Feeds and pages into briefs: what `briefing fetch`, `briefing import URL` and the
reader's `F` all call.

A fetch asks each feed with its validators (a feed with nothing new answers 304), follows
each item not seen before — or changed since — to its page, drafts a brief from the page
and imports the feed's briefs in one write, then records the items and the validators
(store/subscriptions.py). Feeds are fetched a few at a time (the client's limit); a feed's
items one after another, which is also one at a time for its host. Every fault is one
`URL: reason` in the report; nothing already in the store is touched by one.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from briefs.drafting import ArticleError
from briefs.model import Brief
from briefs.web.article import draft_page
from briefs.web.feeds import Feed, FeedError, FeedItem, parse_feed
from briefs.web.pages import PageError, read_page
from store.errors import StoreError
from store.fetching import (
    FEED_ACCEPT,
    PAGE_ACCEPT,
    PAGE_MAX_BYTES,
    FetchError,
    HttpClient,
    Response,
)
from store.paths import read_only_error
from store.records import ImportCounts
from store.store import Store
from store.subscriptions import MAX_TRIES, Subscription, Subscriptions

BATCH = 20  # briefs imported together while a feed is fetched


@dataclass(frozen=True, slots=True)
class FetchProgress:
    """Where a fetch is; handed to the progress callback after every feed and item."""

    feeds_done: int
    feeds_total: int
    items_done: int
    items_total: int  # grows as feeds answer with new items
    new: int
    updated: int
    failed: int
    current: str = ""  # the URL just done


Progress = Callable[[FetchProgress], None]


@dataclass(slots=True)
class FetchReport:
    """What a fetch did. `unchanged` counts feeds (or pages) with nothing new or changed;
    `failures` are `URL: reason` lines, one per feed or item that failed."""

    feeds: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failures: list[str] = field(default_factory=list)
    new_ids: list[str] = field(default_factory=list)  # briefs added, in the order they came
    requests: int = 0
    cancelled: bool = False

    @property
    def failed(self) -> int:
        return len(self.failures)

    def summary(self, what: str = "feed", verb: str = "fetched") -> str:
        parts = [f"{self.new} new {'brief' if self.new == 1 else 'briefs'}"]
        if self.updated:
            parts.append(f"{self.updated} updated")
        parts += [f"{self.unchanged} unchanged", f"{self.failed} failed"]
        noun = what if self.feeds == 1 else f"{what}s"
        return f"{verb} {self.feeds} {noun}: {', '.join(parts)}"


class _Run:
    """A fetch's counters, shared by its worker threads; progress calls are serialised."""

    def __init__(self, feeds_total: int, progress: Progress | None, cancel: threading.Event):
        self.report = FetchReport()
        self.feeds_total = feeds_total
        self.feeds_done = self.items_done = self.items_total = 0
        self.progress = progress
        self.cancel = cancel
        self._lock = threading.Lock()
        self.importing = threading.Lock()

    def tell(
        self,
        current: str,
        *,
        feed: bool = False,
        item: bool = False,
        items: int = 0,
        failure: str | None = None,
        counts: ImportCounts | None = None,
        unchanged: bool = False,
        ids: Iterable[str] = (),
    ) -> None:
        with self._lock:
            report = self.report
            self.feeds_done += feed
            self.items_done += item
            self.items_total += items
            if failure:
                report.failures.append(failure)
            if counts is not None:
                report.new += counts.added
                report.updated += counts.updated
            report.unchanged += unchanged
            report.new_ids.extend(ids)
            if self.progress is not None:
                self.progress(
                    FetchProgress(
                        self.feeds_done,
                        self.feeds_total,
                        self.items_done,
                        self.items_total,
                        report.new,
                        report.updated,
                        len(report.failures),
                        current,
                    )
                )


def _now(store: Store) -> str:
    return store.clock().isoformat()


def _stored_item(entry: Any) -> FeedItem | None:
    """A feed item kept from an earlier fetch (to retry it), or None if it is not whole."""
    try:
        item = FeedItem(
            key=str(entry["key"]),
            link=str(entry["link"]),
            title=str(entry.get("title") or ""),
            date=entry.get("date") if isinstance(entry.get("date"), str) else None,
            authors=tuple(str(a) for a in entry.get("authors") or ()),
            summary=str(entry.get("summary") or ""),
            digest=str(entry.get("digest") or ""),
        )
    except (KeyError, TypeError, AttributeError):
        return None
    return item if item.link.startswith(("http://", "https://")) else None


def _tries(rec: dict[str, Any]) -> int:
    tries = rec.get("tries")
    return tries if isinstance(tries, int) else 0


def _to_do(sub: Subscription, feed: Feed | None) -> list[tuple[FeedItem, dict[str, Any]]]:
    """Items to follow: new ones, changed ones, and earlier failures still worth a try."""
    work: list[tuple[FeedItem, dict[str, Any]]] = []
    listed: set[str] = set()
    for item in feed.items if feed else ():
        listed.add(item.key)
        rec = dict(sub.items.get(item.key) or {})
        same = rec.get("digest") == item.digest
        if same and (rec.get("id") or _tries(rec) >= MAX_TRIES):
            continue
        work.append((item, rec))
    for key, rec in sub.items.items():
        if key in listed or rec.get("id") or _tries(rec) >= MAX_TRIES:
            continue
        item = _stored_item(rec.get("entry") or {})
        if item is not None:
            work.append((item, dict(rec)))
    return work


def _page_brief(
    client: HttpClient,
    url: str,
    rec: dict[str, Any],
    *,
    item: FeedItem | None = None,
    tags: tuple[str, ...] = (),
) -> tuple[Brief | None, Response]:
    """The brief drafted from the page at `url`, or None when the page answered 304.

    Raises FetchError (`URL: reason`) for every fault, drafting's included.
    """
    known = rec.get("id") and rec.get("link", url) == url
    answer = client.get(
        url,
        etag=rec.get("etag") if known else None,
        last_modified=rec.get("last_modified") if known else None,
        accept=PAGE_ACCEPT,
        max_bytes=min(client.max_bytes, PAGE_MAX_BYTES),
    )
    if answer.not_modified:
        if not known:
            raise FetchError(url, "HTTP 304 for a page never fetched")
        return None, answer
    try:
        page = read_page(answer.body, url=answer.url, charset=answer.charset)
        brief = draft_page(page, item, tags=tags, brief_id=rec.get("id") or None)
    except (PageError, ArticleError) as exc:
        raise FetchError(url, str(exc)) from None
    except Exception as exc:  # the drafter's or trafilatura's fault: a reason, not a crash
        raise FetchError(url, f"could not draft a brief ({type(exc).__name__})") from None
    return brief, answer


def _with_earlier_tags(store: Store, brief: Brief) -> Brief:
    """The brief with the tags its stored content already has: the same article reached
    through two feeds (or a feed and `import URL`) keeps both names, not the last one."""
    earlier = store.source_brief(brief.id)
    if earlier is None or not earlier.tags:
        return brief
    return dataclasses.replace(brief, tags=tuple(dict.fromkeys((*earlier.tags, *brief.tags))))


def _seen(brief_id: str, item: FeedItem | None, url: str, answer: Response) -> dict[str, Any]:
    rec: dict[str, Any] = {"id": brief_id, "link": url}
    if item is not None:
        rec["digest"] = item.digest
    if answer.etag:
        rec["etag"] = answer.etag
    if answer.last_modified:
        rec["last_modified"] = answer.last_modified
    return rec


def _fetch_feed(
    store: Store, subs: Subscriptions, client: HttpClient, run: _Run, sub: Subscription
) -> None:
    now = _now(store)
    try:
        answer = client.get(
            sub.url, etag=sub.etag, last_modified=sub.last_modified, accept=FEED_ACCEPT
        )
        feed = None
        if not answer.not_modified:
            content_type = answer.content_type
            if content_type and answer.charset:
                content_type = f"{content_type}; charset={answer.charset}"
            try:
                feed = parse_feed(answer.body, content_type=content_type)
            except FeedError as exc:
                raise FetchError(sub.url, str(exc)) from None
    except FetchError as exc:
        subs.record(sub.name, sub.url, {"last_fetched": now, "last_error": exc.reason}, {})
        run.tell(sub.url, feed=True, failure=str(exc))
        return
    work = _to_do(sub, feed)
    run.tell(sub.url, items=len(work))
    briefs: list[Brief] = []
    records: dict[str, dict[str, Any] | None] = {}
    failures: list[str] = []
    changed = False

    def flush() -> None:
        """Import the briefs drafted so far, then record their items: new briefs reach the
        store (and the reader) as the fetch goes, and a kill loses one batch at most."""
        nonlocal changed
        with run.importing:  # feeds sharing an article add their tags one after another
            merged = [_with_earlier_tags(store, b) for b in briefs]
            new_ids = [b.id for b in merged if store.row(b.id) is None]
            counts = store.import_briefs(merged) if merged else ImportCounts()
        changed = changed or bool(counts.added or counts.updated)
        subs.record(sub.name, sub.url, {}, records)
        run.tell(sub.url, counts=counts, ids=new_ids)
        briefs.clear()
        records.clear()

    finished = True
    for item, rec in work:
        if run.cancel.is_set():
            finished = False
            break
        try:
            brief, page_answer = _page_brief(client, item.link, rec, item=item, tags=(sub.name,))
        except FetchError as exc:
            failures.append(str(exc))
            if not rec.get("id"):  # a brief already there keeps its record: tried next change
                tries = _tries(rec) + 1
                records[item.key] = {
                    "entry": item.to_dict(),
                    "digest": item.digest,
                    "tries": tries,
                    "error": exc.reason,
                }
            run.tell(item.link, item=True, failure=str(exc))
            continue
        if brief is None:
            records[item.key] = {**rec, "digest": item.digest}
        else:
            briefs.append(brief)
            records[item.key] = _seen(brief.id, item, item.link, page_answer)
        run.tell(item.link, item=True)
        if len(briefs) >= BATCH:
            flush()
    flush()
    changes: dict[str, Any] = {"last_fetched": now, "last_error": None}
    if failures:
        changes["last_error"] = f"{len(failures)} item(s) failed; the first: {failures[0]}"
    if finished:  # validators only with every item done, so a stopped fetch is picked up
        changes["etag"] = answer.etag or sub.etag
        changes["last_modified"] = answer.last_modified or sub.last_modified
    subs.record(sub.name, sub.url, changes, {})
    run.tell(sub.url, feed=True, unchanged=not changed and not failures)


def _guarded(run: _Run, url: str, job: Callable[[], None]) -> Callable[[], None]:
    """`job`, with a fault of ours or a library's reported as `URL: reason`, not raised;
    a StoreError (read-only, disk full) still stops the fetch."""

    def guarded() -> None:
        try:
            job()
        except StoreError:
            raise
        except Exception as exc:
            run.tell(url, feed=True, failure=f"{url}: unexpected error ({type(exc).__name__})")

    return guarded


def _pool_run(jobs: Sequence[Callable[[], None]], workers: int) -> None:
    if not jobs:
        return
    with ThreadPoolExecutor(max_workers=max(1, min(workers, len(jobs)))) as pool:
        for future in [pool.submit(job) for job in jobs]:
            future.result()  # a StoreError (disk full…) reaches the caller


def fetch_feeds(
    store: Store,
    names: Iterable[str] | None = None,
    *,
    client: HttpClient | None = None,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> FetchReport:
    """Fetch every feed (or those named: a name or a URL), draft and import new items.

    Safe to call from a worker thread: `progress` is called from the fetch's own threads,
    one call at a time and never with the store lock held, so it may read the store (a
    Textual app would pass it on with `call_from_thread`). Briefs are imported in batches
    of BATCH as the fetch goes, so they reach the store (and a reader) before it ends;
    `FetchReport.new_ids` lists them. Setting `cancel` stops it after the requests under
    way, keeping what was fetched. A name that is not subscribed is a failure line. Raises
    StoreError only when the store cannot be written (read-only, disk full).
    """
    if store.read_only:
        raise read_only_error(store.root)
    subs = Subscriptions(store)
    client = client or HttpClient()
    chosen: list[Subscription] = []
    unknown: list[str] = []
    if names is None:
        chosen = subs.all()
    else:
        for name in names:
            found = subs.find(name)
            if found is None:
                unknown.append(f"{name}: no feed of that name or URL (see briefing feed list)")
            elif found not in chosen:
                chosen.append(found)
    run = _Run(len(chosen), progress, cancel or threading.Event())
    run.report.failures.extend(unknown)
    before = client.requests
    jobs = [
        _guarded(run, sub.url, lambda sub=sub: _fetch_feed(store, subs, client, run, sub))
        for sub in chosen
    ]
    _pool_run(jobs, client.max_concurrent)
    run.report.feeds = len(chosen)
    run.report.requests = client.requests - before
    run.report.cancelled = run.cancel.is_set()
    return run.report


def import_pages(
    store: Store,
    urls: Iterable[str],
    *,
    client: HttpClient | None = None,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> FetchReport:
    """Draft and import the article page at each URL (`briefing import URL...`).

    A page imported before keeps its brief's id, and answers 304 when unchanged. The
    report counts pages in `feeds` and `unchanged`.
    """
    if store.read_only:
        raise read_only_error(store.root)
    subs = Subscriptions(store)
    client = client or HttpClient()
    wanted = list(dict.fromkeys(u.strip() for u in urls if u.strip()))
    known = subs.pages()
    run = _Run(len(wanted), progress, cancel or threading.Event())
    found: dict[str, tuple[Brief | None, Response]] = {}

    def one(url: str) -> None:
        if run.cancel.is_set():
            return
        try:
            found[url] = _page_brief(client, url, dict(known.get(url) or {}))
        except FetchError as exc:
            run.tell(url, feed=True, failure=str(exc))
            return
        run.tell(url, feed=True)

    before = client.requests
    _pool_run([_guarded(run, u, lambda u=u: one(u)) for u in wanted], client.max_concurrent)
    briefs = [_with_earlier_tags(store, b) for b, _ in found.values() if b is not None]
    new_ids = [b.id for b in briefs if store.row(b.id) is None]
    counts = store.import_briefs(briefs) if briefs else ImportCounts()
    pages = {
        url: _seen(brief.id if brief else known[url]["id"], None, url, answer)
        for url, (brief, answer) in found.items()
    }
    subs.record_pages(pages)
    report = run.report
    report.feeds = len(wanted)
    report.new, report.updated = counts.added, counts.updated
    report.unchanged = len(found) - counts.added - counts.updated
    report.new_ids = new_ids
    report.requests = client.requests - before
    report.cancelled = run.cancel.is_set()
    return report


def probe_feed(url: str, *, client: HttpClient) -> Feed:
    """The feed at `url`, read to be subscribed to; raises FetchError (`URL: reason`)."""
    answer = client.get(url, accept=FEED_ACCEPT)
    try:
        return parse_feed(answer.body, content_type=answer.content_type)
    except FeedError as exc:
        raise FetchError(url, str(exc)) from None


__all__ = [
    "FetchProgress",
    "FetchReport",
    "HttpClient",
    "Progress",
    "StoreError",
    "fetch_feeds",
    "import_pages",
    "probe_feed",
]
