"""The feeds subscribed to, and what was fetched of them, in `feeds.json`.

Table `feeds`, per name: {"url", "folder": [...], "site", "added", "last_fetched",
"last_error", "etag", "last_modified", "items": {key: item}} where an item (keyed by its
guid, else its link) is {"id": brief id, "digest": what the feed said of it, "link",
"etag", "last_modified"} once its brief is in the store, or {"entry": the feed's item,
"digest", "tries", "error"} while it keeps failing. Table `pages`, per URL imported by
`briefing import URL`: {"id", "etag", "last_modified"}.

Like every store file it is written atomically (store/storage.py) under the store lock,
re-read first, so two fetches in two processes each keep what the other recorded. A feed's
validators (ETag, Last-Modified) are saved with its items, after their briefs are in the
store: a fetch killed half-way is picked up whole by the next.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from store.errors import DamagedFileError
from store.paths import read_only_error
from store.storage import AtomicJSONStorage

if TYPE_CHECKING:
    from store.store import Store

FEEDS_FILE = "feeds.json"
FEEDS = "feeds"
PAGES = "pages"
MAX_NAME = 120
MAX_ITEMS_KEPT = 5000  # per feed: the oldest are forgotten past this
MAX_TRIES = 3  # a failing item is tried on this many fetches, then left


@dataclass(frozen=True, slots=True)
class Subscription:
    name: str
    url: str
    folder: tuple[str, ...] = ()
    site: str | None = None
    added: str | None = None
    last_fetched: str | None = None
    last_error: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    items: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    @property
    def items_seen(self) -> int:
        return sum(1 for item in self.items.values() if item.get("id"))

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "url": self.url,
            "folder": list(self.folder),
            "last_fetched": self.last_fetched,
            "items_seen": self.items_seen,
            "last_error": self.last_error,
        }


def _text(doc: Mapping[str, Any], key: str) -> str | None:
    value = doc.get(key)
    return value if isinstance(value, str) else None


def check_feeds(path: Any, data: Mapping[str, Any]) -> None:
    """feeds.json as `briefing check` reads it: each table an object, each subscription
    one that `fetch` can read (else DamagedFileError, and --repair restores the backup)."""
    for table in (FEEDS, "pages"):
        if not isinstance(data.get(table, {}), dict):
            raise DamagedFileError(path, f"its {table} table is not an object")
    for name, doc in data.get(FEEDS, {}).items():
        _subscription(path, name, doc)


def _subscription(path: Any, name: str, doc: Any) -> Subscription:
    url = doc.get("url") if isinstance(doc, dict) else None
    if not isinstance(url, str):
        raise DamagedFileError(path, f"feed {name!r} has no URL")
    items = doc.get("items")
    folder = doc.get("folder")
    return Subscription(
        name=name,
        url=url,
        folder=tuple(f for f in folder if isinstance(f, str)) if isinstance(folder, list) else (),
        site=_text(doc, "site"),
        added=_text(doc, "added"),
        last_fetched=_text(doc, "last_fetched"),
        last_error=_text(doc, "last_error"),
        etag=_text(doc, "etag"),
        last_modified=_text(doc, "last_modified"),
        items={k: v for k, v in items.items() if isinstance(v, dict)}
        if isinstance(items, dict)
        else {},
    )


def clean_name(text: str) -> str:
    """A feed name as typed or as a feed titles itself: one line, no control characters."""
    name = " ".join("".join(c if c.isprintable() else " " for c in text).split())
    return name[:MAX_NAME].rstrip()


class Subscriptions:
    """The subscriptions of one store; every method takes the store lock itself."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.path = store.root / FEEDS_FILE
        self._storage = AtomicJSONStorage(self.path)

    def _data(self) -> dict[str, Any]:
        return self._storage.read() or {}

    def _write(self, data: dict[str, Any]) -> None:
        if self.store.read_only:
            raise read_only_error(self.store.root)
        self.store.finish_checks()  # a deferred open's: damage is named before any write
        self._storage.write(data)

    def all(self) -> list[Subscription]:
        """Every subscription, in the order they were added."""
        with self.store.lock:
            table = self._data().get(FEEDS, {})
        return [_subscription(self.path, name, doc) for name, doc in table.items()]

    def find(self, name_or_url: str) -> Subscription | None:
        wanted = name_or_url.strip()
        subs = self.all()
        for sub in subs:
            if sub.name == wanted:
                return sub
        for sub in subs:
            if sub.url == wanted:
                return sub
        folded = wanted.casefold()
        matches = [sub for sub in subs if sub.name.casefold() == folded]
        return matches[0] if len(matches) == 1 else None

    def add(
        self, url: str, name: str, *, folder: tuple[str, ...] = (), site: str | None = None
    ) -> tuple[Subscription, bool]:
        """Subscribe; (the subscription, True), or (the one there already, False)."""
        added = self.add_many([(url, name, folder, site)])
        return added[0]

    def add_many(
        self, feeds: Iterable[tuple[str, str, tuple[str, ...], str | None]]
    ) -> list[tuple[Subscription, bool]]:
        """Subscribe to each (url, name, folder, site) in one write; a URL already there is
        left as it is, and a name already taken gets ` (2)`, ` (3)` … after it."""
        out: list[tuple[Subscription, bool]] = []
        with self.store.lock:
            data = self._data()
            table = data.setdefault(FEEDS, {})
            by_url = {doc.get("url"): name for name, doc in table.items()}
            for url, name, folder, site in feeds:
                if url in by_url:
                    out.append((_subscription(self.path, by_url[url], table[by_url[url]]), False))
                    continue
                base = clean_name(name) or url
                unique, n = base, 2
                while unique in table:
                    unique, n = f"{base} ({n})", n + 1
                table[unique] = {
                    "url": url,
                    "folder": list(folder),
                    "site": site,
                    "added": self.store.clock().isoformat(),
                    "items": {},
                }
                by_url[url] = unique
                out.append((_subscription(self.path, unique, table[unique]), True))
            if any(new for _, new in out):
                self._write(data)
        return out

    def remove(self, name_or_url: str) -> Subscription | None:
        found = self.find(name_or_url)
        if found is None:
            return None
        with self.store.lock:
            data = self._data()
            if data.get(FEEDS, {}).pop(found.name, None) is not None:
                self._write(data)
        return found

    def record(
        self,
        name: str,
        url: str,
        changes: Mapping[str, Any],
        items: Mapping[str, Mapping[str, Any] | None],
    ) -> None:
        """Lay a fetch's outcome over the feed's record (re-read first): `changes` to its
        fields, `items` by key (None forgets one). A feed removed (or re-pointed) since the
        fetch began is left alone."""
        with self.store.lock:
            data = self._data()
            doc = data.get(FEEDS, {}).get(name)
            if not isinstance(doc, dict) or doc.get("url") != url:
                return
            doc.update(changes)
            kept = doc.setdefault("items", {})
            for key, item in items.items():
                kept.pop(key, None)  # re-inserted last: the newest items are kept
                if item is not None:
                    kept[key] = dict(item)
            for key in list(kept)[: max(0, len(kept) - MAX_ITEMS_KEPT)]:
                del kept[key]
            self._write(data)

    def pages(self) -> dict[str, dict[str, Any]]:
        with self.store.lock:
            table = self._data().get(PAGES, {})
        return {url: doc for url, doc in table.items() if isinstance(doc, dict)}

    def record_pages(self, pages: Mapping[str, Mapping[str, Any]]) -> None:
        if not pages:
            return
        with self.store.lock:
            data = self._data()
            data.setdefault(PAGES, {}).update({url: dict(doc) for url, doc in pages.items()})
            self._write(data)
