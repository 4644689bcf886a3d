"""One home for drafting a story of a few sentences under a seed-layout dateline, and for
reading its tariffs as sets, shared by the pattern tests of issue 13."""

from __future__ import annotations

from briefs.drafting import draft_brief
from briefs.model import Brief
from briefs.rates import normalise_rate

DAY = "2025-07-15"


def draft_story(story: str, date: str = DAY) -> Brief:
    return draft_brief(f" date {date} Trade news of the day\n\n{story}\n")


def tariff_pairs(story: str, date: str = DAY) -> set[tuple[str, str | None, str | None]]:
    """(imposed by, imposed on, rate) of each tariff drafted from `story`."""
    return {
        (t.imposed_by, t.imposed_on, normalise_rate(t.rate) if t.rate else None)
        for t in draft_story(story, date).tariffs
    }


def tariff_rows(story: str, date: str = DAY) -> set[tuple[str, str | None, str | None, str]]:
    """(imposed by, imposed on, rate, status) of each tariff drafted from `story`."""
    return {
        (t.imposed_by, t.imposed_on, normalise_rate(t.rate) if t.rate else None, t.status)
        for t in draft_story(story, date).tariffs
    }
