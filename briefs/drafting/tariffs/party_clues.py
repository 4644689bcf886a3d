"""More clues to a measure's parties, read by the rules of `parties` in their order: each fills
only what the rules before it left unknown."""

from __future__ import annotations

import re

from briefs.dates import WEEKDAYS, month_pattern
from briefs.drafting.tariffs.entities import MentionContext, Parties

# "a 30% tariff from Aug. 1 and Mexico with 30%": a start after "from", never an origin
_FROM_A_DAY = re.compile(
    rf"\b(?:from|starting|as of)\s+(?:(?:{month_pattern()})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{month_pattern()})\b\.?"
    rf"|(?:{'|'.join(day.capitalize() for day in WEEKDAYS)})\b|(?:next|this)\s+\w+|today|tomorrow)",
)


def without_start(text: str) -> str:
    """`text` with a start day after "from" blanked out ("from Aug. 1 and" reads " and")."""
    return (
        _FROM_A_DAY.sub(" ", text) if "from" in text or "start" in text or "as of" in text else text
    )


IMPOSING_AFTER = re.compile(
    r"\s+(?:has\s+|had\s+|have\s+|first\s+|then\s+|later\s+)?(?:imposed|levied|placed|put"
    r"|slapped|introduced|announced|added|set|ordered|applied|charged)\b"
)
_BY = re.compile(
    r"\b(?:imposed|levied|set|introduced|ordered|announced|placed|put|collected|applied)\s+by\s+"
    r"|^\s+by\s+(?=(?:the\s+)?[A-Z])"  # "taxed at 30% by the US"
)
# "countermeasures after the United States imposed …": another clause, another measure's imposer
_ITS_MEASURE = re.compile(
    r"\s+(?:(?!(?:from|on|of|for|in|to|with|into)\b)[a-z]+\s+){1,3}?(?:its|their)\s+"
    r"(?:(?!(?:would|will|be|is|are|was|were|goods|products|exports)\b)[\w.%-]+\s+){0,2}"
)
_SPARED = re.compile(r"\b(?:exempt|exclud|spar|shield)\w*\s+$", re.I)
_FROM_ITS = re.compile(r"\s+(?:[a-z-]+\s+){1,3}?from\s+(?:its|their)\s+(?:[\w.%-]+\s+){0,2}")
_SPARED_GOODS = re.compile(
    r"\b(?:exempt|exclud|spar|shield)\w*\s+(?:(?:some|all|most|many|the|certain)\s+)?$", re.I
)
_BREAK_OR_ON = re.compile(
    r"[,;]|\b(?:on|from|in|after|because|when|since|while|before|until|as|but|and)\b"
)


def imposer_inside(c: MentionContext, p: Parties) -> None:
    """ "the 25% Chilean tariff", "a 10 percent U.S. levy": a country between rate and word."""
    if not c.rate or not c.text.startswith(c.rate, c.start):
        return  # "tariffs on Chinese steel of 25%": the country there is the target
    for entity in c.entities:
        if c.start + len(c.rate) <= entity.start and entity.end <= c.end:
            p.by = entity.country
            break


def imposer_named_after(c: MentionContext, p: Parties) -> None:
    """ "the 100% tariff Canada imposed on Chinese EVs": the imposer right after the measure."""
    for entity in c.entities:
        if c.end <= entity.start <= c.end + 20 and IMPOSING_AFTER.match(c.text[entity.end :]):
            if not _BREAK_OR_ON.search(c.text[c.end : entity.start]):
                p.by = entity.country
            break


def imposer_after_by(c: MentionContext, p: Parties) -> None:
    """ "duties imposed by the European Union": the country after "by"."""
    by_match = _BY.search(c.after[:80])
    if p.by is None and by_match:
        for entity in c.entities:
            if entity.start >= c.end + by_match.end() - 1:
                p.by = entity.country
                break


# "nearly all U.S. imports", "most EU imports of fertiliser", "India's imports of gold": the
# imports of a country named as a noun (not a demonym, "Chinese imports") are the goods that
# enter it, so it is the market whose customs collects the duty.
_EVERY_BEFORE = re.compile(r"\b(?:all|most|nearly all|almost all|virtually all)\s+(?:the\s+)?$")
_IMPORTS_AFTER = re.compile(r"\s+(?:[a-z-]+\s+)?imports\b")


# "on everything the US imports from China": the country that imports, as a verb
_IMPORTS_VERB = re.compile(r"\s+(?:imports|imported|buys|bought)\s+from\b")


def importer_of_own_imports(c: MentionContext, p: Parties) -> None:
    """ "a 10% tariff on nearly all U.S. imports": the country whose imports they are."""
    if p.by is not None:
        return
    for entity in c.entities:
        if entity.start > c.start and _IMPORTS_VERB.match(c.text, entity.end):
            p.by = entity.country  # "… on everything the US imports from China"
            return
        if entity.start < c.start or entity.start > c.end + 60 or entity.demonym:
            continue
        if not _IMPORTS_AFTER.match(c.text, entity.end):
            continue
        every = _EVERY_BEFORE.search(c.text, max(0, entity.start - 20), entity.start)
        if every or entity.possessive:
            p.by = entity.country
            p.all_targets = p.all_targets or every is not None
            return


# "Britain was exempted and remains at 25%", "Britain, which has a deal, still pays 25%": the
# country a rate is left at bears it; the imposer is the one of the measure it belongs to.
_LEFT_AT = re.compile(
    r"(?:\s*,[^,;]{1,80},)?\s+(?:(?:was|were|is|are|has been|have been)\s+(?:exempted|excluded"
    r"|spared|left)\s+(?:and\s+)?)?(?:still\s+|now\s+|only\s+)?(?:remains?|remained|stays?"
    r"|stayed|pays?|paid|is\s+left|was\s+left|keeps?|kept)\s+(?:at\s+)?(?:an?\s+|the\s+)?"
    r"(?:(?:lower|reduced|old|current|existing)\s+)?(?:rate\s+of\s+)?$",
    re.I,
)
_PLACE_LEAD = re.compile(r"\b(?:from|in|on|to|into|of|for|by|with)\s+(?:the\s+)?$", re.I)


def target_left_at(c: MentionContext, p: Parties) -> None:
    """ "Britain stays at 25%" after another country's measure: Britain is its target."""
    if p.on is not None or p.all_targets or c.rate is None or not c.bare:
        return
    before = [e for e in c.entities if e.end <= c.start and not e.possessive][-3:]
    for entity in reversed(before):  # past a country inside ", which … with the U.S. …,"
        if _LEFT_AT.fullmatch(c.text, entity.end, c.start) and not _PLACE_LEAD.search(
            c.text, max(0, entity.start - 12), entity.start
        ):
            p.on = entity.country
            return


# "South Korea, whose carmakers still pay 25%", "In Korea, where automakers face a 25% tariff":
# the country whose sellers bear a rate is its target, never its imposer.
_WHOSE_SELLERS_BEAR = re.compile(
    r",\s*(?:whose|where)\s+(?:[\w-]+\s+)?(?:\w*producers?|exporters?|manufacturers?|\w*makers?"
    r"|mills?|firms?|compan(?:y|ies)|suppliers?|shippers?|growers?|farmers?|sellers?|goods"
    r"|products|exports|shipments"
    r"|(?<=whose )[a-z-]+)"  # "the EU, whose spirits face a 15% US tariff": goods of any name
    r"\s+(?:\w+\s+){0,2}?(?:face[sd]?|pay|pays|paid|bear|bears"
    r"|carry|carries|(?:are|were|is|was)\s+(?:charged|hit))\s+[^,;]{0,40}",
    re.I,
)


def target_whose_sellers_pay(c: MentionContext, p: Parties) -> None:
    """ "South Korea, whose exporters still face a 25% tariff, …": South Korea is the target."""
    if p.on is not None or p.all_targets:
        return
    for entity in reversed(c.entities):
        if entity.end > c.start or entity.country == p.by:
            continue
        if _WHOSE_SELLERS_BEAR.fullmatch(c.text, entity.end, c.start):
            p.on = entity.country
        return


# "Japanese and European rivals paying 15%", "Korean carmakers, which pay 15%": sellers of each
# nationality listed bear the rate, each country a target of its own.
_SELLERS_PAY = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:\w*producers?|exporters?|manufacturers?|\w*makers?|mills?|firms?"
    r"|compan(?:y|ies)|suppliers?|shippers?|growers?|farmers?|sellers?|rivals?|competitors?"
    r"|counterparts?|peers)\s*,?\s+(?:which\s+|that\s+|who\s+)?(?:\w+\s+){0,2}?(?:face[sd]?"
    r"|facing|pay|pays|paid|paying|bear|bears|carry|carries)\s+(?:an?\s+|the\s+)?",
    re.I,
)
_AND_LIST = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)(?:the\s+)?")


def sellers_of_a_list_pay(c: MentionContext, p: Parties) -> None:
    """ "Japanese and European rivals paying 15%": Japan and the EU are the targets."""
    if p.on is not None or p.all_targets:
        return
    before = [e for e in c.entities if e.end <= c.start]
    if not before or not _SELLERS_PAY.fullmatch(c.text, before[-1].end, c.start):
        return
    listed = [before[-1]]
    for entity in reversed(before[:-1]):
        if not _AND_LIST.fullmatch(c.text, entity.end, listed[0].start):
            break
        listed.insert(0, entity)
    countries = [e.country for e in listed if e.country != p.by]
    if countries:
        p.on, p.also_on = countries[0], countries[1:]
        p.borrow = c.bare


# "Canadian importers must pay a 25% surtax", "American buyers of Brazilian coffee pay 50%": the
# country whose importers pay a duty is the one whose customs collects it.
_IMPORTERS_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:importers|buyers|consumers|customers|retailers|shoppers"
    r"|(?:companies|firms|businesses)\s+(?:buying|importing|that\s+(?:buy|import)))\b",
    re.I,
)


def importers_pay(c: MentionContext, p: Parties) -> None:
    """ "Canadian importers must pay a 25% surtax on U.S. steel": Canada imposes it; "the tariff
    is paid by American companies": so does the United States."""
    if p.by is not None:
        return
    for entity in c.entities:
        if (
            entity.demonym
            and 0 <= entity.start - c.end <= 40
            and _PAID_BY.search(c.text, max(0, entity.start - 12), entity.start)
            and _PAYERS_AFTER.match(c.text, entity.end)
        ):
            p.by = entity.country
            return
        if entity.end > c.start or c.start - entity.end > 80:
            continue
        if _IMPORTERS_AFTER.match(c.text, entity.end) and entity.country != p.on:
            p.by = entity.country
            return


_PAID_BY = re.compile(r"\bpaid\s+by\s+$", re.I)
_PAYERS_AFTER = re.compile(
    r"\s+(?:importers|companies|firms|businesses|consumers|buyers|customers|shoppers)\b", re.I
)


# "the 15% rate agreed with the European Union and Japan": the countries a rate was agreed,
# negotiated or struck with are the ones whose goods it is charged on.
_AGREED_WITH = re.compile(
    r"\s+(?:(?:it\s+|washington\s+|\w+\s+)?(?:has\s+|had\s+)?)?(?:agreed|negotiated|struck|reached"
    r"|secured|settled|offered|granted|given)\s+(?:with|to|by)\s+(?:the\s+)?$",
    re.I,
)


def target_agreed_with(c: MentionContext, p: Parties) -> None:
    """ "the 15% rate agreed with the EU and Japan": the EU and Japan are its targets."""
    if p.on is not None or p.all_targets:
        return
    after = [e for e in c.entities if e.start >= c.end]
    if not after or not _AGREED_WITH.fullmatch(c.text, c.end, after[0].start):
        return
    listed = [after[0]]
    for entity in after[1:]:
        if not _AND_LIST.fullmatch(c.text, listed[-1].end, entity.start):
            break
        listed.append(entity)
    countries = [e.country for e in listed if e.country != p.by]
    if countries:
        p.on, p.also_on = countries[0], countries[1:]
        p.borrow = True  # the rate of the measure the sentence compares, not of "the EU"


# "including Vietnam (46%), Cambodia (49%)", "Vietnam, at 46%, and Cambodia, at 49%": the rate
# written beside each country is that country's; the imposer is the story's.
_BESIDE = re.compile(r"\s*(?:\(\s*|,?\s+at\s+|:\s+)")


def beside_a_country(c: MentionContext) -> str | None:
    """The country the mention's rate is written beside ("Cambodia (49%)"), if any."""
    if c.rate is None or not c.text.startswith(c.rate, c.start):
        return None
    before = [e for e in c.entities if e.end <= c.start]
    if before and _BESIDE.fullmatch(c.text, before[-1].end, c.start):
        return before[-1].country
    return None


def target_beside_rate(c: MentionContext, p: Parties) -> None:
    """ "Cambodia (49%)": Cambodia is the target of the 49% (an example of no other origin);
    "Thailand and Cambodia at 36%": each country of the list it closes."""
    country = beside_a_country(c) if p.on is None else None
    if country is not None:
        listed = [e for e in c.entities if e.end <= c.start][-1:]
        before = [e for e in c.entities if e.end <= listed[0].start]
        for entity in reversed(before):
            if not _AND_ONLY.fullmatch(c.text, entity.end, listed[0].start):
                break
            listed.insert(0, entity)
        countries = list(dict.fromkeys(e.country for e in listed))
        p.on, p.also_on = countries[0], countries[1:]
        p.borrow = p.by is None


_AND_ONLY = re.compile(r"\s+and\s+(?:the\s+)?")  # not a comma: "Bangladesh at 35%, Laos …"


# "duties of 18% to Chile and 27% to Peru", "on Norway to 20%, on Iceland to 32%": in a list
# with the measure word said once, each rate's country is written beside it.
_TO_COUNTRY = re.compile(r"\s+(?:to|on|for|against)\s+(?:the\s+)?")
_COUNTRY_TO = re.compile(r"\s+to\s+")
_ON_BEFORE = re.compile(r"\b(?:on|for|against)\s+(?:the\s+)?$", re.I)
_PAID = re.compile(r"\bpa(?:y|ys|id|ying)\b", re.I)


def target_beside_gapped_rate(c: MentionContext, p: Parties) -> None:
    """ "… 27% to Peru", "… on Iceland to 32%": the country right after or right before it."""
    if p.on is not None or p.all_targets or c.rate is None:
        return
    after = next((e for e in c.entities if e.start >= c.end), None)
    if (
        after is not None
        and _TO_COUNTRY.fullmatch(c.text, c.end, after.start)
        and not (" to " in c.text[c.end : after.start] and _PAID.search(c.text, 0, c.start))
    ):  # not "paying deposits of 20% to Brazil": the market paid
        listed = [after]  # "… 20% on Chinese and Thai tyres": the list it opens
        for entity in c.entities:
            if entity.start > listed[-1].start and _AND_LIST.fullmatch(
                c.text, listed[-1].end, entity.start
            ):
                listed.append(entity)
        countries = list(dict.fromkeys(e.country for e in listed if e.country != p.by))
        if countries:
            p.on, p.also_on, p.beside = countries[0], countries[1:], True
        return
    before = [e for e in c.entities if e.end <= c.start]
    if (
        before
        and c.text.startswith(c.rate, c.start)
        and _COUNTRY_TO.fullmatch(c.text, before[-1].end, c.start)
        and _ON_BEFORE.search(c.text, max(0, before[-1].start - 12), before[-1].start)
    ):
        p.on, p.also_on, p.beside = before[-1].country, [], True


def imposer_of_its(c: MentionContext, p: Parties) -> None:
    """ "if Washington lifts its steel tariffs", "Japan will cut its 8% levy": the country
    whose own measure it is ("its"), named right before it."""
    if p.by is not None:
        return
    for entity in reversed(c.entities):
        if entity.end <= c.start:
            if _FROM_ITS.fullmatch(c.text, entity.end, c.start) and _SPARED_GOODS.search(
                c.text, max(0, entity.start - 30), entity.start
            ):
                # "China said it would exempt some U.S. chips from its 125% tariffs": the goods
                # spared are the target's; "its" is the sentence's acting country's
                p.on = entity.country
                if c.subject != entity.country:
                    p.by = c.subject
                return
            if (
                _ITS_MEASURE.fullmatch(c.text, entity.end, c.start)
                and not entity.demonym
                and not _SPARED.search(c.text, max(0, entity.start - 20), entity.start)
            ):  # not "India has exempted Bhutan from its duty": Bhutan is spared it
                p.by = entity.country
            return


def parties_of_sibling(c: MentionContext, p: Parties) -> None:
    """ "25% on steel from China and 10% on aluminum": the mention before in the sentence."""
    sibling = c.sibling
    if sibling is None:
        return
    if p.on is None and not p.all_targets and (sibling.imposed_by == p.by or p.by is None):
        p.on = sibling.imposed_on
    if p.by is None:
        p.by = sibling.imposed_by


# "… paused the 20% tariffs in April, leaving a 10% baseline rate in place": a participle
# after the measure goes on about it; a rate there with no country of its own is the same
# parties' measure.
_PARTICIPLE_BEFORE = re.compile(
    r",\s*(?:leaving|keeping|bringing|raising|lifting|pushing|taking)\s+$", re.I
)


def parties_of_participle(c: MentionContext, p: Parties) -> None:
    """ "…, leaving a 10% baseline rate in place": the parties of the measure before it."""
    if c.sibling is None or c.rate is None:
        return
    part_start = c.text.find(c.part)  # the split at ", leaving " ends just before the part
    if part_start < 0 or not _PARTICIPLE_BEFORE.search(c.text, max(0, part_start - 14), part_start):
        return
    if any(part_start <= e.start < part_start + len(c.part) for e in c.entities):
        return
    p.by, p.on = c.sibling.imposed_by, c.sibling.imposed_on


# "comes on top of a 10 percent customs duty", "on top of the standard 10% import duty": the
# base duty a measure is added to, which every origin pays unless its own phrase names one.
_ON_TOP_OF = re.compile(r"\bon top of\s+(?:an?\s+|the\s+|its\s+|their\s+)?(?:[\w-]+\s+)?$", re.I)
_OWN_ORIGIN = re.compile(r"[^,;]{0,40}?\b(?:from|made in)\s+(?:the\s+)?[A-Z]")


def base_duty_beneath(c: MentionContext, p: Parties) -> None:
    """ "… on top of a 10 percent customs duty": the base duty, on every origin."""
    if c.rate is None or not _ON_TOP_OF.search(c.text, max(0, c.start - 40), c.start):
        return
    if not _OWN_ORIGIN.match(c.text, c.end):
        p.all_targets = True
