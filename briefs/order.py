"""The one order of briefs, for the store's rows, the reader's list, `briefing list` and search.

Newest first; briefs of the same date by title A–Z with case ignored ('apple' before
'Banana'), then by id, so that no two places ever disagree on ties. The reader can also
order by title (A–Z, case ignored) or by notes (most first); ties there keep the newest-first
order. Anything with `id`, `date` and `title` (and `note_count` for notes) can be ordered:
store rows, search docs, briefs.

Dates are compared as stored (ISO strings), so a brief with a time ('2025-10-31T09:30:00')
comes before one with the bare day ('2025-10-31').
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal, Protocol, TypeVar

Order = Literal["date", "title", "notes"]
ORDERS: tuple[Order, ...] = ("date", "title", "notes")


class Orderable(Protocol):
    """What ordering reads of a brief, a row or a search doc."""

    @property
    def id(self) -> str: ...

    @property
    def date(self) -> str: ...

    @property
    def title(self) -> str: ...


class Noted(Orderable, Protocol):
    """An orderable thing that knows how many notes the reader has on it."""

    @property
    def note_count(self) -> int: ...


T = TypeVar("T", bound=Orderable)
N = TypeVar("N", bound=Noted)


def title_key(item: Orderable) -> tuple[str, str]:
    """The A–Z key: the title with case ignored, then the id."""
    return item.title.casefold(), item.id


def newest_first(items: Iterable[T]) -> list[T]:
    """`items` newest first; same dates by `title_key`."""
    # Two stable sorts: the later one (date, reversed) keeps the title order among equals,
    # which a single key cannot say for a descending str beside an ascending one.
    ordered = sorted(items, key=title_key)
    ordered.sort(key=_date, reverse=True)
    return ordered


def by_title(items: Iterable[T]) -> list[T]:
    """`items` by title A–Z (case ignored); the same title newest first, then by id."""
    ordered = newest_first(items)
    ordered.sort(key=_title)
    return ordered


def most_notes(items: Iterable[N]) -> list[N]:
    """`items` with the most notes first; the same count newest first."""
    ordered = newest_first(items)
    ordered.sort(key=_note_count, reverse=True)
    return ordered


def ordered(items: Iterable[N], order: Order) -> list[N]:
    """`items` in one of the reader's orders: 'date' (newest first), 'title' or 'notes'."""
    if order == "title":
        return by_title(items)
    if order == "notes":
        return most_notes(items)
    return newest_first(items)


def _date(item: Orderable) -> str:
    return item.date


def _title(item: Orderable) -> str:
    return item.title.casefold()


def _note_count(item: Noted) -> int:
    return item.note_count
