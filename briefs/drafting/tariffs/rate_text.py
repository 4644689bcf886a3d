"""Rates in a sentence: the patterns of a rate as news writes it (percentages, ranges, duties
per unit in many currencies), and which of them are rates of a measure — near its word, or
continuing one named before — rather than shares, market moves or figures of the economy."""

from __future__ import annotations

import re

from briefs.dates import WEEKDAYS, month_pattern
from briefs.drafting.lexicon import words
from briefs.drafting.tariffs.changes import (
    FROM_BEFORE,
    OLD_RATE_BEFORE,
    RANGE_LEAD,
    ahead_in_clause,
)
from briefs.drafting.text import Folded
from briefs.rates import TENS, UNITS

# "the 46% rate", "the 91.74% preliminary rate"
PCT_BEFORE = re.compile(
    r"\d(?:\s?%|[\s-](?:per[\s-]?cent|percent))\s+(?:(?:preliminary|provisional|final|new|old"
    r"|current|previous|initial|interim|standard|basic|average|extra|additional)\s+)?$",
    re.I,
)


OTHER_RATES = re.compile(
    r"\b(?:interest|inflation|unemployment|growth|exchange|mortgage|tax|jobless|savings|policy"
    r"|lending|deposit|birth|death|vacancy|participation|poverty|income tax|key|benchmark|repo"
    r"|overnight|discount|prime)\s+rates?\b"
    # "the average effective tariff rate rose to 17%": a statistic of all duties, no measure
    r"|\b(?:average|effective|overall|weighted)\s+(?:effective\s+)?(?:tariff\s+|duty\s+)?rates?\b"
    r"|\brates?\s+of\s+(?:growth|inflation|interest|return)\b"
    r"|\b(?:profit|operating|gross|net|sales|pre-tax)\s+margins?\b",  # "a profit margin of 8%"
    re.I,
)


# A rate in words: "twenty-five", "one hundred", "seven" ("zero" never opens a rate).
_WORD_NUM = (
    rf"(?:(?:{'|'.join(TENS)})(?:[- ](?:{'|'.join(UNITS[1:10])}))?"
    rf"|one hundred|a hundred|hundred|{'|'.join(UNITS[1:])})"
)


# "25%", "25 per cent", "25-percent", "10-per-cent", "25pc" (British papers)
_PCT = r"(?:\s?%|[\s-]?(?:per[\s-]?cent|percent|pct)\b|pc\b)"


_NUM = r"\d{1,3}(?:,\d{3})?(?:\.\d{1,2})?"  # "3,500%": a thousands comma, once


# A duty per unit: "$673 per tonne", "P200 per metric ton" (lower-cased: "p200"), "€12/kg",
# "RM0.50 per kg", "€45.6 per 100 kg"; "341 yen per kilogram", "18 cents per pound". The signs,
# currency names and units are lexicon lists (longest first, so "us$" is tried before "$").
def _alternatives(name: str) -> str:
    return "|".join(re.escape(entry) for entry in sorted(words(name), key=len, reverse=True))


_AMOUNT = r"\d{1,3}(?:,\d{3})*(?:\.\d{1,2})?"


_UNIT = rf"(?:{_alternatives('rate_units')})(?:e?s)?\b"


_SIGN = rf"(?:{_alternatives('currency_signs')})\s?"


_PER_UNIT = (
    # "$89 to $707 per tonne": a range of duties per unit
    rf"(?:{_SIGN}{_AMOUNT}\s?(?:to|-|–)\s?)?{_SIGN}{_AMOUNT}\s?(?:per|a|an|/)\s?{_UNIT}"
)


_CURRENCY_PER_UNIT = (  # "40 to 45 euros per tonne": a range in currency words
    rf"{_AMOUNT}(?:(?:\s(?:to|-|–)\s|[-–]){_AMOUNT})?[\s-](?:{_alternatives('currency_words')})s?\s"
    rf"(?:per|a|an|/)\s?{_UNIT}"
)


RATE = Folded(
    rf"(?<![\w.$])(?:between\s{_NUM}{_PCT}?\sand\s{_NUM}{_PCT}"
    rf"|{_NUM}{_PCT}(?:\s?(?:(?:up\s)?to|-|–)\s?{_NUM}{_PCT})?"
    rf"|{_NUM}\s?(?:to|-|–)\s?{_NUM}{_PCT}"
    rf"|\b{_WORD_NUM}\s(?:per\s?cent|percent)\b"
    rf"|{_PER_UNIT}\s(?:to|-|–)\s{_PER_UNIT}"  # "$136 per tonne to $664 per tonne"
    rf"|{_PER_UNIT}|{_CURRENCY_PER_UNIT})"
)


# "raise the rate to", "will fall to": a rate the measure's own verb leads to, however far
_MEASURE_SUBJECT = re.compile(
    r"\s*(?:the|these|those|its|their)\s+(?:[\w-]+\s+){0,2}?(?:tariffs?|duty|duties|levy|levies"
    r"|surtax(?:es)?|rates)\b",
    re.I,
)
_FAR_TO = re.compile(
    r"\b(?:rate|it|them|that|levy|tariffs?|fall|falls|rise|rises|drop|drops|climb|climbs|go|goes"
    r"|cut|raised|lowered|increased|reduced)\s+to\s+$"
)


_ZERO = re.compile(r"0(?:\.0+)?(?:\s?%|[\s-]?(?:per[\s-]?cent|percent|pct|pc))$", re.I)


# "a tariff of 0 percent will apply to up to 30,000 tons": the rate a quota sets
_ZERO_SET = re.compile(r"\b(?:tariffs?|duty|duties|rate)\s+of\s+$", re.I)


RATE_HINT = re.compile(r"\d|cent", re.I)  # in every rate: "25%", "25 pct", "twenty per cent"
_RATE_HINT = Folded(r"\d|cent")


_CHANGE_VERB = re.compile(
    r"\b(?:rais\w*|increas\w*|cut\w*|lower\w*|reduc\w*|doubl\w*|hik\w*|lift\w*|ris\w*|rose"
    r"|go(?:es)? (?:up|down)|went (?:up|down)|jump\w*|climb\w*|fall\w*|fell|drop\w*"
    r"|boost\w*|slash\w*|trim\w*|tripl\w*|bring\w*|brought)\b",
    re.I,
)


_MARKET_MOVE = re.compile(
    r"\b(?:fell|fall|falls|rose|rise|rises|dropped|drop|down|up|grew|gained|jumped|slumped"
    r"|plunged|climbed|declined|surged|about|roughly|nearly|almost)\s+(?:about\s+|by\s+)?$"
    r"|\b(?:grew|grown|grows|growing|expanded|expanding)\s+(?:by\s+|at\s+(?:an?\s+)?(?:\w+\s+)?)$",
    re.I,
)


_RATE_NOUN = re.compile(r"\s+(?:rate|margin)\b")  # "a 10 percent rate applies to …"
# A rate in a sentence that names no measure, near one that does: "Peruvian mills face 14%",
# "for Chile the figure is 9.5%", "pay between 3% and 21%".
_RATE_LEAD = re.compile(
    r"\b(?:at|to|of|by|pays?|paid|paying|carry|carries|charged|taxed|levied)\s+(?:(?:an?|the)\s+"
    r"(?:extra|additional)\s+)?$"
    r"|\b(?:rate|margin|duty|figure|level)s?,\s*$"  # "the steepest rate, 71.8%"
    # "will pay rates between 2.8% and 25.8%": the rate noun after the sellers' verb
    r"|\b(?:pays?|paid|paying|faces?|faced|facing|carry|carries|gets?|got|receive[sd]?)\s+"
    r"(?:(?:an?|the)\s+)?(?:[\w-]+\s+)?(?:rates?|margins?)\s+(?:of\s+)?$"
    # "well below the 50% normally charged"
    r"|\b(?:below|above|under|lower than|higher than)\s+(?:the|its|their)\s+$",
    re.I,
)


# Weaker leads count only when the sentence names whose goods bear the rate before it.
_WEAK_RATE_LEAD = re.compile(
    r"\b(?:faces?|faced|facing|is|are|was|were|be|gets?|got|receives?|received|assigned|given"
    r"|handed|producers|exporters"
    r"|mills|manufacturers|makers|firms|companies|suppliers|ones)\s+(?:(?:now|currently|still|already"
    r"|set at|fixed at)\s+)?$",
    re.I,
)


# A sentence about the rate itself ("The rate is 45 per cent", "It stands at 35%", "Rates range
# from 10% to 40%", "The additional charge is 40 per cent"): its rate is the measure's before.
_RATE_SUBJECT = re.compile(
    r"(?:^\s*|\b(?=the\s|its\s|their\s))(?:(?:the|that|this|its|their|a|an)\s+)?(?:(?:new|additional|extra|final|preliminary"
    r"|provisional|average|top|highest|lowest|basic|standard|current|present|existing|old"
    r"|previous)\s+)?(?:rates?|charges?|figures?"
    r"|margins?|levels?|surcharges?)\b|^\s*(?:it|they)\s+(?:\w+\s+){0,2}?(?:is|are|was|were|be"
    r"|stands?|amounts?|ranges?|comes?|works?|varies|vary|charged|set|levied)\b",
    re.I,
)


# "hit Malaysia with 25% and Kazakhstan with 25%": the rate given to each
_HIT_WITH = re.compile(
    r"\b(?:hit|hits|slapped|struck|targeted|saddled)\b[^.;]{1,60}?\bwith\s+(?:an?\s+)?$", re.I
)


_BESIDE_NAME = re.compile(r"[A-Z][\w.'’-]*(?:\s*\(\s*|,?\s+at\s+)$")


# A share or a change in volume, not a rate of duty.
_SHARE_OR_VOLUME = re.compile(
    r"\b(?:account(?:s|ed|ing)?\s+for|make\s+up|makes\s+up|made\s+up|represent(?:s|ed|ing)?"
    r"|(?:volumes?|quotas?|imports|exports|shipments|sales|prices?|output|production)\s+by)"
    r"\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|some\s+|more\s+than\s+)?$",
    re.I,
)


# "Inflation slowed to 1.6%", "raised their growth forecast to 3.2%": an economic figure's
# move, no rate of duty (unless a measure word stands between the figure and the rate)
# ("inflation, which stood at 1.7%": the figure, in a clause of its own)
_FIGURE_MOVES = re.compile(
    r"\b(?:inflation|gdp|growth|economy|exports|imports|shipments|sales|shares|stocks|output"
    r"|production|prices|unemployment|consumption|index|demand|profits?|revenues?|consents"
    r"|forecasts?|outlook|yields?)\b(?P<gap>(?:,\s+which\s+)?[^,;.%]{0,40}?)\b(?:rose|risen|fell|fallen|slowed"
    r"|grew|grown|jumped|climbed|dropped|declined|increased|decreased|accelerated|eased|gained"
    r"|lost|surged|soared|slumped|expanded|contracted|raised|lowered|reached|hit|stood|edged)"
    r"(?:\s+(?:up|down))?\s+(?:\w+\s+){0,2}?(?:(?:to|by|at)\s+)?(?:about\s+|around\s+|roughly\s+"
    r"|nearly\s+|almost\s+)?$"
    r"|\b(?:inflation|gdp|growth|economy|unemployment)\b[^,;.%]{0,40}?\b(?:rose|fell|slowed"
    r"|grew|jumped|climbed|dropped|declined|increased|accelerated|eased|expanded|contracted)"
    r"\s+(?:\w+\s+){0,2}?$"
    r"|\b(?:raised|lowered|cut|revised|trimmed|upgraded|downgraded)\s+(?:\w+\s+){0,3}?"
    r"(?:forecasts?|outlook|estimates?|projections?|targets?)\s+(?:\w+\s+){0,2}?(?:to|by|at)\s+$",
    re.I,
)


# "…, which fell below 70%": a figure of the noun before the comma
_WHICH_MOVED = re.compile(
    # the noun, with what it is of or on ("a safeguard on hot-rolled coil, which stood at 10%")
    r"(?P<noun>[\w-]+\s+(?:on|of|for|from|against)\s+(?:[\w-]+\s+){0,2}?[\w-]+"
    r"|(?:[\w-]+\s+)?[\w-]+),\s+which\s+(?:had\s+|has\s+|have\s+)?(?:rose|risen"
    r"|fell|fallen|stood|reached|hit|dropped|climbed|slipped|grew|grown|jumped|slumped)"
    r"\s+(?:[\w-]+\s+){0,2}?$",
    re.I,
)
_MEASURE_NOUN = re.compile(
    r"\b(?:tariffs?|dut(?:y|ies)|levy|levies|surtax(?:es)?|tax(?:es)?|safeguards?|measures?"
    r"|surcharges?|margins?)\b",
    re.I,
)
_MEASURE_WORD = re.compile(
    r"\b(?:tariffs?|dut(?:y|ies)|levy|levies|surtax|tax|taxes|rates?)\b", re.I
)


_MINIMUM_BEFORE = re.compile(
    r"\b(?:minimum|floor)(?:\s+(?:additional\s+|extra\s+)?(?:duty|charge|rate))?(?:\s+of)?\s+$"
    r"|\bat least\s+$",
    re.I,
)


# Between two rates of one list: "… for Chinese makers and from ", ", and "
_RATE_CHAIN = re.compile(r"(?:\s+for\s+[^,;:()%]{1,40}?)?,?\s+(?:and|or)\s+(?:from\s+|at\s+)?")


_RATE_PCT = re.compile(r"%|cent|pct|pc\b", re.I)


_LISTED_ON = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)")


_UP_FROM = re.compile(r"\b(?:up|down)\s+from\s+(?:about\s+|around\s+)?$", re.I)


# "25 per cent of the value": an ad valorem rate, not a share of something
_OF_VALUE = re.compile(
    r" of (?:the |their |its )?(?:own )?(?:declared |customs |import |reference |export )?"
    r"(?:value|price)\b"
)


_BEARER = re.compile(
    r"\b(?:producers?|exporters?|manufacturers?|makers?|mills?|firms?|compan(?:y|ies)"
    r"|suppliers?|shippers?|growers?|sellers?|countries|nations|partners)\b"
    r"|\b[Ff]or\s+(?:the\s+)?[A-Z]"
    r"|\b(?:was|were|has been|have been)\s+(?:told|warned|informed|notified)\b"  # "Canada was told"
)


# "… 10% for Malaysia", "21% for Chinese producers": the country named after the rate
_FOR_AFTER = re.compile(r"\s+for\s+(?:the\s+)?[A-Z]")
_PRICE_BEFORE = re.compile(
    r"\b(?:prices?|values?|costs?|benchmarks?|thresholds?)\b(?:\s+(?:[\w-]+\s+){0,6}?)"
    r"(?:at|above|below|over|under|of|to|from|is|was|were|stood|reached|hit|climbed|rose|fell)\s+"
    r"(?:about\s+|around\s+|nearly\s+)?$",
    re.I,
)
_LABEL_LEAD = re.compile(r"\s*(?:[-•*–]\s*)?[A-Z][^:;.%]{1,80}:\s*")
_SPENT_BEFORE = re.compile(
    r"\b(?:spen[dt]s?|spending|saved?|saving|invest(?:ed|s|ing)?|allocat\w+|devot\w+|lost|gained"
    r"|bet|wager\w*)\s+(?:about\s+|around\s+|nearly\s+|some\s+|almost\s+)?$",
    re.I,
)
# "… 30 per cent on upholstered furniture": a rate with the goods it is charged on
# (goods of an origin too: "40% on Chinese electric cars", never "on Friday" or "on Monday's")
_ON_GOODS = re.compile(
    r"\s+on\s+(?!(?:the|a|an|its|their|this|that|top|average|year|month|week|day|quarter|record"
    r"|hold|track|course|time|paper|balance|sales|revenue|turnover)\b)"
    rf"(?:[a-z][\w-]*|(?!(?:{'|'.join(d.capitalize() for d in WEEKDAYS)}|{month_pattern()})\b)"
    r"[A-Z][a-z]+\s+[a-z][\w-]*)"
)


def find_rates(
    sentence: str,
    triggers: list[re.Match[str]],
    quoted: bool,
    low: str | None = None,
    listed: frozenset[int] = frozenset(),
) -> list[tuple[int, int, str]]:
    """Rates of measures: near a trigger, not shares ("8% of cars") or market moves. `listed`:
    the starts of rates a list binds to their countries ("Vietnam 20%, Thailand 19%"), which
    count as led in a sentence that names no measure."""
    if not _RATE_HINT.search(sentence, low):
        return []  # most sentences: the full pattern costs more than this look
    out: list[tuple[int, int, str]] = []
    stepping, stepped = False, 0  # the rates after the first step of a schedule, the last
    for match in RATE.finditer(sentence, low):
        start, end = match.span()
        text = sentence[start:end]  # as written: the match may be on lower-cased text
        tail = sentence[end : end + 5]
        if tail.startswith((" of ", " of\u00a0")) and not _OF_VALUE.match(sentence, end):
            continue
        before = sentence[max(0, start - 25) : start]
        if (
            _MARKET_MOVE.search(before)
            and not before.rstrip().endswith(("up to", "of"))
            and (not re.search(r"\b(?:about|roughly|nearly|almost)\s+$", before) or not triggers)
        ):
            continue  # "fell about 7 per cent": a market move
        moved = _FIGURE_MOVES.search(sentence, max(0, start - 90), start)
        if moved and not _MEASURE_WORD.search(sentence, moved.start(), start):
            continue  # "Inflation slowed to 1.6%": a figure of the economy
        which = (
            _WHICH_MOVED.search(sentence, max(0, start - 80), start)
            if ", which" in sentence
            else None
        )
        if which and not _MEASURE_NOUN.search(which.group("noun")):
            continue  # "utilisation rates, which fell below 70%": a figure of another noun
        if not _RATE_PCT.search(text) and _PRICE_BEFORE.search(sentence, max(0, start - 50), start):
            continue  # "the reference price climbed above RM4,050 per tonne": a price
        if _SHARE_OR_VOLUME.search(sentence, max(0, start - 40), start):
            continue  # "account for about 14 per cent of imports", "cut volumes by 47%"
        if _MINIMUM_BEFORE.search(sentence, max(0, start - 30), start) and not _RATE_PCT.search(
            text
        ):
            # "40%, with a minimum of $7,000 per vehicle", "The decree sets a minimum charge of
            # $7,000 per vehicle": the percentage is the rate
            continue
        if (
            FROM_BEFORE.search(before)
            # (not "range from 11.2% for one producer to 41.5% for …": a range split by its parts)
            and not RANGE_LEAD.search(before)
            and re.search(r"\bto\b", text)
            and _CHANGE_VERB.search(sentence)
        ):
            old, text = re.split(r"\s?\bto\b\s?", text, maxsplit=1)
            if ahead_in_clause(sentence, start, end, 90, 40):
                # "will go up from 19.5% to 38.5% from February 20": the old rate is
                # charged until then
                out.append((start, start + len(old), old))
            start = end - len(text)
        # "to 125% from 84%": the old rate is kept; whether it is still charged, the new
        # rate's state decides (merge)
        if triggers:
            distance = min(min(abs(t.start() - end), abs(start - t.end())) for t in triggers)
            reach = (
                160
                if _FAR_TO.search(before)
                # "The duties, published on Monday, will apply from Tuesday and range from 8.9%
                # to 43.2%": the measure is the subject, the rate its predicate's
                else 200
                if _MEASURE_SUBJECT.match(sentence) and RANGE_LEAD.search(before)
                else 90
            )
            if distance > reach and not (
                out
                and (out[-1][1] >= start - 12 or _RATE_CHAIN.fullmatch(sentence, out[-1][1], start))
            ):
                # (a rate right after one kept, "to 1 percent from 6.5 percent", stays, and so
                # does the next of a list: "… for Chinese makers and from 13.2% to 38.1% for …")
                continue
        elif (
            quoted
            or not (
                _RATE_LEAD.search(before)
                or _BESIDE_NAME.search(before)  # "Vietnam (46%)", "Vietnam, at 46%"
                or _HIT_WITH.search(sentence, max(0, start - 70), start)
                or _FOR_AFTER.match(sentence, end)
                or (out and OLD_RATE_BEFORE.search(sentence, max(0, start - 30), start))
                or RANGE_LEAD.search(sentence[max(0, start - 30) : start])
                or _UP_FROM.search(before)  # "Cars will face the top rate, up from 20% now"
                # "The rates are 12%, 15% and 20% respectively": the list goes on
                or (out and _LISTED_ON.fullmatch(sentence, out[-1][1], start))
                or (_WEAK_RATE_LEAD.search(before) and _RATE_SUBJECT.search(sentence))
                or _RATE_NOUN.match(sentence, end)
                or (_WEAK_RATE_LEAD.search(before) and _BEARER.search(sentence[:start][-90:]))
                or _LABEL_LEAD.fullmatch(before)  # "- Cars and car parts: 25%", a list's line
                or start in listed
                # "he listed 50 per cent on kitchen cabinets" (not "spent 12% on freight")
                or (_ON_GOODS.match(sentence, end) and not _SPENT_BEFORE.search(before))
            )
        ):
            continue
        if out and _THEN_STEP.search(sentence, max(0, start - 50), start):
            continue  # "halved to 75% …, and will then fall to 40%": a later step
        if _PROPERTY_BEFORE.search(sentence, max(0, start - 40), start) or _PROPERTY_AFTER.match(
            sentence, end
        ):
            continue  # "with Fe content below 58 per cent": a property of the goods
        if _LATER_YEAR.match(sentence, end):
            continue  # "reduced to 11.5% in the second year": a later step of a schedule
        if _ZERO.match(text) and not _ZERO_SET.search(sentence, max(0, start - 30), start):
            continue  # "to 0%": no duty, the removal of one (not "a tariff of 0% will apply")
        if OTHER_RATES.search(sentence, max(0, start - 40), start):
            continue  # "China's growth rate slowed to 4.5%": another kind of rate
        if text[:8].casefold() == "between ":  # "between 3% and 21%" is the range "3% to 21%"
            text = re.sub(r"\s+and\s+", " to ", text[8:])
        if out and _later_step(sentence, stepped or out[-1][1], start, end, stepping):
            stepping, stepped = True, end  # "10% from March, rising to 15% in 2027 and 20% …"
            continue
        stepping = False
        out.append((start, end, text))
    return out


_THEN_STEP = re.compile(
    r"\bthen\s+(?:\w+\s+)?(?:fall|falls|drop|drops|decline|declines|rise|rises|climb|climbs"
    r"|go down|go up|be cut|be lowered|be reduced|be raised)\s+(?:gradually\s+)?to\s+"
    r"(?:about\s+|around\s+)?$",
    re.I,
)
# "Fe content below 58 per cent", "of 58 per cent purity", "an alcohol content of 40%"
_PROPERTY_BEFORE = re.compile(
    r"\b(?:content|purity|concentration|moisture|grade|strength|alcohol|ownership|stake)"
    r"\s+(?:of\s+|below\s+|above\s+|under\s+|over\s+|less than\s+|more than\s+|at least\s+"
    r"|exceeding\s+|up to\s+)?$",
    re.I,
)
_PROPERTY_AFTER = re.compile(
    r"\s+(?:purity|content|grade|alcohol|proof|stake|ownership)\b",
    re.I,
)
_LATER_YEAR = re.compile(
    r"\s+(?:in|from|for|during)\s+(?:the\s+|its\s+)?(?:second|third|fourth|fifth|next"
    r"|following)(?:\s+year\b|(?=\s*[,.;]|\s+and\b|\s*$))",
    re.I,
)
# "range from 7.8% for Tesla to 35.3% for SAIC": one range whose ends are firms' rates
_SPLIT_RANGE_GAP = re.compile(r"\s+for\s+(?:the\s+)?[^,;()]{1,50}?\s+to\s+")


_FROM_LEAD = re.compile(r"\b(?:range[sd]?|ranging|varies|vary|varying)\s+from\s+$", re.I)


def joined_ranges(
    text: str, rates: list[tuple[int, int, str]], countries: list[tuple[int, int]]
) -> list[tuple[int, int, str]]:
    """ "range from 7.8% for Tesla to 35.3% for SAIC": the two ends are one rate "7.8% to 35.3%"
    when neither "for" names a country (then each end is that country's: see the parties)."""
    out: list[tuple[int, int, str]] = []
    skip = False
    for index, (start, end, rate) in enumerate(rates):
        if skip:
            skip = False
            continue
        nxt = rates[index + 1] if index + 1 < len(rates) else None
        if (
            nxt is not None
            and _FROM_LEAD.search(text, max(0, start - 30), start)
            and _SPLIT_RANGE_GAP.fullmatch(text, end, nxt[0])
        ):
            close = text.find(",", nxt[1])
            stop = close if close >= 0 else len(text)
            if not any(end <= c_start < stop for c_start, _c_end in countries):
                out.append((start, nxt[1], f"{rate} to {nxt[2]}"))
                skip = True
                continue
        out.append((start, end, rate))
    return out


# A schedule: the first rate starts at a date ("from March", "beginning January 1, 2027"), the
# next ones are steps after it ("rising to 15% in 2027 and 20% in 2028"): only the first counts.
_STARTS_AT = re.compile(
    r"\b(?:from|beginning|starting|effective|as of|on|in)\s+(?:\w+\s+)?(?:\d|jan|feb|mar|apr|may"
    r"|jun|jul|aug|sep|oct|nov|dec)",
    re.I,
)


_STEP_LEAD = re.compile(
    r",?\s*(?:and\s+|then\s+|before\s+)?(?:rising|increasing|climbing|going up|stepping up)"
    r"\s+(?:\w+\s+){0,3}?to\s+(?:about\s+|around\s+|roughly\s+|some\s+)?$",
    re.I,
)


_NEXT_STEP = re.compile(r"(?:\s+(?:in|on|from|by)\s+[\w ,.]{1,24}?)?\s*(?:,|and|,\s*and)\s+$", re.I)


# "rising in steps to 315 euros per tonne by 2028": a step dated by its own year
_BY_YEAR = re.compile(r"\s+(?:by|in)\s+(?:\w+\s+)?(?:19|20)\d\d\b")


def _later_step(sentence: str, last_end: int, start: int, end: int, stepping: bool) -> bool:
    """ "10% beginning January 1, 2027, rising to 15% on January 1, 2028": a later step."""
    between = sentence[last_end:start]
    if stepping:
        return bool(_NEXT_STEP.fullmatch(between))
    lead = _STEP_LEAD.search(between)
    return lead is not None and bool(
        _STARTS_AT.search(between, 0, min(lead.start(), 60)) or _BY_YEAR.match(sentence, end)
    )
