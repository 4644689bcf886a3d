"""The status of a measure on the article's date, in shapes of news writing that failed on
unseen text (issue 13): sentences of our own, several wordings each."""

from __future__ import annotations

import pytest

from briefs.rates import normalise_rate
from tests.briefs.drafted import tariff_rows as _rows

# --- "cut its 100% tariff to 6.1%": the rate before the change --------------------------------


@pytest.mark.parametrize(
    ("story", "old", "new"),
    [
        ("Canada will cut its 100% tariff on Chinese EVs to 6.1% from March.", "100%", "6.1%"),
        ("Japan agreed to lower its 8% tariff on US beef to 4% next year.", "8%", "4%"),
        ("The US will raise its 10% duty on Chinese chips to 50% in January.", "10%", "50%"),
        (
            "Under the deal, Canada is to reduce the 100% surtax on Chinese EVs to 6.1%.",
            "100%",
            "6.1%",
        ),
    ],
)
def test_a_rate_a_coming_change_replaces_is_charged_until_then(
    story: str, old: str, new: str
) -> None:
    statuses = {rate: status for _by, _on, rate, status in _rows(story)}
    assert statuses == {normalise_rate(old): "in force", normalise_rate(new): "announced"}


@pytest.mark.parametrize(
    ("story", "new"),
    [
        ("Canada cut its 100% tariff on Chinese EVs to 6.1% on Friday.", "6.1%"),
        ("The US raised its 10% duty on Chinese chips to 50% last week.", "50%"),
        ("Brazil has lowered the 35% import tax on electric cars to 10%.", "10%"),
    ],
)
def test_a_rate_a_change_replaced_is_no_longer_listed(story: str, new: str) -> None:
    rates = {rate for _by, _on, rate, _status in _rows(story)}
    assert rates == {normalise_rate(new)}


# --- "will pay 22.1%" describes a rate; the measure's own state is the status -------------------


@pytest.mark.parametrize(
    "story",
    [
        "Mexico has imposed provisional anti-dumping duties on coated steel from China and"
        " Vietnam, effective from Tuesday. The duties range between 12.5% and 35.8% for Chinese"
        " exporters. Shipments from Vietnam will pay 22.1%.",
        "Peru imposed duties on steel bars from Brazil and Chile on Monday, effective immediately."
        " Brazilian mills face 30%. Shipments from Chile will pay 22.1%.",
    ],
)
def test_a_rate_that_will_be_paid_keeps_the_measures_state(story: str) -> None:
    statuses = {rate: status for _by, _on, rate, status in _rows(story, "2025-11-18")}
    assert statuses["22.1%"] == "in force"


# --- the rate a change replaces is listed while the new one is still to come -------------------


@pytest.mark.parametrize(
    "story",
    [
        "Canada cut its 100% tariff on Chinese EVs to 6.1% on Friday. The lower rate will apply"
        " from Jan. 1.",
        "Canada lowered its 100% surtax on Chinese EVs to 6.1%. The new rate takes effect next"
        " month.",
    ],
)
def test_a_replaced_rate_stays_while_the_new_one_is_to_come(story: str) -> None:
    statuses = {rate: status for _by, _on, rate, status in _rows(story, "2025-11-14")}
    assert statuses == {"100%": "in force", "6.1%": "announced"}


def test_a_rate_paid_now_replaces_the_old_one_in_a_later_sentence() -> None:
    story = (
        "India imposed a duty on Chinese glass on Monday. The rate is now 25%, up from 14%,"
        " and applies from today."
    )
    assert {rate for _by, _on, rate, _status in _rows(story)} == {"25%"}


@pytest.mark.parametrize(
    "story",
    [
        "Japan said its tariff on Australian beef will go up from 19.5% to 38.5% from February 20.",
        "Japan's duty on Australian beef is set to rise from 19.5% to 38.5% next month.",
        "Japan will raise its tariff on Australian beef from 19.5% to 38.5% in March.",
    ],
)
def test_a_coming_change_from_one_rate_to_another_lists_both(story: str) -> None:
    statuses = {rate: status for _by, _on, rate, status in _rows(story, "2025-12-10")}
    assert statuses == {"19.5%": "in force", "38.5%": "announced"}


def test_a_change_made_from_one_rate_to_another_lists_the_new_one() -> None:
    story = "Japan raised its tariff on Australian beef from 19.5% to 38.5% on Monday."
    assert {rate for _by, _on, rate, _status in _rows(story, "2025-12-10")} == {"38.5%"}


# --- a removal still to come, with no date set, is offered -----------------------------------


@pytest.mark.parametrize(
    ("story", "status"),
    [
        ("Under the deal, the EU will drop its 10% tariff on US cars.", "offered removal"),
        ("Britain will scrap its 19% tariff on US ethanol as part of the pact.", "offered removal"),
        ("Trump said the 25% penalty on Indian goods would be removed.", "offered removal"),
        ("India is expected to eliminate its 20% duty on US almonds.", "offered removal"),
        ("Canada will scrap its 25% surtax on US steel on Sept. 1.", "removed"),
        ("Canada will lift its 25% surtax on US steel next month.", "removed"),
        ("Canada lifted its 25% surtax on US steel on Monday.", "removed"),
    ],
)
def test_a_removal_to_come_is_offered_until_a_date_is_set(story: str, status: str) -> None:
    assert {s for _by, _on, _rate, s in _rows(story)} == {status}


@pytest.mark.parametrize(
    ("story", "status"),
    [
        (
            "Levies of up to 15% on US soybeans, introduced in March, will be removed on the same"
            " day, China said.",
            "removed",
        ),
        (
            "Trump said a separate 25% penalty imposed in August over India's purchases of Russian"
            " oil would be dropped.",
            "offered removal",
        ),
    ],
)
def test_only_a_date_for_the_removal_sets_it(story: str, status: str) -> None:
    assert {s for _by, _on, _rate, s in _rows(story, "2025-11-05")} == {status}


def test_the_goods_a_measure_punishes_buying_are_no_target() -> None:
    story = (
        "The US imposed a 25% penalty on Indian goods in August over India's purchases of"
        " Russian oil."
    )
    assert {on for _by, on, _rate, _s in _rows(story)} == {"India"}


@pytest.mark.parametrize(
    "story",
    [
        "Brazil's 35% import tax on electric cars will rise to 45% in July.",
        "The 35% Brazilian import tax on electric cars is set to climb to 45% next month.",
    ],
)
def test_a_rate_whose_measure_will_change_is_charged_until_then(story: str) -> None:
    statuses = {rate: status for _by, _on, rate, status in _rows(story, "2025-06-15")}
    assert statuses == {"35%": "in force", "45%": "announced"}


def test_a_rate_whose_measure_changed_is_gone() -> None:
    story = "Brazil's 35% import tax on electric cars rose to 45% on Monday."
    assert {rate for _by, _on, rate, _s in _rows(story, "2025-06-15")} == {"45%"}


def test_a_measure_in_an_after_clause_has_that_clauses_status() -> None:
    story = (
        "The European Union is preparing countermeasures after the United States imposed a 20%"
        " tariff on imports from the EU."
    )
    assert ("United States", "European Union", "20%", "in force") in _rows(story, "2025-04-03")


def test_a_reported_coming_cut_lists_the_rate_charged_until_then() -> None:
    story = (
        "Argentina's government said it would lower import duties on mobile phones to 8% from 16%"
        " in May."
    )
    statuses = {rate: status for _by, _on, rate, status in _rows(story, "2025-04-20")}
    assert statuses == {"8%": "announced", "16%": "in force"}


# --- a preliminary duty is in force only once it is collected -----------------------------------


@pytest.mark.parametrize(
    "story",
    [
        "The EU imposed provisional duties of 20% on Chinese e-bikes. Importers will be required"
        " to pay deposits from next Thursday.",
        "The US set preliminary duties of 20% on Chinese shrimp. Cash deposits will be collected"
        " once the finding is published next week.",
        "The US Commerce Department set preliminary anti-dumping duties of 20% on aluminum foil"
        " from China. Importers will have to post cash deposits once the decision is published.",
    ],
)
def test_a_preliminary_duty_collected_later_is_announced(story: str) -> None:
    assert {status for _by, _on, _rate, status in _rows(story)} == {"announced"}


def test_a_preliminary_duty_being_collected_is_in_force() -> None:
    story = (
        "The EU imposed provisional duties of 20% on Chinese e-bikes in March. Importers have"
        " been paying deposits since then."
    )
    assert {status for _by, _on, _rate, status in _rows(story)} == {"in force"}


@pytest.mark.parametrize(
    "story",
    [
        "Canada's counter-tariffs of 25% on US steel will stay in place until Washington lifts its"
        " own levies.",
        "Canada's 25% surtax on US steel remains until the US removes its tariffs.",
    ],
)
def test_a_removal_in_an_until_clause_is_another_measures(story: str) -> None:
    rows = _rows(story)
    assert ("Canada", "United States", "25%", "in force") in rows


@pytest.mark.parametrize(
    "second",
    ["The current rate is 20%.", "The present rate is 20%.", "The existing duty stands at 20%."],
)
def test_the_current_rate_beside_a_coming_cut_is_in_force(second: str) -> None:
    story = "Washington has agreed to halve its tariff on Chinese goods to 10% from Nov. 10. "
    story += second
    rows = _rows(story, "2025-11-05")
    assert ("United States", "China", "10%", "announced") in rows
    assert ("United States", "China", "20%", "in force") in rows


@pytest.mark.parametrize(
    "story",
    [
        "US President Donald Trump said a 25% tariff on Mexican goods was coming.",
        "The White House said a 25% tariff on Mexican goods is on the way.",
    ],
)
def test_a_measure_said_to_be_coming_is_announced(story: str) -> None:
    assert {status for _by, _on, _rate, status in _rows(story)} == {"announced"}


@pytest.mark.parametrize(
    "story",
    [
        "Britain hailed the cut in US tariffs on its steel to zero.",
        "The US has reduced its tariff on British steel to zero.",
    ],
)
def test_a_cut_to_zero_made_is_a_removal(story: str) -> None:
    assert {status for _by, _on, _rate, status in _rows(story)} == {"removed"}


@pytest.mark.parametrize(
    ("story", "status"),
    [
        (
            "The ruling ends the 25% US tariffs and the levies on Canada, Mexico and China.",
            "removed",
        ),
        (
            'Trump said he would "probably" raise the US global tariff to 15% within days.',
            "threatened",
        ),
    ],
)
def test_an_end_and_a_probable_rise(story: str, status: str) -> None:
    assert {s for _by, _on, _rate, s in _rows(story, "2026-02-20")} == {status}


def test_a_measure_not_affected_by_a_removal_stays_in_force() -> None:
    story = (
        "The ruling ends the reciprocal US tariffs imposed last April. The 50% US tariffs on"
        " steel and aluminium are not affected by the ruling."
    )
    assert ("United States", None, "50%", "in force") in _rows(story, "2026-02-20")


@pytest.mark.parametrize(
    "story",
    [
        "The 25% US tariff on Canadian steel continues to weigh on exports.",
        "The US will continue to charge 25% on Canadian steel.",
    ],
)
def test_a_measure_that_continues_is_in_force(story: str) -> None:
    assert {status for _by, _on, _rate, status in _rows(story)} == {"in force"}
