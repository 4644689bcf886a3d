"""One-word mentions, resolved once every full name of the story is known: a person's surname
("Carney"), a known organisation ("WTO"), a leader named by surname alone, a titled surname
("Mr Akazawa"), or a company by what the text says around it ("Nucor said")."""

from __future__ import annotations

from typing import NamedTuple

from briefs.drafting.actor_context import affiliation_of, owner_before
from briefs.drafting.actor_words import (
    COMMON,
    COUNTRY_BODIES,
    KNOWN_ORGS,
    NAME_PARTICLES,
    NOT_ACTORS,
    PLACE_PREPOSITIONS,
    REGIONS,
    SKIP_NAMES,
)
from briefs.drafting.company_cues import company_cue
from briefs.drafting.lexicon import words
from briefs.drafting.name_runs import Span
from briefs.drafting.registry import ActorSpans, Registry
from briefs.drafting.text import Sentence, Token
from briefs.drafting.titles import after_name
from briefs.folding import fold
from briefs.gazetteer import LEADERS

_GOODS = words("products")  # read here only; the tariff rules own the list
# Prepositions of where, not of whom: "officials in Trondheim", "a plant near Bergen".
_IN_PLACE = frozenset({"in", "near", "outside", "across", "throughout", "around"})
# Where a leader's family name comes first.
_FAMILY_FIRST = frozenset({"China", "South Korea", "North Korea", "Taiwan", "Vietnam"})


def leader_surnames() -> dict[str, tuple[str, str]]:
    """Well-known leaders by a surname no other of them shares: 'trump' → Donald Trump."""
    found: dict[str, list[tuple[str, str]]] = {}
    for key, country in LEADERS.items():
        parts = key.split()
        name = " ".join(p if p in NAME_PARTICLES else p.capitalize() for p in parts)
        words = {parts[-1]}
        if country in _FAMILY_FIRST:
            words.add(parts[0])  # "Xi" of "xi jinping", "Lee" of "lee jae-myung"
        # "Lula" of "luiz inácio lula da silva": the word before the particles, too.
        particle = next((i for i, p in enumerate(parts) if p in NAME_PARTICLES), None)
        if particle:
            words.add(parts[particle - 1])
        for word in words:
            found.setdefault(fold(word), []).append((name, country))
    return {word: names[0] for word, names in found.items() if len(names) == 1}


LEADER_SURNAMES = leader_surnames()


class Single(NamedTuple):
    pos: int
    span: Span
    sentence: Sentence
    role: str | None  # "Secretary-General Guterres"
    modifier: str | None  # the country or body named before it


def resolve_singles(
    registry: Registry,
    singles: list[Single],
    spans_by_sentence: dict[int, list[tuple[int, int, str]]],
    lowercase_words: set[str],
) -> None:
    """One-word mentions: a known person's surname, a known organisation, or a company cue."""
    for pos, span, sentence, role, modifier in singles:
        tokens = sentence.tokens
        word = span.text
        low = fold(word)
        if low in NOT_ACTORS or low in REGIONS or low in registry.not_actors or low in SKIP_NAMES:
            continue
        if low in _GOODS and registry.person_by_part(word) is None:
            continue  # "Salmon, which Norway sells mostly to Europe, …": goods, no actor
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
        owner = owner_before(sentence, span.start)
        if low in COUNTRY_BODIES and owner is not None:
            # "Mexico's Senate on Wednesday approved …"
            entry = registry.add(word, "organization", pos, affiliation=owner)
        elif low in KNOWN_ORGS:
            entry = registry.add(KNOWN_ORGS[low], "organization", pos)
        elif low in LEADER_SURNAMES and low not in COMMON:
            # "Trump has agreed …" in a story that never gives the full name.
            name, country = LEADER_SURNAMES[low]
            entry = registry.add(name, "person", pos, affiliation=country)
        elif span.titled and low not in lowercase_words and not word.isupper():
            # "Mr Akazawa told reporters", "Secretary-General Guterres warned": a person named
            # by surname only, though what follows would make a single word a company.
            entry = registry.add(word, "person", pos, role, affiliation_of(modifier))
        elif (
            (said := after_name(sentence, span.end))[0]
            and span.end < len(tokens)
            # "At Kildare Brewers in Westmeath, chief executive …": a place, then the person
            and not (span.start and tokens[span.start - 1].lower in _BEFORE_PLACES)
        ):
            # "Lutnick, the commerce secretary, said": a person named by surname only
            entry = registry.add(word, "person", pos, said[0], affiliation_of(said[1]))
        elif (
            (
                company_cue(tokens, span.start, span.end)
                or _after_org_and(registry, spans_by_sentence, sentence, span.start)
            )
            and low not in lowercase_words
            and not (span.start == 0 and _plural_noun(word, tokens[span.end : span.end + 4]))
            # "Officials in Trondheim said": a place, though a statement verb follows
            and not (span.start and tokens[span.start - 1].lower in _IN_PLACE)
        ):
            entry = registry.add(word, "organization", pos)
        else:
            entry = None
        if entry is not None:
            spans_by_sentence[sentence.index].append((span.start, span.end, entry.name))


# "At Glenmorven Distillery on Islay, managing director …": an island or street, then the person.
_BEFORE_PLACES = PLACE_PREPOSITIONS | {"on"}
# "Distributors said they …": a sentence-initial plural of people, not a name ("Halvors said
# it …" stays a company).
_PLURAL_ENDS = ("ers", "ors", "ists", "ants", "ents", "ians")
_PLURAL_AFTER = frozenset({"they", "their", "were", "are", "have"})


def _plural_noun(word: str, after: list[Token]) -> bool:
    return (
        len(word) > 6
        and not word.isupper()
        and word.endswith(_PLURAL_ENDS)
        and any(t.lower in _PLURAL_AFTER for t in after)
    )


def _after_org_and(registry: Registry, spans: ActorSpans, sentence: Sentence, start: int) -> bool:
    """ "Mitsubishi Corporation and Marubeni": a single name listed after an organisation."""
    if start < 2 or sentence.tokens[start - 1].lower not in ("and", "&"):
        return False
    for _s, end, name in spans.get(sentence.index, []):
        entry = registry.entries.get(fold(name))
        if end == start - 1 and entry is not None and entry.kind == "organization":
            return True
    return False
