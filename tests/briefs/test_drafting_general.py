"""Drafting rules that generalise (issue 13): each test is a sentence of our own in a shape
that failed on text written elsewhere."""

from __future__ import annotations

import pytest

from briefs.drafting import ArticleError, draft_brief
from briefs.model import Brief
from briefs.rates import normalise_rate


def _article(story: str, *, head: str = " date 2025-07-15 Trade news of the day") -> str:
    return f"{head}\n\n{story}\n"


def _pairs(brief: Brief) -> set[tuple[str, str | None, str | None]]:
    return {(t.imposed_by, t.imposed_on, t.rate) for t in brief.tariffs}


def _names(brief: Brief) -> list[str]:
    return [a.name for a in brief.actors]


# --- a date the reader gives ------------------------------------------------------------------


def test_an_article_without_a_date_says_how_to_give_one() -> None:
    text = "Lakeland weighs a levy on kettles\n\nLakeland officials met on a Tuesday to talk.\n"
    with pytest.raises(ArticleError, match="--date"):
        draft_brief(text)


def test_a_given_date_drafts_an_article_without_one() -> None:
    text = "Lakeland weighs a levy on kettles\n\nLakeland officials met on a Tuesday to talk.\n"
    brief = draft_brief(text, date="2025-03-04")
    assert brief.date == "2025-03-04"
    assert brief.title == "Lakeland weighs a levy on kettles"


def test_the_article_date_wins_over_a_given_one() -> None:
    brief = draft_brief(_article("Officials met to talk about kettles."), date="2020-01-01")
    assert brief.date == "2025-07-15"


def test_a_given_date_that_is_not_a_date_is_refused() -> None:
    with pytest.raises(ArticleError, match="not a date"):
        draft_brief("Headline here\n\nA story line.\n", date="soonish")


# --- layouts other than the seed's -------------------------------------------------------------


def _first_sentence(brief: Brief) -> str:
    return brief.summary.split(". ")[0]


@pytest.mark.parametrize(
    "head",
    [
        "Harbour levy debated\n\nPosted on 3 June 2025\n\nShare\n\nSave\n\nKim Rowe\n\n"
        "Economics reporter, Lakeside Radio\n\nImage caption, Cranes at the main quay",
        "Harbour levy debated\n\nLIVE\n\nLast updated: June 3, 2025 at 7:55 p.m. ET\n\n"
        "Key events\n\n6:40 p.m. ET\n\nWhat we know so far",
        "Harbour levy debated\n\nKim Rowe · Lakeside News · Posted: Jun 3, 2025 4:00 AM EST"
        " | Last Updated: June 3\n\nSocial Sharing",
        "Harbour levy debated\n\nBy KIM ROWE\n\nThe Lakeside Daily / 04:40 PM June 3, 2025",
        "Harbour levy debated\n\nFrom: Ministry of Ports\n\nNews release\n\n"
        "June 3, 2025 - Port Ville, Eastshire",
        "Harbour levy debated\n\nLAKESIDE WIRE - Jun 3, 2025 - 14:02 | All, World, Asia",
        "Harbour levy debated\n\nPUBLISHED JUNE 3, 2025",
        "Harbour levy debated\n\nTue 3 Jun 2025 19.02 BST\n\nShare",
        "Harbour levy debated\n\nReporter Name\n\nPort Ville\n\n"
        "Last Updated : Jun 3 2025 | 11:43 AM IST",
    ],
)
def test_header_furniture_stays_out_of_the_story(head: str) -> None:
    story = "Ruritania will charge a 12% duty on imported cranes. Port owners said they would pay."
    brief = draft_brief(f"{head}\n\n{story}\n")
    assert brief.date[:10] == "2025-06-03"
    assert _first_sentence(brief).startswith("Ruritania will charge")


@pytest.mark.parametrize(
    ("opening", "dateline"),
    [
        ("SÃO PAULO (AP) — ", "SÃO PAULO"),
        ("HÀ NỘI — ", "HÀ NỘI"),
        ("Yaoundé (AFP) – ", "Yaoundé"),
        ("Brussels (dpa) - ", "Brussels"),
        ("SEOUL (Yonhap): ", "SEOUL"),
        ("(NEWSFEED- Gulf Herald) MUSCAT: ", "MUSCAT"),
    ],
)
def test_datelines_in_other_shapes_are_cut_from_the_story(opening: str, dateline: str) -> None:
    story = f"{opening}Ruritania will charge a 12% duty on imported cranes. Owners will pay."
    brief = draft_brief(_article(story))
    assert brief.dateline == dateline
    assert _first_sentence(brief).startswith("Ruritania will charge")


def test_a_title_case_opening_without_an_agency_is_story() -> None:
    brief = draft_brief(_article("Ruritania - a small port state - will charge a 12% duty."))
    assert brief.dateline is None


# --- rates in sentences that do not name both parties; lists of targets ------------------------


def test_a_list_of_targets_gives_one_measure_each() -> None:
    brief = draft_brief(
        _article("Canada set provisional duties of 12% on steel pipe from Peru, Chile and Brazil.")
    )
    assert _pairs(brief) == {("Canada", c, "12%") for c in ("Peru", "Chile", "Brazil")}


def test_rates_that_name_only_the_exporter_borrow_the_imposer() -> None:
    brief = draft_brief(
        _article(
            "Canada set provisional duties on steel pipe from Peru, Chile and Brazil on Monday. "
            "Peruvian mills face 14.2%. For Chile the figure is 9.5%, and Brazilian producers "
            "pay between 3% and 21%."
        )
    )
    assert _pairs(brief) == {
        ("Canada", "Peru", "14.2%"),
        ("Canada", "Chile", "9.5%"),
        ("Canada", "Brazil", "3% to 21%"),
    }


def test_exporters_named_with_the_rate_are_the_target() -> None:
    brief = draft_brief(
        _article(
            "Mexico will charge anti-dumping duties on glass jars from next month. "
            "Chinese producers were assigned a rate of 40%."
        )
    )
    assert _pairs(brief) == {("Mexico", "China", "40%")}


# --- names in real typography ----------------------------------------------------------------


def _actor(brief: Brief, name: str):
    found = [a for a in brief.actors if a.name == name]
    assert found, f"{name} not among {_names(brief)}"
    return found[0]


def test_an_organisation_named_in_lower_case_is_an_actor() -> None:
    brief = draft_brief(
        _article(
            "Peru's trade ministry said on Monday it would appeal. Officials at the "
            "industry and energy ministry declined to comment, and the trade ministry "
            "later repeated its view."
        )
    )
    ministry = _actor(brief, "Trade Ministry")
    assert (ministry.kind, ministry.affiliation) == ("organization", "Peru")
    assert "Industry and Energy Ministry" in _names(brief)
    assert sum(name == "Trade Ministry" for name in _names(brief)) == 1


def test_a_lower_case_mention_joins_the_full_name() -> None:
    brief = draft_brief(
        _article(
            "The Ministry of Commerce in Lima announced a review. The commerce ministry said "
            "it would report in a month."
        )
    )
    assert "Commerce Ministry" not in _names(brief)
    assert "Ministry of Commerce" in _names(brief)


def test_a_lower_case_ministry_speaks_for_its_country_in_a_tariff() -> None:
    brief = draft_brief(
        _article("Chile's finance ministry will charge a 6% duty on imported tyres from May.")
    )
    assert _pairs(brief) == {("Chile", None, "6%")}


def test_the_wto_only_as_forum_is_not_an_actor() -> None:
    brief = draft_brief(
        _article(
            "Peru said it would take its case to the World Trade Organization. Under WTO rules, "
            "the duties may last four years, and Chile has filed a complaint at the WTO."
        )
    )
    assert "World Trade Organization" not in _names(brief)


def test_the_wto_that_rules_or_speaks_is_an_actor() -> None:
    brief = draft_brief(
        _article("A World Trade Organization panel ruled that the Peruvian duties broke the rules.")
    )
    assert "World Trade Organization" in _names(brief)
    brief = draft_brief(_article("The WTO said the talks in Lima would resume next week."))
    assert "World Trade Organization" in _names(brief)


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        (
            "Vice-Premier Lin Haoran told reporters the talks went well.",
            "Lin Haoran",
            "Vice-Premier",
        ),
        (
            "Director-General Ama Mensah said the meeting was useful.",
            "Ama Mensah",
            "Director-General",
        ),
        (
            "The minister, the Honourable Claire Dubois, said the duty was fair.",
            "Claire Dubois",
            None,
        ),
        (
            "Secretary-General Omar Haddad said the bloc would respond.",
            "Omar Haddad",
            "Secretary-General",
        ),
    ],
)
def test_a_title_word_does_not_glue_to_the_name(sentence: str, name: str, role: str | None) -> None:
    brief = draft_brief(_article(sentence))
    actor = _actor(brief, name)
    if role:
        assert actor.role == role


def test_exporters_named_anywhere_before_a_bare_rate_are_its_target() -> None:
    brief = draft_brief(
        _article(
            "Canada put provisional duties on wire from Egypt and Peru. The ruling assigned "
            "Egyptian exporters margins of up to 40 per cent, and for Peruvian mills 12 per cent."
        )
    )
    assert {(by, on, normalise_rate(rate)) for by, on, rate in _pairs(brief)} == {
        ("Canada", "Egypt", "40%"),
        ("Canada", "Peru", "12%"),
    }


def test_a_bloc_that_imposes_is_the_imposer_of_each_listed_target() -> None:
    brief = draft_brief(
        _article(
            "The Gulf Cooperation Council will impose anti-dumping duties on tiles from Peru "
            "and Chile. Peruvian exporters face duties of 11%, and the rate for Chilean "
            "producers is 20%."
        )
    )
    assert _pairs(brief) == {
        ("Gulf Cooperation Council", "Peru", "11%"),
        ("Gulf Cooperation Council", "Chile", "20%"),
    }
    assert _actor(brief, "Gulf Cooperation Council").kind == "country"


def test_goods_made_in_a_country_are_that_country_s() -> None:
    brief = draft_brief(
        _article("Chile will apply a 15% surtax on imports of bolts and screws made in Peru.")
    )
    assert _pairs(brief) == {("Chile", "Peru", "15%")}


def test_the_levy_keeps_the_target_named_before() -> None:
    brief = draft_brief(
        _article(
            "A 30% Chilean tariff on Peruvian copper took effect on Monday. The levy combines "
            "a 10% rate in place since May with an extra 20% ordered last week."
        )
    )
    assert {("Chile", "Peru", r) for r in ("30%", "10%", "20%")} <= _pairs(brief)
    assert all(on == "Peru" for _by, on, _rate in _pairs(brief))


def test_a_bare_rate_with_no_country_continues_the_measure_before() -> None:
    brief = draft_brief(
        _article(
            "Chile's counter-tariffs on Peruvian goods took effect on Monday. Copper and zinc "
            "from Peru now carry an extra 15 percent. A 10 percent rate applies to fish meal."
        )
    )
    assert {("Chile", "Peru", "15 percent"), ("Chile", "Peru", "10 percent")} <= _pairs(brief)


@pytest.mark.parametrize("rate", ["$673 per tonne", "P200 per metric ton", "€12 per kilogram"])
def test_a_rate_per_unit_is_a_rate(rate: str) -> None:
    brief = draft_brief(
        _article(f"Peru will charge a safeguard duty of {rate} on imported cement.")
    )
    assert _pairs(brief) == {("Peru", None, rate)}


# --- status on the article's date ------------------------------------------------------------


def _status(story: str, date: str = "2025-07-15") -> list[tuple[str | None, str, int | None]]:
    brief = draft_brief(_article(story, head=f" date {date} Trade news of the day"))
    return [(t.rate, t.status, t.year) for t in brief.tariffs]


def test_a_measure_that_starts_after_the_article_date_is_announced() -> None:
    assert _status("Peruvian copper will face Chilean duties of 12% from Aug. 14.") == [
        ("12%", "announced", 2025)
    ]
    assert _status("Chile's 12% duty on Peruvian copper applies from January 1.") == [
        ("12%", "announced", 2026)
    ]


def test_a_measure_that_started_before_the_article_date_stays_in_force() -> None:
    assert _status("Chile's 12% duty on Peruvian copper has applied since March.") == [
        ("12%", "in force", 2025)
    ]


def test_will_face_or_will_pay_is_announced() -> None:
    [(_, status, _)] = _status("Peruvian exporters will once again face a 12% Chilean duty.")
    assert status == "announced"


def test_said_he_would_announce_is_a_threat() -> None:
    [(_, status, _)] = _status(
        "The Chilean president said he would announce 12% tariffs on Peruvian copper."
    )
    assert status == "threatened"


def test_would_take_it_off_as_long_as_is_offered_removal() -> None:
    [(_, status, _)] = _status(
        "Chile said it would take its 12% tariff on Peruvian copper off, as long as Peru "
        "meets conditions."
    )
    assert status == "offered removal"


def test_a_measure_announced_in_an_earlier_year_is_in_force() -> None:
    [(_, status, year)] = _status(
        "The probe began in May 2024, days after Chile announced 12% duties on Peruvian copper."
    )
    assert (status, year) == ("in force", 2024)


# --- the imposer from the right party -------------------------------------------------------


def test_exports_to_a_market_face_that_market_s_duty() -> None:
    brief = draft_brief(_article("Most Peruvian exports to Chile will face a 15% tariff."))
    assert _pairs(brief) == {("Chile", "Peru", "15%")}
    brief = draft_brief(_article("Copper shipments from Peru into Chile now pay a 9% levy."))
    assert _pairs(brief) == {("Chile", "Peru", "9%")}


def test_another_country_s_tariffs_later_in_the_sentence_are_not_the_target() -> None:
    brief = draft_brief(
        _article(
            "Chile will keep its 11% import duty on raw copper suspended, the finance ministry "
            "said, easing costs for smelters facing steep new Peruvian tariffs on their goods."
        )
    )
    assert ("Chile", None, "11%") in _pairs(brief)


def test_the_levy_with_a_place_named_keeps_the_target() -> None:
    brief = draft_brief(
        _article(
            "A 30% U.S. tariff on Peruvian copper took effect on Monday. The levy joins a 10% "
            "rate with an extra 20% that Donald Trump ordered over a court case in Peru."
        )
    )
    assert {("United States", "Peru", r) for r in ("30%", "10%", "20%")} <= _pairs(brief)


def test_goods_made_in_a_country_after_a_list_are_that_country_s() -> None:
    brief = draft_brief(
        _article(
            "Chile will apply a 15% surtax on imports of wire, nails, screws and other "
            "fasteners made in Peru."
        )
    )
    assert _pairs(brief) == {("Chile", "Peru", "15%")}


def test_a_lower_case_body_belongs_to_the_dateline_s_country() -> None:
    brief = draft_brief(
        _article(
            "LIMA, Peru — The trade department has extended the safeguard duty on imported "
            "cement for three years. Under the order, imports will pay a duty of $20 per tonne."
        )
    )
    assert _actor(brief, "Trade Department").affiliation == "Peru"
    assert _pairs(brief) == {("Peru", None, "$20 per tonne")}


def test_a_quote_in_capitals_names_no_one() -> None:
    brief = draft_brief(
        _article(
            '"PERU IS VERY HARD TO TRADE WITH. OUR TALKS ARE GOING NOWHERE!" the Chilean '
            "president wrote. Chile will charge a 12% tariff on Peruvian copper."
        )
    )
    assert not [n for n in _names(brief) if n not in ("Chile", "Peru")]


@pytest.mark.parametrize(
    "place", ["the Oval Office", "Air Force One", "the Berlaymont", "the Palacio Nacional"]
)
def test_rooms_buildings_and_planes_are_places_not_actors(place: str) -> None:
    brief = draft_brief(
        _article(f"Speaking in {place} on Monday, Carla Ruiz said Chile would charge a 12% tariff.")
    )
    assert [n for n in _names(brief) if n not in ("Chile", "Carla Ruiz")] == []


def test_countries_named_once_as_the_subject_of_a_verb_are_actors() -> None:
    brief = draft_brief(
        _article(
            "Chile will charge a 12% tariff on Peruvian copper. Bolivia, Paraguay and Uruguay "
            "voted against the plan, while Ecuador said it would wait. Prices rose in Colombia."
        )
    )
    names = _names(brief)
    assert {"Bolivia", "Paraguay", "Uruguay", "Ecuador"} <= set(names)
    assert "Colombia" not in names


def test_a_trade_pact_that_would_remove_most_duties_is_no_measure() -> None:
    brief = draft_brief(
        _article(
            "Chile and Peru signed a free trade pact on Monday. It would remove most duties on "
            "goods traded between Chile and Peru, Bolivia and Ecuador over ten years."
        )
    )
    assert brief.tariffs == ()


def test_a_country_written_with_its_own_accents_is_that_country() -> None:
    brief = draft_brief(_article("Việt Nam will cut its 12% tariff on Peruvian coffee to zero."))
    assert "Vietnam" in _names(brief) and "Việt Nam" not in _names(brief)
    assert ("Vietnam", "Peru", "12%") in _pairs(brief)


def test_goods_built_in_a_country_named_in_a_compound_are_its() -> None:
    brief = draft_brief(_article("Chile will charge a 10% tariff on up to 5,000 UK-built cars."))
    assert _pairs(brief) == {("Chile", "United Kingdom", "10%")}


def test_companies_listed_with_and_are_two_actors() -> None:
    brief = draft_brief(
        _article(
            "Officials met Mitsubishi Corporation and Marubeni in Santiago. "
            "In Detroit, General Motors and Ford said they would pay the 12% tariff."
        )
    )
    names = set(_names(brief))
    assert {"Mitsubishi Corporation", "Marubeni", "General Motors", "Ford"} <= names
    assert not [n for n in names if " and " in n]


def test_deposits_importers_must_pay_are_a_measure() -> None:
    brief = draft_brief(
        _article(
            "Chile will make importers of Peruvian pork pay deposits of between 5% and 20% "
            "from next week, after a preliminary anti-dumping finding."
        )
    )
    assert _pairs(brief) == {("Chile", "Peru", "5% to 20%")}
    assert [t.status for t in brief.tariffs] == ["announced"]


def test_the_rate_charged_now_beside_a_proposed_one_is_in_force() -> None:
    statuses = dict(
        (rate, status)
        for rate, status, _year in _status(
            "Chile proposed raising its tariff on Peruvian cars to 50%, from about 20% now."
        )
    )
    assert statuses == {"50%": "proposed", "20%": "in force"}


def test_a_minister_with_no_country_is_the_dateline_s() -> None:
    brief = draft_brief(
        _article(
            "SANTIAGO, Chile — Economy Minister Ana Rojas on Tuesday proposed a 30% tariff "
            "on cars from Peru."
        )
    )
    assert _actor(brief, "Ana Rojas").affiliation == "Chile"
    assert _pairs(brief) == {("Chile", "Peru", "30%")}


def test_a_safeguard_applies_to_all_origins() -> None:
    brief = draft_brief(
        _article(
            "Peru imposed a safeguard duty of 15% on steel imports on Monday, after a surge of "
            "shipments from China and Vietnam."
        )
    )
    assert _pairs(brief) == {("Peru", None, "15%")}


def test_a_borrowed_rate_for_every_origin_borrows_no_target() -> None:
    brief = draft_brief(
        _article(
            "Peruvian copper will face Chilean duties of 45 per cent from Oct. 14. The new "
            "10 per cent levy applies to copper from every country. The order also puts a 25 "
            "per cent tariff on imported zinc."
        )
    )
    assert {("Chile", None, "10 per cent"), ("Chile", None, "25 per cent")} <= _pairs(brief)


def test_a_leader_named_by_surname_alone_is_the_leader() -> None:
    brief = draft_brief(
        _article("Trump has agreed to hold off on the 25% tariffs he planned on goods from Peru.")
    )
    assert "Donald Trump" in _names(brief)
    assert _pairs(brief) == {("United States", "Peru", "25%")}


def test_countermeasures_are_retaliatory_measures() -> None:
    brief = draft_brief(
        _article("Peru said it would impose countermeasures of 20% on Chilean wine.")
    )
    assert [(t.imposed_by, t.imposed_on, t.rate, t.measure) for t in brief.tariffs] == [
        ("Peru", "Chile", "20%", "retaliatory tariff")
    ]


def test_lifting_rated_duties_removes_them() -> None:
    [(_, status, _)] = _status("Chile lifted the 25% duties on Peruvian copper on Monday.")
    assert status == "removed"
    [(_, status, _)] = _status("Chile lifted its duty on Peruvian copper to 25% on Monday.")
    assert status != "removed"


def test_a_country_between_rate_and_measure_word_is_the_imposer() -> None:
    brief = draft_brief(
        _article("Peru's trade ministry said it would seek relief from the 25% Chilean tariff.")
    )
    assert _pairs(brief) == {("Chile", "Peru", "25%")}


def test_a_later_mention_of_countermeasures_joins_the_retaliation_named_before() -> None:
    brief = draft_brief(
        _article(
            "Peru has prepared retaliatory tariffs on Chilean wine. 'Peru's countermeasures "
            "are entirely legitimate,' a spokesman for Peru said."
        )
    )
    assert _pairs(brief) == {("Peru", "Chile", None)}


def test_a_removal_still_to_come_is_dated_forward() -> None:
    [(_, status, year)] = _status(
        "Peru said the surtax on Chilean wine would be lifted on Sept. 1."
    )
    assert (status, year) == ("removed", 2025)
    [(_, status, year)] = _status("Peru said it lifted the surtax on Chilean wine in September.")
    assert (status, year) == ("removed", 2024)


def test_a_rate_that_applies_now_is_in_force() -> None:
    for story in (
        "Chile's counter-tariffs on Peru will take effect in May. A 10 percent rate applies "
        "to copper.",
        "Under the deal, Peruvian cars above the quota will still pay Chile's 27.5% tariff.",
    ):
        statuses = {rate: status for rate, status, _ in _status(story)}
        assert statuses.get("10 percent", statuses.get("27.5%")) == "in force", story


def test_a_start_a_few_weeks_back_is_past() -> None:
    # A Sept. 10 story: "from Aug. 1" is this year's August, not next year's.
    [(_, status, year)] = _status(
        "Peruvian cars pay a 15% Chilean tariff under the deal, a rate applied from Aug. 1.",
        date="2025-09-10",
    )
    assert (status, year) == ("in force", 2025)


def test_a_measure_that_takes_effect_on_the_article_s_weekday_is_in_force() -> None:
    # 2025-04-05 is a Saturday.
    [(_, status, _)] = _status(
        "A 10% Chilean tariff on Peruvian goods takes effect on Saturday.", date="2025-04-05"
    )
    assert status == "in force"


def test_a_participle_clause_keeps_its_own_status() -> None:
    statuses = {
        rate: status
        for rate, status, _ in _status(
            "Chile will keep its 11% duty on copper suspended until Dec. 31, extending relief "
            "for smelters hit by a 50% Peruvian tariff on their goods."
        )
    }
    assert statuses == {"11%": "suspended", "50%": "in force"}


def test_an_acronym_joins_the_full_name_the_story_gives() -> None:
    brief = draft_brief(
        _article(
            "Ministers of the Pacific Alliance for Fair Trade met in Lima on Friday. "
            "PAFT members said a 12% tariff by Chile on Peruvian copper was unfair, and PAFT "
            "said it would meet again."
        )
    )
    names = _names(brief)
    assert "Pacific Alliance for Fair Trade" in names
    assert "PAFT" not in names


def test_a_name_whose_plant_or_chief_is_named_is_a_company() -> None:
    brief = draft_brief(
        _article(
            "A manager at Quillota's plant in Lima said the 12% Chilean tariff on Peruvian "
            "parts would cost jobs."
        )
    )
    assert _actor(brief, "Quillota").kind == "organization"


def test_a_common_noun_opening_the_sentence_is_not_part_of_the_name() -> None:
    brief = draft_brief(
        _article("Carmakers Quillota Motors and Andes Autos said the 12% Chilean tariff hurt.")
    )
    names = set(_names(brief))
    assert "Quillota Motors" in names
    assert not [n for n in names if n.startswith("Carmakers")]


@pytest.mark.parametrize(
    "story",
    [
        "Chile's exports to Peru rose 12% last year, while tariffs remained a concern.",
        "Peru buys 40% of Chile's copper, and a tariff would hurt both.",
        "Peru accounts for about 15 per cent of Chilean wine exports, which face no duties.",
    ],
)
def test_talk_of_tariffs_in_general_is_no_measure(story: str) -> None:
    assert draft_brief(_article(story)).tariffs == ()


def test_bylines_and_time_stamps_inside_a_live_page_are_not_story() -> None:
    brief = draft_brief(
        _article(
            "Chile will charge a 12% tariff on Peruvian copper.\n\nBy Dana Quispe\n\n"
            "6:15 p.m. ET\n\nPinned\n\nLIMA — Peru said it would respond.\n\nBy Luis Mora\n\n"
            "10:05 a.m. ET\n\nSANTIAGO — Chile said it would not."
        )
    )
    assert "Dana Quispe" not in _names(brief) and "Luis Mora" not in _names(brief)
    assert "Pinned" not in brief.summary and "6:15" not in brief.summary


@pytest.mark.parametrize("label", ["Contacts", "Media contacts", "Associated links", "Related"])
def test_a_press_release_s_contacts_are_footer(label: str) -> None:
    brief = draft_brief(
        _article(
            f"Chile will charge a 12% tariff on Peruvian copper.\n\n{label}\n\nAna-Lucía Quispe\n"
            "Press Secretary\nOffice of the Deputy Prime Minister and Minister of Trade"
        )
    )
    assert "Ana-Lucía Quispe" not in _names(brief)
    assert [n for n in _names(brief) if n not in ("Chile", "Peru")] == []


def test_an_agency_named_after_its_country_keeps_the_country_in_its_name() -> None:
    brief = draft_brief(
        _article(
            "The Chile Border Services Agency began collecting a 12% duty on Peruvian wire. "
            "The U.S. Commerce Department said it was watching."
        )
    )
    names = _names(brief)
    assert "Chile Border Services Agency" in names and "Border Services Agency" not in names
    assert "Commerce Department" in names


def test_a_ministry_of_several_portfolios_keeps_its_whole_name() -> None:
    brief = draft_brief(
        _article(
            "Chile's Ministry of Mines, Energy and Ports Development said the 12% Peruvian "
            "tariff was unfair."
        )
    )
    names = _names(brief)
    assert "Ministry of Mines, Energy and Ports Development" in names
    assert "Ministry of Mines" not in names and "Ports Development" not in names


def test_imports_from_countries_without_a_deal_are_from_all_origins() -> None:
    brief = draft_brief(
        _article(
            "SANTIAGO — The government will impose a 25 per cent surtax on steel from countries "
            "without a free trade agreement with Chile, Finance Minister Ana Rojas said."
        )
    )
    assert _pairs(brief) == {("Chile", None, "25 per cent")}


def test_goods_imported_from_a_country_after_a_list_are_its() -> None:
    brief = draft_brief(
        _article(
            "Peru will impose additional tariffs of 15 percent on chicken, wheat and corn "
            "imported from Chile, starting from March 10."
        )
    )
    assert _pairs(brief) == {("Peru", "Chile", "15 percent")}


def test_a_measure_word_inside_a_body_s_name_is_no_measure() -> None:
    brief = draft_brief(
        _article(
            "The Customs Tariff Commission of the State Council announced that Peru will impose "
            "a 15% tariff on Chilean wine."
        )
    )
    assert _pairs(brief) == {("Peru", "Chile", "15%")}


def test_a_ministry_with_no_country_is_the_dateline_s() -> None:
    brief = draft_brief(
        _article(
            "LIMA, Peru — The Ministry of Commerce said the anti-dumping duties of 62.4 percent on "
            "pork from Chile would take effect on Wednesday."
        )
    )
    assert _pairs(brief) == {("Peru", "Chile", "62.4 percent")}


def test_a_suspension_extended_is_suspended() -> None:
    statuses = {
        (by, on): status
        for by, on, status in (
            (t.imposed_by, t.imposed_on, t.status)
            for t in draft_brief(
                _article(
                    "Peru will extend its suspension of countermeasures against Chilean "
                    "tariffs until early August, the trade minister said."
                )
            ).tariffs
        )
    }
    assert statuses[("Peru", "Chile")] == "suspended"


@pytest.mark.parametrize(
    ("story", "expected"),
    [
        (
            "Peru on Monday announced a 20% tariff on Chilean wine, effective immediately.",
            "in force",
        ),
        ("Peru's 20% tariff on Chilean wine expired on Monday.", "removed"),
        ("Peru scrapped a plan to impose a 20% tariff on Chilean wine.", "suspended"),
        ("Peru exempted Chilean wine from its 20% tariff for six months.", "suspended"),
    ],
)
def test_more_status_words(story: str, expected: str) -> None:
    [(_, status, _)] = _status(story)
    assert status == expected


@pytest.mark.parametrize(
    ("sentence", "name", "role", "affiliation"),
    [
        (
            "Peru's chief trade negotiator, Rosa Huamán, said the 12% Chilean tariff was unfair.",
            "Rosa Huamán",
            "chief trade negotiator",
            "Peru",
        ),
        (
            "The Trade Minister, Luis Mora, said Chile would respond to Peru.",
            "Luis Mora",
            "Trade Minister",
            None,
        ),
    ],
)
def test_title_comma_name_gives_the_role(
    sentence: str, name: str, role: str, affiliation: str | None
) -> None:
    actor = _actor(draft_brief(_article(sentence)), name)
    assert actor.role == role
    if affiliation:
        assert actor.affiliation == affiliation


def test_a_leader_known_by_the_name_before_his_particles() -> None:
    brief = draft_brief(_article("President Lula said Brazil would answer the 50% U.S. tariff."))
    assert "Luiz Inácio Lula da Silva" in _names(brief) and "Lula" not in _names(brief)


def test_a_party_to_talks_named_once_is_an_actor() -> None:
    brief = draft_brief(
        _article(
            "Chile will charge a 12% tariff on Peruvian copper. Chile also held trade talks "
            "with Bolivia and Ecuador this week, and signed a deal with Uruguay."
        )
    )
    assert {"Bolivia", "Ecuador", "Uruguay"} <= set(_names(brief))


def test_a_rate_that_applies_to_a_country_s_makers_is_theirs() -> None:
    brief = draft_brief(
        _article(
            "Chile will impose anti-dumping duties on tiles from Peru and Bolivia. Peruvian "
            "exporters face duties of 11 per cent. A rate of 9.8 per cent will apply to "
            "Bolivian manufacturers, which sell mainly costly tiles."
        )
    )
    assert ("Chile", "Bolivia", "9.8 per cent") in _pairs(brief)


def test_goods_sold_in_a_market_but_made_anywhere_else_face_that_market_s_duty() -> None:
    brief = draft_brief(
        _article(
            "Chile on Friday threatened a 50% tariff on all goods from Peru. In a separate "
            "post, he warned Quillota that phones sold in Chile but made in Bolivia or anywhere "
            "else would face a tariff of at least 25% unless it moved."
        )
    )
    assert ("Chile", None, "25%") in _pairs(brief)


def test_the_measure_that_covers_listed_countries_is_a_measure_on_each() -> None:
    brief = draft_brief(
        _article(
            "Chile's Senate approved tariffs of up to 50% on about 900 products from countries "
            "without trade deals with Chile. The measure covers imports from Peru, Bolivia and "
            "Ecuador, among others."
        )
    )
    assert _pairs(brief) == {("Chile", c, "50%") for c in ("Peru", "Bolivia", "Ecuador")}


def test_a_weak_state_word_yields_to_the_lead_s_clear_status() -> None:
    statuses = {
        rate: status
        for rate, status, _ in _status(
            "Chile said on Friday it will impose preliminary anti-dumping duties on wire from "
            "Peru and Bolivia. Peruvian exporters face 30%, and Bolivian mills face 12%."
        )
    }
    assert statuses == {"30%": "announced", "12%": "announced"}


def test_makers_who_pay_on_goods_shipped_to_a_market_are_the_target() -> None:
    brief = draft_brief(
        _article("Peruvian carmakers will pay a 25% tariff on vehicles shipped to Chile.")
    )
    assert _pairs(brief) == {("Chile", "Peru", "25%")}


def test_pc_is_per_cent() -> None:
    assert _pairs(draft_brief(_article("Chile will impose a 25pc tariff on Peruvian steel."))) == {
        ("Chile", "Peru", "25pc")
    }


def test_levy_as_a_verb_is_no_second_measure() -> None:
    brief = draft_brief(
        _article("Chile will levy a 12.5 per cent duty on imports of Peruvian fish from May.")
    )
    assert _pairs(brief) == {("Chile", "Peru", "12.5 per cent")}


def test_countries_described_or_listed_as_suppliers_are_actors() -> None:
    brief = draft_brief(
        _article(
            "Chile will charge a 12% safeguard duty on steel. The largest suppliers include "
            "Bolivia, Ecuador and Uruguay. Paraguay, which sent a small team, held out."
        )
    )
    assert {"Bolivia", "Ecuador", "Uruguay", "Paraguay"} <= set(_names(brief))


@pytest.mark.parametrize(
    "sentence",
    [
        "The group includes Quillota and Andesol.",
        "Local plants run by Quillota and Andesol could suffer.",
        "The industry, represented by Quillota, welcomed it.",
        "Andes Group, which owns Quillota, said it was studying the duty.",
    ],
)
def test_names_after_includes_run_by_or_owns_are_companies(sentence: str) -> None:
    brief = draft_brief(_article(f"Chile will charge a 12% tariff on Peruvian parts. {sentence}"))
    assert _actor(brief, "Quillota").kind == "organization"


def test_a_country_s_senate_is_an_actor() -> None:
    brief = draft_brief(
        _article("Chile's Senate on Wednesday approved a 12% tariff on Peruvian parts.")
    )
    assert _actor(brief, "Senate").affiliation == "Chile"


@pytest.mark.parametrize("rate", ["25-percent", "10-per-cent", "25-per cent"])
def test_a_hyphenated_rate_is_a_rate(rate: str) -> None:
    brief = draft_brief(_article(f"Chile will impose a {rate} tariff on Peruvian steel."))
    assert _pairs(brief) == {("Chile", "Peru", rate)}


def test_lower_duties_that_rivals_pay_are_no_measure() -> None:
    brief = draft_brief(
        _article(
            "A 50% U.S. tariff on many Peruvian goods took effect. Exporters say the rate makes "
            "them uncompetitive against rivals in Chile and Bolivia, which pay lower U.S. duties."
        )
    )
    assert _pairs(brief) == {("United States", "Peru", "50%")}


def test_a_government_named_after_its_leader_is_that_country_s() -> None:
    brief = draft_brief(
        _article(
            "The Albanese Government will abolish almost 500 nuisance tariffs from 1 July. "
            "Nuisance tariffs are import duties of 5 per cent or less."
        )
    )
    assert _pairs(brief) == {("Australia", None, "5 per cent")}


def test_a_plan_with_a_start_date_is_announced() -> None:
    [(_, status, year)] = _status(
        "Chile plans to impose a 12% tariff on Peruvian steel from January."
    )
    assert (status, year) == ("announced", 2026)
    [(_, status, _)] = _status("Chile threatened a 12% tariff on Peruvian steel from January.")
    assert status == "threatened"


def test_a_bare_month_before_the_article_s_is_past_unless_the_clause_looks_ahead() -> None:
    [(_, status, year)] = _status(
        "Chile's 12% tariff on Peruvian steel, in place from March, stays."
    )
    assert (status, year) == ("in force", 2025)
