"""Tariff patterns of news writing (issue 13), each checked on sentences of our own in several
wordings, so a rule that only fits one article's phrasing shows here as a failure."""

from __future__ import annotations

import pytest

from briefs.rates import normalise_rate
from tests.briefs.drafted import draft_story as _draft
from tests.briefs.drafted import tariff_pairs as _pairs
from tests.briefs.drafted import tariff_rows as _rows

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


# --- the imposer is the market that collects the duty -------------------------------------------


@pytest.mark.parametrize(
    ("story", "expected"),
    [
        (
            "Japanese carmakers will pay a 15% tariff on vehicles sold in the United States.",
            ("United States", "Japan", "15%"),
        ),
        (
            "Chinese exporters of solar panels now face a 30% duty in the European Union.",
            ("European Union", "China", "30%"),
        ),
        (
            "A 25% duty on Korean cars entering the United States took effect on Monday.",
            ("United States", "South Korea", "25%"),
        ),
        ("German cars shipped to Mexico face a 20 percent tariff.", ("Mexico", "Germany", "20%")),
        (
            "Canadian lumber producers pay anti-dumping duties of 20% when they sell to the"
            " United States.",
            ("United States", "Canada", "20%"),
        ),
        ("Chinese steel faces a 25 percent tariff in Canada.", ("Canada", "China", "25%")),
        (
            "Brazilian coffee now carries a 50% duty at the U.S. border.",
            ("United States", "Brazil", "50%"),
        ),
        (
            "Thai rice exporters said the Philippines' new 15% tariff would hurt sales.",
            ("Philippines", "Thailand", "15%"),
        ),
        ("Swiss watchmakers face a 39% U.S. tariff.", ("United States", "Switzerland", "39%")),
        (
            "Vietnamese furniture pays a 20% levy on arrival in Australia.",
            ("Australia", "Vietnam", "20%"),
        ),
    ],
)
def test_the_market_collects_the_duty_not_the_goods_country(
    story: str, expected: tuple[str, str, str]
) -> None:
    by, on, rate = expected
    assert _pairs(story) == {(by, on, normalise_rate(rate))}


@pytest.mark.parametrize(
    ("story", "expected"),
    [
        (
            "Mexico welcomed the decision by the United States to cut its tariff on tomatoes"
            " to 10%.",
            ("United States", "Mexico", "10%"),
        ),
        (
            "Vietnam secured a cut in U.S. tariffs on its goods to 20% under the deal.",
            ("United States", "Vietnam", "20%"),
        ),
        (
            "Under the agreement, Britain won a reduction of American duties on its cars to 10%.",
            ("United States", "United Kingdom", "10%"),
        ),
        (
            "Australian farmers hailed China's decision to lift its 80% tariff on barley.",
            ("China", "Australia", "80%"),
        ),
        (
            "The deal lowers Japan's tariffs on American beef to 9%, Washington said.",
            ("Japan", "United States", "9%"),
        ),
        (
            "Seoul praised Washington for trimming the tariff on Korean cars to 15%.",
            ("United States", "South Korea", "15%"),
        ),
        (
            "Indonesia obtained a lower U.S. tariff of 19% on its exports in the pact.",
            ("United States", "Indonesia", "19%"),
        ),
        (
            "Canadian officials applauded Beijing's move to drop its 100% levy on Canadian canola"
            " oil.",
            ("China", "Canada", "100%"),
        ),
        (
            "India negotiated a reduction of the EU's duty on Indian textiles to 5%.",
            ("European Union", "India", "5%"),
        ),
        (
            "Kenya welcomed Britain's cut of its 5% tariff on Kenyan tea to 2%.",
            ("United Kingdom", "Kenya", "2%"),
        ),
    ],
)
def test_the_party_that_welcomes_or_wins_a_cut_is_not_the_imposer(
    story: str, expected: tuple[str, str, str]
) -> None:
    by, on, rate = expected
    assert (by, on, normalise_rate(rate)) in _pairs(story)
    assert all(t.imposed_by == by for t in _draft(story).tariffs)


# --- status on the article's date ---------------------------------------------------------------


def _only(story: str, date: str = "2025-07-15") -> tuple[str, int | None]:
    tariffs = _draft(story, date).tariffs
    assert len(tariffs) == 1, tariffs
    return tariffs[0].status, tariffs[0].year


@pytest.mark.parametrize(
    "story",
    [
        "Canada plans a 10% surtax on U.S. steel from next month.",
        "Canada plans a 10% surtax on U.S. steel.",
        "The 25% tariffs Washington set on Mexican goods are scheduled to take effect on August 1.",
        "A 30% U.S. levy on EU goods goes into effect on Aug. 1, the White House said.",
        "The new 20% U.S. tariff on Vietnamese imports will go into effect next week.",
        "Trump signed an order imposing a 50% tariff on Brazilian goods, effective August 6.",
        "Turkey has decided to lower its tariff on U.S. cars to 10%.",
        "India's 10% retaliatory duties on U.S. almonds, announced in June, kick in on Friday.",
        "The United States is expected to impose a 25% tariff on Indian goods next week.",
        "Mexico agreed to raise its tariff on Chinese cars to 50% from January.",
        "Preliminary duties of 30% on Canadian lumber are due to start next month, the U.S. said.",
        "Brazil said importers of Chinese tyres must post deposits at a preliminary rate of 20%"
        " from next week.",
    ],
)
def test_a_decided_measure_that_starts_later_is_announced(story: str) -> None:
    assert _only(story)[0] == "announced"


@pytest.mark.parametrize(
    ("story", "expected"),
    [
        (
            "Australia agreed to scrap its 5% tariff on British cars under the trade deal, which"
            " still needs ratification.",
            "offered removal",
        ),
        (
            "China said it would remove the 15% tariff on Canadian canola once talks conclude.",
            "offered removal",
        ),
        ("Japan pledged to eliminate its 8% duty on U.S. beef.", "offered removal"),
        ("The EU has offered to lift its 25% duties on U.S. motorcycles.", "offered removal"),
        (
            "India will drop its 20% duty on U.S. walnuts if Washington signs the deal.",
            "offered removal",
        ),
        ("Canada's 25% counter-tariffs on U.S. goods will be dropped on September 1.", "removed"),
        (
            "Mexico will lift its 30% tariff on U.S. pork on Friday, the economy ministry said.",
            "removed",
        ),
        ("China's 80% duty on Australian barley was lifted last year.", "removed"),
        ("The U.S. has paused its 34% tariff on Chinese goods for 90 days.", "suspended"),
        ("China has postponed its 15% tariff on U.S. soybeans until December.", "suspended"),
    ],
)
def test_a_removal_to_come_is_not_yet_removed(story: str, expected: str) -> None:
    assert _only(story)[0] == expected


@pytest.mark.parametrize(
    "story",
    [
        "The U.S. Commerce Department imposed preliminary anti-dumping duties of 40% on"
        " Vietnamese shrimp.",
        "Canada's provisional 15% duties on Chinese steel wire took effect on Friday.",
        "Importers of Chinese tyres have been paying preliminary deposits of 20% to Brazil since"
        " May.",
        "The EU's provisional duties of up to 35% on Chinese EVs apply from today.",
        "India began collecting a provisional 12% safeguard duty on steel imports this week.",
    ],
)
def test_a_preliminary_duty_already_collected_is_in_force(story: str) -> None:
    assert _only(story)[0] == "in force"


@pytest.mark.parametrize(
    ("story", "date", "year"),
    [
        ("The United States imposed a 10% tariff on Chinese toys in March.", "2025-07-15", 2025),
        (
            "South Korea will impose a 20% tariff on Chinese steel plates from January.",
            "2025-12-10",
            2026,
        ),
        ("The EU tariff on U.S. whiskey of 50% has applied since October.", "2025-03-10", 2024),
        (
            "India's 10% retaliatory duties on U.S. almonds, announced in June, kick in on Friday.",
            "2025-07-15",
            2025,
        ),
        (
            "Trump signed an order imposing a 50% tariff on Brazilian goods, effective August 6.",
            "2025-07-15",
            2025,
        ),
        ("Canada's 25% surtax on Chinese EVs took effect in October.", "2025-02-10", 2024),
        ("Mexico plans to raise its tariff on Chinese cars to 50% in January.", "2025-11-20", 2026),
        ("China has postponed its 15% tariff on U.S. soybeans until December.", "2025-07-15", 2025),
        (
            "The U.S. tariff of 25% on Chinese cranes, in place since November, stays.",
            "2025-01-20",
            2024,
        ),
        ("Brazil's 35% duty on Chinese EVs, which began in July, stays.", "2025-09-05", 2025),
    ],
)
def test_a_bare_month_takes_the_year_its_tense_points_to(story: str, date: str, year: int) -> None:
    assert _only(story, date)[1] == year


# --- rates named with the exporters who bear them, after a measure on several targets -----------

_POM = "China imposed anti-dumping duties on plastics from the United States, Japan and the EU."


@pytest.mark.parametrize(
    ("follow", "target", "rate"),
    [
        ("American producers face the steepest rate, 71.8 per cent.", "United States", "71.8%"),
        ("EU exporters were given 34.2 per cent.", "European Union", "34.2%"),
        ("The figure for Japanese companies is 35.1 per cent.", "Japan", "35.1%"),
        ("Japanese suppliers will pay between 3.8% and 32.6%.", "Japan", "3.8% to 32.6%"),
        ("Japanese firms were handed a rate of 20%.", "Japan", "20%"),
        ("US makers got the highest margin, 40%.", "United States", "40%"),
        ("For European sellers the rate is 12%.", "European Union", "12%"),
        ("Exporters from Japan were charged 15%.", "Japan", "15%"),
        ("American shippers were assigned 18%.", "United States", "18%"),
        ("The lowest rate, 5%, went to Japanese mills.", "Japan", "5%"),
    ],
)
def test_a_rate_named_with_its_exporters_is_their_country_s(
    follow: str, target: str, rate: str
) -> None:
    pairs = _pairs(f"{_POM} {follow}")
    assert ("China", target, normalise_rate(rate)) in pairs
    assert all(by == "China" for by, _on, _rate in pairs)


# --- a rate said with a verb: "taxed at", "charged" ----------------------------------------------


@pytest.mark.parametrize(
    ("story", "expected"),
    [
        (
            "Goods from the European Union and Mexico will be taxed at 30% when they enter the"
            " US from August 1.",
            {("United States", "European Union", "30%"), ("United States", "Mexico", "30%")},
        ),
        (
            "Washington said Canadian goods would be charged 35% from the same date.",
            {("United States", "Canada", "35%")},
        ),
        ("India will tax Chinese toys at 20% from May.", {("India", "China", "20%")}),
        (
            "Under the decree, Brazil charges 18% on electric cars imported from China.",
            {("Brazil", "China", "18%")},
        ),
        (
            "Steel from Vietnam and Thailand is now taxed at 25% on arrival in Australia.",
            {("Australia", "Vietnam", "25%"), ("Australia", "Thailand", "25%")},
        ),
    ],
)
def test_a_rate_said_with_a_verb_is_a_measure(
    story: str, expected: set[tuple[str, str | None, str]]
) -> None:
    assert _pairs(story) == {(by, on, normalise_rate(rate)) for by, on, rate in expected}


@pytest.mark.parametrize(
    "story",
    [
        "Tariffs of 50% on steel already apply to imports from all countries, including EU"
        " members and Mexico, the US said.",
        "A 50% US duty on steel covers every country, such as Japan and Mexico.",
        "The 50% US tariff on steel applies to all origins, Mexico among them.",
    ],
)
def test_a_country_named_as_one_of_all_targets_is_not_the_imposer(story: str) -> None:
    assert {(t.imposed_by, t.imposed_on) for t in _draft(story).tariffs} == {
        ("United States", None)
    }


@pytest.mark.parametrize(
    ("story", "expected"),
    [
        ("India agreed to reduce its 20% tariffs on US goods to zero.", "offered removal"),
        ("Vietnam pledged to bring its 10% duty on US cars down to zero.", "offered removal"),
        ("Japan promised to lower its 8% levy on US beef to 0%.", "offered removal"),
        ("Japan agreed to cut its tariff on US rice to 10%.", "announced"),
    ],
)
def test_agreeing_to_cut_a_tariff_to_zero_offers_its_removal(story: str, expected: str) -> None:
    assert _only(story)[0] == expected


def test_a_removal_in_another_reported_clause_is_that_measure_s() -> None:
    story = (
        "Trump said the US tariff on Indian goods would fall to 18% once he signs an order, and"
        " that a separate 25% penalty on India would be dropped."
    )
    rows = _rows(story)
    assert ("United States", "India", "18%", "announced") in rows
    # no date is set for dropping it: an offered removal (the gold conventions, tune/60)
    assert ("United States", "India", "25%", "offered removal") in rows


# --- a country told of, handed or hit with a rate is its target ---------------------------------

_TRUMP = "The United States imposed a 25% tariff on Japanese cars in April."


@pytest.mark.parametrize(
    ("follow", "target", "rate"),
    [
        ("Canada was told that its goods would be charged 35% from August.", "Canada", "35%"),
        ("Brazil was handed a 50% rate.", "Brazil", "50%"),
        ("India was hit with a 26% tariff.", "India", "26%"),
        ("Vietnam was given a rate of 20%.", "Vietnam", "20%"),
        ("Switzerland has been slapped with a 39% levy.", "Switzerland", "39%"),
        ("Laos and Myanmar were assigned rates of 40%.", "Laos", "40%"),
        ("South Africa received a 30% rate, the highest in Africa.", "South Africa", "30%"),
        ("Thailand is facing a 36% tariff from August.", "Thailand", "36%"),
    ],
)
def test_a_country_handed_a_rate_is_its_target(follow: str, target: str, rate: str) -> None:
    pairs = _pairs(f"{_TRUMP} {follow}")
    assert ("United States", target, normalise_rate(rate)) in pairs
    assert all(by == "United States" for by, _on, _rate in pairs)


# --- "the bloc" is the bloc the story names ------------------------------------------------------


@pytest.mark.parametrize(
    ("story", "expected"),
    [
        (
            "The EU is weighing its options. The bloc has suspended its countermeasures against"
            " US goods.",
            ("European Union", "United States", None),
        ),
        (
            "Mercosur leaders met in Asuncion. The bloc will raise its common tariff on Chinese"
            " steel to 25%.",
            ("Mercosur", "China", "25%"),
        ),
        (
            "The European Union answered on Monday. The bloc's 25% duties on US whiskey stay.",
            ("European Union", "United States", "25%"),
        ),
    ],
)
def test_the_bloc_is_the_bloc_named_before(
    story: str, expected: tuple[str, str, str | None]
) -> None:
    by, on, rate = expected
    assert (by, on, normalise_rate(rate) if rate else None) in _pairs(story)


# --- dates written day first, and measures said in the passive future ----------------------------


@pytest.mark.parametrize(
    ("story", "status", "year"),
    [
        ("Goods from Mexico will be taxed at 30% by the US from 1 August.", "announced", 2025),
        ("The US will charge a 30% tariff on Mexican goods from 1 August.", "announced", 2025),
        ("A 30% US tariff on Mexican goods starts on 1 August.", "announced", 2025),
        ("Mexican goods would be charged a 30% US tariff from 1 August.", "announced", 2025),
        ("India's 10% duty on US almonds has applied since 3 March.", "in force", 2025),
        ("Canada's 25% surtax on US steel took effect on 13 March.", "in force", 2025),
        (
            "The US tariff of 30% on Mexican goods will be applied from 1 January.",
            "announced",
            2026,
        ),
    ],
)
def test_a_day_first_date_dates_the_measure(story: str, status: str, year: int) -> None:
    assert _only(story) == (status, year)


@pytest.mark.parametrize(
    "story",
    [
        "Brussels has proposed removing its 10% tariffs on US industrial goods.",
        "The EU proposed to drop its 25% duties on American cars.",
        "Canada has put forward a plan to scrap its 25% surtax on US steel.",
    ],
)
def test_proposing_to_remove_a_tariff_offers_its_removal(story: str) -> None:
    assert _only(story)[0] == "offered removal"


# --- "tariff" as the topic of talks is no measure; officials speak for their country ------------


@pytest.mark.parametrize(
    "story",
    [
        "Officials from Thailand are seeking to settle tariff disputes with Washington.",
        "Japan and the United States resumed tariff talks in Tokyo on Monday.",
        "Markets fell as the tariff war between China and the United States deepened.",
        "Canada and Mexico signed a tariff truce with the United States.",
        "India said its tariff policy toward Japan would not change.",
        "Brazil's tariff revenue from Chinese imports rose last year.",
    ],
)
def test_tariff_as_the_topic_of_talks_is_no_measure(story: str) -> None:
    assert _draft(story).tariffs == ()


@pytest.mark.parametrize(
    ("story", "countries"),
    [
        (
            "Greer held talks with officials from Thailand and Malaysia on Monday.",
            {"Thailand", "Malaysia"},
        ),
        ("The deal was drafted by negotiators of Japan and Vietnam.", {"Japan", "Vietnam"}),
        ("Envoys from Kenya met the trade minister in Lagos.", {"Kenya"}),
    ],
)
def test_a_country_whose_officials_act_is_an_actor(story: str, countries: set[str]) -> None:
    names = {a.name for a in _draft(story).actors if a.kind == "country"}
    assert countries <= names


# --- the rate still charged beside a new one that starts later -----------------------------------


@pytest.mark.parametrize(
    ("story", "date", "new", "old"),
    [
        (
            "Mercosur tyres will pay a tariff of 35% instead of the present 16% from March 1.",
            "2025-12-21",
            "35%",
            "16%",
        ),
        (
            "From January, the Chinese duty on polymers will fall to 1 percent from 6.5 percent.",
            "2025-12-29",
            "1%",
            "6.5%",
        ),
        (
            "Japan will cut its tariff on US beef to 9% from 22% next year.",
            "2025-07-15",
            "9%",
            "22%",
        ),
        (
            "India's duty on US almonds is set to rise to 20% from 10% in September.",
            "2025-07-15",
            "20%",
            "10%",
        ),
        (
            "For tiles the new Mercosur tariff will be 25%, up from 14%, from March.",
            "2025-12-21",
            "25%",
            "14%",
        ),
    ],
)
def test_the_rate_charged_until_a_new_one_starts_is_in_force(
    story: str, date: str, new: str, old: str
) -> None:
    rows = {(rate, status) for _by, _on, rate, status in _rows(story, date)}
    assert (normalise_rate(new), "announced") in rows
    assert (normalise_rate(old), "in force") in rows


@pytest.mark.parametrize(
    "story",
    [
        "China raised its tariff on US goods to 125% from 84% on Friday.",
        "The EU cut its duty on Chilean wine to 5% from 10% last month.",
    ],
)
def test_a_superseded_rate_is_not_listed(story: str) -> None:
    assert len(_draft(story).tariffs) == 1


@pytest.mark.parametrize(
    ("story", "rate"),
    [
        ("Japan charges a tariff of 341 yen per kilogram on rice.", "341 yen per kilogram"),
        ("Korea levies a duty of 500 won per kg on Chinese garlic.", "500 won per kg"),
        ("India imposed a duty of 50 rupees a tonne on US apples.", "50 rupees a tonne"),
    ],
)
def test_a_rate_per_unit_in_a_named_currency_is_a_rate(story: str, rate: str) -> None:
    assert [t.rate for t in _draft(story).tariffs] == [rate]


@pytest.mark.parametrize(
    "story",
    [
        "Korean steelmakers struggle with a 50 percent duty on their shipments to the United"
        " States.",
        "Indian exporters worry about a 25% tariff on their exports to the United States.",
        "Vietnamese sellers are hurt by a 20% levy on sales to the United States.",
    ],
)
def test_shipments_to_a_market_name_it_as_the_imposer(story: str) -> None:
    assert all(t.imposed_by == "United States" for t in _draft(story).tariffs)
    assert len(_draft(story).tariffs) == 1


def test_a_run_of_rate_sentences_keeps_the_measure_open() -> None:
    story = (
        "China imposed anti-dumping duties on resin from the United States, the EU, Japan and"
        " Taiwan. The duties took effect on Sunday. They replace deposits paid since January."
        " American producers face 70%. EU exporters were given 34%. The figure for Japanese"
        " firms is 35%. Taiwanese producers will pay 4%."
    )
    pairs = _pairs(story)
    for target, rate in (
        ("United States", "70%"),
        ("European Union", "34%"),
        ("Japan", "35%"),
        ("Taiwan", "4%"),
    ):
        assert ("China", target, rate) in pairs


@pytest.mark.parametrize(
    "story",
    [
        "Importers of Chinese extrusions will pay Australian duties of 10% from today.",
        "Australia's 10% duty on Chinese extrusions applies from today.",
        "Australia's 10% duty on Chinese extrusions takes effect today.",
        "Starting today, Australia will charge a 10% duty on Chinese extrusions.",
        "Australia will charge a 10% duty on Chinese extrusions, effective today.",
    ],
)
def test_a_measure_that_starts_on_the_article_s_day_is_in_force(story: str) -> None:
    assert _only(story)[0] == "in force"


@pytest.mark.parametrize(
    ("story", "status"),
    [
        (
            "Marcos signed an order last week restoring the Philippine tariff, which had been cut"
            " to 15% on Vietnamese rice in July last year.",
            "in force",
        ),
        (
            "India announced new duties on Monday, replacing its 10% levy on US almonds, which"
            " took effect in 2023.",
            "in force",
        ),
    ],
)
def test_a_relative_clause_keeps_its_own_status(story: str, status: str) -> None:
    tariffs = _draft(story).tariffs
    rated = [t for t in tariffs if t.rate]
    assert [t.status for t in rated] == [status]


@pytest.mark.parametrize(
    "follow",
    [
        "The higher tariff will apply to rice from all origins.",
        "The tariff applies to imports from every country.",
        "The new tariff covers rice from all sources.",
    ],
)
def test_a_later_sentence_can_widen_a_measure_to_every_origin(follow: str) -> None:
    story = (
        f"The Philippines will raise its tariff on Vietnamese rice to 35% from January. {follow}"
    )
    assert _pairs(story, "2025-11-20") == {("Philippines", None, "35%")}


def test_a_customs_union_is_a_bloc() -> None:
    story = (
        "A 9.5% safeguard duty on steel imports into the Southern African Customs Union took"
        " effect today. SACU members include Namibia."
    )
    assert _pairs(story) == {("Southern African Customs Union", None, "9.5%")}


def test_members_of_the_market_a_duty_is_paid_into_are_not_its_targets() -> None:
    story = (
        "A 9.5% SACU safeguard duty on steel took effect today. The duty applies to imports into"
        " all five SACU members – South Africa, Botswana and Namibia."
    )
    assert _pairs(story) == {("Southern African Customs Union", None, "9.5%")}


@pytest.mark.parametrize(
    "story",
    [
        "Mexico's economy ministry said the country would not impose retaliatory duties.",
        "Japan has no plans to impose tariffs on US goods, the minister said.",
        "Canada will not slap a surtax on American steel, Carney said.",
        "India ruled out retaliatory tariffs on US almonds.",
    ],
)
def test_a_measure_ruled_out_is_no_measure(story: str) -> None:
    assert _draft(story).tariffs == ()


@pytest.mark.parametrize(
    "story",
    [
        "India notified WTO members of its plan for retaliatory duties on US almonds.",
        "Japan has notified the WTO of possible 20% counter-tariffs on US steel.",
    ],
)
def test_retaliation_notified_to_the_wto_is_proposed(story: str) -> None:
    assert _only(story)[0] == "proposed"


def test_widening_to_every_origin_reaches_each_rate_just_named() -> None:
    story = (
        "The Philippines will raise its tariff on Vietnamese rice to 35% from January. The rate"
        " had been cut to 15% last year. The higher tariff will apply to rice from all origins."
    )
    assert _pairs(story, "2025-11-20") == {
        ("Philippines", None, "35%"),
        ("Philippines", None, "15%"),
    }


@pytest.mark.parametrize(
    "follow",
    [
        "Vietnamese rice entering the market pays the 15% duty.",
        "Thai shippers also face the 15% tariff.",
    ],
)
def test_the_rate_of_a_measure_on_every_origin_named_for_one_is_that_measure(follow: str) -> None:
    story = f"The Philippines charges a 15% tariff on imported rice. {follow}"
    assert _pairs(story) == {("Philippines", None, "15%")}


@pytest.mark.parametrize(
    ("story", "status"),
    [
        (
            "India has extended a 12% provisional safeguard duty on flat steel imports for another"
            " 150 days, the finance ministry said in a notification.",
            "in force",
        ),
        ("Japan agreed to cut its tariff on US rice to 10% from 20%.", None),
    ],
)
def test_an_extended_duty_is_in_force_and_a_notification_is_no_proposal(
    story: str, status: str | None
) -> None:
    rows = _rows(story)
    if status is None:  # the agreed cut leaves the old rate charged until it applies
        assert ("Japan", "United States", "20%", "in force") in rows
    else:
        assert [row[3] for row in rows] == [status]


def test_a_cut_made_today_leaves_no_old_rate_though_a_plan_is_named_later() -> None:
    story = (
        "Argentina cut its import tariff on mobile phones to 8% from 16% on Monday, the economy"
        " ministry said, part of a plan to bring down prices."
    )
    assert {rate for _by, _on, rate in _pairs(story)} == {"8%"}


def test_cuts_for_developing_countries_have_no_one_target() -> None:
    story = (
        "Britain will scrap tariffs on more than 80 products from developing countries,"
        " including bananas from Ghana and textiles from Bangladesh."
    )
    assert {(by, on) for by, on, _rate in _pairs(story)} == {("United Kingdom", None)}


@pytest.mark.parametrize(
    "story",
    [
        "The EU extended its 25% steel safeguard until June 2027.",
        "Canada's 25% surtax on Chinese EVs stays in place through 2027.",
    ],
)
def test_the_year_a_measure_runs_until_is_not_its_year(story: str) -> None:
    assert _only(story)[1] is None


@pytest.mark.parametrize(
    "story",
    [
        "India said it was not considering retaliatory tariffs against the United States.",
        "Japan is not planning counter-tariffs on US goods, the minister said.",
    ],
)
def test_a_measure_not_being_considered_is_no_measure(story: str) -> None:
    assert _draft(story).tariffs == ()


# --- parties carried from context -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("story", "expected"),
    [
        (
            "The Government of Canada will apply a 25% surtax on steel from countries with which"
            " Canada has no free trade agreement.",
            {("Canada", None, "25%")},
        ),
        (
            "The commission imposed definitive anti-dumping duties on Chinese plywood. Rates range"
            " between 15% and 62%, the EU said.",
            {("European Union", "China", "15% to 62%")},
        ),
        (
            "Brazil raised tariffs on wind turbines. The rate climbs to 25% from 11%, effective"
            " next month.",
            {("Brazil", None, "25%"), ("Brazil", None, "11%")},
        ),
        (
            "Trump announced a 25% tariff on Japanese goods. The president also hit Malaysia with"
            " 24% and Kazakhstan with 27%.",
            {
                ("United States", "Japan", "25%"),
                ("United States", "Malaysia", "24%"),
                ("United States", "Kazakhstan", "27%"),
            },
        ),
        (
            "Under the deal, EU cars will face a 15% tariff in the US, down from 27.5%.",
            {
                ("United States", "European Union", "15%"),
                ("United States", "European Union", "27.5%"),
            },
        ),
        (
            "India imposed duties of 18.5% on tiles from China. Spanish tiles are charged 7%.",
            {("India", "China", "18.5%"), ("India", "Spain", "7%")},
        ),
    ],
)
def test_parties_carry_from_context(story: str, expected: set[tuple[str, str | None, str]]) -> None:
    assert _pairs(story, "2025-06-10") == {
        (by, on, normalise_rate(rate)) for by, on, rate in expected
    }


def test_a_cut_to_zero_on_other_goods_is_its_own_measure() -> None:
    story = (
        "Under the deal, EU cars will face a 15% tariff in the US. Washington will cut its duty on"
        " EU aircraft parts to zero."
    )
    tariffs = _draft(story).tariffs
    assert len(tariffs) == 2
    assert {t.rate for t in tariffs} == {"15%", None}


@pytest.mark.parametrize(
    ("story", "expected"),
    [
        (
            "India will drop its 20% duty on US walnuts if Washington lifts its steel tariffs.",
            {("India", "United States", "20%"), ("United States", None, None)},
        ),
        (
            "Ottawa said it would keep its surtax on Chinese EVs while Beijing kept its 100% levy"
            " on Canadian canola oil.",
            {("Canada", "China", None), ("China", "Canada", "100%")},
        ),
    ],
)
def test_its_measure_is_the_measure_of_the_country_just_named(
    story: str, expected: set[tuple[str, str | None, str | None]]
) -> None:
    assert _pairs(story) == {(by, on, normalise_rate(r) if r else r) for by, on, r in expected}


# --- more wordings of our own, in wire style ---------------------------------------------


@pytest.mark.parametrize(
    ("story", "expected"),
    [
        (
            "India will impose an anti-dumping duty of up to $1,500 per tonne on certain steel"
            " imports from China, Japan and South Korea.",
            {
                ("India", "China", "$1,500 per tonne"),
                ("India", "Japan", "$1,500 per tonne"),
                ("India", "South Korea", "$1,500 per tonne"),
            },
        ),
        (
            "The US set final duties on Vietnamese shrimp at 2.84%, down from a preliminary 3.5%."
            " Indian shrimp got a rate of 4.2%.",
            {("United States", "Vietnam", "2.84%"), ("United States", "India", "4.2%")},
        ),
        (
            "Chinese solar makers face combined US duties of up to 3,500%.",
            {("United States", "China", "3,500%")},
        ),
        (
            "Mexico imposed a 30% tariff on imports of Chinese textiles last year. On Monday it"
            " raised that rate to 35%.",
            {("Mexico", "China", "35%")},
        ),
        (
            "Beijing said it would exempt some US chip imports from its 125% tariff.",
            {("China", "United States", "125%")},
        ),
    ],
)
def test_wire_wordings(story: str, expected: set[tuple[str, str | None, str]]) -> None:
    assert _pairs(story, "2025-08-05") == {
        (by, on, normalise_rate(rate)) for by, on, rate in expected
    }


def test_countermeasures_being_prepared_are_proposed() -> None:
    story = (
        "The EU is preparing countermeasures against US goods that could take effect on Aug. 7 if"
        " talks fail."
    )
    assert _only(story, "2025-08-05")[0] == "proposed"


def test_a_past_change_told_as_background_supersedes_nothing() -> None:
    story = (
        "Mexico will raise its tariff on Chinese textiles to 35% from January. The rate had been"
        " cut to 20% in 2023."
    )
    assert ("Mexico", "China", "35%") in _pairs(story, "2025-11-20")


def test_thousands_in_a_rate_are_one_number() -> None:
    assert normalise_rate("3,500%") == "3500%"
    assert normalise_rate("3,500%") != normalise_rate("3% to 500%")


def test_a_sentence_on_when_the_new_rates_apply_dates_the_measures() -> None:
    story = (
        "Mercosur members agreed on Saturday to raise the bloc's common tariff on imported tyres"
        " and tiles. The higher rates apply from March 1. Tyres will pay 35% instead of the"
        " present 16%. For tiles the new level is 25%, up from 14%."
    )
    rows = {(rate, status) for _by, _on, rate, status in _rows(story, "2025-12-21")}
    assert rows == {
        ("35%", "announced"),
        ("16%", "in force"),
        ("25%", "announced"),
        ("14%", "in force"),
    }
    years = {t.rate: t.year for t in _draft(story, "2025-12-21").tariffs}
    assert years["35%"] == 2026 and years["25%"] == 2026


@pytest.mark.parametrize(
    "story",
    [
        "Importers of Chinese extrusions pay Australian duties from today. Chinese exporters will"
        " pay rates of between 9% and 41%.",
        "Australia's duties on Chinese extrusions took effect on Monday. Chinese exporters will"
        " face rates of 9% to 41%.",
    ],
)
def test_will_pay_describes_a_rate_and_yields_to_a_clear_status(story: str) -> None:
    assert {row[3] for row in _rows(story)} == {"in force"}


def test_a_rate_that_currently_stands_is_in_force() -> None:
    story = "Brazil will raise its import tax on EVs to 35% from July. It currently stands at 25%."
    rows = {(rate, status) for _by, _on, rate, status in _rows(story, "2025-12-10")}
    assert ("25%", "in force") in rows and ("35%", "announced") in rows


def test_preparing_for_weaker_sales_is_no_proposal() -> None:
    story = (
        "Vietnamese exporters are preparing for weaker sales after the Philippines decided to"
        " raise its tariff on rice to 35% from January."
    )
    assert _only(story, "2025-11-20")[0] == "announced"


# --- the dateline's government, lower-case bodies, rates for a list named before ----------------


@pytest.mark.parametrize(
    ("story", "expected"),
    [
        (
            "JAKARTA — The government also applies a 50% tariff on Chinese ceramic tiles.",
            {("Indonesia", "China", "50%")},
        ),
        (
            "JAKARTA — The country's customs authority began collecting the 10% levy on Thai"
            " sugar on Monday.",
            {("Indonesia", "Thailand", "10%")},
        ),
        (
            "NEW DELHI (Wire) — The Ministry of Finance has imposed anti-dumping duty on PVC resin"
            " from China, Indonesia and Japan. The duty ranges from $89 to $707 per tonne.",
            {
                ("India", "China", "$89 to $707 per tonne"),
                ("India", "Indonesia", "$89 to $707 per tonne"),
                ("India", "Japan", "$89 to $707 per tonne"),
            },
        ),
    ],
)
def test_parties_from_the_dateline_and_the_list_before(
    story: str, expected: set[tuple[str, str | None, str]]
) -> None:
    assert _pairs(story, "2025-04-10") == {
        (by, on, normalise_rate(rate)) for by, on, rate in expected
    }


def test_duties_that_remain_beside_a_removed_one_are_their_own_measure() -> None:
    story = (
        "OTTAWA — Carney said on Thursday that Canada would remove its 25% counter-tariffs on US"
        " goods covered by the trade pact, effective Sept. 1. Tariffs on US steel and autos"
        " remain."
    )
    rows = _rows(story, "2025-10-02")
    assert ("Canada", "United States", "25%", "removed") in rows
    assert ("Canada", "United States", None, "in force") in rows
    years = {t.rate: t.year for t in _draft(story, "2025-10-02").tariffs}
    assert years["25%"] == 2025  # Sept. 1 a few weeks before an October story


def test_a_truce_cut_already_made_lists_no_old_rate() -> None:
    story = (
        "The United States and China agreed to a 90-day truce, with Washington cutting its tariff"
        " on Chinese goods to 30% from 145%."
    )
    assert _pairs(story) == {("United States", "China", "30%")}


@pytest.mark.parametrize(
    "story",
    [
        "Brazilian coffee now carries a 50% US duty.",
        "Vietnamese shrimp currently pays a 25% US tariff.",
        "Japanese cars face a 15% US tariff today.",
        "Canadian steel still bears a 25% US duty.",
    ],
)
def test_a_rate_paid_now_is_in_force(story: str) -> None:
    assert _only(story)[0] == "in force"


# --- broadcaster wordings of our own ----------------------------------------------------------


def test_a_start_on_a_later_weekday_is_announced() -> None:
    story = (
        "Canada is hitting back with 25 per cent counter-tariffs on American goods, starting"
        " Thursday."
    )
    assert _only(story, "2025-03-12")[0] == "announced"  # a Wednesday story


def test_counter_tariffs_apart_are_retaliatory_and_the_answered_measure_keeps_its_state() -> None:
    story = (
        "The European Union says it will impose counter tariffs on US goods from April, in"
        " response to US tariffs on steel that took effect on Wednesday."
    )
    tariffs = {(t.imposed_by, t.measure, t.status) for t in _draft(story, "2025-03-12").tariffs}
    assert ("European Union", "retaliatory tariff", "announced") in tariffs
    assert ("United States", "tariff", "in force") in tariffs


@pytest.mark.parametrize(
    "story",
    [
        "Japanese officials kept pressing Washington to exclude Japan from the new 25 percent"
        " duties on steel.",
        "Tokyo asked the US to exempt Japan from its 25 percent duties on steel.",
    ],
)
def test_a_country_to_be_spared_a_measure_is_its_target(story: str) -> None:
    assert _pairs(story) == {("United States", "Japan", "25%")}


def test_ending_exemptions_is_no_suspension() -> None:
    story = (
        "The Trump administration slapped 25% tariffs on all steel and aluminium imports, ending"
        " exemptions for Canada, Mexico and the EU."
    )
    assert _rows(story) == {("United States", None, "25%", "in force")}


def test_a_date_until_which_someone_waits_is_not_the_measure_s() -> None:
    story = "Sheinbaum said Mexico would wait until April 2 before answering the new US duties."
    assert _only(story, "2025-03-12")[1] is None


@pytest.mark.parametrize(
    ("story", "date", "expected"),
    [
        (
            "The EU will phase out its 10% duty on US lobster by January.",
            "2025-11-05",
            ("removed", 2026),
        ),
        (
            "Canada said its surtax on US steel would be lifted in March if Washington drops"
            " its duties.",
            "2025-02-05",
            ("offered removal", 2025),
        ),
        (
            "India's 15% duty on US apples has been suspended until the end of September.",
            "2025-06-20",
            ("suspended", 2025),
        ),
    ],
)
def test_removals_and_pauses_take_their_own_year(
    story: str, date: str, expected: tuple[str, int]
) -> None:
    rows = [
        (t.status, t.year) for t in _draft(story, date).tariffs if t.imposed_by != "United States"
    ]
    assert rows[0] == expected


@pytest.mark.parametrize(
    ("story", "expected"),
    [
        (
            "Tariffs of 50% on steel and 25% on cars already apply to imports from all countries,"
            " including EU members and Mexico.",
            {("United States", None, "50%"), ("United States", None, "25%")},
        ),
        (
            "Companies in Japan must pay a tariff of 341 yen per kilogram on rice above the quota.",
            {("Japan", None, "341 yen per kilogram")},
        ),
    ],
)
def test_every_origin_named_after_the_last_rate_and_the_importers_country(
    story: str, expected: set[tuple[str, str | None, str]]
) -> None:
    context = "The United States imposed a 10% tariff on Brazilian coffee. "
    pairs = _pairs((context if "Tariffs of" in story else "") + story)
    assert {(by, on, normalise_rate(rate)) for by, on, rate in expected} <= pairs
    assert not any(by in ("European Union", "Mexico") for by, _on, _rate in pairs)


@pytest.mark.parametrize(
    "story",
    [
        "Japan's chief tariff negotiator said the government would not give way.",
        "Even with the tariff, some imported rice from California and Taiwan sells for less.",
    ],
)
def test_no_imposer_from_a_negotiator_or_from_an_origin_list(story: str) -> None:
    context = "Japan charges a 20% tariff on imported rice above the quota. "
    assert {by for by, _on, _rate in _pairs(context + story)} == {"Japan"}


@pytest.mark.parametrize(
    ("story", "expected"),
    [
        (
            "India, Japan and South Korea have all been hit by the 25% US levy on steel.",
            {
                ("United States", "India", "25%", "in force"),
                ("United States", "Japan", "25%", "in force"),
                ("United States", "South Korea", "25%", "in force"),
            },
        ),
        (
            "Thailand offered to buy more US gas to avoid a 36% US tariff.",
            {("United States", "Thailand", "36%", "threatened")},
        ),
        (
            "The UK, the first country to strike a deal, will see US tariffs on its cars fall to"
            " 10%.",
            {("United States", "United Kingdom", "10%", "announced")},
        ),
    ],
)
def test_more_wordings_of_who_bears_a_measure(
    story: str, expected: set[tuple[str, str | None, str, str]]
) -> None:
    assert _rows(story) == {(by, on, normalise_rate(r), st) for by, on, r, st in expected}


def test_a_relative_clause_lends_no_target_to_the_main_one() -> None:
    story = "Unlike Canada, which imposed counter-tariffs, Mexico has held off on retaliating."
    assert ("Canada", "Mexico") not in {(by, on) for by, on, _rate in _pairs(story)}


@pytest.mark.parametrize(
    ("story", "expected"),
    [
        (
            "The United States set duties on solar cells from Cambodia, Malaysia and Thailand. That"
            " compares with 10% for Malaysia, while Thai firms face 23%.",
            {("United States", "Malaysia", "10%"), ("United States", "Thailand", "23%")},
        ),
        (
            "Canada announced duties on Chinese and Vietnamese steel wire. Rates for Vietnamese"
            " firms are lower, at 5%, against 21% for Chinese producers.",
            {("Canada", "Vietnam", "5%"), ("Canada", "China", "21%")},
        ),
        (
            "Washington raised tariffs on Chinese goods. Most other countries face 10%.",
            {("United States", None, "10%")},
        ),
    ],
)
def test_rates_for_whom_said_after_the_rate(
    story: str, expected: set[tuple[str, str | None, str]]
) -> None:
    rated = {(by, on, rate) for by, on, rate in _pairs(story) if rate}
    assert rated == {(by, on, normalise_rate(rate)) for by, on, rate in expected}


@pytest.mark.parametrize(
    ("story", "status"),
    [
        ("The US president floated a 200% tariff on European wine.", "proposed"),
        ("Brussels is mulling duties of up to 50% on US bourbon.", "proposed"),
        ("Trump told reporters he was thinking about a 10% tariff on all imports.", "proposed"),
        (
            "Trump said he will impose tariffs of 25% on Japanese cars, possibly as soon as next"
            " week.",
            "threatened",
        ),
    ],
)
def test_measures_floated_or_hedged_are_not_decided(story: str, status: str) -> None:
    assert _only(story)[0] == status


def test_a_measure_in_a_condition_is_threatened() -> None:
    story = "Beijing has vowed to hit back if the US goes ahead with the 34% levy on Chinese goods."
    assert ("United States", "China", "34%", "threatened") in _rows(story)


@pytest.mark.parametrize(
    "story",
    [
        "Mexico imposed a 30% tariff on Chinese footwear in 2024. Beijing says it will ease"
        " its curbs if Mexico drops the footwear tariff.",
        "Mexico imposed a 30% tariff on Chinese footwear in 2024. China would lift its own"
        " levies if Mexico scraps the 30% tariff on its footwear.",
        "Mexico imposed a 30% tariff on Chinese footwear in 2024. Talks resume only if Mexico"
        " first withdraws the footwear duty, officials in Beijing said.",
    ],
)
def test_a_measure_a_condition_asks_to_remove_stands(story: str) -> None:
    rows = {row for row in _rows(story) if row[2] == "30%"}
    assert rows == {("Mexico", "China", "30%", "in force")}


@pytest.mark.parametrize(
    "story",
    [
        "U.S. President Donald Trump says he plans to raise tariffs on Brazil by a further 15%.",
        "Japan's prime minister said she now plans a 20% levy on steel from China.",
        "Asked about the dispute, Germany said it plans to add 10% to tariffs on US cars.",
    ],
)
def test_a_plan_a_leader_says_they_have_is_a_threat(story: str) -> None:
    assert _only(story)[0] == "threatened"


def test_a_plan_a_government_sets_out_is_announced() -> None:
    story = "Australia plans a 10% duty on imported solar panels from March 1, the ministry said."
    assert _only(story)[0] == "announced"


def test_a_country_s_goods_before_the_measure_are_its_target() -> None:
    story = "Canada is expected to publish a list of US goods facing 25% retaliatory duties."
    assert _pairs(story) == {("Canada", "United States", "25%")}


def test_a_measure_lifted_by_its_imposer_is_one_measure_and_the_payers_are_its_target() -> None:
    story = (
        "SYDNEY (Wire) — Australian wine makers will no longer pay Chinese duties of up to 218%"
        " after Beijing lifted the levies on Friday."
    )
    assert _rows(story, "2025-08-22") == {("China", "Australia", "218%", "removed")}


def test_a_duty_that_applies_to_a_country_s_goods_is_theirs() -> None:
    story = (
        "Australia imposed dumping duties on Vietnamese extrusions. The separate countervailing"
        " duty of 4.1 per cent applies to Chinese extrusions."
    )
    assert ("Australia", "China", "4.1%") in _pairs(story)


@pytest.mark.parametrize(
    ("story", "expected"),
    [
        (
            "Exporters in Vietnam said the 46% rate announced by Washington would wipe out their"
            " margins.",
            ("United States", "Vietnam", "46%"),
        ),
        (
            '"We will not accept a 30% US tariff," said Mexico’s economy minister.',
            ("United States", "Mexico", "30%"),
        ),
        (
            "Canada protested the 25% US duty on its steel.",
            ("United States", "Canada", "25%"),
        ),
    ],
)
def test_those_who_suffer_a_measure_are_its_target(
    story: str, expected: tuple[str, str, str]
) -> None:
    by, on, rate = expected
    assert _pairs(story) == {(by, on, normalise_rate(rate))}


@pytest.mark.parametrize(
    "story",
    [
        "The central bank kept its 5% interest rate on hold, the finance ministry said.",
        "China's growth rate slowed to 4.5% as tariffs bit.",
    ],
)
def test_a_rate_of_another_kind_is_no_measure(story: str) -> None:
    assert all(t.rate is None for t in _draft(story).tariffs)


@pytest.mark.parametrize(
    ("story", "expected"),
    [
        (
            "The US raised tariffs on Canada and Mexico to 35% and 30% respectively.",
            {("United States", "Canada", "35%"), ("United States", "Mexico", "30%")},
        ),
        (
            "India imposed duties of 20% and 25% on Chinese and Thai tyres, respectively.",
            {("India", "China", "20%"), ("India", "Thailand", "25%")},
        ),
        (
            "The EU imposed duties of 15% on imports from China as well as Turkey.",
            {("European Union", "China", "15%"), ("European Union", "Turkey", "15%")},
        ),
    ],
)
def test_lists_paired_in_order_and_joined_by_as_well_as(
    story: str, expected: set[tuple[str, str | None, str]]
) -> None:
    assert _pairs(story) == {(by, on, normalise_rate(rate)) for by, on, rate in expected}


def test_a_change_far_from_its_measure_word_keeps_both_rates() -> None:
    story = (
        "From January, the Chinese duty on cyclic olefin polymers, used to package vaccines and"
        " other medicines, will fall to 1 percent from 6.5 percent."
    )
    rows = {(rate, status) for _by, _on, rate, status in _rows(story, "2025-12-29")}
    assert rows == {("1%", "announced"), ("6.5%", "in force")}
