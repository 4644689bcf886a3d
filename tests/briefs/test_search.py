"""Folding, rates, search docs and the search index."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefs.folding import _WORD, country_key, fold, segment, words
from briefs.model import Actor, Brief, Tariff
from briefs.rates import parse_rate
from briefs.search.codes import WIDTH
from briefs.search.docs import (
    SearchDoc,
    body_needles,
    make_doc,
    needle,
    party_needle,
    tag_key,
)
from briefs.search.index import SearchIndex
from briefs.search.query import parse_query

TODAY = dt.date(2025, 11, 28)


def brief(id: str, date: str, title: str = "A title", **fields: object) -> Brief:
    return Brief(id=id, title=title, date=date, summary=fields.pop("summary", "S."), **fields)  # type: ignore[arg-type]


# -- folding -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Québec", "quebec"),
        ("STRASSE", "strasse"),
        ("Straße", "strasse"),
        ("Øresund Łódź", "oresund lodz"),
        ("İstanbul", "istanbul"),
        ("ＡＢＣ", "abc"),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_words_cut_at_anything_but_letters_and_digits() -> None:
    assert words("China's U.S. anti-dumping — “EVs”… 17.0%") == [
        "china",
        "s",
        "u",
        "s",
        "anti",
        "dumping",
        "evs",
        "17",
        "0",
    ]
    assert words("snake_case") == ["snake", "case"]
    assert words("") == []
    assert segment("Mark  Carney") == " mark carney "
    assert segment("!!") == ""


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_words_fast_paths_agree_with_the_plain_definition(text: str) -> None:
    assert words(text) == _WORD.findall(fold(text))


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("US", "united states"),
        ("U.S.", "united states"),
        ("u.s.a.", "united states"),
        ("United States", "united states"),
        ("EU", "european union"),
        ("European Union", "european union"),
        ("UK", "united kingdom"),
        ("Britain", "united kingdom"),
        ("PRC", "china"),
        ("China", "china"),
        ("Government of Canada", "government of canada"),
    ],
)
def test_country_key(name: str, key: str) -> None:
    assert country_key(name) == key


# -- rates ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "rate"),
    [
        ("25%", 25),
        ("17.0%-35.3%", 35.3),
        ("17.0% to 35.3%", 35.3),
        ("17.0–35.3 per cent", 35.3),
        ("up to 25%", 25),
        ("25 per cent", 25),
        ("25 percent", 25),
        ("25 pct", 25),
        ("twenty-five percent", 25),
        ("Twenty five per cent", 25),
        ("one hundred per cent", 100),
        ("a hundred and forty-five percent", 145),
        ("10 percentage points", 10),
        ("75.8 per cent", 75.8),
        ("1,000%", 1000),
        ("17,5 %", 17.5),
        ("25", 25),
        (" 7.5 ", 7.5),
        ("25% (2018)", 25),
        ("$100 per tonne", None),
        ("C$0.50 a kilogram", None),
        ("unstated", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_rate(text: str | None, rate: float | None) -> None:
    assert parse_rate(text) == rate


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_parse_rate_never_raises(text: str) -> None:
    result = parse_rate(text)
    assert result is None or isinstance(result, float)


# -- search docs ---------------------------------------------------------------------

FULL = brief(
    "full",
    "2025-10-31",
    title="Xi and Carney meet",
    summary="Leaders agree to talk about canola.",
    source="The Associated Press",
    actors=(
        Actor("Mark Carney", "person", "Prime Minister", "Canada"),
        Actor("China", "country"),
    ),
    tariffs=(
        Tariff("China", "Canada", ("canola oil", "canola meal"), "100 per cent", "tariff"),
        Tariff("U.S.", None, (), None, "surtax", "threatened"),
    ),
    tags=("Agriculture", "Trade War"),
    body="The body talks about canola, canola again, and Québec. " * 20,
)


def test_make_doc_keeps_folded_text_and_distinct_body_words() -> None:
    doc = make_doc(FULL, notes=["Ask the desk"], read=True)
    assert doc.id == "full" and doc.date == "2025-10-31" and doc.title == "Xi and Carney meet"
    assert " leaders agree to talk about canola " in doc.text
    assert " prime minister " in doc.text and " canola meal " in doc.text
    assert doc.actors == " mark carney \n china "
    assert doc.body == " about again and body canola quebec talks the "  # distinct, sorted
    assert doc.notes == " ask the desk "
    assert doc.places == " canada \n china "
    assert doc.source == " the associated press "
    assert doc.tags == ("agriculture", "trade war")
    assert (doc.read, doc.starred, doc.has_notes) == (True, False, True)
    first, second = doc.tariffs
    assert (first.by, first.on, first.rate, first.measure) == (" china ", " canada ", 100, "tariff")
    assert first.products == " canola oil \n canola meal "
    assert (second.by, second.on, second.rate, second.status) == (
        " united states ",
        None,
        None,
        "threatened",
    )


def test_make_doc_of_a_bare_brief() -> None:
    doc = make_doc(brief("bare", "2025-01-01"))
    assert (doc.body, doc.notes, doc.actors, doc.places, doc.source) == ("", "", "", "", "")
    assert doc.tariffs == () and doc.tags == () and not doc.has_notes


def test_docs_are_immutable_and_reader_data_can_change() -> None:
    doc = make_doc(FULL)
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.read = True  # type: ignore[misc]
    changed = doc.with_reader(notes=["Canola call"], starred=True)
    assert changed.notes == " canola call " and changed.has_notes and changed.starred
    assert not changed.read and changed.text == doc.text
    assert doc.with_reader(notes=[]).has_notes is False
    assert doc.with_reader(read=True).read


def test_needles_are_how_a_doc_is_searched() -> None:
    doc = make_doc(FULL, notes=["Ask the desk"])
    assert needle(["prime", "min"], whole=False) in doc.text
    assert needle(["prime", "min"], whole=True) not in doc.text
    assert needle(["canola", "meal"], whole=True) in doc.text
    assert body_needles(["quebec", "canol"], whole=False) == (" quebec ", " canol")
    assert all(n in doc.body for n in body_needles(["quebec", "canol"], whole=False))
    assert party_needle("U.S.") == " united states " and party_needle("PRC") in doc.places
    assert tag_key("Trade  War!") in doc.tags


def test_tariff_rows_and_parties() -> None:
    doc = make_doc(FULL)
    assert all(row is not None and len(row) == WIDTH for row in doc.tariff_rows)
    first, second = doc.tariffs
    assert first.names(party_needle("Canada")) and first.names(party_needle("china"))
    assert second.names(party_needle("USA")) and not second.names(party_needle("canada"))
    assert make_doc(brief("bare", "2025-01-01")).tariff_rows == (None,)


def test_phrases_in_notes_do_not_span_two_notes() -> None:
    doc = make_doc(FULL, notes=["first about trade", "war second"])
    assert not parse_query('"trade war"', today=TODAY).matches(
        dataclasses.replace(doc, tags=(), body="")
    )
    assert parse_query('"about trade"', today=TODAY).matches(doc)


# -- the index -----------------------------------------------------------------------


def sample_index() -> SearchIndex:
    return SearchIndex(
        [
            make_doc(brief("b", "2025-01-02", "Beta", body="canola")),
            make_doc(brief("a", "2025-01-02", "Alpha")),
            make_doc(brief("old", "2020-05-05", "Old", body="canola")),
            make_doc(brief("new", "2025-03-01T08:00:00", "New", body="canola")),
        ]
    )


def search(index: SearchIndex, text: str) -> list[str]:
    return index.search(parse_query(text, today=TODAY))


def test_index_put_get_remove_len() -> None:
    index = sample_index()
    assert len(index) == 4 and "a" in index and "zz" not in index
    doc = index.get("a")
    assert isinstance(doc, SearchDoc) and doc.title == "Alpha"
    assert index.get("zz") is None
    assert index.remove("a") is True
    assert index.remove("a") is False
    assert len(index) == 3 and index.get("a") is None
    index.clear()
    assert len(index) == 0 and search(index, "") == []


def test_search_returns_newest_first_then_by_title() -> None:
    index = sample_index()
    assert search(index, "") == ["new", "a", "b", "old"]
    assert search(index, "canola") == ["new", "b", "old"]
    assert [d.id for d in index] == ["new", "a", "b", "old"]


def test_order_follows_puts_and_removes() -> None:
    index = sample_index()
    search(index, "")  # the order is cached now
    index.put(make_doc(brief("newest", "2026-01-01", "Z", body="canola")))
    assert search(index, "canola") == ["newest", "new", "b", "old"]
    index.put(index.get("old").with_reader(read=True))  # type: ignore[union-attr]
    assert search(index, "is:read") == ["old"]
    index.put(make_doc(brief("old", "2027-01-01", "Old")))  # re-dated
    assert search(index, "") == ["old", "newest", "new", "a", "b"]
    index.remove("newest")
    assert search(index, "") == ["old", "new", "a", "b"]


def test_search_tariffs_lists_rows_of_the_tracker() -> None:
    index = SearchIndex(
        [
            make_doc(FULL, starred=True),
            make_doc(
                brief(
                    "eu",
                    "2024-10-29",
                    tariffs=(
                        Tariff("EU", "China", ("electric vehicles",), "17.0% to 35.3%"),
                        Tariff("EU", None, ("cars",), "10%"),
                    ),
                )
            ),
            make_doc(brief("none", "2025-01-01")),
        ]
    )
    tracker = index.search_tariffs
    everything = parse_query("", today=TODAY)
    assert tracker(everything) == [("full", 0), ("full", 1), ("eu", 0), ("eu", 1)]
    assert tracker(parse_query("rate>=30", today=TODAY)) == [("full", 0), ("eu", 0)]
    assert tracker(parse_query("is:starred", today=TODAY)) == [("full", 0), ("full", 1)]
    assert tracker(parse_query("country:china -by:china", today=TODAY)) == [("eu", 0)]
