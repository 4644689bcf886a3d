"""Goods of one country entering another's market: "Japanese cars entering the United States now
pay 15%", "Korean exporters will pay a 25% duty to enter the Mexican market". The market's
customs collects the duty, the goods' country is its target, never its imposer."""

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
