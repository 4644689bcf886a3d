"""Trade measures: who imposes them on whom, on what, at which rate, in which state and year.

A sentence holds a measure when it names one ("tariff", "duties", "surtax", "import taxes",
"safeguard") in a trade sense. Each rate near such a word is one mention; a trigger without a
rate is one more. Mentions of the same measure across the story are merged, so "the EV tariff"
joins "a 100% tariff on electric vehicles from China".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache, partial

from briefs.dates import MONTHS, month_number, month_pattern
from briefs.drafting.lexicon import cue, table, words
from briefs.drafting.text import Folded, Sentence, lowered
from briefs.folding import fold
from briefs.gazetteer import LEADERS
from briefs.model import Tariff
from briefs.rates import TENS, UNITS, normalise_rate

_TRIGGER = Folded(
    r"\b(?:counter-?tariffs?|tariffs?|duty|duties|levy|levies|surtax(?:es)?|import tax(?:es)?"
    r"|import surcharges?|safeguards?|anti-?dumping measures?)\b"
)
# A rate in words: "twenty-five", "one hundred", "seven" ("zero" never opens a rate).
_WORD_NUM = (
    rf"(?:(?:{'|'.join(TENS)})(?:[- ](?:{'|'.join(UNITS[1:10])}))?"
    rf"|one hundred|a hundred|hundred|{'|'.join(UNITS[1:])})"
)
_PCT = r"(?:\s?%|\s?(?:per\s?cent|percent|pct)\b)"
_NUM = r"\d{1,3}(?:\.\d{1,2})?"
_RATE = Folded(
    rf"(?<![\w.$])(?:{_NUM}{_PCT}(?:\s?(?:to|-|–)\s?{_NUM}{_PCT})?"
    rf"|{_NUM}\s?(?:to|-|–)\s?{_NUM}{_PCT}"
    rf"|\b{_WORD_NUM}\s(?:per\s?cent|percent)\b)"
)
_RATE_HINT = Folded(r"\d|cent")  # in every rate: "25%", "25 pct", "twenty per cent"
_CHANGE_VERB = re.compile(
    r"\b(?:rais\w*|increas\w*|cut\w*|lower\w*|reduc\w*|doubl\w*|hik\w*|lift\w*|ris\w*|rose"
    r"|boost\w*|slash\w*|trim\w*|tripl\w*|bring\w*|brought)\b",
    re.I,
)
_MARKET_MOVE = re.compile(
    r"\b(?:fell|fall|falls|rose|rise|rises|dropped|drop|down|up|grew|gained|jumped|slumped"
    r"|plunged|climbed|declined|surged|about|roughly|nearly|almost)\s+(?:about\s+|by\s+)?$",
    re.I,
)
_ALL_TARGETS = Folded(
    r"\b(?:imported|foreign|all imports|global|worldwide|(?:most|all|other|many|dozens of"
    r"(?: other)?) (?:trading partners|countries|nations)|from all|every country"
    r"|most foreign)\b"
)
_SUBORDINATE = Folded(r"(?:,\s*|\s)(?:after|because|while|although|whereas|since|when|as)\s[^,;]*")
_CONDITION = Folded(r"\b(?:if|unless|provided)\b[^,;]*")
_PARTS = re.compile(
    r",\s*(?:leaving|keeping|bringing|raising|lifting|pushing|taking)\s|,\s*but\s|;\s|\s—\s|\s–\s|,\s*while\s|,\s*with\s|,\s*and\s(?=\w+\s(?:\w+\s)?(?:will|would"
    r"|could|has|have|had))"
)

_STATUS_CUES: list[tuple[str, Folded]] = [
    (entry["status"], Folded(cue(entry))) for entry in table("cues")["status"]
]
_MEASURES = [(entry["kind"], re.compile(cue(entry), re.I)) for entry in table("cues")["measure"]]
# Longest first: "canola oil" before "canola".
PRODUCTS = sorted(words("products"), key=lambda p: (-len(p), p))
_PRODUCT_RE = Folded(r"\b(?:" + "|".join(re.escape(p) for p in PRODUCTS) + r")\b")
_GENERIC = words("generic_goods")
_DROP_WORDS = words("product_drop_words")
_PRODUCT_STOP = re.compile(
    r",|;|(?<![A-Z])\.\s|\.$| imported | made | produced | shipped | sold | valued | that "
    r"| which | who | from | in | by | if | after | because | as | while "
    r"| since | when | would | will | to | at | under | starting | effective | unless | for "
    r"| until | with | but | over | worth | than | last | this | next | earlier | on "
    r"| (?:remain|remains|stay|stays|is|are|was|were|has|have|had|took|take|takes|could|can"
    r"|may|might|must|should|rose|fell) "
)
_YEAR = re.compile(r"(?<![$\d])(?:19|20)\d\d(?!\s*(?:billion|million|\d))")
# A bare "Mar" is left out: in story text it is seldom the month.
_MONTH_RE = re.compile(
    r"\b(?:in|since|from|on|by|until|through|last|this|early|late|mid-?)\s+"
    rf"({month_pattern(full_only=('march',))})\b\.?(?!\s*\d{{1,2}},?\s*(?:19|20)\d\d)"
    r"(?!,?\s+(?:19|20)\d\d)"
)
_RELATIVE = [
    (Folded(r"\blast year\b|\ba year ago\b|\bprevious year\b"), -1),
    (Folded(r"\bthis year\b|\bthis month\b|\bthis week\b|\btoday\b|\blast week\b"), 0),
    (Folded(r"\bnext year\b"), 1),
    (Folded(r"\btwo years ago\b"), -2),
    (Folded(r"\bthree years ago\b"), -3),
]
_WEEKDAY = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_RELATIVE_WORDS = ("last", "this", "next", "previous", "ago", "today")  # one in each above
_MONTH_PREFIXES = tuple(month[:3].capitalize() for month in MONTHS)  # _MONTH_RE needs one
_DATE_AHEAD = re.compile(rf"(?:{'|'.join(_MONTH_PREFIXES)})[a-z]*\.?\s+\d")
_LAST_MONTH = Folded(r"\blast month\b")
_FUTURE = Folded(r"\b(?:will|would|from|due|set to|plans?|could|next)\b")


@lru_cache(maxsize=512)
def resolve_year(text: str, today: dt.date, *, future: bool | None = None) -> int | None:
    """The year a phrase points to, relative dates resolved against the article's date."""
    match = _YEAR.search(text)
    if match:
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
    if month_match:
        month = month_number(month_match.group(1)) or 0
        if future is None:
            future = found(_FUTURE)
        if future:
            return today.year if month >= today.month else today.year + 1
        return today.year if month <= today.month else today.year - 1
    if _WEEKDAY.search(text):
        return today.year
    return None


@dataclass
class _Mention:
    imposed_by: str | None
    imposed_on: str | None
    products: list[str]
    rate: str | None
    measure: str
    evidence: str
    definite: bool = False
    order: int = 0
    all_targets: bool = False
    additional: bool = False
    by_found: bool = True
    sentence: int = 0
    # (status, year) once asked for: _merge needs them for few mentions, and they cost the most.
    timing: Callable[[], tuple[str | None, int | None]] | None = None
    _timed: tuple[str | None, int | None] | None = None

    def when(self) -> tuple[str | None, int | None]:
        if self._timed is None:
            self._timed = self.timing() if self.timing else (None, None)
        return self._timed


@dataclass
class _Measure:
    imposed_by: str
    imposed_on: str | None
    rate: str | None
    products: list[str] = field(default_factory=list)
    measure: str = "tariff"
    statuses: list[str] = field(default_factory=list)
    year: int | None = None
    evidence: str | None = None
    order: int = 0
    additional: bool = False


def _is_trigger(sentence: str, match: re.Match[str]) -> bool:
    word = match.group(0).casefold()
    after = sentence[match.end() : match.end() + 6]
    if after.startswith(("-free", " free", "-rate quota", " rate quota")):
        return False
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
                _RATE.slow.match(sentence[match.end() :].lstrip()[3:])
            )
    return True


def _rates(
    sentence: str, triggers: list[re.Match[str]], quoted: bool, low: str | None = None
) -> list[tuple[int, int, str]]:
    """Rates of measures: near a trigger, not shares ("8% of cars") or market moves."""
    if not _RATE_HINT.search(sentence, low):
        return []  # most sentences: the full pattern costs more than this look
    out = []
    for match in _RATE.finditer(sentence, low):
        start, end = match.span()
        text = sentence[start:end]  # as written: the match may be on lower-cased text
        tail = sentence[end : end + 5]
        if tail.startswith((" of ", " of\u00a0")):
            continue
        before = sentence[max(0, start - 25) : start]
        if (
            _MARKET_MOVE.search(before)
            and not before.rstrip().endswith(("up to", "of"))
            and (not re.search(r"\b(?:about|roughly|nearly|almost)\s+$", before) or not triggers)
        ):
            continue  # "fell about 7 per cent": a market move
        if re.search(r"\bfrom\s+$", before, re.I):
            if re.search(r"\bto\b", text) and _CHANGE_VERB.search(sentence):
                text = re.split(r"\s?to\s?", text)[-1]
                start = end - len(text)
            elif not re.search(r"\bto\b|-|–", text):
                continue  # "to 125% from 84%": 84% was the old rate; "from 5% to 9%" is a range
        if triggers:
            distance = min(min(abs(t.start() - end), abs(start - t.end())) for t in triggers)
            reach = (
                160 if re.search(r"\b(?:rate|it|them|that|levy|tariffs?)\s+to\s+$", before) else 90
            )
            if distance > reach:
                continue
        elif quoted or not re.search(r"\b(?:at|to|of|by)\s+$", before):
            continue
        out.append((start, end, text))
    return out


def _strip_quotes(sentence: str) -> bool:
    stripped = sentence.lstrip()
    return stripped[:1] in '"“' or stripped.endswith(("”", '"'))


def _clean_product(item: str) -> str | None:
    words = item.split()
    while words and (
        words[0].casefold() in _DROP_WORDS
        or fold(words[0]) in _DEMONYM_WORDS
        or fold(words[0].split("-")[0]) in _DEMONYM_WORDS
    ):
        words = words[1:]
    if not words or len(words) > 4:
        return None
    if any(ch.isdigit() for ch in " ".join(words)) or "$" in item:
        return None
    if words[-1].casefold() in _GENERIC:
        return None
    if fold(words[0]) in _COUNTRY_WORDS:
        return None
    text = " ".join(words).strip(" .,")
    if text.casefold() in ("ev", "evs"):
        return "electric vehicles"
    return text or None


def _products_after(text: str) -> list[str] | None:
    """Products in the 'on X, Y and Z' phrase that follows a measure; None when there is none."""
    match = re.match(r"\s*(?:on|for)\s+(?:imports of\s+|imported\s+)?", text)
    if not match:
        return None
    rest = re.sub(r"\b(?:including|such as|like)\b", ",", text[match.end() :])
    if _DATE_AHEAD.match(rest):
        return None  # "on Dec. 1" is a date, not a product
    stop = _PRODUCT_STOP.search(" " + rest + " ")
    phrase = rest[: max(0, stop.start() - 1)] if stop else rest
    phrase = re.sub(r"\s+and\s+(?:a|an|the)\s*$", "", phrase)
    items = re.split(r",\s*|\s+and\s+|\s+or\s+", phrase[:200])
    out = []
    for item in items:
        cleaned = _clean_product(item.strip())
        if cleaned and cleaned.casefold() not in (p.casefold() for p in out):
            out.append(cleaned)
    return out


def _lexicon_products(text: str) -> list[str]:
    out: list[str] = []
    for match in _PRODUCT_RE.finditer(text[:600]):  # lower-cased when exact; casefolded below
        word = match.group(0).casefold()
        if word in ("ev", "evs", "electric cars", "electric car", "electric vehicle"):
            word = "electric vehicles"
        if word not in out:
            out.append(word)
    return out


def _measure_kind(trigger: str, context: str) -> str:
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


_DEFINITE = re.compile(r"\b(?:the|those|these|that|its|their)\s+(?:[\w-]+\s+){0,2}$", re.I)
_LIFT = re.compile("lift", re.I)
_NEGATED = Folded(r"\b(?:not|no|never|n't|refus\w*|declin\w*|reject\w*)\b[\w\s]{0,20}$")


@lru_cache(maxsize=256)
def _status(part: str, has_rate: bool) -> str | None:
    low = lowered(part)
    text = part if low is None else low
    negated = _NEGATED.slow if low is None else _NEGATED.fast
    for status, pattern in _STATUS_CUES:
        match = next(
            (
                m
                for m in pattern.finditer(part, low)
                if not negated.search(text[max(0, m.start() - 40) : m.start()])
            ),
            None,
        )
        if match is None:
            continue
        if status == "removed" and has_rate and _LIFT.search(match.group(0)):
            continue
        return status
    return None


_DEMONYM_WORDS: frozenset[str] = frozenset()
_COUNTRY_WORDS: frozenset[str] = frozenset()


def _init_words() -> None:
    from briefs.gazetteer import DEMONYMS, NOUNS

    global _DEMONYM_WORDS, _COUNTRY_WORDS
    _DEMONYM_WORDS = frozenset(fold(k) for k in DEMONYMS if " " not in k)
    _COUNTRY_WORDS = frozenset(fold(k) for k in NOUNS if " " not in k) | frozenset(
        {"u.s.", "us", "eu", "uk", "u.k."}
    )


_init_words()


_IMPOSING_AFTER = re.compile(
    r"\s+(?:has\s+|had\s+|have\s+|first\s+|then\s+|later\s+)?(?:imposed|levied|placed|put"
    r"|slapped|introduced|announced|added|set|ordered)\b"
)
_BY = re.compile(r"\b(?:imposed|levied|set|introduced|ordered|announced|placed|put)\s+by\s+")

# Patterns of the mention rules, compiled once: they run for every mention.
_PRONOUN_START = re.compile(r"\s*(?:It|They|Its|Their|He|She|His|Her)\b")
_POINTING = re.compile(r"\b(?:the|those|these|that)\s+(?:[\w-]+\s+){0,2}$", re.I)
_ANAPHORIC = re.compile(r"\b(?:that|the|this) rate\b|\b(?:raise|lower|cut) (?:it|them)\b")
_PLACE_BEFORE = re.compile(r"\b(?:from|in|on|to|into|of)\s+(?:the\s+)?(?:most\s+|all\s+)?$")
_ACTING_AFTER_DEMONYM = re.compile(r"\s+(?:[A-Z]|government|officials|authorities)")
_ON_IMPORTED = re.compile(r"\b(?:on|for)\s+(?:imported|foreign)\b", re.I)
_BREAK_OR_ON = re.compile(r"[,;]|\b(?:on|from|in)\b")
_TARGET_LEAD = re.compile(r"\b(?:on|from|against|at|for|of)\b")
_FROM_ON_BEFORE = re.compile(r"\b(?:from|on)\s+(?:the\s+)?$")
_FROM = re.compile(r"\bfrom\b")
_SHORT_GAP = re.compile(r"\s*(?:[a-z-]+\s+){0,2}")
_GAP_WORD = re.compile(r"\b(?:on|from|in|for|to|of|and|with|by)\b")
_NOT_IMPOSER_BEFORE = re.compile(r"\b(?:from|in|on|to|into|of|with)\s+(?:the\s+)?$")
_FROM_IN_BEFORE = re.compile(r"\b(?:from|in)\s+(?:the\s+)?$")
_LOCATED_BEFORE = re.compile(r"\b(?:in|at|near|to|into)\s+(?:the\s+)?$")
_CLAUSE_END = re.compile(r"[,;]|\b(?:if|unless|because|after|while)\b")
_UP_TO_FOR = re.compile(r".*\b(?:for|to|against)\b")
_ADDITIONAL = re.compile(r"\b(?:additional|extra|another|further)\s+$")
_ADDITIONAL_WORD = re.compile(r"\b(?:additional|extra|another|further)\s+\S*$")


@dataclass
class _Entity:
    start: int  # character offsets in the sentence
    end: int
    country: str
    demonym: bool
    possessive: bool


_GOVERNMENT = re.compile(
    r"Ministry|Department|Commission|Office|Agency|Administration|Council|White House|Customs"
    r"|Government|Parliament|Congress|Authority|Representative|Treasury|Cabinet|Kremlin"
)


def _entities(
    sentence: Sentence,
    spans: list[tuple[int, int, str]],
    affiliations: dict[str, str],
    persons: frozenset[str] = frozenset(),
) -> list[_Entity]:
    """Countries in a sentence, directly or through a person or organisation they stand for."""
    tokens = sentence.tokens
    out: list[_Entity] = []
    covered: list[tuple[int, int]] = []
    for start, end, name in spans:
        if name not in persons and not _GOVERNMENT.search(name):
            covered.append((start, end))
            continue  # a company or union does not impose tariffs
        country = affiliations.get(name) or LEADERS.get(fold(name))
        if country:
            from briefs.gazetteer import country_of

            country = country_of(country) or None
        if country:
            out.append(
                _Entity(
                    tokens[start].start,
                    tokens[end - 1].end,
                    country,
                    False,
                    tokens[end - 1].possessive,
                )
            )
            covered.append((start, end))
    for place in sentence.places:
        if any(s <= place.start < e for s, e in covered):
            continue
        out.append(
            _Entity(
                tokens[place.start].start,
                tokens[place.end - 1].end,
                place.country,
                place.demonym,
                tokens[place.end - 1].possessive,
            )
        )
    out.sort(key=lambda e: e.start)
    return out


def extract_tariffs(
    sentences: list[Sentence],
    spans: dict[int, list[tuple[int, int, str]]],
    affiliations: dict[str, str],
    today: dt.date,
    main_countries: list[str],
    persons: frozenset[str] = frozenset(),
) -> list[Tariff]:
    mentions: list[_Mention] = []
    last_imposer: str | None = None
    last_trigger_sentence = -10
    previous_subject: str | None = None
    for position, sentence in enumerate(sentences):
        text = sentence.text
        if len(text) > 3000:
            text = text[:3000]
        low = lowered(text)
        triggers = [m for m in _TRIGGER.finditer(text, low) if _is_trigger(text, m)]
        rates = (
            _rates(text, triggers, _strip_quotes(text), low)
            if triggers or position - last_trigger_sentence <= 3
            else []
        )
        if not triggers and not rates:
            continue
        entities = _entities(sentence, spans.get(sentence.index, []), affiliations, persons)
        subject = _subject(entities, text)
        if position > 0:
            before = sentences[position - 1]
            previous_subject = (
                _subject(
                    _entities(before, spans.get(before.index, []), affiliations, persons),
                    before.text[:3000],
                )
                or previous_subject
            )
        if triggers:
            last_trigger_sentence = position
        pronoun_subject = _PRONOUN_START.match(text)
        if subject is None and pronoun_subject:
            subject = previous_subject
        anchors = _anchors(text, triggers, rates)
        found_here: list[_Mention] = []
        for index, (a_start, a_end, rate, trigger, inner) in enumerate(anchors):
            next_start = anchors[index + 1][0] if index + 1 < len(anchors) else len(text)
            prev_end = anchors[index - 1][1] if index else 0
            after = text[a_end:next_start]
            before = text[prev_end:a_start]
            part = _part_of(text, a_start)
            conditional = _in_condition(text, a_start)
            mention = _mention(
                text,
                entities,
                a_start,
                a_end,
                after,
                before,
                part,
                rate,
                trigger,
                subject if not pronoun_subject else (subject or previous_subject),
                found_here[-1] if found_here else None,
                conditional,
                bool(mentions),
                text[inner:a_end] if inner >= 0 else "",
            )
            if mention is None:
                continue
            pointing = _POINTING.search(text[max(0, a_start - 30) : a_start])
            if (
                mentions
                and mention.rate is None
                and (
                    (mention.definite and not mention.by_found)
                    or (pointing and not mention.products and not mention.all_targets)
                )
            ):
                # "the duties": the latest rated measure of the same kind, else the latest.
                rated = [m for m in mentions if m.rate is not None] or mentions
                same = [m for m in rated if m.measure == mention.measure]
                ref = same[-1] if same and mention.measure != "tariff" else rated[-1]
                mention.imposed_by = ref.imposed_by
                mention.imposed_on = ref.imposed_on
            if mention.imposed_by is None and mention.imposed_on is None:
                continue
            anaphoric = _ANAPHORIC.search(sentence.text)
            if (
                mention.imposed_on is None
                and not mention.all_targets
                and mention.imposed_by
                and (mention.rate is None or anaphoric)
            ):
                # Later sentences keep the target named just before ("that rate", "the goods").
                for ref in reversed(mentions[-6:]):
                    if (
                        ref.imposed_by == mention.imposed_by
                        and ref.imposed_on
                        and (position - ref.sentence <= 3)
                    ):
                        mention.imposed_on = ref.imposed_on
                        break
            if mention.imposed_on is None and not mention.all_targets and mention.products:
                # A later sentence on the same goods keeps the target named before.
                for ref in reversed(mentions):
                    if (
                        ref.imposed_by == mention.imposed_by
                        and ref.imposed_on
                        and (set(ref.products) & set(mention.products))
                    ):
                        mention.imposed_on = ref.imposed_on
                        break
            if mention.imposed_by is None:
                if mention.rate is None and not mention.definite:
                    continue  # "tariffs had cut its profit": no measure of anyone in particular
                mention.imposed_by = _fallback_imposer(mention, last_imposer, main_countries)
                if mention.imposed_by is None:
                    continue
            if mention.imposed_by == mention.imposed_on:
                if rate is None:
                    continue
                mention.imposed_on = None
            near = text[max(0, a_start - len(before)) : min(len(text), a_end + len(after))]
            mention.timing = partial(
                _status_and_year, text, part, a_start, near, rate, conditional, today
            )
            mention.order = len(mentions)
            mention.sentence = position
            mentions.append(mention)
            found_here.append(mention)
            last_imposer = mention.imposed_by
    return _merge(mentions)


def _subject(entities: list[_Entity], text: str) -> str | None:
    """The first country a sentence names as an actor (not after 'from', 'in' or 'on')."""
    for entity in entities:
        before = text[max(0, entity.start - 12) : entity.start].casefold()
        if _PLACE_BEFORE.search(before):
            continue
        if entity.demonym and not _ACTING_AFTER_DEMONYM.match(text[entity.end : entity.end + 14]):
            continue
        return entity.country
    return None


def _anchors(
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
        if best is not None:
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
            continue
        if any(a[0] <= trig.start() < a[1] + 3 for a in anchors):
            continue
        anchors.append((trig.start(), trig.end(), None, text[trig.start() : trig.end()], -1))
    anchors.sort()
    # Rates sharing one trigger ("tariffs of 25% on steel and 10% on aluminium") keep both.
    return anchors


def _part_of(text: str, position: int) -> str:
    """The clause-like part of a sentence that holds a position (split at 'but', ';', '—')."""
    start = 0
    for match_start, match_end in _spans(_PARTS, text):
        if match_start >= position:
            return text[start:match_start]
        start = match_end
    return text[start:]


def _in_condition(text: str, position: int) -> bool:
    return any(start < position < end for start, end in _condition_spans(text))


@lru_cache(maxsize=64)
def _spans(pattern: re.Pattern[str], text: str) -> tuple[tuple[int, int], ...]:
    # Asked once per mention and per country in a sentence: search the sentence once.
    return tuple(m.span() for m in pattern.finditer(text))


@lru_cache(maxsize=64)
def _condition_spans(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(m.span() for m in _CONDITION.finditer(text))


def _main_clause(part: str, anchor_in_part: int) -> str:
    """The part without 'after …'/'because …' clauses that do not hold the measure."""
    pieces = []
    last = 0
    for match in _SUBORDINATE.finditer(part):
        if match.start() <= anchor_in_part < match.end():
            continue
        pieces.append(part[last : match.start()])
        last = match.end()
    pieces.append(part[last:])
    return " ".join(pieces)


def _mention(
    text: str,
    entities: list[_Entity],
    a_start: int,
    a_end: int,
    after: str,
    before: str,
    part: str,
    rate: str | None,
    trigger: str,
    subject: str | None,
    sibling: _Mention | None,
    conditional: bool,
    has_previous: bool,
    inner: str = "",
) -> _Mention | None:
    """One mention's parties, products and kind; None when it names no one and cannot borrow."""
    if not entities and subject is None and sibling is None and not (has_previous and rate is None):
        return None  # no country to be found: the check below, made early
    window_end = a_end + len(after)
    window_start = a_start - len(before)
    # Target: "on Chinese steel", "from China", "on imports from India".
    imposed_on = None
    target_text = after[:160]
    all_targets = bool(_ALL_TARGETS.search(text[a_start:a_end] + after[:80])) or bool(
        _ON_IMPORTED.search(target_text[:30])
    )
    imposed_by = None
    # "the 100% tariff Canada imposed on …": the imposer named right after the measure.
    for entity in entities:
        if a_end <= entity.start <= a_end + 20 and _IMPOSING_AFTER.match(text[entity.end :]):
            if not _BREAK_OR_ON.search(text[a_end : entity.start]):
                imposed_by = entity.country
            break
    by_match = _BY.search(after[:80])
    if imposed_by is None and by_match:
        for entity in entities:
            if entity.start >= a_end + by_match.end() - 1:
                imposed_by = entity.country
                break
    for entity in entities:
        if a_start < entity.start < min(window_end, a_end + 160) and entity.country != imposed_by:
            if entity.possessive and entity.start > a_end + 60:
                continue
            if _IMPOSING_AFTER.match(text[entity.end :]):
                continue
            lead_in = text[a_start : entity.start]
            if not _TARGET_LEAD.search(lead_in) or ("," in lead_in or ";" in lead_in):
                continue
            imposed_on = entity.country
            break
    if imposed_on is None and not all_targets:
        for entity in entities:
            if window_start <= entity.start < a_start and entity.country != imposed_by:
                ctx = text[max(0, entity.start - 12) : entity.start].casefold()
                if _FROM_ON_BEFORE.search(ctx):
                    imposed_on = entity.country
    if all_targets and imposed_on is not None and not _FROM.search(text[a_start : a_end + 80]):
        imposed_on = None  # "on imported steel" is all; "on foreign steel from China" is China
    # Imposer: "X's tariff", "Chinese tariffs", the nearest actor before it, the subject.
    if imposed_by is None:
        for entity in reversed(entities):
            if entity.end <= a_start and a_start - entity.end <= 40:
                gap = text[entity.end : a_start]
                if (
                    entity.possessive
                    or (
                        _SHORT_GAP.fullmatch(gap)
                        and not _GAP_WORD.search(gap)
                        and (entity.demonym or entity.country != imposed_on)
                    )
                ) and entity.country != imposed_on:
                    imposed_by = entity.country
                break
    if imposed_by is None:
        part_start = text.find(part) if part in text else 0
        for entity in reversed(entities):
            if entity.end > a_start or entity.start < part_start:
                continue
            if entity.demonym or entity.country == imposed_on:
                continue
            ctx = text[max(0, entity.start - 14) : entity.start].casefold()
            if _NOT_IMPOSER_BEFORE.search(ctx):
                continue
            imposed_by = entity.country
            break
    by_found = imposed_by is not None
    if imposed_by is None:
        candidate = subject
        if candidate is None or candidate == imposed_on:
            candidate = None
            for entity in entities:
                if entity.country != imposed_on and not (
                    a_end <= entity.start < a_end + 160 and entity.demonym
                ):
                    ctx = text[max(0, entity.start - 8) : entity.start].casefold()
                    if _FROM_IN_BEFORE.search(ctx):
                        continue
                    candidate = entity.country
                    break
        imposed_by = candidate
    if imposed_on is None and not all_targets:
        # "Canadian canola producers … face Chinese tariffs": the other country in the clause.
        for entity in entities:
            if window_start <= entity.start < window_end and entity.country != imposed_by:
                if _in_condition(text, entity.start) != _in_condition(text, a_start):
                    continue
                ctx = text[max(0, entity.start - 10) : entity.start].casefold()
                if _LOCATED_BEFORE.search(ctx):
                    continue
                imposed_on = entity.country
                break
    if (
        imposed_on is None
        and sibling is not None
        and not all_targets
        and (sibling.imposed_by == imposed_by or imposed_by is None)
    ):
        imposed_on = sibling.imposed_on
    if imposed_by is None and sibling is not None:
        imposed_by = sibling.imposed_by
    definite = bool(_DEFINITE.search(text[max(0, a_start - 30) : a_start]))
    if (
        imposed_by is None
        and imposed_on is None
        and not (has_previous and rate is None and definite)
    ):
        # Dropped by the caller whatever follows: only "the duties" may borrow the parties of an
        # earlier measure. Most mentions end here, so skip the costly products and status.
        return None
    products = _products_after(inner) if inner else None
    if not products:
        products = _products_after(after[:200])
    if products is None:
        clause_after = _CLAUSE_END.split(after[:160])[0]
        products = _lexicon_products(before[-300:] + " " + clause_after)
    # Modifiers right before the measure, and what follows it up to the next one.
    words_before = " ".join(text[max(0, a_start - 50) : a_start].split()[-4:])
    words_before = _UP_TO_FOR.sub("", words_before)
    context = words_before + " " + text[a_start:a_end] + " " + after[:40]
    measure = _measure_kind(trigger, context)
    evidence = text.strip()
    if len(evidence) > 600:
        evidence = evidence[:599] + "…"
    additional = bool(rate) and bool(
        _ADDITIONAL.search(text[max(0, a_start - 14) : a_start])
        or _ADDITIONAL_WORD.search(text[max(0, a_start - 24) : a_start])
    )
    return _Mention(
        imposed_by,
        imposed_on,
        products,
        rate,
        measure,
        evidence,
        definite,
        all_targets=all_targets,
        additional=additional,
        by_found=by_found,
    )


def _status_and_year(
    text: str,
    part: str,
    a_start: int,
    near: str,
    rate: str | None,
    conditional: bool,
    today: dt.date,
) -> tuple[str | None, int | None]:
    """Status from the main clause, year near the mention: only for mentions that are kept."""
    clause = _main_clause(part, a_start - text.find(part) if part in text else 0)
    status = None if conditional else _status(clause, rate is not None)
    future = status in ("announced", "threatened", "proposed")
    year = resolve_year(near, today, future=future)
    if year is None:
        year = resolve_year(text, today, future=future)
    return status, year


def _fallback_imposer(
    mention: _Mention, last_imposer: str | None, main_countries: list[str]
) -> str | None:
    if last_imposer and last_imposer != mention.imposed_on:
        return last_imposer
    others = [c for c in main_countries[:2] if c != mention.imposed_on]
    return others[0] if others else None


def _merge(mentions: list[_Mention]) -> list[Tariff]:
    """One measure per (imposer, target, rate). Rated mentions go first; a rate-less mention then
    joins a measure it shares products with, the measure "the duties" points back to, or other
    rate-less mentions of the same pair. The first explicit status wins: leads state the news."""
    measures: list[_Measure] = []
    attached: dict[int, list[_Mention]] = {}

    def attach(measure: _Measure, mention: _Mention) -> None:
        for product in mention.products:
            if product not in measure.products and len(measure.products) < 8:
                measure.products.append(product)
        attached.setdefault(id(measure), []).append(mention)
        if measure.measure == "tariff" and mention.measure != "tariff":
            measure.measure = mention.measure
        if measure.year is None:
            measure.year = mention.when()[1]
        if mention.order < measure.order:
            measure.order = mention.order
            measure.evidence = mention.evidence

    def new(mention: _Mention) -> _Measure:
        measure = _Measure(
            mention.imposed_by or "",
            mention.imposed_on,
            mention.rate,
            order=mention.order,
            evidence=mention.evidence,
            additional=mention.additional,
        )
        measures.append(measure)
        return measure

    rated = [m for m in mentions if m.rate is not None]
    rateless = [m for m in mentions if m.rate is None]
    for mention in rated:
        norm = normalise_rate(mention.rate)
        target = next(
            (
                m
                for m in measures
                if m.imposed_by == mention.imposed_by
                and normalise_rate(m.rate) == norm
                and m.additional == mention.additional
                and (
                    m.imposed_on == mention.imposed_on
                    or (mention.imposed_on is None and not mention.all_targets)
                )
            ),
            None,
        )
        attach(target or new(mention), mention)
    for mention in rateless:
        pair = [
            m
            for m in measures
            if m.imposed_by == mention.imposed_by and m.imposed_on == mention.imposed_on
        ]
        shared = set(mention.products)
        target = next((m for m in pair if shared & set(m.products)), None)
        if target is None and mention.definite and shared:
            target = next((m for m in measures if shared & set(m.products)), None)
        if target is None and mention.definite and not shared and not mention.all_targets:
            same_by = [m for m in measures if m.imposed_by == mention.imposed_by]
            same_by.sort(key=lambda m: abs(m.order - mention.order))
            target = same_by[0] if same_by else None
        if target is None and mention.imposed_on is None and shared:
            target = next(
                (
                    m
                    for m in measures
                    if m.imposed_by == mention.imposed_by and shared & set(m.products)
                ),
                None,
            )
        if target is None and mention.measure not in ("tariff", "retaliatory tariff"):
            target = next((m for m in pair if m.measure == mention.measure), None)
        if target is None:
            target = next((m for m in pair if m.rate is None), None)
        attach(target or new(mention), mention)
    measures.sort(key=lambda m: m.order)
    out = []
    for measure in measures:
        # The first mention, in story order, with a status of its own.
        ordered = sorted(attached.get(id(measure), []), key=lambda m: m.order)
        status = next((m.when()[0] for m in ordered if m.when()[0]), "in force")
        out.append(
            Tariff(
                imposed_by=measure.imposed_by,
                imposed_on=measure.imposed_on,
                products=tuple(measure.products),
                rate=measure.rate,
                measure=measure.measure,
                status=status,
                year=measure.year,
                evidence=measure.evidence,
            )
        )
    return out
