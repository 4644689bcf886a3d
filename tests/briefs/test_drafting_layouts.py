"""Header lines of news pages in shapes of our own (issue 13): the date is found in each."""

from __future__ import annotations

import pytest

from briefs.drafting import ArticleError, draft_brief

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
        "Issued on: 3 June 2025 - 19:27 Modified: 4 June 2025 - 21:03",
        "Released: June 3, 2025",
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


_LEAD = "Norway will charge a 12% duty on cranes from China, the finance ministry said on Tuesday."
_MORE = "The duty starts in July. Chinese makers said they would appeal the decision."


@pytest.mark.parametrize(
    "heading",
    [
        "READ MORE: Crane makers brace for a new duty",
        "BREAKING: Norway hits Chinese cranes",
        "LIVE: Oslo reacts to the duty",
    ],
)
def test_a_heading_in_capitals_with_a_colon_is_no_dateline(heading: str) -> None:
    brief = draft_brief(f" date 2025-06-03 Cranes to pay more\n\n{_LEAD}\n\n{heading}\n\n{_MORE}\n")
    assert brief.dateline is None
    assert brief.summary.startswith("Norway will charge")


@pytest.mark.parametrize(
    "link",
    [
        "Related: Peru's Ana Rojas weighs a reply to Lima's rivals",
        "READ MORE: Ana Rojas says Peru will answer the crane duty",
        "Also read: Ana Rojas plans a visit to Oslo next month",
    ],
)
def test_a_link_to_another_story_is_not_story(link: str) -> None:
    brief = draft_brief(f" date 2025-06-03 Cranes to pay more\n\n{_LEAD}\n\n{link}\n\n{_MORE}\n")
    assert "Ana Rojas" not in {a.name for a in brief.actors}


@pytest.mark.parametrize(
    "share",
    [
        "Share on Facebook Share on X Email",
        "Share this article via WhatsApp, LinkedIn or Email",
        "Copy link Print Save Share",
    ],
)
def test_share_lines_are_not_story(share: str) -> None:
    brief = draft_brief(f" date 2025-06-03 Cranes to pay more\n\n{_LEAD}\n\n{share}\n\n{_MORE}\n")
    names = {a.name for a in brief.actors}
    assert names <= {"Norway", "China", "Finance Ministry"}, names


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ("BY KARI NILSEN AND OLA BERG", ("Kari Nilsen", "Ola Berg")),
        ("BY KARI NILSEN, NORDIC WIRE", ("Kari Nilsen",)),
        ("By KARI NILSEN", ("Kari Nilsen",)),
    ],
)
def test_a_byline_in_capitals_gives_the_authors(byline: str, authors: tuple[str, ...]) -> None:
    brief = draft_brief(f"Cranes to pay more\n\n{byline}\n\nJune 3, 2025\n\nOSLO — {_LEAD}\n")
    assert brief.authors == authors
    assert not {a.casefold() for a in authors} & {a.name.casefold() for a in brief.actors}


@pytest.mark.parametrize(
    "caption",
    [
        "A crane is unloaded at the port of Oslo on Monday.",
        "Cranes wait on a quay in Oslo, Norway, in 2024.",
    ],
)
def test_a_caption_without_a_credit_stays_out_of_the_dateline_and_summary(caption: str) -> None:
    text = f"Cranes to pay more\n\nBy Kari Nilsen\n\nJune 3, 2025\n\n{caption}\n\nOSLO — {_LEAD}\n"
    brief = draft_brief(text)
    assert brief.dateline == "OSLO"
    assert brief.summary.startswith("Norway will charge")


def test_a_forum_repost_is_dated_by_the_dateline_it_pastes() -> None:
    text = (
        "Norway puts a 12% duty on Chinese cranes\n\nposted by tradewatcher42\n\n"
        "Pasting it here for those without a subscription:\n\n"
        f"OSLO, June 3, 2025 (Wire) - {_LEAD}\n"
    )
    brief = draft_brief(text)
    assert brief.date[:10] == "2025-06-03" and brief.dateline == "OSLO"
    assert brief.summary.startswith("Norway will charge")


def test_a_headline_and_story_without_a_date_say_how_to_give_one() -> None:
    with pytest.raises(ArticleError, match="--date"):
        draft_brief(f"Cranes to pay more\n\n{_LEAD} {_MORE}\n")
    assert draft_brief(f"Cranes to pay more\n\n{_LEAD}\n", date="2025-06-03").date == "2025-06-03"


def test_a_dateline_that_is_a_capital_and_a_full_stop_is_cut() -> None:
    text = f"Cranes to pay more\n\nKari Nilsen\n\nJune 3, 2025 | 6:48 pm\n\nOslo. {_LEAD}\n"
    brief = draft_brief(text)
    assert brief.dateline == "Oslo" and brief.summary.startswith("Norway will charge")


def test_a_live_page_s_invitation_to_follow_is_not_story() -> None:
    text = (
        "Crane duty LIVE updates: Norway acts\n\nFirst Published: 3 Jun 2025, 07:02 AM\n\nLIVE\n\n"
        "Follow the latest on the crane duty announced by Norway's finance ministry.\n\n"
        f"07:02 AM\n\n{_LEAD}\n"
    )
    assert draft_brief(text).summary.startswith("Norway will charge")


def test_a_breadcrumb_above_the_headline_is_neither_headline_nor_actor() -> None:
    text = (
        "Harbour Ledger › Markets › Machinery\n\nCranes to pay more\n\n"
        "By Kari Nilsen | June 3, 2025 | Topics: Trade, Cranes, Norway\n\n"
        f"{_LEAD}\n\nSubscribe to the Harbour Ledger daily newsletter\n\n{_MORE}\n"
    )
    brief = draft_brief(text)
    assert brief.title == "Cranes to pay more" and brief.date[:10] == "2025-06-03"
    assert brief.authors == ("Kari Nilsen",)
    names = {a.name for a in brief.actors}
    assert not names & {"Harbour Ledger", "Kari Nilsen"}, names


def test_reporters_of_a_live_entry_named_with_their_city_are_no_actors() -> None:
    credit = "Ola Berg and Kari Nilsen in Oslo"
    text = f" date 2025-06-03 Cranes to pay more\n\n{_LEAD}\n\n{credit}\n\n{_MORE}\n"
    names = {a.name for a in draft_brief(text).actors}
    assert not names & {"Ola Berg", "Kari Nilsen"}, names


def test_a_stamp_above_the_headline_dates_it_and_is_not_the_headline() -> None:
    text = (
        "Published On 3 Jun 2025\n\nCranes to pay more\n\n"
        "Oslo says the levy will protect its ports.\n\n"
        "A crane at the port of Oslo [File: Kari Nilsen/Wire]\n\n"
        f"{_LEAD}\n\n{_MORE}\n\nSOURCE: NORDIC WIRE AND NEWS AGENCIES\n"
    )
    brief = draft_brief(text)
    assert (brief.title, brief.date[:10]) == ("Cranes to pay more", "2025-06-03")
    assert "SOURCE" not in brief.summary


def test_a_press_release_s_labels_and_boilerplate_are_not_story() -> None:
    text = (
        "FOR IMMEDIATE RELEASE\n\nMinistry of Finance announces a duty on cranes\n\n"
        f"OSLO, June 3, 2025 /Nordic Wire/ -- {_LEAD}\n\n{_MORE}\n\n"
        "About the Ministry of Finance\n\nThe ministry is responsible for economic policy.\n\n"
        "Media contact:\n\nOla Berg, press officer\n\n###\n"
    )
    brief = draft_brief(text)
    assert brief.title == "Ministry of Finance announces a duty on cranes"
    assert brief.dateline == "OSLO" and brief.date[:10] == "2025-06-03"
    assert "responsible for economic policy" not in brief.summary
    assert "Ola Berg" not in {a.name for a in brief.actors}


def test_a_correction_note_is_not_story() -> None:
    text = (
        f" date 2025-06-03 Cranes to pay more\n\n{_LEAD}\n\n"
        "Correction: An earlier version of this story gave a wrong date for Ana Rojas's trip.\n\n"
        f"{_MORE}\n"
    )
    assert "Ana Rojas" not in {a.name for a in draft_brief(text).actors}


def test_a_credited_caption_among_the_first_paragraphs_is_not_story() -> None:
    text = (
        "Cranes to pay more\n\nPublished June 3, 2025\n\n"
        "Oslo says the levy will protect its ports; Beijing vows to respond.\n\n"
        "A crane at the port of Oslo [File: Ola Berg/Nordic Wire]\n\n"
        f"{_LEAD}\n\n{_MORE}\n"
    )
    brief = draft_brief(text)
    assert "[File:" not in brief.summary
    assert "Ola Berg" not in {a.name for a in brief.actors}


@pytest.mark.parametrize(
    ("opening", "dateline", "source"),
    [
        (f"(Bloomberg) -- {_LEAD}", None, "Bloomberg"),
        (f"Oslo, June 3 (Nordic Wire): {_LEAD}", "Oslo", "Nordic Wire"),
        (f"(MENAFN- Harbour Post) Oslo, June 3 (NW): {_LEAD}", "Oslo", "NW"),
    ],
)
def test_agency_openings_of_other_shapes_are_cut(
    opening: str, dateline: str | None, source: str
) -> None:
    brief = draft_brief(f"Cranes to pay more\n\nJune 3, 2025\n\n{opening}\n")
    assert (brief.dateline, brief.source) == (dateline, source)
    assert brief.summary.startswith("Norway will charge")


def test_a_stamp_with_its_poster_after_by_is_read() -> None:
    text = f"Cranes to pay more\n\nPosted On: 03 JUN 2025 5:12PM by PIB Oslo\n\n{_LEAD}\n"
    assert draft_brief(text).date[:10] == "2025-06-03"


@pytest.mark.parametrize(
    "label", ["Related topics", "More on this story", "Top stories", "Most read"]
)
def test_a_page_s_closing_lists_are_footer(label: str) -> None:
    text = (
        f" date 2025-06-03 Cranes to pay more\n\n{_LEAD}\n\n{_MORE}\n\n{label}\n\n"
        "Ana Rojas visits Oslo as talks resume\n"
    )
    assert "Ana Rojas" not in {a.name for a in draft_brief(text).actors}


@pytest.mark.parametrize("opener", ["Skip to content", "Skip to main content", "Advertisement"])
def test_a_page_s_opening_furniture_is_not_the_headline(opener: str) -> None:
    brief = draft_brief(f"{opener}\n\nCranes to pay more\n\n3 June 2025\n\n{_LEAD}\n")
    assert brief.title == "Cranes to pay more"
