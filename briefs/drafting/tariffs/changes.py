"""Rates that change: the rate a new one replaces ("to 35% from 30%", "instead of the present
16%", "far below the 91.74% preliminary rate"), and whether the change is still to come, which
keeps the old rate charged until then."""

from __future__ import annotations

import re

# The rate a new one replaces: "to 9% from 22% next year", "35% instead of the present 16%".
OLD_RATE_BEFORE = re.compile(
    r"(?:\bfrom|\binstead of|\brather than|\breplac(?:ing|es?|ed))\s+(?:the\s+)?(?:present\s+"
    r"|current\s+|existing\s+)?"
    # "replacing provisional ones of 25%", "will replace the provisional 25% duty"
    r"(?:(?<=replacing )|(?<=replace )|(?<=replaces )|(?<=replaced )|(?<=the ))?"
    r"(?:(?:provisional|preliminary|interim|previous|earlier|old)\s+(?:(?:ones?|duties|rates?"
    r"|tariffs?|levies)\s+of\s+)?)?$",
    re.I,
)
# A change still to come: the old rate is charged until then (gold: both are listed).
LOOKS_AHEAD = re.compile(
    r"\b(?:will|(?:said|says|announced) (?:it|they|he|she) would|set to|due to|is to|are to"
    r"|plans? to|next (?:week|month|year)|starting|once"
    r"|from (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*"
    r"|(?:agreed|decided|expected|scheduled) to (?:\w+ )?(?:cut|lower|reduce|raise|increase"
    r"|bring|drop|lift)|(?:agree|pledge|promise)[sd]?\s+to\s+(?!(?:a|an|the)\b)\w+"
    # "the agreement caps US tariffs at 15%": a deal's terms, still to be carried out
    r"|(?:deal|agreement|pact|accord|arrangement)\b[^.;]{0,80}?\b(?:sets|cuts|lowers|reduces|caps"
    r"|halves|brings|slashes|trims))\b",
    re.I,
)
# "to 35% from 30%", "down from a preliminary 3.5%": the rate a change replaced
FROM_BEFORE = re.compile(
    r"\bfrom\s+(?:(?:an?\s+|the\s+)?(?:preliminary|provisional|previous|earlier|initial"
    r"|current|present|existing|old)\s+)?$",
    re.I,
)
RANGE_LEAD = re.compile(r"\b(?:range[sd]?|ranging|varies|vary|varying)\s+(?:from\s+)?$", re.I)


# "the 46% rate threatened in April", "the 32% rate Trump had threatened": a rate never charged
_ONLY_THREATENED = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:(?:that|which)\s+)?(?:[\w.-]+\s+){0,2}?(?:had\s+)?(?:threatened"
    r"|proposed|floated|mooted|warned\s+of)\b",
    re.I,
)


def _never_charged(sentence: str, start: int, rate: str) -> bool:
    return bool(_ONLY_THREATENED.match(sentence, start + len(rate)))


def replaced_rate(sentence: str, start: int, rate: str) -> bool:
    """ "up from 14%", "instead of the present 16%": the rate a change replaces (not one that
    was only threatened: that one is no charged rate)."""
    if re.search(r"\bto\b|-|–", rate) or RANGE_LEAD.search(sentence, max(0, start - 30), start):
        return False
    if _never_charged(sentence, start, rate):
        return False
    return bool(
        OLD_RATE_BEFORE.search(sentence, max(0, start - 30), start)
        or FROM_BEFORE.search(sentence, max(0, start - 40), start)
    )


def is_old_rate(sentence: str, start: int, rate: str) -> bool:
    """A rate still charged until a new one starts ("will pay 35% instead of the present
    16%"): in force on the article's day, beside the announced one."""
    if re.search(r"\bto\b|-|–", rate) or RANGE_LEAD.search(sentence, max(0, start - 30), start):
        return False  # "ranging from 27.7 percent to 34.9 percent"
    if _never_charged(sentence, start, rate):
        return False  # "down from the 32% rate Trump had threatened"
    if _BELOW_BEFORE.search(sentence, max(0, start - 30), start):
        return bool(LOOKS_AHEAD.search(sentence, 0, start))  # the new rates, said before it
    return bool(
        OLD_RATE_BEFORE.search(sentence, max(0, start - 30), start)
        and ahead_in_clause(sentence, start, start, 90, 40)  # its own clause
    )


# "final rates that will be far below the 91.74% preliminary rate": the rate still charged
_BELOW_BEFORE = re.compile(
    r"\b(?:far\s+|well\s+|sharply\s+|much\s+)?(?:below|under|lower than)\s+(?:the|its|their)\s+$",
    re.I,
)


# "cut its 100% tariff on Chinese EVs to 6.1%": the rate a change verb leads from, to the
# rate after "to" in the same clause
_CHANGED_FROM = re.compile(
    r"\b(?:rais\w*|increas\w*|cut|cuts|cutting|lower\w*|reduc\w*|doubl\w*|hik\w*|lift\w*"
    r"|slash\w*|trim\w*|tripl\w*|halv\w*|bring\w*|brought)\s+(?:its|their|the|a|an|his|her)\s+"
    r"(?:[\w-]+\s+)?$",
    re.I,
)
_TO_NEW_RATE = re.compile(  # not "to 0%": a removal, which leaves no rate to charge
    r"[^;:]{0,90}?\bto\s+(?=(?!0(?:\.0+)?(?:\s?%|[\s-]?per))\d|\w+[\s-](?:per\s?cent|percent))",
    re.I,
)
_OTHER_CLAUSE = re.compile(r",\s*(?:and|but|while|which)\b|\bbut\b", re.I)


# "Brazil's 35% import tax on electric cars will rise to 45%": the measure's own verb
_CHANGES_TO = re.compile(
    # (past a relative clause: "Mexico's 25% tariff, which it imposed in March, will rise to 35%")
    r"[^,;:]{0,70}?(?P<rel>,\s+(?:which|that)\s[^,;:]{1,60},[^,;:]{0,20}?)?\b(?:rise|rises|rose|risen|climb\w*|increas\w*|fall|falls|fell|fallen|drop\w*"
    r"|go(?:es)? (?:up|down)|went (?:up|down)|jump\w*|be (?:raised|cut|lowered|reduced|increased))"
    r"\s+to\s+(?=\d|\w+[\s-](?:per\s?cent|percent))",
    re.I,
)


def changed_from(sentence: str, start: int, end: int) -> bool:
    """ "raised its 10% duty on Chinese chips to 50%", "its 35% tax will rise to 45%": the rate
    the change replaces."""
    if not _CHANGED_FROM.search(sentence, max(0, start - 40), start):
        to = _CHANGES_TO.match(sentence, end)
        if to is None:
            return False
        rel = to.span("rel") if to.group("rel") else (to.end(), to.end())
        return not (
            _OTHER_CLAUSE.search(sentence, end, rel[0])
            or _OTHER_CLAUSE.search(sentence, rel[1], to.end())
        )
    to = _TO_NEW_RATE.match(sentence, end)
    return to is not None and not _OTHER_CLAUSE.search(sentence, end, to.end())


# Where another clause opens: "falls to 22% from 24%, while meal will pay 20.5%"
_CLAUSE_BREAK = re.compile(
    r",\s*(?:while|but|whereas|and\s+(?=\w+\s+(?:will|would)))\s|;\s|\s[—–]\s"
)


def ahead_in_clause(sentence: str, start: int, end: int, back: int, forward: int) -> bool:
    """A change still to come, said within the clause of the rate at start-end."""
    low, high = max(0, start - back), min(len(sentence), end + forward)
    for brk in _CLAUSE_BREAK.finditer(sentence, low, high):
        if brk.end() <= start:
            low = brk.end()
        elif brk.start() >= end:
            high = brk.start()
            break
    return bool(LOOKS_AHEAD.search(sentence, low, high))


def looks_ahead(sentence: str, start: int, end: int) -> bool:
    """A change still to come, said around a rate ("will cut", "next year", "agreed to")."""
    return ahead_in_clause(sentence, start, end, 90, 60)


_CHANGED_TO = re.compile(
    r"\b(?:raised|lifted|increased|hiked|cut|lowered|reduced|doubled|tripled|trimmed|slashed"
    r"|boosted|brought|pushed)\s+(?:[\w-]+\s+){0,4}?to\s+$",
    re.I,
)
_HAD_BEFORE = re.compile(r"\bhad\s+(?:been\s+)?$", re.I)
_NOT_YET = re.compile(r"\b(?:will|would|could|may|might|plans?|set to|due to|from next)\b", re.I)


def supersedes(text: str, start: int) -> bool:
    """A change already made to a rate named before ("it raised that rate to 35%"), not one
    told as background ("which had been cut to 15% last year")."""
    change = _CHANGED_TO.search(text, max(0, start - 60), start)
    return (
        change is not None
        and not _HAD_BEFORE.search(text, max(0, change.start() - 12), change.start())
        and not _NOT_YET.search(text, max(0, start - 80), start + 40)
    )
