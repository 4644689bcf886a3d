"""Trade measures: who imposes them on whom, on what, at which rate, in which state and year.

A sentence holds a measure when it names one ("tariff", "duties", "surtax", "import taxes",
"safeguard") in a trade sense. Each rate near such a word is one mention; a trigger without a
rate is one more. Mentions of the same measure across the story are merged, so "the EV tariff"
joins "a 100% tariff on electric vehicles from China". The work is split by job: finding
mentions (mentions), their parties (parties), products, status and year (timing), merging.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from functools import partial

from briefs.drafting.tariffs.changes import (
    ahead_in_clause,
    changed_from,
    is_old_rate,
    looks_ahead,
    replaced_rate,
    supersedes,
)
from briefs.drafting.tariffs.continuing import (
    CHARGED_UNTIL_THEN,
    NEXT_RATE,
    continue_measure,
    given_to,
    timing_at,
)
from briefs.drafting.tariffs.entities import entities_of, sellers_country, subject_of
from briefs.drafting.tariffs.enumeration import (
    apply_items,
    listed_rates,
    read_items,
    unled_rates,
)
from briefs.drafting.tariffs.frame import frame_targets
from briefs.drafting.tariffs.mentions import (
    TRIGGER,
    Mention,
    anchors_of,
    earlier_measure_on,
    in_condition,
    is_quote,
    is_trigger,
    part_of,
    range_end_of,
)
from briefs.drafting.tariffs.merge import merge
from briefs.drafting.tariffs.parties import MentionContext, read_mention
from briefs.drafting.tariffs.rate_text import find_rates, joined_ranges
from briefs.drafting.tariffs.story import (
    fallback_imposer,
    inherited,
    like_sibling,
    list_of,
    list_targets,
    pair_timing,
    respectively,
    same_rate,
    story_country,
    story_imposer,
)
from briefs.drafting.tariffs.talk import is_talk
from briefs.drafting.tariffs.timing import announce_preliminary, collected_later, status_and_year
from briefs.drafting.text import Sentence, lowered
from briefs.model import Tariff
from briefs.rates import normalise_rate

__all__ = ["extract_tariffs"]

# Pronoun subjects and pointing words: a mention that borrows the parties named before.
_PRONOUN_START = re.compile(r"\s*(?:It|They|Its|Their|He|She|His|Her)\b")
_POINTING = re.compile(r"\b(?:the|those|these|that)\s+(?:[\w-]+\s+){0,2}$", re.I)
# The measure's reach: "covers", "also applies to"; "will also apply to", "would be extended
# to" (a modal only before cover, apply or extend: "duties could hit growth plans" is an effect)
_COVERS = re.compile(
    r"^\s*(?:(?:also\s+)?(?:covers?|covering|targets?|appl(?:y|ies)\s+to|hits?|includes?"
    r"|(?:is|are|was|were|has been|have been)\s+(?:also\s+)?extended\s+to|extends\s+to)"
    r"|(?:will|would|shall|is to|are to|is set to|are set to|now)\s+(?:also\s+)?(?:cover"
    r"|apply\s+to|be\s+extended\s+to|extend\s+to))\b"
)
_EVERY_ORIGIN = re.compile(
    r"\b(?:(?:from|to|on)\s+(?:all|every|any)\s+(?:origins?|sources?|countr(?:y|ies)|suppliers?"
    r"|trading partners)|regardless of (?:its |their )?origin|whatever (?:its|their) origin)\b",
    re.I,
)
_INTO = re.compile(r"\b(?:into|entering)\b")
_UP_TO = re.compile(r"\bup to\s+$")
_PARALLEL = re.compile(r",?\s(?:while|whereas)\s|;\s")  # "25%, while South Africa faces 30%"
_THESE_GOODS = re.compile(
    r"\s+(?:\w+\s+)?on\s+(?:these|those|such|the same)\s+(?:goods|products|items|imports|exports)\b"
)
# "The tariff on Canadian lumber, now 35%, will rise to 45% in October": the rate charged now
_NOW = re.compile(r"\b(?:now|currently|at present)\s+(?:at\s+)?$")
_NOW_THEN = re.compile(
    r",\s+(?:will|would|is\s+(?:set|due|expected)\s+to|is\s+to)\s+(?:rise|fall|climb|increase"
    r"|drop|go\s+(?:up|down)|double|be\s+(?:raised|cut|lowered|reduced|increased|doubled))"
    r"\s+to\s+"
)
_ANAPHORIC = re.compile(r"\b(?:that|the|this) rate\b|\b(?:raise|lower|cut) (?:it|them)\b")


def extract_tariffs(
    sentences: list[Sentence],
    spans: dict[int, list[tuple[int, int, str]]],
    affiliations: dict[str, str],
    today: dt.date,
    main_countries: list[str],
    persons: frozenset[str] = frozenset(),
    home: str | None = None,
) -> list[Tariff]:
    mentions: list[Mention] = []
    last_imposer: str | None = None
    last_trigger_sentence = -10
    previous_subject: str | None = None
    named: str | None = None  # the country the story names most, when asked

    # quoted sentences so far: a rate told after a quote keeps the measure named before it
    quoted: dict[int, bool] = {}

    def quotes(after: int, upto: int) -> int:  # asked only past the plain window
        for i in range(max(0, after + 1), upto + 1):
            if i not in quoted:
                quoted[i] = is_quote(sentences[i].text)
        return sum(quoted[i] for i in range(max(0, after + 1), upto + 1))

    for position, sentence in enumerate(sentences):
        text = sentence.text
        if len(text) > 3000:
            text = text[:3000]
        low = lowered(text)
        triggers = [m for m in TRIGGER.finditer(text, low) if is_trigger(text, m)]
        open_ = position - last_trigger_sentence <= 3  # a measure named just before
        rates = (
            find_rates(text, triggers, is_quote(text), low)
            if triggers
            or open_
            or (  # quoted sentences between count apart (at most a few looked at)
                position - last_trigger_sentence <= 8
                and position - last_trigger_sentence <= 3 + quotes(last_trigger_sentence, position)
            )
            else []
        )
        entities = None
        unled = unled_rates(text, low, rates) if not triggers and open_ else []
        if unled:  # "India gets 7% and Ecuador 3%": rates listed with their countries
            entities = entities_of(
                sentence, spans.get(sentence.index, []), affiliations, persons, home
            )
            listed = listed_rates(text, entities, unled)
            if listed:
                rates = find_rates(text, triggers, is_quote(text), low, listed)
        if not triggers and not rates:
            continue
        if entities is None:
            entities = entities_of(
                sentence, spans.get(sentence.index, []), affiliations, persons, home
            )
        subject = subject_of(entities, text)
        # "… found dumping by producers in India. The rate for them is …"
        seller_before: tuple[str, list] | None = None
        if position > 0:
            before = sentences[position - 1]
            told = entities_of(before, spans.get(before.index, []), affiliations, persons, home)
            previous_subject = subject_of(told, before.text[:3000]) or previous_subject
            seller_before = (before.text[:3000], told)  # read only if a rate borrows
        if triggers:
            last_trigger_sentence = position
        pronoun_subject = _PRONOUN_START.match(text)
        if subject is None and pronoun_subject:
            subject = previous_subject
        if len(rates) > 1:
            rates = joined_ranges(text, rates, [(e.start, e.end) for e in entities])
        anchors = anchors_of(text, triggers, rates)
        found_here: list[Mention] = []
        for index, (a_start, a_end, rate, trigger, inner) in enumerate(anchors):
            next_start = anchors[index + 1][0] if index + 1 < len(anchors) else len(text)
            prev_end = anchors[index - 1][1] if index else 0
            after = text[a_end:next_start]
            before = text[prev_end:a_start]
            part = part_of(text, a_start)
            conditional = in_condition(text, a_start)
            mention = read_mention(
                MentionContext(
                    text,
                    entities,
                    a_start,
                    a_end,
                    after,
                    before,
                    part,
                    rate,
                    trigger,
                    subject=subject if not pronoun_subject else (subject or previous_subject),
                    sibling=found_here[-1] if found_here else None,
                    conditional=conditional,
                    has_previous=bool(mentions),
                    inner=text[inner:a_end] if inner >= 0 else "",
                    bare=not triggers,
                )
            )
            if mention is None:
                continue
            pointing = _POINTING.search(text[max(0, a_start - 30) : a_start])
            if pointing and rate is not None and mentions:
                # "Premier Cho said the 20 percent rate was temporary": the measure of that
                # rate named before, whoever speaks of it
                ref = same_rate(mentions, rate)
                if ref is not None and mention.imposed_on in (None, ref.imposed_on):
                    mention.imposed_by, mention.imposed_on = ref.imposed_by, ref.imposed_on
            covered = None
            if (
                mentions
                and mention.rate is None
                and (
                    (mention.definite and not mention.by_found)
                    or (pointing and not mention.products and not mention.all_targets)
                )
            ):
                # "the duties": the latest rated measure of the same kind, else the latest.
                rated = [  # not the old rate a change replaced: "the lower rate" is the new
                    m for m in mentions if m.rate is not None and m.superseded_by is None
                ] or mentions
                same = [m for m in rated if m.measure == mention.measure]
                ref = same[-1] if same and mention.measure != "tariff" else rated[-1]
                covers = _COVERS.search(text[a_end : a_end + 30])
                if (
                    covers
                    and not _INTO.search(text, a_end, a_end + 60)  # members, not origins
                    and mention.imposed_on
                    and ref.rate is not None
                    and (ref.imposed_on is None or re.search(r"\balso\b|\bextend", covers.group(0)))
                ):
                    # "The measure covers imports from Peru, Bolivia and Ecuador": the rated
                    # measure before, whose targets these are, one measure each ("also
                    # covers": targets beside its own)
                    if ref.imposed_on is not None:  # the measure's first (headline) rate
                        ref = next(m for m in rated if m.imposed_on == ref.imposed_on)
                    mention.imposed_by = ref.imposed_by
                    mention.rate, mention.measure = ref.rate, ref.measure
                    mention.products = mention.products or list(ref.products)
                    covered = ref.timing  # its status and year are the measure's
                    if ref.imposed_on is None:
                        mentions.remove(ref)
                    else:  # the state the measure has in the end, over all its mentions
                        covered = partial(pair_timing, mentions, ref.imposed_by, ref.imposed_on)
                elif _EVERY_ORIGIN.search(text, a_start) and ref.rate is not None:
                    # "The higher tariff will apply to rice from all origins": that measure
                    # has no one target, whatever the sentence before named
                    # ("the higher tariff" may point past the rate named last: each rated
                    # measure of that imposer in the sentences just before)
                    mention.imposed_by, mention.imposed_on = ref.imposed_by, None
                    for other in mentions:
                        if (
                            other.imposed_by == ref.imposed_by
                            and other.rate is not None
                            and position - other.sentence <= 2
                        ):
                            other.imposed_on, other.all_targets = None, True
                else:
                    mention.imposed_by = ref.imposed_by
                    mention.imposed_on = ref.imposed_on
                    if ref.imposed_on is not None:
                        # "… from Canada, Japan and India. The duties take effect from Tuesday":
                        # each target of that list, with its rate or without
                        targets = list_of(ref, mentions)
                        mention.imposed_on, mention.also_on = targets[0], targets[1:]
            borrowed = False
            if (
                mention.imposed_by is None
                and mention.imposed_on is None
                and mention.rate is not None
                and mentions
                and (
                    position - mentions[-1].sentence <= 2
                    or (
                        position - mentions[-1].sentence <= 7
                        and position - mentions[-1].sentence
                        <= 2 + quotes(mentions[-1].sentence, position)
                    )
                )
            ):
                borrowed = True
                # "The levy combines a 10% rate …": the parties of the measure just before; a
                # rate on every origin, the story's main imposer ("Tariffs of 50% … apply to
                # imports from all countries" after the EU's countermeasures: the US's)
                # "… remain subject to the extra 40 percent": the measure of that rate, if named
                lent = (
                    (
                        _POINTING.search(text[max(0, a_start - 30) : a_start])
                        and same_rate(mentions, mention.rate)
                    )
                    or range_end_of(mentions, mention.rate)
                    # "The import tax on cars was cut to 32%": the measure of that kind
                    or next(
                        (m for m in reversed(mentions) if m.measure == mention.measure != "tariff"),
                        None,
                    )
                    or mentions[-1]
                )
                mention.imposed_by = (
                    story_imposer(mentions) if mention.all_targets else lent.imposed_by
                )
                mention.imposed_on = None if mention.all_targets else lent.imposed_on
                seller = (
                    sellers_country(*seller_before)
                    if seller_before and not entities and lent.sentence < position - 1
                    else None
                )
                if seller not in (None, mention.imposed_by):
                    mention.imposed_on = seller  # the sellers the sentence before named
                elif mention.imposed_on is not None and (lent.rate is None or lent.ceiling):
                    # "… from China, Indonesia and Japan. The duty ranges from $89 to $707": the
                    # rate of each target of that list
                    targets = list_targets(lent, mentions)
                    mention.imposed_on, mention.also_on = targets[0], targets[1:]
            if (
                mention.imposed_by is None
                and mention.imposed_on is None
                and not mentions
                and mention.rate is not None
                and (
                    subject
                    if entities
                    else (main_countries or home or (named := story_country(sentences)))
                )
            ):
                # the story's first measure, no one named: the story's country, else the
                # dateline's ("Manila, Philippines — … ordered a cut in the tariff on rice");
                # named only in another clause, the sentence's acting country ("Duties on
                # soybeans will fall to 26%, while …, Uruguay's president said")
                mention.imposed_by = (
                    subject if entities else main_countries[0] if main_countries else home or named
                )
            if mention.imposed_by is None and mention.imposed_on is None:
                if not (mention.all_targets and mention.rate is not None):
                    continue
                # "Tariffs of 50% … apply to imports from all countries": the story's imposer
                mention.imposed_by = story_imposer(mentions) or fallback_imposer(
                    mention, last_imposer, main_countries
                )
                if mention.imposed_by is None:
                    continue
            if is_talk(text, a_start, a_end, rate, mention):
                continue  # talk of measures, a pact's cuts, one ruled out or superseded
            anaphoric = _ANAPHORIC.search(sentence.text) or pronoun_subject
            if (
                mention.imposed_on is None
                and not mention.all_targets
                and mention.imposed_by
                and (mention.rate is None or anaphoric or mention.definite)
            ):
                # Later sentences keep the target named just before ("that rate", "the goods");
                # "the levy … a 10% rate" too, but not "the duty on steel", another measure.
                for ref in reversed(mentions[-6:]):
                    if (
                        ref.imposed_by == mention.imposed_by
                        and ref.imposed_on
                        and (position - ref.sentence <= 3)
                        and (
                            mention.rate is None
                            or anaphoric
                            or not mention.products
                            or set(mention.products) & set(ref.products)
                        )
                    ):
                        mention.imposed_on = ref.imposed_on
                        if mention.rate is not None and ref.rate is None:
                            targets = list_targets(ref, mentions)  # each target of its list
                            mention.imposed_on, mention.also_on = targets[0], targets[1:]
                        break
            if (
                mention.imposed_on is None
                and not mention.all_targets
                and seller_before
                and _THESE_GOODS.match(text, a_end)
            ):
                # "The UK will remove its tariffs of up to 12% on these goods" after "Indian
                # textiles": the one origin the sentence before gave its goods
                origins = {e.country for e in seller_before[1] if e.demonym}
                origins.discard(mention.imposed_by)
                if len(origins) == 1:
                    mention.imposed_on = origins.pop()
            if mention.imposed_on is None and not mention.all_targets and mention.products:
                # A later sentence on the same goods keeps the target named before.
                for ref in reversed(mentions):
                    if (
                        ref.imposed_by == mention.imposed_by
                        and ref.imposed_on
                        and (set(ref.products) & set(mention.products))
                    ):
                        mention.imposed_on = ref.imposed_on
                        if mention.rate is not None and ref.rate is None:
                            targets = list_targets(ref, mentions)  # each target of its list
                            mention.imposed_on, mention.also_on = targets[0], targets[1:]
                        break
            if mention.imposed_by is None:
                if (
                    mention.rate is None
                    and not mention.definite
                    and not (mention.imposed_on and mention.products)
                ):
                    continue  # "tariffs had cut its profit": no measure of anyone in particular
                # "A planned 25% tariff on goods from Canada …" after "the 25% tariffs Trump
                # ordered on Canada": the imposer of that target's measure told before
                same = earlier_measure_on(mentions, mention)
                mention.imposed_by = (
                    same.imposed_by
                    if same is not None
                    else fallback_imposer(
                        mention,
                        last_imposer,
                        # "set at 20% for Japan and 15% for Korea": rates given to them
                        [c for c in main_countries if not given_to(text, entities, c)],
                    )
                )
                if mention.imposed_by is None:
                    continue
            if mention.imposed_by == mention.imposed_on:
                if rate is None:
                    continue
                mention.imposed_on = None
            continued = None
            if not triggers:
                continued = continue_measure(
                    mention, mentions, borrowed or mention.imposed_on is None
                )
            near = text[max(0, a_start - len(before)) : min(len(text), a_end + len(after))]
            mention.timing = covered or partial(
                status_and_year, text, part, a_start, near, rate, conditional, today
            )
            if (
                found_here
                and rate is not None
                and found_here[-1].rate is not None
                and _PARALLEL.search(text, text.rfind(found_here[-1].rate, 0, a_start), a_start)
            ):
                # "Japan will be charged 25%, while South Africa faces 30%": a weak state
                # takes the clear one of the rate beside it
                mention.timing = partial(like_sibling, mention.timing, found_here[-1])
            if continued is not None and position - continued.sentence <= 1:
                # "For tiles the new level is 25%": the state of the measure it continues
                mention.timing = partial(
                    inherited,
                    mention.timing,
                    continued,
                    [m for m in mentions[-8:] if m.imposed_by == continued.imposed_by],
                )
            rate_at = text.find(rate, a_start) if rate is not None else -1
            kept_old = False
            if rate is not None and (
                changed_from(text, rate_at, rate_at + len(rate))
                or (
                    _NOW_THEN.match(text, rate_at + len(rate))
                    and _NOW.search(text, max(0, rate_at - 16), rate_at)
                )
            ):
                # "will cut its 100% tariff to 6.1%": charged until then; "raised its 10% duty
                # to 50%" (and no later start): charged no more. The new rate, next, decides.
                mention.timing = CHARGED_UNTIL_THEN
                if not looks_ahead(text, rate_at, rate_at + len(rate)):
                    mention.superseded_by = NEXT_RATE  # resolved to the next rate below
            if (
                rate is not None
                and found_here
                and replaced_rate(text, rate_at, rate)
                and not is_old_rate(text, rate_at, rate)
            ):
                # "… is now 25%, up from 14%": 14% only while the new rate is still to come
                mention.timing = CHARGED_UNTIL_THEN
                new = mention.superseded_by = found_here[-1]
                # no start told in its clause ("said it would raise it to 125% from 84%"): the
                # old rate stays listed only while the change is undecided or starts on a day
                # told elsewhere
                kept_old = mention.until_dated = not ahead_in_clause(text, rate_at, rate_at, 90, 40)
                mention.imposed_by, mention.imposed_on = new.imposed_by, new.imposed_on
                mention.also_on, mention.measure = list(new.also_on), new.measure
            elif rate is not None and is_old_rate(text, rate_at, rate):
                mention.timing = CHARGED_UNTIL_THEN
                if found_here:  # "… a 15% tariff in the US, down from 27.5%": the same parties
                    new = found_here[-1]
                    mention.imposed_by, mention.imposed_on = new.imposed_by, new.imposed_on
                    mention.also_on, mention.measure = list(new.also_on), new.measure
                    mention.products = mention.products or list(new.products)
                    mention.superseded_by = new  # gone once the new rate is charged
            if (
                rate is not None
                and mentions
                and mention.superseded_by is None  # not the old rate of a change
                and supersedes(text, text.find(rate, a_start))
            ):
                # "On Monday it raised that rate to 35%": the 30% named before is no longer
                # charged; only the current rate is listed
                old = next(
                    (
                        m
                        for m in reversed(mentions)
                        if m.rate is not None
                        and m.rate != rate
                        and (m.imposed_by, m.imposed_on) == (mention.imposed_by, mention.imposed_on)
                        # "The duty on corn was cut to 7.5%" changes no rate on other goods
                        and not (
                            mention.named_goods and not set(m.products) & set(mention.products)
                        )
                        # "recommended raising it to 35%" stays proposed, whatever cut came before
                        and m.when()[0] != "proposed"
                    ),
                    None,
                )
                if old is not None:
                    mentions.remove(old)
            # a list's ceiling, or a range said of the whole list ("between 4.9% and 30.7% on
            # fibre from China and Egypt"), yields to a target's own rate named later (merge)
            mention.ceiling = bool(
                mention.also_on
                and (
                    _UP_TO.search(text, 0, max(0, rate_at))
                    or (rate is not None and "-" in (normalise_rate(rate) or ""))
                )
            )
            for target in [mention.imposed_on, *mention.also_on]:
                # "on steel from Peru, Chile and Brazil": one mention per target.
                if target is not None and target == mention.imposed_by:
                    continue  # a list's member that turned out to be the imposer
                one = (
                    mention if target == mention.imposed_on else replace(mention, imposed_on=target)
                )
                one.order = len(mentions)
                one.sentence = position
                mentions.append(one)
            for old in mentions[:-1] if mention.rate is not None else ():
                if old.sentence == position and old.superseded_by is NEXT_RATE:
                    old.superseded_by = mention  # "cut its 100% tariff … to 6.1%"
            if not kept_old:  # an old rate told after the new one is no sibling of the next
                found_here.append(mention)
            last_imposer = mention.imposed_by
        if found_here and not triggers:
            last_trigger_sentence = position  # a run of rate sentences keeps the measure open
        listed = (
            read_items(text, entities, rates)
            if rates and len(rates) + len(entities) >= 3 and "each other" not in text
            else []
        )
        if listed and apply_items(
            mentions, position, listed, entities, text, partial(timing_at, text, today)
        ):
            pass  # "20% for Vietnam and 19% for Thailand": each target with its own rate
        elif found_here and "respectively" in text:
            mutual = [e.country for e in entities] if "each other" in text else None
            respectively(mentions, position, mutual)
        if collected_later(text):
            announce_preliminary(mentions, position)  # "Importers will have to post deposits"
    frame_targets(mentions)
    return merge(mentions)
