"""What the words around a name say of whom it serves: the country of a possessive before it,
the body named after it ("of the Institute …", "at Natixis"), an organisation named before by
its last word."""

from __future__ import annotations

from briefs.drafting.actor_words import (
    CONNECTORS,
    KNOWN_ORGS,
    MONTHS_DAYS,
    ORG_HEADS,
    PLACE_PREPOSITIONS,
    REGIONS,
)
from briefs.drafting.capital_runs import on_in_a_name
from briefs.drafting.firm_names import text_of
from briefs.drafting.lexicon import words
from briefs.drafting.registry import Registry
from briefs.drafting.text import Place, Sentence
from briefs.folding import fold
from briefs.gazetteer import DEMONYMS, NOUNS

_FIRM_WORDS = words("company_words")


def body_after(sentence: Sentence, end: int, run_end: int, places: dict[int, Place]) -> str | None:
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
    name = org_named_at(sentence, k, places)
    # "Daniel Zhang of Harbour Capital": a firm's word names a body too
    words_of = [w.casefold() for w in (name or "").split()]
    if name is None or not (
        any(w in ORG_HEADS for w in words_of) or any(w in _FIRM_WORDS for w in words_of[1:])
    ):
        return None
    return name


def served(
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


def owner_before(sentence: Sentence, start: int) -> str | None:
    """The country whose possessive ends right before token `start` ("Mexico's")."""
    for place in sentence.places:
        if place.end == start and sentence.tokens[place.end - 1].possessive:
            return place.country
    return None


def affiliation_of(value: str | None) -> str | None:
    if value is None:
        return None
    return NOUNS.get(value.casefold()) or DEMONYMS.get(value.casefold()) or value


def org_named_at(sentence: Sentence, start: int, places: dict[int, Place]) -> str | None:
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
        while (
            k < len(tokens)
            and k - end < 2
            and (tokens[k].lower in CONNECTORS or on_in_a_name(sentence, start, k))
        ):
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
