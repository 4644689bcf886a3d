"""Summaries (issue 13), in stories of our own: the news a story holds further down (a second
measure, its rate) is worth more than colour near the top, and page furniture never leads."""

from __future__ import annotations

from briefs.drafting.summary import summarise

_LEAD = "Norway will charge a 12% duty on cranes from China from July, the finance ministry said."
_COLOUR = [
    "The harbour in Oslo was busy on Tuesday morning as ships waited to unload their cargo and",
    "Dock workers, some of them in their third decade on the quays, said the mood was calm and",
    "Several families came down to the water to watch the ships come in from the grey sea and",
]


def test_a_later_sentence_with_a_measure_and_rate_beats_colour_near_the_top() -> None:
    colour = [f"{c} the gulls were loud all the while over the old wooden piers." for c in _COLOUR]
    news = "China said it would answer with a 15% tariff on Norwegian salmon from August."
    story = [
        _LEAD,
        colour[0],
        "It was agreed that talks would go on.",
        *colour[1:],
        "So far.",
        news,
    ]
    summary = summarise(story, ["Norway", "China"], "Cranes to pay more")
    assert summary.startswith(_LEAD) and news in summary


def test_two_long_sentences_leave_room_for_the_head_of_a_third() -> None:
    long_lead = (
        "Norway will charge a 12% duty on cranes from China from July, the finance ministry said"
        " on Tuesday, in a move that port operators in Bergen, Oslo and Trondheim say could add"
        " millions of kroner a year to the cost of new harbour equipment."
    )
    second = (
        "The duty follows a complaint by two Norwegian makers, who said Chinese cranes had been"
        " sold in Norway below cost for three years and had taken almost half of the market"
        " for heavy lifting gear."
    )
    third = (
        "China said it would answer with a 15% tariff on Norwegian salmon from August, its"
        " commerce ministry said in a statement posted online late on Tuesday evening."
    )
    summary = summarise([long_lead, second, third], ["Norway", "China"], "Cranes to pay more")
    assert summary.startswith(long_lead) and third in summary
    assert "The duty follows a complaint by two Norwegian makers" in summary
    assert len(summary.split()) <= 90


def test_a_question_is_not_chosen_over_a_statement() -> None:
    story = [
        _LEAD,
        "Will Norway's cranes duty and the 15% salmon tariff from China hurt the ports this year?",
        "China said it would answer with a 15% tariff on Norwegian salmon from August.",
    ]
    summary = summarise(story, ["Norway", "China"], "Cranes to pay more")
    assert "?" not in summary, summary


def test_a_sentence_repeated_within_a_longer_one_is_said_once() -> None:
    short = "Norway will charge a 12% duty on cranes from China."
    story = [short, _LEAD, "China said it would answer with a 15% tariff on Norwegian salmon."]
    summary = summarise(story, ["Norway", "China"], "Cranes to pay more")
    assert summary.count("12% duty on cranes") == 1, summary
    assert summary.startswith(_LEAD), summary
