"""Finding mentions of trade measures in a sentence: trigger words, rates near them, and the
anchors (a rate with its trigger, or a trigger alone) that each make one mention."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from briefs.drafting.lexicon import cue, table
from briefs.drafting.tariffs.rate_text import OTHER_RATES, PCT_BEFORE, RATE
from briefs.drafting.text import Folded
from briefs.rates import normalise_rate

TRIGGER = Folded(
    r"\b(?:counter[- ]?tariffs?|counter[- ]?measures?|tariffs?|duty|duties|levy|levies"
    r"|surtax(?:es)?|import tax(?:es)?|(?:import\s+)?surcharges?|safeguards?"
    r"|(?:import|entry)\s+fees?|anti-?dumping measures?"
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
    # "cut it to 10% from 20%" with no start said in the clause: the 20% stays listed only while
    # the new rate is undecided, or decided with a start told (merge)
    until_dated: bool = False
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
            PCT_BEFORE.search(sentence, max(0, match.start() - 16), match.start())
            or (
                _NEW_RATE_OPENS.match(sentence, 0, match.start())
                and _STARTS_AFTER.match(sentence, match.end())
            )
        ) and (not OTHER_RATES.search(sentence))
    if word == "rates":
        # "The higher rates apply from March 1": the measures just named, pointed back to
        return bool(_NEW_RATES.search(sentence, max(0, match.start() - 30), match.start()))
    if word in ("penalty", "penalties"):
        # "a 25% penalty on Indian goods", "a penalty of 25%": a duty; not a fine or a kick
        return bool(
            PCT_BEFORE.search(sentence, max(0, match.start() - 16), match.start())
            or (
                RATE.slow.match(sentence, match.end() + 4)
                and sentence[match.end() : match.end() + 4] == " of "
            )
        )
    if word in ("tax", "taxes") and (
        _TAX_KIND_BEFORE.search(sentence, max(0, match.start() - 16), match.start())
        or PCT_BEFORE.search(sentence, max(0, match.start() - 16), match.start())
        or _TAX_ON_IMPORTS.match(sentence, match.end())
    ):
        return True  # "its export tax on soybeans", "a 20% tax on imports": a duty, a noun
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
        # "The measure covers imports from …": only a measure named before, pointed back to;
        # "countervailing measures of 5%": a remedy's own word
        return bool(
            _POINTED.search(sentence[max(0, match.start() - 12) : match.start()])
            or _REMEDY_BEFORE.search(sentence, max(0, match.start() - 24), match.start())
        )
    if word in ("deposit", "deposits"):
        # "importers pay deposits of 5%", "post cash deposits", "post a 75.8% deposit": a
        # provisional duty's security.
        return bool(
            _DEPOSIT_LEAD.search(sentence[max(0, match.start() - 30) : match.start()])
            or PCT_BEFORE.search(sentence, max(0, match.start() - 16), match.start())
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
            # "a 25% duty to enter the market": a rate right before names the measure
            return (
                not sentence[match.end() :].lstrip().startswith("to ")
                or bool(RATE.slow.match(sentence[match.end() :].lstrip()[3:]))
                or bool(_RATE_RIGHT_BEFORE.search(before))
            )
    return True


_TAX_KIND_BEFORE = re.compile(r"\b(?:export|border|customs|entry|consumption)\s+$", re.I)
_TAX_ON_IMPORTS = re.compile(r"\s+on\s+(?:all\s+)?(?:imports|imported|foreign)\b", re.I)
_REMEDY_BEFORE = re.compile(
    r"\b(?:countervailing|anti-?subsidy|safeguard|retaliatory|punitive|trade[- ]remedy)\s+$", re.I
)
_RATE_RIGHT_BEFORE = re.compile(r"\d\s?(?:%|per\s?cent|percent)\s+(?:[a-z-]+\s+)?$")


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


def range_end_of(mentions: list[Mention], rate: str) -> Mention | None:
    """ "deposits ranging from 15.6% to 62.4%" after "duties of up to 62.4% on pork from the EU":
    the latest rated mention whose rate is an end of this range."""
    norm = normalise_rate(rate) or ""
    ends = norm.split("-") if "-" in norm else []
    return next((m for m in reversed(mentions) if m.rate and normalise_rate(m.rate) in ends), None)


def earlier_measure_on(mentions: list[Mention], mention: Mention) -> Mention | None:
    """The latest earlier mention on the same target, of the same rate when both give one: the
    measure a sentence that names no imposer tells of again."""
    if mention.imposed_on is None:
        return None
    norm = normalise_rate(mention.rate) if mention.rate else None
    on_target = [m for m in mentions if m.imposed_on == mention.imposed_on and m.imposed_by]
    return next(
        (
            m
            for m in reversed(on_target)
            if norm is None or m.rate is None or normalise_rate(m.rate) == norm
        ),
        # "Canadian energy would have faced a lower rate of 10%": another rate of that target's
        # measure
        on_target[-1] if on_target else None,
    )
