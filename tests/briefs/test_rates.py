"""Rates as written: any text, however long or strange, is read in bounded work.

The rate patterns used to backtrack: a rate of 14,000 digits took 30 s to read, and every
start of the reader read it again. These tests feed texts far longer than that (200,000
characters — about 15 minutes of work for the old patterns) and check the answers; they
finish at once only because the patterns now never try one stretch of text twice.
"""

from __future__ import annotations

import pytest

from briefs.rates import MAX_RATE_CHARS, normalise_rate, parse_rate, percentages

LONG = 200_000

# Shapes that made the old patterns retry each start of a long run of digits.
HOSTILE = {
    "digits": "1" * LONG,
    "digits-then-letter": "1" * LONG + "x",
    "thousands-groups": "111," * (LONG // 4) + "x",
    "dotted": "1." * (LONG // 2) + "x",
    "decimal-tail": "1." + "1" * LONG + "x",
    "spaced-digits": "1 " * (LONG // 2) + "x",
    "spaces-before-sign": "1" + " " * LONG + "x",
    "spelled-run": "one " * (LONG // 4) + "x",
    "hyphen-run": "twenty-" * (LONG // 7) + "x",
}


@pytest.mark.parametrize("shape", list(HOSTILE))
def test_long_texts_are_read_in_bounded_work(shape: str) -> None:
    text = HOSTILE[shape]
    # percentages() is the uncapped reading: its patterns must be linear on their own.
    found = percentages(text)
    assert found == [], shape
    assert parse_rate(text) is None  # longer than a rate can be: not comparable
    assert normalise_rate(text[:MAX_RATE_CHARS]) is not None


def test_a_long_run_ending_in_a_percent_is_read() -> None:
    assert percentages("1" * LONG + "%") == [float("1" * LONG)]
    assert percentages("x " * LONG + "25%") == [25.0]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("25%,30%", [25.0, 30.0]),
        ("17.0%-35.3%", [17.0, 35.3]),
        ("1,000,000.5%", [1_000_000.5]),
        ("17,5 %", [17.5]),
        ("12,345,67%", []),  # not a number as anyone writes one
        ("a25%", [25.0]),
    ],
)
def test_percentages_as_written(text: str, values: list[float]) -> None:
    assert percentages(text) == values


def test_rate_at_the_limit_is_still_read() -> None:
    text = " " * (MAX_RATE_CHARS - 3) + "25%"
    assert len(text) == MAX_RATE_CHARS
    assert parse_rate(text) == 25
    assert parse_rate(" " + text) is None
