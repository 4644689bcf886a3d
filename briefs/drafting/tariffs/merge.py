"""Merging the mentions of a story into measures: one per imposer, target and rate."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import partial

from briefs.drafting.tariffs.mentions import Mention
from briefs.drafting.tariffs.story import inherited
from briefs.gazetteer import BLOCS
from briefs.model import Tariff
from briefs.rates import normalise_rate, percentages


@dataclass
class Measure:
    imposed_by: str
    imposed_on: str | None
    rate: str | None
    products: list[str] = field(default_factory=list)
    measure: str = "tariff"
    statuses: list[str] = field(default_factory=list)
    year: int | None = None
    evidence: str | None = None
    order: int = 0
    additional: bool = False
    all_targets: bool = False
    year_weak: bool = False


def _weak_year(timed: tuple[str | None, int | None, bool]) -> bool:
    return len(timed) > 3 and bool(timed[3])  # type: ignore[misc]


def _dated(timed: tuple[str | None, int | None, bool]) -> bool:
    return len(timed) > 4 and bool(timed[4])  # type: ignore[misc]


def _start_told(mention: Mention) -> bool:
    """The mention dates its measure's start, or continues one whose mentions do ("The higher
    rates apply from March 1. … For tiles the new level is 25%")."""
    if _dated(mention.when()):
        return True
    timing = mention.timing
    if isinstance(timing, partial) and timing.func is inherited:
        return any(_dated(m.when()) for m in (timing.args[1], *timing.args[2]))
    return False


def _state(mention: Mention) -> str | None:
    return mention.when()[0]


def _other_goods(measure: Measure, mention: Mention, attached: dict[int, list[Mention]]) -> bool:
    """ "10% on up to 100,000 UK-built cars" and "the 10% baseline tariff on most other UK
    goods": the same rate on goods each names apart is two measures."""
    if not mention.named_goods or not mention.products:
        return False
    named = [m for m in attached.get(id(measure), []) if m.named_goods and m.products]
    return bool(named) and not any(set(m.products) & set(mention.products) for m in named)


def _other_state(one: Mention, other: Mention) -> bool:
    """Two clear states that differ ("remain" beside "removed"); a weak cue ("will pay 22.1%")
    tells no other state."""
    mine, theirs = one.when(), other.when()
    return mine[0] != theirs[0] and not mine[2] and not theirs[2]


_LIFTED = ("removed", "suspended", "offered removal")


def _part_lifted(one: Mention, other: Mention) -> bool:
    """ "scrapping the 40 percent duty on farm products" beside "a 40 percent levy that still
    hits much of what it sells": one rate lifted on some goods and kept on the rest, clearly
    said of each, is two measures."""
    states = {one.when()[0], other.when()[0]}
    return _other_state(one, other) and "in force" in states and bool(states & set(_LIFTED))


_SPECIFIC = frozenset({"anti-dumping duty", "countervailing duty", "safeguard", "surtax"})


def _other_kind(mention: Mention, m: Measure) -> bool:
    """ "on top of anti-dumping duties in place since 2020" beside the new countervailing
    duties: two remedies of their own kinds are two measures."""
    return mention.measure in _SPECIFIC and m.measure in _SPECIFIC and mention.measure != m.measure


def _told_apart(mention: Mention, theirs: list[Mention]) -> bool:
    """An added rate told in a paragraph of its own, far from the measure it would add to: the
    same measure told again (a live page's summary, then its entry)."""
    return all(abs(mention.sentence - m.sentence) > 3 for m in theirs)


def _lifted_apart(mention: Mention, m: Measure, attached: dict[int, list[Mention]]) -> bool:
    """ "will remove its counter-tariffs on hundreds of goods" beside "its 25% levies on steel
    will stay": a rate-less lifting said clearly, beside a rate still charged on goods named
    apart, is a measure of its own; and so is a rate-less measure said to remain beside a rate
    lifted on other goods."""
    if not (mention.products or m.products) or set(mention.products) & set(m.products):
        return False
    mine, theirs = mention.when(), attached[id(m)][0].when()
    if mine[0] in _LIFTED and not mine[2]:
        return theirs[0] in ("in force", None)
    # "Counter-tariffs on steel and autos will remain" beside the 25% ones removed on the rest
    return mine[0] == "in force" and not mine[2] and theirs[0] in _LIFTED and not theirs[2]


def merge(mentions: list[Mention]) -> list[Tariff]:
    """One measure per (imposer, target, rate). Rated mentions go first; a rate-less mention then
    joins a measure it shares products with, the measure "the duties" points back to, or other
    rate-less mentions of the same pair. The first explicit status wins: leads state the news."""
    mentions = _without_ceilings(mentions)
    measures: list[Measure] = []
    attached: dict[int, list[Mention]] = {}

    def attach(measure: Measure, mention: Mention) -> None:
        for product in mention.products:
            if product not in measure.products and len(measure.products) < 8:
                measure.products.append(product)
        attached.setdefault(id(measure), []).append(mention)
        if measure.measure == "tariff" and mention.measure != "tariff":
            measure.measure = mention.measure
        if measure.year is None or measure.year_weak:  # timing is costly: asked only here
            timed = mention.when()
            if measure.year is None or (timed[1] and not _weak_year(timed)):
                # a year from a date beats one from a weekday ("agreed on Saturday … from March 1")
                measure.year, measure.year_weak = timed[1] or measure.year, _weak_year(timed)
        if mention.order < measure.order:
            measure.order = mention.order
            measure.evidence = mention.evidence

    def new(mention: Mention) -> Measure:
        measure = Measure(
            mention.imposed_by or "",
            mention.imposed_on,
            mention.rate,
            order=mention.order,
            evidence=mention.evidence,
            additional=bool(mention.additional),
            all_targets=mention.all_targets,
        )
        measures.append(measure)
        return measure

    rated = [m for m in mentions if m.rate is not None]
    rateless = [m for m in mentions if m.rate is None]
    for mention in rated:
        norm = normalise_rate(mention.rate)
        target = next(
            (
                m
                for m in measures
                if m.imposed_by == mention.imposed_by
                and normalise_rate(m.rate) == norm
                # (None: "the extra 40 percent", pointing back to a measure either way)
                and (
                    mention.additional is None
                    or m.additional == mention.additional
                    # "additional tariffs of 15% on coal" told again of the 15% on coal; "an
                    # extra 10% tariff on everything the US imports from China" told again
                    or bool(set(mention.products) & set(m.products))
                    or (mention.additional and _told_apart(mention, attached[id(m)]))
                )
                and not _other_goods(m, mention, attached)
                and not _part_lifted(attached[id(m)][0], mention)
                and (
                    m.imposed_on == mention.imposed_on
                    or (mention.imposed_on is None and not mention.all_targets)
                    # "Vietnamese rice … pays the 15 per cent duty": the measure on every origin
                    or (mention.definite and m.imposed_on is None and m.all_targets)
                )
            ),
            None,
        )
        if target is None and "-" in (norm or ""):
            # "duties of up to 62.4% on pork from the EU … deposits ranging from 15.6% to
            # 62.4%": the ceiling named first is the top of this range, one measure
            target = next(
                (
                    m
                    for m in measures
                    if (m.imposed_by, m.imposed_on) == (mention.imposed_by, mention.imposed_on)
                    and normalise_rate(m.rate) == _range_ends(mention.rate)[-1]
                ),
                None,
            )
            if target is not None:
                target.rate = mention.rate
        if target is None and mention.imposed_on is not None:
            # "duties of between 24% and 62% … companies that did not cooperate will pay 62%":
            # an end of the range named for the same parties is part of it
            target = next(
                (
                    m
                    for m in measures
                    if (m.imposed_by, m.imposed_on) == (mention.imposed_by, mention.imposed_on)
                    and norm in _range_ends(m.rate)
                ),
                None,
            )
        if target is None:
            target = _range_holding(mention, measures)
        attach(target or new(mention), mention)
    for mention in rateless:
        pair = [
            m
            for m in measures
            if m.imposed_by == mention.imposed_by
            and m.imposed_on == mention.imposed_on
            and not _other_kind(mention, m)
        ]
        shared = set(mention.products)
        target = next((m for m in pair if shared & set(m.products)), None)
        if target is None and mention.definite and shared:
            target = next((m for m in measures if shared & set(m.products)), None)
        if target is None and mention.definite and not shared and not mention.all_targets:
            same_by = [
                m
                for m in measures
                if m.imposed_by == mention.imposed_by and not _lifted_apart(mention, m, attached)
            ]
            # its own target's measure first: "The duties take effect …" said of a list; an old
            # rate a change replaced last ("The lower rate will apply from Saturday")
            same_by.sort(
                key=lambda m: (
                    m.imposed_on != mention.imposed_on,
                    attached[id(m)][0].superseded_by is not None,
                    m.order > mention.order,  # "the lower rate" points back
                    abs(m.order - mention.order),
                )
            )
            target = same_by[0] if same_by else None
        if target is None and mention.imposed_on is None and shared:
            target = next(
                (
                    m
                    for m in measures
                    if m.imposed_by == mention.imposed_by and shared & set(m.products)
                ),
                None,
            )
        if target is None and mention.measure not in ("tariff", "retaliatory tariff"):
            target = next((m for m in pair if m.measure == mention.measure), None)
        if target is None:
            # Else the pair's rate-less measure, else its first rated one: "duties on tiles
            # from Peru" is the measure "Peruvian exporters face 11%" gives the rate of.
            target = next((m for m in pair if m.rate is None), None) or next(
                # not a measure on other goods: "its duty on aircraft parts" beside the car tariff
                (
                    m
                    for m in pair
                    if not (
                        mention.named_goods
                        and m.products
                        and not shared & set(m.products)
                        # "Tariffs on steel and autos remain" beside a removed one: another
                        and (mention.definite or _other_state(mention, attached[id(m)][0]))
                    )
                    # "will remove its counter-tariffs on hundreds of goods" beside "its 25%
                    # levies on steel will stay": goods named apart, one lifted, one kept
                    and not _lifted_apart(mention, m, attached)
                ),
                None,
            )
        attach(target or new(mention), mention)
    measures = [m for m in measures if not _threat_replaced(m, measures, attached)]
    measures.sort(key=lambda m: m.order)
    # "Peru sent letters on Monday, setting new duties. Chile will be charged 15% …": a measure
    # of no rate, target or goods beside the imposer's own is only their umbrella
    measures = [m for m in measures if not _umbrella(m, measures)]
    out = []
    status_of: dict[int, str] = {}  # id of a mention -> the status of its measure
    start_told: dict[int, bool] = {}  # … and whether the story tells when it starts
    superseded: list[tuple[Measure, list[Mention]]] = []
    for measure in measures:
        # The first mention, in story order, with a status of its own: those that give the
        # rate first ("A 10 percent rate applies …" over the lead's "will take effect").
        ordered = sorted(attached.get(id(measure), []), key=lambda m: (m.rate is None, m.order))
        # A weak cue ("exporters face 57%") yields to a clearer one of another mention ("will
        # impose"): the first clear status, else the first status at all.
        # A mention that dates the start ("The duties take effect from Tuesday") tells the
        # state on the article's day better than one that does not ("China will levy …").
        status = next(
            (m.when()[0] for m in ordered if _dated(m.when())),
            next(
                (m.when()[0] for m in ordered if m.when()[0] and not m.when()[2]),
                next((m.when()[0] for m in ordered if m.when()[0]), "in force"),
            ),
        )
        told = any(map(_start_told, ordered))
        for mention in attached.get(id(measure), []):
            status_of[id(mention)] = status
            start_told[id(mention)] = told
        mine = attached.get(id(measure), [])
        rated = [m for m in mine if m.rate is not None]  # (a rate-less word may join it)
        if rated and all(m.superseded_by is not None for m in rated):
            superseded.append((measure, mine))
        out.append(
            Tariff(
                imposed_by=measure.imposed_by,
                imposed_on=measure.imposed_on,
                products=tuple(measure.products),
                rate=measure.rate,
                measure=measure.measure,
                status=status,
                year=measure.year,
                evidence=measure.evidence,
            )
        )
    return _without_replaced(out, measures, superseded, status_of, start_told)


def _threat_replaced(
    m: Measure, measures: list[Measure], attached: dict[int, list[Mention]]
) -> bool:
    """ "The US had threatened 25%" beside the 15% the deal set for the same parties: a threat
    told as past that another rate replaced is gone (a threat alone is still news)."""

    def threat(measure: Measure) -> bool:
        mine = attached.get(id(measure), [])
        return bool(mine) and all(x.had_threatened for x in mine)

    return threat(m) and any(
        o is not m
        and o.rate is not None
        and (o.imposed_by, o.imposed_on) == (m.imposed_by, m.imposed_on)
        and not threat(o)
        for o in measures
    )


def _without_ceilings(mentions: list[Mention]) -> list[Mention]:
    """ "duties of up to 41.5% on wire from China and Vietnam … Vietnamese producers will pay
    22.8%": a list's ceiling is not the rate of a target that gets a rate of its own; the
    mention still tells that target's measure its kind, goods and state (as a rate-less one)."""
    own: dict[tuple[str | None, str | None], set[str]] = {}
    for m in mentions:
        if m.rate is not None and not m.ceiling and m.imposed_on is not None:
            own.setdefault((m.imposed_by, m.imposed_on), set()).add(m.rate)
    return [
        replace(m, rate=None, ceiling=False)
        if m.ceiling
        and m.rate not in own.get((m.imposed_by, m.imposed_on), {m.rate})
        and _yields(m.rate, own.get((m.imposed_by, m.imposed_on), set()))
        else m
        for m in mentions
    ]


def _yields(shared: str | None, owns: set[str]) -> bool:
    """A ceiling yields to any own rate; a range said of a whole list ("between 4.9% and 30.7%
    on fibre from China and Egypt") only to an own rate inside it ("Egyptian exporters received
    13.1%"), not to a rate of other goods ("a 50% tariff on farm products")."""
    if not shared or "-" not in (normalise_rate(shared) or ""):
        return True
    ends = percentages(shared)
    if len(ends) < 2:
        return False  # "40 to 45 euros per tonne": a range per unit, compared with nothing
    low, high = min(ends), max(ends)
    return any(low <= value <= high for rate in owns for value in percentages(rate)[:1])


# a producer of its own: a firm's legal form, or one firm ("the largest exporter", "Spanish
# producer Vall Companys", "the Danish firm"), never a country's producers as a group
_ONE_PRODUCER = re.compile(
    r"\b(?:Co|Ltd|Inc|Corp|Corporation|SpA|Srl|GmbH|AG|SA|PLC|LLC|Bhd|Tbk)\b\.?"
    r"|\b(?:exporter|producer|maker|manufacturer|firm|company|mill)\b(?!s)"
)


def _range_holding(mention: Mention, measures: list[Measure]) -> Measure | None:
    """ "range from 8.9% to 43.2% … the largest exporter was assigned 18.6%": a rate inside
    the range of the same parties' measure (or of one on a bloc) is one producer's rate of it."""
    if not _ONE_PRODUCER.search(mention.evidence):
        return None
    own = percentages(mention.rate or "")
    if len(own) != 1:
        return None
    for m in measures:
        if not m.rate or not (" to " in m.rate or "-" in m.rate or "–" in m.rate):
            continue
        span = percentages(m.rate)
        if (
            len(span) == 2
            and span[0] < own[0] < span[1]
            and m.imposed_by == mention.imposed_by
            # "Spanish producer Vall Companys will pay 9.8%" of a duty on the EU: a member's firm
            and (m.imposed_on == mention.imposed_on or m.imposed_on in BLOCS)
            and mention.measure in ("tariff", m.measure)
        ):
            return m
    return None


def _range_ends(rate: str | None) -> tuple[str, ...]:
    norm = normalise_rate(rate) if rate else ""
    return tuple(norm.split("-")) if "-" in norm else ()


def _umbrella(m: Measure, measures: list[Measure]) -> bool:
    """A measure of no rate and no target, beside the same imposer's measures that name them
    ("Peru imposed duties on steel bars. The duties apply to shipments from Chile and Bolivia
    and range from 12% to 15%"), or beside any of its measures when it names no goods either."""
    if m.rate is not None or m.imposed_on is not None or m.all_targets:
        return False
    others = [o for o in measures if o.imposed_by == m.imposed_by and o is not m]
    if not m.products:
        return bool(others)
    return any(
        o.imposed_on is not None and (not o.products or set(o.products) & set(m.products))
        for o in others
    )


_TO_COME = ("announced", "proposed", "threatened")
_UNDECIDED = ("proposed", "threatened")


def _without_replaced(
    out: list[Tariff],
    measures: list[Measure],
    superseded: list[tuple[Measure, list[Mention]]],
    status_of: dict[int, str],
    start_told: dict[int, bool],
) -> list[Tariff]:
    """ "cut the duty to 10% from 20%": the 20% is listed only while the 10% is still to come
    ("The lower rate will apply from Saturday"); once the new rate is charged, it is gone."""

    def still_charged(old: Mention) -> bool:
        new = id(old.superseded_by)
        if old.until_dated:  # no start in its clause: undecided, or a start told elsewhere
            return status_of.get(new) in _UNDECIDED or (
                status_of.get(new) == "announced" and start_told.get(new, False)
            )
        return status_of.get(new) in _TO_COME

    drop = {id(measure) for measure, mine in superseded if not any(map(still_charged, mine))}
    kept = zip(out, measures, strict=True)
    return [tariff for tariff, measure in kept if id(measure) not in drop]
