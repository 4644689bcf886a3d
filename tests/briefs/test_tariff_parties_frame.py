"""A response's target from the story's frame (issue 13): a retaliatory measure that names no
target is aimed at the one country the story has imposing on its imposer. Sentences of our own."""

from __future__ import annotations

import pytest

from tests.briefs.drafted import tariff_pairs as _pairs


@pytest.mark.parametrize(
    "story",
    [
        "The United States imposed a 30% tariff on steel from Norway on Monday. Norway said it"
        " would answer with countermeasures.",
        "Washington put 30% tariffs on Norwegian salmon. Oslo's trade ministry said Norway was"
        " preparing counter-tariffs.",
        "A 30% US tariff on Norwegian goods took effect. Norway's prime minister warned that"
        " Norway would impose retaliatory tariffs of 15% within weeks.",
    ],
)
def test_a_response_without_target_is_aimed_at_its_author(story: str) -> None:
    pairs = _pairs(story)
    assert ("United States", "Norway", "30%") in pairs
    assert {on for by, on, _rate in pairs if by == "Norway"} == {"United States"}


@pytest.mark.parametrize(
    "story",
    [
        # not a response: a duty of the country's own on every origin keeps no target
        "The United States imposed a 30% tariff on steel from Norway. Norway said it would"
        " raise its import duty on all foreign cheese to 15%.",
        # hit by two imposers: which one the response answers is not told
        "The United States imposed a 30% tariff on Norwegian steel and Canada a 20% tariff on"
        " Norwegian fish. Norway said it would answer with countermeasures.",
    ],
)
def test_no_target_is_lent_without_one_author_or_to_a_global_duty(story: str) -> None:
    pairs = _pairs(story)
    assert all(on is None for by, on, _rate in pairs if by == "Norway")
