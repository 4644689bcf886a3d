"""A query's work is bounded by what it asks, not by how often it asks it: repeated terms
collapse, so a 2,000-character query of one word costs what the word costs.

Work is counted, not timed: every search-field string of the doc counts the `in` tests
made on it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from briefs.model import Actor, Brief, Tariff
from briefs.search.docs import SearchDoc, make_doc
from briefs.search.query import MAX_QUERY_LENGTH, parse_query

TODAY = dt.date(2025, 11, 28)

BRIEF = Brief(
    id="canola",
    title="China slaps anti-dumping deposit on Canadian canola",
    date="2025-08-12",
    summary="Beijing imposed a 75.8% deposit on canola seed from Canada.",
    actors=(Actor("Mark Carney", "person", "Prime Minister", "Canada"),),
    tariffs=(Tariff("China", "Canada", ("canola seed",), "75.8%", "anti-dumping duty"),),
    body="Farmers in Saskatchewan worried.",
)


class Counted(str):
    """A str that counts the substring tests made on it."""

    tests = 0

    def __contains__(self, part: object) -> bool:
        Counted.tests += 1
        return str.__contains__(self, part)  # type: ignore[operator]


def counted_doc() -> SearchDoc:
    doc = make_doc(BRIEF)
    strings = ("text", "body", "notes", "actors", "places", "source")
    # Tariff terms test each distinct tariff part once per process (briefs.search.codes),
    # not the doc's strings: the doc's own fields are what a query could test again.
    changes = {name: Counted(getattr(doc, name)) for name in strings}
    return dataclasses.replace(doc, **changes)


def work(query: str) -> tuple[int, bool, list[int]]:
    """Substring tests made to answer the brief list and the tracker, and the answers."""
    parsed = parse_query(query, today=TODAY)
    doc = counted_doc()
    Counted.tests = 0
    kept = parsed.matches(doc)
    rows = parsed.tariff_indices(doc)
    return Counted.tests, kept, rows


def repeated(term: str, joiner: str = " ") -> str:
    count = (MAX_QUERY_LENGTH - len(term)) // (len(term) + len(joiner)) + 1
    text = joiner.join([term] * count)
    assert len(text) <= MAX_QUERY_LENGTH and count > 50
    return text


@pytest.mark.parametrize(
    "term",
    [
        "canola",
        "saskatchewan",  # only in the body: every field tried before it
        "nothere",
        "-nothere",
        '"canola seed"',
        "actor:carney",
        "by:china",
        "product:canola",
        "-by:canada",
        "country:canada",
        "(canola OR nothere)",
        "(-nothere by:china)",
    ],
)
@pytest.mark.parametrize("joiner", [" ", " OR ", " AND "])
def test_repeated_terms_cost_what_one_costs(term: str, joiner: str) -> None:
    once = work(term)
    many = work(repeated(term, joiner))
    assert many == once, (term, joiner)


def test_repeats_in_a_different_case_collapse_too() -> None:
    once = work("canola")
    assert work(" ".join(["Canola", "CANOLA", "canola"] * 90)) == once


def test_different_terms_still_all_count() -> None:
    assert work("canola nothere")[1] is False
    assert work("canola OR nothere")[1] is True
    assert work("canola -canola")[1] is False
    assert work("by:china -by:china")[2] == []
