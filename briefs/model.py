"""What a brief is: immutable records for briefs, actors, tariffs, notes and reader data."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import MISSING, dataclass, fields
from typing import Any

ACTOR_KINDS = ("person", "organization", "country")
MEASURES = (
    "tariff",
    "surtax",
    "anti-dumping duty",
    "countervailing duty",
    "retaliatory tariff",
    "import tax",
    "safeguard",
    "other",
)
STATUSES = (
    "in force",
    "announced",
    "threatened",
    "proposed",
    "offered removal",
    "suspended",
    "removed",
)

# Size limits checked at import (briefs/reading.py), before a value is parsed or shown: far
# above anything a real article gives, low enough that no file can make the reader crawl
# (a 21 MB summary once took 50 s and 950 MB to show). In characters, by field name.
MAX_TEXT = 2_000  # any other text: a name, role, place, source, product, tag, date, id
MAX_CHARS: dict[str, int] = {
    "title": 2_000,
    "summary": 200_000,  # a few sentences; a long summary is 2,000
    "body": 8 * 1024 * 1024,  # as long as the longest article the drafter reads
    "url": 8_000,
    "evidence": 20_000,  # one sentence (the drafter cuts them at 2,000)
    "rate": 200,  # briefs.rates.MAX_RATE_CHARS: a longer rate is not comparable
    "text": 1_000_000,  # a note
}
# Most items in a list, by field name.
MAX_ITEMS: dict[str, int] = {
    "authors": 1_000,
    "tags": 1_000,
    "actors": 5_000,
    "tariffs": 5_000,
    "products": 1_000,
    "notes": 100_000,  # on one brief, in an export
}


def _quick_init(cls: type) -> type:
    """`cls` (a frozen dataclass with slots) with an __init__ that sets each slot through
    its own descriptor: half the time of the one dataclasses writes, which calls
    object.__setattr__ by name per field (13,000 objects a thousand-file import). The
    same signature, defaults and result; like dataclasses, it is written as source."""
    names = [f.name for f in fields(cls)]
    space: dict[str, Any] = {f"_set_{n}": getattr(cls, n).__set__ for n in names}
    params = []
    for f in fields(cls):
        if f.default is MISSING:
            params.append(f.name)
        else:
            space[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
    body = "".join(f"    _set_{n}(self, {n})\n" for n in names)
    exec(f"def __init__(self, {', '.join(params)}):\n{body}", space)
    init = space["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    cls.__init__ = init  # type: ignore[misc]
    return cls


@_quick_init
@dataclass(frozen=True, slots=True)
class Actor:
    name: str
    kind: str = "person"
    role: str | None = None
    affiliation: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "role": self.role,
            "affiliation": self.affiliation,
        }


@_quick_init
@dataclass(frozen=True, slots=True)
class Tariff:
    imposed_by: str
    imposed_on: str | None = None
    products: tuple[str, ...] = ()
    rate: str | None = None
    measure: str = "tariff"
    status: str = "in force"
    year: int | None = None
    evidence: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "imposed_by": self.imposed_by,
            "imposed_on": self.imposed_on,
            "products": list(self.products),
            "rate": self.rate,
            "measure": self.measure,
            "status": self.status,
            "year": self.year,
            "evidence": self.evidence,
        }


@_quick_init
@dataclass(frozen=True, slots=True)
class Note:
    """A reader's note on one brief; times are ISO datetimes. `author`: the name of the
    reader who wrote it, once desks share notes (None on a store of one reader)."""

    id: str
    brief_id: str
    text: str
    created: str
    updated: str
    author: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "text": self.text,
            "created": self.created,
            "updated": self.updated,
        }
        if self.author is not None:  # a note of one reader's store stays as it was
            out["author"] = self.author
        return out


@dataclass(frozen=True, slots=True)
class ReaderData:
    """The reader's own data on one brief as an export carries it: notes, flags and
    corrections.

    A flag is None when the record does not say, so importing it leaves the flag alone.
    `corrections` is the record's checked `corrections` object (`entries` and `changes`,
    see briefs/corrections.py), or None.
    """

    brief_id: str
    notes: tuple[Note, ...] = ()
    read: bool | None = None
    starred: bool | None = None
    corrections: Mapping[str, Any] | None = None

    @property
    def empty(self) -> bool:
        return (
            not self.notes
            and self.read is None
            and self.starred is None
            and self.corrections is None
        )


@_quick_init
@dataclass(frozen=True, slots=True)
class Brief:
    id: str
    title: str
    date: str
    summary: str
    source: str | None = None
    authors: tuple[str, ...] = ()
    dateline: str | None = None
    url: str | None = None
    actors: tuple[Actor, ...] = ()
    tariffs: tuple[Tariff, ...] = ()
    tags: tuple[str, ...] = ()
    body: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The brief in the file format (see design.md), ready for JSON."""
        return {
            "id": self.id,
            "title": self.title,
            "date": self.date,
            "source": self.source,
            "authors": list(self.authors),
            "dateline": self.dateline,
            "url": self.url,
            "summary": self.summary,
            "actors": [a.to_dict() for a in self.actors],
            "tariffs": [t.to_dict() for t in self.tariffs],
            "tags": list(self.tags),
            "body": self.body,
        }
