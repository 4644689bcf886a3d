"""Whether a mention's measure hits every origin: "on imported steel", "a global tariff",
"from all countries", "a basic customs duty", said with it or once after the last rate."""

from __future__ import annotations

import re

from briefs.drafting.tariffs.entities import MentionContext
from briefs.drafting.tariffs.party_clues import beside_a_country
from briefs.drafting.text import Folded

_ALL_TARGETS = Folded(
    # "foreign steel", not "the Department of Foreign Trade" or "foreign minister"
    # "on imported steel", not "on US rice imported outside its quota" (the goods' participle)
    r"\b(?:(?<=on |of |or |ll |he |st |ap |er |ts |ir )imported"
    r"|foreign(?! (?:trade|minist\w*|affairs|office|secretar\w*|polic\w*|relations"
    r"|exchange|investment|investors?|direct|currency|reserves?|service|press|correspondents?))"
    r"|all (?:[\w-]+ ){0,4}?imports"
    # "a global 10% tariff", "worldwide imports" - not "broke global trade rules"
    r"|(?:global|worldwide) (?:[\w%.-]+ ){0,2}?(?:tariffs?|duty|duties|levy|levies|safeguards?"
    r"|imports|basis|baseline|measures?)"
    r"|(?:most|all|other|many|dozens of(?: other)?) (?:trading partners|countries|nations)"
    r"|from all|every country"
    r"|most foreign|countries\s+(?:that|which|without|with no|with which|it has no|not|lacking)"
    r"|(?:all|every|any)\s+(?:origins?|sources?|suppliers?|countr(?:y|ies))"
    r"|(?:developing|poorer|poor|least[- ]developed|low-income|emerging) (?:countries|nations"
    r"|economies))\b"
)
_ON_IMPORTED = re.compile(r"\b(?:on|for)\s+(?:imported|foreign)\b", re.I)
# "a basic customs duty of 10 percent", "the most-favoured-nation tariff": every origin's rate
_EVERY_ORIGINS_RATE = re.compile(
    r"\b(?:basic(?:\s+customs|\s+import)?|most[- ]favou?red[- ]nation|mfn)\s+$", re.I
)
_CLAUSE_END = re.compile(r"[,;]|\b(?:if|unless|because|after|while)\b")
# "made in India or anywhere else": every origin, named before the measure.
_ANYWHERE = re.compile(r"\b(?:anywhere else|elsewhere|any other country)\b", re.I)


def every_origin(c: MentionContext) -> bool:
    """The mention's measure applies to every origin (no one target)."""
    return (
        not beside_a_country(c)
        and (
            bool(_ALL_TARGETS.search(c.text[c.start : c.end] + c.after[:80]))
            or _every_origin_later(c)
            or (
                c.bare and bool(_ALL_TARGETS.search(c.before[-60:]))
            )  # "Most other countries face 10%"
            or bool(_ON_IMPORTED.search(c.after[:30]))
            or bool(_EVERY_ORIGINS_RATE.search(c.text, max(0, c.start - 40), c.start))
            or bool(_ANYWHERE.search(c.before[-100:]))
        )
    )


def _every_origin_later(c: MentionContext) -> bool:
    """ "Tariffs of 50% on steel and 25% on cars already apply to imports from all countries":
    every origin, said once after the last rate of the clause, for each rate that names no
    country of its own."""
    if c.rate is None:
        return False  # only a rate borrows every origin named after it
    window_end = c.window_end
    if any(c.end <= e.start < window_end for e in c.entities):
        return False
    rest = _CLAUSE_END.split(c.text[window_end : window_end + 160])[0]
    return bool(rest) and bool(_ALL_TARGETS.search(rest))
