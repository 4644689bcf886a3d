"""Names of people in real typography (issue 13), in sentences of our own: honorifics and
courtesy titles before a name, Malay and Indonesian names, titles written in lower case before
the name, and a title before a surname alone."""

from __future__ import annotations

import pytest

from briefs.drafting import draft_brief
from briefs.model import Actor


def _actors(story: str) -> dict[str, Actor]:
    brief = draft_brief(f" date 2025-07-15 Trade news of the day\n\n{story}\n")
    return {a.name: a for a in brief.actors}


@pytest.mark.parametrize(
    ("story", "name"),
    [
        ("Dato' Sri Lim Wei Ming said Malaysian exporters were worried.", "Lim Wei Ming"),
        (
            "Datuk Seri Amir Hamzah Azizan said Malaysia would answer the tariff.",
            "Amir Hamzah Azizan",
        ),
        (
            "Tan Sri Muhyiddin bin Yassin said Malaysia would answer the tariff.",
            "Muhyiddin bin Yassin",
        ),
        (
            "Trade Minister Siti Aminah binti Abdullah said Malaysia would reply.",
            "Siti Aminah binti Abdullah",
        ),
        ("Datuk Ahmad Faiz said the 25% tariff hurt palm oil exporters.", "Ahmad Faiz"),
        ("Dr Omar Haddad, an economist, said the duty would raise prices.", "Omar Haddad"),
        ("Sri Mulyani Indrawati said Indonesia would not retaliate.", "Sri Mulyani Indrawati"),
    ],
)
def test_honorifics_are_not_part_of_the_name(story: str, name: str) -> None:
    actors = _actors(story)
    assert name in actors and actors[name].kind == "person", list(actors)
    assert not [n for n in actors if n != name and name in n], list(actors)


@pytest.mark.parametrize(
    ("story", "name", "role", "affiliation"),
    [
        (
            "Brazil's foreign minister Mauro Vieira said the 50% tariff was unjust.",
            "Mauro Vieira",
            "foreign minister",
            "Brazil",
        ),
        (
            "Japan's chief negotiator Akazawa Ryosei met US officials on the 25% tariff.",
            "Akazawa Ryosei",
            "chief negotiator",
            "Japan",
        ),
        (
            "The European Commission answered. Commission spokesperson Olof Gill said talks go on.",
            "Olof Gill",
            "spokesperson",
            "European Commission",
        ),
    ],
)
def test_a_title_in_lower_case_right_before_the_name_is_the_role(
    story: str, name: str, role: str, affiliation: str
) -> None:
    actor = _actors(story)[name]
    assert (actor.kind, actor.role, actor.affiliation) == ("person", role, affiliation)


@pytest.mark.parametrize(
    ("story", "name"),
    [
        ("Secretary-General Guterres warned against the 25% tariff.", "Guterres"),
        ("Mr Akazawa told reporters the 15% tariff was a good deal.", "Akazawa"),
    ],
)
def test_a_title_before_a_surname_alone_names_a_person(story: str, name: str) -> None:
    assert _actors(story)[name].kind == "person"


def test_a_name_before_of_and_a_body_is_a_person_of_that_body() -> None:
    story = (
        '"A 200 percent tax invites smuggling," said Faisal Rahman of the Institute for'
        " Trade Studies, a think tank in Jakarta."
    )
    actors = _actors(story)
    assert actors["Faisal Rahman"].kind == "person"
    assert actors["Faisal Rahman"].affiliation == "Institute for Trade Studies"
    assert actors["Institute for Trade Studies"].kind == "organization"


@pytest.mark.parametrize(
    "story",
    [
        '"TOTALLY UNACCEPTABLE," Trump wrote of the 25% tariff.',
        'He called the 25% tariff "VERY UNFAIR" and "DISGRACEFUL" on Friday.',
    ],
)
def test_words_shouted_in_capitals_name_no_one(story: str) -> None:
    assert all(not name.isupper() for name in _actors(story)), list(_actors(story))


@pytest.mark.parametrize(
    ("story", "name", "role"),
    [
        (
            "Vice-Minister of Commerce Li Chenggang said China opposed the tariff.",
            "Li Chenggang",
            "Vice-Minister of Commerce",
        ),
        (
            "Minister of International Trade Maninder Sidhu said Canada would respond.",
            "Maninder Sidhu",
            "Minister of International Trade",
        ),
    ],
)
def test_a_title_of_a_portfolio_is_one_role(story: str, name: str, role: str) -> None:
    assert _actors(story)[name].role == role


def test_a_place_based_adjective_is_no_name() -> None:
    actors = _actors("Tokyo-based analyst Kenji Sato said Japan would respond to the 25% tariff.")
    assert "Tokyo-based" not in actors and actors["Kenji Sato"].role == "analyst"


def test_a_surname_with_its_title_after_a_comma_is_a_person() -> None:
    actors = _actors("Lutnick, the commerce secretary, said the 25% tariff would stay.")
    assert actors["Lutnick"].kind == "person" and actors["Lutnick"].role == "commerce secretary"


def test_a_given_name_that_is_also_a_month_is_a_name() -> None:
    actors = _actors('"Both sides step back," said Jun Zhao, an economist at a research institute.')
    assert "Jun Zhao" in actors and "Zhao" not in actors, list(actors)


@pytest.mark.parametrize(
    ("story", "name", "role"),
    [
        (
            "Reserve Chair Jerome H. Powell said the 25% tariff could lift prices.",
            "Jerome H. Powell",
            "Chair",
        ),
        (
            "Sen. Ron Wyden, D-Ore., criticised the 25% tariff on Canadian lumber.",
            "Ron Wyden",
            "Sen.",
        ),
        ("Gov. Ana Rojas said the 25% tariff would hurt the state's farms.", "Ana Rojas", "Gov."),
    ],
)
def test_initials_and_abbreviated_titles_keep_the_name_whole(
    story: str, name: str, role: str
) -> None:
    actors = _actors(story)
    assert actors[name].kind == "person" and actors[name].role == role, list(actors)
    assert "Powell" not in actors


def test_a_name_before_its_staff_is_a_company() -> None:
    actors = _actors("Harlow Sachs economists said the 25% tariff would slow growth.")
    assert actors["Harlow Sachs"].kind == "organization"


def test_a_minister_of_a_portfolio_after_the_name_is_one_role() -> None:
    actors = _actors('"This helps," said the Honourable Ana Rojas, Minister of Finance.')
    assert actors["Ana Rojas"].role == "Minister of Finance" and "Finance" not in actors


def test_an_analyst_at_a_firm_works_there() -> None:
    actors = _actors("Trade analyst Marte Lie at Vardo Markets said the duty mirrored US steps.")
    assert actors["Marte Lie"].affiliation == "Vardo Markets"
    assert actors["Vardo Markets"].kind == "organization"


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("President-elect", "President-elect"),
        ("Prime Minister-designate", "Prime Minister-designate"),
        ("Taoiseach", "Taoiseach"),
        ("Lawmaker", "Lawmaker"),
        ("MEP", "MEP"),
        ("Permanent Secretary", "Permanent Secretary"),
        ("Chief Operating Officer", "Chief Operating Officer"),
        ("Ex-President", "Ex-President"),
    ],
)
def test_more_titles_do_not_glue_to_the_name(title: str, role: str) -> None:
    actors = _actors(f"{title} Ana Rojas said the 25% tariff was unfair.")
    assert [(a.name, a.role) for a in actors.values() if a.kind != "country"] == [
        ("Ana Rojas", role)
    ]


@pytest.mark.parametrize(
    ("story", "name", "role"),
    [
        ("He Lifeng met Bessent in Geneva to discuss the 145% tariff.", "He Lifeng", None),
        (
            "Nguyễn Hồng Diên, Vietnam's industry and trade minister, said exports rose.",
            "Nguyễn Hồng Diên",
            "industry and trade minister",
        ),
        ("Ms. Sri Mulyani said the 32% tariff was a challenge for Indonesia.", "Sri Mulyani", None),
    ],
)
def test_east_and_southeast_asian_names_in_their_own_order(
    story: str, name: str, role: str | None
) -> None:
    actors = _actors(story)
    assert name in actors and actors[name].role == role, list(actors)


@pytest.mark.parametrize(
    ("story", "name"),
    [
        ("Xi said China would answer the 145% tariff.", "Xi Jinping"),
        ("Lee said South Korea would seek a lower rate than 25%.", "Lee Jae-myung"),
    ],
)
def test_a_leader_whose_family_name_comes_first_is_known_by_it(story: str, name: str) -> None:
    assert _actors(story)[name].kind == "person"


def test_its_title_before_a_name_serves_the_body_named_before() -> None:
    story = "The United Steelworkers backed it. Its president, Tom Conway, said jobs were at stake."
    assert _actors(story)["Tom Conway"].affiliation == "United Steelworkers"


@pytest.mark.parametrize(
    "story",
    [
        "Under World Trade Organization rules, Peru may answer the 25% duty.",
        "High tariffs on Peruvian Rice Growers hurt exports, officials said.",
    ],
)
def test_a_sentence_s_opening_word_does_not_glue_to_a_name(story: str) -> None:
    assert not [n for n in _actors(story) if n.split()[0] in ("Under", "High")], list(
        _actors(story)
    )


def test_a_quoted_speaker_described_by_a_trade_is_a_person() -> None:
    actors = _actors(
        '"We did nothing to deserve this," said Marta Lins, a coffee exporter in Minas.'
    )
    assert actors["Marta Lins"].kind == "person" and actors["Marta Lins"].role == "coffee exporter"
