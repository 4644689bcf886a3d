"""Tokens of story sentences and the countries they name, shared by actors and tariffs."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefs.drafting.gazetteer import CASE_SENSITIVE, DEMONYMS, MAX_PHRASE, NOUNS

# First words of every country phrase: most tokens are not one, so most lookups stop here.
_FIRST_WORDS = frozenset(k.split()[0] for k in list(NOUNS) + list(DEMONYMS))

# Dotted abbreviations first ("U.S."), then words with inner apostrophes, hyphens, dots
# ("Harley-Davidson", "Canada’s", "17.0"), then any other single character.
_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+(?:['’.&-][^\W_]+)*(?:(?<=[sS])['’](?!\w))?|\S")


class Token:
    """One word or mark: its text without a possessive 's, offsets, and cached case facts."""

    __slots__ = ("cap", "end", "lower", "possessive", "start", "text")

    def __init__(self, text: str, start: int, end: int, possessive: bool = False) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.possessive = possessive
        self.cap = text[:1].isupper()  # starts with a capital letter
        self.lower = text.casefold()

    def __repr__(self) -> str:
        return f"Token({self.text!r})"


@dataclass(slots=True)
class Place:
    """A country or bloc named in a sentence, by tokens [start, end)."""

    start: int
    end: int
    country: str
    demonym: bool


@dataclass(slots=True)
class Sentence:
    text: str
    index: int
    tokens: list[Token] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)


def tokenize(text: str) -> list[Token]:
    tokens = []
    append = tokens.append
    for match in _TOKEN.finditer(text):
        word = match.group(0)
        if len(word) > 2 and word[-1] in "sS" and word[-2] in "'’":
            append(Token(word[:-2], match.start(), match.end(), True))
        else:
            append(Token(word, match.start(), match.end()))
    return tokens


def find_places(tokens: list[Token]) -> list[Place]:
    """Countries and blocs by name, alias, capital or demonym; longest phrase first."""
    places = []
    i = 0
    count = len(tokens)
    while i < count:
        token = tokens[i]
        if not token.cap or (
            token.lower.replace("’", "'") not in _FIRST_WORDS and "-" not in token.text
        ):
            i += 1
            continue
        found = None
        for length in range(min(MAX_PHRASE, count - i), 0, -1):
            words = tokens[i : i + length]
            if any(w.possessive for w in words[:-1]):
                continue
            phrase = " ".join(w.text for w in words).replace("’", "'").casefold()
            country = NOUNS.get(phrase)
            demonym = False
            if country is None:
                country = DEMONYMS.get(phrase)
                demonym = country is not None
            if country is None:
                continue
            if phrase in CASE_SENSITIVE and not words[0].text.isupper():
                continue
            found = Place(i, i + length, country, demonym)
            break
        if found is None and "-" in token.text:
            # "Chinese-made", "Canadian-owned": a demonym in a compound adjective.
            head, _, tail = token.text.partition("-")
            country = DEMONYMS.get(head.casefold())
            if country and tail.casefold() in ("made", "built", "produced", "owned", "origin"):
                found = Place(i, i + 1, country, True)
        if found:
            places.append(found)
            i = found.end
        else:
            i += 1
    return places


def make_sentence(text: str, index: int) -> Sentence:
    tokens = tokenize(text)
    return Sentence(text, index, tokens, find_places(tokens))
