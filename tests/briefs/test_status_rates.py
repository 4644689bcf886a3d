"""States of rates that replace others, and of decisions still to be taken (issue 13). Sentences
of our own; the article is dated Tuesday 15 July 2025."""

from __future__ import annotations

from tests.briefs.drafted import draft_story, tariff_rows


def test_a_final_duty_that_will_replace_a_provisional_one_is_to_come() -> None:
    story = (
        "Ecuador's final anti-dumping duty of 20% on Chinese tiles will replace the provisional"
        " 25% duty."
    )
    assert {(row[2], row[3]) for row in tariff_rows(story)} == {
        ("20%", "announced"),
        ("25%", "in force"),
    }


def test_a_provisional_rate_replaced_now_is_no_longer_listed() -> None:
    story = (
        "The EU confirmed definitive duties of 20% on Chinese tiles, replacing provisional ones"
        " of 25%."
    )
    assert {row[2] for row in tariff_rows(story)} == {"20%"}


def test_a_rate_only_threatened_is_no_rate_charged_until_the_new_one() -> None:
    story = "Chile's 15% duty on Peruvian cement replaces the 40% rate threatened in March."
    assert ("Chile", "Peru", "40%", "in force") not in tariff_rows(story)


def test_a_decision_due_to_be_taken_is_proposed() -> None:
    story = "Peru's cabinet is due to decide next week on a 25% tariff on Chilean wine."
    assert {row[3] for row in tariff_rows(story)} == {"proposed"}


def test_a_measure_extended_from_a_later_date_is_charged_now() -> None:
    story = (
        "Chile said it would extend its 20% anti-dumping duty on Peruvian cement for another"
        " five years from Aug. 3."
    )
    assert {row[3] for row in tariff_rows(story)} == {"in force"}


def test_a_month_in_an_until_phrase_is_when_it_ends() -> None:
    story = (
        "Chile said the 20% provisional duty on Peruvian cement would remain in place until a"
        " final ruling in December."
    )
    assert {t.year for t in draft_story(story).tariffs} == {None}  # no start is told


def test_an_exemption_for_a_period_written_with_a_hyphen_is_a_pause() -> None:
    story = "Chile granted a six-month exemption from its 20% duty to Peruvian cement."
    assert {row[3] for row in tariff_rows(story)} == {"suspended"}


def test_a_period_of_another_noun_is_no_pause() -> None:
    story = "Chile lifted its 20% duty on Peruvian cement on Monday, ending a two-year dispute."
    assert {row[3] for row in tariff_rows(story)} == {"removed"}
