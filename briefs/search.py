"""A compact, in-memory search index over briefs, for the query language in `briefs.query`.

Each brief becomes a `SearchDoc`: folded text (lower case, accents stripped) laid out as
' w1 w2 … ' segments, so that a word or phrase test is one `in` on a str (C speed, no
regular expressions built from the query). Segments are joined by newlines, which no word
holds, so a phrase never matches across two fields, two actors or two notes.

Memory: the body is the largest part of a brief, so a doc keeps only the body's distinct
words, sorted, in one string (about 2 KB for a 600-word article) instead of its running
text. A phrase is therefore matched exactly in the title, summary, actors, products and
notes, and approximately in the body: there it matches when each of its words occurs in the
body, in any order.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from briefs.folding import country_key, segment, words
from briefs.model import Actor, Brief, Tariff
from briefs.rates import parse_rate

if TYPE_CHECKING:
    from briefs.query import Query

# -- documents ---------------------------------------------------------------------


def _segments(texts: Iterable[str | None]) -> str:
    """Folded segments joined by newlines, so no phrase spans two of them."""
    return "\n".join(s for s in (segment(t) for t in texts if t) if s)


def _padded_key(name: str) -> str:
    # Interned: a few parties recur across thousands of tariffs and docs.
    return sys.intern(" " + country_key(name) + " ")


@dataclass(frozen=True, slots=True)
class TariffDoc:
    """One tariff, precomputed for matching.

    `by` and `on` are padded country keys (' united states '); `on` is None when the tariff
    applies to all. `products` holds folded segments; `rate` comes from `parse_rate`.
    """

    by: str
    on: str | None
    products: str
    measure: str
    status: str
    rate: float | None


@dataclass(frozen=True, slots=True)
class SearchDoc:
    """What search needs of one brief and the reader's state for it; immutable.

    `text` holds title, summary, actor roles and affiliations, and products; `actors` the
    actor names; `notes` the reader's notes; `body` the body's distinct words, sorted, as
    ' w1 w2 … '. `places` holds the country keys of actor
    affiliations and of actors that are countries. `id`, `date` and `title` are the brief's
    own strings (used for ordering).
    """

    id: str
    date: str
    title: str
    text: str
    body: str
    notes: str
    actors: str
    places: str
    source: str
    tags: tuple[str, ...]
    tariffs: tuple[TariffDoc, ...]
    read: bool
    starred: bool
    has_notes: bool

    def with_reader(
        self,
        *,
        notes: Sequence[str] | None = None,
        read: bool | None = None,
        starred: bool | None = None,
    ) -> SearchDoc:
        """This doc with new reader data; what is not given is kept. No Brief needed."""
        changes: dict[str, object] = {}
        if notes is not None:
            changes["notes"] = _segments(notes)
            changes["has_notes"] = bool(notes)
        if read is not None:
            changes["read"] = read
        if starred is not None:
            changes["starred"] = starred
        return replace(self, **changes)


def _tariff_doc(tariff: Tariff) -> TariffDoc:
    return TariffDoc(
        by=_padded_key(tariff.imposed_by),
        on=_padded_key(tariff.imposed_on) if tariff.imposed_on else None,
        products=sys.intern(_segments(tariff.products)),
        measure=sys.intern(tariff.measure),
        status=sys.intern(tariff.status),
        rate=parse_rate(tariff.rate),
    )


def _places(actors: Sequence[Actor]) -> str:
    keys = {a.affiliation for a in actors if a.affiliation}
    keys.update(a.name for a in actors if a.kind == "country")
    return "\n".join(sorted({_padded_key(k) for k in keys}))


def make_doc(
    brief: Brief, *, notes: Sequence[str] = (), read: bool = False, starred: bool = False
) -> SearchDoc:
    """Build the search doc of `brief`; `notes` are the texts of the reader's notes on it.

    A brief with any note, even a blank one, counts for `has:notes`.
    """
    roles: list[str | None] = []
    for actor in brief.actors:
        roles += (actor.role, actor.affiliation)
    products = [p for t in brief.tariffs for p in t.products]
    text = _segments([brief.title, brief.summary, *roles, *products])
    names = _segments(a.name for a in brief.actors)
    body_words = sorted(set(words(brief.body))) if brief.body else ()
    return SearchDoc(
        id=brief.id,
        date=brief.date,
        title=brief.title,
        text=text,
        body=" " + " ".join(body_words) + " " if body_words else "",
        notes=_segments(notes),
        actors=names,
        places=_places(brief.actors),
        source=sys.intern(segment(brief.source)) if brief.source else "",
        tags=tuple(sys.intern(" ".join(words(t))) for t in brief.tags),
        tariffs=tuple(_tariff_doc(t) for t in brief.tariffs),
        read=read,
        starred=starred,
        has_notes=bool(notes),
    )


# -- the index ---------------------------------------------------------------------


class SearchIndex:
    """Search docs by brief id; `search` scans them all, newest first.

    Results come newest first (by the brief's date, then title), the order of the store's
    brief list. Not thread-safe: the caller serialises `put`/`remove` with `search`.
    """

    def __init__(self, docs: Iterable[SearchDoc] = ()) -> None:
        self._docs: dict[str, SearchDoc] = {}
        self._order: list[str] | None = None
        for doc in docs:
            self.put(doc)

    def put(self, doc: SearchDoc) -> None:
        """Add `doc`, or replace the doc with its id."""
        old = self._docs.get(doc.id)
        self._docs[doc.id] = doc
        # Reader data changes (read, notes) keep the order; only new or re-dated docs reset it.
        if old is None or (old.date, old.title) != (doc.date, doc.title):
            self._order = None

    def remove(self, brief_id: str) -> bool:
        """Drop the doc of `brief_id`; False when there was none."""
        if self._docs.pop(brief_id, None) is None:
            return False
        self._order = None
        return True

    def get(self, brief_id: str) -> SearchDoc | None:
        return self._docs.get(brief_id)

    def clear(self) -> None:
        self._docs.clear()
        self._order = None

    def __len__(self) -> int:
        return len(self._docs)

    def __contains__(self, brief_id: object) -> bool:
        return brief_id in self._docs

    def __iter__(self) -> Iterator[SearchDoc]:
        """Docs newest first."""
        docs = self._docs
        return (docs[i] for i in self._ordered())

    def _ordered(self) -> list[str]:
        if self._order is None:
            docs = self._docs
            order = sorted(docs, key=lambda i: docs[i].title)
            order.sort(key=lambda i: docs[i].date, reverse=True)
            self._order = order
        return self._order

    def search(self, query: Query) -> list[str]:
        """Ids of the briefs that `query` matches (see `Query.matches`), newest first."""
        order = self._ordered()
        if query.is_empty:
            return list(order)
        docs = self._docs
        test = query.matcher()
        return [i for i in order if test(docs[i])]

    def search_tariffs(self, query: Query) -> list[tuple[str, int]]:
        """(brief id, tariff index) of every tariff the query keeps, for the tariff tracker.

        Briefs come newest first, each brief's tariffs in their own order.
        """
        docs = self._docs
        rows = query.tariff_indices
        return [(i, k) for i in self._ordered() for k in rows(docs[i])]
