"""Layouts of real pages in shapes of our own (issue 13): captions without a credit and no
dateline after them, section and aggregator labels above the headline, a dated place line above
it, a dateline glued to the story, and a byline in capitals that ends with its outlet."""

from __future__ import annotations

import pytest

from briefs.drafting import draft_brief

_LEAD = "Norway will charge a 12% duty on cranes from China, the finance ministry said on Tuesday."
_MORE = "The duty starts in July. Chinese makers said they would appeal the decision."


@pytest.mark.parametrize(
    "caption",
    [
        "Dock workers unload a crane at the port of Bergen on Monday.",
        "Cranes on a quay in Oslo, Norway",
        "A harbour crane in Trondheim. Imports of cranes have doubled since 2023.",
    ],
)
def test_a_caption_without_credit_or_dateline_is_not_the_lead(caption: str) -> None:
    text = f"Cranes to pay more\n\nJune 3, 2025\n\n{caption}\n\n{_LEAD}\n\n{_MORE}\n"
    assert draft_brief(text).summary.startswith("Norway will charge")


@pytest.mark.parametrize(
    "lead",
    [
        "Norway charges a 12% duty on cranes from China from Tuesday.",
        "Cranes from China face a new Norwegian duty of 12%.",
    ],
)
def test_a_short_lead_in_the_present_tense_stays_the_lead(lead: str) -> None:
    text = f"Cranes to pay more\n\nJune 3, 2025\n\n{lead}\n\n{_MORE}\n"
    assert draft_brief(text).summary.startswith(lead)


@pytest.mark.parametrize("label", ["Business", "World news", "MSN | Nordic Wire", "Home | Markets"])
def test_a_section_or_aggregator_label_above_the_headline_is_not_the_headline(
    label: str,
) -> None:
    brief = draft_brief(f"{label}\n\nCranes to pay more\n\nJune 3, 2025\n\n{_LEAD}\n")
    assert brief.title == "Cranes to pay more"


def test_a_dated_place_line_above_the_headline_dates_the_article() -> None:
    brief = draft_brief(f"Oslo, June 3, 2025\n\nCranes to pay more\n\n{_LEAD}\n\n{_MORE}\n")
    assert brief.title == "Cranes to pay more" and brief.date[:10] == "2025-06-03"


@pytest.mark.parametrize(
    "opening", ["OSLO, June 3 (Nordic Wire)--", "Oslo, June 3 (Nordic Wire)--"]
)
def test_a_dateline_glued_to_the_story_is_cut(opening: str) -> None:
    brief = draft_brief(f"Cranes to pay more\n\nJune 3, 2025\n\n{opening}{_LEAD}\n")
    assert brief.summary.startswith("Norway will charge")
    assert brief.dateline is not None and brief.dateline.casefold() == "oslo"


def test_a_byline_in_capitals_ending_in_its_outlet_names_every_author() -> None:
    text = (
        "Cranes to pay more\n\nBy KARI NILSEN, OLA BERG and ANA ROJAS Nordic Wire\n\n"
        f"June 3, 2025\n\nOSLO — {_LEAD}\n"
    )
    brief = draft_brief(text)
    assert brief.authors == ("Kari Nilsen", "Ola Berg", "Ana Rojas")
    assert brief.source == "Nordic Wire"


def test_no_measure_is_read_as_a_country_s_on_its_own_goods() -> None:
    # Cutting a glued dateline let a later "sold in Japan" be read as the target of Japan's duty.
    from briefs.drafting import _not_on_itself
    from briefs.model import Tariff

    kept = _not_on_itself(
        [
            Tariff("Norway", "China", rate="12%"),
            Tariff("Norway", "Norway", rate="12%"),
            Tariff("Norway", "Norway", rate="5%"),
        ]
    )
    assert [(t.imposed_on, t.rate) for t in kept] == [("China", "12%"), (None, "5%")]


def test_a_person_named_in_full_only_in_a_caption_keeps_the_full_name() -> None:
    text = (
        "Cranes to pay more\n\nBy Kari Nilsen\n\nJune 3, 2025\n\n"
        "Trade Minister Ola Berg, left, speaks in Oslo on Monday. (Photo/Nordic Wire)\n\n"
        "OSLO — Norway will charge a 12% duty on cranes from China, Berg said on Tuesday.\n\n"
        f"{_MORE}\n"
    )
    names = {a.name for a in draft_brief(text).actors}
    assert "Ola Berg" in names and "Berg" not in names, names


def test_a_reporter_s_reported_from_line_is_footer() -> None:
    text = (
        "Cranes to pay more\n\nBy KARI NILSEN and OLA BERG\n\nJune 3, 2025\n\n"
        f"OSLO — {_LEAD}\n\n{_MORE}\n\nBerg reported from Bergen.\n"
    )
    assert "Berg" not in {a.name for a in draft_brief(text).actors}


@pytest.mark.parametrize(
    "entry",
    [
        "2:05 PM: Norway will charge",
        "14:05 — Norway will charge",
        "9:12 a.m. ET: Norway will charge",
        "1. Norway will charge",
    ],
)
def test_a_clock_stamp_or_number_opening_a_paragraph_is_not_story(entry: str) -> None:
    story = f"{entry} a 12% duty on cranes from China, the finance ministry said."
    brief = draft_brief(f"Cranes to pay more\n\nJune 3, 2025\n\n{story}\n\n{_MORE}\n")
    assert brief.summary.startswith("Norway will charge"), brief.summary


def test_a_dated_dateline_with_its_agency_and_no_dash_is_cut() -> None:
    brief = draft_brief(f"Cranes to pay more\n\nJune 3, 2025\n\nOslo, June 3 (NTB) {_LEAD}\n")
    assert brief.summary.startswith("Norway will charge") and brief.dateline == "Oslo"


def test_a_name_and_ticker_opening_a_sentence_is_no_dateline() -> None:
    story = (
        "Nordkran (NKR) Chief Executive Ola Dahl said the 12% duty on Chinese cranes would help."
    )
    brief = draft_brief(f"Cranes to pay more\n\nJune 3, 2025\n\n{story}\n")
    assert brief.dateline is None and brief.summary.startswith("Nordkran (NKR)")


@pytest.mark.parametrize("stamp", ["3 June 2025 · 2 min read", "June 3, 2025 · Markets"])
def test_a_date_among_dotted_header_parts_dates_the_article(stamp: str) -> None:
    brief = draft_brief(f"Cranes to pay more\n\n{stamp}\n\nWritten by Kari Nilsen\n\n{_LEAD}\n")
    assert brief.date[:10] == "2025-06-03"


def test_a_byline_naming_only_an_agency_gives_the_source_not_an_author() -> None:
    brief = draft_brief(f"Cranes to pay more\n\nBy AFP\n\nJune 3, 2025\n\nOSLO — {_LEAD}\n")
    assert brief.authors == () and brief.source == "Agence France-Presse"


def test_an_actor_listed_among_related_topics_stays_an_actor() -> None:
    text = (
        f" date 2025-06-03 Cranes to pay more\n\nOSLO — {_LEAD} Finance Minister Ana Rojas"
        " announced it.\n\nRojas said the duty would stay.\n\nRelated topics\n\nTariffs\n\n"
        "Ana Rojas\n\nNorway\n"
    )
    assert "Ana Rojas" in {a.name for a in draft_brief(text).actors}


@pytest.mark.parametrize(
    "stamp", ["Trade press | Nordic Metals | 3 June 2025", "Nordic Metals - 3 June 2025 - Cranes"]
)
def test_a_day_first_date_among_header_parts_dates_the_article(stamp: str) -> None:
    brief = draft_brief(f"Cranes to pay more\n\n{stamp}\n\nBy Kari Nilsen\n\n{_LEAD}\n")
    assert brief.date[:10] == "2025-06-03"


def test_the_body_a_release_is_from_is_an_actor() -> None:
    text = (
        "Norway sets duty on cranes\n\n"
        "From: Ministry of Trade and Fisheries and The Rt Hon Ola Berg MP\n\nNews release\n\n"
        f"June 3, 2025\n\n{_LEAD}\n\n{_MORE}\n"
    )
    names = {a.name for a in draft_brief(text).actors}
    assert "Ministry of Trade and Fisheries" in names, names
    assert not [n for n in names if "Berg" in n], names


def test_a_live_page_s_later_datelines_are_cut() -> None:
    text = (
        "Crane duty: live\n\nJune 3, 2025\n\n6:40 p.m. ET\n\nOSLO — " + _LEAD + "\n\n"
        "5:15 p.m. ET\n\nBEIJING — China said it would answer with a 15% tariff on salmon.\n"
    )
    summary = draft_brief(text).summary
    assert "BEIJING" not in summary and "China said it would answer" in summary, summary


def test_forum_comments_are_not_story() -> None:
    text = (
        f"Cranes to pay more\n\nPosted by fjordfan on June 3, 2025\n\nOSLO — {_LEAD}\n\n"
        "Comment by u/harbourcat: About time.\n\nReply from kranfan: This will backfire.\n"
    )
    summary = draft_brief(text).summary
    assert "About time" not in summary and "backfire" not in summary, summary


@pytest.mark.parametrize(
    "note",
    [
        "This article was originally published by Nordic Wire.",
        "This story first appeared in the Harbour Ledger.",
        "A version of this story appeared in print on June 4.",
    ],
)
def test_a_repost_note_is_not_story(note: str) -> None:
    text = f"Cranes to pay more\n\nJune 3, 2025\n\n{note}\n\n{_LEAD}\n\n{_MORE}\n"
    assert draft_brief(text).summary.startswith("Norway will charge")


def test_a_forum_thread_s_replies_are_footer_and_their_posters_no_actors() -> None:
    text = (
        "Norway slaps a duty on cranes (thread)\n\nStarted by Kari Lund, June 3, 2025\n\n"
        f"OSLO (Nordic Wire) — {_LEAD}\n\nReply #1 — Per Olsen, June 3, 2025\n\n"
        "Berg has pushed this for months.\n\nReply #2 — Anna Vik, June 3, 2025\n\n"
        "China will hit back on salmon, watch.\n"
    )
    brief = draft_brief(text)
    assert not {"Per Olsen", "Anna Vik"} & {a.name for a in brief.actors}
    assert "Reply" not in brief.summary and "hit back" not in brief.summary, brief.summary


@pytest.mark.parametrize(
    "caption",
    [
        "Yellow lentils are harvested near Swift Current, Sask., in August.",
        "Cars are unloaded at the port of Emden.",
    ],
)
def test_a_caption_in_the_present_passive_is_no_lead(caption: str) -> None:
    text = (
        "India puts duty on lentils\n\nStory by Ana Cruz · Oct 31, 2025\n\n"
        f"{caption}\n\nIndia will charge a 30 per cent duty on imports of lentils starting "
        "Nov. 1, ending two years of duty-free access for growers.\n"
    )
    assert draft_brief(text).summary.startswith("India will charge")


def test_a_lead_in_the_present_passive_stays_the_lead() -> None:
    text = (
        "Lentil prices to rise\n\nStory by Ana Cruz · Oct 31, 2025\n\n"
        "Lentil prices are expected to rise after India set a duty on imports.\n\n"
        "India will charge a 30 per cent duty on imports of lentils starting Nov. 1.\n"
    )
    assert draft_brief(text).summary.startswith("Lentil prices are expected")


def test_a_dashed_date_is_read_day_first() -> None:
    text = (
        "Ministry backs steel duty\n\nDate: 05-09-2021\n\nThe trade ministry's arm has "
        "recommended extending the duty on steel from Chile and Peru to protect local mills.\n"
    )
    assert draft_brief(text).date == "2021-09-05"


def test_a_wires_closing_initials_are_no_sentence_and_no_actor() -> None:
    text = (
        "Ministry backs steel duty\n\n5 September 2021\n\nThe trade ministry has recommended "
        "extending the duty on steel from Chile and Peru to protect local mills.\n\n"
        "The finance ministry takes the final decision within three months. RR RVK\n"
    )
    brief = draft_brief(text)
    assert "RVK" not in brief.summary and "RR RVK" not in {a.name for a in brief.actors}


def test_a_reposts_teaser_and_its_agency_byline_stay_out() -> None:
    lead = (
        "Customs officers said on Monday they had found 19 firms that avoided anti-dumping "
        "duties on cheap steel plates"
    )
    text = (
        "Customs finds firms dodging duties\n\nBy AGNS | Updated: August 11, 2025 09:24 IST\n\n"
        f"Busan, Aug 11 (Yonhap) {lead} ...\n\nOpen in App\n\nBusan, Aug 11 (Yonhap) {lead}.\n\n"
        "The firms declared their goods under codes not subject to the duties, officials said.\n"
    )
    brief = draft_brief(text)
    assert brief.summary.startswith(f"{lead}. The firms"), brief.summary
    assert list(brief.authors) == [] and brief.source == "AGNS"


def test_a_section_label_in_brackets_before_the_lead_goes() -> None:
    text = (
        "US sets duty on steel\n\nPublished : July 22, 2016 - 12:55\n\n[THE MARKETS] The US is "
        "to levy anti-dumping tariffs on coated steel from Chile, a trade group said on Friday.\n"
    )
    assert draft_brief(text).summary.startswith("The US is to levy")


def test_a_pages_stamp_run_into_the_lead_is_cut() -> None:
    text = (
        "Ministry says probes rest on facts\n\nUpdated: 2009-09-16 00:21 Peru's move to open "
        "anti-dumping probes into imports of Chilean chicken rests on facts, the ministry said.\n"
    )
    brief = draft_brief(text)
    assert brief.summary.startswith("Peru's move") and brief.date.startswith("2009-09-16")


def test_a_live_pages_run_on_stamps_and_media_captions_stay_out() -> None:
    text = (
        "Live: Peru weighs reply to new tariffs\n\nSummary\n\nMedia caption,\n\n"
        "How markets reacted to the tariffs in 45 seconds\n\n"
        "Peru toughens its stancepublished at 12:52 Lima Time 3 April 2025\n\n"
        "The announcement from Trade Minister Rosa Vidal in Congress earlier is a big deal for "
        "exporters of copper.\n\n"
        "Would the president urge calm?published at 12:39 Lima Time 3 April 2025\n\n"
        "Ana MarshImage source, Andina\n\n"
        "The president is asked if he would urge other countries to answer the 10% duty calmly.\n"
    )
    brief = draft_brief(text)
    assert brief.summary.startswith("The announcement from Trade Minister"), brief.summary
    assert "published at" not in brief.summary and "45 seconds" not in brief.summary
    assert not any("Time" in a.name or "Marsh" in a.name for a in brief.actors), brief.actors


def test_a_byline_run_into_the_lead_is_split_out() -> None:
    text = (
        "Higher tariffs feared over sales tax\n\n21 February 2025\n\n"
        "Ana LimaBusiness reporter, Harbour NewsGetty ImagesConcerns are growing that Peru "
        "could be hit with higher US duties after the president said he would target sales "
        "taxes.\n\nAnalysts said tariffs of 20% or more could be placed on some goods.\n"
    )
    brief = draft_brief(text)
    assert list(brief.authors) == ["Ana Lima"]
    assert brief.summary.startswith("Concerns are growing"), brief.summary


def test_a_place_in_brackets_is_the_dateline_and_an_agency_sign_off_goes() -> None:
    text = (
        "Malaysia keeps palm oil duty\n\nSat, Sep 21, 2019 - 10:19 AM\n\n[KUALA LUMPUR] Malaysia "
        "kept its export duty on crude palm oil for October at zero per cent, a circular said.\n\n"
        "Malaysia is the world's second-largest producer of palm oil. — Bernama\n"
    )
    brief = draft_brief(text)
    assert brief.dateline == "KUALA LUMPUR" and brief.summary.startswith("Malaysia kept")
    assert "Bernama" not in brief.summary
