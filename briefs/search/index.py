"""The search index: every brief's `SearchDoc` by id, scanned per query in the one order of
briefs (`briefs.order`: newest first). Docs may be `light` (their text in a word index on
disk): the index is then given that `WordLookup` and binds every query to it."""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterable, Iterator
from itertools import pairwise

from briefs.order import newest_first, title_key
from briefs.search.docs import SearchDoc
from briefs.search.lookup import WordLookup
from briefs.search.query import Query


class _Place:
    """Where a doc sorts in `newest_first` (date descending, then `title_key`), as a key
    `bisect` can compare: a change then moves one doc in the order, not a sort of all."""

    __slots__ = ("date", "title")

    def __init__(self, doc: SearchDoc) -> None:
        self.date, self.title = doc.date, title_key(doc)

    def __lt__(self, other: _Place) -> bool:
        return self.date > other.date or (self.date == other.date and self.title < other.title)


def is_newest_first(docs: list[SearchDoc]) -> bool:
    """Whether `docs` are in `newest_first` order already (one pass, no keys kept)."""
    for a, b in pairwise(docs):
        if a.date < b.date or (a.date == b.date and title_key(b) < title_key(a)):
            return False
    return True


class SearchIndex:
    """Search docs by brief id; `search` scans them all, newest first.

    Results come in `briefs.order.newest_first` order (by date, then title, then id), the
    order of the brief list. Not thread-safe: the caller serialises `put`/`remove` with
    `search`.
    """

    def __init__(
        self,
        docs: Iterable[SearchDoc] = (),
        *,
        in_order: bool = False,
        words: WordLookup | None = None,
    ) -> None:
        """`in_order`: `docs` come newest first already (sorted off the UI thread by
        `briefs.order.newest_first`, each id once), so the first search need not sort;
        a list is then kept as the order, not copied.
        `words`: the word index of `light` docs, which every query is bound to."""
        self.words = words
        self._docs: dict[str, SearchDoc] = {}
        # The docs newest first, scanned by every search; None: to sort again. `_swapped`:
        # some doc was replaced by one of the same place (new reader data), so the list is
        # brought up to date in one pass before the next search, not one per change.
        self._order: list[SearchDoc] | None = None
        self._swapped = False
        # A list given in order becomes the order itself (the caller hands it over): one
        # list of 100,000 docs, not two.
        given = docs if in_order and isinstance(docs, list) else list(docs)
        for doc in given:
            self.put(doc)
        if in_order and len(given) == len(self._docs):
            self._order = given

    def put(self, doc: SearchDoc) -> None:
        """Add `doc`, or replace the doc with its id."""
        old = self._docs.get(doc.id)
        self._docs[doc.id] = doc
        # Reader data changes (read, notes) keep the place; a new or re-dated doc moves.
        if old is not None and (old.date, old.title) == (doc.date, doc.title):
            self._swapped = True
            return
        if old is not None:
            self._drop(old)
        if self._order is not None:
            insort(self._order, doc, key=_Place)

    def remove(self, brief_id: str) -> bool:
        """Drop the doc of `brief_id`; False when there was none."""
        old = self._docs.pop(brief_id, None)
        if old is None:
            return False
        self._drop(old)
        return True

    def _drop(self, old: SearchDoc) -> None:
        """Take `old`'s place out of the order (it is found by its date, title and id)."""
        order = self._order
        if order is None:
            return
        k = bisect_left(order, _Place(old), key=_Place)
        if k < len(order) and order[k].id == old.id:
            del order[k]
        else:  # never so while the order holds; sort again rather than guess
            self._order = None

    def get(self, brief_id: str) -> SearchDoc | None:
        return self._docs.get(brief_id)

    def docs(self) -> Iterable[SearchDoc]:
        """Every doc, in no particular order (cheaper than iterating the index)."""
        return self._docs.values()

    def clear(self) -> None:
        self._docs.clear()
        self._order = None

    def __len__(self) -> int:
        return len(self._docs)

    def __contains__(self, brief_id: object) -> bool:
        return brief_id in self._docs

    def __iter__(self) -> Iterator[SearchDoc]:
        """Docs newest first."""
        return iter(self._ordered())

    def _ordered(self) -> list[SearchDoc]:
        if self._order is None:
            self._order = newest_first(self._docs.values())
        elif self._swapped:
            docs = self._docs
            self._order = [docs[d.id] for d in self._order]
        self._swapped = False
        return self._order

    def _bound(self, query: Query) -> Query:
        return query if self.words is None else query.bound(self.words)

    def search(self, query: Query) -> list[str]:
        """Ids of the briefs that `query` matches (see `Query.matches`), newest first."""
        return [doc.id for doc in self._bound(query).select(self._ordered())]

    def tariff_hits(self, query: Query) -> list[tuple[SearchDoc, int]]:
        """(doc, tariff index) of every tariff the query keeps, for the tariff tracker.

        Briefs come newest first, each brief's tariffs in their own order.
        """
        return self._bound(query).tariff_pairs(self._ordered())

    def search_tariffs(self, query: Query) -> list[tuple[str, int]]:
        """`tariff_hits` as (brief id, tariff index) pairs."""
        return [(doc.id, k) for doc, k in self.tariff_hits(query)]
