"""Government bodies a story names only in lower case: "Peru's trade ministry", "the finance
department", "the industry and trade ministry". Each is an organisation named by its words in
title case ("Trade Ministry"), of the country named just before it when there is one."""

from __future__ import annotations

import re
from typing import NamedTuple

from briefs.drafting.lexicon import words
from briefs.drafting.text import Sentence

_SUBJECT = "|".join(sorted(words("lower_org_subjects"), key=lambda w: (-len(w), w)))
_HEADS = tuple(sorted(words("lower_org_heads")))
_HEAD = "|".join(_HEADS)
_ANY_HEAD = re.compile("|".join(_HEADS))
_ANY_BODY = re.compile(r"association|federation|council|chamber|alliance")
# Lower case only: a capitalised "Trade Ministry" is the capital-run rules' to read.
# "the trade ministry", "the economy, trade and industry ministry", "the ministry of trade".
# "China's customs tariff commission of the state council": subjects side by side, and the
# council a commission belongs to.
_LOWER_ORG = re.compile(
    rf"\b((?:{_SUBJECT})(?:,?\s+(?:{_SUBJECT})){{0,3}}(?:,?\s+and\s+(?:{_SUBJECT}))?)\s+({_HEAD})"
    r"(?:\s+of\s+the\s+state\s+council)?\b"
    rf"|\b(?:{_HEAD})\s+of\s+(?:{_SUBJECT})(?:,?\s+and\s+(?:{_SUBJECT}))?\b"
)


# "the steel producers association", "China's tire industry association": a trade's own body.
_TRADE_BODY = re.compile(
    r"(?<![\w'’])((?:(?!(?:the|its|their|a|an|and|of|one|another|some|any|each|every)\b)"
    r"[a-z]+\s+){1,2}"
    r"(?:industry|producers|manufacturers|makers|exporters|importers|growers|farmers))"
    r"\s+(association|federation|council|chamber|alliance)\b"
)
# What comes before a body named in lower case: "the", a possessive, or its country.
_DETERMINERS = frozenset({"the", "its", "their", "his", "her", "our"})


class LowerOrg(NamedTuple):
    start: int  # token offsets in the sentence: [start, end)
    end: int
    name: str  # "Trade Ministry"
    words: frozenset[str]  # its lower-case words without "and": to find a fuller name
    affiliation: str | None


def lower_orgs(sentence: Sentence) -> list[LowerOrg]:
    """The lower-case government bodies of one sentence, by token offsets."""
    text = sentence.text
    if not _ANY_HEAD.search(text) and not _ANY_BODY.search(text):
        return []  # most sentences
    tokens = sentence.tokens
    by_start = {token.start: i for i, token in enumerate(tokens)}
    # A possessive ends where its word does: "the finance ministry's revenue wing".
    by_end = {token.start + len(token.text): i for i, token in enumerate(tokens)}
    out: list[LowerOrg] = []
    for match in [*_LOWER_ORG.finditer(text), *_TRADE_BODY.finditer(text)]:
        first = by_start.get(match.start())
        last = by_end.get(match.end())
        if first is None or last is None or not _determined(sentence, first, last + 1):
            continue  # "help with ingredients and food service": no body named
        if match.re is _TRADE_BODY and _describes_a_name(sentence, first, last + 1):
            continue
        name = " ".join(
            w if w in ("and", "of", "the") else w.capitalize() for w in match.group(0).split()
        )
        place = next((p for p in sentence.places if p.end == first), None)
        country = place.country if place else None
        if match.re is _TRADE_BODY and place is not None and place.demonym:
            # "the Swiss watch industry federation": the adjective is part of its name
            first = place.start
            name = f"{text[tokens[first].start : tokens[place.end - 1].end]} {name}"
        if (
            country is None
            and first >= 1
            and tokens[first - 1].possessive
            and tokens[first - 1].lower in ("country", "nation")
        ):
            # "Norway will charge …, the country's finance ministry said"
            named = [p for p in sentence.places if p.end <= first - 1 and not p.demonym]
            country = named[-1].country if named else None
        out.append(
            LowerOrg(
                first,
                last + 1,
                name,
                frozenset(
                    w.strip(",") for w in match.group(0).split() if w not in ("and", "of", "the")
                ),
                country,
            )
        )
    return out


_ISSUED = words("issued_by_bodies")  # "a finance ministry notification said"


def _determined(sentence: Sentence, first: int, end: int) -> bool:
    """ "the trade ministry", "Peru's trade ministry", "the Japanese trade ministry", "a
    finance ministry notification"."""
    if first == 0:
        return False
    tokens = sentence.tokens
    before = tokens[first - 1]
    return (
        before.lower in _DETERMINERS
        or (before.lower in ("a", "an") and end < len(tokens) and tokens[end].lower in _ISSUED)
        or before.possessive
        or not before.text[0].isalpha()  # '," foreign ministry spokesman Lin Jian said'
        or any(p.end == first for p in sentence.places)
    )


def _describes_a_name(sentence: Sentence, first: int, end: int) -> bool:
    """ "the auto industry association AMIA", "Interporc, the Spanish pork industry
    association": words that describe a body named beside them, not a name of their own."""
    tokens = sentence.tokens
    after = tokens[end] if end < len(tokens) else None
    if after is not None and (
        after.cap or (after.text == "," and end + 1 < len(tokens) and tokens[end + 1].cap)
    ):
        return True
    start = next((p.start for p in sentence.places if p.end == first), first)
    return (
        start >= 3
        and tokens[start - 1].lower == "the"
        and tokens[start - 2].text == ","
        and (tokens[start - 3].cap)
    )
