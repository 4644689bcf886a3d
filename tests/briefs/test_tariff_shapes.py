"""Shapes of news writing that failed on unseen text (issue 13, session 6): each test is a
sentence of our own in the shape that failed, several wordings where the shape has them."""

from __future__ import annotations

import pytest

from tests.briefs.drafted import tariff_rows as _rows

# --- a measure named in two words ("a safeguard duty on …") is read past both ------------------


@pytest.mark.parametrize(
    ("story", "row"),
    [
        (
            "Peru already collects a safeguard duty on imported frozen squid.",
            ("Peru", None, None, "in force"),
        ),
        (
            "Kenya has long applied an anti-dumping duty on Egyptian sugar.",
            ("Kenya", "Egypt", None, "in force"),
        ),
    ],
)
def test_a_measure_in_two_words_without_a_rate_is_kept(story: str, row: tuple) -> None:
    assert _rows(story) == {row}
