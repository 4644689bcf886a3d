"""Spans of days (`briefs.dates.day_span`): what since:, before: and date: of a query name."""

from __future__ import annotations

import datetime as dt

import pytest

from briefs.dates import DateError, DateSpanError, day_span, parse_date, relative_span

TODAY = dt.date(2025, 11, 28)  # a Friday
D = dt.date


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("2025-10-01", (D(2025, 10, 1), D(2025, 10, 2))),
        ("Oct 2025", (D(2025, 10, 1), D(2025, 11, 1))),
        ("  october   2025 ", (D(2025, 10, 1), D(2025, 11, 1))),
        ("2024", (D(2024, 1, 1), D(2025, 1, 1))),
        ("10/01/2025", (D(2025, 10, 1), D(2025, 10, 2))),  # month first
        ("2025-02", (D(2025, 2, 1), D(2025, 3, 1))),
        ("30d", (D(2025, 10, 29), D(2025, 11, 29))),
        ("3 days ago", (D(2025, 11, 25), D(2025, 11, 29))),
        ("6m", (D(2025, 5, 28), D(2025, 11, 29))),
        ("Last  Week", (D(2025, 11, 17), D(2025, 11, 24))),
        ("this year", (D(2025, 1, 1), D(2026, 1, 1))),
    ],
)
def test_day_span(text: str, span: tuple[dt.date, dt.date]) -> None:
    assert day_span(text, TODAY) == span


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("x" * 65, "too long"),
        ("yesterdy", "unreadable"),
        ("", "unreadable"),
        ("oct", "no year"),
        ("99999y", "outside the calendar"),
        ("9999", "outside the calendar"),  # its year ends at the calendar's end
    ],
)
def test_day_span_says_why_it_cannot(text: str, reason: str) -> None:
    with pytest.raises(DateSpanError) as caught:
        day_span(text, TODAY)
    assert caught.value.reason == reason
    assert isinstance(caught.value, DateError | ValueError)


def test_relative_span_is_none_for_what_dateutil_reads() -> None:
    assert relative_span("2025-10-01", TODAY) is None
    assert relative_span("today", TODAY) == (TODAY, D(2025, 11, 29))
    assert relative_span("last month", D(2025, 1, 15)) == (D(2024, 12, 1), D(2025, 1, 1))


def test_parse_date_still_reads_days_and_times_with_the_shared_defaults() -> None:
    assert parse_date("October 31, 2025") == "2025-10-31"
    assert parse_date("31 Oct 2025 10:26 AM ET") == "2025-10-31T10:26:00"
    with pytest.raises(DateError):
        parse_date("October 2025")
