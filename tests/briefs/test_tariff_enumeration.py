"""Measures told as lists: several targets each with its own rate, or rates in a sentence that
names no party after the sentence that names the measure (briefs/drafting/tariffs/enumeration.py,
issue 13). Sentences of our own, in the shapes that failed on unseen text."""

from __future__ import annotations

import pytest

from tests.briefs.drafted import tariff_pairs as _pairs

# --- each target with its own rate, in one sentence ----------------------------------------------


@pytest.mark.parametrize(
    "story",
    [
        "Norway will impose tariffs of 20% on Peru and 15% on Chile from next month.",
        "Norway will impose new tariffs from next month: Peru faces 20% and Chile 15%.",
        "Norway will impose new tariffs from next month on Peru (20%) and Chile (15%).",
    ],
)
def test_each_listed_target_gets_its_own_rate(story: str) -> None:
    pairs = _pairs(story)
    assert {("Norway", "Peru", "20%"), ("Norway", "Chile", "15%")} <= pairs
    assert not any(by in ("Peru", "Chile") for by, _, _ in pairs)


def test_a_rate_shared_by_two_targets_is_an_entry_for_each() -> None:
    story = (
        "Norway announced tariffs on farm goods on Monday. Peru will be charged 20%, while Chile"
        " and Ecuador will be charged 15%."
    )
    pairs = _pairs(story)
    assert {
        ("Norway", "Peru", "20%"),
        ("Norway", "Chile", "15%"),
        ("Norway", "Ecuador", "15%"),
    } <= pairs
    assert not any(by in ("Peru", "Chile", "Ecuador") for by, _, _ in pairs)


# --- rates told apart from their parties ---------------------------------------------------------


def test_rates_in_the_next_sentence_take_the_measure_named_before() -> None:
    story = (
        "Norway announced new tariffs on farm goods from Peru and Chile on Monday."
        " Peru gets 20% and Chile 15%."
    )
    pairs = _pairs(story)
    assert {("Norway", "Peru", "20%"), ("Norway", "Chile", "15%")} <= pairs


# --- near misses: not a list of targets ----------------------------------------------------------


def test_two_rates_of_one_target_are_not_split_over_other_countries() -> None:
    story = (
        "Norway raised its tariff on Peruvian fish to 20% from 15%, the trade ministry said,"
        " after talks with Chile stalled."
    )
    pairs = _pairs(story)
    assert ("Norway", "Peru", "20%") in pairs
    assert ("Norway", "Chile", "15%") not in pairs


def test_growth_figures_beside_countries_are_no_rates() -> None:
    story = (
        "Norway kept its 20% tariff on Peruvian fish. Exports from Chile grew 15% last year and"
        " those from Ecuador 9%."
    )
    pairs = _pairs(story)
    assert ("Norway", "Chile", "15%") not in pairs
    assert ("Norway", "Ecuador", "9%") not in pairs
