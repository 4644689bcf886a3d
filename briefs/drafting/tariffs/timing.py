"""When a measure applies and in which state: its status from the cues of its main clause,
its year from dates near it, relative dates resolved against the article's date."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import lru_cache, partial
from typing import NamedTuple

from briefs.dates import MONTHS, WEEKDAYS, month_number, month_pattern
from briefs.drafting.lexicon import cue, table
from briefs.drafting.tariffs.mentions import Mention, in_condition
from briefs.drafting.text import Folded, lowered

STATUS_CUES: list[tuple[str, Folded]] = [
    (entry["status"], Folded(cue(entry))) for entry in table("cues")["status"]
]
_YEAR = re.compile(r"(?<![$\d])(?:19|20)\d\d(?!\s*(?:billion|million|\d))")
# A bare "Mar" is left out: in story text it is seldom the month.
_MONTH_RE = re.compile(
    r"\b(?:in|since|from|on|by|until|till|through|last|this|early|late|mid-?|effective|starting"
    r"|beginning|as of)\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+)?"  # "from 1 August"
    rf"({month_pattern(full_only=('march',))})\b\.?(?!\s*\d{{1,2}},?\s*(?:19|20)\d\d)"
    r"(?!,?\s+(?:19|20)\d\d)"
)
_DONE_NOW = re.compile(r"\b(?:has|have)\s+(?:been\s+)?\w+ed\b|\b(?:is|are)\s+(?:being\s+)?\w+ed\b")
_UNTIL_MONTH = re.compile(r"(?:until|till|through)\b", re.I)
_UNTIL_BEFORE = re.compile(r"\b(?:until|till|through|to|expir\w*\s+in)\s+(?:\w+\s+)?$", re.I)
_IF_THREAT = "threatened"
# A condition that asks for a measure to go: the measure is there now.
_IF_REMOVED = re.compile(
    r"\b(?:if|unless)\b[^.;]*?\b(?:drops?|dropped|removes?|removed|cancels?|cancell?ed"
    r"|lifts?|lifted|scraps?|scrapped|ends?|ended|withdraws?|withdrew|rolls?\s+back"
    r"|rescinds?|rescinded|repeals?|repealed|abandons?|abandoned)\b"
    # what goes is a measure ("drops the EV tariff", "lifts them"), not "dropped the lawsuit"
    r"(?:\s+(?:it|them)\b|[^.;]{0,40}?\b(?:tariffs?|duty|duties|levy|levies|(?:sur)?tax(?:es)?"
    r"|measures?|countermeasures?|counter-tariffs?))[^;]*$",
    re.I,
)
_RELATIVE = [
    (Folded(r"\blast year\b|\ba year ago\b|\bprevious year\b"), -1),
    (Folded(r"\bthis year\b|\bthis month\b|\bthis week\b|\btoday\b|\blast week\b"), 0),
    (Folded(r"\bnext year\b"), 1),
    (Folded(r"\btwo years ago\b"), -2),
    (Folded(r"\bthree years ago\b"), -3),
]
_WEEKDAY = re.compile(rf"\b(?:{'|'.join(day.capitalize() for day in WEEKDAYS)})\b")
_RELATIVE_WORDS = ("last", "this", "next", "previous", "ago", "today")  # one in each above
_MONTH_PREFIXES = tuple(month[:3].capitalize() for month in MONTHS)  # _MONTH_RE needs one
_LAST_MONTH = Folded(r"\blast month\b")
_FUTURE = Folded(r"\b(?:will|would|from|due|set to|plans?|could|next|until|till|effective)\b")
# "announced in June", "imposed in March": a month after a past verb is behind the article
_PAST_BEFORE = re.compile(
    r"\b(?!(?:scheduled|expected|planned|slated|proposed|due)\b)(?:\w+ed|began|took|came|was"
    r"|were|made|set|put)\s+$",
    re.I,
)


_TO_COME_BEFORE = re.compile(r"\b(?:be|to|will|would|being|shall)\s+$", re.I)


def _past_verb_before(text: str, position: int) -> bool:
    """ "announced in June", not "would be lifted on Sept. 1" nor "is to be imposed in May"."""
    verb = _PAST_BEFORE.search(text, max(0, position - 16), position)
    return verb is not None and not _TO_COME_BEFORE.search(
        text, max(0, verb.start() - 10), verb.start()
    )


@lru_cache(maxsize=512)
def resolve_year(
    text: str, today: dt.date, *, future: bool | None = None, weekday: bool = True
) -> int | None:
    """The year a phrase points to, relative dates resolved against the article's date."""
    for match in _YEAR.finditer(text):
        if future is False and _UNTIL_BEFORE.search(
            text, max(0, match.start() - 20), match.start()
        ):
            continue  # "in place through 2027": when it ends, not when it began
        return int(match.group(0))
    low = lowered(text)
    folded = text if low is None else low

    def found(pattern: Folded) -> bool:
        return bool((pattern.slow if low is None else pattern.fast).search(folded))

    # Plain `in` looks first: most phrases name no relative date and no month.
    if low is None or any(word in low for word in _RELATIVE_WORDS):
        if found(_LAST_MONTH):
            return today.year - 1 if today.month == 1 else today.year
        for pattern, offset in _RELATIVE:
            if found(pattern):
                return today.year + offset
    has_month = any(month in text for month in _MONTH_PREFIXES)
    month_match = _MONTH_RE.search(text) if has_month else None
    if month_match and future is False and _UNTIL_MONTH.match(month_match.group(0)):
        month_match = None  # "would wait until April 2": when something else happens
    if month_match:
        month = month_number(month_match.group(1)) or 0
        if future is None:
            future = found(_FUTURE)
        if future and _past_verb_before(text, month_match.start()):
            future = False
        if future and 0 < today.month - month <= 3:
            future = False  # "effective Sept. 1" in an October story: a few weeks back
        if future:
            return today.year if month >= today.month else today.year + 1
        return today.year if month <= today.month else today.year - 1
    if weekday and _WEEKDAY.search(text):
        return today.year
    return None


_LIFT = re.compile("lift", re.I)
_ENDED = re.compile(
    r"\b(?:end(?:s|ed|ing)?|scrap\w*|revok\w*|remov\w*|withdr[ae]w\w*|cancel\w*)\s+(?:the\s+|its\s+"
    r"|their\s+)?(?:\w+\s+)?$",
    re.I,
)
_LIFT_TO = re.compile(r"[^,;]{0,60}?\bto\s+\d", re.I)
_FOR_A_TIME = Folded(
    r"\bfor\s+(?:another\s+|a\s+further\s+|the\s+next\s+)?(?:\w+\s+){0,2}?(?:days?|weeks?|months?"
    r"|years?)\b|\buntil\b|\btill\b|\bthrough\b|\d+-day|\btemporar\w*|\bfor (?:the moment|now)\b"
)
_NEGATED = Folded(r"\b(?:not|no|never|n't|refus\w*|declin\w*|reject\w*)\b[\w\s]{0,20}$")
# "pressing for an exemption", "asked for a suspension", "urged Washington to lift": a request,
# which changes no state (the gold conventions: a request to cut is no measure of its own)
_REQUESTED = Folded(
    r"\b(?:press\w*|push\w*|ask\w*|call\w*|lobb\w*|seek\w*|sought|hop\w*|appeal\w*|plead\w*"
    r"|demand\w*|urg\w*|want\w*|request\w*)\s+(?:for\s+)?(?:[\w'’]+\s+){0,3}?(?:to\s+)?(?:an?\s+|the\s+)?$"
)
_REQUESTABLE = ("suspended", "removed", "offered removal")


@lru_cache(maxsize=256)
def _status(part: str, has_rate: bool) -> str | None:
    low = lowered(part)
    text = part if low is None else low
    negated = _NEGATED.slow if low is None else _NEGATED.fast
    for status, pattern in STATUS_CUES:
        match = next(
            (
                m
                for m in pattern.finditer(part, low)
                if not negated.search(text[max(0, m.start() - 40) : m.start()])
                and not (
                    status in _REQUESTABLE
                    and (_REQUESTED.slow if low is None else _REQUESTED.fast).search(
                        text[max(0, m.start() - 40) : m.start()]
                    )
                )
                # "would impose 40% unless Bogota dropped the lawsuit": the condition's own
                # verbs are not the measure's state ("unless" itself is the threat's cue)
                and (status == "threatened" or not in_condition(part, m.start()))
            ),
            None,
        )
        if match is None:
            continue
        if status == "suspended" and _ENDED.search(text, max(0, match.start() - 30), match.start()):
            continue  # "ending exemptions for Canada": the pause is what ends
        if (
            status == "suspended"
            and match.group(0).casefold().startswith("exempt")
            and not _FOR_A_TIME.search(text)
        ):
            return "removed"  # "exempts the products from the tariffs": for good, none for a period
        if (
            status == "removed"
            and has_rate
            and _LIFT.search(match.group(0))
            and _LIFT_TO.match(text, match.end())
        ):
            continue  # "lifted its duty to 25%": raised, not removed
        return status
    return None


@lru_cache(maxsize=256)
def _weak(part: str) -> bool:
    """Only the last cue table's verbs name a state ("faced", "imposed"): a weaker sign than
    the words before ("will impose", "took effect"), which other mentions may give."""
    low = lowered(part)
    return not any(pattern.search(part, low) for _status_name, pattern in STATUS_CUES[:-1])


# "Chinese exporters will pay duties of 9.4%": a rate described, not when it starts
_WILL_PAY = Folded(r"\bwill\s+(?:\w+\s+){0,2}(?:face|pay)\b")


@lru_cache(maxsize=256)
def _only_will_pay(part: str) -> bool:
    """The clause is announced only by "will pay/face": a weak sign, which a clearer status of
    another mention of the measure ("will pay extra duties from today") outranks."""
    low = lowered(part)
    text = part if low is None else low
    stripped = (_WILL_PAY.slow if low is None else _WILL_PAY.fast).sub(" ", text)
    return (
        stripped != text
        and _status(stripped, False) is None
        and not _starts_later(stripped, _NO_DAY)
    )


_NO_DAY = dt.date(1, 1, 1)


class Timing(NamedTuple):
    status: str | None
    year: int | None
    weak: bool = False  # the status rests on a weak cue only
    year_weak: bool = False  # the year rests on a weekday only ("agreed on Saturday")
    dated: bool = False  # the clause dates the measure's start: its state beats undated ones


_RELATIVE_CLAUSE = re.compile(r",\s*(?:which|who)\s[^,;]*")
# "since September", "since 2023" date the measure; "since it …" opens a clause of its own.
_SUBORDINATE = Folded(
    r"(?:,\s*|\s)(?:after|because|while|although|whereas|when|as"
    r"|since(?!\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|\d|last|early|late|mid|the))"
    # "will stay in place until Washington lifts its own levies": another measure's removal
    r"|until(?!\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|\d|the end|next|further"
    r"|early|late|mid|then|at least)))"
    r"\s[^,;]*"
)


_RESPONDED_TO = re.compile(
    r"\b(?:respond\w*|retaliat\w*|hit(?:ting)?\s+back|react\w*)\s+(?:to|against|at|for|over)"
    r"\s+(?:the\s+|its\s+|their\s+)?(?:[\w%.-]+\s+){0,3}$",
    re.I,
)
_UNTIL_CLAUSE = re.compile(r"[,\s]*(?:until|till)\s", re.I)


def _main_clause(part: str, anchor_in_part: int) -> str:
    """The part without 'after …'/'because …' clauses that do not hold the measure."""
    pieces = []
    last = 0
    for match in _SUBORDINATE.finditer(part):
        if match.start() <= anchor_in_part < match.end():
            # "preparing countermeasures after the US imposed a 20% tariff": its own clause
            return match.group(0) if match.start() > 0 else part
        pieces.append(part[last : match.start()])
        last = match.end()
    pieces.append(part[last:])
    return " ".join(pieces)


# "from Aug. 14", "starting January 1, 2026", "effective next month": when a measure starts.
_MONTH_NAME = month_pattern(full_only=("march",))
# "from Aug. 14", "from 1 August", "starts on 1 August", "effective next month"
_STARTS = re.compile(
    r"\b(?i:from|starting(?:\s+on)?|effective|beginning|as of|(?:starts?|begins?|kicks? in"
    r"|takes? effect|comes? into (?:force|effect)|goes? into effect)\s+(?:on|from)?)\s*"
    r"(?:next\s+(?P<next>week|month|year)|(?:(?P<day_first>\d{1,2})(?:st|nd|rd|th)?\s+)?"
    rf"(?P<month>{_MONTH_NAME})\.?(?:\s+(?P<day>\d{{1,2}})\b)?(?:,?\s+(?P<year>(?:19|20)\d\d))?)"
)
_STARTS_WEEKDAY = re.compile(
    r"\b(?:from|starting(?:\s+on)?|effective|beginning|as of|(?:takes?|will take) effect(?:\s+on)?"
    r"|kicks? in(?:\s+on)?|comes? into (?:force|effect)(?:\s+on)?|starts?(?:\s+on)?)\s+"
    rf"(next\s+)?({'|'.join(WEEKDAYS)})\b"  # "from next Monday": a week or less ahead
)
_CHARGED_NOW = Folded(
    r"\bfrom\s+(?:about\s+|around\s+|roughly\s+)?\S+(?:\s+per\s?cent|\s+percent)?\s+"
    r"(?:now|currently|at present|today)\b"
)
# A removal still to come ("will drop", "would be removed", "is expected to eliminate"); it is
# decided ("removed") only once a date is set ("on Sept. 1", "next month", "from January").
_REMOVAL_TO_COME = Folded(
    r"\b(?:will|would|shall|is to|are to|set to|plans? to|agreed to|pledged to|promised to"
    r"|expected to)\s+(?:\w+\s+){0,2}?(?:remov|scrap|eliminat|lift|drop|abolish|cancel|phas"
    r"|repeal|rescind)\w*"
    # "will cut its 10% tariff on wine to zero"
    r"|\b(?:will|would|shall|is to|are to|set to|plans? to|agreed to|pledged to|promised to"
    r"|expected to)\s+(?:\w+\s+){0,2}?(?:cut|reduce|lower|bring|slash)\b"
    r"(?:[^.;]|\.(?=\w|\s[a-z])){0,90}?\bto\s+"
    r"(?:zero|nil|0\s?%)"
)
_DATE_SET = Folded(
    r"\b(?:on|from|by|in|effective|starting|as of|until|before)\s+(?:\d|jan|feb|mar|apr|may|jun"
    r"|jul|aug|sep|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|\bnext (?:week|month|year)\b|\bat the (?:end|start) of\b|\bwithin\b|\btoday\b"
    r"|\btomorrow\b|\bfrom (?:midnight|today)\b|\b(?:19|20)\d\d\b"
    r"|\bon the (?:same|following) day\b|\bthat day\b|\bat midnight\b"
)
_DATED_BEFORE = re.compile(r"(?:\b\w+ed|\bsince)\s+$", re.I)  # "imposed in August": its start


def _removal_undated(clause: str) -> bool:
    """A removal still to come whose date the clause does not set."""
    low = lowered(clause) or clause.casefold()
    to_come = _REMOVAL_TO_COME.fast.search(low)
    if to_come is None:
        return False
    return not any(
        m.start() >= to_come.start()
        or not _DATED_BEFORE.search(low, max(0, m.start() - 16), m.start())
        for m in _DATE_SET.fast.finditer(low)
    )


# "The current rate is 20%": the rate charged on the article's day
_CURRENT_ONE = re.compile(
    r"\b(?:the|its|their)\s+(?:current|present|existing)\s+(?:rate|tariff|duty|level|levy)\s+"
    r"(?:is|was|stands at|of)\s+$",
    re.I,
)
_HELD_AT = re.compile(
    r"\b(?:remains?|remained|stays?|stayed|still\s+(?:pays?|faces?|carry|carries))\s+(?:at\s+)?"
    r"(?:an?\s+|the\s+)?$",
    re.I,
)
_STARTS_ON_DAY = re.compile(
    r"\b(?:takes? effect|comes? into (?:force|effect)|kicks? in|starts?|begins?|applies|apply"
    r"|from|starting|effective|as of)\s+(?:on\s+)?"
    rf"(today|{'|'.join(WEEKDAYS)})\b"
)
_AHEAD = Folded(
    r"\b(?:will|would|due|set to|plans?|planned|is to|are to|(?:agreed|decided|expected"
    r"|scheduled|slated) to)\b"
)
_PLAN = Folded(r"\bplans?\b|\bplanned\b")
_THREAT = Folded(r"\b(?:threat\w*|warn\w*|vow\w*|unless|could|may|might)\b")
_PAST_WORDS = Folded(r"\b(?:has|have|had|since|was|were|took|began|started)\b")
_FUTURE_WORDS = Folded(r"\b(?:will|would|from|starting|due|set to|next|plans?|could)\b")
_PAST_ANNOUNCED = Folded(r"\b(?:announced|ordered|unveiled)\b")


_STARTS_WORD = Folded(r"\b(?:take|takes|taking) effect|\bkicks? in|\bstarts?\b|\bbegins?\b")


def _month_behind(clause: str, today: dt.date) -> bool:
    """The clause names a month of this year before the article's ("in February" in April) or
    "last month"."""
    if _LAST_MONTH.slow.search(clause):
        return True
    match = _MONTH_RE.search(clause) if any(m in clause for m in _MONTH_PREFIXES) else None
    return match is not None and 0 < (month_number(match.group(1)) or 13) < today.month


def _starts_later(clause: str, today: dt.date) -> bool | None:
    """True when the clause dates the measure's start after the article's date, False when
    before, None when it gives no start date."""
    match = _STARTS.search(clause)
    if match is None:
        day = _STARTS_WEEKDAY.search(lowered(clause) or clause.casefold())
        if day is not None:  # "starting Thursday" in a Wednesday story: the days ahead
            return bool(day.group(1)) or WEEKDAYS.index(day.group(2)) != today.weekday()
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
        return month > today.month or (month < today.month and bool(_AHEAD.search(clause)))
    if given_year or start > today:
        return start > today
    if (today - start).days <= 120:
        return False  # "a rate applied from Aug. 1" in September: this year's, a few weeks back
    # "from January 1" in a December story: next January, unless the clause speaks of the past.
    return not _PAST_WORDS.search(clause)


def _starts_today(clause: str, today: dt.date) -> bool:
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


def status_and_year(
    text: str,
    part: str,
    a_start: int,
    near: str,
    rate: str | None,
    conditional: bool,
    today: dt.date,
) -> Timing:
    """Status from the main clause, year near the mention: only for mentions that are kept."""
    in_part = a_start - text.find(part) if part in text else 0
    rate_at = in_part + max(0, text.find(rate, a_start) - a_start) if rate else in_part
    relative = next(
        (m for m in _RELATIVE_CLAUSE.finditer(part) if m.start() < rate_at < m.end()), None
    )
    # "restoring the rate, which had been cut to 15%": the relative clause's own tense
    clause = relative.group(0) if relative else _main_clause(part, in_part)
    # "if the US goes ahead with the 34% levy": a measure still to be decided; but "if
    # Canada drops the EV tariff" names one that stands, so its other mentions decide.
    if conditional:
        # (read to just past the mention: "if Canada drops the EV tariff" names what goes)
        ends = min(len(text), a_start + 24)
        status = None if _IF_REMOVED.search(text, max(0, a_start - 80), ends) else _IF_THREAT
    else:
        status = _status(clause, rate is not None)
    weak = (status == "in force" and _weak(clause)) or (
        status == "announced" and _only_will_pay(clause)
    )
    dated = False  # the clause dates the start: "take effect from Tuesday", "from Aug. 14"
    if (
        (
            status in (None, "in force")
            or (status == "threatened" and _PLAN.search(clause) and not _THREAT.search(clause))
        )
        and not conditional
        and _starts_later(clause, today)
    ):
        status = "announced"  # "will face duties of 12% from Aug. 14", "plans to … from May"
        dated = True
    elif status == "announced" and not conditional and _starts_later(clause, today):
        dated = True  # "The lower rate takes effect on 1 September"
    if (status in ("announced", None) or weak) and _starts_today(clause, today):
        status, weak = "in force", False  # it takes effect on the article's day
        dated = True
    if status in ("threatened", "announced") and _RESPONDED_TO.search(
        text, max(0, a_start - 60), a_start
    ):
        status = None  # "would respond to the 25% US tariff": the response's, not the tariff's
    if status in ("removed", "offered removal") and _UNTIL_CLAUSE.match(clause):
        status = None  # "… will stay until Washington lifts its tariffs": those stand today
    if status == "removed" and _removal_undated(clause):
        status = "offered removal"  # "Britain will scrap its 19% tariff": no date set yet
    if rate and (
        _HELD_AT.search(text, max(0, a_start - 30), a_start)
        or _CURRENT_ONE.search(text, max(0, a_start - 40), a_start)
    ):
        status, weak = "in force", False  # "Britain stays at 25%", "still pays 25%"
    if rate and _CHARGED_NOW.search(text[max(0, a_start - 24) : a_start + len(rate) + 20]):
        status, weak = "in force", False  # "… to 50%, from about 20% now": still charged
    # A removal or pause may still be to come ("would be lifted on Sept. 1"): its words say.
    future: bool | None = status in ("announced", "threatened", "proposed")
    if status in ("removed", "suspended", "offered removal"):
        future = None
    year = resolve_year(near, today, future=future, weekday=False)
    if year is None:
        year = resolve_year(text, today, future=future, weekday=False)
    year_weak = year is None
    if year is None and _WEEKDAY.search(text):
        year = today.year  # what resolve_year gives for a weekday alone
    if year is None and status in ("removed", "suspended") and _DONE_NOW.search(clause):
        year = today.year  # "has been suspended": the year of the suspension, the story's
    if (
        status == "announced"
        and year is not None
        and (year < today.year or _month_behind(clause, today))
        and _PAST_ANNOUNCED.search(clause)
        and not _FUTURE_WORDS.search(clause)
        and not _STARTS_WORD.search(clause)
    ):
        # "days after Chile announced duties" in May 2024, read in 2025; "announced a 10%
        # tariff in February" in an April story
        status = "in force"
    return Timing(
        status,
        year,
        weak and status in ("in force", "announced"),
        year_weak and year is not None,
        dated and status in ("in force", "announced"),
    )


# "Importers will have to post cash deposits once the decision is published", "Deposits will be
# collected from next Thursday": a preliminary duty whose collection is still to come.
_COLLECTED_LATER = Folded(
    r"\b(?:will|would|are to|is to)\s+(?:have to|be required to|need to|be asked to)\s+(?:post|pay"
    r"|lodge|provide)\s+(?:cash\s+)?(?:deposits?|bonds?|securit)"
    r"|\b(?:deposits?|bonds?)\b[^.;]{0,40}\b(?:will|would|are to|is to)\s+(?:be\s+)?(?:collected"
    r"|required|charged|paid|posted|due)"
)
_PRELIMINARY = Folded(r"\b(?:preliminary|provisional|interim)\b")


def collected_later(text: str) -> bool:
    """ "Importers will have to post cash deposits …": collection still to come."""
    low = text.casefold()
    return ("deposit" in low or "bond" in low) and bool(_COLLECTED_LATER.search(text))


def announce_preliminary(mentions: list[Mention], position: int) -> None:
    """A preliminary or provisional duty of the sentences just before, still to be collected,
    is announced, not in force (its deposits start later)."""
    for mention in mentions:
        if position - 3 <= mention.sentence <= position and _PRELIMINARY.search(mention.evidence):
            mention.timing = partial(_announced_instead, mention.timing)
            mention._timed = None


def _announced_instead(
    own: Callable[[], tuple[str | None, int | None, bool]] | None,
) -> tuple[str | None, int | None, bool]:
    timed = own() if own is not None else (None, None, False)
    if timed[0] not in (None, "in force"):
        return timed
    return Timing("announced", timed[1], False, len(timed) > 3 and bool(timed[3]))  # type: ignore[misc]
