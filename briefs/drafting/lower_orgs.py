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
# Lower case only: a capitalised "Trade Ministry" is the capital-run rules' to read.
# "the trade ministry", "the economy, trade and industry ministry", "the ministry of trade".
_LOWER_ORG = re.compile(
    rf"\b((?:{_SUBJECT})(?:,\s+(?:{_SUBJECT})){{0,3}}(?:,?\s+and\s+(?:{_SUBJECT}))?)\s+({_HEAD})\b"
    rf"|\b(?:{_HEAD})\s+of\s+(?:{_SUBJECT})(?:,?\s+and\s+(?:{_SUBJECT}))?\b"
)


class LowerOrg(NamedTuple):
    start: int  # token offsets in the sentence: [start, end)
    end: int
    name: str  # "Trade Ministry"
    words: frozenset[str]  # its lower-case words without "and": to find a fuller name
    affiliation: str | None


def lower_orgs(sentence: Sentence) -> list[LowerOrg]:
    """The lower-case government bodies of one sentence, by token offsets."""
    text = sentence.text
    if not _ANY_HEAD.search(text):
        return []  # most sentences
    tokens = sentence.tokens
    by_start = {token.start: i for i, token in enumerate(tokens)}
    # A possessive ends where its word does: "the finance ministry's revenue wing".
    by_end = {token.start + len(token.text): i for i, token in enumerate(tokens)}
    out: list[LowerOrg] = []
    for match in _LOWER_ORG.finditer(text):
        first = by_start.get(match.start())
        last = by_end.get(match.end())
        if first is None or last is None:
            continue
        name = " ".join(w if w in ("and", "of") else w.capitalize() for w in match.group(0).split())
        place = next((p for p in sentence.places if p.end == first), None)
        country = place.country if place else None
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
                frozenset(w.strip(",") for w in match.group(0).split() if w not in ("and", "of")),
                country,
            )
        )
    return out
