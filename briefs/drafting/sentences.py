"""Splitting paragraphs into sentences without breaking on "U.S.", "Oct.", "Mr." or "3.5"."""

from __future__ import annotations

import re

from briefs.dates import MONTH_ABBREVIATIONS
from briefs.drafting.lexicon import words

# A possible end: terminal punctuation, up to 20 more marks, closing quotes or brackets,
# then whitespace. The run is bounded: unbounded, every mark of a long run without a space
# after it started a scan to its end (40,000 '!' took 8 s to draft).
_END = re.compile(r"[.!?][.!?\"”’')\]]{0,20}\s+")
_DOTTED = re.compile(r"(?:[^\W\d_]\.){2,}")  # U.S., S.C., a.m.

# Abbreviations that are followed by a capital without ending the sentence.
ABBREVIATIONS = MONTH_ABBREVIATIONS | words("abbreviations")

# Words that start sentences: after "U.S." or "a.m." they mean a new sentence did begin.
STARTERS = words("sentence_starters")


def _opens_sentence(text: str, pos: int) -> bool:
    """Whether the character at pos can start a sentence (capital, digit or opening mark)."""
    if pos >= len(text):
        return False
    char = text[pos]
    if char in "\"“‘'([":
        return True
    return char.isupper() or char.isdigit()


def _word_before(text: str, end: int) -> str:
    """The token that ends at `end` (the punctuation included)."""
    start = text.rfind(" ", max(0, end - 40), end)
    return text[start + 1 : end + 1]


def _next_word(text: str, pos: int) -> str:
    match = re.match(r"[\"“‘'(\[]?([^\W_]+)", text[pos : pos + 40])
    return match.group(1).casefold() if match else ""


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of one paragraph, each stripped; a paragraph without an end is one sentence."""
    out: list[str] = []
    start = 0
    for match in _END.finditer(paragraph):
        end = match.start()
        following = match.end()
        if not _opens_sentence(paragraph, following):
            continue
        if paragraph[end] == ".":
            word = _word_before(paragraph, end).lstrip("\"“‘'([")
            bare = word.rstrip(".").casefold()
            nxt = _next_word(paragraph, following)
            if _DOTTED.fullmatch(word) or (len(bare) == 1 and bare.isalpha()):
                # "U.S. President", "S.C. Ralhan", "a.m. Friday": only a clear starter ends it.
                if nxt not in STARTERS:
                    continue
            elif bare in ABBREVIATIONS and (paragraph[following].isdigit() or nxt not in STARTERS):
                continue
        sentence = paragraph[start : match.end()].strip()
        if sentence:
            out.append(sentence)
        start = match.end()
    tail = paragraph[start:].strip()
    if tail:
        out.append(tail)
    return out
