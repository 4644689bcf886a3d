"""Runs of capitalised words in a sentence: where names can be, before they are read.

A run is joined over lower-case connectors between capitals ("Bank of Canada", "de la Cruz");
an amount written with a currency's letters ("P14") is no capitalised word, and a run that
names a numbered or titled instrument ("Executive Order No. 62", "the Trade Expansion Act")
is no run at all.
"""

from __future__ import annotations

import re

from briefs.drafting.actor_words import CONNECTORS, MONTHS_DAYS, ORG_HEADS, ROLE_HEADS
from briefs.drafting.lexicon import words
from briefs.drafting.text import Sentence, Token

_INSTRUMENTS = words("instrument_heads")  # "the … Tax Law", "the Trade Expansion Act"
_CURRENCY_LETTERS = frozenset(sign for sign in words("currency_signs") if sign.isalpha())
_AMOUNT = re.compile(r"([a-z]{1,3})\d")


def _capital_word(token: Token) -> bool:
    """A word that can be part of a name: capitalised and not an amount in a currency
    written with letters ("P14 a kilo", "RM500")."""
    text = token.text
    if not (token.cap and text[0].isalpha()):
        return False
    if text.isalpha():
        return True  # most words: no digit, no amount
    amount = _AMOUNT.match(token.lower)
    return amount is None or amount.group(1) not in _CURRENCY_LETTERS


def on_in_a_name(sentence: Sentence, i: int, j: int) -> bool:
    """ "Council on Foreign Relations", "Center of Reform on Economics": "on" within a body's
    name, after its head word and before a capitalised word that is no day and no place."""
    tokens = sentence.tokens
    if tokens[j].lower != "on" or j + 1 >= len(tokens) or not _capital_word(tokens[j + 1]):
        return False
    after = tokens[j + 1].lower
    return (
        any(t.lower in ORG_HEADS for t in tokens[i:j])
        and after not in MONTHS_DAYS
        and all(place.start != j + 1 for place in sentence.places)
    )


def capital_runs(sentence: Sentence) -> list[tuple[int, int]]:
    """Maximal runs of capitalised tokens, joined by lower-case connectors between capitals."""
    tokens = sentence.tokens
    runs = []
    i = 0
    count = len(tokens)
    while i < count:
        if not _capital_word(tokens[i]):
            i += 1
            continue
        j = i + 1
        while j < count and (
            not tokens[j - 1].possessive
            or (tokens[j - 1].lower in ROLE_HEADS and tokens[j].lower in ORG_HEADS)
        ):
            token = tokens[j]
            if _capital_word(token):
                j += 1
                continue
            if token.possessive or not (token.lower in CONNECTORS or on_in_a_name(sentence, i, j)):
                break
            k = j + 1
            if k < count and tokens[k].lower in CONNECTORS and token.lower != "and":
                k += 1  # "of the", "von der", "de la"
            if k < count and tokens[k].cap and tokens[k].text[0].isalpha():
                j = k + 1
            else:
                break
        if not (_numbered(tokens, j) or (j - i >= 2 and tokens[j - 1].lower in _INSTRUMENTS)):
            runs.append((i, j))
        i = j
    return runs


def _numbered(tokens: list[Token], end: int) -> bool:
    """ "Executive Order No. 62", "Resolution No 12": a numbered instrument, no one's name."""
    if tokens[end - 1].lower not in ("no", "nos"):
        return False
    k = end + 1 if end < len(tokens) and tokens[end].text == "." else end
    return k < len(tokens) and tokens[k].text[:1].isdigit()
