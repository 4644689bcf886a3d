"""Targets named as the members of a group ("from countries it has no trade deal with, a group
that includes A, B and C"), and measures whose sentences name no party: shapes that failed on
unseen text (issue 13), in sentences of our own."""

from __future__ import annotations

import pytest

from tests.briefs.drafted import tariff_pairs as _pairs
from tests.briefs.drafted import tariff_rows as _rows

# --- a restricted group's listed members are the targets -----------------------------------------


@pytest.mark.parametrize(
    "story",
    [
        "Peru's Congress approved tariffs of up to 30% on goods from countries with which it has"
        " no trade pact, a group that includes Japan, Egypt and Turkey.",
        "Peru will impose tariffs of 30% on steel from countries without a trade agreement,"
        " including Japan, Egypt and Turkey.",
        "Peru set a 30% duty on footwear from nations that have no trade deal with it, among"
        " them Japan, Egypt and Turkey.",
    ],
)
def test_the_listed_members_of_a_restricted_group_are_targets(story: str) -> None:
    pairs = _pairs(story)
    assert {("Peru", "Japan", "30%"), ("Peru", "Egypt", "30%"), ("Peru", "Turkey", "30%")} <= pairs
    assert ("Peru", None, "30%") not in pairs


@pytest.mark.parametrize(
    "story",
    [
        "Peru will charge 30% on steel from all countries, including Japan and Egypt.",
        "Peru's new 30% tariff applies to imports from every country, Japan and Egypt among them.",
    ],
)
def test_examples_of_every_origin_stay_no_target(story: str) -> None:
    assert _pairs(story) == {("Peru", None, "30%")}


# --- "the new duties" after a list of targets are every target's ---------------------------------


@pytest.mark.parametrize(
    "first",
    [
        "Peru's Congress approved tariffs of 30% on steel from Japan, Egypt and Turkey on Monday.",
        "Peru's Congress approved tariffs of up to 30% on steel from Japan, Egypt and Turkey.",
    ],
)
def test_a_later_word_on_the_duties_of_a_list_is_each_targets(first: str) -> None:
    rows = _rows(f"{first} The new duties will take effect in January.")
    assert {(on, status) for _by, on, _rate, status in rows} == {
        ("Japan", "announced"),
        ("Egypt", "announced"),
        ("Turkey", "announced"),
    }


# --- a story that names its country only in passing ----------------------------------------------


def test_a_measure_of_a_story_naming_no_party_is_the_story_countrys() -> None:
    story = (
        "THE Ministry of Agriculture has asked for the tariff on imported maize to go back up to"
        " 30% from 10%, saying cheap grain has hurt growers."
        "\n\nThe minister said the request had gone to the cabinet."
        "\n\nFarm-gate prices in Kenya have fallen by a third since the harvest, and most"
        " imports now come from Tanzania."
        "\n\nThe Kenyan Millers Association opposes the plan."
    )
    assert ("Kenya", None, "30%") in _pairs(story)


@pytest.mark.parametrize(
    "story",
    [
        "The levy comes on top of the standard 6% customs duty that Peru applies to cars from"
        " outside its trade pact with Chile.",
        "Peru charges a 6% duty on cars from countries other than Chile.",
    ],
)
def test_a_country_named_as_the_exception_is_no_target(story: str) -> None:
    assert _pairs(story) == {("Peru", None, "6%")}
