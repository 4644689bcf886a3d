"""Names in shapes seen on text nobody here wrote (issue 13), in sentences of our own: a
generational suffix after a comma or without one, the same person met again by surname after
"Mr.", an office named "of the President", a numbered legal instrument, an amount in a
currency written as one letter, and a portfolio before "Secretary"."""

from __future__ import annotations

import pytest

from briefs.drafting import draft_brief
from tests.briefs.drafted import draft_story


def _actors(story: str) -> dict[str, tuple[str, str | None]]:
    return {a.name: (a.kind, a.role) for a in draft_story(story).actors}


@pytest.mark.parametrize(
    ("story", "name"),
    [
        ("Governor Ramon T. Aquino, Jr. signed the order on Monday.", "Ramon T. Aquino, Jr."),
        ("Senator Paolo Reyes Jr. said the duty would hurt bakers.", "Paolo Reyes Jr."),
        ("Deputy Minister Carl Benton III told reporters the talks went well.", "Carl Benton III"),
    ],
)
def test_a_generational_suffix_stays_with_the_name(story: str, name: str) -> None:
    actors = _actors(story)
    assert name in actors, actors


def test_the_person_met_again_by_surname_after_a_suffix_is_one_actor() -> None:
    actors = _actors(
        "Trade Secretary Maria Dela Cruz Jr. said the levy would stay. "
        '"We will not back down," Ms. Dela Cruz told reporters in Manila.'
    )
    people = [n for n, (kind, _) in actors.items() if kind == "person"]
    assert people == ["Maria Dela Cruz Jr."], actors


def test_an_office_of_the_president_keeps_its_whole_name() -> None:
    actors = _actors(
        "The plan was sent to the Office of the President, which has thirty days to reply."
    )
    assert "Office of the President" in actors, actors
    assert "Office" not in actors, actors


@pytest.mark.parametrize(
    "story",
    [
        "The cut was made through Executive Order No. 62 in July.",
        "Duties were set under Presidential Decree No. 1464 decades ago.",
        "The ministry issued Resolution No. 12 on Tuesday.",
    ],
)
def test_a_numbered_instrument_is_no_actor(story: str) -> None:
    actors = _actors(story)
    assert not any("No" in name.split() or name.startswith("Order") for name in actors), actors


@pytest.mark.parametrize(
    "story",
    [
        "Farm prices fell to P12 a kilo, below the cost of about P14, the group said.",
        "A bag of rice now costs R45 in Durban, up from R38 last year.",
    ],
)
def test_an_amount_in_a_one_letter_currency_is_no_actor(story: str) -> None:
    actors = _actors(story)
    assert not any(any(ch.isdigit() for ch in name) for name in actors), actors


def test_a_portfolio_before_secretary_is_part_of_the_role() -> None:
    actors = _actors(
        "Socioeconomic Planning Secretary Arsenio Balisacan said any increase must be weighed."
    )
    assert actors.get("Arsenio Balisacan") == ("person", "Socioeconomic Planning Secretary"), actors
    assert "Socioeconomic Planning" not in actors, actors


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ("By Kristine Mae A. Dizon, Reporter", ["Kristine Mae A. Dizon"]),
        ("By Lena Fischer, Tokyo Correspondent", ["Lena Fischer"]),
        ("By OLA BERG and ANA ROJAS, Staff Writers", ["Ola Berg", "Ana Rojas"]),
    ],
)
def test_a_writers_job_in_the_byline_is_no_author(byline: str, authors: list[str]) -> None:
    text = (
        f"Rice duty may rise\n\n{byline}\n\n2025-10-02\n\n"
        "MANILA — The farm department proposed a higher duty on rice on Thursday.\n"
    )
    assert list(draft_brief(text).authors) == authors


@pytest.mark.parametrize(
    "story",
    [
        "The Senate passed the reform to the General Import and Export Tax Law by 76 votes to 5.",
        "The duties were set under the Trade Expansion Act, the lawyers said.",
    ],
)
def test_a_named_law_is_no_actor(story: str) -> None:
    actors = _actors(story)
    assert not any(name.endswith(("Law", "Act")) for name in actors), actors


@pytest.mark.parametrize(
    ("story", "name", "role"),
    [
        (
            "Vietnamese Minister of Industry and Trade Nguyen Hong Dien signed a memorandum.",
            "Nguyen Hong Dien",
            "Minister of Industry and Trade",
        ),
        (
            "Trade Secretary Kim Hong Joo said talks would resume.",
            "Kim Hong Joo",
            "Trade Secretary",
        ),
    ],
)
def test_a_name_after_a_portfolio_keeps_all_its_words(story: str, name: str, role: str) -> None:
    assert _actors(story).get(name) == ("person", role)


def test_names_and_a_stamp_after_a_bar_are_the_byline() -> None:
    text = (
        "Turkey sets duty on fans\n\nDeniz Kaya   |03.04.2025 - Update : 03.04.2025\n\n"
        "IZMIR\n\nTurkey set an anti-dumping duty on electric fans made in Thailand on Thursday, "
        "trade officials said in a statement.\n"
    )
    brief = draft_brief(text)
    assert list(brief.authors) == ["Deniz Kaya"]
    assert brief.dateline == "IZMIR" and brief.date.startswith("2025-04-03")
    assert brief.summary.startswith("Turkey set") and "Deniz Kaya" not in {
        a.name for a in brief.actors
    }


def test_a_title_after_and_does_not_join_the_body_before_it() -> None:
    actors = _actors(
        "The plan was backed by the Privy Council for Canada and Minister responsible for trade."
    )
    assert not any(name.endswith("Minister") for name in actors), actors


@pytest.mark.parametrize(
    ("opening", "dateline"),
    [
        ("(AGN) - LIMA, 17 NOV - Peruvian millers", "LIMA"),
        ("Quito, Mar 5 (AGN).- Peruvian millers", "Quito"),
        ("LIMA, 5 MAR (AGN) - Peruvian millers", "LIMA"),
    ],
)
def test_agency_datelines_of_other_shapes_are_read(opening: str, dateline: str) -> None:
    text = (
        "Mills welcome duty\n\n17 March 2025 10:00\n\n"
        f"{opening} on Monday welcomed a decision to impose duties on flour from Bolivia, "
        "a sector in which the country is a large producer.\n"
    )
    brief = draft_brief(text)
    assert brief.dateline == dateline and brief.summary.startswith("Peruvian millers"), brief


def test_a_live_pages_entry_headings_and_job_words_stay_out() -> None:
    text = (
        "Live updates: drug tariff rattles exporters\n\n"
        "By business reporters Dana Lowe and Raj Patel\n\n"
        "Posted Fri 26 Sep 2025 at 9:58am\n\nKey events\n\n3:45pm\n\n"
        "Premier: 'We won't hit back'\n\n"
        "The premier says the state will keep pressing its case but will not respond with "
        "duties of its own on American goods.\n\n1:20pm\n\nShares slide\n\n"
        "Shares in drug makers closed down 2.8 per cent after the 100 per cent tariff news.\n"
    )
    brief = draft_brief(text)
    assert list(brief.authors) == ["Dana Lowe", "Raj Patel"]
    assert brief.summary.startswith("The premier says"), brief.summary


@pytest.mark.parametrize(
    ("opening", "dateline", "date"),
    [
        ("Lima, 12/03/2025 (AGN) – Peruvian millers", "Lima", "2025-03-12"),
        ("Cusco, Sacred Valley (AGN) - Peruvian millers", "Cusco, Sacred Valley", "2025-03-17"),
        ("LIMA (Andina/Asia News Network) — Peruvian millers", "LIMA", "2025-03-17"),
    ],
)
def test_datelines_with_a_numeric_date_a_region_or_a_joint_credit(
    opening: str, dateline: str, date: str
) -> None:
    stamp = "" if "/2025" in opening else "Monday 17 March 2025\n\n"
    text = (
        f"Mills welcome duty\n\n{stamp}"
        f"{opening} on Monday welcomed a decision to impose duties on flour from Bolivia, "
        "a sector in which the country is a large producer.\n"
    )
    brief = draft_brief(text)
    assert (brief.dateline, brief.date[:10]) == (dateline, date)
    assert brief.summary.startswith("Peruvian millers"), brief.summary


def test_a_list_items_bullet_is_not_part_of_its_sentence() -> None:
    text = (
        "Where things stand\n\n17 March 2025\n\nHere is where things stand tonight:\n\n"
        "- A 10% tariff on all imports from Bolivia took effect at midnight in Lima.\n\n"
        "- Bolivia answered with duties of 15% on Peruvian onions and garlic.\n"
    )
    assert "- " not in draft_brief(text).summary


def test_a_dateline_with_the_agency_between_slashes_and_stops() -> None:
    text = (
        "Wheat duty to rise\n\n2025-03-03\n\nMOSCOW, March 3. /AGN/. Russia will raise its export "
        "duty on wheat from next week, the agriculture ministry said in a statement.\n"
    )
    brief = draft_brief(text)
    assert brief.dateline == "MOSCOW" and brief.summary.startswith("Russia will raise")


def test_a_place_with_a_stop_then_a_date_and_agency_is_one_dateline() -> None:
    text = (
        "Japan to raise tariffs\n\n2025-03-31\n\nMOSCOW. March 31 (AGN) - Japan's government plans "
        "to raise tariffs on some Russian imports, the broadcaster reported.\n"
    )
    brief = draft_brief(text)
    assert brief.dateline == "MOSCOW" and brief.summary.startswith("Japan's government")


def test_a_list_items_bullet_run_onto_its_number_goes() -> None:
    text = (
        "Peru sets levels of new duties\n\n13 May 2019\n\nPeru will impose retaliatory tariffs "
        "on Bolivian goods from June 1 at different levels, the finance ministry said.\n\n"
        "-25 per cent tariffs on 2,493 items\n\n-20 per cent tariffs on 1,078 items\n"
    )
    summary = draft_brief(text).summary
    assert "25 per cent tariffs on 2,493 items" in summary and "-2" not in summary, summary
