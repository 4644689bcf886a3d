"""A search over many docs (`Query.select`, one pass per term over the list) keeps exactly
the docs `Query.matches` keeps, one by one, in their order."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings

from briefs.search.docs import SearchDoc
from briefs.search.query import Query, QueryError
from tests.briefs.test_query import _QUERIES, DOCS, TODAY, q

# Every doc, and each again with no tariffs, read, starred and with notes flipped, so each
# kind of term meets both answers.
_ALL: list[SearchDoc] = [
    *DOCS.values(),
    *(
        dataclasses.replace(
            d,
            id=f"{d.id}-flipped",
            codes="",
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


def test_a_negated_tariff_term_is_the_opposite_on_every_tariff() -> None:
    from briefs.search.nodes import TariffTest, negate
    from briefs.search.terms import field_node

    terms = [
        ("rate", op, value)
        for op in (">=", ">", "<=", "<", "=", ":")
        for value in ("25", "0", "75.8", "100")
    ]
    terms += [("status", ":", "removed"), ("status", ":", "in force"), ("measure", ":", "duty")]
    terms += [("product", ":", "steel"), ("by", ":", "us"), ("on", ":", "canada")]
    terms += [("on", ":", "all"), ("by", ":", "china")]
    tariffs = [t for d in DOCS.values() if d.codes for t in d.tariff_rows]
    for name, op, value in terms:
        node = field_node(name, op, value, TODAY)
        negated = negate(node)
        assert isinstance(node, TariffTest) and isinstance(negated, TariffTest)
        twice = negate(negated)
        assert isinstance(twice, TariffTest)
        for tariff in tariffs:
            assert negated.test(tariff) is (not node.test(tariff)), (name, op, value)
            assert twice.test(tariff) is node.test(tariff)


def test_the_index_order_follows_puts_and_removes() -> None:
    import random

    from briefs.model import Brief
    from briefs.order import newest_first
    from briefs.search.docs import make_doc
    from briefs.search.index import SearchIndex

    rng = random.Random(14)

    def doc(k: int) -> SearchDoc:
        day = f"2025-0{rng.randint(1, 3)}-0{rng.randint(1, 3)}"
        title = rng.choice(["Alpha", "alpha", "Beta", "beta", "Gamma"])
        return make_doc(Brief(id=f"b{k:02d}", title=title, date=day, summary="s"))

    index = SearchIndex(doc(k) for k in range(30))
    list(index)  # the order is made: from here on each change moves one doc
    for _ in range(300):
        k = rng.randrange(40)
        if rng.random() < 0.3:
            index.remove(f"b{k:02d}")
        elif rng.random() < 0.5 and f"b{k:02d}" in index:
            old = index.get(f"b{k:02d}")
            assert old is not None
            index.put(old.with_reader(read=not old.read))  # same place
        else:
            index.put(doc(k))  # new, or re-dated and re-titled
        assert [d.id for d in index] == [d.id for d in newest_first(index.docs())]


def test_is_newest_first_says_whether_a_sort_would_change_the_order() -> None:
    import random

    from briefs.model import Brief
    from briefs.order import newest_first
    from briefs.search.docs import make_doc
    from briefs.search.index import is_newest_first

    rng = random.Random(6)
    docs = [
        make_doc(
            Brief(
                id=f"b{k:02d}",
                title=rng.choice(["Alpha", "alpha", "Beta"]),
                date=rng.choice(["2025-01-01", "2025-01-01T08:00", "2025-01-02"]),
                summary="s",
            )
        )
        for k in range(12)
    ]
    assert is_newest_first(newest_first(docs)) and is_newest_first([])
    for _ in range(200):
        rng.shuffle(docs)
        assert is_newest_first(docs) is (newest_first(docs) == docs)
