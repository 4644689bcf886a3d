"""Targets named as the members of a group ("on goods from countries with which it has no trade
deal, a group that includes China, India and Thailand". The group is part of the world, not all
of it, so the members listed are the measure's targets; "from all countries, including …" lists
examples of every origin instead (origins.every_origin). Also the rest of a list of targets
after its first ("from Peru, Chile and Brazil"), which the party rules read."""

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


# "from Peru, Chile and Brazil": what lies between two targets of one list.
_LIST_GAP = re.compile(
    r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|,?\s+as well as\s+|,?\s+along with\s+)"
    r"(?:the\s+)?"
)


def listed_after(c: MentionContext, first: Entity, limit: int | None = None) -> list[str]:
    """The other targets of a list that opens with `first`: "from Peru, Chile and Brazil"."""
    out: list[str] = []
    last = first
    end = c.window_end if limit is None else limit
    closed = False  # "from China and Vietnam, the economy ministry said": the list ended
    for entity in c.entities:
        if entity.start < last.end:
            continue
        gap = c.text[last.end : entity.start]
        if closed or entity.start >= end or not _LIST_GAP.fullmatch(gap) or entity.possessive:
            break  # (", and Thailand's makers warned": a new phrase, no origin of the list)
        closed = " and " in f" {gap} " or " or " in f" {gap} "
        if entity.country != first.country and entity.country not in out:
            out.append(entity.country)
        last = entity
    return out
