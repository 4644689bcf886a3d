"""Parties told by where goods go and what hits them: goods of one country entering another's
market ("Japanese cars entering the United States now pay 15%": the market's customs collects
the duty, the goods' country is its target), and countries "hit by the new US tariffs" (the
imposer of every rate the sentence gives them)."""

from __future__ import annotations

import re

from briefs.drafting.tariffs.entities import MentionContext, Parties

# from the goods' country to the market: one clause, ending in the verb of entry
_ENTERING = re.compile(
    r"[^,;:]{0,80}?\b(?:entering|enters?|sold\s+in|arriving\s+in)\s+(?:the\s+)?$",
    re.I,
)
_GOODS = re.compile(r"\s+(?:[\w-]+\s+)?(?:goods|products|exports|shipments|exporters|cars|steel)\b")


def goods_entering_market(c: MentionContext, p: Parties) -> None:
    """The market named after the goods' country, with the measure in the same clause."""
    text = c.text
    if p.by is not None or not (" enter" in text or "sold in" in text or "arriving in" in text):
        return  # most mentions: no entry told, and the loop below costs more than this look
    entities = [e for e in c.entities if not e.possessive]
    for i, origin in enumerate(entities):
        for market in entities[i + 1 :]:
            if market.country == origin.country:
                continue
            if not (origin.start <= c.start or market.start <= c.end + 60):
                continue  # the measure is told between or right after the two
            if (origin.demonym or _GOODS.match(c.text, origin.end)) and _ENTERING.fullmatch(
                c.text, origin.end, market.start
            ):
                p.by = market.country
                if p.on is None or p.on == market.country:
                    p.on = origin.country
                return


# "Peru (25%), Bolivia (30%) and Ecuador (15%) were hit by the new US tariffs": the imposer of
# every rate in the sentence, named after them, never a target
_HIT_BY = re.compile(
    r"\b(?:hit|targeted|affected|struck|covered)\s+by\s+(?:the\s+)?(?:(?:new|latest|higher|steep)\s+)?$",
    re.I,
)
_MEASURE_AFTER = re.compile(r"\s+(?:[\w-]+\s+)?(?:tariffs?|duties|duty|levies|levy|surtax)\b", re.I)


def imposer_hit_by(c: MentionContext, p: Parties) -> None:
    """The country whose measure the sentence's countries were hit by."""
    if p.by is not None or " by " not in c.text:
        return
    for entity in c.entities:
        if _HIT_BY.search(c.text, max(0, entity.start - 40), entity.start) and _MEASURE_AFTER.match(
            c.text, entity.end
        ):
            p.by = entity.country
            if p.on == entity.country:
                p.on = None
            return
