"""The rate a change replaces ("to 40% from 25%"): still charged, and listed, while the change is
undecided or starts on a day told later; gone once the new rate is charged (issue 13). Sentences
of our own."""

from __future__ import annotations

import pytest

from tests.briefs.drafted import tariff_rows as _rows


@pytest.mark.parametrize(
    "story",
    [
        "Kenya's trade ministry has proposed raising the tariff on imported sugar to 40% from 25%.",
        "Kenya's trade ministry has recommended lifting the duty on imported sugar back to 40%"
        " from 25%, saying cheap sugar hurts growers.",
    ],
)
def test_the_old_rate_of_a_proposed_change_is_still_charged(story: str) -> None:
    rows = _rows(story)
    assert ("Kenya", None, "40%", "proposed") in rows
    assert ("Kenya", None, "25%", "in force") in rows


@pytest.mark.parametrize(
    ("story", "new"),
    [
        ("Kenya raised its tariff on imported sugar to 40% from 25% last month.", "40%"),
        ("Peru said on Friday it would raise its tariffs on Chilean goods to 60% from 40%.", "60%"),
        (
            "Argentina lowered export duties on soybeans on Wednesday. The minister said the duty"
            " on soybeans falls to 22% from 26%. Farmers said the cut on soybeans came too late.",
            "22%",
        ),
    ],
)
def test_the_old_rate_of_a_change_without_a_later_start_is_gone(story: str, new: str) -> None:
    assert {rate for _by, _on, rate, _status in _rows(story)} == {new}


def test_a_proposal_outlives_a_cut_told_after_it() -> None:
    rows = _rows(
        "Kenya's agriculture ministry has proposed raising the tariff on imported rice to 35%"
        " from 15%. The government cut the rice tariff to 15% in March 2024 to curb prices."
    )
    assert ("Kenya", None, "35%", "proposed") in rows
    assert ("Kenya", None, "15%", "in force") in rows
