"""What the interface derives from one brief, and how it is kept in the scan cache.

For each brief the catalog keeps its search doc (briefs.search), its tariffs as tracker
rows and its actors for the actor index: `derive` makes them from a brief. Reading and
deriving every brief is most of the time to "search ready", so they are also kept in the
store's scan cache (store/scan_cache.py) as plain JSON lists: `encode` writes one brief's,
and `decode` turns an entry back, checking every value's type, or gives None for one that
does not fit (then the brief is read again). The reader's notes and read/starred state are
not cached: they change often and are laid over the doc when it is decoded.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

from briefs.model import Brief
from store import ReaderState

if TYPE_CHECKING:
    from briefs.search.docs import SearchDoc

CACHE_KIND = "catalog-1"  # what an entry holds; a new layout gets a new kind


def _shared(text: str | None) -> str | None:
    # Parties, kinds, roles and rates recur across thousands of briefs: one copy each.
    return None if text is None else sys.intern(text)


@dataclass(frozen=True, slots=True)
class TariffRow:
    """One tariff with its brief's date and title, for the tracker's table and chart."""

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


def _shared(text: str | None) -> str | None:
    # Parties, kinds, roles and rates recur across thousands of briefs: one copy each.
    return None if text is None else sys.intern(text)


def tariff_rows(brief: Brief) -> list[TariffRow]:
    """The tracker rows of one brief's tariffs, in their order."""
    from briefs.rates import parse_rate

    return [
        TariffRow(
            brief_id=brief.id,
            index=k,
            imposed_by=sys.intern(tariff.imposed_by),
            imposed_on=_shared(tariff.imposed_on),
            products=sys.intern(", ".join(tariff.products)),
            rate=_shared(tariff.rate),
            rate_value=parse_rate(tariff.rate),
            measure=sys.intern(tariff.measure),
            status=sys.intern(tariff.status),
            year=tariff.year,
            date=brief.date,
            title=brief.title,
        )
        for k, tariff in enumerate(brief.tariffs)
    ]


class ActorFacts(NamedTuple):
    """What the actor index reads of an actor, without the rest of the brief."""

    name: str
    kind: str
    role: str | None
    affiliation: str | None


class BriefActors(NamedTuple):
    """What the actor index needs of a brief (it reads `id`, `date` and `actors`)."""

    id: str
    date: str
    actors: tuple[ActorFacts, ...]


def brief_actors(brief: Brief) -> BriefActors:
    actors = tuple(
        ActorFacts(sys.intern(a.name), sys.intern(a.kind), _shared(a.role), _shared(a.affiliation))
        for a in brief.actors
    )
    return BriefActors(brief.id, brief.date, actors)


class Derived(NamedTuple):
    doc: SearchDoc
    actors: BriefActors
    tariffs: list[TariffRow]


def derive(brief: Brief, notes: list[str], state: ReaderState) -> Derived:
    from briefs.search.docs import make_doc

    doc = make_doc(brief, notes=notes, read=state.read, starred=state.starred)
    return Derived(doc, brief_actors(brief), tariff_rows(brief))


def encode(version: str, derived: Derived) -> list[Any]:
    """One cache entry: the brief's version, then what `decode` needs, reader data left out."""
    doc = derived.doc
    tariffs = [[t.by, t.on, t.products, t.measure, t.status, t.rate] for t in doc.tariffs]
    return [
        version,
        [doc.date, doc.title, doc.text, doc.body, doc.actors, doc.places, doc.source],
        list(doc.tags),
        tariffs,
        [list(a) for a in derived.actors.actors],
        [_row(r) for r in derived.tariffs],
    ]


def _row(r: TariffRow) -> list[Any]:
    return [
        *(r.index, r.imposed_by, r.imposed_on, r.products, r.rate, r.rate_value),
        *(r.measure, r.status, r.year),
    ]


def _lists(value: list[Any]) -> list[list[Any]]:
    """`value`'s items, each a list (a string of the right length would unpack too)."""
    if not all(isinstance(item, list) for item in value):
        raise TypeError("not a list of lists")
    return value


def _str(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError("not a string")
    return value


def _opt(value: object) -> str | None:
    return None if value is None else sys.intern(_str(value))


def _num(value: object) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError("not a number")
    return float(value)


def _int(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("not an integer")
    return value


def decode(brief_id: str, entry: list[Any], notes: list[str], state: ReaderState) -> Derived | None:
    """The entry as the catalog keeps it, with the reader's data laid over; None when any
    value is not of its type (a damaged or foreign cache: the brief is read again)."""
    from briefs.search.docs import SearchDoc, TariffDoc

    try:
        _, fields, tags, tariffs, actors, rows = entry
        if not all(isinstance(part, list) for part in (fields, tags, tariffs, actors, rows)):
            return None  # a string would read as a list of its letters
        date, title, text, body, names, places, source = (_str(v) for v in fields)
        tariff_docs = tuple(
            TariffDoc(
                by=sys.intern(_str(by)),
                on=_opt(on),
                products=sys.intern(_str(products)),
                measure=sys.intern(_str(measure)),
                status=sys.intern(_str(status)),
                rate=_num(rate),
            )
            for by, on, products, measure, status, rate in _lists(tariffs)
        )
        doc = SearchDoc(
            id=brief_id,
            date=date,
            title=title,
            text=text,
            body=body,
            notes="",
            actors=names,
            places=places,
            source=sys.intern(source),
            tags=tuple(sys.intern(_str(t)) for t in tags),
            tariffs=tariff_docs,
            read=state.read,
            starred=state.starred,
            has_notes=False,
        )
        if notes:
            doc = doc.with_reader(notes=notes)
        facts = tuple(
            ActorFacts(sys.intern(_str(n)), sys.intern(_str(k)), _opt(r), _opt(a))
            for n, k, r, a in _lists(actors)
        )
        tariff_list = [
            TariffRow(
                brief_id=brief_id,
                index=_int(index) or 0,
                imposed_by=sys.intern(_str(by)),
                imposed_on=_opt(on),
                products=sys.intern(_str(products)),
                rate=_opt(rate),
                rate_value=_num(value),
                measure=sys.intern(_str(measure)),
                status=sys.intern(_str(status)),
                year=_int(year),
                date=date,
                title=title,
            )
            for index, by, on, products, rate, value, measure, status, year in _lists(rows)
        ]
    except (TypeError, ValueError):
        return None
    return Derived(doc, BriefActors(brief_id, date, facts), tariff_list)
