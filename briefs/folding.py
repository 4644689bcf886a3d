"""Folding text for search: case and accents ignored, words split the same way everywhere.

The query parser and the search documents both go through `fold` and `words`, so a query
word and the text it should find are always cut and spelled alike.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Combining marks left behind by NFKD ("é" → "e" + U+0301); removing them drops accents.
_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")
# Latin letters that NFKD does not decompose but a reader types without the stroke.
# A regex, not str.translate: translate with a dict walks every character in Python.
_LETTERS = {"ø": "o", "ł": "l", "đ": "d", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th"}
_LETTER = re.compile("[" + "".join(_LETTERS) + "]")
_WORD = re.compile(r"[^\W_]+")


def fold(text: str) -> str:
    """Lower-case `text` with accents stripped: 'Québec' → 'quebec', 'Straße' → 'strasse'."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return _LETTER.sub(lambda m: _LETTERS[m.group()], _MARKS.sub("", decomposed).casefold())


# ASCII bytes that are not letters or digits become spaces; bytes of UTF-8 sequences (≥ 0x80)
# stay, so a non-ASCII character is never split. bytes.translate runs at memcpy speed.
_GAPS = bytes(c if chr(c).isalnum() or c >= 0x80 else 0x20 for c in range(256))
# Punctuation that news text is full of; spacing it out first lets most texts go the ASCII way.
_COMMON_MARKS = ("\u2014", "\u2013", "\u2019", "\u2018", "\u201c", "\u201d", "\u2026", "\xa0")


def words(text: str) -> list[str]:
    """The folded words of `text`, in order: "China's U.S. anti-dumping" → china s u s anti …

    The same as finding `[^\\W_]+` in `fold(text)`, only several times faster on news text.
    """
    if text.isascii():
        return text.encode("ascii").translate(_GAPS).decode("ascii").lower().split()
    for mark in _COMMON_MARKS:
        if mark in text:
            text = text.replace(mark, " ")
    if text.isascii():
        return text.encode("ascii").translate(_GAPS).decode("ascii").lower().split()
    out: list[str] = []
    for chunk in (
        text.encode("utf-8", "surrogatepass")
        .translate(_GAPS)
        .decode("utf-8", "surrogatepass")
        .split()
    ):
        if chunk.isascii():
            out.append(chunk.lower())
        else:
            out += _WORD.findall(fold(chunk))
    return out


def segment(text: str) -> str:
    """`text` as ' w1 w2 … ' so that ' w' finds a word start and ' w ' a whole word."""
    found = words(text)
    return " " + " ".join(found) + " " if found else ""


# Names a reader types for a party, folded and split into words, mapped to one spelling.
# Small on purpose: it covers the parties trade news names most; anything else is matched
# by its own words.
_COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "united states": (
        "us",
        "u s",
        "usa",
        "u s a",
        "america",
        "united states of america",
        "american",
        "washington",
    ),
    "european union": ("eu", "e u", "europe", "european", "brussels"),
    "united kingdom": ("uk", "u k", "britain", "great britain", "british", "england", "london"),
    "china": ("prc", "people s republic of china", "chinese", "mainland china", "beijing"),
    "canada": ("canadian", "ottawa"),
    "mexico": ("mexican",),
    "japan": ("japanese", "tokyo"),
    "india": ("indian", "new delhi"),
    "south korea": ("korea", "republic of korea", "rok", "korean", "seoul"),
    "australia": ("australian",),
    "germany": ("german",),
    "france": ("french",),
    "brazil": ("brazilian",),
    "taiwan": ("taiwanese",),
    "russia": ("russian", "russian federation"),
    "united arab emirates": ("uae", "u a e"),
    "vietnam": ("viet nam", "vietnamese"),
    "switzerland": ("swiss",),
}
_COUNTRY = {alias: name for name, aliases in _COUNTRY_ALIASES.items() for alias in aliases}


@lru_cache(maxsize=4096)  # a few party names recur in every brief
def country_key(name: str) -> str:
    """One folded spelling per party: 'U.S.', 'USA', 'United States' → 'united states'.

    Names outside the alias table come back as their folded words ('Government of Canada'
    → 'government of canada'), so they can still be matched word by word.
    """
    key = " ".join(words(name))
    return _COUNTRY.get(key, key)
