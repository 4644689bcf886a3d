"""Rates as news writes them, attached to their measure (issue 13): per-unit duties in many
currencies and units, and ranges in several wordings. Sentences of our own."""

from __future__ import annotations

import pytest

from briefs.drafting import draft_brief


def _rates(story: str, date: str = "2025-07-15") -> set[str | None]:
    brief = draft_brief(f" date {date} Trade news of the day\n\n{story}\n")
    return {t.rate for t in brief.tariffs}


@pytest.mark.parametrize(
    ("story", "rate"),
    [
        (
            "Malaysia imposed an anti-dumping duty of RM0.50 per kg on steel wire from China.",
            "RM0.50 per kg",
        ),
        ("Brazil set a duty of R$1.20 per kilo on garlic from China.", "R$1.20 per kilo"),
        (
            "New Zealand placed a duty of NZ$300 a tonne on Chinese steel mesh.",
            "NZ$300 a tonne",
        ),
        ("The EU charges a duty of €45.6 per 100 kg on US rice.", "€45.6 per 100 kg"),
        ("The US set a duty of 18 cents per pound on Mexican tomatoes.", "18 cents per pound"),
        ("Canada will charge a surtax of $0.09 per pound on US honey.", "$0.09 per pound"),
        ("India imposed a duty of ₹5,000 per tonne on Chinese glass.", "₹5,000 per tonne"),
        (
            "Singapore slapped a levy of S$10 per bottle on imported wine from Australia.",
            "S$10 per bottle",
        ),
        (
            "South Korea imposed duties of 1,200 won per square metre on Chinese tiles.",
            "1,200 won per square metre",
        ),
    ],
)
def test_a_duty_per_unit_is_the_rate(story: str, rate: str) -> None:
    assert _rates(story) == {rate}


@pytest.mark.parametrize(
    ("story", "rate"),
    [
        (
            "Mexico imposed anti-dumping duties from 12.5% up to 35.8% on Chinese steel pipe.",
            "12.5% up to 35.8%",
        ),
        (
            "The EU set duties of between 12.5 and 35.8 per cent on Chinese e-bikes.",
            "12.5 to 35.8 per cent",
        ),
    ],
)
def test_a_range_is_one_rate(story: str, rate: str) -> None:
    assert _rates(story) == {rate}


@pytest.mark.parametrize(
    "story",
    [
        "Goods from Nicaragua would be subject to a US tariff of 10% beginning January 1, 2027,"
        " rising to 15% on January 1, 2028.",
        "Peru will charge a 10% duty on Chinese tyres from March, rising to 15% in 2027 and 20%"
        " in 2028.",
    ],
)
def test_a_schedule_of_steps_gives_its_first_step(story: str) -> None:
    assert _rates(story, "2025-12-10") == {"10%"}


@pytest.mark.parametrize(
    ("story", "rate"),
    [
        ("The US imposed a 25% penalty on Indian goods in August.", "25%"),
        ("Washington added a penalty of 25% on Indian goods over its oil purchases.", "25%"),
        ("The club paid a penalty of $2 million to the league.", None),
    ],
)
def test_a_penalty_with_a_rate_is_a_measure(story: str, rate: str | None) -> None:
    assert _rates(story) == ({rate} if rate else set())


@pytest.mark.parametrize(
    ("story", "measure"),
    [
        (
            "The US set dumping margins of 8.2% to 92.5% on hardwood plywood from Vietnam.",
            "anti-dumping duty",
        ),
        (
            "The US set CVD rates of 2.1% to 35.4% on hardwood plywood from Vietnam.",
            "countervailing duty",
        ),
        (
            "The US found subsidy margins of 2.1% to 35.4% on hardwood plywood from Vietnam.",
            "countervailing duty",
        ),
    ],
)
def test_trade_remedy_shorthand_names_the_measure(story: str, measure: str) -> None:
    brief = draft_brief(f" date 2025-09-20 Trade news of the day\n\n{story}\n")
    assert [(t.imposed_on, t.measure) for t in brief.tariffs] == [("Vietnam", measure)]


@pytest.mark.parametrize(
    "second",
    [
        "The minister said any tariff rise must be weighed against inflation, which stood at"
        " 2.1% in May.",
        "Critics said the tariff would feed prices, which rose 4.5% last year.",
    ],
)
def test_a_figure_in_a_clause_on_the_economy_is_no_rate(second: str) -> None:
    assert _rates(f"Kenya raised its tariff on imported maize to 30% on Monday. {second}") == {
        "30%"
    }


@pytest.mark.parametrize(
    "second",
    [
        "Mills said the duty would help them lift utilisation rates, which fell below 65% last"
        " year.",
        "Growers said the tariff would protect farm incomes, which have dropped to 40% of the"
        " national average.",
    ],
)
def test_a_figure_in_a_relative_clause_on_another_noun_is_no_rate(second: str) -> None:
    story = f"Kenya raised its tariff on imported maize to 30% on Monday. {second}"
    assert _rates(story) == {"30%"}


def test_a_rate_in_a_relative_clause_on_the_measure_stays() -> None:
    story = "Kenya let its safeguard duty on steel, which stood at 12%, expire on Monday."
    assert _rates(story) == {"12%"}


def test_rates_on_goods_listed_after_the_measure_are_its_rates() -> None:
    story = (
        "Peru will impose a 20% tariff on imported wine from May 1. In the same decree it listed"
        " 15 per cent on olive oil and 10 per cent on canned fish."
    )
    assert _rates(story) == {"20%", "15 per cent", "10 per cent"}


@pytest.mark.parametrize(
    "second",
    [
        "Importers said they spent 12% on freight last year.",
        "Shares of local vintners rose 3% on Friday, while bottlers gained 2% on strong demand.",
    ],
)
def test_a_share_spent_or_a_move_on_something_is_no_rate(second: str) -> None:
    assert _rates(f"Peru will impose a 20% tariff on imported wine from May 1. {second}") == {"20%"}


def test_an_older_rate_on_other_goods_of_an_origin_is_its_own_measure() -> None:
    story = (
        "Peru will charge an extra 30% tariff on Chilean trucks from May 1. The extra 30% on"
        " Chilean buses, in force since 2023, stays in place."
    )
    brief = draft_brief(f" date 2025-04-10 Trade news of the day\n\n{story}\n")
    assert sorted((t.imposed_on, t.rate, t.status) for t in brief.tariffs) == [
        ("Chile", "30%", "announced"),
        ("Chile", "30%", "in force"),
    ]


@pytest.mark.parametrize(
    "second",
    [
        "The decree sets a minimum additional charge of $5,000 per vehicle.",
        "The order also sets a minimum duty of $900 per tonne.",
    ],
)
def test_a_minimum_per_unit_told_apart_is_no_rate_of_its_own(second: str) -> None:
    assert _rates(f"Peru will charge an extra 30% tariff on Chilean trucks. {second}") == {"30%"}


def test_a_range_told_far_from_the_measure_that_is_its_subject_is_its_rate() -> None:
    story = (
        "Peru imposed provisional duties on steel wire from Chile on Monday. The duties, published"
        " in the official gazette on Monday, will apply from Tuesday and range from 8.5% to 41.2%"
        " depending on the producer."
    )
    assert _rates(story) == {"8.5% to 41.2%"}


@pytest.mark.parametrize(
    "second",
    [
        "Aceros Andinos S.A., the largest Chilean exporter, was assigned 18.6%.",
        "The biggest producer, Andes Wire Co., got 22.4%.",
    ],
)
def test_one_producers_rate_inside_the_range_is_no_measure_of_its_own(second: str) -> None:
    story = (
        "Peru imposed provisional duties ranging from 8.5% to 41.2% on steel wire from Chile on"
        f" Monday. {second}"
    )
    assert _rates(story) == {"8.5% to 41.2%"}


@pytest.mark.parametrize(
    "story",
    [
        "Ghana will raise its export duty on cocoa beans to 12% for March after the reference"
        " price climbed above GH¢9,500 per tonne.",
        "Ghana will raise its export duty on cocoa beans to 12% for March. Customs said the"
        " benchmark price had been set at $3,410 per tonne.",
    ],
)
def test_a_price_per_unit_is_no_rate(story: str) -> None:
    assert _rates(story) == {"12%"}


def test_a_rate_of_its_own_reference_price_is_a_rate() -> None:
    story = (
        "Ghana has charged an export levy of 8 per cent of its own reference price on cocoa"
        " since May."
    )
    assert _rates(story) == {"8 per cent"}


@pytest.mark.parametrize(
    "second",
    [
        "The growers' association has long urged the government to lower the top rate to 6%.",
        "Exporters pressed the ministry to cut the duty to 5 per cent.",
    ],
)
def test_a_level_someone_asks_for_is_no_measure(second: str) -> None:
    assert _rates(f"Ghana raised its export duty on cocoa beans to 12% on Monday. {second}") == {
        "12%"
    }


def test_a_measure_someone_asks_to_change_is_still_listed() -> None:
    story = "Officials said they would keep pressing Lima to lower the 40% tariff on Chilean wine."
    assert _rates(story) == {"40%"}


@pytest.mark.parametrize(
    ("story", "rate"),
    [
        (
            "Ghana has imposed a safeguard duty on imported cloth of Rp 1,500 to Rp 6,000 per metre"
            " for three years.",
            "Rp 1,500 to Rp 6,000 per metre",
        ),
        ("Ghana set a duty of IDR 900 per meter on imported cloth.", "IDR 900 per meter"),
        ("Ghana set a duty of $2 a yard on imported cloth.", "$2 a yard"),
    ],
)
def test_a_duty_per_length_of_cloth_is_a_rate(story: str, rate: str) -> None:
    assert _rates(story) == {rate}


@pytest.mark.parametrize(
    "story",
    [
        "Peru will charge 15% on Chilean wine under the deal, down from the 30% Lima had"
        " threatened.",
        "Peru will charge 15% on Chilean wine under the deal, instead of the 30% its president had"
        " threatened in April.",
    ],
)
def test_a_threatened_rate_a_deal_replaced_is_dropped(story: str) -> None:
    assert _rates(story) == {"15%"}


@pytest.mark.parametrize(
    "second",
    [
        "Spanish producer Sierra Carnes will pay 9.8%, while the Danish firm Nordfood got 12.1%.",
        "The lowest rate, 6.2%, went to one Dutch exporter.",
    ],
)
def test_a_member_states_firms_rates_inside_a_duty_on_the_bloc_are_that_duty(second: str) -> None:
    story = (
        "Peru will impose final anti-dumping duties of 4.9% to 19.8% on pork from the European"
        f" Union from Wednesday. {second}"
    )
    assert _rates(story) == {"4.9% to 19.8%"}


def test_a_countrys_producers_rate_inside_a_range_stays_its_own() -> None:
    story = (
        "Peru set anti-dumping duties of 4.9% to 19.8% on glass from Chile and Bolivia."
        " Bolivian producers face 11.2%."
    )
    assert _rates(story) >= {"11.2%"}


@pytest.mark.parametrize(
    "second",
    [
        "Analysts said Peru's average effective tariff rate rose to 17%, the highest in decades.",
        "Chile's central bank cut its key rate to 5%.",
        "The overall duty rate on all imports stood at 6.4% last year.",
    ],
)
def test_a_statistic_or_a_central_banks_rate_is_no_measure(second: str) -> None:
    assert _rates(f"Peru imposed a 20% tariff on Chilean wine. {second}") == {"20%"}


@pytest.mark.parametrize(
    "story",
    [
        "Peru charges a base tariff rate of 10% on all imports.",
        "Peru's base rate of duty is 10% on most imports.",
    ],
)
def test_a_base_rate_of_duty_stays_a_rate(story: str) -> None:
    assert _rates(story) == {"10%"}


def test_a_list_line_of_goods_and_rate_is_a_rate_of_the_measure_before() -> None:
    story = "Peru now charges new tariffs on imports from Chile. Copper wire: 15%. Wine: 20%."
    assert _rates(story) == {"15%", "20%"}


@pytest.mark.parametrize(
    ("story", "rate"),
    [
        ("Peru set an anti-dumping duty of USD 178 per MT on Chilean glass.", "USD 178 per MT"),
        ("Peru set an anti-dumping duty of €40/t on Chilean glass.", "€40/t"),
        ("Peru set duties of 40-45 euros per tonne on Chilean urea.", "40-45 euros per tonne"),
    ],
)
def test_trade_press_units_and_ranges_per_tonne_are_rates(story: str, rate: str) -> None:
    assert _rates(story) == {rate}


@pytest.mark.parametrize(
    "rate", ["CNY 500 per tonne", "INR 5,000 per tonne", "KRW 1,000 per kg", "ZAR 2.50 per kg"]
)
def test_a_currency_code_before_an_amount_per_unit_is_a_rate(rate: str) -> None:
    assert _rates(f"Peru set an anti-dumping duty of {rate} on Chilean glass.") == {rate}


@pytest.mark.parametrize(
    "second",
    [
        "The winery expects a profit margin of 8% next year.",
        "The industry employs 40,000 people and grew at 6% a year.",
        "Sales have grown by 9% since 2020.",
    ],
)
def test_a_margin_or_a_growth_figure_is_no_rate(second: str) -> None:
    assert _rates(f"Peru imposed a 20% tariff on Chilean wine. {second}") == {"20%"}


def test_a_dumping_margin_is_still_a_rate() -> None:
    story = "Peru found a dumping margin of 31% on Chilean glass and set duties to match."
    assert _rates(story) == {"31%"}


@pytest.mark.parametrize(
    "second",
    [
        "A 2021 study found that a 10% tariff would cost consumers $80 million.",
        "Economists estimate a 25% tariff on copper could shave half a point off growth.",
    ],
)
def test_a_scenario_someone_models_is_no_measure(second: str) -> None:
    assert _rates(f"Peru imposed a 20% tariff on Chilean wine. {second}") == {"20%"}


@pytest.mark.parametrize(
    ("story", "rate"),
    [
        ("Peru raised its export tax on copper concentrate to 12%.", "12%"),
        ("Peru doubled the tax on imported sugar to 40%.", "40%"),
        ("Peru announced a 15% tax on imports of poultry from Chile.", "15%"),
        ("Peru imposed countervailing measures of 5% on Chilean sugar.", "5%"),
    ],
)
def test_a_tax_on_trade_and_a_remedys_measures_are_measures(story: str, rate: str) -> None:
    assert _rates(story) == {rate}


@pytest.mark.parametrize(
    "story",
    ["Peru raised the tax on cigarettes to 30%.", "Peru cut its corporate income tax to 25%."],
)
def test_a_tax_on_the_home_market_is_no_trade_measure(story: str) -> None:
    assert _rates(story) == set()


def test_an_import_fee_is_a_measure() -> None:
    assert _rates("Peru will charge an import fee of 20% on Chilean textiles.") == {"20%"}
