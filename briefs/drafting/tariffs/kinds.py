"""A mention's kind of measure, whether its rate is added on top of another, and its evidence:
read from the words around it."""

from __future__ import annotations

import re

from briefs.drafting.tariffs.entities import MentionContext
from briefs.drafting.tariffs.mentions import measure_kind

_UP_TO_FOR = re.compile(r".*\b(?:for|to|against)\b")
_ADDITIONAL = re.compile(r"\b(?:additional|extra|another|further)\s+$")
_ADDITIONAL_WORD = re.compile(r"\b(?:additional|extra|another|further)\s+\S*$")


def measure_of(c: MentionContext) -> str:
    """The kind, from modifiers right before the measure and what follows it."""
    words_before = " ".join(c.text[max(0, c.start - 50) : c.start].split()[-4:])
    words_before = _UP_TO_FOR.sub("", words_before)
    return measure_kind(
        c.trigger, words_before + " " + c.text[c.start : c.end] + " " + c.after[:40]
    )


def evidence_of(text: str) -> str:
    evidence = text.strip()
    return evidence[:599] + "…" if len(evidence) > 600 else evidence


def additional_of(c: MentionContext) -> bool | None:
    """ "an additional 10% tariff": a rate on top of another, kept apart when merging; None for
    "the extra 40 percent", which points back to a measure named before, added or not."""
    added = bool(c.rate) and bool(
        _ADDITIONAL.search(c.text[max(0, c.start - 14) : c.start])
        or _ADDITIONAL_WORD.search(c.text[max(0, c.start - 24) : c.start])
    )
    return None if added and _THE_EXTRA.search(c.text[max(0, c.start - 24) : c.start]) else added


_THE_EXTRA = re.compile(r"\b(?:the|that|this)\s+(?:additional|extra|further)\s+(?:\S+\s+)?$", re.I)
