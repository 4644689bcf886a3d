"""Organisations in real typography (issue 13), in sentences of our own: what the text says
around a name that makes it a company or a party, bodies named in lower case or only through a
possessive, acronyms in brackets, and what is named but is no organisation."""

from __future__ import annotations

import pytest

from briefs.drafting import draft_brief
from briefs.model import Actor


def _actors(story: str) -> dict[str, Actor]:
    brief = draft_brief(f" date 2025-07-15 Trade news of the day\n\n{story}\n")
    return {a.name: a for a in brief.actors}


@pytest.mark.parametrize(
    ("story", "name"),
    [
        ("Lawmakers from the PAN party said the 50% tariff would raise car prices.", "PAN"),
        ("Zentra shares fell 3% after the 25% tariff was announced.", "Zentra"),
        ("The complaint came from Alvora, the country's largest extruder, in March.", "Alvora"),
        ("Porcinex, the Spanish pork industry association, said the duty was unfair.", "Porcinex"),
        (
            "Economists at Harlow Sachs estimated the 10% tariff would cost $20 billion.",
            "Harlow Sachs",
        ),
        ("The tariff spares companies such as planemaker Aviona, officials said.", "Aviona"),
        (
            "Buyers such as Kelmar Electronics and TN hynix import Japanese chemicals.",
            "Kelmar Electronics",
        ),
        (
            "Brakes were applied, said Maren Holt, head of freight at Kestrel Logistics.",
            "Kestrel Logistics",
        ),
        ("The White House said the 25% tariff would stay.", "White House"),
        ("Make UK, which represents manufacturers, said the 50% tariff was too high.", "Make UK"),
        ("The request came from Ternium Mexico, which makes coated steel.", "Ternium Mexico"),
    ],
)
def test_what_the_text_says_of_a_name_makes_it_an_organisation(story: str, name: str) -> None:
    actors = _actors(story)
    assert name in actors and actors[name].kind == "organization", list(actors)


@pytest.mark.parametrize(
    ("story", "name"),
    [
        (
            "Shares of Great Wall Motor fell after Brazil raised its 35% import tax.",
            "Great Wall Motor",
        ),
        ("Kansai Electric Power said it would buy Canadian LNG.", "Kansai Electric Power"),
        ("Vivergo Fuels said the 0% US ethanol quota would close its plant.", "Vivergo Fuels"),
        ("Trina Solar and JinkoSolar were assigned rates of 25%.", "Trina Solar"),
        ("RAK Ceramics said the 20% duty on tiles would hurt.", "RAK Ceramics"),
    ],
)
def test_a_name_ending_in_an_industry_word_is_a_company(story: str, name: str) -> None:
    assert _actors(story)[name].kind == "organization"


def test_an_acronym_in_brackets_is_the_body_it_follows() -> None:
    story = (
        "The Ministry of Commerce (MOFCOM) set a 30% duty on brandy. MOFCOM said the duty"
        " would last five years."
    )
    actors = _actors(story)
    assert "Ministry of Commerce" in actors and "MOFCOM" not in actors, list(actors)


def test_an_embassy_speaks_for_its_country() -> None:
    actors = _actors("The US Embassy in Hanoi said the 46% tariff could still be cut.")
    assert "United States" in actors and "US Embassy" not in actors, list(actors)


@pytest.mark.parametrize(
    ("story", "not_actor"),
    [
        (
            "Under the Build Better More programme, the duty on cement rose to 20%.",
            "Build Better More",
        ),
        (
            "The Bright Harvest Initiative scheme will cut the rice tariff to 15%.",
            "Bright Harvest Initiative",
        ),
        ("They replace the safeguard introduced after Brexit, which charges 25%.", "Brexit"),
        (
            "The Indonesia-EU Comprehensive Economic Partnership Agreement removes most duties.",
            "Indonesia-EU Comprehensive",
        ),
    ],
)
def test_programmes_policies_and_pacts_are_no_actors(story: str, not_actor: str) -> None:
    assert not_actor not in _actors(story)


@pytest.mark.parametrize(
    ("story", "name", "affiliation"),
    [
        ("The food ministry said it expected lower prices.", "Food Ministry", None),
        (
            "The tax applies under a notice from the finance ministry's revenue wing.",
            "Finance Ministry",
            None,
        ),
        (
            "The ministry of trade said Peru would respond to the 25% tariff.",
            "Ministry of Trade",
            None,
        ),
        (
            "Peru's ministry of agriculture said rice imports fell.",
            "Ministry of Agriculture",
            "Peru",
        ),
        (
            "Japan's economy, trade and industry ministry said the duty was provisional.",
            "Economy, Trade and Industry Ministry",
            "Japan",
        ),
        (
            "The health and labour ministry said the tariff on drugs would stay.",
            "Health and Labour Ministry",
            None,
        ),
    ],
)
def test_bodies_in_lower_case_are_organisations(
    story: str, name: str, affiliation: str | None
) -> None:
    actors = _actors(story)
    assert name in actors, list(actors)
    assert actors[name].affiliation == affiliation


def test_a_capital_that_opens_a_name_after_a_title_is_a_first_name() -> None:
    actors = _actors("Paraguay's President Santiago Peña said the deal would bring investment.")
    assert actors["Santiago Peña"].kind == "person"
    assert actors["Santiago Peña"].affiliation == "Paraguay"
    assert "Chile" not in actors


@pytest.mark.parametrize(
    ("story", "name"),
    [
        (
            "The Southern African Development Community (SADC) welcomed the deal.",
            "Southern African Development Community",
        ),
        (
            "Indonesia's House of Representatives (DPR) must approve the deal.",
            "House of Representatives",
        ),
        (
            "The South African Revenue Service (SARS) will collect the 9.4% duty.",
            "South African Revenue Service",
        ),
    ],
)
def test_bodies_named_with_their_acronym_in_brackets_keep_their_whole_name(
    story: str, name: str
) -> None:
    actors = _actors(story)
    assert name in actors and actors[name].kind == "organization", list(actors)


@pytest.mark.parametrize(
    ("story", "name"),
    [
        (
            "Delmont International, one of the country's largest grain handlers, said it slowed.",
            "Delmont International",
        ),
        (
            "Economists at Farm Credit Canada estimated the cost at $2 billion.",
            "Farm Credit Canada",
        ),
        ("The Community union, which represents steelworkers, said the duty helped.", "Community"),
    ],
)
def test_names_that_end_in_a_title_word_or_a_country_stay_whole(story: str, name: str) -> None:
    actors = _actors(story)
    assert name in actors and actors[name].kind == "organization", list(actors)


@pytest.mark.parametrize(
    ("story", "name"),
    [
        ("Kurosawa Carbon Co. said the 30% duty was too low.", "Kurosawa Carbon Co."),
        ("Sendai Steel Manufacturing Co. welcomed the 30% duty.", "Sendai Steel Manufacturing Co."),
        ("Imports by Hanra Holdings Corp. rose before the 30% duty.", "Hanra Holdings Corp."),
        (
            "President Ramon Cruz Jr. signed the order cutting the rice tariff to 15%.",
            "Ramon Cruz Jr.",
        ),
    ],
)
def test_a_name_keeps_the_full_stop_of_its_abbreviation(story: str, name: str) -> None:
    actors = _actors(story)
    assert name in actors, list(actors)
    assert not [n for n in actors if n != name and n in name], list(actors)


@pytest.mark.parametrize(
    ("story", "name"),
    [
        (
            "A readout from the Prime Minister's Office said talks would resume.",
            "Prime Minister's Office",
        ),
        (
            "The National Confederation of Industry urged talks on the 50% tariff.",
            "National Confederation of Industry",
        ),
    ],
)
def test_government_offices_and_confederations_are_bodies(story: str, name: str) -> None:
    assert name in _actors(story), list(_actors(story))


def test_a_name_after_cape_of_is_a_place() -> None:
    assert "Good Hope" not in _actors(
        "Ships now sail around the Cape of Good Hope to avoid the canal."
    )


@pytest.mark.parametrize(
    ("story", "name"),
    [
        (
            "Meat & Livestock Australia, an industry body, said shipments slowed.",
            "Meat & Livestock Australia",
        ),
        (
            "Customs and Border Protection said it would stop collecting the 25% tariff.",
            "Customs and Border Protection",
        ),
        ("Brazilian meatpacker JBS said the 10% tariff would cost it sales.", "JBS"),
        (
            "The Office of the United States Trade Representative (USTR) proposed a 10% tariff."
            " USTR said comments were due in January.",
            "Office of the United States Trade Representative",
        ),
    ],
)
def test_more_bodies_keep_their_whole_name(story: str, name: str) -> None:
    actors = _actors(story)
    assert name in actors and actors[name].kind == "organization", list(actors)
    assert not [n for n in actors if "Trade Representative" in n and n != name], list(actors)


def test_a_country_the_headline_names_is_an_actor() -> None:
    text = (
        " date 2025-07-15 Norway and Mercosur sign a trade pact\n\n"
        "Oslo signed the pact with the South American Mercosur group on Tuesday, officials said.\n"
    )
    names = {a.name for a in draft_brief(text).actors}
    assert {"Norway", "Mercosur"} <= names, names


@pytest.mark.parametrize(
    ("story", "name", "kind"),
    [
        ("The European Union imposed a 10% duty on US bourbon.", "European Union", "country"),
        ("Mercosur raised its common external tariff on tyres to 35%.", "Mercosur", "country"),
        (
            "ASEAN ministers said the 25% US tariff hurt the region. ASEAN will meet again.",
            "ASEAN",
            "organization",
        ),
    ],
)
def test_a_customs_union_is_a_country_and_a_grouping_an_organisation(
    story: str, name: str, kind: str
) -> None:
    assert _actors(story)[name].kind == kind


@pytest.mark.parametrize(
    ("story", "not_actor"),
    [
        (
            "The Financial Times reported that the EU would answer the 25% tariff.",
            "Financial Times",
        ),
        ("Lutnick spoke to Nordic Television about the 25% tariff on Monday.", "Nordic Television"),
        (
            "The Dow Jones Industrial Average fell 500 points on the tariff news.",
            "Dow Jones Industrial Average",
        ),
        (
            "Speaking at the G7 summit in Kananaskis, Carney said the surtax would stay.",
            "Kananaskis",
        ),
    ],
)
def test_outlets_indexes_and_places_in_a_comma_are_no_actors(story: str, not_actor: str) -> None:
    assert not_actor not in _actors(story)


@pytest.mark.parametrize(
    ("story", "name"),
    [
        ("Zentra CEO Elon Rask said the 25% tariff would hurt carmakers.", "Zentra"),
        (
            "Bank of Canada Governor Tiff Macklem said the tariffs would slow growth.",
            "Bank of Canada",
        ),
    ],
)
def test_a_body_before_its_head_s_title_is_an_organisation(story: str, name: str) -> None:
    actors = _actors(story)
    assert name in actors and actors[name].kind == "organization", list(actors)


def test_a_demonym_before_a_department_is_its_country() -> None:
    actors = _actors("The Philippine Department of Agriculture said rice would face a 35% tariff.")
    assert actors["Department of Agriculture"].affiliation == "Philippines"


@pytest.mark.parametrize(
    ("story", "not_actor"),
    [
        ("Speaking in the Great Hall of the People, Xi said China would respond.", "Great Hall"),
        (
            "At the Élysée Palace, Macron said France would respond to the 25% tariff.",
            "Élysée Palace",
        ),
        ("Officials at the Kantei said Japan would respond to the 25% tariff.", "Kantei"),
        ("Aboard Air Force One, Trump said the 25% tariff would stay.", "Aboard Air Force One"),
        ("At the Blue House, officials said South Korea would respond.", "Blue House"),
    ],
)
def test_seats_of_government_used_as_places_are_no_actors(story: str, not_actor: str) -> None:
    assert not_actor not in _actors(story)


@pytest.mark.parametrize(
    ("story", "names"),
    [
        (
            "Maersk, Hapag-Lloyd and Ocean Network Express have together blanked 30 sailings.",
            ["Maersk", "Hapag-Lloyd", "Ocean Network Express"],
        ),
        (
            "Canfor and Dunmore Timber, two of the largest producers, have shifted output.",
            ["Canfor", "Dunmore Timber"],
        ),
    ],
)
def test_companies_listed_together_are_all_companies(story: str, names: list[str]) -> None:
    actors = _actors(story)
    assert [actors[n].kind for n in names if n in actors] == ["organization"] * len(names), list(
        actors
    )


def test_a_river_delta_is_a_place() -> None:
    assert "Pearl River Delta" not in _actors(
        "Pearl River Delta factories cut output after the tariff."
    )


def test_a_name_before_a_lower_case_body_noun_is_that_body() -> None:
    actors = _actors("Germany's BDI industry association urged both sides to avoid a tariff war.")
    assert actors["BDI"].kind == "organization"


def test_companies_listed_after_include_with_their_countries() -> None:
    story = (
        "Besides Celvora, suppliers include Germany's Rhenax, Japan's Polyvest and Korea"
        " Engineering Plastics, whose shipments are not covered."
    )
    actors = _actors(story)
    for name in ("Rhenax", "Polyvest", "Korea Engineering Plastics"):
        assert name in actors and actors[name].kind == "organization", list(actors)


@pytest.mark.parametrize(
    ("story", "name"),
    [
        (
            "The Associação Nacional dos Produtores de Pneus said the 35% tariff helped.",
            "Associação Nacional dos Produtores de Pneus",
        ),
        ("Bahru Stainless Sdn Bhd welcomed the 20% duty.", "Bahru Stainless Sdn Bhd"),
        ("Rhenania Chemie GmbH said the 25% tariff hurt.", "Rhenania Chemie GmbH"),
        (
            "The Cámara Nacional de Comercio said the 30% tariff was too high.",
            "Cámara Nacional de Comercio",
        ),
        (
            "Inteligencia Comercial, a consultancy, said the 30% tariff was too high.",
            "Inteligencia Comercial",
        ),
    ],
)
def test_bodies_named_in_other_languages_and_legal_forms(story: str, name: str) -> None:
    actors = _actors(story)
    assert name in actors and actors[name].kind == "organization", list(actors)


def test_a_customs_union_the_gazetteer_lacks_is_a_country_kind() -> None:
    actors = _actors("The Eurasian Economic Union raised its duty on cars to 20%, it said.")
    assert actors["Eurasian Economic Union"].kind == "country"


def test_the_country_s_body_belongs_to_the_country_named_before() -> None:
    story = "Norway will charge a 12% duty on Chinese cranes, the country's finance ministry said."
    assert _actors(story)["Finance Ministry"].affiliation == "Norway"


def test_a_company_whose_name_opens_with_a_title_word_and_the_name_after_it() -> None:
    actors = _actors("The petition was filed by makers that include First Solar and Hanwha Qcells.")
    assert actors["First Solar"].kind == "organization", list(actors)
    assert actors.get("Hanwha Qcells") is None or actors["Hanwha Qcells"].role is None
