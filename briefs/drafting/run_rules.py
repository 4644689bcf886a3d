"""What a run of capitals names, read from its words and what surrounds it: a policy or pact
("the Build Better More programme"), a company by its industry word ("Kansai Electric Power"),
a company named with its country ("Ternium Mexico, which …")."""

from __future__ import annotations

from briefs.drafting.actor_words import (
    COMMON,
    COMPANY_NOUNS,
    ORG_HEADS,
    PLACE_WORDS,
    ROLE_HEADS,
    SKIP_NAMES,
    STATEMENT_VERBS,
)
from briefs.drafting.lexicon import words
from briefs.drafting.text import Sentence, Token
from briefs.gazetteer import country_of

# Industry words that end or sit inside company names ("Great Wall Motor", "Trina Solar").
COMPANY_WORDS = words("company_words")
# Bodies that speak for their country: "the US Embassy said" is the United States.
_MISSIONS = frozenset({"embassy", "consulate", "mission"})


def head_before_of(tokens: list[Token], start: int, end: int) -> str | None:
    """The word before the run's first "of" or "for": the head that names what the run is
    ("Institute" in "the Halden Institute for Economic Policy", "Gazette" in "the Official
    Gazette of the Federation")."""
    for k in range(start + 1, end - 1):
        if tokens[k].lower in ("of", "for") and not tokens[k].cap:
            return tokens[k - 1].lower
    return None


def names_a_policy(tokens: list[Token], start: int, end: int) -> bool:
    """ "the Build Better More programme", "the … Partnership Agreement": a run that ends in a
    word naming a law, pact, plan or event, or that such a word follows, names no one. The head
    before "of"/"for" decides first: a body's ("Centre for Trade Policy") or a publication's."""
    first = start + 1 if tokens[start].lower == "the" else start
    if first < end - 1 and tokens[first].lower in _POLICY_OPENERS:
        return True  # "Project Vault", "Operation Sindoor"
    head = head_before_of(tokens, start, end)
    if head in ORG_HEADS:
        return False
    if head in SKIP_NAMES:
        return True
    if tokens[end - 1].lower in SKIP_NAMES and end - start > 1:
        return True
    if end < len(tokens) and tokens[end].text in _CLOSING_QUOTES:
        end += 1  # 'its "Build Ports Faster" programme'
    return end < len(tokens) and not tokens[end].cap and tokens[end].lower in SKIP_NAMES


_POLICY_OPENERS = words("policy_openers")
_CLOSING_QUOTES = frozenset({'"', "”", "’", "'"})
_BUILDINGS = words("building_words")
_BUILDING_OPENERS = words("building_openers")


def names_a_building(tokens: list[Token], start: int, end: int) -> bool:
    """ "the Roosevelt Room", "the Lancaster Hall": after "the", a name that ends in a word for
    a room or building is a place (a person's name never follows "the"); so is one that opens
    with a palace's word in another language ("Palazzo Chigi")."""
    first = start + 1 if tokens[start].lower == "the" else start
    if first < end - 1 and tokens[first].lower in _BUILDING_OPENERS:
        return True  # "Palazzo Chigi", "Palacio Nacional"
    last = tokens[end - 1].lower
    if end - start < 2 or (last not in _BUILDINGS and last not in PLACE_WORDS):
        return False  # "the Ambassador Bridge", "the Kiel Canal" too
    return tokens[start].lower == "the" or (start > 0 and tokens[start - 1].lower == "the")


def is_company_name(tokens: list[Token]) -> bool:
    """A name of two or more words with an industry word after the first: a company."""
    return len(tokens) > 1 and any(t.lower in COMPANY_WORDS for t in tokens[1:])


_STAFF = frozenset({"employees", "shareholders", "staff", "workers"})


def staff_after(tokens: list[Token], end: int) -> bool:
    """ "Harlow Sachs economists said", "Zentra workers": a name before the people who work
    there (a plural of a title head, or staff words) is a body's."""
    if end >= len(tokens) or tokens[end].cap:
        return False
    word = tokens[end].lower
    return word in _STAFF or (word.endswith("s") and word[:-1] in ROLE_HEADS)


def is_mission(name: str) -> bool:
    return name.split()[-1].casefold() in _MISSIONS


def named_with_country(
    sentence: Sentence, start: int, place_end: int, lowercase_words: set[str]
) -> bool:
    """ "Make UK, which represents …", "Ternium Mexico said", "the LNG Canada terminal": one
    name word right before a country's name (no possessive between) is a company's name."""
    tokens = sentence.tokens
    word = tokens[start]
    if word.possessive or tokens[place_end - 1].possessive or word.lower in COMMON:
        return False
    after = tokens[place_end].lower if place_end < len(tokens) else ""
    after2 = tokens[place_end + 1].lower if place_end + 1 < len(tokens) else ""
    cue = (
        (after == "," and after2 in ("which", "whose", "the", "a", "an"))
        or after == "("
        or after in STATEMENT_VERBS
        or after in COMPANY_NOUNS
    )
    if cue:
        return True
    return start > 0 and word.lower not in lowercase_words and (word.text.isupper() or after == ",")


_CONNECTORS = frozenset({"of", "and", "the", "for", "&", "on", "in"})


def acronym_named(tokens: list[Token], start: int, end: int) -> int | None:
    """ "the Southern African Development Community (SADC)": where, in the run of capitals
    ending at `end`, the name begins whose initials spell the acronym in brackets after it."""
    if end + 2 >= len(tokens) or tokens[end].text != "(" or tokens[end + 2].text != ")":
        return None
    acronym = tokens[end + 1].text
    if not (2 <= len(acronym) <= 8 and acronym.isalpha() and acronym.isupper()):
        return None
    for first in range(start, end - 1):
        letters = "".join(
            part[0]
            for t in tokens[first:end]
            if t.lower not in _CONNECTORS
            for part in t.text.split("-")
            if part
        )
        if letters.upper() == acronym and tokens[first].lower not in COMMON:
            # a bloc named so ("the Southern African Customs Union (SACU)") stays a place
            text = " ".join(t.text for t in tokens[first:end])
            return None if country_of(text) else first
    return None


def trade_after(tokens: list[Token], end: int, text: str) -> str | None:
    """ "Marta Lins, a coffee exporter in Minas": the trade a quoted speaker is described by."""
    if (
        end + 2 >= len(tokens)
        or tokens[end].text != ","
        or tokens[end + 1].lower not in ("a", "an")
    ):
        return None
    for k in range(end + 2, min(len(tokens), end + 5)):
        if tokens[k].cap or not tokens[k].text[0].isalpha():
            return None
        if tokens[k].lower in COMPANY_NOUNS:
            return text[tokens[end + 2].start : tokens[k].end]
    return None
