"""Tokens of story sentences and the countries they name, shared by actors and tariffs."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from briefs.drafting.lexicon import words
from briefs.folding import fold
from briefs.gazetteer import CASE_SENSITIVE, DEMONYMS, LEADERS, MAX_PHRASE, NOUNS

# First word of every country phrase → the phrase lengths in words, longest first: most tokens
# are no first word, so most lookups stop here, and the rest try only lengths that exist.
_LENGTHS: dict[str, tuple[int, ...]] = {}
for _phrase in (*NOUNS, *DEMONYMS):
    _words = _phrase.split()
    if len(_words) <= MAX_PHRASE:
        _LENGTHS[_words[0]] = tuple(
            sorted({*_LENGTHS.get(_words[0], ()), len(_words)}, reverse=True)
        )

# A leader's surname names a government: "the Albanese Government" is Australia's.
_LED_BODIES = frozenset({"government", "administration"})
_LEADER_COUNTRY: dict[str, str] = {}
for _name, _country in LEADERS.items():
    _surname = fold(_name.split()[-1])
    # a surname two leaders share names neither
    _LEADER_COUNTRY[_surname] = "" if _surname in _LEADER_COUNTRY else _country
_LEADER_COUNTRY = {k: v for k, v in _LEADER_COUNTRY.items() if v}

# Dotted abbreviations first ("U.S."), then words with inner apostrophes, hyphens, dots
# ("Harley-Davidson", "Canada’s", "17.0"), then any other single character.
# An initial or a title cut short keeps its full stop before the name it goes with
# ("Jerome H. Powell", "Sen. Ron Wyden", "H. D. Kumaraswamy"), so a run of capitals reads on
# past it.
_TOKEN = re.compile(
    r"(?:(?:Sen|Rep|Gov|Gen|Lt|Col|Sgt|Dr|Mr|Mrs|Ms|Prof|Hon|Amb)\.|\b[A-Z]\.)(?=\s+[A-Z](?:[a-z]|\.\s+[A-Z]))"
    r"|(?:[^\W\d_]\.){2,}|[^\W_]+(?:['’.&-][^\W_]+)*(?:(?<=[sS])['’](?!\w))?|\S"
)


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


_new_token = object.__new__
# Word → (text, possessive, cap, lower): most words recur across sentences and articles.
_WORDS: dict[str, tuple[str, bool, bool, str]] = {}
_MAX_WORDS = 20_000  # a few MB at most; news vocabulary fits


_NAME_PREFIX = re.compile(r"(?:al|el|ad|as|ash|at|az|ar)-[A-Z]")


def _word(word: str) -> tuple[str, bool, bool, str]:
    if len(_WORDS) >= _MAX_WORDS:
        _WORDS.clear()
    if len(word) > 2 and word[-1] in "sS" and word[-2] in "'’":
        text = word[:-2]
        facts = (text, True, text[:1].isupper(), text.casefold())
    elif len(word) > 1 and word[-1] == "." and "." not in word[:-1]:
        facts = (word, False, True, word[:-1].casefold())  # "Sen.", "H.": looked up as "sen"
    elif _NAME_PREFIX.match(word):
        facts = (word, False, True, word.casefold())  # "al-Zeyoudi", "el-Sisi": a surname
    else:
        facts = (word, False, word[:1].isupper(), word.casefold())
    _WORDS[word] = facts
    return facts


def tokenize(text: str) -> list[Token]:
    # Tokens are built without calling Token(): an article has thousands, and the call is half
    # the cost of making one.
    tokens = []
    append = tokens.append
    known = _WORDS.get
    for match in _TOKEN.finditer(text):
        word = match.group()
        token = _new_token(Token)
        token.start, token.end = match.span()
        token.text, token.possessive, token.cap, token.lower = known(word) or _word(word)
        append(token)
    return tokens


_CONTINENTAL = frozenset({"america", "american", "americans"})
_CONTINENT_PARTS = frozenset({"latin", "north", "south", "central"})


_WATERS = words("waters")  # "the Indian Ocean": a sea, not India


def find_places(tokens: list[Token]) -> list[Place]:
    """Countries and blocs by name, alias, capital or demonym; longest phrase first."""
    places = []
    i = 0
    count = len(tokens)
    while i < count:
        token = tokens[i]
        if not token.cap:
            i += 1
            continue
        key = token.lower.replace("’", "'")
        if key.endswith("s'") and len(key) > 3:
            key = key[:-1]  # "the Philippines' tariff": a plural's possessive, checked below
        lengths = _LENGTHS.get(key, ())
        if not lengths and not key.isascii():
            lengths = _LENGTHS.get(fold(key), ())  # "Việt Nam": the name without its accents
        if not lengths and "-" not in token.text and fold(key) not in _LEADER_COUNTRY:
            i += 1
            continue
        found = None
        for length in lengths:
            if length > count - i:
                continue
            words = tokens[i : i + length]
            if any(w.possessive for w in words[:-1]):
                continue
            phrase = " ".join(w.text for w in words).replace("’", "'").casefold()
            plural_possessive = phrase.endswith("s'")
            if plural_possessive:
                phrase = phrase[:-1]
            country = NOUNS.get(phrase)
            if country is None and not phrase.isascii():
                phrase = fold(phrase)
                country = NOUNS.get(phrase)
            demonym = False
            if country is None:
                country = DEMONYMS.get(phrase)
                demonym = country is not None
            if country is None:
                continue
            if phrase in CASE_SENSITIVE and not words[0].text.isupper():
                continue
            if phrase in _CONTINENTAL and i and tokens[i - 1].lower in _CONTINENT_PARTS:
                continue  # "Latin America", "North American exporters": a region
            if demonym and i + length < count and tokens[i + length].lower in _WATERS:
                continue  # "the Indian Ocean", "the Arabian Sea": a body of water
            found = Place(i, i + length, country, demonym)
            if plural_possessive:
                last = words[-1]  # this occurrence only: the word cache is left as it is
                last.text, last.lower, last.possessive = last.text[:-1], last.lower[:-1], True
            break
        if (
            found is None
            and i + 1 < count
            and tokens[i + 1].lower in _LED_BODIES
            and fold(token.text) in _LEADER_COUNTRY
        ):
            # "the Albanese Government", "the Trump administration": that leader's country
            found = Place(i, i + 2, _LEADER_COUNTRY[fold(token.text)], False)
        if found is None and "-" in token.text:
            # "Chinese-made", "Canadian-owned": a demonym in a compound adjective.
            head, _, tail = token.text.partition("-")
            country = DEMONYMS.get(head.casefold())
            if country is None and (head.isupper() or head.casefold() not in CASE_SENSITIVE):
                country = NOUNS.get(head.casefold())  # "UK-built", "China-made"
            if country and tail.casefold() in ("made", "built", "produced", "owned", "origin"):
                found = Place(i, i + 1, country, True)
        if found:
            places.append(found)
            i = found.end
        else:
            i += 1
    return places


def lowered(text: str) -> str | None:
    """`text.lower()` if lower-case patterns find there what re.I finds in `text`, else None.

    re.I costs several times a plain match. Lower-casing first gives the same matches at the same
    offsets except for "İ" (two characters once lower-cased), "ı" and "ſ" (re.I reads them as
    "i" and "s"): a text with one of those is left to re.I.
    """
    if "İ" in text or "ı" in text or "ſ" in text:
        return None
    return text.lower()


class Folded:
    """A case-insensitive pattern of lower-case words, run on lower-cased text where exact."""

    __slots__ = ("fast", "slow")

    def __init__(self, pattern: str) -> None:
        # A capital letter (not an escape like \S) would stop matching once the text is lowered.
        if re.search(r"(?<!\\)[A-Z]", pattern):
            raise ValueError(f"not a lower-case pattern: {pattern!r}")
        self.fast = re.compile(pattern)
        self.slow = re.compile(pattern, re.I)

    def search(self, text: str, low: str | None = None) -> re.Match[str] | None:
        """The first match (its span only, as finditer); `low` is lowered(text) if known."""
        if low is None:
            low = lowered(text)
        return self.slow.search(text) if low is None else self.fast.search(low)

    def finditer(self, text: str, low: str | None = None) -> Iterator[re.Match[str]]:
        """Matches (spans only: the matched text may be lower-cased); `low` is lowered(text)."""
        if low is None:
            low = lowered(text)
        return self.slow.finditer(text) if low is None else self.fast.finditer(low)


def make_sentence(text: str, index: int) -> Sentence:
    tokens = tokenize(text)
    places = find_places(tokens)
    _shout_to_lower(tokens)
    return Sentence(text, index, tokens, places)


_SHOUT_RUN = 3  # words in capitals in a row that make a shouted quote or heading


def _shout_to_lower(tokens: list[Token]) -> None:
    """ "OUR TALKS ARE GOING NOWHERE!": words of a quote or heading in capitals are not names
    (they still name countries: places are found first)."""
    run: list[Token] = []
    for token in [*tokens, None]:
        if token is not None and (not token.text[0].isalpha() or token.text.isupper()):
            if token.text[0].isalpha():
                run.append(token)
            if token.text[0].isalpha() or token.text in ",'’":
                continue
        if len(run) >= _SHOUT_RUN or (len(run) == 2 and max(len(w.text) for w in run) >= 5):
            # '"TOTALLY UNACCEPTABLE," Trump wrote': two shouted words are no name either
            for word in run:
                word.cap = False
        run = []
