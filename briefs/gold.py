"""A corrected brief as an answer to score drafting against: the `NAME.txt` article and
`NAME.gold.json` answer that `python -m briefs.evaluate DIR` reads."""

from __future__ import annotations

from typing import Any

from briefs.model import Brief
from briefs.text import clean


def article_text(brief: Brief) -> str | None:
    """The brief's body as an article file, or None when it has none.

    The stored body is the story alone: the ` date YYYY-MM-DD Headline` line in front
    makes it an article that drafting reads as the one the brief came from (design.md).
    """
    if not brief.body:
        return None
    return f" date {brief.date[:10]} {clean(brief.title, single_line=True)}\n\n{brief.body}"


def gold_answer(brief: Brief) -> dict[str, Any]:
    """The gold answer: the brief's title, date, summary (as the reference), actors and
    tariffs (without evidence, which scoring does not use)."""
    return {
        "id": brief.id,
        "title": brief.title,
        "date": brief.date,
        "summary_reference": brief.summary,
        "actors": [a.to_dict() for a in brief.actors],
        "tariffs": [{**t.to_dict(), "evidence": None} for t in brief.tariffs],
    }
