"""Key actors: people with role and affiliation, organisations, and the countries that act.

Rules, not a model: runs of capitalised tokens are read left to right as
[country or organisation] [role words] [name], with organisation names recognised by their
head word ("Council", "Ministry of Commerce") or by what the text says of them ("tech giant
Huawei", "Tesla, which …", "carmakers such as BMW"). Later mentions by surname join the person.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from briefs.drafting.actor_passes import (
    add_lower_orgs,
    bracket_acronyms,
    drop_forums,
    join_acronyms,
    whole_listed_names,
)
from briefs.drafting.actor_words import (
    COMMON,
    CONNECTORS,
    COUNTRY_BODIES,
    GOVERNMENT_HEADS,
    KNOWN_ORGS,
    MONTHS_DAYS,
    NAME_PARTICLES,
    NOT_ACTORS,
    ORG_HEADS,
    PLACE_PREPOSITIONS,
    PLACE_WORDS,
    REGIONS,
    ROLE_HEADS,
    SKIP_NAMES,
)
from briefs.drafting.company_cues import appositive_company, company_cue, works_at
from briefs.drafting.name_runs import (
    Span,
    after_name,
    before_name,
    capital_runs,
    lower_role_before,
    parse_run,
    role_phrase,
    text_of,
)
from briefs.drafting.registry import ActorSpans, Entry, Registry
from briefs.drafting.run_rules import (
    acronym_named,
    is_company_name,
    is_mission,
    named_with_country,
    names_a_policy,
)
from briefs.drafting.text import Place, Sentence
from briefs.folding import fold
from briefs.gazetteer import DEMONYMS, LEADERS, NOUNS
from briefs.model import Actor


def _leader_surnames() -> dict[str, tuple[str, str]]:
    """Well-known leaders by a surname no other of them shares: 'trump' → Donald Trump."""
    found: dict[str, list[tuple[str, str]]] = {}
    for key, country in LEADERS.items():
        parts = key.split()
        name = " ".join(p if p in NAME_PARTICLES else p.capitalize() for p in parts)
        words = {parts[-1]}
        # "Lula" of "luiz inácio lula da silva": the word before the particles, too.
        particle = next((i for i, p in enumerate(parts) if p in NAME_PARTICLES), None)
        if particle:
            words.add(parts[particle - 1])
        for word in words:
            found.setdefault(fold(word), []).append((name, country))
    return {word: names[0] for word, names in found.items() if len(names) == 1}


_LEADER_SURNAMES = _leader_surnames()

# Roles of a government's own ministers: with no country named, the dateline's.
_HOME_ROLE = re.compile(r"\b(?:minister|premier)\b", re.I)


class ActorsFound(NamedTuple):
    """What the actor rules find in a story."""

    actors: list[Actor]  # most mentioned first
    spans: ActorSpans  # let the tariff rules map "Trump" or "the Commerce Department" to a country
    affiliations: dict[str, str]  # person or organisation → the country it stands for


def extract_actors(
    sentences: list[Sentence], not_actors: set[str], home: str | None = None
) -> ActorsFound:
    """People and organisations named in the sentences, with their mentions and countries.

    `home` is the dateline's country: a body named in lower case ("the trade department")
    with no country before it is that country's."""
    registry = Registry(not_actors)
    spans_by_sentence: ActorSpans = {}
    pending_singles: list[_Single] = []
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
            if names_a_policy(tokens, run_start, run_end):
                # "the Build Better More programme": only the places in it are read
                spans = [s for s in spans if s.kind in ("place", "single")]
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
                    owner = _owner_before(sentence, span.start)
                    if (
                        span.end - span.start == 1
                        and tokens[span.start].lower in COUNTRY_BODIES
                        and owner
                        and index == len(spans) - 1
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
                    if last_word in SKIP_NAMES or fold(name).startswith("group of"):
                        continue
                    if is_mission(name):
                        continue  # "the US Embassy said": the country speaks (a place span)
                    if modifier is None and any(
                        w.casefold() in GOVERNMENT_HEADS for w in name.split()
                    ):
                        modifier = home  # "LIMA, Peru — The Ministry of Commerce said"
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
                    if fold(span.text) in registry.not_actors:
                        continue
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
                    ) or (
                        span.end + 1 < len(tokens)
                        and tokens[span.end].text == ","
                        and tokens[span.end + 1].lower in ("a", "an", "one")
                        and appositive_company(tokens, span.end)
                    ):
                        name = KNOWN_ORGS.get(fold(span.text), span.text)
                        entry = registry.add(name, "organization", base + span.start)
                        if entry:
                            found.append((span.start, span.end, entry.name))
                            last_org = entry
                        continue
                    prev = tokens[span.start - 1].lower if span.start else ""
                    if role is None and prev in PLACE_PREPOSITIONS:
                        continue  # "in Tamil Nadu", "near Port Talbot"
                    if (
                        prev == "of"
                        and span.start >= 2
                        and tokens[span.start - 2].lower in (PLACE_WORDS)
                    ):
                        continue  # "the Cape of Good Hope", "the Bay of Bengal"
                    role_text = role_phrase(role.text) if role else None
                    # "Paraguay's President Santiago Peña": the possessive ends the run before
                    affiliation = modifier or (
                        _owner_before(sentence, role.start) if role else None
                    )
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
                                affiliation = affiliation or _served(
                                    registry, sentence, owner, found
                                )
                        if org_at is not None:
                            org_name = _org_at(sentence, org_at, places)
                            if org_name:
                                org_entry = registry.add(org_name, "organization", base + org_at)
                                affiliation = org_name if not after_aff else affiliation
                                if org_entry:
                                    found.append((org_at, org_at + 1, org_entry.name))
                        elif affiliation is None and role_text is None:
                            # "said Faisal Rahman of the Institute for …": read in this run
                            affiliation = _body_after(sentence, span.end, run_end, places)
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
                        and role_text is None
                        and run_start <= 1
                        and (tokens[0].lower in ("its", "their") and last_org)
                    ):
                        affiliation = affiliation or last_org.name
                    affiliation = affiliation or LEADERS.get(fold(span.text))
                    if affiliation is None and role_text and _HOME_ROLE.search(role_text):
                        affiliation = home  # "SANTIAGO — Economy Minister Ana Rojas"
                    entry = registry.add(
                        span.text, "person", base + span.start, role_text, affiliation
                    )
                    if entry:
                        found.append((span.start, span.end, entry.name))
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
                        _Single(base + span.start, span, sentence, role_text, modifier)
                    )
        spans_by_sentence[sentence.index] = found

    _resolve_singles(registry, pending_singles, spans_by_sentence, lowercase_words)
    add_lower_orgs(registry, sentences, spans_by_sentence, home)
    _apposition_orgs(registry, sentences, spans_by_sentence)
    drop_forums(registry, sentences, spans_by_sentence)
    bracket_acronyms(registry, spans_by_sentence, sentences)
    join_acronyms(registry, spans_by_sentence, sentences)
    whole_listed_names(registry, spans_by_sentence, sentences)
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
        [Actor(e.name, e.kind, e.role, _affiliation(e.affiliation)) for e in actors],
        spans_by_sentence,
        people_country,
    )


def _body_after(sentence: Sentence, end: int, run_end: int, places: dict[int, Place]) -> str | None:
    """The body named by "of the X" or "at X" right after a name, within the same run of
    capitals (so read there as an organisation); only a name with a head word counts."""
    tokens = sentence.tokens
    k = end
    if k >= run_end or tokens[k].lower not in ("of", "at"):
        return None
    k += 1
    while k < run_end and tokens[k].lower == "the":
        k += 1
    if k >= run_end or k in places or not tokens[k].cap:
        return None
    name = _org_at(sentence, k, places)
    if name is None or not any(w.casefold() in ORG_HEADS for w in name.split()):
        return None
    return name


def _served(
    registry: Registry, sentence: Sentence, end: int, found: list[tuple[int, int, str]]
) -> str | None:
    """Whom the words ending at token `end` name: a country ("Brazil's", "Chinese"), an
    organisation read in this sentence, or one named before by its last word ("Commission")."""
    for place in sentence.places:
        if place.end == end:
            return place.country
    for _start, stop, name in found:
        if stop == end:
            return name
    word = fold(sentence.tokens[end - 1].text)
    named = [
        e.name
        for e in registry.entries.values()
        if e.kind == "organization" and fold(e.name.split()[-1]) == word
    ]
    return named[0] if len(named) == 1 else None


def _owner_before(sentence: Sentence, start: int) -> str | None:
    """The country whose possessive ends right before token `start` ("Mexico's")."""
    for place in sentence.places:
        if place.end == start and sentence.tokens[place.end - 1].possessive:
            return place.country
    return None


def _affiliation(value: str | None) -> str | None:
    if value is None:
        return None
    return NOUNS.get(value.casefold()) or DEMONYMS.get(value.casefold()) or value


def _org_at(sentence: Sentence, start: int, places: dict[int, Place]) -> str | None:
    """The organisation (not a country) named from token `start`: 'at Natixis', 'of the X'."""
    tokens = sentence.tokens
    if start in places and places[start].end - start == len(tokens[start : places[start].end]):
        place = places[start]
        if place.end >= len(tokens) or not tokens[place.end].cap:
            return None
    end = start
    while end < len(tokens):
        if tokens[end].cap and tokens[end].text[0].isalpha():
            end += 1
            if tokens[end - 1].possessive:
                break
            continue
        k = end
        while k < len(tokens) and k - end < 2 and tokens[k].lower in CONNECTORS:
            k += 1
        if (
            k > end
            and k < len(tokens)
            and tokens[k].cap
            and tokens[k].lower not in PLACE_PREPOSITIONS
        ):
            end = k
            continue
        break
    while end > start and tokens[end - 1].lower in CONNECTORS:
        end -= 1
    if end == start:
        return None
    name = text_of(tokens, start, end, sentence.text)
    if fold(name) in REGIONS or fold(name.split()[0]) in MONTHS_DAYS:
        return None
    return KNOWN_ORGS.get(fold(name), name)


class _Single(NamedTuple):
    pos: int
    span: Span
    sentence: Sentence
    role: str | None  # "Secretary-General Guterres"
    modifier: str | None  # the country or body named before it


def _resolve_singles(
    registry: Registry,
    singles: list[_Single],
    spans_by_sentence: dict[int, list[tuple[int, int, str]]],
    lowercase_words: set[str],
) -> None:
    """One-word mentions: a known person's surname, a known organisation, or a company cue."""
    for pos, span, sentence, role, modifier in singles:
        tokens = sentence.tokens
        word = span.text
        low = fold(word)
        if low in NOT_ACTORS or low in REGIONS or low in registry.not_actors:
            continue
        person = registry.person_by_part(word)
        if person is not None and low not in COMMON:
            person.mentions += 1
            spans_by_sentence[sentence.index].append((span.start, span.end, person.name))
            continue
        entry = registry.entries.get(low) or registry.entries.get(fold(KNOWN_ORGS.get(low, "")))
        if entry is not None:
            entry.mentions += 1
            spans_by_sentence[sentence.index].append((span.start, span.end, entry.name))
            continue
        owner = _owner_before(sentence, span.start)
        if low in COUNTRY_BODIES and owner is not None:
            # "Mexico's Senate on Wednesday approved …"
            entry = registry.add(word, "organization", pos, affiliation=owner)
        elif low in KNOWN_ORGS:
            entry = registry.add(KNOWN_ORGS[low], "organization", pos)
        elif low in _LEADER_SURNAMES and low not in COMMON:
            # "Trump has agreed …" in a story that never gives the full name.
            name, country = _LEADER_SURNAMES[low]
            entry = registry.add(name, "person", pos, affiliation=country)
        elif span.titled and low not in lowercase_words and not word.isupper():
            # "Mr Akazawa told reporters", "Secretary-General Guterres warned": a person named
            # by surname only, though what follows would make a single word a company.
            entry = registry.add(word, "person", pos, role, _affiliation(modifier))
        elif (said := after_name(sentence, span.end))[0] and span.end < len(tokens):
            # "Lutnick, the commerce secretary, said": a person named by surname only
            entry = registry.add(word, "person", pos, said[0], _affiliation(said[1]))
        elif (
            company_cue(tokens, span.start, span.end)
            or _after_org_and(registry, spans_by_sentence, sentence, span.start)
        ) and low not in lowercase_words:
            entry = registry.add(word, "organization", pos)
        else:
            entry = None
        if entry is not None:
            spans_by_sentence[sentence.index].append((span.start, span.end, entry.name))


def _after_org_and(registry: Registry, spans: ActorSpans, sentence: Sentence, start: int) -> bool:
    """ "Mitsubishi Corporation and Marubeni": a single name listed after an organisation."""
    if start < 2 or sentence.tokens[start - 1].lower not in ("and", "&"):
        return False
    for _s, end, name in spans.get(sentence.index, []):
        entry = registry.entries.get(fold(name))
        if end == start - 1 and entry is not None and entry.kind == "organization":
            return True
    return False


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
                entry = registry.entries.pop(acronym, None)
                if entry is None:
                    continue
                # Count its mentions towards the organisation named just before.
                for start, _end, name in spans.get(sentence.index, []):
                    if start < i and fold(name) in registry.entries:
                        registry.entries[fold(name)].mentions += entry.mentions
                        break
