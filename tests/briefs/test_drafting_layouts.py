"""Header lines of news pages in shapes of our own (issue 13): the date is found in each."""

from __future__ import annotations

import pytest

from briefs.drafting import draft_brief

_STORY = "OSLO (Wire) -- Norway will charge a 12% duty on imported cranes, officials said."


@pytest.mark.parametrize(
    "head",
    [
        "Source: Wire Agency | 2025-06-03 21:07:35 | Editor: Kim Rowe",
        "Wire Agency | 2025-06-03 | World",
        "Posted : 2025-06-03 15:02 Updated : 2025-06-04 16:41",
        "Posted: 2025-06-03 09:00 | Updated: 2025-06-04 10:00",
        "Published : June 3, 2025 Updated : June 4, 2025",
        "Posted 2025-06-03 Last updated 2025-06-05",
        "Publish Date: 3 Jun 2025",
        "Publication date: 3 June 2025",
        "Date: 03 June 2025",
        "Posted Tue 3 Jun 2025 at 5:12pm, updated Tue 3 Jun 2025 at 7:40pm",
        "Published Tue 3 Jun 2025, updated Wed 4 Jun 2025",
    ],
)
def test_a_date_in_a_header_line_of_another_shape_is_found(head: str) -> None:
    brief = draft_brief(f"Cranes to pay more\n\n{head}\n\n{_STORY}\n")
    assert brief.date[:10] == "2025-06-03"


@pytest.mark.parametrize(
    ("stamp", "dateline", "date"),
    [
        ("03/06/2025", "OSLO, 3 June (Wire) -- ", "2025-06-03"),
        ("06/03/2025", "OSLO, March 6 (Wire) -- ", "2025-03-06"),
        ("04/05/2025", "OSLO, 5 April (Wire) -- ", "2025-04-05"),
    ],
)
def test_a_numeric_stamp_is_read_the_way_the_dateline_names_the_day(
    stamp: str, dateline: str, date: str
) -> None:
    story = dateline + "Norway will charge a 12% duty on imported cranes, officials said."
    brief = draft_brief(f"Cranes to pay more\n\n{stamp}\n\n{story}\n")
    assert brief.date[:10] == date
