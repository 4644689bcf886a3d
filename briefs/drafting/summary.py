"""Summaries: the lead sentence, then the early sentences that carry the most news.

News puts the news first, so the first sentence always stays. The rest are chosen among the
next few by what they hold (a rate or trade measure, named actors, a decision) and kept in story
order, two to four sentences and at most about 90 words; when two long sentences leave a dozen
words or more, the head of the next best sentence fills them.
"""

from __future__ import annotations

import re

from briefs.drafting.text import Folded

MAX_WORDS = 90
CANDIDATES = 8
POSITION_COST = 0.4
MIN_TAIL = 12  # words left that are worth the head of one more sentence

_MEASURE = Folded(r"\b(?:tariffs?|duties|duty|surtax|levies|import tax|safeguard)\b")
_RATE = Folded(r"\d%|\bper ?cent\b|\bpercent\b")
_DECISION = Folded(
    r"\b(?:agreed|announced|imposed|will|decided|signed|ordered|raised|lowered|removed"
    r"|suspended|retaliat\w*|met|meeting|deal|offered)\b"
)


def _words(text: str) -> int:
    return len(text.split())


def _asks_or_quotes(sentence: str) -> bool:
    stripped = sentence.strip()
    return stripped.endswith("?") or stripped[:1] in '"“‘'


def _score(sentence: str, position: int, names: list[str]) -> float:
    # News sits high in a story, but a second measure or the main reaction may come a few
    # paragraphs down: position costs less than what a sentence holds.
    score = 3.0 - POSITION_COST * position
    if _MEASURE.search(sentence):
        score += 1.0
    if _RATE.search(sentence):
        score += 1.0
    if _DECISION.search(sentence):
        score += 1.0
    score += 0.5 * sum(1 for name in names if name in sentence)
    stripped = sentence.lstrip()
    if stripped[:1] in '"“‘':
        score -= 4.0  # quotes colour a story; they seldom state what happened
    if re.match(r"(?:He|She|It|They|This|That|But|And)\b", stripped):
        score -= 1.5  # needs the sentence before it
    if _words(sentence) < 8:
        score -= 2.0
    return score


def _trim(sentence: str, limit: int) -> str:
    words = sentence.split()
    if len(words) <= limit:
        return sentence
    return " ".join(words[:limit]).rstrip(",;:") + "…"


_WORD = re.compile(r"[^\W_]+")


def _without_repeats(pool: list[str]) -> list[str]:
    """A sentence said again within a longer one ("In brief: Norway will charge …" above the
    lead), or a teaser cut short with "…" that the story says again, goes."""
    bags = [{w.casefold() for w in _WORD.findall(s)} for s in pool]
    cut = [s.rstrip().endswith(("...", "…")) for s in pool]  # a teaser cut short
    kept = []
    for i, bag in enumerate(bags):
        repeated = bag and any(
            j != i
            and (len(other) > len(bag) or (cut[i] and not cut[j]))
            and len(bag & other) >= 0.85 * len(bag)
            for j, other in enumerate(bags)
        )
        if not repeated:
            kept.append(pool[i])
    return kept


def summarise(sentences: list[str], names: list[str], title: str) -> str:
    """Two to four sentences, at most about MAX_WORDS words; the title when there is no story."""
    pool = _without_repeats([s for s in sentences[: CANDIDATES + 1] if s.strip()])
    if not pool:
        return title
    lead = _trim(pool[0], MAX_WORDS)
    chosen = [0]
    budget = MAX_WORDS - _words(lead)
    scores = {i: _score(pool[i], i, names) for i in range(1, len(pool))}
    ranked = sorted(scores, key=lambda i: -scores[i])
    for index in ranked:
        if len(chosen) >= 4:
            break
        size = _words(pool[index])
        if pool[index].rstrip().endswith("?"):
            continue  # a question asks what the summary should tell
        if size > budget:
            continue
        if len(chosen) >= 2 and scores[index] < 2.0:
            break
        chosen.append(index)
        budget -= size
    rest = [i for i in ranked if i not in chosen and not _asks_or_quotes(pool[i])]
    if len(chosen) < 3 and budget >= MIN_TAIL and rest:
        # Two long sentences leave words unspent: the head of the next best carries its news.
        pool[rest[0]] = _trim(pool[rest[0]], budget)
        chosen.append(rest[0])
    chosen.sort()
    return " ".join(lead if i == 0 else pool[i] for i in chosen)
