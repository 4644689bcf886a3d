"""The story's measures so far, as later mentions read them: lists of targets and of rates
paired in order, the measure of a rate named again, the story's main imposer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from briefs.drafting.tariffs.mentions import Mention
from briefs.drafting.text import Sentence
from briefs.rates import normalise_rate


def respectively(mentions: list[Mention], position: int, mutual: list[str] | None = None) -> None:
    """ "raised tariffs on Canada and Mexico to 35% and 30% respectively": the n-th rate is the
    n-th target's, when the sentence names as many of each. `mutual`: the two countries of
    "agreed to cut their tariffs on each other to 30% and 10% respectively", the n-th of whom
    imposes the n-th rate on the other."""
    here = [m for m in mentions if m.sentence == position and m.rate is not None]
    rates = list(dict.fromkeys(m.rate for m in here))
    pair = list(dict.fromkeys(mutual or ()))
    if len(pair) == 2 and len(rates) == 2:
        one = next(m for m in here if m.rate == rates[0])
        two = next(m for m in here if m.rate == rates[1])
        keep = [m for m in mentions if not (m.sentence == position and m.rate is not None)]
        mentions[:] = [
            *keep,
            replace(one, imposed_by=pair[0], imposed_on=pair[1], also_on=[]),
            replace(two, imposed_by=pair[1], imposed_on=pair[0], also_on=[]),
        ]
        return
    targets = list(dict.fromkeys(m.imposed_on for m in here if m.imposed_on))
    by = next((m.imposed_by for m in here if m.imposed_on), None)
    if len(rates) < 2 or len(rates) != len(targets) or by is None:
        return
    goods = next((m.products for m in here if m.products), [])  # said once, after the list
    paired = [
        replace(
            one := next(m for m in here if m.rate == rate),
            imposed_by=by,
            imposed_on=on,
            also_on=[],
            products=one.products or list(goods),
        )
        for rate, on in zip(rates, targets, strict=True)
    ]
    keep = [m for m in mentions if not (m.sentence == position and m.rate is not None)]
    mentions[:] = keep + paired


def list_targets(ref: Mention, mentions: list[Mention]) -> list[str]:
    """The targets of the rate-less list `ref` belongs to ("on shrimp from India and Ecuador"),
    in order; `ref`'s own alone when it stands alone."""
    targets = [
        m.imposed_on
        for m in mentions
        if m.sentence == ref.sentence
        and m.imposed_by == ref.imposed_by
        and (m.rate is None or (m.ceiling and m.rate == ref.rate))
        and m.imposed_on
    ]
    return list(dict.fromkeys(targets)) or [ref.imposed_on or ""]


def list_of(ref: Mention, mentions: list[Mention]) -> list[str]:
    """The targets of the list `ref` is one of: rate-less, or one rate said of them all
    ("30% on steel from Japan, Egypt and Turkey"), in order."""
    if ref.rate is None:
        return list_targets(ref, mentions)
    targets = [
        m.imposed_on
        for m in mentions
        if m.sentence == ref.sentence
        and m.imposed_by == ref.imposed_by
        and m.rate == ref.rate
        and m.imposed_on
    ]
    return list(dict.fromkeys(targets)) or [ref.imposed_on or ""]


def same_rate(mentions: list[Mention], rate: str) -> Mention | None:
    norm = normalise_rate(rate)
    return next((m for m in reversed(mentions) if m.rate and normalise_rate(m.rate) == norm), None)


def story_imposer(mentions: list[Mention]) -> str | None:
    """The imposer of most rated measures so far (the first of them on a tie)."""
    counts: dict[str, int] = {}
    for m in mentions:
        if m.imposed_by and m.rate is not None:
            counts[m.imposed_by] = counts.get(m.imposed_by, 0) + 1
    if not counts:
        return mentions[-1].imposed_by if mentions else None
    return max(counts, key=lambda by: counts[by])  # dicts keep order: the first on a tie


def story_country(sentences: list[Sentence]) -> str | None:
    """The country the story names most (a demonym by half, an origin after "from" not at all):
    the home of a story that names its own government only by its bodies ("THE Department of
    Agriculture has recommended …", the country named once, in passing). None on a tie."""
    score: dict[str, float] = {}
    for sentence in sentences:
        for place in sentence.places:
            if place.start and sentence.tokens[place.start - 1].lower == "from":
                continue
            score[place.country] = score.get(place.country, 0.0) + (0.5 if place.demonym else 1.0)
    ranked = sorted(score.items(), key=lambda item: -item[1])
    if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def fallback_imposer(
    mention: Mention, last_imposer: str | None, main_countries: list[str]
) -> str | None:
    if last_imposer and last_imposer != mention.imposed_on:
        return last_imposer
    others = [c for c in main_countries[:2] if c != mention.imposed_on]
    return others[0] if others else None


def like_sibling(
    own: Callable[[], tuple[str | None, int | None, bool]], sibling: Mention
) -> tuple[str | None, int | None, bool]:
    """ "Japan will be charged 25%, while South Africa faces 30%": a rate whose own state is
    weak or unsaid takes the clear state of the rate before it in the sentence (weakly)."""
    timed = own()
    if timed[0] is not None and not timed[2]:
        return timed
    theirs = sibling.when()
    if theirs[0] is None or theirs[2]:
        return timed
    return (theirs[0], timed[1] or theirs[1], True)


def pair_timing(
    mentions: list[Mention], by: str | None, on: str | None
) -> tuple[str | None, int | None, bool]:
    """The state of the measure of a pair over all its mentions, as merge reads it: a mention
    that dates the start, else the first clear one, else the first ("also covers imports from
    India": the state of the measure it extends)."""
    timed = [
        m.when()
        for m in mentions
        if (m.imposed_by, m.imposed_on) == (by, on)
        and getattr(m.timing, "func", None) is not pair_timing  # not another extension
    ]
    return next(
        (t for t in timed if len(t) > 4 and t[4]),  # type: ignore[misc]
        next((t for t in timed if t[0] and not t[2]), timed[0] if timed else (None, None, False)),
    )


def inherited(
    own: Callable[[], tuple[str | None, int | None, bool]], ref: Mention, earlier: list[Mention]
) -> tuple[str | None, int | None, bool]:
    """A continuing rate's own status and year, else those of the measure it continues (its
    year, else the dated mention of that imposer just before: "The higher rates apply from
    March 1")."""
    timed = own()
    if timed[0] is not None and timed[1] is not None:
        return timed
    theirs = ref.when()
    year = timed[1] or theirs[1]
    if year is None:
        dated = (m.when() for m in reversed(earlier))
        year = next((t[1] for t in dated if t[1] is not None and not (len(t) > 3 and t[3])), None)
    # a borrowed status is weak: a clear one of another mention of the measure wins; an own
    # weak one ("Shipments from Vietnam will pay 22.1%") yields to the measure's clear state
    if timed[0] and timed[2]:
        clear = next(
            (t[0] for t in (m.when() for m in (ref, *reversed(earlier))) if t[0] and not t[2]),
            None,
        )
        if clear is not None:
            return clear, year, True
    return timed[0] or theirs[0], year, timed[2] if timed[0] else True
