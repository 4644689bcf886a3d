"""Companies, bodies and non-actors in shapes seen on unseen text (issue 13), in sentences of
our own: firms named by a plural trade word, firms listed after "brands including", places
after "in", gazettes and palaces, and bodies named in lower case."""

from __future__ import annotations

import pytest

from tests.briefs.drafted import draft_story


def _names(story: str) -> set[str]:
    return {a.name for a in draft_story(story).actors}


@pytest.mark.parametrize(
    ("story", "company", "not_actor"),
    [
        (
            "At Kildare Brewers in Westmeath, chief executive Aoife Byrne said orders had fallen.",
            "Kildare Brewers",
            "Westmeath",
        ),
        (
            "At Fjord Distillers in Telemark, managing director Ola Dahl said the duty hurt.",
            "Fjord Distillers",
            "Telemark",
        ),
    ],
)
def test_a_firm_named_by_its_trade_and_the_place_after_in(
    story: str, company: str, not_actor: str
) -> None:
    names = _names(story)
    assert company in names and not_actor not in names, names


def test_firms_listed_after_brands_including_are_companies() -> None:
    names = _names(
        "The duty has applied since May to brands including Casa Verdi and Montorso, they said."
    )
    assert {"Casa Verdi", "Montorso"} <= names, names


@pytest.mark.parametrize(
    ("story", "not_actor"),
    [
        ("The decree was published in the Official Gazette on Monday.", "Gazette"),
        ("The premier met ministers at Palazzo Chigi to discuss the duty.", "Palazzo Chigi"),
        ("The president spoke at Palacio de Hacienda about the tariff.", "Palacio de Hacienda"),
        ("Exporters want help with ingredients and food service, growers said.", "Food Service"),
    ],
)
def test_names_that_are_no_actors(story: str, not_actor: str) -> None:
    assert not_actor not in _names(story)


@pytest.mark.parametrize(
    ("story", "body"),
    [
        (
            "The country's agriculture secretariat said the cut would cost $600 million.",
            "Agriculture Secretariat",
        ),
        (
            "Norway's crane industry association said the duty would protect jobs.",
            "Crane Industry Association",
        ),
        (
            "The steel producers association welcomed the duty on Chinese coils.",
            "Steel Producers Association",
        ),
    ],
)
def test_a_body_named_in_lower_case_is_an_actor(story: str, body: str) -> None:
    assert body in _names(story)


@pytest.mark.parametrize(
    ("story", "body"),
    [
        ("Norway's crane industry association NKF said the duty would help.", "NKF"),
        (
            "Kranforum, the Norwegian crane industry association, said the duty would help.",
            "Kranforum",
        ),
        ("The crane makers association, Kranlag, said the duty would help.", "Kranlag"),
    ],
)
def test_words_that_describe_a_named_body_are_not_a_second_name(story: str, body: str) -> None:
    names = _names(story)
    assert not {n for n in names if n.endswith("Association")}, names


@pytest.mark.parametrize(
    ("story", "full", "short"),
    [
        (
            "Nordkran Group, Norway's largest crane maker, asked for the duty. Nordkran said"
            " imports had cut its margins.",
            "Nordkran Group",
            "Nordkran",
        ),
        (
            "Fjell Heavy Industries Corp. asked for the duty. Fjell Heavy Industries said"
            " imports had cut its margins.",
            "Fjell Heavy Industries Corp.",
            "Fjell Heavy Industries",
        ),
    ],
)
def test_a_company_named_without_its_legal_form_is_the_same_company(
    story: str, full: str, short: str
) -> None:
    names = _names(story)
    assert full in names and short not in names, names


@pytest.mark.parametrize(
    ("story", "outlet"),
    [
        ("Xinhua news agency reported that Beijing would answer the duty.", "Xinhua"),
        ("State broadcaster NRK said the duty would start in July.", "NRK"),
        ("The newspaper Aftenposten reported that Oslo would answer the duty.", "Aftenposten"),
    ],
)
def test_a_news_outlet_is_no_actor(story: str, outlet: str) -> None:
    assert outlet not in _names(story)


def test_a_body_known_by_a_name_after_its_description_is_an_actor() -> None:
    story = "Importers asked the government's trade chamber, known as Kamex, to hold the duty."
    assert "Kamex" in _names(story)


def test_a_name_listed_before_other_suppliers_is_a_company() -> None:
    story = "The 12% duty applies to Nordkran and most other Chinese suppliers of cranes."
    assert "Nordkran" in _names(story)


@pytest.mark.parametrize(
    "story",
    [
        "The World Trade Organization cut its forecast for trade growth this year.",
        "The WTO authorised Norway to retaliate against the duty on its salmon.",
    ],
)
def test_the_wto_acting_on_its_own_is_an_actor(story: str) -> None:
    assert "World Trade Organization" in _names(story)


@pytest.mark.parametrize(
    ("story", "not_actors"),
    [
        ("The Harbour Post reported that Oslo would answer the duty.", {"Harbour Post"}),
        (
            "The Fjord and Mail reported that Oslo would answer.",
            {"Fjord", "Mail", "Fjord and Mail"},
        ),
        (
            "Ana Rojas, speaking on NRK's Morning Desk, said the tariff would bite.",
            {"Morning Desk"},
        ),
    ],
)
def test_newspapers_and_programmes_are_no_actors(story: str, not_actors: set[str]) -> None:
    assert not not_actors & _names(story), _names(story)


@pytest.mark.parametrize(
    ("story", "not_actor"),
    [
        (
            '"We pay more," one crane industry association official said, asking not to be named.',
            "One Crane Industry Association",
        ),
        ("Imported billet was offered at $465/t CFR Bergen this week.", "CFR Bergen"),
    ],
)
def test_a_person_described_by_a_trade_body_and_a_trade_term_are_no_actors(
    story: str, not_actor: str
) -> None:
    assert not_actor not in _names(story)


@pytest.mark.parametrize(
    ("story", "body", "not_actor"),
    [
        (
            "The Norwegian crane industry federation said the duty would help.",
            "Norwegian Crane Industry Federation",
            "Crane Industry Federation",
        ),
        (
            "The money goes to the Crane Port Renewal Fund Management Agency, officials said.",
            "Crane Port Renewal Fund Management Agency",
            "Management Agency",
        ),
        (
            "The duty starts once the decree is published in the Diario Oficial next week.",
            None,
            "Diario Oficial",
        ),
    ],
)
def test_names_of_bodies_read_whole(story: str, body: str | None, not_actor: str) -> None:
    names = _names(story)
    assert (body is None or body in names) and not_actor not in names, names


@pytest.mark.parametrize(
    "story",
    [
        "Pharmaceuticals, the country's largest export, are exempt from the duty.",
        "Salmon, which Norway sells mostly to Europe, faces a 15% tariff.",
    ],
)
def test_goods_opening_a_sentence_are_no_actors(story: str) -> None:
    assert not {"Pharmaceuticals", "Salmon"} & _names(story)


@pytest.mark.parametrize(
    ("story", "not_actor"),
    [
        ("The Hang Seng slipped and the Kospi fell after the duty was announced.", "Hang Seng"),
        ("The Kospi fell 2% after the duty was announced, traders said.", "Kospi"),
        ("Ships queued to enter the Kiel Canal after the duty began.", "Kiel Canal"),
        ("Trucks cross the Ambassador Bridge into Ontario every day.", "Bridge"),
    ],
)
def test_market_indexes_and_waterways_are_no_actors(story: str, not_actor: str) -> None:
    assert not_actor not in _names(story)


@pytest.mark.parametrize(
    ("story", "body"),
    [
        ("Norway's tax authority will collect the duty from July.", "Tax Authority"),
        ("The competition commission said it would review the duty.", "Competition Commission"),
    ],
)
def test_more_bodies_named_in_lower_case(story: str, body: str) -> None:
    assert body in _names(story), _names(story)


def test_a_name_described_as_its_country_s_body_is_an_actor() -> None:
    names = _names("Kranlaget, Norway's biggest business lobby, urged calm over the duty.")
    assert "Kranlaget" in names, names


def test_a_body_named_in_lower_case_joins_the_fuller_name_it_shortens() -> None:
    names = _names(
        "The General Administration of Customs said crane imports fell. The customs agency"
        " gave no reason for the drop."
    )
    assert "Customs Agency" not in names and "General Administration of Customs" in names, names
