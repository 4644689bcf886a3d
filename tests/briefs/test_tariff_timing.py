"""When a measure applies and in which state, in shapes of news writing that failed on unseen
text (issue 13): the clause's tense and modality against the article's date. Sentences of our
own; the article is dated Tuesday 15 July 2025 unless a case says otherwise."""

from __future__ import annotations

import pytest

from briefs.rates import normalise_rate
from tests.briefs.drafted import draft_story


def _timed(story: str, date: str = "2025-07-15") -> dict[str | None, tuple[str, int | None]]:
    """rate -> (status, year) of each tariff drafted from `story`."""
    return {
        normalise_rate(t.rate) if t.rate else None: (t.status, t.year)
        for t in draft_story(story, date).tariffs
    }


# --- a fresh act dates the measure to the article's year ---------------------------------------


@pytest.mark.parametrize(
    ("story", "status"),
    [
        ("Trump threatened to slap a 200% tariff on European wine.", "threatened"),
        ("The US lifted its 10% tariff on Australian beef.", "removed"),
        ("The EU suspended its 25% counter-tariffs on US goods for 90 days.", "suspended"),
        ("Washington has put its planned 50% tariff on EU goods on hold.", "suspended"),
        ("Under the deal, the EU will cut its 10% tariff on US cars to 2.5%.", "announced"),
        ("The US has imposed a 50% tariff on Brazilian goods.", "in force"),
        ("Peru has raised its duty on Chinese steel bars to 30%.", "in force"),
    ],
)
def test_a_measure_acted_on_now_takes_the_articles_year(story: str, status: str) -> None:
    timed = _timed(story)
    assert (status, 2025) in timed.values()


def test_a_measure_told_of_with_no_time_has_no_year() -> None:
    assert _timed("Chinese steel faces a 25% US tariff.") == {"25%": ("in force", None)}


# --- a bare month: its year from the clause's tense, the article's month ------------------------
# A month named without a year is the nearest one the clause's tense allows: in a clause of what
# is to come, the next such month from the article's (this year's when it is this month or later,
# else next year's); in a clause of what has been, the last such month (this year's when it is
# this month or earlier, else last year's). "since" always looks back.


@pytest.mark.parametrize(
    ("story", "date", "year"),
    [
        ("Since March, Vietnam has charged a 20% duty on Chinese steel.", "2025-07-15", 2025),
        ("Since September, Vietnam has charged a 20% duty on Chinese steel.", "2025-07-15", 2024),
        ("Canada imposed a 25% surtax on Chinese EVs in October.", "2026-01-10", 2025),
        ("Vietnam will apply a 20% duty on Chinese steel from March.", "2025-11-20", 2026),
        ("Canada said its 25% surtax on Chinese EVs would start in February.", "2025-12-10", 2026),
    ],
)
def test_a_bare_month_takes_the_year_its_tense_points_to(story: str, date: str, year: int) -> None:
    assert {y for _s, y in _timed(story, date).values()} == {year}


@pytest.mark.parametrize(
    "story",
    [
        "The European Commission intends to apply a 25% duty on Russian fertiliser from January.",
        "Indonesia's cabinet approved a 15% import duty on laptops that comes into force in"
        " January.",
    ],
)
def test_an_earlier_month_ahead_is_next_years(story: str) -> None:
    assert set(_timed(story).values()) == {("announced", 2026)}


def test_an_earlier_month_behind_is_this_years() -> None:
    story = "Vietnam has applied a 20% duty on Chinese steel from January."
    assert set(_timed(story).values()) == {("in force", 2025)}


# --- a preliminary duty whose deposits are still to be paid ------------------------------------


@pytest.mark.parametrize(
    "second",
    [
        "Importers will pay cash deposits once the finding is published.",
        "Importers will start posting deposits next week.",
        "Customs will begin collecting cash deposits when the notice appears in the gazette.",
    ],
)
def test_a_preliminary_duty_with_deposits_to_come_is_announced(second: str) -> None:
    story = "The US Commerce Department set a preliminary duty of 20% on Chinese shrimp. " + second
    assert _timed(story)["20%"][0] == "announced"


# --- a possible measure is a threat ------------------------------------------------------------


@pytest.mark.parametrize(
    "story",
    [
        "Trump said he may put a 25% tariff on Japanese cars.",
        "Trump said he might slap a 25% tariff on Japanese cars.",
        "The US could put a 25% tariff on Japanese cars, Trump said.",
    ],
)
def test_a_measure_someone_may_impose_is_threatened(story: str) -> None:
    assert _timed(story)["25%"][0] == "threatened"


# --- a removal for a period is a pause; a pause's end is not its year -------------------------


@pytest.mark.parametrize(
    "story",
    [
        "India will remove its 10% duty on US cotton from Aug. 19 until Sept. 30.",
        "India temporarily lifted its 10% duty on US cotton.",
        "India waived its 10% duty on US cotton for three months.",
    ],
)
def test_a_removal_for_a_period_is_a_suspension(story: str) -> None:
    assert _timed(story)["10%"] == ("suspended", 2025)


@pytest.mark.parametrize(
    "story",
    [
        "India lifted its 10% duty on US cotton, which had been in place for three years.",
        "India waived its 10% duty on US cotton.",
    ],
)
def test_a_removal_for_good_stays_a_removal(story: str) -> None:
    assert _timed(story)["10%"] == ("removed", 2025)


def test_the_month_a_pause_runs_until_is_not_its_year() -> None:
    story = "China delayed the increase of its tariff on US soybeans to 25% until March."
    assert _timed(story)["25%"] == ("suspended", 2025)


@pytest.mark.parametrize(
    "story",
    [
        "Mexico withdrew its 30% tariff on US pork on Friday.",
        "Mexico has withdrawn the 30% duties on US pork.",
    ],
)
def test_a_measure_withdrawn_is_removed(story: str) -> None:
    assert _timed(story)["30%"] == ("removed", 2025)


def test_a_complaint_withdrawn_removes_no_measure() -> None:
    story = "Mexico withdrew its complaint at the WTO against the 30% US tariff on steel."
    assert _timed(story)["30%"][0] == "in force"


# --- a decision still to be taken: proposed ----------------------------------------------------


@pytest.mark.parametrize(
    "story",
    [
        "EU member states are expected to approve duties of 30% on Chinese steel next month.",
        "The 30% EU duty on Chinese steel still needs the approval of member states.",
        "The 30% EU duty on Chinese steel is subject to a vote by member states.",
        "The 30% EU duty on Chinese steel must be approved by parliament.",
    ],
)
def test_a_measure_awaiting_a_decision_is_proposed(story: str) -> None:
    assert _timed(story)["30%"][0] == "proposed"


# --- a start still to come, told in other words ----------------------------------------------


@pytest.mark.parametrize(
    ("story", "year"),
    [
        ("Egypt's 20% duty on imported tiles will enter into force on 1 September.", 2025),
        ("Egypt's 20% duty on imported tiles enters into force in January.", 2026),
    ],
)
def test_a_measure_that_enters_into_force_later_is_announced(story: str, year: int) -> None:
    assert _timed(story)["20%"] == ("announced", year)


@pytest.mark.parametrize(
    "story",
    [
        "Egypt imposed a 20% duty on Turkish tiles, applicable from the date of publication in"
        " the official gazette.",
        "Egypt set a 20% duty on Turkish tiles, to be charged upon publication of the decree.",
    ],
)
def test_a_measure_that_starts_on_publication_is_announced(story: str) -> None:
    assert _timed(story)["20%"][0] == "announced"


def test_a_measure_that_started_on_publication_is_in_force() -> None:
    story = "Egypt's 20% duty on Turkish tiles took effect on publication in the gazette."
    assert _timed(story)["20%"][0] == "in force"


# --- a rate that changed in the news; a measure still to come is never of a past year ---------


@pytest.mark.parametrize(
    "story",
    [
        "Vietnam lowered several import taxes. The tax on large cars fell to 32%.",
        "Vietnam lowered several import taxes. The rate on ethanol was halved to 5%.",
    ],
)
def test_a_rate_that_changed_takes_the_articles_year(story: str) -> None:
    assert {year for _s, year in _timed(story).values()} == {2025}


def test_a_rate_cut_long_ago_is_background() -> None:
    story = "Vietnam's import tax on large cars, which had been cut to 32%, still weighs on sales."
    assert {year for _s, year in _timed(story).values()} == {None}


def test_a_coming_rate_takes_no_year_from_a_past_measure_beside_it() -> None:
    story = (
        "Trump said the US tariff on Indian goods would fall to 18% once he signs an order, and"
        " that a separate penalty imposed in August would be dropped."
    )
    assert _timed(story, "2026-02-03")["18%"] == ("announced", 2026)


# --- "a list of countermeasures, which would put …": a plan's measure, still to be decided ----


@pytest.mark.parametrize(
    "story",
    [
        "EU ministers discussed a list of countermeasures, which would put duties of 25% on US"
        " goods.",
        "Ottawa is weighing a package, which would put a 25% surtax on US steel.",
        "Brussels circulated a draft that would put tariffs of 25% on US soybeans.",
    ],
)
def test_a_plans_measure_is_proposed(story: str) -> None:
    assert {status for status, _y in _timed(story).values()} == {"proposed"}


def test_a_decided_packages_measure_is_announced() -> None:
    story = (
        "Canada unveiled a package of counter-tariffs, which will put 25% on US steel from Friday."
    )
    assert {status for status, _y in _timed(story).values()} == {"announced"}


@pytest.mark.parametrize(
    "second",
    [
        "Cash deposits will start being collected after the notice is published.",
        "The department will instruct US customs officers to collect cash deposits.",
    ],
)
def test_deposits_still_to_be_collected_keep_a_preliminary_duty_announced(second: str) -> None:
    story = "The US Commerce Department set a preliminary duty of 20% on Chinese shrimp. " + second
    assert _timed(story)["20%"][0] == "announced"


# --- a deal's terms are announced until the deal is carried out --------------------------------


@pytest.mark.parametrize(
    "story",
    [
        "The US and Japan agreed on a deal that sets a 15% US tariff on Japanese cars.",
        "The deal, signed on Monday, cuts the US tariff on British cars to 10%.",
        "The agreement caps US tariffs on EU cars at 15%.",
        "Under the pact, the US tariff on Vietnamese goods falls to 20%.",
    ],
)
def test_a_rate_a_deal_sets_is_announced(story: str) -> None:
    assert {status for status, _y in _timed(story).values()} == {"announced"}


@pytest.mark.parametrize(
    "story",
    [
        "Under the deal, Japanese cars now face a 15% US tariff.",
        "The 15% US tariff on Japanese cars set by the deal took effect on Sept. 16.",
        "Under the deal, EU cars have paid a 15% US tariff since August.",
    ],
)
def test_a_rate_a_deal_set_that_is_charged_is_in_force(story: str) -> None:
    assert {status for status, _y in _timed(story).values()} == {"in force"}


def test_the_rate_a_deals_cut_replaces_is_charged_until_then() -> None:
    story = "The agreement caps US tariffs on Japanese cars at 15%, down from 27.5%."
    assert _timed(story) == {"15%": ("announced", 2025), "27.5%": ("in force", None)}


# --- a preliminary rate determined in the news: its deposits are still to come ------------------


@pytest.mark.parametrize(
    "story",
    [
        "The US Commerce Department on Tuesday set preliminary anti-dumping duties of 20% on"
        " Chinese shrimp.",
        "The US Commerce Department issued a preliminary determination assigning a duty of 20%"
        " to Chinese shrimp.",
        "The US Commerce Department has calculated preliminary duties of 20% on Chinese shrimp.",
    ],
)
def test_a_preliminary_rate_just_determined_is_announced(story: str) -> None:
    assert _timed(story)["20%"] == ("announced", 2025)


@pytest.mark.parametrize(
    "story",
    [
        "The US set preliminary duties of 20% on Chinese shrimp in March.",
        "The US set preliminary duties of 20% on Chinese shrimp, which importers have paid since"
        " March.",
        "The US imposed preliminary duties of 20% on Chinese shrimp, effective immediately.",
        "Chinese shrimp carries a preliminary US duty of 20%.",
    ],
)
def test_a_preliminary_rate_set_before_or_collected_is_in_force(story: str) -> None:
    assert _timed(story)["20%"][0] == "in force"


# --- a measure to come on a condition is a threat --------------------------------------------


@pytest.mark.parametrize(
    "story",
    [
        "Trump said he will impose a 25% tariff on Mexican goods if the border is not secured.",
        "The US will raise its tariff on Chinese goods to 25% if Beijing retaliates.",
        "Washington would put a 25% tariff on Indian goods should talks fail.",
    ],
)
def test_a_measure_to_come_on_a_condition_is_threatened(story: str) -> None:
    assert {status for status, _y in _timed(story).values()} == {"threatened"}


@pytest.mark.parametrize(
    "story",
    [
        "Canada will impose a 25% surtax on US steel from Friday, even if talks continue.",
        "India will drop its 25% duty on US almonds if Washington signs the deal.",
        "Canada will impose a 25% surtax on US steel, as if to answer the US.",
        "Canada will impose a 25% surtax on US steel, with few exemptions if any.",
    ],
)
def test_a_measure_whose_condition_is_no_threat_keeps_its_state(story: str) -> None:
    assert {status for status, _y in _timed(story).values()} != {"threatened"}


def test_a_dated_measure_with_a_further_threat_stays_announced() -> None:
    story = "Canada will impose a 25% surtax on US steel from Friday, and more if talks fail."
    assert _timed(story)["25%"][0] == "announced"


@pytest.mark.parametrize(
    ("story", "date", "year"),
    [
        ("Turkey will impose a 10% duty on Chinese cars next month.", "2025-07-15", 2025),
        ("Turkey will impose a 10% duty on Chinese cars next month.", "2025-12-15", 2026),
        ("Turkey will impose a 10% duty on Chinese cars next week.", "2025-12-29", 2026),
    ],
)
def test_next_month_and_next_week_are_resolved(story: str, date: str, year: int) -> None:
    assert _timed(story, date)["10%"] == ("announced", year)


def test_a_dated_start_read_from_a_weak_verb_takes_the_articles_year() -> None:
    story = "Egypt imposed a 20% duty on Turkish tiles, applicable from its publication."
    assert _timed(story)["20%"] == ("announced", 2025)


@pytest.mark.parametrize(
    ("story", "status"),
    [
        ("The US rolled back its 25% tariff on Brazilian beef.", "removed"),
        ("The US has deferred its 25% tariff on Brazilian beef to October.", "suspended"),
        ("The US pushed back the start of its 25% tariff on Brazilian beef.", "suspended"),
        ("The US put off its 25% tariff on Brazilian beef by a month.", "suspended"),
    ],
)
def test_a_measure_rolled_back_or_put_off(story: str, status: str) -> None:
    assert _timed(story)["25%"] == (status, 2025)


@pytest.mark.parametrize("verb", ["struck", "signed", "won", "held"])
def test_a_month_after_another_past_verb_is_behind(verb: str) -> None:
    story = (
        "The US will lower its tariff on Japanese cars to 15%, carrying out a deal the two"
        f" countries {verb} in July."
    )
    assert _timed(story, "2025-09-05")["15%"] == ("announced", 2025)


# --- a coordinate clause of its own keeps its own state ----------------------------------------


@pytest.mark.parametrize(
    ("story", "rate", "status"),
    [
        (
            "A 25% US tariff on Indian goods took effect on Thursday, and a further 25% penalty"
            " would bring the levy to 50% later this month.",
            "50%",
            "announced",
        ),
        (
            "The EU suspended its 25% tariff on US bourbon, and the US lifted its 10% duty on"
            " EU wine.",
            "10%",
            "removed",
        ),
        (
            "Canada will impose a 25% surtax on US steel from Friday, and 10% on aluminum.",
            "10%",
            "announced",
        ),
    ],
)
def test_a_coordinate_clause_keeps_its_own_state(story: str, rate: str, status: str) -> None:
    assert _timed(story)[rate][0] == status


@pytest.mark.parametrize(
    "story",
    [
        "The US paused its higher tariffs for 90 days, leaving a 10% baseline tariff on goods.",
        "The US paused its higher tariffs for 90 days, keeping a 10% baseline tariff in place.",
        "The US paused all its new tariffs except the 10% baseline tariff.",
        "Trump paused for 90 days the higher US duties he had set on dozens of partners, leaving"
        " a 10% baseline tariff on most of their goods.",
    ],
)
def test_a_rate_left_beside_a_pause_is_in_force(story: str) -> None:
    assert _timed(story)["10%"][0] == "in force"


def test_an_order_named_as_a_noun_dates_nothing() -> None:
    story = (
        "Egypt has extended its safeguard duty on imported glass for three more years. Under the"
        " order, imports will pay a 20% duty in the first year."
    )
    assert _timed(story)["20%"][0] == "in force"


def test_a_duty_ordered_to_start_later_is_announced() -> None:
    story = "Egypt's trade ministry ordered a 20% duty on imported glass from next month."
    assert _timed(story)["20%"][0] == "announced"


# --- a leader's word of what he will do, with no date: a threat -------------------------------


@pytest.mark.parametrize(
    "story",
    [
        "Trump said he would impose a 25% tariff on Mexican goods.",
        "The US president said he will shortly place a 25% tariff on Mexican goods.",
        "Trump told reporters that he will put a 25% tariff on Mexican goods soon.",
    ],
)
def test_a_leaders_word_without_a_date_is_a_threat(story: str) -> None:
    assert _timed(story)["25%"][0] == "threatened"


@pytest.mark.parametrize(
    "story",
    [
        "Trump said he would impose a 25% tariff on Mexican goods from Aug. 1.",
        "Mexico's economy ministry said it would impose a 25% tariff on Chinese shoes.",
    ],
)
def test_a_dated_word_or_a_bodys_statement_is_announced(story: str) -> None:
    assert _timed(story)["25%"][0] == "announced"


# --- the time phrase of the rate's own stretch of words comes first ---------------------------


def test_each_rate_takes_the_time_of_its_own_words() -> None:
    story = (
        "Mexico imposed a 25% tariff on Chinese steel in March, and it plans to raise it to 35%"
        " next year."
    )
    assert _timed(story)["25%"] == ("in force", 2025)
    assert _timed(story)["35%"] == ("announced", 2026)


def test_a_coming_rate_takes_its_own_month_not_the_one_of_a_clause_before() -> None:
    story = (
        "Mexico's tariff on Chinese steel, which it imposed in March, will rise to 35% in January."
    )
    assert _timed(story)["35%"] == ("announced", 2026)


def test_a_date_with_its_year_after_a_comma_stays_whole() -> None:
    story = (
        "Mexico will raise its tariff on Chinese steel to 35% from Sept. 1, 2026, officials said."
    )
    assert _timed(story)["35%"] == ("announced", 2026)


def test_a_rate_whose_measure_will_change_after_a_relative_clause_is_charged_until_then() -> None:
    story = (
        "Mexico's 25% tariff on Chinese steel, which it imposed in March, will rise to 35% in May."
    )
    statuses = {rate: status for rate, (status, _y) in _timed(story, "2025-04-10").items()}
    assert statuses == {"25%": "in force", "35%": "announced"}


def test_a_rate_to_be_halved_is_charged_until_then() -> None:
    story = "India will halve its 150% tariff on British whisky to 75% when the deal takes effect."
    assert _timed(story) == {"150%": ("in force", None), "75%": ("announced", 2025)}


def test_a_rate_charged_now_takes_no_year_to_come() -> None:
    story = (
        "Grain above the quota pays a 65% Chinese tariff, a rate that remains unchanged next year."
    )
    assert _timed(story)["65%"] == ("in force", None)


@pytest.mark.parametrize(
    "story",
    [
        "Trump said Tuesday he would put tariffs of 25% on Japanese cars.",
        "The US will double its tariff on Indian goods to 25% should India buy more Russian oil.",
        "In case talks fail, the US will apply a 25% tariff on Indian goods.",
    ],
)
def test_more_wordings_of_a_threat(story: str) -> None:
    assert {status for status, _y in _timed(story).values()} == {"threatened"}


@pytest.mark.parametrize(
    "story",
    [
        "The 30% EU duty on Chinese steel requires the backing of member states.",
        "The 30% EU duty on Chinese steel will go to a vote of member states next month.",
    ],
)
def test_more_wordings_of_a_pending_decision(story: str) -> None:
    assert _timed(story)["30%"][0] == "proposed"


# --- a measure that will expire is charged until then --------------------------------------


@pytest.mark.parametrize(
    "story",
    [
        "The 25% US tariff on Chinese cranes is set to expire in December.",
        "The 25% US tariff on Chinese cranes is due to expire at the end of the year.",
        "The 25% US tariff on Chinese cranes will expire in December unless it is renewed.",
        "The 25% US safeguard tariff on washing machines expires in February.",
        "The 25% US tariff on Chinese cranes is set to lapse next month.",
    ],
)
def test_a_measure_that_will_expire_is_in_force(story: str) -> None:
    assert _timed(story)["25%"] == ("in force", None)


def test_an_expiring_measure_keeps_the_year_it_began() -> None:
    story = "The 25% US tariff on Chinese cranes, imposed in 2019, is set to expire in December."
    assert _timed(story)["25%"] == ("in force", 2019)


@pytest.mark.parametrize(
    "story",
    [
        "The US will reimpose its 25% tariff on Canadian lumber.",
        "The US would reinstate its 25% tariff on Canadian lumber, officials said.",
        "The US tariff on Canadian lumber will snap back to 25% in August.",
    ],
)
def test_a_measure_that_will_return_is_announced(story: str) -> None:
    assert _timed(story)["25%"][0] == "announced"


@pytest.mark.parametrize(
    "story",
    [
        "Japan said it could drop its 8% tariff on US beef as part of a deal.",
        "Japan may remove its 8% tariff on US beef.",
        "Japan might scrap its 8% tariff on US beef next year.",
    ],
)
def test_a_removal_that_may_come_is_offered(story: str) -> None:
    assert _timed(story)["8%"][0] == "offered removal"
