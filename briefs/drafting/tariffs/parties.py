"""Who imposes a measure on whom: the countries a sentence names, directly or through a person
or government body, read by ordered rules around each mention."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from briefs.drafting.tariffs.entities import (
    Entity,
    MentionContext,
    Parties,
    exporters_country,
    hit_with,
    importers_country,
    is_example,
    receivers_in,
    target_receives,
)
from briefs.drafting.tariffs.groups import first_member, listed_after
from briefs.drafting.tariffs.kinds import additional_of, evidence_of, measure_of
from briefs.drafting.tariffs.markets import goods_entering_market, imposer_hit_by
from briefs.drafting.tariffs.mentions import Mention, in_condition
from briefs.drafting.tariffs.origins import every_origin
from briefs.drafting.tariffs.party_clues import (
    IMPOSING_AFTER,
    base_duty_beneath,
    importer_of_own_imports,
    importers_pay,
    imposer_after_by,
    imposer_inside,
    imposer_named_after,
    imposer_of_its,
    parties_of_participle,
    parties_of_sibling,
    sellers_of_a_list_pay,
    target_agreed_with,
    target_beside_gapped_rate,
    target_beside_rate,
    target_left_at,
    target_whose_sellers_pay,
    without_start,
)
from briefs.drafting.tariffs.products import mention_products

# "… screws and other fasteners made in China": the origin, however long the list before it.
_MADE_IN = re.compile(
    r"\b(?:(?:made|produced|manufactured|built|assembled|grown|originating|melted and poured)"
    r"\s+in|(?:imported|shipped|coming|originating)\s+from)\s+(?:the\s+)?$"
)
# "cars and parts that are not made in the US": goods of anywhere but that country
_NOT_MADE_IN = re.compile(
    r"\b(?:not|never|no longer)\s+(?:\w+\s+)?(?:made|produced|manufactured|built|assembled"
    r"|grown|sourced)\s+in\s+(?:the\s+)?$"
)
_TITLE_AFTER = re.compile(
    r"\s+(?:[A-Z][a-z]+\s+)?(?:Minister|President|Secretary|Ministry|Prime)\b"
)
_OUTSIDE = re.compile(r"\b(?:outside|other than|except|excluding|beyond)\b[^,;]{0,40}$")
_FROM_AFTER_GOODS = re.compile(r"\b(?:from|made in)\s+(?:the\s+)?$")
_NEW_CLAUSE = re.compile(
    r"[;:]|\b(?:which|that|who|after|while|because|but|when|since|as|and (?:it|they))\b"
)
_REASON_BEFORE = re.compile(
    r"\b(?:over|for|because of|in return for)\s+[^,;]{0,30}?\b(?:purchases?|buying|imports?"
    r"|sales?|use)\s+of\s+$"
)
_TARGET_LEAD = re.compile(  # "… duty hits Canada, Mexico and the EU"
    r"\b(?:on|from|against|at|for|of|hits?|hitting|targets?|targeting|affects?|affecting)\b"
)
_FROM_ON_BEFORE = re.compile(
    r"\b(?:from|on|(?:imports|importers|exports|shipments|buyers|sales|goods|products) of"
    r"|(?:made|produced|manufactured|grown|originating) in"
    r"|(?:made|produced|manufactured|built) by)\s+(?:the\s+)?$"  # the goods' origin, maker
)
_FROM = re.compile(r"\bfrom\b(?!\s+(?:all\s+|other\s+|many\s+)?(?:countries|nations)\b)")
_SHORT_GAP = re.compile(r"\s*(?:[a-z-]+\s+){0,2}")
# "Chinese tariffs", not "Spanish tiles are charged 7%": a verb between names the goods
_GAP_WORD = re.compile(r"\b(?:on|from|in|for|to|of|and|with|by|are|is|was|were|be|been|will)\b")
# "from Peru", "target US soybeans", "hitting Japanese cars": the goods' side, not the imposer
_NOT_IMPOSER_BEFORE = re.compile(
    r"\b(?:from|in|on|to|into|of|with|for|targets?|targeting|targeted|hits?|hitting|against"
    r"|(?:made|produced|manufactured|built) by)\s+"
    r"(?:the\s+)?$"
)
_FROM_IN_BEFORE = re.compile(r"\b(?:from|in|for)\s+(?:the\s+)?$")
_LOCATED_BEFORE = re.compile(r"\b(?:in|at|near|to|into)\s+(?:the\s+)?$")
_FOR_BEFORE = re.compile(r"\bfor\s+(?:the\s+)?$", re.I)
# "mills face", "producers were assigned a rate of", "exporters will pay": up to the measure.
_EXPORTERS_BEAR = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:\w*producers?|exporters?|manufacturers?|\w*makers?|mills?|firms?"
    r"|compan(?:y|ies)|suppliers?|shippers?|growers?|sellers?|goods|products|shipments)"
    r"\s+(?:\w+\s+){0,2}?(?:face[sd]?|pay|pays|paid|(?:were|was|are|is|be)\s+(?:assigned|charged"
    r"|given|hit)|gets?|got|receives?|received|carry|carries)\b",
    re.I,
)
_INTO_MARKET = re.compile(
    r"\b(?:(?:exports?|shipments?|sales|goods|products|imports)\s+(?:\w+\s+){0,3}?"
    r"(?:to|into|entering)|sold\s+in)\s+(?:the\s+)?$",
    re.I,
)
_SHIPPED_TO = re.compile(
    r"\b(?:shipped|sent|exported|sold|going|heading|bound|sells?|selling|ships?|shipping"
    r"|exports?|exporting|shipments?|sales|deliveries|imports)\s+(?:\w+\s+)?(?:to|into|in)"
    r"\s+(?:the\s+)?$",
    re.I,
)
# "a 30% duty in the European Union", "entering the United States", "on arrival in Australia",
# "at the U.S. border": the market whose customs collects the duty, named after it.
_MARKET_LEAD = re.compile(
    r"(?:^|[^,;]\s)(in|into|entering|enters?|reaching|arrival in|arriving in|at)\s+(?:the\s+)?$"
)
_ANOTHER_CLAUSE = re.compile(r"[,;]|\b(?:after|because|that|which|who|when|while|since|as)\b")
# "… taxed at 30% when they enter the US": the goods' own entry is no other clause
_GOODS_ENTER = re.compile(r"\b(?:when|as|once|after)\s+(?:they|it)\s+(?=ent|arriv|reach|cross)")
_PAID_TO = re.compile(r"\s+to\s+(?:the\s+)?")
_PAY = re.compile(r"\bpa(?:y|ys|id|ying)\b", re.I)
# "Vietnamese rice entering the market pays …": goods of that origin, which bear the duty
_GOODS_BEAR = re.compile(
    r"\s+(?:[\w-]+\s+){1,3}?(?:pays?|paid|paying|faces?|faced|facing|entering|carr(?:y|ies)"
    r"|bears?|got|gets|received|(?:are|is|were|was|will be)\s+(?:charged|taxed|hit|given))\b"
)
_CLAUSE_MARK = re.compile(r";|,(?!\d)")
_FROM_LIST_BEFORE = re.compile(r"\bfrom\s+(?:the\s+)?(?:[A-Z][\w.-]*\s+){1,3}(?:and|or)\s+$")
_PAST_COMMA = re.compile(r"[^,]*,(?:(?!\b(?:from|on|against|in|to)\b)[^.;])*")
_INTO = re.compile(r"\b(?:into|entering)\b")
_AT_BORDER = re.compile(r"\s+(?:border|borders|ports?|customs)\b")
_APPLIED_TO = re.compile(r"\b(?:apply|applies|applied|applying)\s+(?:an?\s+|the\s+|its\s+)?$", re.I)
_APPLY_TO = re.compile(
    r"\b(?:apply|applies|applied)\s+to\s+(?:the\s+)?(?:(?:most|all|nearly all|many)\s+)?$", re.I
)
# "U.S. products", "Chinese steel exports" - not "Trump said goods from …"
_NOT_A_GOODS_WORD = (
    r"(?!(?:said|says|told|tells|added|adds|warned|announced|argued|wants|expects|thinks"
    r"|that|which|who|would|will|and|or)\b)"
)
_GOODS_AFTER = re.compile(
    rf"\s+(?:{_NOT_A_GOODS_WORD}[\w-]+\s+)?(?:exports?|shipments?|goods|products|imports)\b"
    r"(?!\s+(?:dut|tax|lev|tariff|ban|control|curb|restriction|quota))",  # "lowered export duties"
    re.I,
)
# "Peruvian tariffs", "U.S. duties": a country right before a measure word is its imposer.
_OWN_MEASURE_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:tariffs?|duty|duties|levy|levies|surtax(?:es)?)\b", re.I
)
_EXPORTER_NOUN = re.compile(
    r"(?:['’]s)?\s+(?:[\w-]+\s+){0,2}?(?:\w*producers?|exporters?|manufacturers?|\w*makers?|mills?|firms?"
    r"|compan(?:y|ies)|suppliers?|shippers?|growers?|sellers?|ones)\b",  # "Bolivian ones 15%"
    re.I,
)
_SELLERS_IN = re.compile(
    r"\b(?:those|ones|producers|exporters|makers|mills|manufacturers)\s+(?:in|from)"
    r"\s+(?:the\s+)?$",
    re.I,
)
_ITEM_ENDS = re.compile(r"\s(?:and|or)\s|[,;]")
_GOT = re.compile(r"\s+(?:\w+\s+)?(?:got|get|gets|face[sd]?|pay|pays|paid|received?|receives)\b")
_LABEL_AFTER = re.compile(r"\s*:\s")  # "India: goods from India face …", a bullet's label
_DEFINITE = re.compile(r"\b(?:the|those|these|that|its|their)\s+(?:[\w-]+\s+){0,2}$", re.I)


def _target_after(c: MentionContext, p: Parties) -> None:
    """ "a 25% tariff on Chinese steel", "duties on imports from India": the country after it."""
    if p.beside:
        return
    for entity in c.entities:
        if c.start < entity.start < min(c.window_end, c.end + 160) and entity.country != p.by:
            if entity.possessive and entity.start > c.end + 60:
                continue
            if IMPOSING_AFTER.match(c.text[entity.end :]) or _REASON_BEFORE.search(
                c.text, max(0, entity.start - 50), entity.start
            ):
                continue  # "a penalty over India's purchases of Russian oil": the reason
            # what leads to it after the anchor ("duties of up to 218% after Beijing …" has no
            # "of" of its own); a country inside the anchor keeps the anchor's words
            lead_in = without_start(
                c.text[c.end if entity.start >= c.end else c.start : entity.start]
            )
            lead = c.text[max(0, entity.start - 30) : entity.start]
            if _NOT_MADE_IN.search(lead) or _OUTSIDE.search(
                c.text, max(0, entity.start - 50), entity.start
            ):
                continue  # "parts not made in the US", "from outside its union with Europe"
            if _SHIPPED_TO.search(lead) or (
                not _MADE_IN.search(lead) and _is_market(c, entity, lead)
            ):
                # "on vehicles shipped to Chile": the market, which collects the duty
                p.by = p.by or entity.country
                continue
            made_in = _MADE_IN.search(c.text[max(0, entity.start - 30) : entity.start]) or (
                # "will apply to Bolivian manufacturers", "applies to Chinese extrusions"
                _APPLY_TO.search(c.text[max(0, entity.start - 20) : entity.start])
            )
            if not made_in and _FROM_AFTER_GOODS.search(lead) and not _NEW_CLAUSE.search(lead_in):
                made_in = True  # "on cars, steel and textiles from China": a list of goods
            if not made_in and _APPLIED_TO.search(c.text, max(0, c.start - 30), c.start):
                made_in = bool(re.match(r"\s*to\s", lead_in))  # "apply a 10% tariff to UK cars"
            if not made_in and (
                not _TARGET_LEAD.search(lead_in)
                or _CLAUSE_MARK.search(lead_in)  # not the comma of "$1,500"
                or _INTO.search(lead_in)  # "imports into all SACU members – South Africa, …"
            ):
                continue
            p.on = entity.country
            p.also_on = listed_after(c, entity)
            break


def _is_market(c: MentionContext, entity: Entity, lead: str) -> bool:
    """ "faces a 25% tariff in Canada", "at the U.S. border": a market after the measure, not a
    target (a list of targets after "on … from" is read before this)."""
    if entity.possessive:
        return False
    gap = c.text[c.end : entity.start]
    if _PAID_TO.fullmatch(gap) and _PAY.search(c.text, 0, c.start):
        return True  # "importers have been paying deposits of 20% to Brazil"
    match = _MARKET_LEAD.search(lead)
    if match is None:
        return False
    if len(gap) > 60 or _ANOTHER_CLAUSE.search(_GOODS_ENTER.sub(" ", gap)):
        return False  # "… starting next week, after a finding that producers in the EU …"
    if match.group(1) == "at":  # "at the U.S. border", not "aimed at China"
        return bool(_AT_BORDER.match(c.text, entity.end))
    return not _OWN_MEASURE_AFTER.match(c.text, entity.end)


def _target_from_before(c: MentionContext, p: Parties) -> None:
    """ "Steel from China faces a 25% duty": the last country after "from" or "on" before it,
    with the rest of its list ("goods from the EU and Mexico will be taxed at 30%")."""
    if p.on is None and not p.all_targets:
        part_start = c.text.find(c.part) if c.part in c.text else 0  # within its own clause
        for entity in c.entities:
            if max(c.window_start, part_start) <= entity.start < c.start and entity.country != p.by:
                before = c.text[max(0, entity.start - 20) : entity.start].casefold()
                if _FROM_ON_BEFORE.search(before):
                    p.on = entity.country
                    p.also_on = [
                        country for country in listed_after(c, entity, c.start) if country != p.by
                    ]


def _destination(c: MentionContext, p: Parties) -> None:
    """ "Peruvian exports to Chile will face 15%", "shipments from Peru into Chile pay 9%": the
    market the goods enter collects the duty; the country they come from is the target."""
    if p.by is not None:
        return
    for entity in c.entities:
        if entity.start >= c.start and p.by is None:
            break
        if c.start - entity.end > 60 or "," in c.text[entity.end : c.start]:
            continue  # "exports to Peru rose 12% last year, while tariffs …": another clause
        lead = c.text[max(0, entity.start - 40) : entity.start]
        if _INTO_MARKET.search(lead):
            p.by = entity.country
            if p.on == entity.country:
                p.on = None
    if p.by is None:
        return
    for entity in c.entities:
        lead = c.text[max(0, entity.start - 12) : entity.start].casefold()
        if (
            entity.start < c.start
            and entity.country != p.by
            and p.on is None
            and (_GOODS_AFTER.match(c.text, entity.end) or _FROM_ON_BEFORE.search(lead))
        ):
            p.on = entity.country


def _target_exporter(c: MentionContext, p: Parties) -> None:
    """ "Peruvian mills face 14%", "for Chile the figure is 9.5%", "Vietnam's exporters pay
    duties of …": the country whose sellers bear the rate (the imposer is borrowed)."""
    if p.on is not None or p.all_targets:
        return
    for entity in reversed(c.entities):
        if not c.window_start <= entity.start < c.start:
            continue
        gap = c.text[entity.end : c.start]
        lead = c.text[max(0, entity.start - 12) : entity.start]
        if (
            (_FOR_BEFORE.search(lead) and len(gap) <= 40)
            or _EXPORTERS_BEAR.match(gap)
            or (c.bare and _is_exporter(c, entity))
            # "while those in Indonesia got rates of 104.4%"
            or (
                _SELLERS_IN.search(c.text, max(0, entity.start - 30), entity.start)
                and _GOT.match(gap)
            )
        ):
            p.on = entity.country
        break


def _is_exporter(c: MentionContext, entity: Entity) -> bool:
    """ "Egyptian exporters", "Peru's mills": sellers whose goods a measure hits, never its
    imposer."""
    return bool(_EXPORTER_NOUN.match(c.text, entity.end))


def _all_targets_unless_from(c: MentionContext, p: Parties) -> None:
    """ "on imported steel" applies to all; "on foreign steel from China" is China's."""
    if p.all_targets and p.on is not None and not _FROM.search(c.text[c.start : c.end + 80]):
        if any(
            e.demonym and e.country == p.on and _GOODS_AFTER.match(c.text, e.end)
            for e in c.entities
        ):
            p.all_targets = False  # "on all American imports": every good of one origin
            return
        p.on = None


def _imposer_just_before(c: MentionContext, p: Parties) -> None:
    """ "Canada's surtax", "Chinese tariffs", "Ottawa's new duties": the country right before."""
    if p.by is not None or p.borrow:
        return
    for entity in reversed(c.entities):
        if entity.end <= c.start and c.start - entity.end <= 40:
            gap = c.text[entity.end : c.start]
            if _ITEM_ENDS.search(gap) or _is_exporter(c, entity):
                # "… made by Korea's POSCO and 12.6% on …": the item before; "Mexican growers
                # pay duties": the sellers, never the imposer
                break
            if _FROM_ON_BEFORE.search(c.text[max(0, entity.start - 20) : entity.start].casefold()):
                break  # "importers of Peruvian pork pay deposits": the goods' origin
            goods = _GOODS_AFTER.match(c.text, entity.end)
            if goods and not (entity.possessive and goods.group(0).endswith("imports")):
                # "a list of US goods facing 25% duties", "Vietnam's goods will be taxed at
                # 20%": the goods' origin ("Japan's imports" are the goods Japan taxes)
                p.on = p.on or entity.country
                break
            if (
                entity.possessive
                or (
                    _SHORT_GAP.fullmatch(gap)
                    and not _GAP_WORD.search(gap)
                    and (entity.demonym or entity.country != p.on)
                )
            ) and entity.country not in (p.on, *p.also_on):  # "from Japan and Korea would"
                p.by = entity.country
            break


def _imposer_earlier_in_clause(c: MentionContext, p: Parties) -> None:
    """ "Mexico said on Monday it would impose tariffs": the nearest acting country before it."""
    if p.by is not None or p.borrow:
        return
    part_start = c.text.find(c.part) if c.part in c.text else 0
    for entity in reversed(c.entities):
        if entity.end > c.start or entity.start < part_start:
            continue
        if entity.demonym or entity.country in (p.on, *p.also_on) or _is_exporter(c, entity):
            continue
        if _GOODS_AFTER.match(c.text, entity.end) or _LABEL_AFTER.match(c.text, entity.end):
            continue  # "exempt some US chip imports from its tariff": the goods' origin; "India:"
        before = c.text[max(0, entity.start - 14) : entity.start].casefold()
        if _NOT_IMPOSER_BEFORE.search(before):
            continue
        p.by = entity.country
        break


def _imposer_from_subject(c: MentionContext, p: Parties) -> None:
    """ "It also doubled the tariffs on Japan": the sentence's subject, else its first actor."""
    p.by_found = p.by is not None  # what the rules above found is named with the measure
    if p.by is not None or p.borrow:
        return
    candidate = c.subject
    named = [e for e in c.entities if e.country == candidate]
    part_start = c.text.find(c.part)
    if named and part_start >= 0 and all(e.start >= part_start + len(c.part) for e in named):
        candidate = None  # "… pay 25%, although the UK and Japan have deals": another clause's
    if named and _LABEL_AFTER.match(c.text, named[0].end):
        candidate = None  # "India: goods from India face a 50% rate": a label, not an actor
    if named and all(_is_exporter(c, e) for e in named):
        candidate = None  # "…, and Thailand's machine tool makers warned": sellers, no imposer
    if candidate is None or candidate == p.on or candidate in p.also_on:
        candidate = None
        for entity in c.entities:
            if part_start >= 0 and entity.start >= part_start + len(c.part):
                break  # another clause after the measure's own
            if _LABEL_AFTER.match(c.text, entity.end) or _REASON_BEFORE.search(
                c.text, max(0, entity.start - 50), entity.start
            ):
                continue  # a bullet's label; "over its purchases of Russian oil", the reason
            if (
                entity.country != p.on
                and entity.country not in p.also_on
                # "The tariff on Canadian lumber, now 35%, will rise to 45%": the target of the
                # rate before in the sentence imposes none
                and not (c.sibling is not None and entity.country == c.sibling.imposed_on)
                and not (c.end <= entity.start < c.end + 160 and entity.demonym)
                and not _is_exporter(c, entity)
                and not _GOODS_AFTER.match(c.text, entity.end)  # "U.S. products": the origin
                and not (entity.demonym and _GOODS_BEAR.match(c.text, entity.end))
            ):
                before = c.text[max(0, entity.start - 8) : entity.start].casefold()
                if (
                    _FROM_IN_BEFORE.search(before)
                    or (entity.demonym and before.endswith(" on "))  # "on Canadian lumber"
                ) or _FROM_LIST_BEFORE.search(c.text, max(0, entity.start - 50), entity.start):
                    continue  # "rice from California and Taiwan": an origin
                candidate = entity.country
                break
    p.by = candidate


def _target_in_clause(c: MentionContext, p: Parties) -> None:
    """ "Canadian canola producers … face Chinese tariffs": the other country in the clause."""
    if p.on is not None or p.all_targets:
        return
    for entity in c.entities:
        if c.window_start <= entity.start < c.window_end and entity.country != p.by:
            if in_condition(c.text, entity.start) != in_condition(c.text, c.start):
                continue
            if entity.start >= c.end and _OWN_MEASURE_AFTER.match(c.text, entity.end):
                continue  # "… facing steep new Peruvian tariffs": that measure's imposer
            if entity.start >= c.end and _PAST_COMMA.fullmatch(c.text, c.end, entity.start):
                continue  # "…, which imposed counter-tariffs, Mexico has held off": another
            before = c.text[max(0, entity.start - 10) : entity.start].casefold()
            if (
                _LOCATED_BEFORE.search(before)
                or _REASON_BEFORE.search(c.text, max(0, entity.start - 50), entity.start)
                or _OUTSIDE.search(c.text, max(0, entity.start - 50), entity.start)
                # "Uganda's Minister of Finance … said the bloc would review the steel duty":
                # the country of who speaks
                or (entity.possessive and _TITLE_AFTER.match(c.text, entity.end))
            ):
                continue  # "a penalty over its purchases of Russian oil": the reason
            p.on = entity.country
            break


# In order: a rule sees what the rules before it found and fills only what is still unknown
# (the all-targets rule alone takes a target back).
PARTY_RULES: tuple[Callable[[MentionContext, Parties], None], ...] = (
    goods_entering_market,
    imposer_hit_by,
    base_duty_beneath,
    parties_of_participle,
    imposer_inside,
    imposer_named_after,
    imposer_after_by,
    target_beside_rate,
    target_beside_gapped_rate,
    imposer_of_its,
    target_agreed_with,
    importer_of_own_imports,
    importers_pay,
    target_agreed_with,
    _target_after,
    _target_from_before,
    _destination,
    target_left_at,
    target_whose_sellers_pay,
    sellers_of_a_list_pay,
    _target_exporter,
    _all_targets_unless_from,
    target_receives,
    importers_pay,
    target_agreed_with,
    _imposer_just_before,
    _imposer_earlier_in_clause,
    _imposer_from_subject,
    _target_in_clause,
    parties_of_sibling,
)


def read_mention(c: MentionContext) -> Mention | None:
    """One mention's parties, products and kind; None when it names no one and cannot borrow."""
    # "The levy combines a 10% rate …", "A 10 percent rate applies to …": a rate of the measure
    # just before, whose parties the caller lends when the sentence names none.
    borrowing = (
        c.rate is not None
        and (
            (
                c.has_previous
                and (
                    c.bare
                    or not c.entities  # "imports will pay a duty of $20 per tonne"
                    or bool(_DEFINITE.search(c.text[max(0, c.start - 30) : c.start]))
                )
            )
            # the story's first measure, named with no one ("A tariff of 0% will apply to …"): the
            # caller gives it the story's own country
            or (not c.has_previous and not c.entities and not c.bare)
            # … or with its parties named only in another clause: the sentence's acting country
            or (not c.has_previous and c.subject is not None and not c.bare)
        )
    )
    if (
        not c.entities
        and c.subject is None
        and c.sibling is None
        and not (c.has_previous and c.rate is None)
        and not borrowing
    ):
        return None  # no country to be found: the check below, made early
    member = first_member(c)  # "from countries without a deal, a group that includes India"
    all_targets = member is None and every_origin(c)
    p = Parties(all_targets=all_targets)
    if member is not None:
        p.on, p.also_on, p.beside = member.country, listed_after(c, member), True
    if all_targets:
        # "on imports from all countries, including the EU and Mexico": examples of every
        # origin, neither the imposer nor a target of their own
        kept = [e for e in c.entities if not is_example(c.text, e)]
        named = {e.country for e in kept}
        subject = c.subject if c.subject in named or len(kept) == len(c.entities) else None
        c = replace(c, entities=kept, subject=subject)
        borrowing = borrowing or (c.rate is not None and not kept)  # the story's imposer
    for rule in PARTY_RULES:
        rule(c, p)
    if p.by is not None and (p.by in hit_with(c) or p.by in receivers_in(c)):
        # "hit Malaysia with 24% and Kazakhstan with 27%", "…, and Brazil was handed a 50% rate"
        p.by, p.by_found = None, False
    if p.by is None and p.on is None:
        p.by = importers_country(c)
        p.by_found = p.by is not None
    if p.on is None and not p.all_targets:
        on = exporters_country(c)
        p.on = on if on != p.by else None
    definite = bool(_DEFINITE.search(c.text[max(0, c.start - 30) : c.start]))
    if (
        p.by is None
        and p.on is None
        and not (c.has_previous and c.rate is None and definite)
        and not borrowing
    ):
        # Dropped by the caller whatever follows: only "the duties" may borrow the parties of an
        # earlier measure. Most mentions end here, so skip the costly products and status.
        return None
    measure = measure_of(c)
    if measure == "safeguard":
        # A safeguard applies to every origin, whoever's surge of shipments the story names.
        p.on, p.also_on, p.all_targets = None, [], True
    products, named_goods = mention_products(c.inner, c.before, c.after)
    return Mention(
        p.by,
        p.on,
        products,
        c.rate,
        measure,
        evidence_of(c.text),
        definite,
        all_targets=p.all_targets,
        additional=additional_of(c),
        by_found=p.by_found,
        also_on=[country for country in p.also_on if country != p.by],
        named_goods=named_goods,
    )
