"""The words a measure's state is read from: the clause that holds the rate, without the parts
that speak of something else. A reporting tail or head ("…, the ministry announced on
Wednesday", "The ministry announced on Monday that …") tells when the news was given, not the
measure's state; an aside on another noun (", which are used in furnaces to melt scrap steel,")
tells of that noun. Used by timing.status_and_year, which reads the full clause when the trimmed
one names no state."""

from __future__ import annotations

import re
from functools import lru_cache

# ", the Ministry of Industry announced on Wednesday.", ", officials confirmed in a statement"
_REPORT_TAIL = re.compile(
    r",\s+(?:[\w.'’()&-]+\s+){1,9}?(?:announced|announces|confirmed|confirms|stated|states"
    r"|said|says)(?:\s+(?:on|in|late|early|this|last|at|to|through|via)\b(?:\s+[\w.'’-]+){1,4})?"
    r"[\s.]*$",
    re.I,
)
# "The ministry announced on Monday that …", "Officials confirmed late Tuesday that …"
_REPORT_HEAD = re.compile(
    r"^\s*(?:[\w.'’()&-]+\s+){1,9}?(?:announced|announces|confirmed|confirms)"
    r"(?:\s+(?:on|in|late|early|this|last)\b(?:\s+[\w.'’-]+){1,2})?\s+that\s+",
    re.I,
)
_WORDS_OF_A_STATE = re.compile(r"\b(?:will|would|could|may|might|plans?|propos\w*|draft)\b", re.I)

# ", which are used in furnaces," or ", who took office in May": an aside on the noun before it
_ASIDE = re.compile(r",\s*(?:which|who|whose)\s[^,;]*(?:,|$)", re.I)
# An aside on the measure itself (or on the act that sets it), the noun or the phrase before it,
# tells its state: it stays
_OF_THE_MEASURE = re.compile(
    r"(?:tariffs?|dut(?:y|ies)|levy|levies|(?:sur)?tax(?:es)?|measures?|countermeasures?"
    r"|counter-tariffs?|safeguards?|rates?|quotas?|%|per\s?cent|percent|decision|order|decree"
    r"|proclamation|regulation|ruling|notice|deal|agreement|pact|accord|plan|list|proposal)"
    # "Peru's tariffs of 30% on most Chilean goods, which Lima paused": the measure's phrase
    r"(?:\s+(?:of|on|from|against|for|in|at|to|over|worth)\s+(?:[\w.'’%$-]+\s+){0,4}?"
    r"[\w.'’%$-]+)*\W*$",
    re.I,
)


# "Peru's proposed 30% tariff … was approved on Tuesday", "the planned duties took effect": an
# earlier state named on the noun, which the clause's own verb updates
_STATE_ON_NOUN = re.compile(
    r"(\b(?:the|its|their|his|her|this|these|those|an|a)\s|['’]s\s)(?:proposed|planned|threatened"
    r"|announced|promised|mooted)\s(?=(?:[\w.%$-]+\s+){0,3}?(?:tariffs?|dut(?:y|ies)|levy|levies"
    r"|(?:sur)?tax(?:es)?|counter-?tariffs?|counter-?measures|safeguards?|rates?)\b)",
    re.I,
)
_MAY_BE = re.compile(r"\b(?:would|could|may|might)\b", re.I)
_STATE_WORDS = ("propos", "plann", "threat", "announc", "promis", "moot")


@lru_cache(maxsize=256)
def status_words(clause: str, rate_at: int = -1) -> str:
    """`clause` without a reporting tail or head, without asides on other nouns (none that
    holds the rate at `rate_at`) and without an earlier state named on the measure's noun."""
    text = clause
    if "," in text:
        tail = _REPORT_TAIL.search(text)
        if (
            tail is not None
            and tail.start() > rate_at
            and not _WORDS_OF_A_STATE.search(tail.group(0))
        ):
            text = text[: tail.start()]
        pieces, last = [], 0
        for aside in _ASIDE.finditer(text):
            if aside.start() <= rate_at < aside.end():
                continue
            if not aside.group(0).lower().lstrip(", ").startswith("who") and _OF_THE_MEASURE.search(
                text, max(0, aside.start() - 80), aside.start()
            ):
                continue
            pieces.append(text[last : aside.start()])
            last = aside.end() if not aside.group(0).endswith(",") else aside.end() - 1
        if pieces:
            text = "".join(pieces) + text[last:]
    # (not in a clause of what may be: "the proposed duties would collect $2bn" stay proposed)
    if any(word in text for word in _STATE_WORDS) and not _MAY_BE.search(text):
        text = _STATE_ON_NOUN.sub(r"\1", text)
    if " that " in text:
        head = _REPORT_HEAD.match(text)
        if head is not None and (rate_at < 0 or rate_at >= head.end()):
            text = text[head.end() :]
    return text
