"""Small readings the story loop of `extract_tariffs` asks for: the timing of a listed rate,
whether a rate is given to a country, and the measure a rate without a trigger continues."""

from __future__ import annotations

import datetime as dt
from functools import partial

from briefs.drafting.tariffs.mentions import Mention, in_condition, part_of
from briefs.drafting.tariffs.story import list_targets
from briefs.drafting.tariffs.timing import status_and_year


def timing_at(text: str, today: dt.date, start: int, rate: str):
    """The status and year of a rate listed at `start` in `text`, read as its own mention's."""
    part = part_of(text, start)
    near = text[max(0, start - 80) : start + len(rate) + 80]
    return partial(status_and_year, text, part, start, near, rate, in_condition(text, start), today)


def given_to(text: str, entities: list, country: str) -> bool:
    return any(e.country == country and text.endswith("for ", 0, e.start) for e in entities)


NEXT_RATE = Mention(None, None, [], None, "tariff", "")  # "the rate after it", until known


def CHARGED_UNTIL_THEN() -> tuple[str | None, int | None, bool]:
    return ("in force", None, False)


def continue_measure(mention: Mention, mentions: list[Mention], no_target: bool) -> Mention | None:
    """A rate in a sentence that names no measure ("Peruvian mills face 14%") is a rate of the
    measure named just before by the same imposer: its kind and goods, and, when the sentence
    names no target ("It stands at 35%"), the targets of that measure if it had no rate."""
    ref = next(
        (
            m
            for m in reversed(mentions)
            if m.imposed_by == mention.imposed_by and m.timing is not CHARGED_UNTIL_THEN
        ),
        None,
    )  # not the old rate a change replaced: the measure itself
    if ref is None:
        return None
    if no_target and ref.rate is None and not mention.all_targets and ref.imposed_on:
        # "duties on shrimp from India and Ecuador. The rate is 7%.": each target of the list
        targets = list_targets(ref, mentions)
        mention.imposed_on, mention.also_on = targets[0], targets[1:]
    if mention.measure == "tariff":
        mention.measure = ref.measure
    if mention.measure == "safeguard":
        mention.imposed_on, mention.also_on, mention.all_targets = None, [], True
    if not mention.products:
        mention.products = list(ref.products)
    return ref
