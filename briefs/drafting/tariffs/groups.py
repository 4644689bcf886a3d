"""Targets named as the members of a group: "on goods from countries with which it has no trade
deal, a group that includes China, India and Thailand". The group is part of the world, not all
of it, so the members listed are the measure's targets; "from all countries, including …" lists
examples of every origin instead (origins.every_origin)."""

from __future__ import annotations

import re

from briefs.drafting.tariffs.entities import Entity, MentionContext

# a group set apart by what its members lack or are: never "all", "every" or "most" countries
_RESTRICTED = re.compile(
    r"(?<!all )(?<!every )(?<!most )(?<!other )\b(?:countries|nations|economies|trading partners)"
    r"\s+(?:that|which|without|with no|with which|it has no|not|lacking|outside)\b",
    re.I,
)
# what leads from the group to its first member named
_MEMBERS_LEAD = re.compile(
    r"(?:,\s*|\s+)(?:(?:a|the)\s+(?:group|list|set|club)\s+(?:that|which)\s+(?:includes?"
    r"|included|comprises?|covers?)|including|among them|such as|notably|namely)\s+(?:the\s+)?$",
    re.I,
)
_REACH = 160  # characters from the mention's end to the group
_GAP = 100  # characters from the group's words to its first member


def first_member(c: MentionContext) -> Entity | None:
    """The first country listed as a member of a restricted group named after the mention."""
    window = c.text[c.start : c.end + _REACH]
    if not (
        "ountries" in window or "ations" in window or "conomies" in window or "artners" in window
    ):
        return None  # most mentions: no group named, and the pattern costs more than this look
    group = _RESTRICTED.search(c.text, c.start, min(len(c.text), c.end + _REACH))
    if group is None:
        return None
    for entity in c.entities:
        if entity.start < group.end():
            continue
        if entity.start - group.end() > _GAP or ";" in c.text[group.end() : entity.start]:
            return None
        if _MEMBERS_LEAD.search(c.text, group.end(), entity.start):
            return entity
        return None
    return None
