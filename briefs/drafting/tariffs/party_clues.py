"""More clues to a measure's parties, read by the rules of `parties` in their order: each fills
only what the rules before it left unknown."""

from __future__ import annotations

import re

from briefs.drafting.tariffs.entities import MentionContext, Parties

# "nearly all U.S. imports", "most EU imports of fertiliser", "India's imports of gold": the
# imports of a country named as a noun (not a demonym, "Chinese imports") are the goods that
# enter it, so it is the market whose customs collects the duty.
_EVERY_BEFORE = re.compile(r"\b(?:all|most|nearly all|almost all|virtually all)\s+(?:the\s+)?$")
_IMPORTS_AFTER = re.compile(r"\s+(?:[a-z-]+\s+)?imports\b")


def importer_of_own_imports(c: MentionContext, p: Parties) -> None:
    """ "a 10% tariff on nearly all U.S. imports": the country whose imports they are."""
    if p.by is not None:
        return
    for entity in c.entities:
        if entity.start < c.start or entity.start > c.end + 60 or entity.demonym:
            continue
        if not _IMPORTS_AFTER.match(c.text, entity.end):
            continue
        every = _EVERY_BEFORE.search(c.text, max(0, entity.start - 20), entity.start)
        if every or entity.possessive:
            p.by = entity.country
            p.all_targets = p.all_targets or every is not None
            return
