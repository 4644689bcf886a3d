"""Tariff patterns of news writing (issue 13), each checked on sentences of our own in several
wordings, so a rule that only fits one article's phrasing shows here as a failure."""

from __future__ import annotations

import pytest

from briefs.drafting import draft_brief
from briefs.model import Brief
from briefs.rates import normalise_rate


def _draft(story: str, date: str = "2025-07-15") -> Brief:
    return draft_brief(f" date {date} Trade news of the day\n\n{story}\n")


def _pairs(story: str, date: str = "2025-07-15") -> set[tuple[str, str | None, str | None]]:
    return {
        (t.imposed_by, t.imposed_on, normalise_rate(t.rate) if t.rate else None)
        for t in _draft(story, date).tariffs
    }


def _rows(story: str, date: str = "2025-07-15") -> set[tuple[str, str | None, str | None, str]]:
    return {
        (t.imposed_by, t.imposed_on, normalise_rate(t.rate) if t.rate else None, t.status)
        for t in _draft(story, date).tariffs
    }


# --- a list of targets: one measure per target -------------------------------------------------


@pytest.mark.parametrize(
    ("story", "by", "targets", "rate"),
    [
        (
            "Washington will impose a 25% surtax on steel from the EU, Japan and Mexico.",
            "United States",
            ["European Union", "Japan", "Mexico"],
            "25%",
        ),
        (
            "The government in Tokyo slapped anti-dumping duties of 30% on steel pipe from"
            " China, India and Vietnam.",
            "Japan",
            ["China", "India", "Vietnam"],
            "30%",
        ),
        (
            "Brazil raised its import tax on cars from Argentina and Mexico to 35%.",
            "Brazil",
            ["Argentina", "Mexico"],
            "35%",
        ),
        (
            "India imposed a 20 percent duty on aluminium imported from Russia, China and"
            " Indonesia.",
            "India",
            ["Russia", "China", "Indonesia"],
            "20%",
        ),
        (
            "The EU announced countervailing duties of 18% on bicycles made in China and Cambodia.",
            "European Union",
            ["China", "Cambodia"],
            "18%",
        ),
        (
            "Australia applied a 12 per cent levy to timber shipped from New Zealand, Chile and"
            " Brazil.",
            "Australia",
            ["New Zealand", "Chile", "Brazil"],
            "12%",
        ),
        (
            "Canada's finance department said duties of 15% would apply to imports from China"
            " and Vietnam.",
            "Canada",
            ["China", "Vietnam"],
            "15%",
        ),
        (
            "South Africa set a 9% tariff on chicken from Brazil, the United States and the EU.",
            "South Africa",
            ["Brazil", "United States", "European Union"],
            "9%",
        ),
        (
            "Mexico will charge tariffs of up to 50% on goods from China, South Korea, India and"
            " Thailand.",
            "Mexico",
            ["China", "South Korea", "India", "Thailand"],
            "50%",
        ),
        (
            "Turkey put a 40% levy on cars from China, Japan or South Korea.",
            "Turkey",
            ["China", "Japan", "South Korea"],
            "40%",
        ),
    ],
)
def test_a_list_of_targets_gives_one_measure_each(
    story: str, by: str, targets: list[str], rate: str
) -> None:
    assert _pairs(story) == {(by, target, normalise_rate(rate)) for target in targets}


# --- a rate in a sentence that names no party ---------------------------------------------------


@pytest.mark.parametrize(
    ("story", "expected"),
    [
        (
            "Canada imposed anti-dumping duties on steel wire from China. The rate is 45 per cent.",
            {("Canada", "China", "45%")},
        ),
        (
            "Brazil placed a duty on Chinese solar panels last week. It amounts to 25 per cent of"
            " the value.",
            {("Brazil", "China", "25%")},
        ),
        (
            "The European Union imposed provisional duties on Chinese electric bikes. Rates range"
            " from 10% to 40%.",
            {("European Union", "China", "10% to 40%")},
        ),
        (
            "India has slapped duties on Vietnamese tyres. They will be charged at 18%.",
            {("India", "Vietnam", "18%")},
        ),
        (
            "The United Kingdom levied a surtax on Russian fertiliser. It stands at 35%.",
            {("United Kingdom", "Russia", "35%")},
        ),
        (
            "Turkey put extra duties on cars from China. The additional charge is 40 per cent.",
            {("Turkey", "China", "40%")},
        ),
        (
            "Indonesia imposed safeguard duties on imported textiles. The rate is 20% in the"
            " first year.",
            {("Indonesia", None, "20%")},
        ),
        (
            "The United States imposed duties on shrimp from India and Ecuador. The rate is 7%.",
            {("United States", "India", "7%"), ("United States", "Ecuador", "7%")},
        ),
        (
            "Mexico announced tariffs on Chinese textiles. The levy will be 35%.",
            {("Mexico", "China", "35%")},
        ),
        (
            "Japan decided to impose tariffs on steel from South Korea. The figure for Korean"
            " mills is 12 per cent.",
            {("Japan", "South Korea", "12%")},
        ),
    ],
)
def test_a_rate_that_names_no_party_is_the_measure_before(
    story: str, expected: set[tuple[str, str | None, str | None]]
) -> None:
    assert _pairs(story) == {(by, on, normalise_rate(r) if r else r) for by, on, r in expected}
