"""Titles said around a name: before it ("Peru's chief trade negotiator, Rosa Huamán,",
"Brazil's foreign minister Mauro Vieira"), after it ("Mary Ng, Canada's trade minister,",
"Ana Rojas, Minister of Finance"), with whom the titled person serves."""

from __future__ import annotations

from briefs.drafting.actor_words import ROLE_HEADS, ROLE_WORDS
from briefs.drafting.firm_names import text_of
from briefs.drafting.text import Sentence, Token
from briefs.gazetteer import NOUNS


def role_phrase(text: str) -> str:
    words = text.split()
    # "Prime Minister" stays; "former President" keeps its lower-case qualifier.
    return " ".join(words)


_DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "whose"})


def before_name(sentence: Sentence, start: int) -> tuple[str | None, str | None]:
    """Role and country from a title before the name: "Peru's chief trade negotiator, Rosa
    Huamán," → ("chief trade negotiator", "Peru"); "The Trade Minister, Luis Mora," too."""
    tokens = sentence.tokens
    head = start - 2
    if head < 0 or tokens[start - 1].text != ",":
        return None, None
    if tokens[head].lower not in ROLE_HEADS:
        return _role_of_body_before(sentence, start)
    k = head
    while (
        k - 1 >= 0
        and head - k < 4
        and tokens[k - 1].text[0].isalpha()
        and tokens[k - 1].lower not in _DETERMINERS
        and not tokens[k - 1].possessive
        and (tokens[k - 1].lower in ROLE_WORDS or not tokens[k - 1].cap)
    ):
        k -= 1
    owner = tokens[k - 1] if k >= 1 else None
    affiliation = None
    if owner is not None and owner.possessive:
        place = next((p for p in sentence.places if p.end == k), None)
        affiliation = place.country if place else None
    return text_of(tokens, k, head + 1, sentence.text), affiliation


# Lower-case words that qualify a title written right before a name ("top trade negotiator").
_ROLE_QUALIFIERS = frozenset(
    {
        "acting",
        "chief",
        "deputy",
        "executive",
        "former",
        "interim",
        "lead",
        "press",
        "senior",
        "top",
    }
)


def lower_role_before(sentence: Sentence, start: int) -> tuple[str | None, int | None]:
    """A title in lower case right before the name, with no comma: "Brazil's foreign minister
    Mauro Vieira", "Commission spokesperson Olof Gill" → the role, and the token index where the
    words naming whom it serves end (None when nothing is named before it)."""
    tokens = sentence.tokens
    head = start - 1
    if head < 0 or tokens[head].cap or tokens[head].lower not in ROLE_HEADS:
        return None, None
    k = head
    while (
        k >= 1
        and head - k < 3
        and (not tokens[k - 1].cap or k == 1)  # "Press secretary Karoline Leavitt said"
        and (tokens[k - 1].lower in ROLE_WORDS or tokens[k - 1].lower in _ROLE_QUALIFIERS)
    ):
        k -= 1
    owner = k if k >= 1 and tokens[k - 1].cap and tokens[k - 1].text[0].isalpha() else None
    return text_of(tokens, k, head + 1, sentence.text), owner


def _role_of_body_before(sentence: Sentence, start: int) -> tuple[str | None, str | None]:
    """ "The chief executive of Toyota, Koji Sato," → ("chief executive", "Toyota")."""
    tokens = sentence.tokens
    comma = start - 1
    of = comma - 1
    while of > 0 and comma - of <= 6 and tokens[of].cap and tokens[of].text[0].isalpha():
        of -= 1
    first = of + 1  # the body's name, without "the"
    if of > 0 and tokens[of].lower == "the":
        of -= 1
    if of < 1 or first == comma or tokens[of].lower not in ("of", "at"):
        return None, None
    if tokens[of - 1].lower not in ROLE_HEADS:
        return None, None
    k = of - 1
    while k - 1 >= 0 and of - k < 4 and tokens[k - 1].lower in ROLE_WORDS:
        k -= 1
    return text_of(tokens, k, of, sentence.text), text_of(tokens, first, comma, sentence.text)


def _portfolio_end(tokens: list[Token], stop: int, limit: int) -> int:
    """Past "of Finance", "for Trade and Investment" after a title head: portfolio words (not a
    body's name, which has a head word of its own) belong to the role."""
    if stop + 1 >= limit or tokens[stop].lower not in ("of", "for"):
        return stop
    k = stop + 1
    while k < limit and (
        (tokens[k].cap and tokens[k].lower in ROLE_WORDS and tokens[k].lower not in ROLE_HEADS)
        or (tokens[k].lower in ("and", ",") and k + 1 < limit and tokens[k + 1].cap)
    ):
        k += 1
    while k > stop + 1 and not tokens[k - 1].cap:
        k -= 1  # not past a trailing "and" or comma
    if k == stop + 1 or (k < limit and tokens[k].cap):
        return stop  # "Minister of Finance Canada …" or nothing of a portfolio
    return k


def after_name(sentence: Sentence, end: int) -> tuple[str | None, str | None, int | None]:
    """Role and affiliation from an apposition: 'X, Canada's trade minister,' / 'X, head of Y'."""
    tokens = sentence.tokens
    if end >= len(tokens) or tokens[end].text != ",":
        return None, None, None
    i = end + 1
    limit = min(len(tokens), i + 14)
    while i < limit and tokens[i].lower in ("a", "an", "the", "its", "his", "her"):
        i += 1
    affiliation = None
    if i < limit and tokens[i].possessive:
        affiliation = NOUNS.get(tokens[i].lower) or tokens[i].text
        i += 1
    role_start = i
    head = None
    j = i
    while j < limit and tokens[j].text not in ',.;:()"“”':
        word = tokens[j].lower
        if word in ("who", "which", "said", "says", "in", "near", "from"):
            break
        if word == "and" and not (
            # "Vietnam's industry and trade minister": portfolios joined in one title
            j + 1 < limit and tokens[j + 1].lower in ROLE_WORDS and head is None
        ):
            break
        if word in ("of", "at", "for", "with") and head is not None:
            break
        if word in ROLE_HEADS:
            head = j
            if j + 1 < limit and tokens[j + 1].lower == "responsible":
                break
        j += 1
    if head is None:
        return None, affiliation, None
    stop = head + 1
    if stop < limit and tokens[stop].lower == "responsible":
        while stop < limit and tokens[stop].text not in ",.;:":
            stop += 1
    stop = _portfolio_end(tokens, stop, limit)  # "Ana Rojas, Minister of Finance."
    role = text_of(tokens, role_start, stop, sentence.text)
    org_at = None
    if stop < limit and tokens[stop].lower in ("of", "at", "for", "with"):
        k = stop + 1
        while k < limit and tokens[k].lower == "the":
            k += 1
        if k < limit and tokens[k].cap:
            org_at = k
    return role, affiliation, org_at
