"""A search over many docs (`Query.select`, one pass per term over the list) keeps exactly
the docs `Query.matches` keeps, one by one, in their order."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings

from briefs.search.docs import SearchDoc
from briefs.search.query import Query, QueryError
from tests.briefs.test_query import _QUERIES, DOCS, q

# Every doc, and each again with no tariffs, read, starred and with notes flipped, so each
# kind of term meets both answers.
_ALL: list[SearchDoc] = [
    *DOCS.values(),
    *(
        dataclasses.replace(
            d,
            id=f"{d.id}-flipped",
            tariffs=(),
            read=not d.read,
            starred=not d.starred,
            has_notes=not d.has_notes,
        )
        for d in DOCS.values()
    ),
]

CASES = [
    "",
    "canola",
    '"trade war"',
    "by:canada since:2024-01-01",
    "rate>=25 -status:removed",
    "is:unread OR has:notes",
    "actor:carney product:steel",
    "-is:read",
    "is:starred -has:tariffs",
    "has:tariffs country:china",
    "-(product:steel OR canola)",
    "is:read -(by:us rate>30)",
    "by:us rate>30 OR tag:agriculture",
    "before:2025-09-01 OR source:reuters OR on:all",
    "date:2025 steel -country:uk",
    "(canola OR steel) (is:read OR is:starred) -by:china",
]


def _same(query: Query) -> None:
    assert [d.id for d in query.select(_ALL)] == [d.id for d in _ALL if query.matches(d)]


def test_select_is_matches_on_each_doc() -> None:
    for text in CASES:
        _same(q(text))


@settings(max_examples=300, deadline=None)
@given(_QUERIES)
def test_select_is_matches_for_any_query(text: str) -> None:
    try:
        query = q(text)
    except QueryError:
        return
    _same(query)
