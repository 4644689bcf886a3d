"""A tariff's rate as written ('25%', '17.0% to 35.3%', 'twenty-five percent') → a number."""

from __future__ import annotations

import re
from functools import lru_cache

from briefs.folding import fold
from briefs.numbers import NUMBER_WORDS

_UNITS = NUMBER_WORDS
_NUMBER_WORD = "(?:" + "|".join(sorted(_UNITS, key=len, reverse=True)) + "|hundred)"
_SPELLED = re.compile(rf"\b{_NUMBER_WORD}(?:(?:[\s-]+and[\s-]+|[\s-]+){_NUMBER_WORD})*\b")
_NUMBER = r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?)"
_PERCENT = re.compile(
    _NUMBER + r"\s*(?:%|percent\b|per\s*cent\b|pct\b|percentage\s+points?\b|p\.?p\.?\b)"
)
_BARE = re.compile(r"\s*" + _NUMBER + r"\s*")


def _spelled_value(match: re.Match[str]) -> str:
    total = 0
    for word in re.split(r"[\s-]+", match.group()):
        if word == "hundred":
            total = (total or 1) * 100
        elif word != "and":
            total += _UNITS[word]
    return str(total)


def _to_float(number: str) -> float:
    # "1,000" groups thousands; "17,5" (one or two digits after the comma) is a decimal comma.
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", number):
        return float(number.replace(",", ""))
    return float(number.replace(",", "."))


@lru_cache(maxsize=4096)  # rates repeat ("25%"); a cache also shares the float objects
def parse_rate(text: str | None) -> float | None:
    """A tariff's rate as written → a percentage, the highest of a range; None when unstated.

    '25%' → 25, '17.0%-35.3%' and '17.0% to 35.3%' → 35.3, '25 per cent' → 25,
    'twenty-five percent' → 25, '10 percentage points' → 10, '25' → 25. A rate with no
    percentage in it ('$100 per tonne') is not comparable and gives None.
    """
    if not text:
        return None
    folded = _SPELLED.sub(_spelled_value, fold(text))
    found = [_to_float(m.group(1)) for m in _PERCENT.finditer(folded)]
    if found:
        return max(found)
    bare = _BARE.fullmatch(folded)
    return _to_float(bare.group(1)) if bare else None
