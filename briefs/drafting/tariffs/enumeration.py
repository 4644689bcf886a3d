"""A sentence (or a bullet or table line) read as a list of items, each some targets and one
rate: "20% for Vietnam and 19% for Thailand", "Vietnam faces 20%, Thailand and Cambodia 19%",
"Vietnam (20%) and Thailand (19%)", "on Canada and Mexico … 35% and 30%", "Japan and Korea
will be charged 25%". The reading is by structure alone: the countries and rates of the
sentence in order, what binds a country to the rate beside it (a preposition before the
country, or a predicate of bearing after it), and the list marks between items.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from briefs.drafting.lexicon import words
from briefs.drafting.tariffs.entities import Entity, subject_of
from briefs.drafting.tariffs.mentions import Mention
from briefs.drafting.tariffs.rate_text import RATE, RATE_HINT

_BEARING = "|".join(sorted(words("rate_bearing_verbs"), key=len, reverse=True))
# auxiliaries, adverbs and copulas a bearing predicate may hold ("will now be charged")
_AUX = (
    r"will|would|could|may|might|shall|must|now|also|still|currently|all|both|each|then"
    r"|already|only|instead|to\s+be|be|been|being|have|has|had|is|are|was|were"
)
_STOP = (  # never a word of the goods between a country and its predicate
    r"(?:on|from|for|to|in|into|against|of|by|with|under|and|or|but|while|whereas|said|says"
    r"|tariffs?|duty|duties|levy|levies|surtax(?:es)?|taxes|the|a|an|its|their|which|that|who"
    rf"|{_AUX}|{_BEARING})\b"
)
_GOODS_WORD = rf"(?!{_STOP})[a-z][a-z-]*(?<!ed)"
_RATE_NOUN = r"(?:(?:[a-z-]+\s+)?(?:rates?|duty|duties|tariffs?|levy|levies|margins?)\s+(?:of\s+)?)"
# From a country to its rate: "Vietnam faces ", "Japan and Korea will be charged ", "Chinese
# wire gets ", "China's rate is ", "India's ", "Vietnam (", "Vietnam: ", "Vietnam, at ".
_PREDICATE = (
    rf"(?:\s+(?:{_AUX}))*(?:\s+(?:{_BEARING}|set(?=\s+at\b)))?(?:\s+(?:at|with|of|by))?"
    r"(?:\s+(?:an?|the))?"
    rf"(?:\s+{_RATE_NOUN})?\s*"
)
_BESIDE = r"|\s*\(\s*|\s*:\s*|,\s+at\s+"
# (goods words only after a demonym or a possessive: "Chinese wire faces", "China's cars pay")
_C_TO_R = re.compile(rf"(?:['’]s?)?(?:\s+{_GOODS_WORD}){{0,2}}?{_PREDICATE}{_BESIDE}")
_C_TO_R_PLAIN = re.compile(rf"(?:['’]s?)?{_PREDICATE}{_BESIDE}")
_BEARS = re.compile(rf"\b(?:{_BEARING}|is|are|was|were|be)\b")
# From a rate to its country: " for ", " on ", " to ", " tariff on steel from ", " for imports
# from the ", " on Chinese …" (the demonym is the country)
_R_TO_C = re.compile(
    rf"(?:\s+(?:[a-z-]+\s+){{0,2}}?)?\s*(?:for|on|to|against)\s+(?:the\s+)?"
    rf"(?:(?:{_GOODS_WORD}\s+){{1,3}}?(?:from|of|in|made in)\s+(?:the\s+)?)?"
)
# Between two items: a list mark, with a few words of goods before it and of predicate after
_MARK = (
    r"(?:\s*,\s*(?:and\s+|while\s+|whereas\s+|but\s+)?|\s+and\s+|\s*;\s*|\s+while\s+"
    r"|\s+whereas\s+)"
)
_AFTER_WORD = r"(?!(?:said|says|told|added)\b)[a-z][a-z-]*"
_SEPARATOR = re.compile(
    rf"(?:\s+{_GOODS_WORD}){{0,2}}\)?{_MARK}(?:{_AFTER_WORD}\s+){{0,3}}?(?:(?:from|in|for|at)\s+)?"
    r"(?:the\s+)?"
)
_GROUP_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*/\s*)(?:the\s+)?")
_RATE_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)")
# From a list of countries to its list of rates: anything short, in one clause
_LOOSE = re.compile(r"[^.;:!?]{0,70}")
_CLAUSE = re.compile(r"\b(?:while|whereas|but|said|says|after|because|which|who)\b")


@dataclass(frozen=True)
class Item:
    countries: tuple[str, ...]
    rate: str
    start: int  # the rate's span in the sentence
    end: int
    gap: str = ""  # what binds the countries to the rate
    after: bool = False  # the countries are written after the rate ("20% for Vietnam")


@dataclass(frozen=True)
class _Group:
    countries: tuple[str, ...]
    start: int
    end: int
    first: Entity


def _groups(text: str, entities: list[Entity]) -> list[_Group]:
    out: list[_Group] = []
    for entity in entities:
        if out and _GROUP_GAP.fullmatch(text, out[-1].end, entity.start):
            last = out[-1]
            countries = tuple(dict.fromkeys((*last.countries, entity.country)))
            out[-1] = _Group(countries, last.start, entity.end, last.first)
        else:
            out.append(_Group((entity.country,), entity.start, entity.end, entity))
    return out


def _binds_c_to_r(text: str, group: _Group, start: int, end: int, strict: bool) -> bool:
    if group.end > start or start - group.end > 60:
        return False
    last = group.first if len(group.countries) == 1 else None
    described = last is not None and (last.demonym or last.possessive)
    pattern = _C_TO_R if described or (group.end > 0 and text[group.end - 1] in "'’s") else None
    gap_ok = bool((pattern or _C_TO_R_PLAIN).fullmatch(text, group.end, start))
    if not gap_ok:
        return False
    return not strict or bool(_BEARS.search(text, group.end, start))


def _binds_r_to_c(text: str, end: int, group: _Group) -> bool:
    return 0 <= group.start - end <= 60 and bool(_R_TO_C.fullmatch(text, end, group.start))


def _separated(text: str, start: int, end: int) -> bool:
    return 0 <= end - start <= 50 and bool(_SEPARATOR.fullmatch(text, start, end))


def read_items(text: str, entities: list[Entity], rates: list[tuple[int, int, str]]) -> list[Item]:
    """The items of a sentence that lists targets with their rates, in order; [] when it does
    not read as such a list (fewer than two items, or a single shared rate not said to be borne
    by the countries before it)."""
    if not rates or not entities or len(entities) + len(rates) < 3:
        return []
    groups = _groups(text, entities)
    tokens: list[tuple[int, int, object]] = [(g.start, g.end, g) for g in groups]
    tokens += [(s, e, (s, e, r)) for s, e, r in rates]
    tokens.sort(key=lambda t: t[0])
    parallel = _parallel(text, tokens)
    if parallel:
        return parallel
    best: list[Item] = []
    for orientation in ("r_to_c", "c_to_r") if len(rates) >= 2 else ():
        for index in range(len(tokens) - 3):
            chain = _chain(text, tokens, index, orientation)
            if len(chain) > len(best):
                best = chain
    if len(best) >= 2:
        return best
    # one rate borne by a list of countries: "Vietnam, Thailand and Cambodia will all pay 20%"
    for index in range(len(tokens) - 1):
        group, rate = tokens[index][2], tokens[index + 1][2]
        if (
            isinstance(group, _Group)
            and isinstance(rate, tuple)
            and len(group.countries) >= 2
            and _binds_c_to_r(text, group, rate[0], rate[1], strict=True)
        ):
            return [Item(group.countries, rate[2], rate[0], rate[1], text[group.end : rate[0]])]
    return []


def _chain(text: str, tokens: list, index: int, orientation: str) -> list[Item]:
    items: list[Item] = []
    i = index
    previous_end = -1
    while i + 1 < len(tokens):
        first, second = tokens[i][2], tokens[i + 1][2]
        if orientation == "r_to_c":
            if not (isinstance(first, tuple) and isinstance(second, _Group)):
                break
            if not _binds_r_to_c(text, first[1], second):
                break
            start, item_end = first[0], second.end
            gap = text[first[1] : second.start]
            item = Item(second.countries, first[2], first[0], first[1], gap, after=True)
        else:
            if not (isinstance(first, _Group) and isinstance(second, tuple)):
                break
            if not _binds_c_to_r(text, first, second[0], second[1], strict=False):
                break
            start, item_end = first.start, second[1]
            gap = text[first.end : second[0]]
            item = Item(first.countries, second[2], second[0], second[1], gap)
        if previous_end >= 0 and not _separated(text, previous_end, start):
            break
        items.append(item)
        previous_end = item_end
        i += 2
    return items


def _parallel(text: str, tokens: list) -> list[Item]:
    """ "on Vietnam, Thailand and Cambodia at 20%, 19% and 19%", "of 10% and 15% on steel from
    Mexico and India": a list of n countries beside a list of n rates, paired in order."""
    for index, (_s, _e, token) in enumerate(tokens):
        if not isinstance(token, _Group) or len(token.countries) < 2:
            continue
        n = len(token.countries)
        after = _rate_run(text, tokens, index + 1, n)
        if after and _LOOSE.fullmatch(text, token.end, after[0][0]):
            gap = text[token.end : after[0][0]]
            if not _CLAUSE.search(gap):
                return [
                    Item((c,), r, s, e, gap)
                    for c, (s, e, r) in zip(token.countries, after, strict=True)
                ]
        before = _rate_run(text, tokens, index - n, n) if index >= n else []
        if before and _binds_r_to_c(text, before[-1][1], token):
            gap = text[before[-1][1] : token.start]
            return [
                Item((c,), r, s, e, gap)
                for c, (s, e, r) in zip(token.countries, before, strict=True)
            ]
    return []


def _rate_run(text: str, tokens: list, start: int, n: int) -> list[tuple[int, int, str]]:
    run = [t[2] for t in tokens[start : start + n]]
    if len(run) != n or not all(isinstance(t, tuple) for t in run):
        return []
    for a, b in itertools.pairwise(run):
        if not _RATE_GAP.fullmatch(text, a[1], b[0]):
            return []
    return run


def imposer_of(
    items: list[Item],
    here: list[Mention],
    entities: list[Entity],
    text: str,
    earlier: list[Mention],
) -> str | None:
    """Who imposes the listed rates: the imposer the sentence's mentions found, when it is no
    item's country; else the acting country the sentence names outside the list ("…, the White
    House said"); else the imposer of the measure told just before."""
    listed = {c for item in items for c in item.countries}
    found = [m.imposed_by for m in here if m.imposed_by and m.imposed_by not in listed]
    if found:
        return max(dict.fromkeys(found), key=found.count)
    outside = [
        e
        for e in entities
        if e.country not in listed and not any(item.start <= e.start <= item.end for item in items)
    ]
    acting = subject_of(outside, text) if outside else None
    if acting is not None:
        return acting
    return next(
        (m.imposed_by for m in reversed(earlier) if m.imposed_by and m.imposed_by not in listed),
        None,
    )


def paired(
    items: list[Item],
    by: str,
    here: list[Mention],
    template: Mention | None,
    timing_at: Callable[[int, str], Callable[[], tuple[str | None, int | None, bool]]],
) -> list[Mention]:
    """One mention per (item, country): the sentence's own mention of that rate (its kind,
    goods and state), else one of the sentence's, else the measure told before."""
    goods = next((m.products for m in here if m.products), [])
    out: list[Mention] = []
    for item in items:
        own = next((m for m in here if m.rate == item.rate), None)
        base = own or (here[0] if here else template)
        if base is None:
            return []
        timing = base.timing if own is not None else timing_at(item.start, item.rate)
        for country in item.countries:
            if country == by:
                continue
            out.append(
                replace(
                    base,
                    imposed_by=by,
                    imposed_on=country,
                    also_on=[],
                    rate=item.rate,
                    ceiling=False,
                    all_targets=False,
                    products=list(base.products or goods),
                    timing=timing,
                    _timed=base._timed if own is not None else None,
                )
            )
    return out


def apply_items(
    mentions: list[Mention],
    position: int,
    items: list[Item],
    entities: list[Entity],
    text: str,
    timing_at: Callable[[int, str], Callable[[], tuple[str | None, int | None, bool]]],
) -> bool:
    """The sentence's rated mentions replaced by one per listed target and rate; False (and
    nothing changed) when the list cannot be read into them."""
    rates = {item.rate for item in items}
    here = [m for m in mentions if m.sentence == position and m.rate in rates]
    if any(m.superseded_by is not None or m.until_dated for m in here):
        return False  # a rate that changes ("to 35% from 25%") is no list of targets
    earlier = [m for m in mentions if m.sentence < position]
    if not here and not (earlier and position - earlier[-1].sentence <= 3):
        return False
    by = imposer_of(items, here, entities, text, earlier)
    if by is None:
        return False
    template = next((m for m in reversed(earlier) if m.imposed_by == by), None)
    new = paired(items, by, here, template, timing_at)
    if not new:
        return False
    kept = [m for m in mentions if not (m.sentence == position and m.rate in rates)]
    for one in new:
        one.order, one.sentence = len(kept), position
        kept.append(one)
    mentions[:] = kept
    return True


_WORDY = re.compile(r"[a-z]{2,}")


def unled_rates(text: str, low: str | None, found: list) -> list[tuple[int, int, str]]:
    """Every rate written in a sentence, when it holds more than the rates `found` there (a
    sentence's rates that no lead took); else []."""
    if not RATE_HINT.search(text):
        return []
    raw = [(m.start(), m.end(), text[m.start() : m.end()]) for m in RATE.finditer(text, low)]
    return raw if len(raw) > len(found) else []


def listed_rates(text: str, entities: list[Entity], raw: list) -> frozenset[int]:
    """In a sentence that names no measure, the starts of the rates it lists with their
    countries ("India gets 7% and Ecuador 3%", "Vietnam 20%, Thailand 19%"): a list whose
    items are bound by a preposition ("7% for India"), by a predicate of bearing in one of
    them at least, or by nothing but their order ("Vietnam 20%")."""
    items = read_items(text, entities, raw) if entities else []
    if not items:
        return frozenset()
    gaps = [item.gap for item in items]
    if not (
        any(item.after or _BEARS.search(item.gap) for item in items)
        or not any(_WORDY.search(gap) for gap in gaps)
    ):
        return frozenset()
    return frozenset(item.start for item in items)
