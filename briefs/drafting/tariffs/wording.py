"""What a clause's wording says of a measure's state, beside the status cues: its own
coordinate clause, a condition it is to come on, a leader's word, a deal's terms, a plan's
"would", a preliminary rate just determined, an end still to come; and the stretch of words
whose time phrase dates a rate. Used by timing.status_and_year."""

from __future__ import annotations

import datetime as dt
import re

from briefs.drafting.tariffs.years import month_behind, resolve_year
from briefs.drafting.text import Folded

PRELIMINARY = Folded(r"\b(?:preliminary|provisional|interim)\b")


# ", and the US lifted its 10% duty": a clause of its own, with a subject of its own
_COORDINATE = re.compile(
    r",\s+(?:and|but|while|whereas)\s+(?=(?:the|a|an|its|their|his|her|together|it|they)\b"
    r"|[A-Z]"
    # ", and plans a further rise to 40%": a clause whose subject is the one before
    r"|(?:will|would|could|may|might|has|have|had|is|are|was|were|plans?|planned|said|says"
    r"|intends?|expects?|wants?|aims?|[a-z]+ed)\s)",
)


def coordinate(part: str, at: int) -> str | None:
    """The coordinate clause of `part` holding position `at`, when the part has several."""
    if not any(word in part for word in (", and ", ", but ", ", while ", ", whereas ")):
        return None  # plain `in` first: most parts have one clause
    start, end = 0, len(part)
    for match in _COORDINATE.finditer(part):
        if match.end() <= at:
            start = match.end()
        elif match.start() >= at:
            end = match.start()
            break
    return part[start:end] if (start, end) != (0, len(part)) else None


# A person's word of a measure he or she will impose, no date set ("said he would impose",
# "will shortly place"): a threat, as the gold conventions read it; a body's statement ("the
# ministry said it would impose") or a dated start is a decision told
HE_SAID_WILL = Folded(
    r"\b(?:said|says|told\s+[\w\s]{1,30}?|warned|added)\s+(?:on\s+)?(?:\w+day\s+)?(?:that\s+)?"
    r"(?:he|she)\s+(?:will|would)"
    r"\s+(?:soon\s+|shortly\s+|also\s+)?(?:impose|put|place|slap|hit|levy|charge|add|raise)\b"
)


# "Mr Trump also said tariffs on chips would come very soon": a person's word that a measure is
# coming, no rate or date decided
_SAID_IT_COMES = Folded(
    r"\b(?:mr|ms|mrs|he|she)\s+(?:\w+\s+){0,2}?(?:said|says|told\s+[\w\s]{1,30}?)\s+(?:that\s+)?"
    r"(?:[\w'’-]+\s+){1,8}?(?:will|would)\s+(?:soon\s+|shortly\s+)?(?:come|arrive|follow"
    r"|be\s+(?:coming|imposed|introduced|announced))\b"
)


def said_he_will(clause: str) -> bool:
    if not any(word in clause for word in (" he ", " she ", "Mr", "Ms", " he", "She ", "He ")):
        return False
    return bool(HE_SAID_WILL.search(clause) or _SAID_IT_COMES.search(clause))


# Where a stretch of words ends: a comma or semicolon, not the one inside "Sept. 1, 2026"
_STRETCH_END = re.compile(r"[;:]\s|,\s(?!(?:19|20)\d\d\b)|\s[—–]\s")


def rate_position(text: str, a_start: int, rate: str | None) -> int:
    at = text.find(rate, a_start) if rate else -1
    return at if at >= 0 else a_start


def stretch(text: str, at: int) -> str:
    """The words between the punctuation on either side of position `at`."""
    start = 0
    for match in _STRETCH_END.finditer(text, 0, at):
        start = match.end()
    end = _STRETCH_END.search(text, at)
    return text[start : end.start() if end else len(text)]


def will_expire(text: str, start: int) -> re.Match[str] | None:
    """ "is set to expire in December" after `start`, else None."""
    if not any(word in text for word in ("xpire", "lapse", "run out", "runs out")):
        return None
    return WILL_EXPIRE.search(text, start)


# A measure that ends later is charged until then (not "expired": a removal)
WILL_EXPIRE = re.compile(
    r"\b(?:(?:set|due|scheduled|expected)\s+to|will|would|is\s+to)\s+(?:expire|lapse|run\s+out)"
    r"|\b(?:expires|lapses|runs\s+out)\b",
    re.I,
)


# A measure to come on a condition ("will raise it to 25% if Beijing retaliates", "If talks fail,
# Washington will …", "would put 25% should talks fail"): warned of, not decided; not "even if"
_CONDITION_AFTER = re.compile(
    r"[^.;]*?(?<!even )(?<!as )\b(?:if(?!\s+any\b)|unless|in case|in the event"
    r"|should\s+(?:[\w.]+\s+){1,3}?(?:fail|refuse|collapse|not)"
    # "should India keep buying": a condition by inversion (not "the US should impose")
    r"|should\s+(?-i:[A-Z])[\w.]*\s+(?!be\b)[a-z]+)\b",
    re.I,
)
_CONDITION_FIRST = re.compile(r"\s*(?:If|Unless|Should|In case|In the event)\b[^.;]*?,", re.I)
_TO_COME = re.compile(r"\b(?:will|would|shall|could)\b", re.I)
_CONDITION_WORDS = (" if ", "If ", "nless", "hould ", "n case", "n the event")


def on_condition(text: str, start: int) -> bool:
    """The measure at `start` is to come only on a condition the sentence sets."""
    if not any(word in text for word in _CONDITION_WORDS):
        return False
    first = _CONDITION_FIRST.match(text)
    if first is not None and first.end() <= start:
        return bool(_TO_COME.search(text, first.end()))
    after = _CONDITION_AFTER.match(text, start)
    return after is not None and bool(_TO_COME.search(text, 0, after.start() + len(after.group(0))))


# A deal's terms told in the present ("the agreement caps US tariffs at 15%"): announced until
# the deal is carried out (the gold's 15% beside the 27.5% still charged in 09_japan_autos); a
# rate charged now says so ("now face", "took effect", "since"), which a stronger cue reads.
DEAL_SETS = Folded(
    r"\b(?:deal|agreement|pact|accord|arrangement|framework)\b[^.;]{0,80}?\b(?:sets|cuts|lowers"
    r"|reduces|caps|halves|brings|slashes|trims|limits|fixes|falls|drops)\b"
    # "The deal will allow British cars into India at a tariff of 10%": its terms, to come
    r"|\b(?:deal|agreement|pact|accord|arrangement|framework)\s+(?:\w+\s+){0,2}?will\s+"
    r"(?:also\s+)?(?!not\b)\w+"
    # "Under the agreement, the US tariff on Japanese cars is 15%" (not "the 2019 agreement")
    r"|^\s*under\s+(?:the|this|that|a)\s+(?:new\s+|trade\s+|tariff\s+){0,2}(?:deal|agreement|pact"
    r"|accord|arrangement|framework)\s*,"
)
_DEAL_WORDS = ("deal", "agreement", "pact", "accord", "arrangement", "framework")


def deal_sets(clause: str) -> bool:
    low = clause.lower()
    return any(word in low for word in _DEAL_WORDS) and bool(DEAL_SETS.search(clause))


# A preliminary rate determined in the news, not yet said to be collected: its deposits are
# still to come (the gold conventions: in force once collected or secured by deposits)
_DETERMINED = Folded(
    r"\b(?:set|sets|announc\w*|issu\w*|determin\w*|calculat\w*|assign\w*|found|finds|publish\w*"
    r"|unveil\w*)\b"
)
_COLLECTED = Folded(
    r"\b(?:collect\w*|paid|paying|pays?|deposits?|took effect|in effect|effective|in force|in place"
    r"|since|already|appl(?:y|ies|ied)|carr(?:y|ies|ied)|fac(?:e|es|ed|ing))\b"
)


def determined_now(clause: str, today: dt.date) -> bool:
    """ "The department on Tuesday set preliminary duties of 20%": no collection yet, and no
    earlier date ("set preliminary duties in March" is being collected)."""
    if not any(word in clause for word in ("relimin", "rovision", "nterim")):
        return False
    if not (PRELIMINARY.slow.search(clause) and _DETERMINED.slow.search(clause)):
        return False
    if _COLLECTED.slow.search(clause) or month_behind(clause, today):
        return False
    year = resolve_year(clause, today, future=False, weekday=False)
    return year is None or year >= today.year


# The nouns of a plan not yet decided, and "would": the measure a plan would bring is proposed
_PLAN_NOUN = re.compile(
    r"\b(?:list|proposal|plan|package|draft|bill|blueprint|options?)s?\b(?:\s+of\s+[\w\s-]{1,30})?$",
    re.I,
)
_WOULD = re.compile(r"\bwould\b", re.I)


def of_a_plan(part: str, relative: re.Match[str]) -> bool:
    """ "a list of countermeasures, which would put duties of 25% on …" (not "which will")."""
    return bool(
        _WOULD.search(relative.group(0))
        and _PLAN_NOUN.search(part, max(0, relative.start() - 50), relative.start())
    )


# A decision told as done, no start said ("Congress approved a 30% duty", "signed an order
# imposing a 10% tariff"): decided, not yet said to be charged; the gold conventions' `announced`
# (a start or a collection told elsewhere wins: the caller marks it weak)
_DECIDED = Folded(
    r"\b(?:approv(?:ed|es)|adopt(?:ed|s)|pass(?:ed|es)|enact(?:ed|s)|ratif(?:ied|ies)"
    r"|endors(?:ed|es)|rubber-stamp(?:ed|s)|agree(?:d|s)\s+(?:on|upon)"
    r"|gave\s+(?:its\s+)?(?:final\s+)?(?:approval|go-ahead"
    r"|green\s+light|assent)"
    r"|sign(?:ed|s)\s+(?:off\s+on\s+)?(?:an?\s+|the\s+)?(?:new\s+)?(?:executive\s+|presidential\s+)?"
    r"(?:order|decree|proclamation|bill|law|regulation|resolution|directive|notification))\b"
)
_NOT_DECIDED = Folded(r"\b(?:not|no|never|yet to|failed to|refus\w*)\s+(?:\w+\s+)?$")


def decided_now(clause: str) -> bool:
    """ "The Senate approved a 12% tariff", "Trump has signed an order imposing 10%"."""
    if not any(
        w in clause
        for w in ("pprov", "dopt", "pass", "nact", "atif", "ndors", "stamp", "gave", "sign", "gree")
    ):
        return False
    return any(
        not _NOT_DECIDED.slow.search(clause, max(0, m.start() - 24), m.start())
        for m in _DECIDED.slow.finditer(clause)
    )


# A plan told as overtaken: "had been due to take effect on Wednesday", "was supposed to start",
# "had planned counter-tariffs": its start or its plan is no state of the day (another mention,
# or the clause's own "but … paused it", says what became of it)
_OVERTAKEN = Folded(
    r"\bhad\s+been\s+(?:due|set|scheduled|slated|expected|poised|meant|supposed)\s+to\b"
    r"|\b(?:was|were)\s+(?:supposed|meant)\s+to\b|\b(?:was|were)\s+to\s+have\b"
    r"|\bhad\s+(?:planned|intended|been\s+planning)\b"
)


def overtaken(clause: str) -> bool:
    return (
        "had " in clause or "suppos" in clause or "meant" in clause or "to have" in clause
    ) and (_OVERTAKEN.search(clause) is not None)


# A headline's infinitive of what is to come: "Japan to impose 95% duty on Chinese electrodes",
# "EU to lift tariffs on US lobster" (a subject of capitalised words, then "to" and the verb)
_HEADLINE_TO = re.compile(
    r"^\s*(?:[A-Z][\w.'’&-]*\s+){1,4}(?:(?:set|poised|due)\s+)?to\s+(?P<verb>impose|slap|levy|raise"
    r"|hike|double|introduce|extend|apply|put|cut|lower|reduce|lift|scrap|drop|remove|end|axe"
    r"|abolish|eliminate|waive)\b"
)
_REMOVING = ("lift", "scrap", "drop", "remove", "end", "axe", "abolish", "eliminate", "waive")


def headline_to(clause: str) -> str | None:
    """ "Japan to impose …": "announced"; "EU to lift …": "removal"; else None."""
    if " to " not in clause:
        return None
    match = _HEADLINE_TO.match(clause)
    if match is None:
        return None
    return "removal" if match.group("verb") in _REMOVING else "announced"
