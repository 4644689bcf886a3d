"""When a measure applies and in which state: its status from the cues of its main clause,
its year from dates near it, relative dates resolved against the article's date."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import lru_cache, partial
from typing import NamedTuple

from briefs.drafting.lexicon import cue, table
from briefs.drafting.tariffs.mentions import Mention, in_condition
from briefs.drafting.tariffs.removal_dates import agreed_with_a_date, may_remove, removal_undated
from briefs.drafting.tariffs.starts import starts_later, starts_today
from briefs.drafting.tariffs.status_clause import status_words
from briefs.drafting.tariffs.wording import (
    PRELIMINARY,
    WILL_EXPIRE,
    coordinate,
    deal_sets,
    decided_now,
    determined_now,
    headline_to,
    of_a_plan,
    on_condition,
    overtaken,
    rate_position,
    said_he_will,
    stretch,
    will_expire,
)
from briefs.drafting.tariffs.years import WEEKDAY, month_behind, resolve_year
from briefs.drafting.text import Folded, lowered

STATUS_CUES: list[tuple[str, Folded]] = [
    (entry["status"], Folded(cue(entry))) for entry in table("cues")["status"]
]
_ACTS_NOW = ("threatened", "announced", "suspended", "removed")
_ACTED_NOW = re.compile(
    r"\b(?:has|have)\s+(?:now\s+|just\s+|already\s+)?(?:been\s+)?(?:impos|rais|lower|cut|levi"
    r"|slap|introduc|hik|doubl|tripl|put|reduc|increas|extend|approv|adopt|set|start|beg[au]n"
    r"|decid|order|finali[sz]|confirm)\w*"
    # "The tax on large cars fell to 32%": a rate changed in the news (not "had been cut to")
    r"|(?<!had\s)(?<!had been\s)\b(?:fell|rose|dropped|climbed|jumped|went (?:up|down)|(?:was|were)"
    r"\s+(?:cut|raised|lowered|halved|doubled|reduced|increased|hiked|slashed))\s+to\b"
    # "A 10% tariff on Chinese goods took effect at 12:01 a.m.": the start, told as news
    r"|(?<!had\s)\b(?:took effect|(?:came|entered) into (?:force|effect)|went into effect"
    r"|kicked in)\b",
    re.I,
)
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
    # "a 90-day exemption", "a six-month waiver"
    r"|\b\w+-(?:day|week|month|year)\s+(?:exemption|waiver|pause|suspension|reprieve|delay"
    r"|exclusion|window|period|truce)"
)
_NEGATED = Folded(r"\b(?:not|no|never|n't|refus\w*|declin\w*|reject\w*)\b[\w\s]{0,20}$")
# "pressing for an exemption", "asked for a suspension", "urged Washington to lift": a request,
# which changes no state (the gold conventions: a request to cut is no measure of its own)
_REQUESTED = Folded(
    r"\b(?:press\w*|push\w*|ask\w*|call\w*|lobb\w*|seek\w*|sought|hop\w*|appeal\w*|plead\w*"
    r"|demand\w*|urg\w*|want\w*|request\w*"
    # "are negotiating the removal of", "discussed lifting": talks, which decide nothing yet
    r"|negotiat\w*|discuss\w*|talk\w*\s+(?:about|on|over))"
    r"\s+(?:for\s+)?(?:[\w'’]+\s+){0,3}?(?:to\s+)?(?:an?\s+|the\s+)?$"
)
# "will not lift", "would never impose": the cue's own words deny it
_DENIED = Folded(r"\bnot\b(?!\s+affected)|\bnever\b|n't\b")
_REQUESTABLE = ("suspended", "removed", "offered removal")


@lru_cache(maxsize=256)
def _tables_hit(part: str) -> tuple[bool, ...]:
    """Which cue tables have a cue in `part` (before negation and the other checks)."""
    low = lowered(part)
    return tuple(pattern.search(part, low) is not None for _status_name, pattern in STATUS_CUES)


@lru_cache(maxsize=256)
def _status(part: str, has_rate: bool) -> str | None:
    low = lowered(part)
    text = part if low is None else low
    negated = _NEGATED.slow if low is None else _NEGATED.fast
    for (status, pattern), hit in zip(STATUS_CUES, _tables_hit(part), strict=True):
        if not hit:  # most tables hold no cue of the clause: one search said so
            continue
        match = next(
            (
                m
                for m in pattern.finditer(part, low)
                if not negated.search(text[max(0, m.start() - 40) : m.start()])
                and not _DENIED.fast.search(text, m.start(), m.end())
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
        if status == "removed" and _for_a_period(text, match.start(), match.end()):
            return "suspended"  # "removed from Aug. 19 until Sept. 30", "temporarily lifted"
        return status
    return None


def _read(words: str, rate: str | None) -> str | None:
    """The state the words give, read first without what speaks of something else."""
    full = _status(words, rate is not None)
    if full is None:
        return None  # (trimming takes words away: it finds no cue the full words lack)
    trimmed = status_words(words, words.find(rate) if rate else -1)
    return (trimmed != words and _status(trimmed, rate is not None)) or full


# "… which had been in place for three years": the period is another verb's, not the removal's
_OTHER_VERB = re.compile(r"\b(?:which|that|had|has been|since|after|imposed|introduced)\b", re.I)


def _for_a_period(text: str, start: int, end: int) -> bool:
    """A removal for a time ("waived the duty for three months", "temporarily lifted"): a
    pause, as the gold conventions read duty exemptions for a period."""
    if re.search(r"\btemporar\w*\s+(?:\w+\s+)?$", text[max(0, start - 30) : start], re.I):
        return True
    period = _FOR_A_TIME.slow.search(text, end, end + 80)
    return period is not None and not _OTHER_VERB.search(text, end, period.start())


@lru_cache(maxsize=256)
def _weak(part: str) -> bool:
    """Only the last cue table's verbs name a state ("faced", "imposed"): a weaker sign than
    the words before ("will impose", "took effect"), which other mentions may give."""
    low = lowered(part)
    if _HAS_IMPOSED.search(part, low):
        return False  # "Vietnam has imposed a 27% duty": the act done, its result holds now
    return not any(_tables_hit(part)[:-1])


_HAS_IMPOSED = Folded(
    r"\b(?:has|have)\s+(?:now\s+|just\s+|already\s+)?(?:imposed|levied|introduced|slapped|raised"
    r"|hiked|increased|doubled|tripled|placed)\b"
)


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
        and not starts_later(stripped, _NO_DAY)
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


_CHARGED_NOW = Folded(
    r"\bfrom\s+(?:about\s+|around\s+|roughly\s+)?\S+(?:\s+per\s?cent|\s+percent)?\s+"
    r"(?:now|currently|at present|today)\b"
)
# "The current rate is 20%": the rate charged on the article's day
_CURRENT_ONE = re.compile(
    r"\b(?:the|its|their)\s+(?:current|present|existing)\s+(?:rate|tariff|duty|level|levy)\s+"
    r"(?:is|was|stands at|of)\s+$",
    re.I,
)
_HELD_AT = re.compile(
    r"\b(?:remains?|remained|stays?|stayed|still\s+(?:pays?|faces?|carry|carries)"
    # "paused the higher duties, leaving a 10% baseline tariff", "all but the 10% rate"
    r"|leaving|keeping|retaining|except(?:\s+for)?|other\s+than|apart\s+from|all\s+but)\s+"
    r"(?:at\s+)?(?:an?\s+|the\s+|its\s+|their\s+)?$",
    re.I,
)
_PLAN = Folded(r"\bplans?\b|\bplanned\b")
_THREAT = Folded(r"\b(?:threat\w*|warn\w*|vow\w*|unless|could|may|might)\b")
_FUTURE_WORDS = Folded(r"\b(?:will|would|from|starting|due|set to|next|plans?|could)\b")
_PAST_ANNOUNCED = Folded(r"\b(?:announced|ordered|unveiled)\b")


# "took effect on Tuesday", "came into force with its publication", "entered into force on 1 May"
_STARTED_ON = Folded(
    r"\b(?:took effect|(?:came|entered) into (?:force|effect)|went into effect|kicked in|began"
    r"|started)\s+"
    r"(?:(?:just\s+)?(?:on|from|at|with|upon|after|in)\s+)?(?:the\s+|their\s+|its\s+)?"
    r"(?:\d|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|midnight"
    r"|publication|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
)
_WILL_WORD = Folded(r"\b(?:will|shall|is to|are to|next)\b")
# "would extend its 43.5% duty for five years from July 23": charged now, the start is the
# extension's
_EXTENDED = Folded(r"\b(?:extend(?:s|ed|ing)?|prolong\w*|renew(?:s|ed|ing)?)\b")
_STARTS_WORD = Folded(r"\b(?:take|takes|taking) effect|\bkicks? in|\bstarts?\b|\bbegins?\b")


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
        own = None if relative else coordinate(part, rate_at)
        status = (own is not None and _read(own, rate)) or _read(clause, rate)
        if own is not None and status and status == _read(own, rate):
            clause = own  # ", and Colombia said it would lift its own": the other clause's
        if relative and status is None:
            # "let a safeguard on coil, which stood at 10%, expire": the main clause's state
            status = _read(part[: relative.start()] + part[relative.end() :].lstrip(","), None)
        if relative and status in (None, "announced", "in force") and of_a_plan(part, relative):
            status = "proposed"  # "a list of countermeasures, which would put 25% on …"
    if status in (None, "announced", "in force") and overtaken(clause):
        # "… was supposed to start on Friday, but Chile agreed to pause it": what became of it
        rest = text[text.find(part) + len(part) :] if part in text else ""
        then = _read(rest, None) if rest else None
        if then in ("suspended", "removed", "offered removal", "threatened", "proposed"):
            status = then
    if status in (None, "announced", "in force") and overtaken(clause):
        # "The tariff had been due to take effect on Wednesday": no state; its year stands
        where = stretch(text, rate_position(text, a_start, rate))
        year = next(
            (y for y in (resolve_year(w, today, weekday=False) for w in (where, near, text)) if y),
            None,
        )
        by_weekday = year is None and WEEKDAY.search(text) is not None
        if by_weekday:
            year = today.year  # what resolve_year gives for a weekday alone
        return Timing(None, year, year_weak=by_weekday)
    weak = (status == "in force" and _weak(clause)) or (
        status == "announced" and _only_will_pay(clause)
    )
    fresh = False  # a state read from this news itself, though weak
    if (
        (status in (None, "announced") or (status == "in force" and weak))
        and said_he_will(clause)
        and not starts_later(clause, today)
        and not starts_today(clause, today)
    ):
        status = "threatened"  # "Trump said he would impose a 25% tariff": not yet decided
    if (
        not conditional
        and (status in (None, "announced") or (status == "in force" and weak))
        and on_condition(text, a_start)
        and not starts_later(clause, today)  # "from Friday, and more if talks fail": decided
    ):
        status, weak = "threatened", False  # "will impose 25% if the border is not secured"
    if (status is None or (status == "in force" and weak)) and deal_sets(clause):
        status, weak = "announced", False  # "the deal cuts the US tariff to 10%": its terms
    elif (status is None or (status == "in force" and weak)) and determined_now(clause, today):
        # "set preliminary duties of 20%" (weak: "has started collecting" elsewhere wins)
        status, weak, fresh = "announced", True, True
    elif (status is None or (status == "in force" and weak)) and decided_now(clause):
        # "the Senate approved a 12% tariff": decided; a start told elsewhere ("The duties took
        # effect on Tuesday", dated) wins
        status, weak, fresh = "announced", False, True
    dated = False  # the clause dates the start: "take effect from Tuesday", "from Aug. 14"
    if (
        (
            (status is None or (status == "in force" and not _EXTENDED.search(clause)))
            or (status == "threatened" and _PLAN.search(clause) and not _THREAT.search(clause))
        )
        and not conditional
        and starts_later(clause, today)
    ):
        status = "announced"  # "will face duties of 12% from Aug. 14", "plans to … from May"
        dated = True
    elif status == "announced" and not conditional and starts_later(clause, today):
        dated = True  # "The lower rate takes effect on 1 September"
    elif (
        status == "announced"
        and not conditional
        and "would" in clause
        and not _WILL_WORD.search(clause)
        and starts_later(clause, today) is False
    ):
        # "Beijing said the tariff would apply starting April 10", told in July: begun since
        status, dated = "in force", True
    if (status in ("announced", None) or weak) and starts_today(clause, today):
        status, weak = "in force", False  # it takes effect on the article's day
        dated = True
    elif status == "in force" and not weak and _STARTED_ON.search(clause):
        dated = True  # "The duties took effect on Tuesday": its start is told, and past
    if status in ("threatened", "announced") and _RESPONDED_TO.search(
        text, max(0, a_start - 60), a_start
    ):
        status = None  # "would respond to the 25% US tariff": the response's, not the tariff's
    if status in ("removed", "offered removal") and _UNTIL_CLAUSE.match(clause):
        status = None  # "… will stay until Washington lifts its tariffs": those stand today
    headline = headline_to(clause) if status in (None, "removed", "in force") else None
    if status is None and headline == "announced":
        status = "announced"  # "Japan to impose 95% duty on Chinese electrodes"
    if status == "removed" and (
        removal_undated(clause)
        or may_remove(clause)
        or (headline and not starts_later(clause, today))
    ):
        # "Britain will scrap its 19% tariff": no date set yet; "could drop it": not decided
        status = "offered removal"
    elif status == "offered removal" and agreed_with_a_date(clause):
        status = "removed"  # "The ministers agreed to remove the 10% duty from July 1"
    if rate and (
        _HELD_AT.search(text, max(0, a_start - 30), a_start)
        or _CURRENT_ONE.search(text, max(0, a_start - 40), a_start)
    ):
        status, weak = "in force", False  # "Britain stays at 25%", "still pays 25%"
    if rate and _CHARGED_NOW.search(text[max(0, a_start - 24) : a_start + len(rate) + 20]):
        status, weak = "in force", False  # "… to 50%, from about 20% now": still charged
    expiry = will_expire(text, a_start)
    if (
        expiry
        and status in (None, "in force", "announced", "threatened")
        and (expiry.start() - a_start < 160 and WILL_EXPIRE.search(clause))
    ):
        # "is set to expire in December": charged until then; the end is not its year
        status, weak, dated = "in force", False, False
        near, text = near[: max(0, near.find(expiry.group(0)))] or near, text[: expiry.start()]
    # A removal or pause may still be to come ("would be lifted on Sept. 1"): its words say.
    future: bool | None = status in ("announced", "threatened", "proposed")
    if status in ("removed", "suspended", "offered removal"):
        future = None
    paused = status == "suspended"
    # The rate's own stretch of words first ("… in March, and it plans to raise it to 35% next
    # year": 35% is next year's), then the words about the mention, then the sentence.
    year = resolve_year(
        stretch(text, rate_position(text, a_start, rate)),
        today,
        future=future,
        weekday=False,
        paused=paused,
    )
    if year is None:
        year = resolve_year(near, today, future=future, weekday=False, paused=paused)
    if year is None:
        year = resolve_year(text, today, future=future, weekday=False, paused=paused)
    year_weak = year is None
    if year is None and WEEKDAY.search(text):
        year = today.year  # what resolve_year gives for a weekday alone
    if (
        status == "announced"
        and year is not None
        and (year < today.year or month_behind(clause, today))
        and _PAST_ANNOUNCED.search(clause)
        and not _FUTURE_WORDS.search(clause)
        and not _STARTS_WORD.search(clause)
    ):
        # "days after Chile announced duties" in May 2024, read in 2025; "announced a 10%
        # tariff in February" in an April story
        status = "in force"
    if year is None and (
        (status in _ACTS_NOW and (not weak or fresh or dated))  # a weak one yields to others
        or (status in (None, "in force") and _ACTED_NOW.search(clause))
    ):
        # Told with no time, a threat, a decision, a pause or a removal is the story's news, and
        # so is a measure that "has imposed": the article's year (weak: a dated mention wins).
        # A measure in force told of only as there ("faces a 25% duty") may be long-standing.
        year = today.year
    if status == "in force" and not (dated or weak) and year is not None and year > today.year:
        year = None  # charged on the article's day: "a rate that remains unchanged next year"
    if status == "announced" and year is not None and year < today.year:
        # Announced starts after the article's date: a past year near it is another measure's
        # ("… would fall to 18% …, and a penalty imposed in August would be dropped")
        year, year_weak = today.year, True
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
    # "will pay cash deposits", "will start posting deposits", "will begin collecting deposits"
    # (not "will keep paying deposits": collection goes on)
    r"\b(?:will|would|are to|is to|shall)\s+(?:(?!keep|continue|still)\w+\s+){0,3}?(?:post|pay"
    r"|lodge|provide|collect|charg|requir)\w*\s+(?:\w+\s+){0,2}?(?:deposits?|bonds?|securit)"
    r"|\b(?:deposits?|bonds?)\b[^.;]{0,40}\b(?:will|would|are to|is to)\s+(?:start\s+|begin\s+)?"
    r"(?:be\s+|being\s+)?(?:collected|required|charged|paid|posted|due)"
    # "will instruct US customs officers to collect cash deposits"
    r"|\b(?:will|would)\s+(?:instruct|direct|tell|order|ask)\s+(?:[\w.]+\s+){1,6}?to\s+(?:begin\s+"
    r"|start\s+)?(?:collect\w*|requir\w*)\s+(?:cash\s+)?(?:deposits?|bonds?|securit)"
)


def collected_later(text: str) -> bool:
    """ "Importers will have to post cash deposits …": collection still to come."""
    low = text.casefold()
    return ("deposit" in low or "bond" in low) and bool(_COLLECTED_LATER.search(text))


def announce_preliminary(mentions: list[Mention], position: int) -> None:
    """A preliminary or provisional duty of the sentences just before, still to be collected,
    is announced, not in force (its deposits start later)."""
    for mention in mentions:
        if position - 3 <= mention.sentence <= position and PRELIMINARY.search(mention.evidence):
            mention.timing = partial(_announced_instead, mention.timing)
            mention._timed = None


def _announced_instead(
    own: Callable[[], tuple[str | None, int | None, bool]] | None,
) -> tuple[str | None, int | None, bool]:
    timed = own() if own is not None else (None, None, False)
    if timed[0] not in (None, "in force"):
        return timed
    return Timing("announced", timed[1], False, len(timed) > 3 and bool(timed[3]))  # type: ignore[misc]
