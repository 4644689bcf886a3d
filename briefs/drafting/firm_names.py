"""The text of a name read from a run, and where a firm's name ends: its legal form ("Co.",
"Corp", "Tbk", "ASA"), a second form after a comma ("Co., Ltd."), a generation ("Marcos, Jr.")."""

from __future__ import annotations

import re

from briefs.drafting.actor_words import HONORIFICS, ROLE_HEADS, ROLE_WORDS
from briefs.drafting.lexicon import words
from briefs.drafting.text import Token

# Abbreviations that end a name with their full stop: "Tokai Carbon Co.", "Marcos Jr.".
_DOTTED_ENDS = frozenset({"co", "corp", "inc", "ltd", "jr", "sr", "bros", "cie", "pty"})
# Legal forms that end a company's name past other words: "Tokyo Steel Manufacturing Co.".
_LEGAL_FORMS = frozenset(
    {"co", "corp", "corporation", "inc", "ltd", "llc", "plc", "holdings", "bhd", "gmbh", "tbk"}
)


# "Kumho Petrochemical Co., Ltd.": a second legal form after the comma is part of the name.
_SECOND_FORM = re.compile(r"\.?,\s(?:Ltd|Inc|LLC|Limited)\b\.?")
# "Ferdinand R. Marcos, Jr.": a generation after a comma ends the name it follows.
_GENERATION_AFTER = re.compile(r",\s(?:Jr|Sr)\.")


def text_of(tokens: list[Token], start: int, end: int, sentence: str) -> str:
    last = tokens[end - 1]
    stop = last.start + len(last.text)
    if last.lower in _DOTTED_ENDS and sentence[stop : stop + 1] in (".", ","):
        second = _SECOND_FORM.match(sentence, stop) if last.lower == "co" else None
        if second:
            stop = second.end()
        elif sentence[stop : stop + 1] == ".":
            stop += 1
    elif last.cap and (generation := _GENERATION_AFTER.match(sentence, stop)):
        stop = generation.end()
    return sentence[tokens[start].start : stop]


def legal_form_after(tokens: list[Token], stop: int, end: int) -> int | None:
    """The end of a legal form ("Co", "Corp") one or two name words on, within the run."""
    for k in range(stop, min(end, stop + 3)):
        word = tokens[k]
        if word.lower in _LEGAL_FORMS and k > stop:
            return k + 1
        if not word.cap or word.lower in ROLE_WORDS or word.possessive:
            return None
    return None


# Legal forms that end a firm's name, in many languages; those of two letters only in capitals.
_FIRM_FORMS = words("firm_forms")


def firm_end(tokens: list[Token], i: int, end: int) -> int | None:
    """The end of a firm's name that runs from `i` over capitalised words (a place's name
    among them) to its legal form, or None."""
    for k in range(i, min(end, i + 7)):
        word = tokens[k]
        if k > i and word.lower in _LEGAL_FORMS:
            while k + 1 < end and tokens[k + 1].lower in _LEGAL_FORMS:
                k += 1  # "Hanra Holdings Corp."
            if k + 1 < end and tokens[k + 1].lower == "of":
                return None  # "Cotton Corporation of India": the head word's rules read on
            return k + 1
        if k > i and word.lower in _FIRM_FORMS:
            return k + 1 if len(word.text) > 2 or word.text.isupper() else None
        if not word.cap or word.possessive or word.lower in ROLE_HEADS or word.lower in HONORIFICS:
            return None
    return None
