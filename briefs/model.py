"""What a brief is: immutable records for briefs, actors, tariffs, notes and reader data."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
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


@dataclass(frozen=True, slots=True)
class Note:
    """A reader's note on one brief; times are ISO datetimes."""

    id: str
    brief_id: str
    text: str
    created: str
    updated: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "created": self.created,
            "updated": self.updated,
        }


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
