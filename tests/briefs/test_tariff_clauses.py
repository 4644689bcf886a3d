"""Rates and parties read clause by clause in shapes that failed on fresh text (issue 13,
session 7): sentences of our own, several wordings where the shape allows."""

from __future__ import annotations

import pytest

from tests.briefs.drafted import draft_story, tariff_pairs

JP, CN, KR, US = "Japan", "China", "South Korea", "United States"


# --- a rate written after a rate noun continues the measure ------------------------------------


@pytest.mark.parametrize(
    "second",
    [
        "Thai exporters will pay rates between 2.8% and 25.8%.",
        "Thai exporters were given rates of 2.8% to 25.8%.",
        "Thai producers face duties between 2.8% and 25.8%.",
    ],
)
def test_a_rate_after_a_rate_noun_continues_the_measure(second: str) -> None:
    story = f"The US set final anti-dumping duties on frozen fish from Thailand. {second}"
    assert tariff_pairs(story) == {(US, "Thailand", "2.8%-25.8%")}


# --- a range per target, each after "for" -------------------------------------------------------


@pytest.mark.parametrize(
    "first",
    [
        "Japan will impose anti-dumping duties on steel sheet from China and South Korea.",
        "Japan will impose anti-dumping duties of up to 63.5 percent on steel sheet from China"
        " and South Korea.",
    ],
)
def test_each_range_after_for_is_its_targets_rate(first: str) -> None:
    story = (
        f"{first} The duties range from 16.9 percent to 63.5 percent for Chinese makers and"
        " from 13.2 percent to 38.1 percent for South Korean ones."
    )
    assert tariff_pairs(story) == {(JP, CN, "16.9%-63.5%"), (JP, KR, "13.2%-38.1%")}


# --- a duty per unit given as a range, and the steps of a schedule -------------------------------


@pytest.mark.parametrize(
    ("story", "rate"),
    [
        (
            "Potash from Belarus now faces an EU duty of 40 to 45 euros per tonne.",
            "40 to 45 euros per tonne",
        ),
        (
            "Potash from Belarus now faces an EU duty of €40 to €45 per tonne.",
            "€40 to €45 per tonne",
        ),
    ],
)
def test_a_per_unit_range_in_currency_words_is_one_rate(story: str, rate: str) -> None:
    assert {t.rate for t in draft_story(story).tariffs} == {rate}


@pytest.mark.parametrize(
    "story",
    [
        "Potash from Belarus now faces an EU duty of 40 euros per tonne, rising in steps to"
        " about 315 euros per tonne by 2028.",
        "Belarus potash now pays a 6.5% EU duty, increasing gradually to 30% by 2030.",
    ],
)
def test_a_later_step_dated_by_its_year_is_no_rate_of_its_own(story: str) -> None:
    assert len(draft_story(story).tariffs) == 1
