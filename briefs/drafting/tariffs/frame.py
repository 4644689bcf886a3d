"""The story's frame as the last word on a response's target: a retaliatory measure whose
imposer is named but whose target is not ("China said it would take countermeasures") is aimed
at the one country whose measures the story has hitting that imposer."""

from __future__ import annotations

from briefs.drafting.tariffs.mentions import Mention


def frame_targets(mentions: list[Mention]) -> None:
    """Fill, in place, the target of retaliatory mentions that name none; a measure on every
    origin keeps none, and a country hit by several imposers is left without one."""
    pairs = {(m.imposed_by, m.imposed_on) for m in mentions if m.imposed_by and m.imposed_on}
    if not pairs:
        return
    for mention in mentions:
        if (
            mention.imposed_on is not None
            or mention.all_targets
            or mention.imposed_by is None
            or mention.measure != "retaliatory tariff"
        ):
            continue
        authors = {by for by, on in pairs if on == mention.imposed_by}
        if len(authors) == 1:
            mention.imposed_on = authors.pop()
