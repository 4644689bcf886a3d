"""The year a measure's time phrase points to, in shapes that went wrong on unseen text (issue
13): bare months after other lead words, seasons, a start told as news, and "from" that is no
time. Sentences of our own."""

from __future__ import annotations

import pytest

from tests.briefs.drafted import draft_story


def _years(story: str, date: str) -> set[int | None]:
    return {t.year for t in draft_story(story, date).tariffs}


@pytest.mark.parametrize(
    ("story", "date", "year"),
    [
        (
            "Malaysia will set its export duty on palm kernels at 8% for January.",
            "2025-12-10",
            2026,
        ),
        (
            "Chile's 5% tariff on Peruvian mangoes will apply through the end of June.",
            "2025-12-10",
            2026,
        ),
        ("Peru imposed a 12% duty on Chilean apples at the end of March.", "2025-07-15", 2025),
    ],
)
def test_a_month_after_other_lead_words_takes_its_tenses_year(
    story: str, date: str, year: int
) -> None:
    assert _years(story, date) == {year}


@pytest.mark.parametrize(
    ("story", "date", "year"),
    [
        ("Peru has charged a 12% duty on Chilean apples since the summer.", "2025-11-20", 2025),
        ("Peru imposed a 12% duty on Chilean apples in the autumn.", "2025-03-10", 2024),
        ("Peru will raise its duty on Chilean apples to 12% next spring.", "2025-07-15", 2026),
    ],
)
def test_a_season_is_read_as_its_middle_month(story: str, date: str, year: int) -> None:
    assert _years(story, date) == {year}


def test_from_that_names_no_time_does_not_look_ahead() -> None:
    story = (
        "An order signed on Friday exempts Chilean wine from the 25% tariffs that Peru imposed"
        " on most countries in April."
    )
    assert _years(story, "2025-11-15") == {2025}


def test_a_start_told_as_news_with_no_date_is_this_years() -> None:
    assert _years("Peru's 25% tariff on Chilean wine took effect at midnight.", "2025-07-15") == {
        2025
    }
