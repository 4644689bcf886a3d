"""What the interface derives from one brief, and how it is kept in the scan cache.

For each brief the catalog keeps one object, its search doc (briefs.search): besides what
search reads, the doc holds the tariffs as written (`TariffDoc.imposer` …) and the actors
as written (`SearchDoc.people`, flat), so the tariff tracker's rows and the actor index are
made from it when asked, not kept beside it. `derive` makes a doc from a brief; the catalog
keeps it `light` (briefs.search.docs), its searched text in the scan cache's word index.

Reading and deriving every brief is most of the time to "search ready", so docs are also
kept in the store's scan cache (store/scan_cache.py) as plain JSON lists: `encode` writes
one brief's, and `decode` turns an entry back, checking every value's type, or gives None
for one that does not fit (then the brief is read again). The reader's notes and
read/starred state are not cached: they change often and are laid over the doc when it is
decoded. What can be computed again from what an entry holds (the parties' country keys,
the rate's number) is computed, once per distinct value, not stored.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from briefs.model import Brief
from store import ReaderState

if TYPE_CHECKING:
    from briefs.search.docs import SearchDoc

LAYOUT = "catalog-4"  # what an entry holds; a new layout gets a new name
# The modules whose code decides what an entry holds (a doc's folded text, its places):
# entries made by other code are not trusted, so an upgrade reads every brief again.
DERIVING = (
    "tui.derived",
    "briefs.search.docs",
    "briefs.search.codes",
    "briefs.folding",
    "briefs.gazetteer",
    "briefs.rates",
    "briefs.model",
)


@functools.cache
def cache_kind() -> str:
    """The scan cache's kind: the layout and a digest of the code in DERIVING."""
    files = [getattr(importlib.import_module(name), "__file__", None) for name in DERIVING]
    return f"{LAYOUT}-{digest_of(Path(f) for f in files if f)}"


def digest_of(paths: Iterable[Path]) -> str:
    h = hashlib.sha1(usedforsecurity=False)
    for path in paths:
        h.update(path.name.encode())
        with contextlib.suppress(OSError):
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


_TARIFF = 8  # values per tariff in an entry: see `encode`
_ACTOR = 4  # values per actor: name, kind, role, affiliation


class TariffRow(NamedTuple):
    """One tariff with its brief's date and title, for the tracker's table and chart.

    A tuple: the tracker asks for thousands at once, and they are made when asked."""

    brief_id: str
    index: int  # the tariff's position in its brief
    imposed_by: str
    imposed_on: str | None
    products: str
    rate: str | None
    rate_value: float | None
    measure: str
    status: str
    year: int | None
    date: str
    title: str

    @property
    def key(self) -> str:
        return f"{self.brief_id}#{self.index}"


def row_of(doc: SearchDoc, index: int) -> TariffRow:
    """The tracker row of tariff `index` of a doc."""
    return rows_of([(doc, index)])[0]


def rows_of(hits: Iterable[tuple[SearchDoc, int]]) -> list[TariffRow]:
    """The tracker rows of (doc, tariff index) pairs, made from the docs' codes
    (briefs.search.codes)."""
    from briefs.search.codes import TABLE, WIDTH

    parts, width = TABLE.parts, WIDTH
    rows: list[TariffRow] = []
    for doc, index in hits:
        codes, k = doc.codes, index * width
        # The three parts straight from the table: the tracker makes 400,000 at once.
        parties, goods, terms = parts[codes[k]], parts[codes[k + 1]], parts[codes[k + 2]]
        # tuple.__new__ straight: the named tuple's own __new__ is one more Python call.
        rows.append(
            _new_row(
                TariffRow,
                (
                    doc.id,
                    index,
                    parties.imposer,  # type: ignore[union-attr]
                    parties.target,  # type: ignore[union-attr]
                    goods.listed,  # type: ignore[union-attr]
                    terms.rate_text,  # type: ignore[union-attr]
                    terms.rate,  # type: ignore[union-attr]
                    terms.measure,  # type: ignore[union-attr]
                    terms.status,  # type: ignore[union-attr]
                    terms.year,  # type: ignore[union-attr]
                    doc.date,
                    doc.title,
                ),
            )
        )

    return rows


_new_row = tuple.__new__


def tariff_rows(brief: Brief) -> list[TariffRow]:
    """The tracker rows of one brief's tariffs, in their order."""
    from briefs.search.docs import make_doc

    doc = make_doc(brief)
    return rows_of((doc, k) for k in range(doc.tariff_count))


def note_segments(notes: list[str]) -> str:
    """The notes on one brief as its doc holds them (briefs.search.docs.note_segments)."""
    from briefs.search.docs import note_segments as folded

    return folded(notes)


def derive(brief: Brief, notes: list[str], state: ReaderState) -> SearchDoc:
    from briefs.search.docs import make_doc

    return make_doc(brief, notes=notes, read=state.read, starred=state.starred)


def encode(doc: SearchDoc) -> list[Any]:
    """One cache entry: what `decode` needs, reader data and searched text left out (the
    cache's word index holds that). Tariffs and actors are flat lists (`_TARIFF` and
    `_ACTOR` values each)."""
    from briefs.search.codes import tariff_parts

    tariffs: list[Any] = []
    for code in doc.tariff_rows if doc.codes else ():
        parties, goods, terms = tariff_parts(code)
        tariffs += (parties.imposer, parties.target, goods.listed, goods.products)
        tariffs += (terms.measure, terms.status, terms.rate_text, terms.year)
    return [
        *(doc.date, doc.title, doc.places, doc.source),
        list(doc.tags),
        tariffs,
        list(doc.people),
    ]


def people_of(entry: Any) -> tuple[str | None, ...]:
    """The actors an entry holds, flat as `SearchDoc.people`; () when not of their types."""
    try:
        people = entry[6]
        if type(people) is not list or len(people) % _ACTOR:
            return ()
        facts = tuple([None if v is None else sys.intern(v) for v in people])
    except (IndexError, KeyError, TypeError):
        return ()
    if None in facts[0::_ACTOR] or None in facts[1::_ACTOR]:
        return ()
    return facts


class Decoder:
    """Turns cache entries back into docs for one scan. Each tariff's parts are looked up
    in (or added to) the one table of distinct parts (briefs.search.codes), where the
    country keys and rate numbers are worked out once per distinct part."""

    def __init__(self) -> None:
        from briefs.search.codes import TABLE
        from briefs.search.docs import SearchDoc, shared_year

        self._doc, self._table, self._year = SearchDoc, TABLE, shared_year
        self._tags: dict[tuple[str, ...], tuple[str, ...]] = {}

    def decode(
        self,
        brief_id: str,
        key: int,
        entry: list[Any],
        state: ReaderState,
        shown: str | None = None,
    ) -> SearchDoc | None:
        """The entry as the catalog keeps it (a `light` doc named `key` in the word index,
        its actors left in the cache: see `people_of`), with the reader's read/starred laid
        over (notes are laid over by the caller); None when any value is not of its type
        (a damaged or foreign cache: the brief is read again). `shown`: the row's title,
        whose string the doc holds when it is the entry's."""
        intern = sys.intern
        try:
            date, title, places, source, tags, tariffs, people = entry
            # sys.intern refuses anything but a str, which checks those values as it goes.
            if type(key) is not int or key <= 0:
                return None
            number = key  # `key` names the party-key maker below
            if type(tags) is not list or type(tariffs) is not list or type(people) is not list:
                return None  # a string would read as a list of its letters
            if len(tariffs) % _TARIFF or len(people) % _ACTOR:
                return None
            if type(title) is not str:
                return None
            if title == shown:  # the row's own string (store/compact.py), not a copy
                title = shown
            date = intern(date)  # a few thousand days across all briefs: one copy each
            tag_list = tuple([intern(t) for t in tags])
            tag_list = self._tags.setdefault(tag_list, tag_list)
            made = []
            table, year_of = self._table, self._year
            parties, goods, terms = table.parties, table.goods, table.terms
            for k in range(0, len(tariffs), _TARIFF):
                by, on, listed, products, measure, status, rate, year = tariffs[k : k + _TARIFF]
                if not (
                    type(by) is str
                    and (on is None or type(on) is str)
                    and type(listed) is str
                    and type(products) is str
                    and type(measure) is str
                    and type(status) is str
                    and (rate is None or type(rate) is str)
                    and (year is None or type(year) is int)
                ):
                    return None
                made.append(parties(by, on))
                made.append(goods(listed, products))
                made.append(terms(measure, status, rate, year_of(year)))
            # The actors stay in the cache (`people_of`, for the actor index): only checked.
            if not all(v is None or type(v) is str for v in people):
                return None
            if None in people[0::_ACTOR] or None in people[1::_ACTOR]:
                return None  # every actor has a name and a kind
            return self._doc(
                brief_id,
                date,
                title,
                "",
                intern(places),
                intern(source),
                tag_list,
                "".join(made),
                state.read,
                state.starred,
                False,
                number,
            )
        except (TypeError, ValueError):
            return None
