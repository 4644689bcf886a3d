"""The one order of briefs: newest first, ties by title (case ignored), then id."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from briefs.model import Brief
from briefs.order import ORDERS, by_title, most_notes, newest_first, ordered, title_key
from briefs.search.docs import make_doc


@dataclass(frozen=True)
class Row:
    id: str
    date: str
    title: str
    note_count: int = 0


def ids(items: list[Row]) -> list[str]:
    return [item.id for item in items]


ROWS = [
    Row("old", "2024-05-01", "Zebra", 1),
    Row("banana", "2025-10-31", "Banana split", 0),
    Row("apple", "2025-10-31", "apple pie", 2),
    Row("timed", "2025-10-31T09:30:00", "Zulu", 0),
    Row("twin-b", "2025-01-01", "Same", 2),
    Row("twin-a", "2025-01-01", "same", 2),
]


def test_same_day_briefs_by_title_with_case_ignored() -> None:
    # The reader cased, the store did not: 'Banana' sorted before 'apple' there.
    rows = [Row("b", "2025-10-31", "Banana talks"), Row("a", "2025-10-31", "apple talks")]
    assert ids(newest_first(rows)) == ["a", "b"]
    assert ids(ordered(rows, "date")) == ["a", "b"]


def test_newest_first_then_title_then_id() -> None:
    # A stored time sorts after its bare day as a string, so it counts as newer.
    assert ids(newest_first(ROWS)) == ["timed", "apple", "banana", "twin-a", "twin-b", "old"]


def test_title_order_is_a_to_z_case_ignored_and_ties_newest_first() -> None:
    rows = [*ROWS, Row("zebra-new", "2025-12-01", "zebra", 0)]
    assert ids(by_title(rows)) == [
        "apple",
        "banana",
        "twin-a",
        "twin-b",
        "zebra-new",
        "old",
        "timed",
    ]


def test_notes_order_is_most_first_and_ties_newest_first() -> None:
    assert ids(most_notes(ROWS)) == ["apple", "twin-a", "twin-b", "old", "timed", "banana"]


@pytest.mark.parametrize("order", ORDERS)
def test_every_order_is_a_permutation_and_stable_under_shuffling(order: str) -> None:
    once = ids(ordered(ROWS, order))  # type: ignore[arg-type]
    again = ids(ordered(list(reversed(ROWS)), order))  # type: ignore[arg-type]
    assert once == again and sorted(once) == sorted(r.id for r in ROWS)


def test_works_on_briefs_and_search_docs_alike() -> None:
    briefs = [
        Brief(id="b", title="Banana", date="2025-10-31", summary="s"),
        Brief(id="a", title="apple", date="2025-10-31", summary="s"),
    ]
    assert [b.id for b in newest_first(briefs)] == ["a", "b"]
    assert [d.id for d in newest_first(make_doc(b) for b in briefs)] == ["a", "b"]
    assert title_key(briefs[0]) == ("banana", "b")
