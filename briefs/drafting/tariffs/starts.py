"""When a measure starts against the article's date: a start dated later ("from Aug. 14",
"starting Thursday" in a Wednesday story, "from its publication in the gazette"), earlier, or on
the article's day ("takes effect on Saturday" in a Saturday story). Used by
timing.status_and_year."""

from __future__ import annotations

import datetime as dt
import re

from briefs.dates import WEEKDAYS, month_number, month_pattern
from briefs.drafting.text import Folded, lowered

# "from Aug. 14", "starting January 1, 2026", "effective next month": when a measure starts.
_MONTH_NAME = month_pattern(full_only=("march",))
# "from Aug. 14", "from 1 August", "starts on 1 August", "effective next month"
_STARTS = re.compile(
    r"\b(?i:from|starting(?:\s+on)?|effective|beginning|as of|(?:starts?|begins?|kicks? in"
    r"|takes? effect|(?:comes?|enters?) into (?:force|effect)|goes? into effect)"
    r"\s+(?:on|from|in)?)\s*"
    r"(?:next\s+(?P<next>week|month|year)|(?:(?P<day_first>\d{1,2})(?:st|nd|rd|th)?\s+)?"
    rf"(?P<month>{_MONTH_NAME})\.?(?:\s+(?P<day>\d{{1,2}})\b)?(?:,?\s+(?P<year>(?:19|20)\d\d))?)"
)
_STARTS_WEEKDAY = re.compile(
    r"\b(?:from|starting(?:\s+on)?|effective|beginning|as of|(?:takes?|will take) effect(?:\s+on)?"
    r"|kicks? in(?:\s+on)?|(?:comes?|enters?) into (?:force|effect)(?:\s+on)?|(?:starts?|begins?)"
    r"(?:\s+on)?)\s+"
    rf"(next\s+)?({'|'.join(WEEKDAYS)})\b"  # "from next Monday": a week or less ahead
)
_STARTS_ON_DAY = re.compile(
    r"\b(?:takes? effect|(?:comes?|enters?) into (?:force|effect)|kicks? in|starts?|begins?"
    r"|applies|apply"
    r"|from|starting|effective|as of)\s+(?:on\s+)?"
    rf"(today|{'|'.join(WEEKDAYS)})\b"
)
_AHEAD = Folded(
    r"\b(?:will|would|due|set to|plans?|planned|is to|are to|(?:agreed|decided|expected"
    r"|scheduled|slated|intends?|intended|aims?|going) to)\b"
)
# "comes into force in January": a start told in the present tense is a schedule, still ahead
_PRESENT_START = re.compile(
    r"(?i:starts?|begins?|kicks? in|takes? effect|(?:comes?|enters?) into (?:force|effect)"
    r"|goes? into effect)\b"
)
# "from the date of publication", "upon publication", "once it is published": a start still to
# come (unless the clause tells it as past: "took effect on publication")
_ON_PUBLICATION = re.compile(
    r"\b(?:from|upon|on|after)\s+(?:the\s+(?:date|day)\s+of\s+)?(?:its\s+|their\s+)?publication"
    r"|\bonce\s+(?:it\s+is\s+|they\s+are\s+|the\s+\w+\s+is\s+)?(?:officially\s+)?published",
    re.I,
)
_PAST_WORDS = Folded(r"\b(?:has|have|had|since|was|were|took|began|started)\b")
_PAST_WORDS = Folded(r"\b(?:has|have|had|since|was|were|took|began|started)\b")


def starts_later(clause: str, today: dt.date) -> bool | None:
    """True when the clause dates the measure's start after the article's date, False when
    before, None when it gives no start date."""
    match = _STARTS.search(clause)
    if match is None:
        day = _STARTS_WEEKDAY.search(lowered(clause) or clause.casefold())
        if day is not None:  # "starting Thursday" in a Wednesday story: the days ahead
            return bool(day.group(1)) or WEEKDAYS.index(day.group(2)) != today.weekday()
        if "publi" in clause and _ON_PUBLICATION.search(clause) and not _PAST_WORDS.search(clause):
            return True  # "applicable from its publication in the gazette": still to come
        return None
    if match.group("next"):
        return True  # "from next month"
    month = month_number(match.group("month")) or 1
    day = match.group("day") or match.group("day_first")
    given_year = match.group("year")
    try:
        year = int(given_year) if given_year else today.year
        start = dt.date(year, month, int(day or 1))
    except ValueError:
        return None
    if day is None and not given_year:
        # "from January": this month or later is ahead; an earlier month is next year's only
        # where the clause speaks of what is to come ("plans to impose … from January").
        # A month only a few back ("will take effect in May" in July) is likely told after the
        # fact, as years.py reads it: behind the article.
        return month > today.month or (
            today.month - month > 3
            and bool(_AHEAD.search(clause) or _PRESENT_START.match(match.group(0)))
        )
    if given_year or start > today:
        return start > today
    if (today - start).days <= 120:
        return False  # "a rate applied from Aug. 1" in September: this year's, a few weeks back
    # "from January 1" in a December story: next January, unless the clause speaks of the past.
    return not _PAST_WORDS.search(clause)


def starts_today(clause: str, today: dt.date) -> bool:
    """ "takes effect on Saturday" in a Saturday story, "comes into force today", "from Aug. 1"
    in an August 1 story."""
    match = _STARTS_ON_DAY.search(lowered(clause) or clause.casefold())
    if match is None:
        dated = _STARTS.search(clause)
        day = dated and (dated.group("day") or dated.group("day_first"))
        return bool(
            day
            and month_number(dated.group("month")) == today.month
            and int(day) == today.day
            and (not dated.group("year") or int(dated.group("year")) == today.year)
        )
    day = match.group(1)
    return day == "today" or WEEKDAYS.index(day) == today.weekday()
