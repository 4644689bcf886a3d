"""Finding mentions of trade measures in a sentence: trigger words, rates near them, and the
anchors (a rate with its trigger, or a trigger alone) that each make one mention."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from briefs.drafting.lexicon import cue, table, words
from briefs.drafting.tariffs.changes import (
    FROM_BEFORE,
    OLD_RATE_BEFORE,
    RANGE_LEAD,
    ahead_in_clause,
)
from briefs.drafting.text import Folded
from briefs.rates import TENS, UNITS

TRIGGER = Folded(
    r"\b(?:counter[- ]?tariffs?|counter[- ]?measures?|tariffs?|duty|duties|levy|levies"
    r"|surtax(?:es)?|import tax(?:es)?|import surcharges?|safeguards?|anti-?dumping measures?"
    r"|deposits?|(?:dumping|subsidy|subsidi[sz]ation)\s+margins?|cvds?"
    r"|measures?|tax(?:e[sd]|ing)?|charge[sd]?|charging|rates?|penalty|penalties"
    # verbs, which name a measure only with a rate right after them
    r"|impos(?:e|es|ed|ing)|slap(?:s|ped|ping)?|levied|threaten(?:s|ed|ing)?)\b"
)
# "will be taxed at 30%", "would be charged 35%", "will tax Chinese toys at 20%": a verb names
# the measure only with its rate right after it.
_VERB_TRIGGERS = frozenset(
    {
        *("tax", "taxes", "taxed", "taxing", "charge", "charges", "charged", "charging"),
        # "will impose 25% on US whiskey", "slapped 25% on", "would levy 25% on"
        *("impose", "imposes", "imposed", "imposing", "slap", "slaps", "slapped", "slapping"),
        *("threaten", "threatens", "threatened", "threatening"),  # "has threatened 30% on"
        "levied",
    }
)
_TOPIC_AFTER = re.compile(
    r"\s+(?:disputes?|talks|wars?|deals?|negotiations?|rows?|truce|polic(?:y|ies)|fights?"
    r"|battles?|uncertainty|tensions?|deadlines?|agreements?|pacts?|revenues?|income|regimes?"
    r"|standoff|spat|feud|front|issues?|questions?|matters?|negotiators?|envoys?|chiefs?)\b",
    re.I,
)
# "the 46% rate", "the 91.74% preliminary rate"
_PCT_BEFORE = re.compile(
    r"\d(?:\s?%|[\s-](?:per[\s-]?cent|percent))\s+(?:(?:preliminary|provisional|final|new|old"
    r"|current|previous|initial|interim|standard|basic|average|extra|additional)\s+)?$",
    re.I,
)
_OTHER_RATES = re.compile(
    r"\b(?:interest|inflation|unemployment|growth|exchange|mortgage|tax|jobless|savings|policy"
    r"|lending|deposit|birth|death|vacancy|participation|poverty|income tax)\s+rates?\b"
    r"|\brates?\s+of\s+(?:growth|inflation|interest|return)\b",
    re.I,
)
_NEW_RATES = re.compile(
    r"\b(?:the|these|those)\s+(?:new|higher|lower|increased|reduced|revised|final)\s+$", re.I
)
# "The lower rate will apply from Jan. 1", "The new rate takes effect next month": a sentence
# on when the rate just named starts
_NEW_RATE_OPENS = re.compile(
    r"\s*(?:the|its|their)\s+(?:new|higher|lower|increased|reduced|revised|final)\s+$", re.I
)
_STARTS_AFTER = re.compile(
    r"\s+(?:(?:will|would|is to|is due to|is set to|is expected to)\s+)?(?:appl(?:y|ies)"
    r"|takes? effect|start|starts|kicks? in|comes? into (?:force|effect)|begins?)\b",
    re.I,
)
_NOUN_AFTER_RATE = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:tariffs?|duty|duties|levy|levies|surtax|import tax|surcharge)", re.I
)
_VERB_RATE = re.compile(r"\s+(?:(?:at\s+)?(?:a\s+(?:rate\s+of\s+)?)?|(?:[\w.-]+\s+){1,4}?at\s+)$")
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
    rf"{_AMOUNT}(?:\s(?:to|-|–)\s{_AMOUNT})?[\s-](?:{_alternatives('currency_words')})s?\s"
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
_FAR_TO = re.compile(
    r"\b(?:rate|it|them|that|levy|tariffs?|fall|falls|rise|rises|drop|drops|climb|climbs|go|goes"
    r"|cut|raised|lowered|increased|reduced)\s+to\s+$"
)
_ZERO = re.compile(r"0(?:\.0+)?(?:\s?%|[\s-]?(?:per[\s-]?cent|percent|pct|pc))$", re.I)
# "a tariff of 0 percent will apply to up to 30,000 tons": the rate a quota sets
_ZERO_SET = re.compile(r"\b(?:tariffs?|duty|duties|rate)\s+of\s+$", re.I)
_RATE_HINT = Folded(r"\d|cent")  # in every rate: "25%", "25 pct", "twenty per cent"
_CHANGE_VERB = re.compile(
    r"\b(?:rais\w*|increas\w*|cut\w*|lower\w*|reduc\w*|doubl\w*|hik\w*|lift\w*|ris\w*|rose"
    r"|go(?:es)? (?:up|down)|went (?:up|down)|jump\w*|climb\w*|fall\w*|fell|drop\w*"
    r"|boost\w*|slash\w*|trim\w*|tripl\w*|bring\w*|brought)\b",
    re.I,
)
_MARKET_MOVE = re.compile(
    r"\b(?:fell|fall|falls|rose|rise|rises|dropped|drop|down|up|grew|gained|jumped|slumped"
    r"|plunged|climbed|declined|surged|about|roughly|nearly|almost)\s+(?:about\s+|by\s+)?$",
    re.I,
)
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
_MINIMUM_BEFORE = re.compile(
    r"\b(?:minimum|floor)(?:\s+(?:duty|charge|rate))?(?:\s+of)?\s+$|\bat least\s+$", re.I
)
# Between two rates of one list: "… for Chinese makers and from ", ", and "
_RATE_CHAIN = re.compile(r"(?:\s+for\s+[^,;:()%]{1,40}?)?,?\s+(?:and|or)\s+(?:from\s+|at\s+)?")
_RATE_PCT = re.compile(r"%|cent|pct|pc\b", re.I)
_LISTED_ON = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)")
_UP_FROM = re.compile(r"\b(?:up|down)\s+from\s+(?:about\s+|around\s+)?$", re.I)
# "25 per cent of the value": an ad valorem rate, not a share of something
_OF_VALUE = re.compile(r" of (?:the |their |its )?(?:declared |customs |import )?(?:value|price)\b")
_CAPITAL_AFTER = re.compile(r" [A-Z][a-z]")
_CAPITAL_BEFORE = re.compile(r"[a-z]\w* [A-Z][a-z]+ $")
_LEVY_VERB = re.compile(r"\b(?:will|would|to|could|may|might|and|not)\s+$", re.I)
_LEVY_OBJECT = re.compile(
    r"\s+(?:a|an|the|new|extra|additional|higher|duties|tariffs|taxes|import|anti-?dumping"
    r"|countervailing|retaliatory)\b",
    re.I,
)
_POINTED = re.compile(r"\b(?:the|these|those|this|that)\s+(?:new\s+)?$", re.I)
_DEPOSIT_LEAD = re.compile(
    r"\b(?:pay|paying|post|posting|cash|lodge|lodging)\s+(?:cash\s+)?(?:[a-z]+\s+)?$", re.I
)
_RATE_NOUN = re.compile(r"\s+(?:rate|margin)\b")  # "a 10 percent rate applies to …"
_BEARER = re.compile(
    r"\b(?:producers?|exporters?|manufacturers?|makers?|mills?|firms?|compan(?:y|ies)"
    r"|suppliers?|shippers?|growers?|sellers?|countries|nations|partners)\b"
    r"|\b[Ff]or\s+(?:the\s+)?[A-Z]"
    r"|\b(?:was|were|has been|have been)\s+(?:told|warned|informed|notified)\b"  # "Canada was told"
)
# "… 10% for Malaysia", "21% for Chinese producers": the country named after the rate
_FOR_AFTER = re.compile(r"\s+for\s+(?:the\s+)?[A-Z]")
_CONDITION = Folded(r"\b(?:if|unless|provided)\b[^,;]*")
_PARTS = re.compile(
    r",\s*(?:leaving|keeping|bringing|raising|lifting|pushing|taking|extending|citing|sparing"
    r"|prompting|hitting|following)\s|,\s*but\s|,\s*(?:although|though)\s|;\s|\s—\s|\s–\s|,\s*while\s|,\s*with\s|,\s*and\s+that\s"
    # "lowered duties on soybeans and eliminated those on wheat": a second verb, its own state
    r"|\sand\s(?=(?:eliminated|scrapped|removed|lifted|dropped|suspended|abolished|halved"
    r"|doubled|imposed|raised|lowered)\s)"
    r"|,\s*in (?:response|retaliation|reply) to\s|,\s*and\s(?=\w+\s(?:\w+\s)?(?:will|would"
    r"|could|has|have|had))"
)
_MEASURES = [(entry["kind"], re.compile(cue(entry), re.I)) for entry in table("cues")["measure"]]


@dataclass
class Mention:
    imposed_by: str | None
    imposed_on: str | None
    products: list[str]
    rate: str | None
    measure: str
    evidence: str
    definite: bool = False
    order: int = 0
    all_targets: bool = False
    additional: bool | None = False  # None: "the extra 40%", an addition named before
    by_found: bool = True
    sentence: int = 0
    also_on: list[str] = field(default_factory=list)  # more targets of one list, split later
    named_goods: bool = False  # the goods are named with the measure ("its duty on X")
    # "the US had threatened 25%": a threat told as past, which a rate since set replaces (merge)
    had_threatened: bool = False
    # "up to 41.5% on wire from China and Vietnam": the list's ceiling, which a target's own
    # rate named later replaces (merge)
    ceiling: bool = False
    # "to 10% from 20%": the new rate's mention; the old rate is listed only while the new one
    # is still to come (merge decides, on the status of the new rate's measure)
    superseded_by: Mention | None = None
    # (status, year) once asked for: merge needs them for few mentions, and they cost the most.
    timing: Callable[[], tuple[str | None, int | None, bool]] | None = None
    _timed: tuple[str | None, int | None, bool] | None = None

    def when(self) -> tuple[str | None, int | None, bool]:
        """(status, year, whether the status rests on a weak cue only)."""
        if self._timed is None:
            self._timed = self.timing() if self.timing else (None, None, False)
        return self._timed


def is_trigger(sentence: str, match: re.Match[str]) -> bool:
    word = match.group(0).casefold()
    if word == "rate":
        # "the 46% rate announced by Washington": a rate named with its percentage, in a story
        # of trade, not of interest or inflation; "The lower rate will apply from Jan. 1": the
        # measure just named, pointed back to
        return bool(
            _PCT_BEFORE.search(sentence, max(0, match.start() - 16), match.start())
            or (
                _NEW_RATE_OPENS.match(sentence, 0, match.start())
                and _STARTS_AFTER.match(sentence, match.end())
            )
        ) and (not _OTHER_RATES.search(sentence))
    if word == "rates":
        # "The higher rates apply from March 1": the measures just named, pointed back to
        return bool(_NEW_RATES.search(sentence, max(0, match.start() - 30), match.start()))
    if word in ("penalty", "penalties"):
        # "a 25% penalty on Indian goods", "a penalty of 25%": a duty; not a fine or a kick
        return bool(
            _PCT_BEFORE.search(sentence, max(0, match.start() - 16), match.start())
            or (
                RATE.slow.match(sentence, match.end() + 4)
                and sentence[match.end() : match.end() + 4] == " of "
            )
        )
    if word in _VERB_TRIGGERS:
        return _rate_after_verb(sentence, match)
    if word in ("levy", "levies") and _LEVY_VERB.search(
        sentence[max(0, match.start() - 12) : match.start()]
    ):
        return _rate_after_verb(sentence, match)  # "would levy 25% on US whiskey"
    if sentence[match.start()].isupper() and (
        _CAPITAL_AFTER.match(sentence, match.end())
        or _CAPITAL_BEFORE.search(sentence[: match.start()][-30:])
    ):
        return False  # "the Customs Tariff Commission": a body's name
    if word == "levy" and _LEVY_VERB.search(sentence[max(0, match.start() - 12) : match.start()]):
        return False  # "will levy a 12.5 per cent duty": the verb, not a second measure
    if word in ("levy", "levies") and _LEVY_OBJECT.match(sentence, match.end()):
        return False  # "Korea levies a duty of …", "levy duties on": the verb
    if word in ("measure", "measures"):
        # "The measure covers imports from …": only a measure named before, pointed back to.
        return bool(_POINTED.search(sentence[max(0, match.start() - 12) : match.start()]))
    if word in ("deposit", "deposits"):
        # "importers pay deposits of 5%", "post cash deposits", "post a 75.8% deposit": a
        # provisional duty's security.
        return bool(
            _DEPOSIT_LEAD.search(sentence[max(0, match.start() - 30) : match.start()])
            or _PCT_BEFORE.search(sentence, max(0, match.start() - 16), match.start())
        )
    after = sentence[match.end() : match.end() + 6]
    if after.startswith(("-free", " free", "-rate quota", " rate quota")):
        return False
    if _TOPIC_AFTER.match(sentence, match.end()):
        return False  # "tariff disputes", "the tariff war": the topic, not a measure
    before = sentence[max(0, match.start() - 20) : match.start()]
    if word in ("duty", "levy", "safeguard", "safeguards"):
        if re.search(
            r"(?:moral|civic|jury|active|patriotic|fiduciary|sacred|solemn|sense of"
            r"|heavy-?|on|off|to)\s*$",
            before,
            re.I,
        ):
            return False
        if word == "duty" and re.match(r"\s+(?:to\s+\w+|of care)", sentence[match.end() :][:12]):
            return not sentence[match.end() :].lstrip().startswith("to ") or bool(
                RATE.slow.match(sentence[match.end() :].lstrip()[3:])
            )
    return True


def _rate_after_verb(sentence: str, match: re.Match[str]) -> bool:
    """A verb names the measure only with its rate right after it ("will tax toys at 20%")."""
    ahead = sentence[match.end() : match.end() + 60]
    if not any(ch.isdigit() for ch in ahead) and "cent" not in ahead:
        return False  # most "tax" and "charge" words: no rate after them
    rate = RATE.slow.search(sentence, match.end(), match.end() + 60)
    return (
        rate is not None
        and bool(_VERB_RATE.match(sentence[match.end() : rate.start()]))
        and not _NOUN_AFTER_RATE.match(sentence, rate.end())  # "charge a 10% tariff"
    )


def find_rates(
    sentence: str, triggers: list[re.Match[str]], quoted: bool, low: str | None = None
) -> list[tuple[int, int, str]]:
    """Rates of measures: near a trigger, not shares ("8% of cars") or market moves."""
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
        if _SHARE_OR_VOLUME.search(sentence, max(0, start - 40), start):
            continue  # "account for about 14 per cent of imports", "cut volumes by 47%"
        if (
            out
            and _MINIMUM_BEFORE.search(sentence, max(0, start - 30), start)
            and not _RATE_PCT.search(text)
        ):
            continue  # "40%, with a minimum of $7,000 per vehicle": the percentage is the rate
        if FROM_BEFORE.search(before) and not RANGE_LEAD.search(before):
            # (not "range from 11.2% for one producer to 41.5% for …": a range split by its parts)
            if re.search(r"\bto\b", text) and _CHANGE_VERB.search(sentence):
                old, text = re.split(r"\s?\bto\b\s?", text, maxsplit=1)
                if ahead_in_clause(sentence, start, end, 90, 40):
                    # "will go up from 19.5% to 38.5% from February 20": the old rate is
                    # charged until then
                    out.append((start, start + len(old), old))
                start = end - len(text)
            elif (
                triggers
                and not re.search(r"\bto\b|-|–", text)
                and not ahead_in_clause(sentence, start, end, 90, 40)
            ):
                # "to 125% from 84%": 84% was the old rate; "from 5% to 9%" is a range. In a
                # sentence that names no measure the caller decides, by the measure's status.
                continue
        if triggers:
            distance = min(min(abs(t.start() - end), abs(start - t.end())) for t in triggers)
            reach = 160 if _FAR_TO.search(before) else 90
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
            )
        ):
            continue
        if _ZERO.match(text) and not _ZERO_SET.search(sentence, max(0, start - 30), start):
            continue  # "to 0%": no duty, the removal of one (not "a tariff of 0% will apply")
        if _OTHER_RATES.search(sentence, max(0, start - 40), start):
            continue  # "China's growth rate slowed to 4.5%": another kind of rate
        if text[:8].casefold() == "between ":  # "between 3% and 21%" is the range "3% to 21%"
            text = re.sub(r"\s+and\s+", " to ", text[8:])
        if out and _later_step(sentence, stepped or out[-1][1], start, end, stepping):
            stepping, stepped = True, end  # "10% from March, rising to 15% in 2027 and 20% …"
            continue
        stepping = False
        out.append((start, end, text))
    return out


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


def is_quote(sentence: str) -> bool:
    """A sentence of quoted words: opened by a quote mark, or closing one opened before it
    (not 'Kim said carmakers could now "compete on an equal footing."')."""
    stripped = sentence.strip()
    if stripped[:1] in '"“':
        return True
    if not stripped.endswith(("”", '"', '."', ".”")):
        return False
    return "“" not in stripped and stripped.count('"') < 2


def measure_kind(trigger: str, context: str) -> str:
    low = trigger.casefold()
    if "surtax" in low:
        return "surtax"
    if "import tax" in low:
        return "import tax"
    if "safeguard" in low:
        return "safeguard"
    if "counter" in low:
        return "retaliatory tariff"
    for kind, pattern in _MEASURES:
        if pattern.search(context):
            return kind
    return "tariff"


def anchors_of(
    text: str, triggers: list[re.Match[str]], rates: list[tuple[int, int, str]]
) -> list[tuple[int, int, str | None, str, int]]:
    """(start, end, rate, trigger word, end of a trigger before the rate) per mention."""
    anchors: list[tuple[int, int, str | None, str, int]] = []
    used: set[int] = set()
    for r_start, r_end, rate in rates:
        best = None
        for t_index, trig in enumerate(triggers):
            distance = min(abs(trig.start() - r_end), abs(r_start - trig.end()))
            if best is None or distance < best[0]:
                best = (distance, t_index)
        if best is not None and best[1] in used and triggers[best[1]].end() <= r_start:
            # "duties of 11%, and the rate for Chile is 20%": the second rate stands alone.
            anchors.append(
                (
                    r_start,
                    r_end,
                    rate,
                    text[triggers[best[1]].start() : triggers[best[1]].end()],
                    -1,
                )
            )
        elif best is not None:
            used.add(best[1])
            trig = triggers[best[1]]
            anchors.append(
                (
                    min(r_start, trig.start()),
                    max(r_end, trig.end())
                    if trig.start() > r_start and trig.start() - r_end < 25
                    else r_end,
                    rate,
                    text[trig.start() : trig.end()],
                    trig.end() if trig.end() < r_start else -1,
                )
            )
        else:
            anchors.append((r_start, r_end, rate, "tariff", -1))
    for t_index, trig in enumerate(triggers):
        if t_index in used:
            continue
        # "anti-dumping and countervailing duties" and "tariffs and duties" are one mention.
        if anchors and trig.start() - anchors[-1][1] < 6 and anchors[-1][2] is None:
            if not text[anchors[-1][1] : trig.start()].strip():
                # "a safeguard duty on …": one measure named in two words, read past both
                last = anchors[-1]
                anchors[-1] = (last[0], trig.end(), None, text[last[0] : trig.end()], last[4])
            continue
        if any(a[0] <= trig.start() < a[1] + 3 for a in anchors):
            continue
        anchors.append((trig.start(), trig.end(), None, text[trig.start() : trig.end()], -1))
    anchors.sort()
    # Rates sharing one trigger ("tariffs of 25% on steel and 10% on aluminium") keep both.
    return anchors


def part_of(text: str, position: int) -> str:
    """The clause-like part of a sentence that holds a position (split at 'but', ';', '—')."""
    start = 0
    for match_start, match_end in _spans(_PARTS, text):
        if match_start >= position:
            return text[start:match_start]
        start = match_end
    return text[start:]


def in_condition(text: str, position: int) -> bool:
    return any(start < position < end for start, end in _condition_spans(text))


@lru_cache(maxsize=64)
def _spans(pattern: re.Pattern[str], text: str) -> tuple[tuple[int, int], ...]:
    # Asked once per mention and per country in a sentence: search the sentence once.
    return tuple(m.span() for m in pattern.finditer(text))


@lru_cache(maxsize=64)
def _condition_spans(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(m.span() for m in _CONDITION.finditer(text))
