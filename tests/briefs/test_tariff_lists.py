"""Measures told as lists (issue 13, tariffs F1): a sentence read as items of (targets, rate),
with the targets before their rates or after them, rates told apart from their parties in the
sentence after the measure, and near-misses that are no such list. Sentences of our own."""

from __future__ import annotations

import pytest

from briefs.drafting.tariffs.entities import Entity
from briefs.drafting.tariffs.enumeration import read_items
from tests.briefs.drafted import tariff_pairs as _pairs

US = "United States"
LEAD = "The United States announced new tariffs on Thursday on goods from several Asian countries. "


# --- targets before their rates: "A 20%, B and C 19%" ------------------------------------------


@pytest.mark.parametrize(
    "story",
    [
        LEAD + "Vietnam faces 20%, Thailand and Cambodia 19%.",
        LEAD + "Vietnam will pay 20%, while Thailand and Cambodia will pay 19%.",
        LEAD + "Vietnam (20%), Thailand (19%) and Cambodia (19%) were among them.",
        LEAD + "Vietnam 20%, Thailand 19%, Cambodia 19%.",
    ],
)
def test_each_target_before_its_own_rate(story: str) -> None:
    assert _pairs(story) == {
        (US, "Vietnam", "20%"),
        (US, "Thailand", "19%"),
        (US, "Cambodia", "19%"),
    }


def test_a_list_of_targets_given_rates_is_never_the_imposer() -> None:
    story = (
        "Japan and South Korea will be charged 25%, South Africa 30% and Laos 40%, the White"
        " House said."
    )
    assert _pairs(story) == {
        (US, "Japan", "25%"),
        (US, "South Korea", "25%"),
        (US, "South Africa", "30%"),
        (US, "Laos", "40%"),
    }


@pytest.mark.parametrize(
    "second",
    [
        "Chinese wire faces 25% and Vietnamese wire 18%.",
        "China's rate is 25% and Vietnam's is 18%.",
        "China's wire will now pay 25%, Vietnam's 18%.",
        "The rate for China is 25% and the rate for Vietnam is 18%.",
    ],
)
def test_rates_told_after_the_measure_pair_with_their_targets(second: str) -> None:
    story = "Canada imposed provisional duties on steel wire from China and Vietnam on Friday. "
    assert _pairs(story + second) == {("Canada", "China", "25%"), ("Canada", "Vietnam", "18%")}


# --- targets after their rates: "x% for A, y% for B" -------------------------------------------


@pytest.mark.parametrize(
    "story",
    [
        LEAD + "The rates are 20% for Vietnam and 19% for Thailand and Cambodia.",
        "The United States set tariffs of 20% on Vietnam and 19% on Thailand and Cambodia.",
    ],
)
def test_each_rate_before_its_own_targets(story: str) -> None:
    assert _pairs(story) == {
        (US, "Vietnam", "20%"),
        (US, "Thailand", "19%"),
        (US, "Cambodia", "19%"),
    }


def test_goods_of_each_origin_told_one_after_the_other() -> None:
    story = LEAD + "Goods from Vietnam will be taxed at 20% and those from Thailand at 19%."
    assert _pairs(story) == {(US, "Vietnam", "20%"), (US, "Thailand", "19%")}


# --- a list of targets beside a list of as many rates -------------------------------------------


def test_a_list_of_rates_with_a_repeated_rate_pairs_in_order() -> None:
    story = (
        "The United States set tariffs on Vietnam, Thailand and Cambodia at 20%, 19% and 19%"
        " respectively."
    )
    assert _pairs(story) == {
        (US, "Vietnam", "20%"),
        (US, "Thailand", "19%"),
        (US, "Cambodia", "19%"),
    }


def test_a_list_of_rates_joined_by_commas_is_kept_whole() -> None:
    story = (
        "Turkey imposed anti-dumping duties on polyester yarn from China, India and Vietnam,"
        " at 18%, 12% and 9%."
    )
    assert _pairs(story) == {
        ("Turkey", "China", "18%"),
        ("Turkey", "India", "12%"),
        ("Turkey", "Vietnam", "9%"),
    }


# --- one rate borne by a list of targets ---------------------------------------------------------


def test_a_list_bearing_one_rate_gives_one_entry_each() -> None:
    story = "Vietnam, Thailand and Cambodia will all pay a 20% tariff, the US said on Friday."
    assert _pairs(story) == {
        (US, "Vietnam", "20%"),
        (US, "Thailand", "20%"),
        (US, "Cambodia", "20%"),
    }


# --- near-misses: no list of targets and rates ---------------------------------------------------


@pytest.mark.parametrize(
    "second",
    [
        "Japan's exports rose 5% and Korea's fell 3% in the same month.",
        "Mexico and Japan had 10% and 12% of the market.",
        "Ontario and Quebec saw jobs fall 5% and 3%.",
        "Canada, Mexico and Japan account for 40% of US steel imports.",
    ],
)
def test_figures_of_countries_after_a_measure_are_no_rates(second: str) -> None:
    story = "Canada imposed a 25% tariff on US steel in March. " + second
    assert _pairs(story) == {("Canada", US, "25%")}


def test_a_rate_that_changes_is_no_list() -> None:
    assert _pairs("The US raised its tariff on Canada to 35% from 25%.") == {(US, "Canada", "35%")}


def _entity(text: str, word: str, country: str) -> Entity:
    start = text.index(word)
    return Entity(start, start + len(word), country, False, False)


def _rates(text: str, *rates: str) -> list[tuple[int, int, str]]:
    return [(text.index(r), text.index(r) + len(r), r) for r in rates]


def test_the_reader_binds_no_imposer_before_its_verb() -> None:
    text = "Chile imposes 20% and Peru imposes 19%."
    entities = [_entity(text, "Chile", "Chile"), _entity(text, "Peru", "Peru")]
    assert read_items(text, entities, _rates(text, "20%", "19%")) == []


def test_the_reader_needs_two_items_or_a_bearing_list() -> None:
    text = "Chile and Peru set 20% on the goods."
    entities = [_entity(text, "Chile", "Chile"), _entity(text, "Peru", "Peru")]
    assert read_items(text, entities, _rates(text, "20%")) == []
    text = "Chile and Peru face 20%."
    entities = [_entity(text, "Chile", "Chile"), _entity(text, "Peru", "Peru")]
    assert [item.countries for item in read_items(text, entities, _rates(text, "20%"))] == [
        ("Chile", "Peru")
    ]
