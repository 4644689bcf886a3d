"""A measure's state read from the words of its own clause, not from the words beside it that
speak of something else (issue 13): a reporting tail or head, an aside on another noun, the main
clause of a relative one that holds the rate. And decisions told as done with no start said.
Sentences of our own; the article is dated Tuesday 15 July 2025."""

from __future__ import annotations

import pytest

from tests.briefs.drafted import draft_story, tariff_rows


def _states(story: str) -> set[str]:
    return {row[3] for row in tariff_rows(story)}


# --- a reporting tail or head is when the news was given, not the measure's state -------------


@pytest.mark.parametrize(
    "story",
    [
        "Peru has imposed a 30% safeguard duty on steel bars from Chile, the trade ministry"
        " announced on Wednesday.",
        "The trade ministry announced on Monday that Peru has imposed a 30% duty on steel bars"
        " from Chile.",
    ],
)
def test_a_reporting_verb_is_not_the_measures_state(story: str) -> None:
    assert _states(story) == {"in force"}


def test_a_reporting_tail_alone_still_tells_the_news() -> None:
    story = "Peru's duty on steel bars from Chile is 30%, the trade ministry announced."
    assert _states(story) == {"announced"}


# --- an aside on another noun is that noun's -------------------------------------------------


@pytest.mark.parametrize(
    ("story", "status"),
    [
        (
            "Norway will levy a 20% duty on Chinese cranes, which are used in ports that ship"
            " scrap metal, from Aug. 3.",
            "announced",
        ),
        (
            "Vietnam will charge a 12% duty on Malaysian solar glass from Friday, said Trade"
            " Minister Tran Van Minh, who delayed a separate review in May.",
            "announced",
        ),
    ],
)
def test_an_aside_on_the_goods_or_a_country_gives_no_state(story: str, status: str) -> None:
    assert _states(story) == {status}


def test_an_aside_on_the_measures_phrase_gives_its_state() -> None:
    story = (
        "Bolivia said it may retaliate against Chile's duties of 25% on Bolivian quinoa, which"
        " Santiago suspended for 60 days in June."
    )
    assert ("Chile", "Bolivia", "25%", "suspended") in tariff_rows(story)


def test_a_rate_in_a_relative_clause_of_no_state_takes_the_main_clauses() -> None:
    story = "Chile let its safeguard on Peruvian wheat flour, which stood at 8%, expire in May."
    assert _states(story) == {"removed"}


# --- words of a state ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("story", "status"),
    [
        (
            "The 30% duties Norway had ordered on Chilean salmon are on hold for 60 days.",
            "suspended",
        ),
        ("India charges a 5% duty on scrap metal from Malaysia.", "in force"),
        ("Chile will add a new levy to the existing 8% duty on Peruvian grapes.", "in force"),
    ],
)
def test_words_of_a_state(story: str, status: str) -> None:
    assert _states(story) == {status}


# --- a decision told as done, no start said: decided, not yet charged (announced) -------------


@pytest.mark.parametrize(
    "story",
    [
        "Peru's Congress approved a 30% tariff on Chilean wine.",
        "Bolivia's president signed a decree imposing a 12% duty on Peruvian sugar.",
        "Ecuador's cabinet gave final approval to a 15% surtax on Colombian tiles.",
    ],
)
def test_a_decision_with_no_start_is_announced(story: str) -> None:
    assert _states(story) == {"announced"}


def test_a_decision_whose_start_is_told_as_past_is_in_force() -> None:
    story = (
        "Bolivia's president signed a decree imposing a 12% duty on Peruvian sugar. The duty"
        " took effect on Monday."
    )
    assert _states(story) == {"in force"}


def test_a_decision_not_taken_is_no_decision() -> None:
    assert "announced" not in _states("Peru's Congress has not approved the 30% tariff on wine.")


def test_a_deals_terms_to_come_are_announced() -> None:
    story = (
        "Chile and Korea signed a trade deal last month. The agreement will let Korean trucks"
        " into Chile at a tariff of 6%."
    )
    assert _states(story) == {"announced"}


# --- the clause's own verb over words of another clause or an earlier state ------------------


def test_a_second_verb_after_and_is_its_own_clause() -> None:
    story = (
        "Ecuador raised its duty on Colombian tiles to 25% in June, and plans a further rise to"
        " 35% in February."
    )
    assert tariff_rows(story) == {
        ("Ecuador", "Colombia", "25%", "in force"),
        ("Ecuador", "Colombia", "35%", "announced"),
    }


@pytest.mark.parametrize(
    ("story", "status"),
    [
        (
            "Ecuador's proposed 25% surtax on Colombian tiles was passed by the assembly on"
            " Monday and applies from September.",
            "announced",
        ),
        ("Ecuador's planned 25% surtax on Colombian tiles took effect on Monday.", "in force"),
        ("Ecuador's proposed 25% surtax on Colombian tiles would raise $40 million.", "proposed"),
    ],
)
def test_a_state_named_on_the_noun_yields_to_the_clauses_verb(story: str, status: str) -> None:
    assert _states(story) == {status}


def test_a_start_that_begins_on_a_weekday_ahead_is_announced() -> None:
    assert _states("Ecuador's surtax of 25% on Colombian tiles begins next Friday.") == {
        "announced"
    }


def test_an_aim_to_impose_is_not_a_decision() -> None:
    assert _states("Ecuador wants to impose a 25% surtax on Colombian tiles.") == {"proposed"}


# --- reported futures, removals agreed, a leader's word ---------------------------------------


def test_a_reported_start_a_few_months_back_has_begun() -> None:
    story = "Quito said the extra 20% duty on Colombian tiles would apply starting April 10."
    assert {(row[3]) for row in tariff_rows(story)} == {"in force"}
    assert {t.year for t in draft_story(story).tariffs} == {2025}


def test_a_removal_agreed_with_a_date_and_no_deal_is_decided() -> None:
    story = "Ecuador's ministers agreed to remove the 8% duty on wind turbines from Sept. 1."
    assert _states(story) == {"removed"}


def test_a_removal_agreed_in_return_for_something_is_offered() -> None:
    story = (
        "In return, Ecuador agreed to scrap its 8% duty on Chilean fruit from Sept. 1 under the"
        " deal."
    )
    assert _states(story) == {"offered removal"}


def test_a_lift_with_its_date_before_the_object_is_a_removal() -> None:
    story = "Ecuador will lift from Monday the 25% surtax it placed on Colombian tiles."
    assert _states(story) == {"removed"}


def test_a_leaders_word_that_a_measure_is_coming_is_a_threat() -> None:
    story = (
        "Mr Noboa also said Ecuadorian tariffs on Colombian tiles would come soon, without giving"
        " a rate."
    )
    assert _states(story) == {"threatened"}


# --- a plan told as overtaken is no state of the day ----------------------------------------


@pytest.mark.parametrize(
    "story",
    [
        "Chile said on Tuesday it had suspended a planned 20% tariff on Peruvian cement for 90"
        " days. The tariff had been due to take effect on Wednesday.",
        "A planned 20% tariff on Peruvian cement was supposed to start on Friday, but Chile"
        " agreed on Monday to pause it for a month.",
    ],
)
def test_a_start_that_was_due_is_no_state_of_the_day(story: str) -> None:
    assert _states(story) == {"suspended"}


# --- the rate's own clause: its coordinate clause, its "that" clause, a present perfect -------


def test_a_removal_in_its_own_coordinate_clause_is_not_the_others_promise() -> None:
    story = (
        "Ecuador scrapped its 27% tariff on Colombian power, and Colombia said it would lift its"
        " own 30% duty on Ecuadorian rice in return."
    )
    assert ("Ecuador", "Colombia", "27%", "removed") in tariff_rows(story)


def test_a_rate_whose_own_clause_says_it_took_effect_is_charged_now() -> None:
    assert _states(
        "Peru will double the 25% tariff on Chilean wine that took effect in March."
    ) == {"in force"}


def test_a_measure_imposed_in_the_present_perfect_outranks_an_announcement() -> None:
    story = (
        "Vietnam has imposed a provisional 20% duty on Thai steel pipes. The duty, effective for"
        " 120 days, was announced in a decision signed on Monday."
    )
    assert _states(story) == {"in force"}


def test_a_duty_dropping_to_a_rate_is_cut_not_removed() -> None:
    story = (
        "Peru agreed to ease its tariffs on Chilean goods, with its duty on Chilean wine dropping"
        " to 10% from 25%."
    )
    assert ("Peru", "Chile", "10%", "removed") not in tariff_rows(story)


# --- headline shapes: an infinitive of what is to come, no article before the object ---------


@pytest.mark.parametrize(
    ("story", "status"),
    [
        ("Ecuador to impose 20% provisional duty on Colombian tiles", "announced"),
        ("Ecuador lifts 20% tariff on Colombian tiles", "removed"),
        ("Ecuador to lift 20% tariff on Colombian tiles from August", "removed"),
        ("Ecuador to lift 20% tariff on Colombian tiles", "offered removal"),
    ],
)
def test_a_headlines_shape_gives_its_state(story: str, status: str) -> None:
    assert _states(story) == {status}


# --- talks and denials decide nothing ---------------------------------------------------------


@pytest.mark.parametrize(
    "story",
    [
        "Ecuador and Colombia are negotiating the removal of Ecuador's 20% surtax on Colombian"
        " tiles.",
        "Ecuador has said it will not lift its 20% surtax on Colombian tiles.",
    ],
)
def test_talks_of_a_removal_or_a_denial_leave_the_measure_standing(story: str) -> None:
    assert _states(story) == {"in force"}


# --- a deal's terms not yet carried out ------------------------------------------------------


@pytest.mark.parametrize(
    "story",
    [
        "Under the agreement, the Chilean tariff on Peruvian cars is 6%.",
        "Lima and Santiago agreed on a 6% Chilean tariff on Peruvian cars.",
    ],
)
def test_a_deals_terms_told_in_the_present_are_announced(story: str) -> None:
    assert _states(story) == {"announced"}
