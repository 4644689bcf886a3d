"""The countries a sentence names, directly or through a person or government body that
stands for one, and which of them are only examples of every origin."""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefs.drafting.text import Sentence
from briefs.folding import fold
from briefs.gazetteer import LEADERS, country_of

_PLACE_BEFORE = re.compile(r"\b(?:from|in|on|to|into|of|for)\s+(?:the\s+)?(?:most\s+|all\s+)?$")
_ACTING_AFTER_DEMONYM = re.compile(r"\s+(?:[A-Z]|government|officials|authorities)")
_EXAMPLE_BEFORE = re.compile(
    r"\b(?:including|such as|like|notably|except|excluding|besides|apart from|other than)\s"
    r"[^.;:()]{0,40}$",
    re.I,
)
_SAYS_AFTER = re.compile(r"\s+(?:said|says|announced|added|told|stated|confirmed)\b")
# "Brazil was handed a 50% rate", "India was hit with", "Thailand faces a 36% tariff": the
# country a measure is given to, never its imposer.
_RECEIVES_AFTER = re.compile(
    r"\s+(?:(?:was|were|is|are|has been|have been|had been|will be|would be|got|gets|get)\s+"
    r"(?:\w+\s+)?(?:told|handed|given|hit|slapped|assigned|spared|threatened|saddled|struck"
    r"|charged|taxed)|(?:(?:is|are|was|were)\s+)?(?:faces|faced|facing|face|receives?|received"
    r"|gets|got))\b"
)
_SPARED_BEFORE = re.compile(r"\b(?:exempt|exclude|spare|shield|exempting|excluding|sparing)\s+$")
_FROM_MEASURE = re.compile(r"\s+from\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,3}")
_LIST_BEFORE = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)(?:the\s+)?")
_EXAMPLE_AFTER = re.compile(r"\s+(?:among them|included|too)\b", re.I)


_THE_GOVERNMENT = re.compile(r"\b[Tt]he\s+government('s)?(?!\s+of\b)")


@dataclass
class Entity:
    start: int  # character offsets in the sentence
    end: int
    country: str
    demonym: bool
    possessive: bool


_GOVERNMENT = re.compile(
    r"Ministry|Department|Commission|Office|Agency|Administration|Council|White House|Customs"
    r"|Government|Parliament|Congress|Authority|Representative|Treasury|Cabinet|Kremlin"
)


def entities_of(
    sentence: Sentence,
    spans: list[tuple[int, int, str]],
    affiliations: dict[str, str],
    persons: frozenset[str] = frozenset(),
    home: str | None = None,
) -> list[Entity]:
    """Countries in a sentence, directly or through a person or organisation they stand for."""
    tokens = sentence.tokens
    out: list[Entity] = []
    covered: list[tuple[int, int]] = []
    for start, end, name in spans:
        if name not in persons and not _GOVERNMENT.search(name):
            covered.append((start, end))
            continue  # a company or union does not impose tariffs
        country = affiliations.get(name) or LEADERS.get(fold(name))
        if not country and " of " in name:
            country = country_of(name.rsplit(" of ", 1)[1])  # "the Government of Canada"
        if country:
            country = country_of(country) or None
        if country:
            out.append(
                Entity(
                    tokens[start].start,
                    tokens[end - 1].end,
                    country,
                    False,
                    tokens[end - 1].possessive,
                )
            )
            covered.append((start, end))
    for place in sentence.places:
        if any(s <= place.start < e for s, e in covered):
            continue
        out.append(
            Entity(
                tokens[place.start].start,
                tokens[place.end - 1].end,
                place.country,
                place.demonym,
                tokens[place.end - 1].possessive,
            )
        )
    if home is not None and "overnment" in sentence.text:
        # "LAGOS — The government also applies a 50% tariff": the dateline's government
        for match in _THE_GOVERNMENT.finditer(sentence.text):
            if not any(e.start <= match.start() < e.end for e in out):
                out.append(Entity(match.start(), match.end(), home, False, match.group(1) != ""))
    out.sort(key=lambda e: e.start)
    return out


def subject_of(entities: list[Entity], text: str) -> str | None:
    """The first country a sentence names as an actor (not after 'from', 'in' or 'on')."""
    for entity in entities:
        before = text[max(0, entity.start - 12) : entity.start].casefold()
        if _PLACE_BEFORE.search(before):
            continue
        if entity.demonym and not _ACTING_AFTER_DEMONYM.match(text[entity.end : entity.end + 14]):
            continue
        return entity.country
    return None


def is_example(text: str, entity: Entity) -> bool:
    if _SAYS_AFTER.match(text, entity.end):
        return False  # "…, including the EU and Mexico, the US said": the speaker
    return bool(
        _EXAMPLE_BEFORE.search(text, max(0, entity.start - 50), entity.start)
        or _EXAMPLE_AFTER.match(text, entity.end)
    )


def receivers(text: str, entities: list[Entity], start: int, end: int) -> list[str]:
    """The countries between `start` and `end` that a measure is given to ("Laos and Myanmar
    were assigned rates of 40%"), the list that ends with the receiving verb, or that are to
    be spared it ("to exclude Japan from the new duties")."""
    inside = [e for e in entities if start <= e.start and e.end <= end]
    for entity in reversed(inside):
        if _SPARED_BEFORE.search(text, max(0, entity.start - 20), entity.start) and (
            _FROM_MEASURE.fullmatch(text, entity.end, end)
        ):
            return [entity.country]
    for index in range(len(inside) - 1, -1, -1):
        entity = inside[index]
        if _RECEIVES_AFTER.match(text, entity.end) and not _PLACE_BEFORE.search(
            text, max(0, entity.start - 12), entity.start
        ):  # not "cars shipped to Mexico face …"
            first = index
            while first > 0 and _LIST_BEFORE.fullmatch(
                text[inside[first - 1].end : inside[first].start]
            ):
                first -= 1
            return list(dict.fromkeys(e.country for e in inside[first : index + 1]))
    return []
