"""Key actors: people with role and affiliation, organisations, and the countries that act.

Rules, not a model: runs of capitalised tokens are read left to right as
[country or organisation] [role words] [name], with organisation names recognised by their
head word ("Council", "Ministry of Commerce") or by what the text says of them ("tech giant
Huawei", "Tesla, which …", "carmakers such as BMW"). Later mentions by surname join the person.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from briefs.drafting.actor_context import (
    affiliation_of,
    body_after,
    org_named_at,
    owner_before,
    served,
)
from briefs.drafting.actor_passes import (
    add_issuers,
    add_lower_orgs,
    bracket_acronyms,
    bracketed_bodies,
    drop_forums,
    drop_outlets,
    drop_unmentioned,
    firms_beside_firms,
    join_acronyms,
    join_legal_forms,
    join_shorter_names,
    listed_companies,
    seed_caption_people,
    whole_listed_names,
)
from briefs.drafting.actor_words import (
    COMMON,
    COUNTRY_BODIES,
    CUSTOMS_UNIONS,
    GOVERNMENT_HEADS,
    KNOWN_ORGS,
    MONTHS_DAYS,
    ORG_HEADS,
    PLACE_PREPOSITIONS,
    PLACE_WORDS,
    ROLE_HEADS,
    SKIP_NAMES,
)
from briefs.drafting.capital_runs import capital_runs
from briefs.drafting.company_cues import (
    appositive_company,
    company_cue,
    listed_after_firms,
    works_at,
)
from briefs.drafting.firm_names import text_of
from briefs.drafting.lexicon import words
from briefs.drafting.name_runs import Span, parse_run
from briefs.drafting.registry import ActorSpans, Entry, Registry
from briefs.drafting.run_rules import (
    acronym_named,
    head_before_of,
    is_company_name,
    is_mission,
    named_with_country,
    names_a_building,
    names_a_policy,
    staff_after,
    trade_after,
)
from briefs.drafting.singles import Single, resolve_singles
from briefs.drafting.text import Sentence
from briefs.drafting.titles import after_name, before_name, lower_role_before, role_phrase
from briefs.folding import fold
from briefs.gazetteer import LEADERS
from briefs.model import Actor

# Roles of a government's own ministers: with no country named, the dateline's.
_HOME_ROLE = re.compile(r"\b(?:minister|premier)\b", re.I)


_SAID = frozenset({"said", "says", "added", "told"})


class ActorsFound(NamedTuple):
    """What the actor rules find in a story."""

    actors: list[Actor]  # most mentioned first
    spans: ActorSpans  # let the tariff rules map "Trump" or "the Commerce Department" to a country
    affiliations: dict[str, str]  # person or organisation → the country it stands for


def extract_actors(
    sentences: list[Sentence],
    not_actors: set[str],
    home: str | None = None,
    captions: list[str] = (),  # type: ignore[assignment]
    issuers: list[str] = (),  # type: ignore[assignment]
) -> ActorsFound:
    """People and organisations named in the sentences, with their mentions and countries.

    `home` is the dateline's country: a body named in lower case ("the trade department")
    with no country before it is that country's."""
    registry = Registry(not_actors)
    seed_caption_people(registry, captions)
    spans_by_sentence: ActorSpans = {}
    pending_singles: list[Single] = []
    last_org: Entry | None = None
    lowercase_words = {t.lower for s in sentences for t in s.tokens if not t.cap}

    for sentence in sentences:
        tokens = sentence.tokens
        places = {p.start: p for p in sentence.places}
        base = sentence.index * 1000
        found: list[tuple[int, int, str]] = []
        for run_start, run_end in capital_runs(sentence):
            if run_start == 0 and tokens[0].lower in lowercase_words and run_end - run_start > 1:
                # "Canola prices …": a sentence-initial word used in lower case elsewhere.
                run_start += 1
            spans = parse_run(sentence, run_start, run_end, places)
            if not spans and _names_a_legislature(tokens, run_start, run_end):
                # "Rojas sent Congress a proposal": a legislature named alone acts
                spans = [Span("role", run_start, run_end, tokens[run_start].text)]
            named = acronym_named(tokens, run_start, run_end)
            if named is not None and not any(
                (s.kind == "person" and s.start == named and s.end == run_end)
                or (s.kind == "org" and s.start <= named and s.end >= run_end)
                for s in spans
            ):
                # "the Southern African Development Community (SADC)": one body
                entry = registry.add(
                    text_of(tokens, named, run_end, sentence.text), "organization", base + named
                )
                if entry:
                    found.append((named, run_end, entry.name))
                    last_org = entry
                spans = [s for s in spans if s.end <= named]
            building = names_a_building(tokens, run_start, run_end)
            if building or names_a_policy(tokens, run_start, run_end):
                # "the Build Better More programme": only the places in it are read, and the
                # single names only when the name's own last word is not the policy's or
                # publication's ("The Fjord and Mail", "the Ambassador Bridge" name no one)
                whole = building or (
                    tokens[run_end - 1].lower in SKIP_NAMES and run_end - run_start > 1
                )
                kinds = ("place",) if whole else ("place", "single")
                spans = [s for s in spans if s.kind in kinds]
            modifier: str | None = None
            role: Span | None = None
            skip: set[int] = set()  # spans already read with the one before
            for index, span in enumerate(spans):
                if index in skip:
                    continue
                if span.kind == "place":
                    modifier = span.country
                    continue
                if span.kind == "region":
                    modifier = span.text
                    continue
                if span.kind == "role":
                    owner = owner_before(sentence, span.start)
                    if (
                        span.end - span.start == 1
                        and tokens[span.start].lower in COUNTRY_BODIES
                        and index == len(spans) - 1
                        and (owner or _names_a_legislature(tokens, span.start, span.end))
                    ):
                        # "Mexico's Senate on Wednesday approved …": the body, not a title
                        entry = registry.add(
                            span.text, "organization", base + span.start, affiliation=owner
                        )
                        if entry:
                            found.append((span.start, span.end, entry.name))
                        continue
                    role = span
                    continue
                if span.kind == "org":
                    name = KNOWN_ORGS.get(fold(span.text), span.text)
                    last_word = fold(name.split()[-1])
                    head = head_before_of(tokens, span.start, span.end)
                    if (
                        (last_word in SKIP_NAMES and head not in ORG_HEADS)
                        or head in SKIP_NAMES
                        or fold(name).startswith("group of")
                    ):
                        continue  # "the … Partnership Agreement"; not "Centre for … Policy"
                    if is_mission(name):
                        continue  # "the US Embassy said": the country speaks (a place span)
                    if _hosts_a_body(tokens, span.start, found):
                        continue  # "the Trade Policy Observatory at the University of Sussex"
                    if modifier is None and any(
                        w.casefold() in GOVERNMENT_HEADS for w in name.split()
                    ):
                        # "China's Commerce Ministry", else "LIMA, Peru — The Ministry … said"
                        modifier = owner_before(sentence, span.start) or home
                    entry = registry.add(
                        name, "organization", base + span.start, affiliation=modifier
                    )
                    if entry:
                        found.append((span.start, span.end, entry.name))
                        last_org = entry
                    modifier = entry.name if entry else modifier
                    continue
                if span.kind == "person":
                    name_tokens = tokens[span.start : span.end]
                    last = name_tokens[-1].lower
                    if (
                        last in SKIP_NAMES
                        or last in PLACE_WORDS
                        or name_tokens[0].lower in (PLACE_WORDS)
                    ):
                        continue
                    if fold(span.text) in registry.not_actors or _names_a_facility(
                        tokens, span.start, span.end
                    ):
                        continue
                    if (
                        span.start >= 2
                        and tokens[span.start - 1].possessive
                        and tokens[span.start - 2].lower == "on"
                    ):
                        continue  # "speaking on NRK's Morning Desk": a programme
                    nxt = spans[index + 1] if index + 1 < len(spans) else None
                    if (
                        role is None
                        and nxt is not None
                        and nxt.kind == "place"
                        and (
                            nxt.start == span.end
                            and not places[nxt.start].demonym
                            and not tokens[span.end - 1].possessive
                        )
                    ):
                        # "Farm Credit Canada": a name that ends in a country is an organisation.
                        name = text_of(tokens, span.start, nxt.end, sentence.text)
                        entry = registry.add(name, "organization", base + span.start)
                        if entry:
                            found.append((span.start, nxt.end, entry.name))
                        continue
                    if (
                        fold(span.text) in KNOWN_ORGS
                        or is_company_name(name_tokens)
                        or works_at(tokens, span.start)
                        or staff_after(tokens, span.end)
                        or listed_after_firms(tokens, span.start)
                    ) or (
                        span.end + 1 < len(tokens)
                        and tokens[span.end].text == ","
                        and tokens[span.end + 1].lower in ("a", "an", "one")
                        and appositive_company(tokens, span.end)
                        # '"…," said Marta Lins, a coffee exporter': a quoted speaker
                        and not (span.start and tokens[span.start - 1].lower in _SAID)
                    ):
                        name = KNOWN_ORGS.get(fold(span.text), span.text)
                        first = span.start
                        before = spans[index - 1] if index else None
                        if (
                            is_company_name(name_tokens)
                            and before is not None
                            and before.kind == "place"
                            and before.end == span.start
                            and not places[before.start].demonym
                            and not tokens[before.end - 1].possessive
                        ):
                            # "Korea Engineering Plastics": a company named after its country
                            first = before.start
                            name = text_of(tokens, first, span.end, sentence.text)
                        entry = registry.add(name, "organization", base + first)
                        if entry:
                            found.append((first, span.end, entry.name))
                            last_org = entry
                        continue
                    prev = tokens[span.start - 1].lower if span.start else ""
                    if (
                        role is None
                        and prev in PLACE_PREPOSITIONS
                        and not _named_after_to(sentence, span.start, span.end)
                    ):
                        continue  # "in Tamil Nadu", "near Port Talbot"
                    if (
                        prev == "of"
                        and span.start >= 2
                        and tokens[span.start - 2].lower in (PLACE_WORDS)
                    ):
                        continue  # "the Cape of Good Hope", "the Bay of Bengal"
                    role_text = role_phrase(role.text) if role else None
                    # "Paraguay's President Santiago Peña": the possessive ends the run before
                    affiliation = modifier or (owner_before(sentence, role.start) if role else None)
                    if role is None:
                        after_role, after_aff, org_at = after_name(sentence, span.end)
                        role_text = after_role
                        affiliation = after_aff or affiliation
                        if role_text is None:
                            # "Peru's chief trade negotiator, Rosa Huamán,"
                            role_text, before_aff = before_name(sentence, span.start)
                            affiliation = affiliation or before_aff
                        if role_text is None:
                            # "Brazil's foreign minister Mauro Vieira"
                            role_text, owner = lower_role_before(sentence, span.start)
                            if owner is not None:
                                affiliation = affiliation or served(
                                    registry, sentence, owner, found
                                )
                        if org_at is not None:
                            org_name = org_named_at(sentence, org_at, places)
                            if org_name and is_mission(org_name):
                                # "a spokesman for the Chinese Embassy": the country's voice
                                org_name = None
                                affiliation = after_aff or _place_at(sentence, org_at)
                            if org_name:
                                org_entry = registry.add(org_name, "organization", base + org_at)
                                affiliation = org_name if not after_aff else affiliation
                                if org_entry:
                                    found.append((org_at, org_at + 1, org_entry.name))
                        elif affiliation is None and role_text is None:
                            # "said Faisal Rahman of the Institute for …": read in this run
                            affiliation = body_after(sentence, span.end, run_end, places)
                            if affiliation and not any(
                                w.casefold() in ORG_HEADS for w in affiliation.split()
                            ):
                                # "Faisal Rahman of Harbour Capital": the firm is an actor too
                                registry.add(affiliation, "organization", base + span.end + 1)
                    at = span.end + 1
                    if (
                        affiliation is None
                        and role_text is not None
                        and at < len(tokens)
                        and tokens[span.end].lower == "at"
                        and tokens[at].cap
                        and at not in places
                        and tokens[at].lower not in MONTHS_DAYS
                    ):
                        # "Trade analyst Marte Lie at Vardo Markets": where a titled person works
                        affiliation = org_named_at(sentence, at, places)
                        works = affiliation and registry.add(affiliation, "organization", base + at)
                        if works:
                            found.append((at, at + 1, works.name))
                    if (
                        role is not None
                        and index > 0
                        and spans[0].kind == "role"
                        and (span.start == spans[0].end)
                        and tokens[0].lower in ("its", "their")
                        and last_org is not None
                    ):
                        affiliation = affiliation or last_org.name
                    if (
                        role is None
                        and ((role_text is None and run_start <= 1) or span.start <= 6)
                        and (tokens[0].lower in ("its", "their") and last_org)
                    ):
                        # "Its president, Tom Conway, said": the body named before
                        affiliation = affiliation or last_org.name
                    affiliation = affiliation or LEADERS.get(fold(span.text))
                    if role_text is None and span.start and tokens[span.start - 1].lower in _SAID:
                        role_text = trade_after(tokens, span.end, sentence.text)
                    if affiliation is None and role_text and _HOME_ROLE.search(role_text):
                        affiliation = home  # "SANTIAGO — Economy Minister Ana Rojas"
                    entry = registry.add(
                        span.text, "person", base + span.start, role_text, affiliation
                    )
                    if entry:
                        found.append((span.start, span.end, entry.name))
                    if span.start in places:
                        # "Sofia Brandt": the place that opens the name is no place here
                        sentence.places = [p for p in sentence.places if p.start != span.start]
                    role = None
                    modifier = None
                    continue
                nxt = spans[index + 1] if index + 1 < len(spans) else None
                if (
                    span.kind == "single"
                    and nxt is not None
                    and nxt.kind == "place"
                    and nxt.start == span.end
                    and not places[nxt.start].demonym
                    and named_with_country(sentence, span.start, nxt.end, lowercase_words)
                ):
                    # "Make UK, which represents manufacturers": one name, a company's
                    name = text_of(tokens, span.start, nxt.end, sentence.text)
                    entry = registry.add(name, "organization", base + span.start)
                    if entry:
                        found.append((span.start, nxt.end, entry.name))
                        last_org = entry
                    skip.add(index + 1)
                    continue
                if (
                    span.kind == "single"
                    and nxt is not None
                    and nxt.kind == "role"
                    and nxt.start == span.end
                    and index + 2 == len(spans)
                    and not any(t.lower in ROLE_HEADS for t in tokens[nxt.start : nxt.end])
                    and company_cue(tokens, span.start, nxt.end)
                ):
                    # "Richardson International, one of the largest grain handlers,"
                    name = text_of(tokens, span.start, nxt.end, sentence.text)
                    entry = registry.add(name, "organization", base + span.start)
                    if entry:
                        found.append((span.start, nxt.end, entry.name))
                        last_org = entry
                    break
                if span.kind == "single":
                    # Resolved once every full name is known: "Carney", "Huawei", "WTO".
                    role_text = role_phrase(role.text) if role and span.titled else None
                    pending_singles.append(
                        Single(base + span.start, span, sentence, role_text, modifier)
                    )
                    role = None  # "First Solar and Hanwha Qcells": no title for the next name
        spans_by_sentence[sentence.index] = found

    bracketed_bodies(registry, spans_by_sentence, sentences)
    resolve_singles(registry, pending_singles, spans_by_sentence, lowercase_words)
    drop_unmentioned(registry)
    add_issuers(registry, issuers)
    add_lower_orgs(registry, sentences, spans_by_sentence, home)
    _apposition_orgs(registry, sentences, spans_by_sentence)
    drop_forums(registry, sentences, spans_by_sentence)
    bracket_acronyms(registry, spans_by_sentence, sentences)
    listed_companies(registry, spans_by_sentence, sentences)
    firms_beside_firms(registry, spans_by_sentence, sentences)
    join_acronyms(registry, spans_by_sentence, sentences)
    whole_listed_names(registry, spans_by_sentence, sentences)
    join_shorter_names(registry, spans_by_sentence)
    join_legal_forms(registry, spans_by_sentence)
    drop_outlets(registry, sentences, spans_by_sentence)
    people_country = {
        e.name: e.affiliation
        for e in registry.entries.values()
        if e.kind == "person" and e.affiliation
    }
    for e in registry.entries.values():
        if e.kind == "organization" and e.affiliation:
            people_country[e.name] = e.affiliation
    actors = sorted(registry.entries.values(), key=lambda e: (-e.mentions, e.first))
    return ActorsFound(
        [
            # "the Eurasian Economic Union": a customs union is of kind country
            Actor(
                e.name,
                "country" if fold(e.name) in CUSTOMS_UNIONS else e.kind,
                e.role,
                affiliation_of(e.affiliation),
            )
            for e in actors
        ],
        spans_by_sentence,
        people_country,
    )


_GENERIC_BODIES = frozenset({"government", "cabinet"})  # "the Government said": the country


def _names_a_legislature(tokens: list, start: int, end: int) -> bool:
    """ "The Senate voted …", "sent Congress a proposal": a legislature named alone, before a
    word in lower case ("Senate Democratic leader …" and "Parliament's committee" are not)."""
    word = tokens[start]
    return (
        end - start == 1
        and word.lower in COUNTRY_BODIES - _GENERIC_BODIES
        and word.cap
        and not word.possessive
        and end < len(tokens)
        and not tokens[end].cap
        and tokens[end].text[0].isalpha()
    )


def _place_at(sentence: Sentence, start: int) -> str | None:
    """The country named from token `start` ("the Chinese Embassy": China)."""
    return next((p.country for p in sentence.places if start <= p.start <= start + 1), None)


_FACILITIES = words("facility_nouns")


def _names_a_facility(tokens: list, start: int, end: int) -> bool:
    """ "the crippled Fukushima Daiichi nuclear power plant": a name before a facility's noun,
    with one to three lower-case words between, names the place, not a person ("a Jaguar Land
    Rover plant", "a Toyota assembly plant": a company's)."""
    if start and tokens[start - 1].lower in ("a", "an"):
        return False
    for k in range(end + 1, min(len(tokens), end + 4)):
        word = tokens[k]
        if word.cap or not word.text[0].isalpha() or tokens[k - 1].cap:
            return False
        if word.lower in _FACILITIES:
            return True
    return False


def _hosts_a_body(tokens: list, start: int, found: list[tuple[int, int, str]]) -> bool:
    """ "the … Observatory at the University of Sussex": a body named only as where the body
    before it sits is no actor of its own."""
    k = start - 1
    if k >= 0 and tokens[k].lower == "the":
        k -= 1
    return k >= 1 and tokens[k].lower == "at" and any(stop == k for _s, stop, _n in found)


def _named_after_to(sentence: Sentence, start: int, end: int) -> bool:
    """ "according to Ana Rojas", "went to Ana Rojas, the trade minister,": a person after
    "to", not a place (one two-word name read as a place is dropped instead)."""
    tokens = sentence.tokens
    if tokens[start - 1].lower != "to":
        return False
    if start >= 2 and tokens[start - 2].lower == "according":
        return True
    return after_name(sentence, end)[0] is not None


def _apposition_orgs(
    registry: Registry, sentences: list[Sentence], spans: dict[int, list[tuple[int, int, str]]]
) -> None:
    """Parenthetical or 'known as' acronyms join the organisation they name."""
    for sentence in sentences:
        tokens = sentence.tokens
        for i, token in enumerate(tokens):
            if (
                token.lower == "as"
                and i > 0
                and tokens[i - 1].lower == "known"
                and i + 1 < len(tokens)
            ):
                acronym = fold(tokens[i + 1].text)
                named_before = [n for start, _end, n in spans.get(sentence.index, []) if start < i]
                if (
                    not named_before
                    and tokens[i + 1].cap
                    and acronym not in registry.entries
                    and acronym not in COMMON
                ):
                    # "the government's trade chamber, known as Kamex,": the body's only name
                    entry = registry.add(
                        tokens[i + 1].text, "organization", sentence.index * 1000 + i + 1
                    )
                    if entry:
                        spans.setdefault(sentence.index, []).append((i + 1, i + 2, entry.name))
                    continue
                entry = registry.entries.pop(acronym, None)
                if entry is None:
                    continue
                # Count its mentions towards the organisation named just before.
                for start, _end, name in spans.get(sentence.index, []):
                    if start < i and fold(name) in registry.entries:
                        registry.entries[fold(name)].mentions += entry.mentions
                        break
