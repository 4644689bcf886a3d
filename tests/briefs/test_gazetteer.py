"""The one gazetteer: every way of naming a party leads to one key, for drafting and search."""

from __future__ import annotations

import pytest

from briefs.gazetteer import DEMONYMS, NOUNS, country_key, country_of, normalise_country


@pytest.mark.parametrize(
    ("names", "key"),
    [
        (("Czechia", "Czech Republic", "czech", "Prague"), "czech republic"),
        (("Holland", "Netherlands", "the Netherlands", "Dutch", "The Hague"), "netherlands"),
        (
            ("U.S.", "US", "USA", "u.s.a.", "United States", "America", "Washington"),
            "united states",
        ),
        (("EU", "E.U.", "Europe", "European", "Brussels"), "european union"),
        (("UK", "Britain", "British", "England", "London"), "united kingdom"),
        (("PRC", "Chinese", "Beijing", "mainland China"), "china"),
        (("Korea", "ROK", "Korean", "Seoul"), "south korea"),
        (("UAE", "U.A.E.", "Emirati"), "united arab emirates"),
        (("Türkiye", "Turkiye", "Turkish"), "turkey"),
    ],
)
def test_every_name_of_a_party_has_one_key(names: tuple[str, ...], key: str) -> None:
    assert {name: country_key(name) for name in names} == dict.fromkeys(names, key)


def test_other_names_keep_their_folded_words() -> None:
    assert country_key("Government of Canada") == "government of canada"
    assert country_key("Québec") == "quebec"


def test_every_alias_capital_and_demonym_maps_to_its_country() -> None:
    for alias, name in (*NOUNS.items(), *DEMONYMS.items()):
        assert country_key(alias) == country_key(name), alias


def test_drafting_names_the_canonical_country() -> None:
    assert country_of("Czechia") == "Czech Republic"
    assert country_of("the Netherlands") == "Netherlands"
    assert country_of("Dutch") == "Netherlands"
    assert normalise_country("U.S.") == "United States"
    assert normalise_country(" Farm Credit Canada ") == "Farm Credit Canada"
    assert normalise_country(None) is None
    # "England" is a reader's word for the UK, not a party drafting reads in a story.
    assert country_of("England") is None


def test_scotch_and_scottish_goods_are_the_united_kingdoms() -> None:
    # Whisky and salmon are named by their Scottish origin; the tariff's target is the
    # party to trade, the United Kingdom (drafted with no target before).
    from tests.briefs.drafted import tariff_pairs

    assert country_of("Scottish") == "United Kingdom"
    assert tariff_pairs("Washington kept a 10% tariff on Scotch whisky, officials said.") == {
        ("United States", "United Kingdom", "10%")
    }
    assert tariff_pairs("Norway put a 15% duty on Scottish salmon on Monday.") == {
        ("Norway", "United Kingdom", "15%")
    }
