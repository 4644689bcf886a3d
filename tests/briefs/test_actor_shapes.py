"""Actor shapes of real news in sentences of our own (issue 13): countries that act through a
verb or a body of theirs, places that are also given names, rooms and buildings, and titles that
open with a word of another kind."""

from __future__ import annotations

import pytest

from tests.briefs.drafted import draft_story


def _names(story: str) -> set[str]:
    return {a.name for a in draft_story(story).actors}


@pytest.mark.parametrize(
    ("story", "countries"),
    [
        (
            "Hungary, Poland and Slovakia kept their own bans on grain from Ukraine.",
            {"Hungary", "Poland", "Slovakia"},
        ),
        (
            "Indonesia raised its export levy on palm oil to 10%. Malaysia followed a week later.",
            {"Indonesia", "Malaysia"},
        ),
        ("Colombia's trade ministry called the cut good news for growers.", {"Colombia"}),
        ("Ecuador's president welcomed the end of the coffee tariff.", {"Ecuador"}),
    ],
)
def test_a_country_that_acts_is_an_actor(story: str, countries: set[str]) -> None:
    assert countries <= _names(story)


@pytest.mark.parametrize(
    "story",
    [
        "The cut helps buyers in Colombia, traders said.",
        "Sales to Indonesia raised hopes among growers.",
    ],
)
def test_a_country_named_as_a_place_is_no_actor(story: str) -> None:
    assert not {"Colombia", "Indonesia"} & _names(story)


@pytest.mark.parametrize(
    ("story", "person", "not_actor"),
    [
        (
            "The duty will hurt mills, said Sofia Brandt, a trade lawyer in Oslo.",
            "Sofia Brandt",
            "Bulgaria",
        ),
        (
            "Mills want a higher duty. Paraguay's Santiago Peña said the bloc must act.",
            "Santiago Peña",
            "Peña",
        ),
        (
            "Mills want a higher duty. Victoria Chen of the Steel Council said mills would suffer.",
            "Victoria Chen",
            "Chen of the Steel Council",
        ),
    ],
)
def test_a_place_that_is_also_a_given_name_opens_a_person_s_name(
    story: str, person: str, not_actor: str
) -> None:
    names = _names(story)
    assert person in names and not_actor not in names, names


@pytest.mark.parametrize(
    ("story", "room"),
    [
        ("Trump signed the order in the Roosevelt Room on Monday.", "Roosevelt Room"),
        ("Ministers met in the Cabinet Room before the vote on the duty.", "Cabinet Room"),
        ("The leaders spoke at the Mansion House dinner about the tariff.", "Mansion House"),
        ("Talks on the tariff were held at the Lancaster Hall in Oslo.", "Lancaster Hall"),
    ],
)
def test_a_room_or_building_named_after_the_is_no_actor(story: str, room: str) -> None:
    assert room not in _names(story)


def test_a_surname_that_is_a_building_word_stays_a_name() -> None:
    assert "Rebecca Hall" in _names(
        "Rebecca Hall, an analyst at Nordbank, said the duty would bite."
    )


@pytest.mark.parametrize(
    ("story", "person", "not_actor"),
    [
        (
            "Press Secretary Karoline Leavitt said the tariffs would stay.",
            "Karoline Leavitt",
            "Press",
        ),
        (
            "Cabinet Secretary Ana Rojas said the duty would start in July.",
            "Ana Rojas",
            "Cabinet",
        ),
    ],
)
def test_a_title_that_opens_with_another_word_is_one_title(
    story: str, person: str, not_actor: str
) -> None:
    names = _names(story)
    assert person in names and not_actor not in names, names


def test_a_grouping_s_ministers_are_the_grouping() -> None:
    names = _names(
        "The ASEAN Economic Ministers said the bloc would not retaliate against the duty."
    )
    assert "ASEAN" in names and "Ministers" not in names, names


@pytest.mark.parametrize(
    ("story", "full", "short"),
    [
        (
            "Rosa Maria Huaman said Peru would answer the duty. Later, Trade Minister"
            " Ana Rosa Maria Huaman said talks would go on.",
            "Ana Rosa Maria Huaman",
            "Rosa Maria Huaman",
        ),
        (
            "Jon Berg said Norway would answer the duty. Later, Jon K. Berg said talks went on.",
            "Jon K. Berg",
            "Jon Berg",
        ),
    ],
)
def test_a_shorter_name_of_a_person_joins_the_fuller_one(story: str, full: str, short: str) -> None:
    names = _names(story)
    assert full in names and short not in names, names


@pytest.mark.parametrize(
    ("story", "body"),
    [
        (
            "Norway's directorate general of trade remedies proposed the duty on cranes.",
            "Directorate General of Trade Remedies",
        ),
        ("The tariff commission said the duty on cranes would start in July.", "Tariff Commission"),
    ],
)
def test_a_body_named_in_lower_case_of_other_heads_is_an_actor(story: str, body: str) -> None:
    assert body in _names(story)


@pytest.mark.parametrize(
    ("story", "person"),
    [
        (
            "According to Hiroshi Tanaka, chief economist at Mizuho, the duty would hurt.",
            "Hiroshi Tanaka",
        ),
        ("The duty will hurt mills, according to Ana Rojas of the Steel Council.", "Ana Rojas"),
        ("The letter went to Ana Rojas, the trade minister, on Monday.", "Ana Rojas"),
    ],
)
def test_a_person_after_to_is_no_place(story: str, person: str) -> None:
    assert person in _names(story)


def test_the_plural_title_opening_a_sentence_is_not_part_of_a_company() -> None:
    names = _names("Representatives of Nordkran Holdings met officials to discuss the duty.")
    assert "Nordkran Holdings" in names, names


def test_a_korean_name_written_with_and_without_its_hyphen_is_one_actor() -> None:
    names = _names(
        "Kim Min Seok said Seoul would answer the duty. Trade Minister Kim Min-seok later met"
        " his counterpart, and Kim Min-seok said talks would go on."
    )
    assert names & {"Kim Min Seok", "Kim Min-seok"} == {"Kim Min-seok"}, names


@pytest.mark.parametrize(
    ("story", "person", "role"),
    [
        ("Governor-General Ana Rojas opened Parliament.", "Ana Rojas", "Governor-General"),
        ("Attorney-General Ola Berg said the duty was lawful.", "Ola Berg", "Attorney-General"),
    ],
)
def test_a_hyphenated_title_is_no_part_of_the_name(story: str, person: str, role: str) -> None:
    actor = next(a for a in draft_story(story).actors if a.kind == "person")
    assert (actor.name, actor.role) == (person, role)


@pytest.mark.parametrize(
    ("story", "countries"),
    [
        (
            "The duty applies in all four members – Kenya, Uganda, Rwanda and Tanzania – in July.",
            {"Kenya", "Uganda", "Rwanda", "Tanzania"},
        ),
        (
            "The bloc's member states, including Hungary and Slovakia, must collect the duty.",
            {"Hungary", "Slovakia"},
        ),
        (
            "The pact would cut duties on goods traded between Norway and Chile, Peru and Ecuador.",
            {"Norway", "Chile", "Peru", "Ecuador"},
        ),
    ],
)
def test_members_of_a_bloc_and_parties_to_trade_are_actors(story: str, countries: set[str]) -> None:
    assert countries <= _names(story), _names(story)


def test_a_market_named_after_countries_including_is_no_actor() -> None:
    story = "Norway exports cranes to countries including Chile and Peru, traders said."
    assert not {"Chile", "Peru"} & _names(story)


@pytest.mark.parametrize(
    ("story", "country"),
    [
        ("Copper prices rose. Peru's trade minister told reporters the rise was unfair.", "Peru"),
        ("Copper prices rose. Officials in Lima said the tariff would be reviewed.", "Peru"),
        ("Copper prices rose. Chilean officials said they would seek talks.", "Chile"),
        ("Copper prices rose. A Peruvian trade official said talks were planned.", "Peru"),
        ("Copper prices rose. Canadian negotiators returned to the table on Monday.", "Canada"),
        ("Copper prices rose. Brussels' trade chief said the bloc was ready.", "European Union"),
    ],
)
def test_a_country_acting_through_its_officials_is_an_actor(story: str, country: str) -> None:
    assert country in _names(story), _names(story)


@pytest.mark.parametrize(
    "story",
    [
        "Copper prices rose. Officials in Lima said the tariff would be reviewed.",
        "Copper prices rose. Buyers in Oslo said the tariff would hurt.",
        "Copper prices rose. Officials in Trondheim said the tariff would be reviewed.",
        "Copper prices rose. Traders in Valparaiso said the tariff would hurt.",
    ],
)
def test_a_city_after_in_is_no_company(story: str) -> None:
    assert not {"Lima", "Oslo", "Trondheim", "Valparaiso"} & _names(story)


def test_a_country_s_exporters_do_not_make_it_an_actor() -> None:
    assert "Chile" not in _names("Copper prices rose. Chilean exporters said prices would fall.")


def test_a_programme_named_in_quotes_is_no_actor() -> None:
    story = 'Oslo will speed up spending under its "Build Ports Faster" programme, Berg said.'
    assert "Build Ports Faster" not in _names(story)


@pytest.mark.parametrize(
    ("story", "person", "not_actor"),
    [
        (
            "B.C. Forests Minister Ravi Parmar said the duty would hurt.",
            "Ravi Parmar",
            "BC Forests",
        ),
        ("Mines Minister Ana Rojas said the duty would hurt.", "Ana Rojas", "Mines"),
    ],
)
def test_a_portfolio_word_opens_a_title(story: str, person: str, not_actor: str) -> None:
    names = _names(story)
    assert person in names and not_actor not in names, names


@pytest.mark.parametrize(
    ("story", "not_actor"),
    [
        ("Shoppers in Oslo have embraced the Fjords First movement.", "Fjords First"),
        ("The Buy Norwegian campaign has won support in Bergen.", "Buy Norwegian"),
        ("Under its Open Ports policy, Norway cut duties on cranes.", "Open Ports"),
    ],
)
def test_a_movement_campaign_or_policy_is_no_actor(story: str, not_actor: str) -> None:
    assert not_actor not in _names(story)


@pytest.mark.parametrize(
    ("story", "person", "body"),
    [
        (
            "Governor of the Bank of Norway Ida Wolden said the duty would slow growth.",
            "Ida Wolden",
            "Bank of Norway",
        ),
        (
            "Chair of the Nordic Reserve Jon Berg warned about prices.",
            "Jon Berg",
            "Nordic Reserve",
        ),
        (
            "Director-General of the WTO Ngozi Okonjo-Iweala urged calm over the duty.",
            "Ngozi Okonjo-Iweala",
            "World Trade Organization",
        ),
    ],
)
def test_title_of_a_body_then_a_name_is_two_actors(story: str, person: str, body: str) -> None:
    names = _names(story)
    assert {person, body} <= names, names


@pytest.mark.parametrize(
    "story",
    [
        "Coordinating Minister Ana Rojas announced the levy on palm oil.",
        "Outgoing President Ana Rojas announced the levy on palm oil.",
        "Interim Trade Minister Ana Rojas announced the levy on palm oil.",
    ],
)
def test_a_word_that_qualifies_a_title_is_part_of_it(story: str) -> None:
    assert _names(story) == {"Ana Rojas"}, _names(story)


def test_the_country_s_minister_speaks_for_the_dateline_s_country() -> None:
    text = (
        "Cranes to pay more\n\nJune 3, 2025\n\nLIMA — The duty on cranes will start in July,"
        " the country's trade minister said on Tuesday.\n\nMakers said they would appeal.\n"
    )
    from briefs.drafting import draft_brief

    assert "Peru" in {a.name for a in draft_brief(text).actors}


@pytest.mark.parametrize(
    ("story", "country"),
    [
        ("A 12% duty on cranes from Chile will start in July, officials said.", "Chile"),
        ("The levy applies to steel coming from Vietnam and Thailand.", "Thailand"),
    ],
)
def test_a_country_whose_goods_a_measure_hits_is_an_actor(story: str, country: str) -> None:
    assert country in _names(story), _names(story)


def test_a_country_goods_come_from_without_a_measure_is_no_actor() -> None:
    assert "Chile" not in _names("Imports of copper from Chile rose 5% in May, traders said.")


@pytest.mark.parametrize(
    ("story", "body"),
    [
        ("Mills want a higher duty. The Senate voted 60-40 to block the tariffs.", "Senate"),
        ("Mills want a higher duty. Rojas sent Congress a proposal to raise it.", "Congress"),
    ],
)
def test_a_legislature_named_alone_is_an_actor(story: str, body: str) -> None:
    assert body in _names(story), _names(story)


@pytest.mark.parametrize(
    ("story", "not_actor"),
    [
        ("Victoria Falls tourism has suffered from the tariff.", "Victoria Falls"),
        ("The Paris Club of creditors met on Monday.", "Paris Club"),
    ],
)
def test_a_place_that_is_a_given_name_stays_a_place_without_a_person_s_context(
    story: str, not_actor: str
) -> None:
    assert not_actor not in _names(story)


def test_a_country_named_before_its_person_acts_through_them() -> None:
    names = _names("Mills want a higher duty. Paraguay's Santiago Peña said the bloc must act.")
    assert "Paraguay" in names, names


def test_a_country_named_before_its_company_does_not_act_through_it() -> None:
    names = _names("Mills want a higher duty. Norway's Nordkran Holdings said it would cope.")
    assert "Norway" not in names, names
