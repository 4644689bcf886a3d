"""The year a phrase of a story points to: a written year, a relative one ("last year"), or a
bare month ("in March", "from January") resolved against the article's date.

A bare month is the nearest such month that the phrase's direction allows. The direction comes
from the words themselves, nearest first, and only then from the measure's status:
  1. the month's own lead word: "since", "last" look back; "next", "until" look ahead;
  2. the verb right before it: "imposed in March", "took effect in May" look back; "will start
     in", "to take effect from", "comes into force in" look ahead;
  3. the caller's hint that the measure lies ahead (an announced, threatened or proposed one);
  4. the tense of the phrase: "will", "shall", "is to", "plans to", "intends to" ahead;
     "has", "had", "since" back (when only one of the two is there);
  5. the caller's hint that it does not, else weaker words of what is to come ("would",
     "from", "due").
Ahead, the month is this year's when it is the article's month or later, else next year's;
back, this year's when it is the article's month or earlier, else last year's. A reported
"would … from Sept. 1" a few months before the article's (steps 3, 5) is read as behind it: such
a date is told after the fact ("effective Sept. 1" in an October story).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from briefs.dates import MONTHS, WEEKDAYS, month_number, month_pattern
from briefs.drafting.text import Folded, lowered

_YEAR = re.compile(r"(?<![$\d])(?:19|20)\d\d(?!\s*(?:billion|million|\d))")
# A bare "Mar" is left out: in story text it is seldom the month.
MONTH_RE = re.compile(
    r"\b(?P<lead>(?i:in|since|from|on|by|until|till|through|last|next|this|early|late|mid-?"
    r"|effective|starting|beginning|as of|for"
    # "through the end of June", "at the start of March", "for January"
    r"|(?:until|till|through|by)\s+the\s+(?:end|middle|start)\s+of"
    r"|(?:at\s+)?the\s+(?:end|start|beginning|middle)\s+of))"
    r"\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+)?"  # "from 1 August"
    rf"(?P<month>{month_pattern(full_only=('march',))})\b\.?"
    r"(?!\s*\d{1,2},?\s*(?:19|20)\d\d)(?!,?\s+(?:19|20)\d\d)"
)
_UNTIL_PHRASE = re.compile(
    r"\b(?:until|till|pending)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}$", re.I
)
_UNTIL_MONTH = re.compile(r"(?:until|till|through)\b", re.I)
_UNTIL_BEFORE = re.compile(r"\b(?:until|till|through|to|expir\w*\s+in)\s+(?:\w+\s+)?$", re.I)
_RELATIVE = [
    (Folded(r"\blast year\b|\ba year ago\b|\bprevious year\b"), -1),
    (Folded(r"\bthis year\b|\bthis month\b|\bthis week\b|\btoday\b|\blast week\b"), 0),
    (Folded(r"\bnext year\b"), 1),
    (Folded(r"\btwo years ago\b"), -2),
    (Folded(r"\bthree years ago\b"), -3),
]
WEEKDAY = re.compile(rf"\b(?:{'|'.join(day.capitalize() for day in WEEKDAYS)})\b")
_RELATIVE_WORDS = ("last", "this", "next", "previous", "ago", "today")  # one in each above
MONTH_PREFIXES = tuple(month[:3].capitalize() for month in MONTHS)  # MONTH_RE needs one
_MONTH_PREFIX = re.compile("|".join(MONTH_PREFIXES))  # one search, not twelve `in` tests
LAST_MONTH = Folded(r"\blast month\b")
_NEXT_MONTH = Folded(r"\bnext month\b")
_NEXT_WEEK = Folded(r"\bnext week\b")
# ("from" only before a time: "exempts the goods from the tariffs" says nothing of when)
_FUTURE = Folded(
    r"\b(?:will|would|due|set to|plans?|could|next|until|till|effective)\b|\bfrom\s+(?:next\b|mid"
    r"|early|late|the (?:start|end|beginning)|\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
)
# "since the summer", "last winter", "in the spring": a season read as its middle month
_SEASON = re.compile(
    r"\b(?P<lead>since|in|during|over|from|until|by|last|this|next)\s+(?:the\s+)?(?:early\s+|late\s+)?"
    r"(?P<season>spring|summer|autumn|winter)\b"
    r"|\b(?P<lead2>since|in|during|last|this|next)\s+(?:the\s+)?fall\b(?!\s+(?:in|of|to|by))",
    re.I,
)
_SEASON_WORD = re.compile("spring|summer|autumn|winter|fall")
_SEASON_MONTH = {"spring": 4, "summer": 7, "autumn": 10, "fall": 10, "winter": 1}
# "announced in June", "imposed in March": a month after a past verb is behind the article
_PAST_BEFORE = re.compile(
    r"\b(?!(?:scheduled|expected|planned|slated|proposed|due)\b)(?:\w+ed|began|took|came|was"
    r"|were|made|set|put|struck|won|held|saw|met|gave|told|said|went|brought|hit|rose|fell|sent"
    r"|wrote|spoke|became|stood|cut|agreed|paid|sold|bought|built|kept|left|led|lost|meant|ran"
    r"|drew|grew|threw|knew|chose|froze|broke)\s+$",
    re.I,
)
_TO_COME_BEFORE = re.compile(r"\b(?:be|to|will|would|being|shall)\s+$", re.I)
# "will start in", "to take effect from", "comes into force in", "is due in": ahead (step 2)
_AHEAD_BEFORE = re.compile(
    r"(?:\b(?:will|shall|to|is to|are to|due to|set to|would)\s+(?:\w+\s+)?"
    r"(?:start|begin|apply|take effect|(?:come|enter) into (?:force|effect)|go into effect|kick in"
    r"|rise"
    r"|fall|increase|be \w+ed|be (?:in place|in force))"
    r"|\b(?:starts|begins|takes effect|(?:comes|enters) into (?:force|effect)|goes into effect"
    r"|kicks in"
    r"|is due|are due|is scheduled|are scheduled|is expected|are expected))\s+$",
    re.I,
)
# Step 3: a clause of what is to come, or of what has been
_WILL = Folded(
    r"\b(?:will|shall|is to|are to|plans? to|intends? to|aims? to|is going to|are going to"
    r"|set to|is due to|are due to|scheduled to|slated to|expected to|poised to)\b"
)
_HAS_BEEN = Folded(r"\b(?:has|have|had|since|ago)\b")  # not "was": "talks were going nowhere"


def _ahead_not_reported(text: str, at: int) -> bool:
    """A start ahead said right before `at` ("will start in", "is due in"), not in the reported
    future of "would apply starting", which may lie behind the article."""
    verb = _AHEAD_BEFORE.search(text, max(0, at - 40), at)
    return verb is not None and not verb.group(0).casefold().startswith("would")


def _past_verb_before(text: str, position: int) -> bool:
    """ "announced in June", not "would be lifted on Sept. 1" nor "is to be imposed in May"."""
    verb = _PAST_BEFORE.search(text, max(0, position - 16), position)
    return verb is not None and not _TO_COME_BEFORE.search(
        text, max(0, verb.start() - 10), verb.start()
    )


def _month_ahead(text: str, lead: str, at: int, hint: bool | None, found) -> bool:
    """Whether the bare month whose lead word is at `at` lies ahead of the article (the steps
    above)."""
    lead = lead.casefold().split()[0]
    if lead in ("since", "last"):
        return False
    if lead in ("next", "until", "till", "through"):
        return True  # a pause "until December": its end lies ahead
    if _past_verb_before(text, at):
        return False
    if _AHEAD_BEFORE.search(text, max(0, at - 40), at):
        return True
    if hint:
        return True
    will, has = found(_WILL), found(_HAS_BEEN)
    if will != has:
        return will
    return found(_FUTURE) if hint is None else hint


@lru_cache(maxsize=512)
def resolve_year(
    text: str,
    today: dt.date,
    *,
    future: bool | None = None,
    weekday: bool = True,
    paused: bool = False,
) -> int | None:
    """The year a phrase points to, relative dates resolved against the article's date.
    `future`: the caller's hint that the phrase speaks of what is to come (or not); `paused`:
    the phrase tells of a pause, whose end ("until March") is not its year."""
    ends_skipped = future is False or paused
    for match in _YEAR.finditer(text):
        if ends_skipped and _UNTIL_BEFORE.search(text, max(0, match.start() - 20), match.start()):
            continue  # "in place through 2027": when it ends, not when it began
        return int(match.group(0))
    low = lowered(text)
    folded = text if low is None else low

    def found(pattern: Folded) -> bool:
        return bool((pattern.slow if low is None else pattern.fast).search(folded))

    # Plain `in` looks first: most phrases name no relative date and no month.
    if low is None or any(word in low for word in _RELATIVE_WORDS):
        if found(LAST_MONTH):
            return today.year - 1 if today.month == 1 else today.year
        if found(_NEXT_MONTH):  # "next month" in December, "next week" in the last days
            return today.year + 1 if today.month == 12 else today.year
        if found(_NEXT_WEEK):
            return (today + dt.timedelta(days=7)).year
        for pattern, offset in _RELATIVE:
            if found(pattern):
                return today.year + offset
    has_month = _MONTH_PREFIX.search(text) is not None
    month_match = MONTH_RE.search(text) if has_month else None
    if (
        month_match
        and ends_skipped
        and (
            _UNTIL_MONTH.match(month_match.group(0))
            or _UNTIL_PHRASE.search(text, max(0, month_match.start() - 40), month_match.start())
        )
    ):
        # "would wait until April 2", "until a final ruling in December": when it ends
        month_match = None
    if month_match:
        month = month_number(month_match.group("month")) or 0
        at = month_match.start()
        ahead = _month_ahead(text, month_match.group("lead"), at, future, found)
        if (
            ahead
            and 0 < today.month - month <= 3
            and not found(_WILL)
            and not _ahead_not_reported(text, at)
            and month_match.group("lead").casefold() != "next"
        ):
            # "would … effective Sept. 1", "said it would apply starting Aug. 10" in an October
            # story: a start told after the fact, a few weeks back
            ahead = False
        if ahead:
            return today.year if month >= today.month else today.year + 1
        return today.year if month <= today.month else today.year - 1
    season = _season(text, low)
    if season is not None:
        lead, month, at = season
        if lead == "this":
            return today.year
        ahead = _month_ahead(text, lead, at, future, found)
        if ahead:
            return today.year if month >= today.month else today.year + 1
        return today.year if month <= today.month else today.year - 1
    if weekday and WEEKDAY.search(text):
        return today.year
    return None


def _season(text: str, low: str | None) -> tuple[str, int, int] | None:
    """(lead word, month, position) of a season named with a lead word, else None."""
    folded = text.casefold() if low is None else low
    if _SEASON_WORD.search(folded) is None:
        return None
    match = _SEASON.search(folded)
    if match is None:
        return None
    lead = match.group("lead") or match.group("lead2")
    return lead, _SEASON_MONTH[match.group("season") or "fall"], match.start()


def month_behind(clause: str, today: dt.date) -> bool:
    """The clause names a month of this year before the article's ("in February" in April) or
    "last month"."""
    if LAST_MONTH.slow.search(clause):
        return True
    match = MONTH_RE.search(clause) if any(m in clause for m in MONTH_PREFIXES) else None
    return match is not None and 0 < (month_number(match.group("month")) or 13) < today.month
