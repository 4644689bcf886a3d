"""Tariffs as codes (briefs.search.codes): a tariff term tests the distinct parts once, and
a brief is searched with one character class (or one per kind side by side). Both must
say what the term says of each tariff as written: checked here against tests written on
the tariff itself, for random tariffs and random combinations of tariff terms."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from briefs.model import MEASURES, STATUSES, Brief, Tariff
from briefs.search.codes import WIDTH, class_of
from briefs.search.docs import TariffDoc, make_doc, party_needle
from briefs.search.nodes import TariffTest
from briefs.search.query import parse_query

TODAY = dt.date(2025, 11, 28)
PARTIES = ("Canada", "China", "United States", "EU", "Japan", "South Korea")
GOODS = ("steel", "canola oil", "electric vehicles", "steel pipes", "aluminium")
RATES = ("25%", "10%", "100%", "17.0%-35.3%", "75.8%", None)

tariffs = st.builds(
    Tariff,
    imposed_by=st.sampled_from(PARTIES),
    imposed_on=st.one_of(st.none(), st.sampled_from(PARTIES)),
    products=st.lists(st.sampled_from(GOODS), min_size=1, max_size=3, unique=True).map(tuple),
    rate=st.sampled_from(RATES),
    measure=st.sampled_from(MEASURES),
    status=st.sampled_from(STATUSES),
    year=st.one_of(st.none(), st.integers(2018, 2026)),
)
briefs = st.lists(tariffs, max_size=5).map(
    lambda ts: Brief(id="b", title="t", date="2025-01-01", summary="s", tariffs=tuple(ts))
)

# Each term beside what it means of one tariff as written (the old per-tariff tests).
TERMS: dict[str, object] = {
    "by:canada": lambda t: party_needle("canada") in t.by,
    "by:us": lambda t: party_needle("us") in t.by,
    "on:china": lambda t: t.on is not None and party_needle("china") in t.on,
    "on:all": lambda t: t.on is None,
    "product:steel": lambda t: " steel" in t.products,
    "product:canola": lambda t: " canola" in t.products,
    "status:removed": lambda t: t.status == "removed",
    "status:threatened": lambda t: t.status == "threatened",
    "measure:duty": lambda t: t.measure in ("anti-dumping duty", "countervailing duty"),
    "rate>=25": lambda t: t.rate is not None and t.rate >= 25,
    "rate<50": lambda t: t.rate is not None and t.rate < 50,
    "rate:100": lambda t: t.rate is not None and abs(t.rate - 100) < 1e-9,
}


def _tree(depth: int = 0) -> st.SearchStrategy[str]:
    leaf = st.sampled_from(sorted(TERMS))
    if depth >= 2:
        return leaf
    sub = _tree(depth + 1)
    return st.one_of(
        leaf,
        sub.map(lambda a: f"-({a})"),
        st.tuples(sub, sub).map(lambda ab: f"({ab[0]} {ab[1]})"),
        st.tuples(sub, sub).map(lambda ab: f"({ab[0]} OR {ab[1]})"),
    )


def _reference(text: str, tariff: TariffDoc) -> bool:
    """The query's value on one tariff, each term read on the tariff as written."""
    expr = text
    for term in sorted(TERMS, key=len, reverse=True):
        expr = expr.replace(term, f"T[{term!r}](t)")
    expr = expr.replace(" OR ", " or ").replace("-(", "not (").replace(") (", ") and (")
    expr = expr.replace(")(", ") and (").replace(") T", ") and T").replace(") not", ") and not")
    return bool(eval(expr, {"T": TERMS, "t": tariff}))


def _parts(doc: object) -> list[str]:
    return [c for c in doc.tariff_rows if c is not None]  # type: ignore[attr-defined]


@settings(max_examples=300, deadline=None)
@given(briefs, _tree())
def test_codes_answer_as_the_tariffs_as_written(brief: Brief, text: str) -> None:
    doc = make_doc(brief)
    query = parse_query(text, today=TODAY)
    written = doc.tariffs
    expected = [k for k, t in enumerate(written) if _reference(text, t)]
    assert query.tariff_indices(doc) == expected, text
    assert [(d.id, k) for d, k in query.tariff_pairs([doc])] == [("b", k) for k in expected]
    # A brief with tariffs is kept when one passes (terms read together on one tariff).
    if written:
        assert query.matches(doc) is bool(expected), text
        assert query.select([doc]) == ([doc] if expected else [])


@settings(max_examples=200, deadline=None)
@given(briefs, st.sampled_from(sorted(TERMS)), st.booleans())
def test_a_brief_s_search_is_its_tariffs_tests(brief: Brief, term: str, negated: bool) -> None:
    doc = make_doc(brief)
    node = parse_query(("-" if negated else "") + term, today=TODAY)._root
    assert isinstance(node, TariffTest)
    each = [node.test(c) for c in _parts(doc)]
    assert node.brief(doc) is (any(each) if each else node.on_none)
    assert node.select([doc]) == ([doc] if node.brief(doc) else [])


def test_a_class_of_the_other_characters_leaves_out_those_named() -> None:
    doc = make_doc(
        Brief(
            id="b",
            title="t",
            date="2025-01-01",
            summary="s",
            tariffs=(Tariff("Canada", "China", ("steel",), "25%"),),
        )
    )
    code = _parts(doc)[0]
    assert len(code) == WIDTH
    import re

    assert re.search(class_of(0, {code[0]}, others=False), code)
    assert not re.search(class_of(0, {code[0]}, others=True), code)


def _briefs(count: int) -> list[Brief]:
    import random

    rng = random.Random(14)
    out = []
    for n in range(count):
        made = tuple(
            Tariff(
                rng.choice(PARTIES),
                rng.choice((None, *PARTIES)),
                tuple(rng.sample(GOODS, rng.randint(1, 3))),
                rng.choice(RATES),
                rng.choice(MEASURES),
                rng.choice(STATUSES),
                rng.choice((None, 2024, 2025)),
            )
            for _ in range(rng.randint(0, 5))
        )
        out.append(Brief(id=f"b{n}", title="t", date="2025-01-01", summary="s", tariffs=made))
    return out


def test_every_pair_of_terms_both_ways_on_many_briefs() -> None:
    docs = [make_doc(b) for b in _briefs(60)]
    names = sorted(TERMS)
    for a in names:
        for b in names:
            for text in (
                f"({a} {b})",
                f"(-({a}) {b})",
                f"({a} -({b}))",
                f"(-({a}) -({b}))",
                f"({a} OR {b})",
                f"(-({a}) OR {b})",
                f"({a} OR -({b}))",
            ):
                query = parse_query(text, today=TODAY)
                for doc in docs:
                    expected = [k for k, t in enumerate(doc.tariffs) if _reference(text, t)]
                    assert query.tariff_indices(doc) == expected, text
                    if doc.codes:
                        assert query.matches(doc) is bool(expected), text
