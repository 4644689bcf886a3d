"""Actor patterns of real typography (issue 13), each in sentences of our own: what is named
but is no actor (platforms, outlets, pacts, publications, holidays), and places written
another way."""

from __future__ import annotations

import pytest

from briefs.drafting import draft_brief


def _names(story: str) -> set[str]:
    brief = draft_brief(f" date 2025-07-15 Trade news of the day\n\n{story}\n")
    return {a.name for a in brief.actors}


@pytest.mark.parametrize(
    ("story", "not_actor"),
    [
        ("In a post on his Truth Social platform, Trump said the rate would rise.", "Truth Social"),
        ("The minister told Jiji Press that Japan would not retaliate.", "Jiji Press"),
        ("Kyodo News reported that Tokyo would respond on Monday.", "Kyodo News"),
        (
            "Ottawa will stay in the Trans-Pacific Partnership, Carney said.",
            "Trans-Pacific Partnership",
        ),
        ("The duty was published in the Government Gazette on Friday.", "Government Gazette"),
        ("Shipping slowed before the Lunar New Year holiday, traders said.", "Lunar New Year"),
        ("Besides Celanese, suppliers include BASF and Polyplastics.", "Besides Celanese"),
        ("The figures were first reported by the Asia News Network.", "Asia News Network"),
    ],
)
def test_names_that_are_no_actors(story: str, not_actor: str) -> None:
    assert not_actor not in _names(story)


@pytest.mark.parametrize(
    "story",
    [
        "HÀ NỘI — Vietnamese exporters said the tariff would hurt.",
        "Officials in Ha Noi said Vietnam would answer the US duty.",
    ],
)
def test_a_capital_written_in_two_words_is_its_country(story: str) -> None:
    names = _names(story)
    assert "Ha Noi" not in names and "Hà Nội" not in names


@pytest.mark.parametrize(
    ("story", "name", "role", "affiliation"),
    [
        (
            "The chief executive of Toyota, Koji Sato, warned about the US tariff.",
            "Koji Sato",
            "chief executive",
            "Toyota",
        ),
        (
            "The president of the Canadian Steel Producers Association, Catherine Cobden, said"
            " the duty helped.",
            "Catherine Cobden",
            "president",
            "Canadian Steel Producers Association",
        ),
        (
            "The governor of Michigan, Gretchen Whitmer, warned against the tariffs.",
            "Gretchen Whitmer",
            "governor",
            "Michigan",
        ),
    ],
)
def test_the_title_of_a_body_before_a_name_gives_role_and_affiliation(
    story: str, name: str, role: str, affiliation: str
) -> None:
    brief = draft_brief(f" date 2025-07-15 Trade news of the day\n\n{story}\n")
    person = next(a for a in brief.actors if a.name == name)
    assert (person.role, person.affiliation) == (role, affiliation)


@pytest.mark.parametrize(
    ("story", "country"),
    [
        ("Norway will charge a 12% duty on cranes from China, officials said.", "China"),
        ("Chile set a 20% tariff on steel bars made in Vietnam.", "Vietnam"),
        ("Peru raised its duty on rice imported from Thailand to 15%.", "Thailand"),
    ],
)
def test_the_target_of_a_measure_is_an_actor(story: str, country: str) -> None:
    assert country in _names(story)
