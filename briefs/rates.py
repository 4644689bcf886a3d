"""Rates as written ('25%', '17.0% to 35.3%', 'twenty-five percent'): read as a number for
search (`rate>=`), and normalised to one spelling ('25%', '17%-35.3%') to compare measures.

The one home of numbers written as words, shared by drafting (rates in articles) and search.
"""

from __future__ import annotations

import re
from functools import lru_cache

from briefs.folding import fold

UNITS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen",
)  # fmt: skip
TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
NUMBER_WORDS: dict[str, int] = {word: value for value, word in enumerate(UNITS)} | {
    word: 20 + 10 * i for i, word in enumerate(TENS)
}

_UNITS = NUMBER_WORDS
_NUMBER_WORD = "(?:" + "|".join(sorted(_UNITS, key=len, reverse=True)) + "|hundred)"
# Every pattern here runs on text from files, so none may try one stretch of it twice
# (a rate of 14,000 digits once took 30 s): quantifiers are possessive (`++`, `*+`), and a
# number starts only where no number runs on (not after a digit, nor a digit and a comma
# or point), so each digit is read once from each side, whatever follows.
_SPELLED = re.compile(rf"\b{_NUMBER_WORD}(?:(?:[\s-]++and[\s-]++|[\s-]++){_NUMBER_WORD})*+\b")
_NUMBER = r"(?<!\d)(?<!\d[.,])(\d{1,3}(?:,\d{3})++(?:\.\d++)?+(?![\d,])|\d++(?:[.,]\d++)?+)"
_PERCENT = re.compile(
    _NUMBER + r"\s*+(?:%|percent\b|per\s*+cent\b|pct\b|percentage\s++points?\b|p\.?p\.?\b)"
)
_BARE = re.compile(r"\s*+" + _NUMBER + r"\s*+")
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})++(?:\.\d++)?+")
MAX_RATE_CHARS = 200  # "17.0% to 35.3% on steel, 25% on aluminium" is 41: longer is not a rate


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
    if _THOUSANDS.fullmatch(number):
        return float(number.replace(",", ""))
    return float(number.replace(",", "."))


def percentages(text: str) -> list[float]:
    """Every percentage written in `text`, in order ('17.0% to 35.3%' → [17.0, 35.3]).

    Linear in the length of `text` (see the patterns above); `parse_rate` adds a cap.
    """
    folded = _SPELLED.sub(_spelled_value, fold(text))
    return [_to_float(m.group(1)) for m in _PERCENT.finditer(folded)]


@lru_cache(maxsize=4096)  # rates repeat ("25%"); a cache also shares the float objects
def parse_rate(text: str | None) -> float | None:
    """A tariff's rate as written → a percentage, the highest of a range; None when unstated.

    '25%' → 25, '17.0%-35.3%' and '17.0% to 35.3%' → 35.3, '25 per cent' → 25,
    'twenty-five percent' → 25, '10 percentage points' → 10, '25' → 25. A rate with no
    percentage in it ('$100 per tonne') is not comparable and gives None, and so does any
    text longer than MAX_RATE_CHARS: no rate is written that long.
    """
    if not text or len(text) > MAX_RATE_CHARS:
        return None
    found = percentages(text)
    if found:
        return max(found)
    bare = _BARE.fullmatch(fold(text))
    return _to_float(bare.group(1)) if bare else None


# "zero" never opens a rate in an article, so it is left out of normalising.
_RATE_WORDS = {w: v for w, v in NUMBER_WORDS.items() if v} | {
    "hundred": 100,
    "a hundred": 100,
    "one hundred": 100,
}


@lru_cache(maxsize=1024)
def normalise_rate(rate: str | None) -> str | None:
    """'25 per cent', 'twenty-five percent', '25%' → '25%'; '17.0% to 35.3%' → '17%-35.3%'."""
    if rate is None:
        return None
    text = rate.casefold().replace("per cent", "%").replace("percent", "%").replace("pct", "%")
    text = re.sub(r"\b(?:up to|about|around|an? extra|an? additional|additional|extra)\b", "", text)
    for words, value in sorted(_RATE_WORDS.items(), key=lambda kv: -len(kv[0])):
        text = re.sub(rf"\b{words}\b", str(value), text)
    text = re.sub(r"\b(\d+)[- ](\d)\b", lambda m: str(int(m.group(1)) + int(m.group(2))), text)
    text = re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "", text)  # "3,500%" is one number, not two
    numbers = re.findall(r"\d+(?:\.\d+)?", text)
    if not numbers:
        return text.strip() or None
    values = [f"{float(n):g}%" for n in numbers[:2]]
    return "-".join(values)
