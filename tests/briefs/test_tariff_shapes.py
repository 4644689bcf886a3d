"""Shapes of news writing that failed on unseen text (issue 13, session 6): each test is a
sentence of our own in the shape that failed, several wordings where the shape has them."""

from __future__ import annotations

import pytest

from briefs.drafting import draft_brief
from briefs.drafting.tariffs.products import products_after
from briefs.rates import normalise_rate
from tests.briefs.drafted import tariff_pairs as _pairs
from tests.briefs.drafted import tariff_rows as _rows

# --- a measure named in two words ("a safeguard duty on …") is read past both ------------------


@pytest.mark.parametrize(
    ("story", "row"),
    [
        (
            "Peru already collects a safeguard duty on imported frozen squid.",
            ("Peru", None, None, "in force"),
        ),
        (
            "Kenya has long applied an anti-dumping duty on Egyptian sugar.",
            ("Kenya", "Egypt", None, "in force"),
        ),
    ],
)
def test_a_measure_in_two_words_without_a_rate_is_kept(story: str, row: tuple) -> None:
    assert _rows(story) == {row}


# --- gapped lists: each rate with the country written beside it --------------------------------


@pytest.mark.parametrize(
    ("story", "pairs"),
    [
        (
            "Washington will apply duties of 18% to Chile and 27% to Peru from October 1.",
            {("United States", "Chile", "18%"), ("United States", "Peru", "27%")},
        ),
        (
            "The US raised its tariffs on Norway to 20%, on Iceland to 32% and on Kenya to 11%.",
            {
                ("United States", "Norway", "20%"),
                ("United States", "Iceland", "32%"),
                ("United States", "Kenya", "11%"),
            },
        ),
    ],
)
def test_each_rate_of_a_gapped_list_keeps_its_own_country(story: str, pairs: set) -> None:
    assert _pairs(story) == pairs


@pytest.mark.parametrize(
    ("story", "pairs"),
    [
        (
            "Brazil will charge 10% and 15% on steel from Mexico and India.",
            {("Brazil", "Mexico", "10%"), ("Brazil", "India", "15%")},
        ),
        (
            "India set anti-dumping duties of 9.1%, 12.5% and 20% on glass from China, Malaysia"
            " and Thailand.",
            {
                ("India", "China", "9.1%"),
                ("India", "Malaysia", "12.5%"),
                ("India", "Thailand", "20%"),
            },
        ),
    ],
)
def test_a_list_of_rates_beside_a_list_of_as_many_countries_pairs_in_order(
    story: str, pairs: set
) -> None:
    assert _pairs(story) == pairs


# --- status: what is prepared, agreed, offered or threatened is not yet charged ----------------


@pytest.mark.parametrize(
    ("story", "status"),
    [
        ("Ghana is preparing an import tax of 35% on frozen poultry.", "proposed"),
        ("Kenya is drawing up a levy of 20% on imported cement.", "proposed"),
        (
            "Chile welcomed a deal with the US to lower tariffs on Chilean copper to 10%.",
            "announced",
        ),
        (
            "Norway signed an agreement with the EU to cut duties on Norwegian salmon to 2%.",
            "announced",
        ),
        (
            "Peru said it was ready to negotiate to bring its tariffs on US wheat down to zero.",
            "offered removal",
        ),
        (
            "The US said it would impose a 40% tariff on Colombian coffee unless Bogota dropped"
            " the lawsuit.",
            "threatened",
        ),
    ],
)
def test_a_measure_not_yet_charged_gets_its_state(story: str, status: str) -> None:
    assert {row[3] for row in _rows(story)} == {status}


# --- the country whose companies pay a duty collects it ---------------------------------------


@pytest.mark.parametrize(
    "story",
    [
        "Kenyan companies buying Egyptian sugar must pay a 30% duty.",
        "Kenyan firms importing Egyptian sugar pay a 30% duty.",
    ],
)
def test_the_country_whose_companies_buy_the_goods_imposes(story: str) -> None:
    assert _pairs(story) == {("Kenya", "Egypt", "30%")}


# --- "until Washington lifts its tariffs": a measure that stands until then -------------------


@pytest.mark.parametrize(
    "story",
    [
        "Norway's 30% surtax on US whiskey will stay until Washington lifts its own tariffs on"
        " Norwegian salmon.",
        "Chile will keep its 15% duty on Peruvian sugar until Peru removes its levy on Chilean"
        " wine.",
    ],
)
def test_a_measure_named_in_an_until_clause_is_still_charged(story: str) -> None:
    assert {row[3] for row in _rows(story)} == {"in force"}


# --- "Washington had threatened a 32% rate": the one who threatened imposes ------------------


@pytest.mark.parametrize(
    "story",
    [
        "Norway had threatened a 30% levy before the talks began.",
        "Norway has threatened a 30% levy, officials said.",
    ],
)
def test_a_country_that_threatened_a_rate_is_its_imposer(story: str) -> None:
    assert {(by, rate) for by, _on, rate in _pairs(story)} == {("Norway", "30%")}


# --- "will cut its tariff to zero": a removal still to come, decided once a date is set --------


@pytest.mark.parametrize(
    ("story", "status"),
    [
        (
            "Under the deal, Norway will cut its 10% tariff on Chilean wine to zero.",
            "offered removal",
        ),
        (
            "Norway will bring its 10% tariff on Chilean wine down to zero once the pact is"
            " ratified.",
            "offered removal",
        ),
        ("Norway will cut its 10% tariff on Chilean wine to zero on January 1.", "removed"),
    ],
)
def test_a_cut_to_zero_still_to_come(story: str, status: str) -> None:
    assert {row[3] for row in _rows(story)} == {status}


# --- "range from 5% for X to 21% for Y": a range split by whose rate each end is --------------


def test_a_range_split_by_its_parts_gives_each_end_its_country() -> None:
    story = (
        "Peru set anti-dumping duties on glass from Chile and Bolivia on Monday. The duties"
        " range from 5% for Bolivian makers to 21% for Chilean mills."
    )
    assert _pairs(story) == {("Peru", "Bolivia", "5%"), ("Peru", "Chile", "21%")}


# --- "up to 30% on A and B", then B's own rate: the ceiling is not B's -----------------------


def test_a_lists_ceiling_yields_to_a_targets_own_rate() -> None:
    story = (
        "Peru will impose duties of up to 30% on glass from Chile and Bolivia. Bolivian makers"
        " will pay 12%."
    )
    assert _pairs(story) == {("Peru", "Chile", "30%"), ("Peru", "Bolivia", "12%")}


# --- "the Department of Foreign Trade said": no word of every origin -------------------------


@pytest.mark.parametrize(
    "story",
    [
        "Peru set duties on Chilean glass. Chilean mills will pay 30%, the Department of Foreign"
        " Trade said.",
        "Peru set duties on Chilean glass. Chilean mills will pay 30%, the foreign minister said.",
    ],
)
def test_a_body_or_title_with_foreign_in_it_names_no_origin(story: str) -> None:
    assert _pairs(story) == {("Peru", "Chile", "30%")}


# --- "its tariffs on those sectors": words that point back name no goods ----------------------


@pytest.mark.parametrize(
    "phrase",
    ["on those sectors", "on these products", "on that industry's goods", "on those industries"],
)
def test_a_pointing_phrase_names_no_goods(phrase: str) -> None:
    assert products_after(f" {phrase}.") == []


# --- "had threatened 32% before the two sides struck a deal": a threat the deal superseded -----


@pytest.mark.parametrize(
    "story",
    [
        "Norway charges 15% on Chilean salmon. Norway had threatened a 40% levy before the two"
        " sides reached a deal in May.",
        "Norway charges 15% on Chilean salmon. Norway had earlier threatened duties of 40% until"
        " an agreement was signed.",
    ],
)
def test_a_threat_a_deal_superseded_is_dropped(story: str) -> None:
    assert _pairs(story) == {("Norway", "Chile", "15%")}


# --- part of a measure lifted, the rest still charged: two entries ---------------------------


def test_a_rate_lifted_on_some_goods_and_kept_on_others_is_two_measures() -> None:
    story = (
        "Norway scrapped its 30% duty on Chilean fruit on Monday. Salmon, wine and copper remain"
        " subject to the extra 30%."
    )
    assert _rows(story) == {
        ("Norway", "Chile", "30%", "removed"),
        ("Norway", "Chile", "30%", "in force"),
    }


def test_the_rate_named_again_after_quotes_keeps_its_measure() -> None:
    story = (
        "Norway scrapped its 30% duty on Chilean fruit on Monday. It also charges 10% on"
        ' Peruvian fish. "This is fair," the minister said. "We listened." "More will come."'
        " Salmon, wine and copper remain subject to the extra 30%."
    )
    assert _rows(story) == {
        ("Norway", "Chile", "30%", "removed"),
        ("Norway", "Peru", "10%", "in force"),
        ("Norway", "Chile", "30%", "in force"),
    }


# --- a rate sentence that names no one, after one naming the sellers -------------------------


def test_a_rate_for_them_is_for_the_sellers_named_just_before() -> None:
    story = (
        "Peru will levy anti-dumping duties on glass from Chile and Bolivia. Chilean makers will"
        " pay 21%. The probe also found dumping by producers in Bolivia. The rate set for them"
        " is 12%."
    )
    assert _pairs(story) == {("Peru", "Chile", "21%"), ("Peru", "Bolivia", "12%")}


# --- the mention that dates the start tells the state of the day --------------------------------


@pytest.mark.parametrize(
    ("story", "status"),
    [
        (  # the story's day is a Tuesday
            "Peru will levy duties of 20% on Chilean glass, the ministry said. The duties take"
            " effect from Tuesday.",
            "in force",
        ),
        (
            "Peru has imposed duties of 20% on Chilean glass, the ministry said. The duties take"
            " effect from September 1.",
            "announced",
        ),
    ],
)
def test_the_mention_that_dates_the_start_sets_the_status(story: str, status: str) -> None:
    assert {row[3] for row in _rows(story)} == {status}


# --- the preliminary rate a final one will replace is charged until then -----------------------


def test_a_rate_the_coming_final_rates_fall_below_is_charged_until_then() -> None:
    story = (
        "Peru has cut the anti-dumping duties it will charge on glass from Chile, setting final"
        " rates of 4% for Chilean makers, far below the 60% preliminary rate."
    )
    assert _rows(story) == {
        ("Peru", "Chile", "4%", "announced"),
        ("Peru", "Chile", "60%", "in force"),
    }


# --- "faces the 15% tariff Washington has applied to most EU goods": the goods it names --------


def test_the_goods_a_measure_was_applied_to_name_its_target() -> None:
    story = (
        "Italian wine sold in Peru also faces the 12% duty Peru has applied to most European"
        " Union goods since May."
    )
    assert _pairs(story) == {("Peru", "European Union", "12%")}


# --- export duties cut on some goods and scrapped on others --------------------------------------


def test_export_duties_lowered_on_some_goods_and_scrapped_on_others() -> None:
    story = (
        "Paraguay on Tuesday lowered export duties on cotton and eliminated those on maize. The"
        " duty on cotton falls to 8% from 12%, while cotton seed will pay 6%. The duty on"
        " sesame was cut to 3%."
    )
    assert _rows(story) == {
        ("Paraguay", None, "8%", "in force"),
        ("Paraguay", None, "6%", "announced"),
        ("Paraguay", None, "3%", "in force"),
    }


def test_a_countrys_export_duties_are_its_own() -> None:
    assert _pairs("Paraguay lowered export duties on cotton to 8%.") == {("Paraguay", None, "8%")}


# --- "importers of X made in Japan and shipped to China must pay deposits of …" ---------------


def test_goods_made_in_a_country_before_the_measure_name_its_target() -> None:
    story = (
        "Peru said importers of glass made in Chile and shipped to Peru must pay deposits of 20%"
        " of the value, starting the same day."
    )
    assert _pairs(story) == {("Peru", "Chile", "20%")}


# --- "The duties take effect from Tuesday" after a list: said of each target -------------------


def test_a_start_said_of_a_lists_measure_is_each_targets() -> None:
    story = (  # the story's day is a Tuesday
        "Peru will levy anti-dumping duties on glass from Chile, Bolivia and Ecuador for five"
        " years. The duties take effect from Tuesday. Companies from Chile will pay 12%, while"
        " rates for Bolivian firms range from 9% to 15%. The rate set for Ecuador is 20%."
    )
    assert {row[3] for row in _rows(story)} == {"in force"}


# --- "Rivals in the EU, whose spirits face a 15% US tariff, are pressing for an exemption" -----


@pytest.mark.parametrize(
    "story",
    [
        "Makers in Chile, whose wines face a 12% Peruvian duty, are still pressing for an"
        " exemption.",
        "Chile, whose copper faces a 12% Peruvian duty, has asked for a suspension.",
    ],
)
def test_whose_goods_face_a_rate_names_the_target_and_a_request_no_state(story: str) -> None:
    assert _rows(story) == {("Peru", "Chile", "12%", "in force")}


def test_a_rate_still_charged_beside_its_lifting_on_some_goods_is_two_measures() -> None:
    story = (
        "Chile welcomed Peru's decision to lift its 20% duty on Chilean fruit, but said it would"
        " keep pushing for the removal of a 20% levy that still hits its wine. Peru signed an"
        " order on Monday scrapping the 20% duty on more than 90 farm products."
    )
    assert {(rate, status) for _by, _on, rate, status in _rows(story)} == {
        ("20%", "in force"),
        ("20%", "removed"),
    }


def test_the_extra_rate_named_again_is_the_added_measure() -> None:
    story = (
        "Peru will suspend an additional 24% tariff on Chilean goods for a year. A 10% tariff"
        " on Chilean goods stays in place, while the extra 24% stays suspended from Monday."
    )
    assert _rows(story) == {
        ("Peru", "Chile", "24%", "suspended"),
        ("Peru", "Chile", "10%", "in force"),
    }


# --- a quota's rates: "a tariff of 0% will apply to up to …", "well below the 50% charged" -----


def test_a_quotas_rates_beside_the_rate_normally_charged() -> None:
    story = (
        "Peru will let more fruit in duty-free from January, the ministry said. Under the plan,"
        " a tariff of 0% will apply to up to 30,000 tons of bananas. Oranges will also get a"
        " quota. The rate within it will be 10%, well below the 50% normally charged."
    )
    assert _rows(story) == {
        ("Peru", None, "0%", "announced"),
        ("Peru", None, "10%", "announced"),
        ("Peru", None, "50%", "in force"),
    }


def test_a_cut_to_zero_is_still_no_rate() -> None:
    assert _pairs("Peru cut its tariff on Chilean wine to 0% on Monday.") == {
        ("Peru", "Chile", None)
    }


def test_whose_goods_of_any_name_face_a_rate_names_the_target() -> None:
    story = "Rivals in Chile, whose wines face a 12% Peruvian duty, want the same deal."
    assert _pairs(story) == {("Peru", "Chile", "12%")}


# --- countries handed rates in a list: never the imposer ---------------------------------------


def test_countries_handed_rates_are_targets_of_the_story_imposer() -> None:
    story = (
        "Peru sent letters to nine countries on Monday, setting new duties. Chile and Bolivia"
        " will be charged 15%, while Ecuador faces 20%. Brazil was told its goods would be"
        " taxed at 25%, Uruguay at 30% and Paraguay and Colombia at 35%."
    )
    assert _rows(story) == {
        ("Peru", "Chile", "15%", "announced"),
        ("Peru", "Bolivia", "15%", "announced"),
        ("Peru", "Ecuador", "20%", "announced"),
        ("Peru", "Brazil", "25%", "announced"),
        ("Peru", "Uruguay", "30%", "announced"),
        ("Peru", "Paraguay", "35%", "announced"),
        ("Peru", "Colombia", "35%", "announced"),
    }


def test_an_umbrella_mention_beside_the_imposers_own_measures_is_no_measure() -> None:
    story = (
        "Peru said on Monday it would retaliate with duties. It will charge 15% on Chilean wine"
        " from October 1."
    )
    assert _pairs(story) == {("Peru", "Chile", "15%")}


# --- per-unit ranges, a list's ceiling with a range after it, every origin's basic duty ---------


def test_a_per_unit_range_after_a_lists_ceiling_is_each_targets_rate() -> None:
    story = (
        "Peru has imposed an anti-dumping duty of up to $500 per tonne on glass from Chile and"
        " Bolivia. The duty will range from $120 per tonne to $500 per tonne depending on the"
        " exporter."
    )
    assert _pairs(story) == {
        ("Peru", "Chile", normalise_rate("$120 per tonne to $500 per tonne")),
        ("Peru", "Bolivia", normalise_rate("$120 per tonne to $500 per tonne")),
    }


def test_a_basic_customs_duty_applies_to_every_origin() -> None:
    story = (
        "Peru imposed an anti-dumping duty on glass from Chile on Monday. Peru already levies a"
        " basic customs duty of 10% on glass."
    )
    assert _pairs(story) == {("Peru", "Chile", None), ("Peru", None, "10%")}


# --- "will cut the tariff on U.S. rice imported outside its quota to zero" ---------------------


def test_goods_imported_outside_a_quota_keep_their_origin_and_the_cut_its_state() -> None:
    story = (
        "Peru will cut the tariff on U.S. rice imported outside its minimum-access quota to zero"
        " under the deal, officials said, without giving a date."
    )
    assert _rows(story) == {("Peru", "United States", None, "offered removal")}


# --- "The measure also covers imports from …": more targets of the measure named before --------


def test_a_measure_that_also_covers_more_origins_keeps_its_rate_and_state() -> None:
    story = (
        "Peru on Wednesday approved tariffs of up to 40% on cars from Chile. The duties will take"
        " effect on Jan. 1. Cars will face the top rate, up from 15% now. The measure also covers"
        " imports from Bolivia and Ecuador, and also covers Chile again."
    )
    assert _rows(story) == {
        ("Peru", "Chile", "40%", "announced"),
        ("Peru", "Chile", "15%", "in force"),
        ("Peru", "Bolivia", "40%", "announced"),
        ("Peru", "Ecuador", "40%", "announced"),
    }


# --- shares and volume changes are no rates of duty -------------------------------------------


@pytest.mark.parametrize(
    "story",
    [
        "Peru's tariffs account for about 9 per cent of the value of its imports.",
        "Peru proposed a quota regime for steel that would cut duty-free volumes by 40%.",
    ],
)
def test_a_share_or_a_volume_change_is_no_rate(story: str) -> None:
    assert all(rate is None for _by, _on, rate in _pairs(story))


# --- an explainer's bullets: labels, concessions and reasons are no parties --------------------


def test_an_explainers_bullets_keep_the_story_imposer() -> None:
    story = (
        "Peru has introduced a wave of new tariffs this year. Here is where things stand.\n\n"
        "- Cars: most foreign-made cars pay 20%, although Chile and Bolivia have deals that lower"
        " the rate.\n"
        "- Ecuador: goods from Ecuador face a 30% rate, after an extra 10% penalty over its"
        " purchases of Russian oil took effect on 27 June.\n"
        "- Brazil: a 25% levy applies to many Brazilian goods, though coffee is exempt."
    )
    assert _rows(story) == {
        ("Peru", None, "20%", "in force"),
        ("Peru", "Ecuador", "30%", "in force"),
        ("Peru", "Ecuador", "10%", "in force"),
        ("Peru", "Brazil", "25%", "in force"),
    }


def test_a_call_on_the_imposer_to_drop_a_measure_is_no_removal() -> None:
    story = (
        "Peru imposed a 20% surtax on Chilean wine last year. Winemakers called on Lima's"
        " government to drop the surtax on Monday."
    )
    assert {row[3] for row in _rows(story)} == {"in force"}


def test_a_later_start_said_with_take_effect_dates_the_measure() -> None:
    story = (
        "Peru has extended the safeguard duty on steel at a reduced rate of 9%, the commission"
        " said. The lower rate takes effect on September 1."
    )
    assert _rows(story) == {("Peru", None, "9%", "announced")}


def test_a_rate_left_in_place_by_a_pause_is_the_same_parties_measure() -> None:
    story = (
        "Chile has warned it may retaliate against Peru's tariffs of 30% on most Chilean goods,"
        " which Lima paused for 90 days in April, leaving a 10% baseline rate in place."
    )
    assert _rows(story) == {
        ("Peru", "Chile", "30%", "suspended"),
        ("Peru", "Chile", "10%", "in force"),
    }


def test_those_in_a_country_who_got_a_rate_are_its_target() -> None:
    story = (
        "Peru set countervailing duties on glass from Chile, Bolivia and Ecuador on Monday."
        " Chilean producers face rates of up to 40%, while those in Bolivia got rates of 30%"
        " and Ecuadorian firms 20%."
    )
    assert _pairs(story) == {
        ("Peru", "Chile", "40%"),
        ("Peru", "Bolivia", "30%"),
        ("Peru", "Ecuador", "20%"),
    }


# --- more words of state: courts, terminations, bills, threats of what could come ---------------


@pytest.mark.parametrize(
    ("story", "status"),
    [
        ("A court struck down Norway's 20% tariff on Chilean wine on Monday.", "removed"),
        ("Norway terminated its 20% tariff on Chilean wine.", "removed"),
        ("An Oslo court blocked Norway's 20% tariff on Chilean wine.", "suspended"),
        ("Norway could slap a 20% tariff on Chilean wine as early as next week.", "threatened"),
        ("Norway said it was ready to impose a 20% tariff on Chilean wine.", "threatened"),
        ("Norway's parliament is debating a bill for a 20% tariff on Chilean wine.", "proposed"),
    ],
)
def test_more_words_of_a_measures_state(story: str, status: str) -> None:
    assert {row[3] for row in _rows(story)} == {status}


# --- announced in a month gone by, due from next Monday, a planned duty put on hold -------------


@pytest.mark.parametrize(
    ("story", "date", "status"),
    [
        ("Norway announced a 10% tariff on all imports in February.", "2025-04-03", "in force"),
        (
            "Norway imposed provisional duties of 20% on Chilean glass, which importers must pay"
            " from next Monday.",
            "2025-04-03",
            "announced",
        ),
        (
            "Norway has put its planned 20% duty on Chilean glass on hold.",
            "2025-04-03",
            "suspended",
        ),
    ],
)
def test_a_months_and_days_place_against_the_articles_date(
    story: str, date: str, status: str
) -> None:
    assert {row[3] for row in _rows(story, date)} == {status}


# --- lists of rates after the sentence naming the targets --------------------------------------


@pytest.mark.parametrize(
    ("story", "pairs"),
    [
        (
            "Norway imposed anti-dumping duties on steel bars from Chile, Bolivia and Ecuador."
            " The rates are 12%, 15% and 20% respectively.",
            {
                ("Norway", "Chile", "12%"),
                ("Norway", "Bolivia", "15%"),
                ("Norway", "Ecuador", "20%"),
            },
        ),
        (
            "Norway imposed anti-dumping duties on steel bars from Chile and Bolivia. Chilean"
            " mills will pay 12%, Bolivian ones 15%.",
            {("Norway", "Chile", "12%"), ("Norway", "Bolivia", "15%")},
        ),
        (
            "Norway imposed anti-dumping duties on steel bars. The duties apply to shipments from"
            " Chile and Bolivia and range from 12% to 15%.",
            {
                ("Norway", "Chile", normalise_rate("12% to 15%")),
                ("Norway", "Bolivia", normalise_rate("12% to 15%")),
            },
        ),
    ],
)
def test_rates_given_after_the_targets_were_named(story: str, pairs: set) -> None:
    assert _pairs(story) == pairs


def test_the_first_measure_named_with_no_one_is_the_datelines_country() -> None:
    story = (
        "Rice tariff cut to 15%\n\nBy Ana Ruiz\n\nLIMA, Peru (AP) — June 21, 2024 — A decree"
        " published on Friday cuts the tariff on imported rice to 15% until 2028, officials"
        " said.\n\nFarmers said the move would hurt growers.\n"
    )
    assert [(t.imposed_by, t.imposed_on, t.rate) for t in draft_brief(story).tariffs] == [
        ("Peru", None, "15%")
    ]


def test_an_end_of_a_range_named_again_is_part_of_the_range() -> None:
    story = (
        "Norway will impose anti-dumping duties of between 24% and 62% on Chilean plywood from"
        " Friday. Companies that did not cooperate with the inquiry will pay 62%."
    )
    assert _pairs(story) == {("Norway", "Chile", normalise_rate("24% to 62%"))}


# --- a start on the article's own date, a deal still to be made -------------------------------


def test_a_raise_from_the_articles_own_date_is_charged_and_the_old_rate_gone() -> None:
    story = "Norway will raise its tariff on frozen beef from Chile to 38% from 22% from July 15."
    assert _rows(story) == {("Norway", "Chile", "38%", "in force")}


def test_a_rate_a_deal_not_yet_made_would_set_is_proposed() -> None:
    story = (
        "Norway and Chile are close to a trade deal that would cut the 30% tariff Norway imposes"
        " on Chilean salmon to 10%, officials said."
    )
    assert _rows(story) == {
        ("Norway", "Chile", "30%", "in force"),
        ("Norway", "Chile", "10%", "proposed"),
    }


def test_a_minimum_per_unit_beside_a_percentage_is_no_rate_of_its_own() -> None:
    story = (
        "Norway will impose an additional 40% tariff on cars from Chile, with a minimum of"
        " $7,000 per vehicle, from next month."
    )
    assert _pairs(story) == {("Norway", "Chile", "40%")}


@pytest.mark.parametrize(
    ("story", "status"),
    [
        ("Norway has put forward a 25% tariff on Chilean wine.", "proposed"),
        ("Norway is seeking approval for a 25% tariff on Chilean wine.", "proposed"),
        ("Norway let its 25% duty on Chilean wine expire.", "removed"),
        ("Norway allowed its 25% duty on Chilean wine to lapse.", "removed"),
        ("Norway's 25% duty on Chilean wine ended on Monday.", "removed"),
    ],
)
def test_words_of_proposal_and_of_an_end(story: str, status: str) -> None:
    assert {row[3] for row in _rows(story)} == {status}


# --- talk of tariffs that names no measure ----------------------------------------------------


@pytest.mark.parametrize(
    "story",
    [
        "Once in force, the pact will remove duties on 90% of Norwegian exports to Chile.",
        "Chile and Peru agreed to work toward lowering tariffs on farm goods over the next decade.",
        "Norway's exports to Chile rose 12% last year despite tariffs.",
        "Norway's trade minister said tariffs were not on the table.",
    ],
)
def test_talk_of_tariffs_names_no_measure(story: str) -> None:
    assert _rows(story) == set()


# --- a verb with its rate names the measure; a conditional retaliation threatens ---------------


@pytest.mark.parametrize(
    ("story", "row"),
    [
        (
            "Norway will impose 25% on US whiskey from August 1.",
            ("Norway", "United States", "25%", "announced"),
        ),
        (
            "Norway slapped 25% on US whiskey on Monday.",
            ("Norway", "United States", "25%", "in force"),
        ),
        (
            "Under the plan, Norway would levy 25% on US whiskey.",
            ("Norway", "United States", "25%", "announced"),
        ),
        (
            "Norway said it would hit back with 25% duties on US whiskey if Washington went ahead.",
            ("Norway", "United States", "25%", "threatened"),
        ),
    ],
)
def test_a_verb_with_its_rate_and_a_conditional_retaliation(story: str, row: tuple) -> None:
    assert _rows(story) == {row}


def test_two_countries_cutting_tariffs_on_each_other_each_impose_their_rate() -> None:
    story = "Norway and Chile agreed to cut their tariffs on each other to 12% and 8% respectively."
    assert _pairs(story) == {("Norway", "Chile", "12%"), ("Chile", "Norway", "8%")}


@pytest.mark.parametrize(
    ("story", "status"),
    [
        ("An order signed on Friday exempts Chilean wine from Norway's 25% tariff.", "removed"),
        (
            "An order signed on Friday exempts Chilean wine from Norway's 25% tariff for six"
            " months.",
            "suspended",
        ),
    ],
)
def test_an_exemption_for_good_removes_and_for_a_time_suspends(story: str, status: str) -> None:
    assert {row[3] for row in _rows(story)} == {status}


def test_the_end_of_a_duty_welcomed_by_its_target_is_a_removal() -> None:
    story = "Chile, which had lobbied hard, praised the end of the 17% Norwegian duty on salmon."
    assert _rows(story) == {("Norway", "Chile", "17%", "removed")}


def test_the_country_whose_companies_pay_a_tariff_imposes_it() -> None:
    story = "The tariff is paid by Norwegian companies, not by Chile, economists say."
    assert {by for by, _on, _rate in _pairs(story)} == {"Norway"}


@pytest.mark.parametrize(
    ("story", "row"),
    [
        (
            "Norway has threatened 30% on goods from Chile.",
            ("Norway", "Chile", "30%", "threatened"),
        ),
        (
            "Chile said it would respond to the 25% Norwegian tariff on Chilean salmon.",
            ("Norway", "Chile", "25%", "in force"),
        ),
        (
            "Chile vowed to retaliate against the 25% Norwegian tariff on its salmon.",
            ("Norway", "Chile", "25%", "in force"),
        ),
    ],
)
def test_a_threatened_rate_and_a_measure_responded_to(story: str, row: tuple) -> None:
    assert _rows(story) == {row}
