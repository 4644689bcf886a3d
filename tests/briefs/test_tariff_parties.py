"""Who imposes a measure on whom, in shapes of news writing that failed on unseen text (issue
13): sentences of our own, several wordings each."""

from __future__ import annotations

import pytest

from briefs.drafting.tariffs.entities import entities_of
from briefs.drafting.text import make_sentence
from tests.briefs.drafted import draft_story as _draft
from tests.briefs.drafted import tariff_pairs as _pairs
from tests.briefs.drafted import tariff_rows as _rows

# --- the last country of an origin list is no imposer -------------------------------------------


@pytest.mark.parametrize(
    "story",
    [
        "The US said that imports from Japan and South Korea would face tariffs of 25% from"
        " Aug. 1.",
        "Washington said goods from Japan and South Korea will be hit with tariffs of 25%.",
        "The United States announced that shipments from Japan, Vietnam and South Korea would"
        " carry tariffs of 25%.",
    ],
)
def test_the_last_country_of_an_origin_list_is_a_target(story: str) -> None:
    pairs = _pairs(story)
    assert {by for by, _on, _rate in pairs} == {"United States"}
    assert ("United States", "South Korea", "25%") in pairs
    assert ("United States", "Japan", "25%") in pairs


# --- "US imports" are imports into the US ---------------------------------------------------------


@pytest.mark.parametrize(
    ("story", "by"),
    [
        ("A 10% baseline tariff on nearly all U.S. imports stays in place.", "United States"),
        ("The 10% duty on most EU imports of fertiliser remains in force.", "European Union"),
        ("India's imports of gold now carry a 10% tariff.", "India"),
        ("Japan's rice imports face a 10% levy.", "Japan"),
    ],
)
def test_a_countrys_imports_are_the_goods_it_taxes(story: str, by: str) -> None:
    assert _pairs(story) == {(by, None, "10%")}


@pytest.mark.parametrize(
    "story",
    [
        "Canada put a 25% tariff on Chinese imports.",
        "Canada will charge 25% on imports from China.",
    ],
)
def test_imports_named_by_their_origin_stay_that_origins(story: str) -> None:
    assert _pairs(story) == {("Canada", "China", "25%")}


# --- a country exempted from a measure, or left at a rate, is its target -----------------------


@pytest.mark.parametrize(
    "story",
    [
        "The United States doubled tariffs on steel imports to 50% on Wednesday. Britain was"
        " exempted and remains at 25%.",
        "The United States doubled tariffs on steel imports to 50% on Wednesday. Britain, which"
        " has a trade deal, was excluded and still pays 25%.",
        "The United States doubled tariffs on steel imports to 50% on Wednesday. Britain stays"
        " at 25%.",
    ],
)
def test_a_country_left_at_a_rate_is_its_target(story: str) -> None:
    rows = _rows(story, "2025-06-04")
    assert ("United States", "United Kingdom", "25%", "in force") in rows
    assert ("United States", None, "50%", "in force") in rows


# --- a list of goods before "from": the origin after it is still the target --------------------


@pytest.mark.parametrize(
    ("story", "targets"),
    [
        ("Mexico approved tariffs of 50% on cars, steel and textiles from China.", ["China"]),
        (
            "Mexico approved tariffs of 50% on cars, steel, toys and textiles from China and"
            " India.",
            ["China", "India"],
        ),
        (
            "Mexico approved tariffs of up to 50% on cars, steel and textiles from China and other"
            " Asian countries that lack trade deals with Mexico.",
            ["China"],
        ),
        (
            "The EU set duties of 20% on bicycles, e-bikes, parts and frames from China, Vietnam"
            " and Cambodia.",
            ["China", "Vietnam", "Cambodia"],
        ),
    ],
)
def test_goods_listed_before_their_origin_keep_its_targets(story: str, targets: list[str]) -> None:
    assert {on for _by, on, _rate in _pairs(story)} == set(targets)


# --- the country whose sellers pay a rate is its target ----------------------------------------


@pytest.mark.parametrize(
    "second",
    [
        "South Korea, whose carmakers still pay 25%, is racing to secure a similar cut.",
        "South Korea, whose exporters still face a 25% tariff, wants a similar cut.",
        "South Korea's carmakers still pay 25% and want a similar cut.",
        "In South Korea, where automakers pay 25%, officials want a similar deal.",
    ],
)
def test_the_country_whose_sellers_pay_a_rate_is_its_target(second: str) -> None:
    story = "The United States agreed to lower tariffs on Japanese cars to 15%. " + second
    pairs = _pairs(story, "2025-07-23")
    assert ("United States", "South Korea", "25%") in pairs
    assert {by for by, _on, _rate in pairs} == {"United States"}


# --- a list of targets ends at its "and" ------------------------------------------------------


@pytest.mark.parametrize(
    ("story", "by"),
    [
        (
            "MEXICO CITY (Reuters) - Mexico has imposed anti-dumping duties of 20% on steel from"
            " China and Vietnam, the economy ministry said on Tuesday.",
            "Mexico",
        ),
        (
            "LIMA (AP) - Peru has set duties of 20% on steel from China and Vietnam, the trade"
            " ministry said.",
            "Peru",
        ),
    ],
)
def test_a_list_of_targets_ends_at_its_and(story: str, by: str) -> None:
    assert _pairs(story) == {(by, "China", "20%"), (by, "Vietnam", "20%")}


# --- "a safeguard measure that covers …" is a measure, with no one target ------------------------


@pytest.mark.parametrize(
    "story",
    [
        "The European Union has started limiting imports of ferroalloys with a safeguard measure"
        " that also covers Norway and Iceland. Anything above the quota pays duties of 25%.",
        "Brazil has begun shielding its tyre makers with a safeguard that applies to imports from"
        " China and Thailand. Imports above the quota pay duties of 25%.",
    ],
)
def test_a_global_safeguard_told_of_with_a_has_no_target(story: str) -> None:
    pairs = _pairs(story, "2025-11-19")
    assert {on for _by, on, _rate in pairs} == {None}
    assert {rate for _by, _on, rate in pairs} == {"25%"}


# --- sellers of several nationalities who pay a rate: one target each ---------------------------


@pytest.mark.parametrize(
    "second",
    [
        "Korean carmakers had lagged Japanese and European rivals paying 15% since the summer.",
        "Korean carmakers had trailed Japanese and European competitors, which pay 15%.",
        "Japanese and European rivals have been paying 15% since July.",
    ],
)
def test_sellers_of_each_nationality_that_pay_a_rate_are_its_targets(second: str) -> None:
    story = "The United States lowered its tariff on Korean cars to 15% on Saturday. " + second
    pairs = _pairs(story, "2025-11-15")
    assert ("United States", "Japan", "15%") in pairs
    assert ("United States", "European Union", "15%") in pairs
    assert {by for by, _on, _rate in pairs} == {"United States"}


# --- "goods of Nicaragua": the origin before the measure -----------------------------------------


@pytest.mark.parametrize(
    "story",
    [
        "Under the plan, goods of Nicaragua would be subject to an additional US tariff of 10%.",
        "Washington said products of Nicaragua that do not qualify for the trade pact would face"
        " a tariff of 10%.",
    ],
)
def test_goods_of_a_country_are_its_target(story: str) -> None:
    assert _pairs(story) == {("United States", "Nicaragua", "10%")}


@pytest.mark.parametrize(
    "country",
    ["Nicaragua", "Honduras", "El Salvador", "Hong Kong", "Ivory Coast", "Madagascar", "Fiji"],
)
def test_trading_partners_that_wire_copy_names_are_targets(country: str) -> None:
    story = f"Washington will impose a 10% tariff on goods from {country} next month."
    assert _pairs(story) == {("United States", country, "10%")}


def test_a_sentence_that_ends_in_a_short_quote_is_narrative() -> None:
    story = (
        "The United States lowered its tariff on Korean cars to 15% on Saturday. Kim said Korean"
        " carmakers, behind Japanese and European rivals paying 15% since the summer, could now"
        ' "compete on an equal footing."'
    )
    pairs = _pairs(story, "2025-11-15")
    assert ("United States", "Japan", "15%") in pairs
    assert ("United States", "European Union", "15%") in pairs


def test_the_speaker_of_a_rate_its_sellers_pay_is_no_imposer() -> None:
    story = (
        "The United States lowered its tariff on Korean cars to 15% on Saturday. South Korea"
        " said its carmakers had trailed Japanese and European rivals paying 15% since July."
    )
    pairs = _pairs(story, "2025-11-15")
    assert {by for by, _on, _rate in pairs} == {"United States"}
    assert ("United States", "Japan", "15%") in pairs


# --- the country whose importers pay a duty collects it ----------------------------------------


@pytest.mark.parametrize(
    ("story", "by", "on"),
    [
        (
            "Canadian importers must pay a 25% surtax on U.S. steel from Thursday.",
            "Canada",
            "United States",
        ),
        ("Japan's importers now pay a 20% duty on Chinese steel.", "Japan", "China"),
        ("American buyers of Brazilian coffee pay a 50% tariff.", "United States", "Brazil"),
    ],
)
def test_the_country_whose_importers_pay_is_the_imposer(story: str, by: str, on: str) -> None:
    assert {(b, o) for b, o, _rate in _pairs(story)} == {(by, on)}


# --- the rate agreed with a country is charged on its goods -------------------------------------


@pytest.mark.parametrize(
    "second",
    [
        "The levy is far above the 15% rate agreed with the European Union and Japan.",
        "That compares with the 15% rate negotiated with the European Union and Japan.",
    ],
)
def test_the_rate_agreed_with_countries_is_charged_on_their_goods(second: str) -> None:
    story = "A 39% US tariff on Swiss goods took effect on Thursday. " + second
    pairs = _pairs(story, "2025-08-07")
    assert ("United States", "European Union", "15%") in pairs
    assert ("United States", "Japan", "15%") in pairs


@pytest.mark.parametrize(
    ("second", "target"),
    [
        ("Ecuador, which faces a 15% rate, has gained market share.", "Ecuador"),
        ("The bloc already faces 25% duties on steel and cars.", "European Union"),
        ("Vietnam, which is charged 20%, has gained orders.", "Vietnam"),
    ],
)
def test_a_country_that_faces_a_rate_is_its_target(second: str, target: str) -> None:
    story = "The United States doubled its tariff on Indian and European goods to 50% in August. "
    pairs = _pairs(story + second, "2025-10-01")
    assert {by for by, _on, _rate in pairs} == {"United States"}
    assert target in {on for _by, on, _rate in pairs}


@pytest.mark.parametrize(
    "story",
    [
        "The WTO said the 25% US tariff on Chinese goods broke global trade rules.",
        "Economists said the 25% US tariff on Chinese goods would hurt global growth.",
    ],
)
def test_global_words_of_another_kind_leave_the_target(story: str) -> None:
    assert _pairs(story) == {("United States", "China", "25%")}


@pytest.mark.parametrize(
    "story",
    [
        "Trump signed an order for a global 10% tariff on all imports.",
        "The 10% US tariff applies on a global basis.",
    ],
)
def test_a_global_tariff_has_no_target(story: str) -> None:
    assert _pairs(story) == {("United States", None, "10%")}


# --- a country's goods, a region's adjective and a country told of a rate -------------------------

_LETTERS = "Trump said he will impose 30% tariffs on the EU from Aug. 1. "


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        (
            "EU goods face a 10% baseline tariff, while steel and aluminium are charged 50%.",
            {("United States", "European Union", "10%")},
        ),
        (
            "Mexico already faces a 25% tariff on goods outside the North American trade pact.",
            {("United States", "Mexico", "25%")},
        ),
        ("Canada was told last week it would face 35%.", {("United States", "Canada", "35%")}),
    ],
)
def test_the_receiving_side_of_a_story_is_no_imposer(
    second: str, expected: set[tuple[str, str | None, str]]
) -> None:
    pairs = _pairs(_LETTERS + second, "2025-07-12")
    assert expected <= pairs
    assert {by for by, _on, _rate in pairs} == {"United States"}


def test_a_country_handed_a_rate_imposes_none_of_the_sentence() -> None:
    story = (
        "Trump said he will impose 30% tariffs on the EU from Aug. 1. Canada was told on Thursday"
        " that its goods would be charged 35% from the same date, and Brazil was handed a 50% rate."
    )
    pairs = _pairs(story, "2025-07-12")
    assert ("United States", "Canada", "35%") in pairs
    assert ("United States", "Brazil", "50%") in pairs


def test_a_rate_on_every_origin_is_the_story_imposers() -> None:
    story = (
        "President Donald Trump said goods from the EU will be taxed at 30% from Aug. 1. The EU"
        " said it would extend the suspension of its own countermeasures. Tariffs of 50% on steel"
        " already apply to imports from all countries."
    )
    assert ("United States", None, "50%") in _pairs(story, "2025-07-12")


@pytest.mark.parametrize(
    "story",
    [
        "President Donald Trump said goods from the EU will be taxed at 30% from Aug. 1.",
        "The US said goods from the EU will be taxed at 30% from Aug. 1.",
    ],
)
def test_a_speaker_before_said_goods_is_no_origin(story: str) -> None:
    assert _pairs(story, "2025-07-12") == {("United States", "European Union", "30%")}


# --- rates given country by country in brackets or after commas --------------------------------

_NEW_TARIFFS = "President Donald Trump announced new tariffs on Wednesday. "


@pytest.mark.parametrize(
    "second",
    [
        "They hit dozens of countries, including Vietnam (46%), Cambodia (49%) and Thailand (36%).",
        "Among the hardest hit are Vietnam, at 46%, Cambodia, at 49%, and Thailand, at 36%.",
    ],
)
def test_a_rate_beside_each_country_is_that_countrys(second: str) -> None:
    pairs = _pairs(_NEW_TARIFFS + second, "2025-04-03")
    rated = {(by, on, rate) for by, on, rate in pairs if rate}
    assert rated == {
        ("United States", "Vietnam", "46%"),
        ("United States", "Cambodia", "49%"),
        ("United States", "Thailand", "36%"),
    }


@pytest.mark.parametrize(
    "story",
    [
        "Canada, Mexico and China will all face tariffs of 25% from Saturday, the US said.",
        "The US said Canada, Mexico and China would all face tariffs of 25% from Saturday.",
    ],
)
def test_a_list_that_will_all_face_a_rate_is_its_targets(story: str) -> None:
    assert _pairs(story, "2025-01-30") == {
        ("United States", "Canada", "25%"),
        ("United States", "Mexico", "25%"),
        ("United States", "China", "25%"),
    }


def test_the_white_house_acts_for_the_united_states() -> None:
    story = "The White House announced tariffs of 25% against Canada, Mexico and China."
    assert {by for by, _on, _rate in _pairs(story)} == {"United States"}


@pytest.mark.parametrize(
    "story",
    [
        "Canada will apply a 25% surtax on steel wire and nails from China. The measure builds on"
        " the 25% surtax on Chinese aluminum and copper that has applied since October 2024.",
        "India put a 20% duty on Chinese solar glass on Monday. It already charges a 20% duty on"
        " Chinese steel wheels.",
    ],
)
def test_the_same_rate_on_other_named_goods_is_another_measure(story: str) -> None:
    brief = _draft(story)
    assert len(brief.tariffs) == 2
    assert len({t.products for t in brief.tariffs}) == 2


@pytest.mark.parametrize(
    "story",
    [
        "The US set new tariffs for dozens of trading partners on Monday. Vietnam's goods will be"
        " taxed at 20% under the framework.",
        "The US set new tariffs for dozens of trading partners on Monday. Vietnam's exports will"
        " face a 20% tariff.",
    ],
)
def test_a_countrys_own_goods_are_the_target(story: str) -> None:
    assert ("United States", "Vietnam", "20%") in _pairs(story)


@pytest.mark.parametrize(
    "story",
    [
        "Beijing retaliated with a 34% levy on all American imports.",
        "China put a 34% tariff on all American goods.",
    ],
)
def test_all_goods_of_one_origin_are_that_origins(story: str) -> None:
    assert _pairs(story) == {("China", "United States", "34%")}


def test_the_goods_a_measure_targets_name_no_imposer() -> None:
    story = (
        "The EU's countermeasures, worth 21 billion euros, target US soybeans and motorcycles with"
        " duties of up to 25%."
    )
    assert ("European Union", "United States", "25%") in _pairs(story)


@pytest.mark.parametrize(
    "story",
    [
        "India has exempted Nepal from its 20% export duty on rice.",
        "India exempts Nepal from its 20% duty on rice imports.",
    ],
)
def test_a_country_exempted_from_a_measure_is_its_target(story: str) -> None:
    assert {(by, on) for by, on, _rate in _pairs(story)} == {("India", "Nepal")}


@pytest.mark.parametrize(
    "story",
    [
        "The US will apply a 10% tariff to the first 100,000 British cars each year.",
        "Washington is applying a 10% tariff to British cars within the quota.",
    ],
)
def test_a_measure_applied_to_goods_names_their_origin(story: str) -> None:
    assert _pairs(story) == {("United States", "United Kingdom", "10%")}


def test_a_country_left_at_a_rate_past_a_clause_naming_another() -> None:
    story = (
        "The United States doubled tariffs on steel imports to 50% on Wednesday. Britain, which"
        " reached a trade deal with the U.S. in May, was exempted and remains at 25%."
    )
    assert ("United States", "United Kingdom", "25%", "in force") in _rows(story, "2025-06-04")


# --- "from Aug. 1" is a start, not an origin ----------------------------------------------------


@pytest.mark.parametrize(
    "story",
    [
        "Trump said he would hit Japan with a 30% tariff from Aug. 1 and Mexico with 30%.",
        "The US will hit Japan with a 30% tariff from 1 August and Mexico with 30%.",
        "The US said it would hit Japan with a 30% tariff from Monday and Mexico with 30%.",
    ],
)
def test_a_start_after_from_is_no_origin_of_a_list(story: str) -> None:
    assert _pairs(story) == {("United States", "Japan", "30%"), ("United States", "Mexico", "30%")}


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        (
            "MADRID, 3 MAR - Spanish makers of farm tractors welcomed the decision.",
            ["Spain"],  # the demonym only
        ),
        ("LIMA (Reuters) - Peru will impose duties on Chilean wire.", ["Peru", "Chile"]),
        ("Madrid and Lima said on Monday they would talk.", ["Spain", "Peru"]),
    ],
)
def test_a_dateline_left_in_the_story_is_a_place_not_a_party(
    text: str, countries: list[str]
) -> None:
    sentence = make_sentence(text, 0)
    assert [e.country for e in entities_of(sentence, [], {})] == countries


@pytest.mark.parametrize(
    ("story", "pair"),
    [
        (
            "Chile's farm ministry said the 20% surcharge on Peruvian rice would stay.",
            ("Chile", "Peru"),
        ),
        ("Peru will lift its 15% surcharge on Chilean wine next month.", ("Peru", "Chile")),
    ],
)
def test_a_surcharge_is_a_measure(story: str, pair: tuple[str, str]) -> None:
    assert {(by, on) for by, on, _rate in _pairs(story)} == {pair}


def test_goods_exempted_from_its_measure_are_the_targets_of_the_acting_country() -> None:
    story = "Peru said it would exempt some Chilean wines from its 25% tariffs."
    assert {(by, on) for by, on, _rate in _pairs(story)} == {("Peru", "Chile")}


@pytest.mark.parametrize(
    "story",
    [
        "The US tariff on Chilean copper, now 35%, will rise to 45% in October.",
        "Washington set new duties on Monday. The duty on Chilean copper, now 35%, will rise"
        " to 45% in October.",
    ],
)
def test_the_rate_charged_now_beside_its_rise_is_listed_in_force(story: str) -> None:
    rows = _rows(story)
    assert ("United States", "Chile", "35%", "in force") in rows
    assert ("United States", "Chile", "45%", "announced") in rows


def test_goods_of_an_origin_after_on_never_impose() -> None:
    story = "The tariff on Chilean copper, now 35%, will rise to 45% in October, officials said."
    assert "Chile" not in {by for by, _on, _rate in _pairs(story)}


# --- goods of one country entering another's market ---------------------------------------------


@pytest.mark.parametrize(
    "story",
    [
        "Peruvian exporters will pay a 12% duty to enter the Chilean market.",
        "Peruvian avocados entering the Chilean market will pay a 12% duty.",
        "Tariffs rose again this year. Peruvian cars entering Chile now pay 12%.",
    ],
)
def test_the_market_goods_enter_imposes_and_their_country_is_the_target(story: str) -> None:
    assert _pairs(story) == {("Chile", "Peru", "12%")}


def test_a_duty_to_act_is_no_measure() -> None:
    assert _pairs("The minister said Peru had a duty to protect its farmers from Chile.") == set()


@pytest.mark.parametrize("verb", ["hits", "targets", "affects"])
def test_the_countries_a_duty_hits_are_its_targets(verb: str) -> None:
    story = f"Lima set new tariffs on Monday. The new 25% duty {verb} Chile, Bolivia and the EU."
    assert _pairs(story) == {
        ("Peru", "Chile", "25%"),
        ("Peru", "Bolivia", "25%"),
        ("Peru", "European Union", "25%"),
    }


def test_the_country_of_who_speaks_of_a_measure_is_no_target() -> None:
    story = (
        "Mercosur will raise its import duty on steel bars to 35% from July 1."
        " Uruguay's Minister of Economy said the bloc would review the steel duty after a year."
    )
    assert {on for _by, on, _rate in _pairs(story)} == {None}


def test_a_measure_told_only_as_what_a_union_has_is_no_measure() -> None:
    story = (
        "Mercosur will raise its import duty on steel bars to 35% from July 1. The bloc groups"
        " Brazil, Argentina, Paraguay and Uruguay and keeps a common external tariff."
    )
    assert _pairs(story) == {("Mercosur", None, "35%")}


def test_a_country_given_a_rate_is_no_fallback_imposer() -> None:
    story = "The duties, set at 20% for Chile and 15% for Bolivia, took effect on Friday."
    assert not {by for by, _on, _rate in _pairs(story)} & {"Chile", "Bolivia"}


@pytest.mark.parametrize(
    "story",
    [
        "Chile (25%), Bolivia (30%) and Ecuador (15%) were hit by the new Peruvian tariffs.",
        "Chile (25%), Bolivia (30%) and Ecuador (15%) were hit by Peru's tariffs.",
    ],
)
def test_countries_hit_by_a_countrys_tariffs_are_its_targets(story: str) -> None:
    assert _pairs(story) == {
        ("Peru", "Chile", "25%"),
        ("Peru", "Bolivia", "30%"),
        ("Peru", "Ecuador", "15%"),
    }
