"""Rates and parties read clause by clause in shapes that failed on fresh text (issue 13,
session 7): sentences of our own, several wordings where the shape allows."""

from __future__ import annotations

import pytest

from tests.briefs.drafted import draft_story, tariff_pairs, tariff_rows

JP, CN, KR, US = "Japan", "China", "South Korea", "United States"


# --- a rate written after a rate noun continues the measure ------------------------------------


@pytest.mark.parametrize(
    "second",
    [
        "Thai exporters will pay rates between 2.8% and 25.8%.",
        "Thai exporters were given rates of 2.8% to 25.8%.",
        "Thai producers face duties between 2.8% and 25.8%.",
    ],
)
def test_a_rate_after_a_rate_noun_continues_the_measure(second: str) -> None:
    story = f"The US set final anti-dumping duties on frozen fish from Thailand. {second}"
    assert tariff_pairs(story) == {(US, "Thailand", "2.8%-25.8%")}


# --- a range per target, each after "for" -------------------------------------------------------


@pytest.mark.parametrize(
    "first",
    [
        "Japan will impose anti-dumping duties on steel sheet from China and South Korea.",
        "Japan will impose anti-dumping duties of up to 63.5 percent on steel sheet from China"
        " and South Korea.",
    ],
)
def test_each_range_after_for_is_its_targets_rate(first: str) -> None:
    story = (
        f"{first} The duties range from 16.9 percent to 63.5 percent for Chinese makers and"
        " from 13.2 percent to 38.1 percent for South Korean ones."
    )
    assert tariff_pairs(story) == {(JP, CN, "16.9%-63.5%"), (JP, KR, "13.2%-38.1%")}


# --- a duty per unit given as a range, and the steps of a schedule -------------------------------


@pytest.mark.parametrize(
    ("story", "rate"),
    [
        (
            "Potash from Belarus now faces an EU duty of 40 to 45 euros per tonne.",
            "40 to 45 euros per tonne",
        ),
        (
            "Potash from Belarus now faces an EU duty of €40 to €45 per tonne.",
            "€40 to €45 per tonne",
        ),
    ],
)
def test_a_per_unit_range_in_currency_words_is_one_rate(story: str, rate: str) -> None:
    assert {t.rate for t in draft_story(story).tariffs} == {rate}


@pytest.mark.parametrize(
    "story",
    [
        "Potash from Belarus now faces an EU duty of 40 euros per tonne, rising in steps to"
        " about 315 euros per tonne by 2028.",
        "Belarus potash now pays a 6.5% EU duty, increasing gradually to 30% by 2030.",
    ],
)
def test_a_later_step_dated_by_its_year_is_no_rate_of_its_own(story: str) -> None:
    assert len(draft_story(story).tariffs) == 1


# --- goods "not made in" a country are not that country's -------------------------------------


@pytest.mark.parametrize(
    "story",
    [
        "The US also charges 50% on Canadian steel and aluminium, and 25% on cars and parts"
        " that are not made in the US.",
        "The US charges 50% on Canadian steel, and 25% on trucks not built in the US.",
    ],
)
def test_goods_not_made_in_a_country_name_no_party(story: str) -> None:
    assert tariff_pairs(story) == {(US, "Canada", "50%"), (US, "Canada", "25%")}


# --- "the duties will also apply to …": more targets of the measure named before ----------------


@pytest.mark.parametrize(
    "second",
    [
        "The new levies will also apply to goods from Chile, Peru and Colombia.",
        "The levies would also cover imports from Chile, Peru and Colombia.",
        "The duties also apply to goods from Chile, Peru and Colombia.",
        "The measure will be extended to bars from Chile, Peru and Colombia.",
    ],
)
def test_a_measure_that_will_also_apply_to_more_origins_gives_each_its_rate(second: str) -> None:
    story = f"Ecuador approved a 30% duty on steel bars from Panama. {second}"
    assert tariff_pairs(story) == {
        ("Ecuador", country, "30%") for country in ("Panama", "Chile", "Peru", "Colombia")
    }


def test_duties_that_could_hit_plans_cover_no_origin() -> None:
    story = (
        "Ecuador approved a 30% safeguard duty on steel bars. The duties could hit growth plans"
        " in Chile and Peru, officials said."
    )
    assert tariff_pairs(story) == {("Ecuador", None, "30%")}


# --- "range from 7.8% for one firm to 35.3% for another": one range when no country splits it --


@pytest.mark.parametrize(
    "second",
    [
        "The duties range from 7.8% for Tesla to 35.3% for SAIC.",
        "Rates vary from 7.8% for the best cooperating firm to 35.3% for the rest.",
    ],
)
def test_a_range_whose_ends_are_firms_is_one_rate(second: str) -> None:
    story = f"The EU confirmed countervailing duties on electric cars from China. {second}"
    assert tariff_pairs(story) == {("European Union", CN, "7.8%-35.3%")}


# --- a deposit is a provisional duty's rate ------------------------------------------------------


@pytest.mark.parametrize(
    "story",
    [
        "China will require importers of Canadian canola seed to pay a deposit of 75.8 per cent"
        " from Thursday.",
        "Beijing will require importers of Canadian canola seed to post a 75.8 per cent deposit.",
    ],
)
def test_a_deposit_of_a_rate_is_a_measure(story: str) -> None:
    assert tariff_pairs(story) == {(CN, "Canada", "75.8%")}


# --- "on top of a 10% customs duty": the base duty every origin pays ----------------------------


@pytest.mark.parametrize(
    "second",
    [
        "The new levy comes on top of a 10 percent customs duty.",
        "It is charged on top of the standard 10 percent import duty on cars.",
    ],
)
def test_a_base_duty_on_top_of_which_a_measure_comes_has_no_target(second: str) -> None:
    story = f"Turkey imposed an additional 40 percent tariff on electric cars from China. {second}"
    assert tariff_pairs(story) == {("Turkey", CN, "40%"), ("Turkey", None, "10%")}


# --- a threat a later deal replaced: "had threatened" beside the deal's rate --------------------


@pytest.mark.parametrize(
    "threat",
    [
        "The US had threatened to raise the rate to 25 percent from August 1.",
        "Washington had earlier threatened a 25 percent tariff on Japanese goods.",
    ],
)
def test_a_threat_beside_the_rate_a_deal_set_is_dropped(threat: str) -> None:
    story = (
        "Under the deal, the United States will lower its tariffs on Japanese goods to 15"
        f" percent. {threat}"
    )
    assert tariff_pairs(story) == {(US, JP, "15%")}


# --- words against tariffs in general name no measure ------------------------------------------


@pytest.mark.parametrize(
    "story",
    [
        "Premier Li Qiang of China said the pact sent a signal against protectionism and"
        " unilateral tariffs.",
        "China's commerce minister said both sides opposed unilateralism and arbitrary tariffs.",
    ],
)
def test_words_against_tariffs_in_general_are_no_measure(story: str) -> None:
    assert tariff_pairs(story) == set()


def test_the_next_range_of_a_list_far_from_the_measure_word_is_kept() -> None:
    story = (
        "Japan will impose anti-dumping duties on steel sheet from China and South Korea. The"
        " duties, which take effect on Sept. 20 after a long review, range from 16.9 percent to"
        " 63.5 percent for Chinese makers and from 13.2 percent to 38.1 percent for South Korean"
        " ones."
    )
    assert tariff_pairs(story) == {(JP, CN, "16.9%-63.5%"), (JP, KR, "13.2%-38.1%")}


# --- a lifting said of some goods beside a rate kept on others: two measures --------------------


@pytest.mark.parametrize(
    ("story", "lifted"),
    [
        (
            "Peru will remove its counter-tariffs on hundreds of Chilean goods from June 1. Its 20%"
            " levies on Chilean wine and fruit will stay in place.",
            "removed",
        ),
        (
            "Peru has offered to cut its duties on Chilean grapes and apples. Peru charges 40% on"
            " some Chilean farm goods.",
            "offered removal",
        ),
    ],
)
def test_a_lifting_without_a_rate_beside_a_rate_kept_on_other_goods(
    story: str, lifted: str
) -> None:
    rows = tariff_rows(story)
    assert {(by, on, status) for by, on, _rate, status in rows} == {
        ("Peru", "Chile", lifted),
        ("Peru", "Chile", "in force"),
    }
    assert {rate for *_rest, rate, _status in rows if rate} and len(rows) == 2


# --- an economic figure's move is no rate of a measure ------------------------------------------


@pytest.mark.parametrize(
    "figure",
    [
        "Inflation slowed to 1.6% in June.",
        "The economy grew by 3.2% last year.",
        "Exports to the bloc jumped to 12.5% of the total.",
        "Economists raised their growth forecast to 3.2 per cent.",
    ],
)
def test_an_economic_figure_after_a_measure_is_no_rate(figure: str) -> None:
    story = f"Chile will cut its import duty on wheat to 6% from 9% in March. {figure}"
    assert {rate for _by, _on, rate in tariff_pairs(story)} == {"6%", "9%"}


# --- sellers named with a possessive and a long noun are no imposer -----------------------------


def test_a_countrys_sellers_with_a_long_noun_are_no_imposer() -> None:
    story = (
        "Thailand will keep negotiating with Washington to lower the 20 percent tariff on Thai"
        " goods. The rate is higher than the 15 percent applied to Malaysia, and Thailand's"
        " machine tool makers warned of lost orders."
    )
    assert tariff_pairs(story) == {(US, "Thailand", "20%"), (US, "Malaysia", "15%")}


# --- a range one of whose ends was named before is that measure's -------------------------------


def test_a_range_ending_at_a_rate_named_before_is_that_measures() -> None:
    story = (
        "Chile will impose duties of up to 62.4% on pork from Peru, in retaliation for Peru's"
        " tariffs on Chilean wine. Importers will have to pay deposits ranging from 15.6% to"
        " 62.4%, depending on the company."
    )
    assert ("Chile", "Peru", "15.6%-62.4%") in tariff_pairs(story)
    assert not {p for p in tariff_pairs(story) if p[0] == "Peru" and p[2]}


# --- the first rate, its parties unsaid in its clause: the sentence's acting country ------------


def test_the_first_rate_with_no_party_in_its_clause_is_the_speakers_countrys() -> None:
    story = (
        "Duties on soybeans will fall to 26% from 33% in May, while those on corn will drop to"
        " 9.5% from 12%, Uruguay's president said."
    )
    assert {by for by, _on, _rate in tariff_pairs(story)} == {"Uruguay"}
    assert {rate for _by, _on, rate in tariff_pairs(story)} >= {"26%", "9.5%"}


# --- "the 20 percent rate", spoken of by another: the measure of that rate ---------------------


def test_the_rate_named_again_by_a_speaker_is_that_measures() -> None:
    story = (
        "Malaysia will keep negotiating with Washington to lower the 20 percent tariff on"
        " Malaysian goods. Premier Anwar Ibrahim of Malaysia said the 20 percent rate was"
        " temporary."
    )
    assert tariff_pairs(story) == {(US, "Malaysia", "20%")}


# --- "up to 62.4%" and then "ranging from 15.6% to 62.4%": one measure ---------------------------


def test_a_ceiling_then_the_range_it_tops_is_one_measure() -> None:
    story = (
        "Chile will impose duties of up to 62.4% on pork from Peru from Monday. Importers of the"
        " Peruvian pork will pay deposits ranging from 15.6% to 62.4%."
    )
    assert tariff_pairs(story) == {("Chile", "Peru", "15.6%-62.4%")}


# --- a schedule's later years, and a figure that had grown ---------------------------------------


def test_the_rates_of_a_schedules_later_years_are_no_rates_of_their_own() -> None:
    story = (
        "Peru imposed a 12 per cent safeguard duty on steel coils for three years. The duty will"
        " be reduced to 11.5 per cent in the second year and 11 per cent in the third year."
    )
    assert tariff_pairs(story) == {("Peru", None, "12%")}


def test_a_volume_that_had_grown_is_no_rate() -> None:
    story = (
        "Peru imposed duties of 2% to 24% on steel coils from Chile. Local mills said imports"
        " from Chile had grown by 45 per cent in two years."
    )
    assert tariff_pairs(story) == {("Peru", "Chile", "2%-24%")}


# --- "The import tax on cars was cut to 32%": the measure of that kind named before -------------


def test_a_rate_of_a_named_kind_borrows_the_measure_of_that_kind() -> None:
    story = (
        "Laos has lowered its import taxes on several Thai goods, in a bid to avoid steep"
        " Chinese tariffs. The import tax on cars was cut to 32% from 45%."
    )
    assert ("Laos", "Thailand", "32%") in tariff_pairs(story)


# --- the maker of the goods named before the next rate of a list is no imposer ------------------


@pytest.mark.parametrize(
    "story",
    [
        "Canada will impose duties of 38.2% on steel plate made by Korea's Hanwa and 12.6% on"
        " plate from Japan's Koyo.",
        "Canada will impose duties of 38.2% on steel plate from South Korea's Hanwa, and 12.6% on"
        " plate from Japan's Koyo.",
    ],
)
def test_the_maker_named_before_the_next_rate_of_a_list_is_no_imposer(story: str) -> None:
    assert tariff_pairs(story) == {("Canada", KR, "38.2%"), ("Canada", JP, "12.6%")}


# --- the same measure told again ------------------------------------------------------------------


def test_a_measure_told_again_without_its_imposer_keeps_it() -> None:
    story = (
        "Peru imposed a 20% tariff on Chilean wine. Chile answered with a 10% levy on Peruvian"
        " fish. A planned 25% tariff on most goods from Bolivia is on hold, Peru said last week."
        " Chile also weighs duties on Argentine beef. A 25% tariff on goods from Bolivia was"
        " supposed to start on Monday."
    )
    pairs = tariff_pairs(story)
    assert ("Peru", "Bolivia", "25%") in pairs
    assert not {p for p in pairs if p[0] == "Chile" and p[1] == "Bolivia"}


def test_additional_duties_told_again_of_the_same_goods_are_one_measure() -> None:
    story = (
        "China will charge 15% on US coal and gas from Monday. China's tariff commission said it"
        " would impose additional tariffs of 15% on coal and gas from the United States."
    )
    assert len(draft_story(story).tariffs) == 1


def test_the_country_that_imports_names_the_imposer() -> None:
    story = "An extra 10% tariff on everything Peru imports from Chile came into force on Tuesday."
    assert tariff_pairs(story) == {("Peru", "Chile", "10%")}


@pytest.mark.parametrize(
    "steps",
    [
        "The rate will be lowered to 22% in the second year and to 19% in the third.",
        "It falls to 22% from the second year, and 19% in the third year.",
    ],
)
def test_a_schedules_later_years_said_apart_are_no_rates(steps: str) -> None:
    story = f"Peru imposed a 25% safeguard duty on steel coils for three years. {steps}"
    assert tariff_pairs(story) == {("Peru", None, "25%")}


def test_a_duty_per_unit_in_us_dollars_names_no_country() -> None:
    story = (
        "Peru's trade committee approved provisional anti-dumping duties of US$200 to US$480 per"
        " tonne on steel from China."
    )
    assert {(t.imposed_by, t.imposed_on, t.rate) for t in draft_story(story).tariffs} == {
        ("Peru", CN, "US$200 to US$480 per tonne")
    }


@pytest.mark.parametrize(
    "story",
    [
        "Peru scrapped its export duty on iron ore fines with iron content below 58 per cent. The"
        " 30 per cent duty on ore with a content of 58 per cent and above stays.",
        "Peru charges a 30 per cent duty on spirits with an alcohol content of 40% or more.",
    ],
)
def test_a_property_of_the_goods_is_no_rate(story: str) -> None:
    assert {rate for _by, _on, rate in tariff_pairs(story)} <= {"30%", None}


def test_a_step_after_then_is_no_rate_of_its_own() -> None:
    story = (
        "Under the deal, Peru's tariff on Chilean wine will be halved to 75% when the pact takes"
        " effect, and will then fall to 40% over the following decade."
    )
    assert tariff_pairs(story) == {("Peru", "Chile", "75%")}


def test_these_goods_are_the_goods_of_the_origin_named_before() -> None:
    story = (
        "On the Chilean side, the biggest changes are for Peruvian textiles and shoes. Chile will"
        " remove its tariffs of up to 12% on these goods."
    )
    assert tariff_pairs(story) == {("Chile", "Peru", "12%")}


def test_a_rate_or_less_is_a_rate() -> None:
    story = "Peru will scrap nuisance tariffs, the import duties of 5 per cent or less."
    assert {rate for _by, _on, rate in tariff_pairs(story)} == {"5%"}


def test_another_rate_of_a_targets_measure_keeps_its_imposer() -> None:
    story = (
        "Peru agreed to hold off on the 25% tariffs it planned on goods from Chile. Bolivia"
        " imposed a 5% levy on Peruvian fish. Under the original order, Chilean energy products"
        " would have faced a lower rate of 10%."
    )
    assert ("Peru", "Chile", "10%") in tariff_pairs(story)


def test_higher_duties_imposed_are_a_measure() -> None:
    story = (
        "Peru notified the WTO of planned retaliation in 2018. It eventually imposed higher"
        " duties on 28 Chilean products in 2019."
    )
    assert ("Peru", "Chile", None) in tariff_pairs(story)


def test_an_extra_rate_told_again_far_from_its_measure_is_one_measure() -> None:
    story = (
        "A 10% Peruvian tariff on all imports from Chile took effect at midnight. Chile answered"
        " with levies on Peruvian fish. Markets fell. Officials met. Talks went on late. An extra"
        " 10% tariff on everything Peru imports from Chile came into force at midnight."
    )
    assert len([p for p in tariff_pairs(story) if p[:2] == ("Peru", "Chile")]) == 1
    assert len([t for t in draft_story(story).tariffs if t.imposed_by == "Peru"]) == 1


def test_a_measure_said_to_remain_beside_a_rate_lifted_on_other_goods() -> None:
    story = (
        "Peru will remove its 25 per cent counter-tariffs on Chilean goods covered by the pact"
        " from Sept. 1. Counter-tariffs on Chilean steel and autos will remain in place."
    )
    rows = tariff_rows(story)
    assert {(rate, status) for _by, _on, rate, status in rows} == {
        ("25%", "removed"),
        (None, "in force"),
    }


def test_a_deal_still_to_be_ratified_removes_no_duty_yet() -> None:
    story = (
        "The EU and Peru concluded a trade pact. The deal, which must still be ratified, would"
        " remove EU duties on Peruvian coffee within a quota."
    )
    assert tariff_pairs(story) == set()


def test_goods_that_enter_with_low_duties_name_no_measure() -> None:
    story = (
        "Chile will remove its tariffs of up to 12% on Peruvian shoes. Many Peruvian-made shirts"
        " already enter Chile with low duties, analysts said."
    )
    assert tariff_pairs(story) == {("Chile", "Peru", "12%")}


def test_a_threat_a_deal_averted_is_dropped() -> None:
    story = (
        "Peru and Chile agreed a deal that will see a 15% tariff on most Chilean goods sold in"
        " Peru, averting a threatened 30% rate."
    )
    assert tariff_pairs(story) == {("Peru", "Chile", "15%")}


def test_exports_that_have_fallen_give_no_rate() -> None:
    story = (
        "Peru kept its 17% duty on Chilean tomatoes. Chilean tomato exports to Peru have fallen"
        " 12% since the duty began."
    )
    assert tariff_pairs(story) == {("Peru", "Chile", "17%")}


def test_duties_avoided_are_no_measure() -> None:
    story = (
        "Under the pact, Peruvian growers avoided duties by selling at or above minimum prices."
        " Chile will charge a 17% duty on Peruvian tomatoes from Monday."
    )
    assert tariff_pairs(story) == {("Chile", "Peru", "17%")}


def test_sellers_right_before_a_measure_are_no_imposer() -> None:
    story = "Chile charges duties on tomatoes. Peruvian growers said duties on their tomatoes hurt."
    assert not {p for p in tariff_pairs(story) if p[0] == "Peru"}


def test_a_range_said_of_a_list_yields_to_a_targets_own_rate() -> None:
    story = (
        "Peru imposed duties of between 4.9% and 30.7% on glass fibre from Chile and Bolivia."
        " Bolivian exporters received 13.1%."
    )
    assert tariff_pairs(story) == {("Peru", "Chile", "4.9%-30.7%"), ("Peru", "Bolivia", "13.1%")}


def test_a_range_said_of_a_list_keeps_beside_a_rate_on_other_goods() -> None:
    story = (
        "Fertiliser from Chile and Bolivia now faces a Peruvian duty of between 4% and 9%."
        " Farm goods from Bolivia are hit with a 50% Peruvian tariff."
    )
    assert tariff_pairs(story) == {
        ("Peru", "Chile", "4%-9%"),
        ("Peru", "Bolivia", "4%-9%"),
        ("Peru", "Bolivia", "50%"),
    }


def test_two_remedies_of_their_own_kinds_are_two_measures() -> None:
    story = (
        "Peru imposed countervailing duties of 5% on glass from Chile. Peru has also charged"
        " anti-dumping duties on Chilean glass since 2020."
    )
    assert {(t.rate, t.measure) for t in draft_story(story).tariffs} == {
        ("5%", "countervailing duty"),
        (None, "anti-dumping duty"),
    }
