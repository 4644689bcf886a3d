"""Companies and bodies named in full as real pages name them (issue 13), in sentences of our
own: a country's name inside a company's, two firms joined by "and" when the second has a legal
form, legal forms before or after the name in other languages, a body whose name runs on over
"on", and a body whose name opens with "Royal" and a demonym."""

from __future__ import annotations

import pytest

from tests.briefs.drafted import draft_story


def _names(story: str) -> set[str]:
    return {a.name for a in draft_story(story).actors}


@pytest.mark.parametrize(
    ("story", "name"),
    [
        (
            "The complaint was filed by Hanil Film Vietnam Inc., which makes packaging film.",
            "Hanil Film Vietnam Inc.",
        ),
        (
            "The duty hits PT Sinar Kain Abadi Tbk, the largest weaver in the province.",
            "PT Sinar Kain Abadi Tbk",
        ),
        (
            "Shares of Norsk Gjødsel ASA fell 3% after the announcement in Oslo.",
            "Norsk Gjødsel ASA",
        ),
        (
            "The carmaker Otokar Araç Sanayi AŞ said it would raise local output.",
            "Otokar Araç Sanayi AŞ",
        ),
        (
            "Economists at the Institute for Research on Trade Policy said exports would fall.",
            "Institute for Research on Trade Policy",
        ),
        (
            "The Royal Thai Customs Department said the new rate applies from Monday.",
            "Royal Thai Customs Department",
        ),
    ],
)
def test_a_firm_or_body_keeps_its_whole_name(story: str, name: str) -> None:
    names = _names(story)
    assert name in names, names


def test_two_firms_joined_by_and_are_two() -> None:
    names = _names(
        "Steelmakers KORSTEEL and Hanbit Steel Mill Co., Ltd. face the highest duties, the "
        "ministry said."
    )
    assert {"KORSTEEL", "Hanbit Steel Mill Co., Ltd."} <= names, names


@pytest.mark.parametrize(
    ("story", "name"),
    [
        (
            "Analysts at the Council on Foreign Relations said the duty would hurt.",
            "Council on Foreign Relations",
        ),
        (
            "The Committee on Ways and Means voted 20 to 5 for the bill.",
            "Committee on Ways and Means",
        ),
    ],
)
def test_on_within_a_bodys_name_keeps_it_whole(story: str, name: str) -> None:
    assert name in _names(story)


def test_on_before_a_day_is_no_part_of_a_name() -> None:
    names = _names("The European Commission on Monday proposed a 20% duty on Chinese steel.")
    assert not any("Monday" in n for n in names), names


@pytest.mark.parametrize(
    "story",
    [
        "The state imposed a safeguard duty on steel coils, a finance ministry notification said.",
        "Charges began after a finance ministry regulation took effect on Friday.",
    ],
)
def test_a_body_in_lower_case_before_what_it_issued_is_an_actor(story: str) -> None:
    assert "Finance Ministry" in _names(story)


@pytest.mark.parametrize(
    "story",
    [
        "Peru set a 12% safeguard duty on steel bars. Imports rose, with Chile, Brazil and "
        "Mexico the largest suppliers.",
        "Peru set a safeguard duty on cotton cloth. Chile, Brazil and Mexico together supply "
        "most of the cloth it buys abroad.",
    ],
)
def test_countries_named_as_the_suppliers_of_a_measures_goods_are_actors(story: str) -> None:
    assert {"Chile", "Brazil", "Mexico"} <= _names(story)


def test_a_firm_named_beside_one_with_a_legal_form_is_a_firm() -> None:
    names = _names(
        "Seoul said it would help exporters, including HANSTEEL and Dongbu Wire Co., Ltd., "
        "to respond to the case."
    )
    assert {"HANSTEEL", "Dongbu Wire Co., Ltd."} <= names, names


def test_a_firm_whose_name_has_a_title_word_keeps_it() -> None:
    names = _names("Producers such as Norway's Nordgjødsel International ASA welcomed it.")
    assert "Nordgjødsel International ASA" in names, names


def test_on_within_a_bodys_name_after_a_title_keeps_it() -> None:
    names = _names(
        '"It is a big concession," said Dewi Lestari, an economist at the Center of Reform on '
        "Economics in Jakarta."
    )
    assert "Center of Reform on Economics" in names and "Center of Reform" not in names, names


@pytest.mark.parametrize(
    ("story", "role"),
    [
        (
            "Plantation and Commodities Minister Datuk Seri Johari Abdul Ghani said the duty "
            "would be reviewed.",
            "Plantation and Commodities Minister",
        ),
    ],
)
def test_a_portfolio_of_two_words_before_a_title_is_the_role(story: str, role: str) -> None:
    actors = draft_story(story).actors
    assert [(a.kind, a.role) for a in actors] == [("person", role)], actors


def test_an_adverb_opening_a_sentence_is_no_actor() -> None:
    assert "Overnight" not in _names("Overnight, the president said he would raise the duty.")


@pytest.mark.parametrize(
    ("story", "name"),
    [
        (
            "Norfor Corp and West Fraser, two of the largest producers, shifted output south.",
            "West Fraser",
        ),
        ("The case opened after Tokai Carbon Co. and Resonac filed a complaint.", "Resonac"),
    ],
)
def test_a_name_joined_to_a_firm_by_and_is_a_firm(story: str, name: str) -> None:
    actors = {a.name: a.kind for a in draft_story(story).actors}
    assert actors.get(name) == "organization", actors


def test_a_leader_named_by_surname_after_a_body_stays_a_person() -> None:
    actors = {
        a.name: a.kind for a in draft_story("The European Commission and Trump spoke.").actors
    }
    assert actors.get("Donald Trump") == "person", actors


def test_a_corporation_of_a_country_keeps_its_country() -> None:
    names = _names("The Cotton Corporation of Peru will buy the crop at the support price.")
    assert "Cotton Corporation of Peru" in names, names


def test_firms_in_apposition_to_a_plural_word_for_firms_are_firms() -> None:
    story = (
        "The case opened after two Japanese makers, Kanto Carbon and Resonix, filed a complaint."
    )
    actors = {a.name: a.kind for a in draft_story(story).actors}
    assert actors == {"Kanto Carbon": "organization", "Resonix": "organization"}, actors


@pytest.mark.parametrize(
    ("story", "seat", "country"),
    [
        ("The Kremlin said it would answer with a 20% duty on EU cars.", "Kremlin", "Russia"),
        (
            "The White House said it would impose a 20% duty on EU cars.",
            "White House",
            "United States",
        ),
    ],
)
def test_a_seat_of_government_is_an_actor_and_acts_for_its_country(
    story: str, seat: str, country: str
) -> None:
    brief = draft_story(story)
    assert {seat, country} <= {a.name for a in brief.actors}
    assert [t.imposed_by for t in brief.tariffs] == [country]


@pytest.mark.parametrize(
    "story",
    [
        "The US set 10% tariffs on two islands in the Indian Ocean, which only penguins inhabit.",
        "Ships crossing the Arabian Sea paid more after the 10% duty on fuel took effect.",
    ],
)
def test_a_sea_named_after_a_people_is_no_country(story: str) -> None:
    brief = draft_story(story)
    assert not {"India", "Saudi Arabia"} & {a.name for a in brief.actors}, brief.actors
    assert not {"India", "Saudi Arabia"} & {t.imposed_by for t in brief.tariffs}
