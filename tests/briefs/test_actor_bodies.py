"""Bodies and people in shapes seen on text nobody here wrote (issue 13), in sentences of our
own: a body whose name runs on past "for … Policy", plural head words, two companies joined by
"and" after "at", a shadow minister, a country with an apposition before its verb."""

from __future__ import annotations

import pytest

from briefs.drafting import draft_brief
from tests.briefs.drafted import draft_story


def _names(story: str) -> set[str]:
    return {a.name for a in draft_story(story).actors}


@pytest.mark.parametrize(
    ("story", "name"),
    [
        (
            "Analysts at the Halden Institute for Economic Policy said exports could rise.",
            "Halden Institute for Economic Policy",
        ),
        (
            "The Centre for Trade Policy Studies said the 20% tariff would hurt farmers.",
            "Centre for Trade Policy Studies",
        ),
    ],
)
def test_a_body_whose_name_runs_on_to_a_policy_word_is_a_body(story: str, name: str) -> None:
    assert name in _names(story)


def test_a_publication_named_with_of_is_no_actor() -> None:
    names = _names(
        "The decree takes effect on Tuesday, according to the Official Gazette of the Federation."
    )
    assert not any("Gazette" in n for n in names), names


@pytest.mark.parametrize(
    ("story", "name"),
    [
        (
            "The Norland Trucking Associations warned of higher costs.",
            "Norland Trucking Associations",
        ),
        ("The Ostra Dairy Cooperatives said farmers would need help.", "Ostra Dairy Cooperatives"),
    ],
)
def test_a_plural_head_word_ends_a_body(story: str, name: str) -> None:
    actors = {a.name: a for a in draft_story(story).actors}
    assert name in actors and actors[name].kind == "organization", list(actors)


def test_two_companies_joined_by_and_after_at_are_two() -> None:
    names = _names("She said jobs at Alder Steel and Brenn Steel were at risk from the 25% duty.")
    assert {"Alder Steel", "Brenn Steel"} <= names, names
    assert not any(n.startswith("and ") for n in names), names


def test_a_shadow_minister_is_no_organisation() -> None:
    actors = {
        a.name: a
        for a in draft_story(
            "Shadow trade secretary Tomas Wrenfield said the government had acted too slowly."
        ).actors
    }
    assert "Shadow" not in actors, list(actors)
    assert "Tomas Wrenfield" in actors


def test_a_country_with_an_apposition_before_its_verb_acts() -> None:
    names = _names(
        "Mexico, the largest exporter of trucks to the United States, said it would seek an "
        "exemption from the 25% tariff."
    )
    assert "Mexico" in names, names


@pytest.mark.parametrize(
    "story",
    [
        "Kolbeck declined to comment on the 10% tariff.",
        "Kolbeck did not respond to a request for comment on the 10% tariff.",
    ],
)
def test_a_name_asked_for_comment_is_a_body(story: str) -> None:
    actors = {a.name: a for a in draft_story(story).actors}
    assert "Kolbeck" in actors and actors["Kolbeck"].kind == "organization", list(actors)


def test_a_full_name_asked_for_comment_stays_a_person() -> None:
    actors = {a.name: a for a in draft_story("Anna Brix declined to comment on the tariff.").actors}
    assert actors["Anna Brix"].kind == "person"


@pytest.mark.parametrize(
    ("story", "name"),
    [
        (
            "Orvik Chemicals Co., Ltd. received the lowest rate of 6.1%.",
            "Orvik Chemicals Co., Ltd.",
        ),
        (
            "Later, Dalsen Mining Co., Ltd. and others appealed the 20% duty.",
            "Dalsen Mining Co., Ltd.",
        ),
    ],
)
def test_a_second_legal_form_after_a_comma_is_part_of_the_name(story: str, name: str) -> None:
    assert name in _names(story)


@pytest.mark.parametrize(
    ("story", "name", "role"),
    [
        (
            "Union Minister for Mines and Heavy Industries Shri K. R. Venkatesan said the 30% "
            "duty would go.",
            "K. R. Venkatesan",
            "Minister for Mines and Heavy Industries",
        ),
        ("Smt Lalitha Rao said the 30% duty would go.", "Lalitha Rao", None),
    ],
)
def test_a_portfolio_runs_to_the_honorific_and_initials_join_the_name(
    story: str, name: str, role: str | None
) -> None:
    actors = {a.name: a for a in draft_story(story).actors}
    assert set(actors) == {name}, list(actors)
    assert actors[name].role == role


def test_a_government_named_by_its_level_is_no_actor() -> None:
    assert "Central Government" not in _names("The Central Government has withdrawn the duty.")


def test_a_body_named_only_as_where_another_sits_is_no_actor() -> None:
    names = _names(
        "The 10% tariff is too high, said Mira Holm of the Nordic Trade Observatory at the "
        "University of Bergen."
    )
    assert "Nordic Trade Observatory" in names and "University of Bergen" not in names, names


def test_a_university_someone_works_at_is_an_actor() -> None:
    names = _names(
        "The 10% tariff is too high, said Mira Holm, an economist at the University of Bergen."
    )
    assert "University of Bergen" in names, names


def test_a_publication_of_record_is_no_actor() -> None:
    names = _names("The 22% safeguard applies from the day it appears in the Official Bulletin.")
    assert not any("Bulletin" in n for n in names), names


def test_a_sentence_opening_plural_of_people_is_no_name() -> None:
    names = _names("Wholesalers said they expected Brennor SA and Vastel to raise prices by 5%.")
    assert "Wholesalers" not in names, names
    assert {"Brennor SA", "Vastel"} <= names, names


def test_a_one_word_company_at_the_start_stays_a_company() -> None:
    assert "Halvors" in _names("Halvors said the 10% tariff would hurt its sales.")


def test_an_island_after_on_is_no_person() -> None:
    names = _names(
        "At Skarra Distillery on Tarsay, managing director Ewan Lusk said the 150% tariff hurt."
    )
    assert "Tarsay" not in names and "Ewan Lusk" in names, names


def test_a_country_before_its_department_of_is_its_affiliation() -> None:
    actors = {a.name: a for a in draft_story("The U.S. Department of Trade set a 20% duty.").actors}
    assert "Department of Trade" in actors, list(actors)
    assert actors["Department of Trade"].affiliation == "United States"


def test_the_company_something_is_owned_by_names_it() -> None:
    names = _names("Orrin Holdings, the owner of Vexa, did not reply about the 20% tax.")
    assert "Vexa" in names, names


def test_the_origins_of_imports_in_a_story_with_a_measure_are_actors() -> None:
    story = (
        "Norway imposed a 25% safeguard duty on coated steel. Most of the imports came from "
        "Turkey, China and the European Union."
    )
    assert {"Turkey", "China", "European Union"} <= _names(story)


def test_subjects_side_by_side_name_one_lower_case_body() -> None:
    actors = {
        a.name: a
        for a in draft_story(
            "China's customs tariff commission of the state council said it would impose a 15% "
            "tariff on coal."
        ).actors
    }
    assert "Customs Tariff Commission of the State Council" in actors, list(actors)
    assert actors["Customs Tariff Commission of the State Council"].affiliation == "China"


def test_a_name_before_a_facility_noun_is_a_place() -> None:
    names = _names(
        "Sales fell after water was released from the damaged Tarvik Ostra nuclear power plant, "
        "and Norway kept its 10% duty."
    )
    assert "Tarvik Ostra" not in names, names


def test_a_company_before_its_plant_stays_an_actor() -> None:
    names = _names("She spoke at a Halden Motor Works plant about the 10% tariff on cars.")
    assert "Halden Motor Works" in names, names


def test_a_spokesman_for_an_embassy_speaks_for_its_country() -> None:
    actors = {
        a.name: a
        for a in draft_story(
            '"We will respond," said Liu Feng, a spokesman for the Chinese Embassy in Oslo, of '
            "the 25% duty."
        ).actors
    }
    assert "Chinese Embassy" not in actors, list(actors)
    assert actors["Liu Feng"].affiliation == "China"


def test_the_wto_acts_through_its_panel() -> None:
    assert "World Trade Organization" in _names(
        "The WTO's dispute panel ruled that the 25% tariff broke trade rules."
    )


def test_the_wto_as_the_forum_is_no_actor() -> None:
    assert "World Trade Organization" not in _names(
        "Brazil filed a complaint with the WTO against the 50% tariff."
    )


@pytest.mark.parametrize(
    ("story", "name", "role"),
    [
        (
            "Chancellor of the Exchequer Mara Lindqvist said the 10% tariff was a blow.",
            "Mara Lindqvist",
            "Chancellor of the Exchequer",
        ),
        (
            "Minister of the Economy Jon de Vries said the 10% tariff was a blow.",
            "Jon de Vries",
            "Minister of the Economy",
        ),
    ],
)
def test_one_word_of_office_after_of_the_is_the_title(story: str, name: str, role: str) -> None:
    actors = {a.name: a for a in draft_story(story).actors}
    assert name in actors and actors[name].role == role, list(actors)


def test_a_surname_with_a_lower_case_article_joins_the_name() -> None:
    names = _names("Trade Minister Hamad al-Rashidi said the 5% tariff would be cut.")
    assert "Hamad al-Rashidi" in names, names


def test_a_firm_someone_is_of_is_an_actor() -> None:
    actors = {
        a.name: a
        for a in draft_story(
            "Mira Holm of Fjordline Capital said the 34% tariff would slow growth."
        ).actors
    }
    assert "Fjordline Capital" in actors and actors["Mira Holm"].affiliation == "Fjordline Capital"


def test_an_acronym_after_a_bodys_description_is_the_body() -> None:
    names = _names('"It hurts," said Anne Roux, head of the French cheese federation FNFC.')
    assert "FNFC" in names, names


def test_a_body_named_only_in_brackets_after_its_description_is_an_actor() -> None:
    story = (
        "The 25% tariff was kept by the country's foreign trade chamber (Vexcom) on Tuesday. "
        "Vexcom approved a 10% duty as well."
    )
    actors = {a.name: a for a in draft_story(story).actors}
    assert "Vexcom" in actors and actors["Vexcom"].kind == "organization", list(actors)


def test_a_ministry_after_a_countrys_possessive_is_that_countrys() -> None:
    brief = draft_brief(
        "Cranes to pay more\n\nJune 3, 2025\n\nOSLO (Nordic Wire) — China's Commerce Ministry "
        "said it firmly opposed the 12% duty.\n"
    )
    actors = {a.name: a for a in brief.actors}
    assert actors["Commerce Ministry"].affiliation == "China"


@pytest.mark.parametrize(
    "story",
    [
        "The 25% tariff is part of Project Nordlys, officials said.",
        "The Generalised System of Preferences lapsed, so the 10% tariff applies.",
        "The Harmonised Tariff Schedule lists the 10% tariff.",
    ],
)
def test_programmes_schemes_and_schedules_are_no_actors(story: str) -> None:
    assert _names(story) == set(), _names(story)


@pytest.mark.parametrize(
    "story",
    [
        "Norway kept its 10% duty on salmon. The row grew over remarks on Denmark by Prime "
        "Minister Jonas Lie. Critics of the remarks on Denmark spoke out.",
        "Norway kept its 10% duty on salmon. A row over Denmark grew. The row over Denmark "
        "deepened.",
    ],
)
def test_a_country_that_is_only_the_topic_is_no_actor(story: str) -> None:
    assert "Denmark" not in _names(story)


@pytest.mark.parametrize(
    "story",
    [
        "Exports to Latin America rose despite the 25% tariff.",
        "North American exporters said the 25% tariff hurt.",
        "Shipments to Central America fell after the 25% tariff.",
    ],
)
def test_a_continents_part_is_no_country(story: str) -> None:
    assert "United States" not in _names(story)


def test_america_alone_is_still_the_united_states() -> None:
    assert "United States" in _names("America imposed a 25% tariff on steel.")


def test_an_economic_measure_in_capitals_is_no_person() -> None:
    assert _names("Gross Domestic Product fell after the 25% tariff.") == set()
