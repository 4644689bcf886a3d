"""Header lines in the order some pages print them (issue 13), in shapes of our own: a byline
and stamp above the headline, a time zone written "GMT+9", a caption with a dated place under
the dateline's paragraph."""

from __future__ import annotations

import pytest

from briefs.drafting import draft_brief

_STORY = (
    "OSLO (Nordic Wire) — Norway will charge a 12% duty on cranes from China, the finance "
    "ministry said on Tuesday.\n\nThe duty starts in July. Chinese makers said they would appeal."
)


def test_a_byline_and_stamp_above_the_headline_stay_header_lines() -> None:
    header = "By KARI NILSEN and OLA BERG\nUpdated 8:14 PM GMT+2, June 3, 2025"
    text = f"{header}\n\nCranes to pay more\n\n{_STORY}\n"
    brief = draft_brief(text)
    assert brief.title == "Cranes to pay more"
    assert brief.authors == ("Kari Nilsen", "Ola Berg")
    assert brief.date.startswith("2025-06-03")


def test_a_gmt_offset_is_east_of_greenwich() -> None:
    text = f"Cranes to pay more\n\nUpdated 8:14 PM GMT+9, June 3, 2025\n\n{_STORY}\n"
    assert draft_brief(text).date == "2025-06-03T20:14:00+09:00"


def test_a_caption_with_a_dated_place_is_not_summary() -> None:
    caption = "A worker checks cranes at a port in Bergen, Norway, May 30, 2025."
    lead = _STORY.split("\n")[0]
    text = (
        f"Cranes to pay more\n\nJune 3, 2025\n\n{lead}\n\n{caption}\n\nThe duty starts in July.\n"
    )
    assert "A worker checks" not in draft_brief(text).summary


def test_a_story_sentence_that_ends_with_its_date_stays_story() -> None:
    line = "The ministry said the duty was set in Oslo, Norway, on May 30, 2025."
    lead = _STORY.split("\n")[0]
    text = f"Cranes to pay more\n\nJune 3, 2025\n\n{lead}\n\n{line}\n"
    brief = draft_brief(text)
    assert "the duty was set in Oslo" in brief.summary


def test_a_place_alone_under_the_byline_is_the_dateline() -> None:
    lead = _STORY.split("\n")[0].split("— ", 1)[1]
    text = (
        f"Cranes to pay more\n\nPublished 2025-06-03 14:02 GMT\n\nBy Kari Nilsen\n\n"
        f"Santa Clara\n\n{lead} The duty follows a complaint by local makers.\n"
    )
    brief = draft_brief(text)
    assert brief.dateline == "Santa Clara"
    assert brief.summary.startswith("Norway will charge")
    assert "Santa Clara" not in {a.name for a in brief.actors}


def test_a_section_label_under_a_stamp_is_no_dateline() -> None:
    lead = _STORY.split("\n")[0].split("— ", 1)[1]
    text = f"Cranes to pay more\n\nJune 3, 2025\n\nPress Releases\n\n{lead} More follows.\n"
    assert draft_brief(text).dateline != "Press Releases"


def test_a_live_pages_closing_credit_names_no_actors() -> None:
    text = (
        f"Cranes to pay more\n\nJune 3, 2025\n\n{_STORY}\n\n"
        "Kari Nilsen (now) and Ola Berg (earlier)\n\nShare\n"
    )
    names = {a.name for a in draft_brief(text).actors}
    assert not names & {"Kari Nilsen", "Ola Berg"}, names


def test_a_player_line_above_the_headline_is_no_headline() -> None:
    text = f"Listen to this article\n\nCranes to pay more\n\nJune 3, 2025\n\n{_STORY}\n"
    assert draft_brief(text).title == "Cranes to pay more"


def test_the_line_under_a_credit_alone_is_a_caption() -> None:
    lead = _STORY.split("\n")[0].split("— ", 1)[1]
    text = (
        "Cranes to pay more\n\n3 hours ago\n\nShare\n\nKari Nilsen\n\nBusiness reporter, Oslo"
        "\n\nGetty Images\n\nDock cranes stand idle at the port of Bergen at dusk\n\n"
        f"{lead}\n\nThe duty starts in July.\n"
    )
    assert draft_brief(text, date="2025-06-03").summary.startswith("Norway will charge")


@pytest.mark.parametrize(
    ("opening", "dateline"),
    [
        ("MSN - OSLO, June 3 (Nordic Wire) - ", "OSLO"),
        ("Nordic Wire | OSLO — ", "OSLO"),
        ("Bergen, Norway (Nordic Wire) -- ", "Bergen, Norway"),
    ],
)
def test_a_dateline_behind_a_credit_or_with_its_country_is_read(
    opening: str, dateline: str
) -> None:
    lead = "Norway will charge a 12% duty on cranes from China, the finance ministry said."
    text = f"Cranes to pay more\n\nJune 3, 2025\n\n{opening}{lead}\n\nThe duty starts in July.\n"
    brief = draft_brief(text)
    assert brief.dateline == dateline
    assert brief.summary.startswith("Norway will charge")


def test_an_update_note_is_no_story() -> None:
    text = (
        f"Cranes to pay more\n\nJune 3, 2025\n\n{_STORY.split(chr(10))[0]}\n\n"
        "This story has been updated to add the ministry's comment.\n\nThe duty starts in July.\n"
    )
    assert "updated" not in draft_brief(text).summary
