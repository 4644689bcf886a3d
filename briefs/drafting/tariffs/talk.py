"""Mentions that are talk, not a measure: tariffs discussed, opposed, ruled out or off the
table; a pact's coming cuts; measures no one in particular imposes; a threat a deal replaced.
Read once a mention's parties are known (some need them)."""

from __future__ import annotations

import re

from briefs.drafting.tariffs.mentions import Mention

# A trade pact's liberalisation, not a measure of anyone's: "would remove most duties on goods
# traded between the EU and Mercosur", "will eliminate tariffs on 90% of goods".
_PACT_CUT = re.compile(
    r"\b(?:would|will|to)\s+(?:remove|eliminate|scrap|phase out|abolish|cut)\s+(?:most|all|nearly"
    r" all|almost all|the)?\s*(?:remaining\s+)?(?:duties|tariffs)\b[^.;]{0,80}\b(?:between|among)\b"
    # "the pact will remove duties on 90% of Norwegian exports": the pact's, still to come
    # ("The deal, which must still be ratified, would remove EU duties on palm oil")
    r"|\b(?:pact|agreement|deal|accord|treaty)\b(?:\s+(?:[\w-]+\s+){0,2}?|,[^.;]{0,50}?,\s+)"
    r"(?:would|will)\s+(?:\w+\s+)?(?:remove|eliminate|scrap|phase out|abolish|cut)\s+"
    r"(?:[\w.-]+\s+){0,2}?(?:duties|tariffs)\b"
)
_NO_MEASURE = re.compile(
    r"\b(?:no|free of|zero|low|lower|higher|smaller|bigger|steeper|heavier|little|minimal)\s+"
    r"(?:[\w.]+\s+)?$"
    r"|\bwithout\s+$",
    re.I,
)
_INDEFINITE = re.compile(r"\b(?:a|an)\s+(?:[\w-]+\s+){0,2}$", re.I)  # "a common external tariff"
# "a tariff on", and "a safeguard measure that covers …": a measure told of as real
_ON_WHAT = re.compile(
    r"\s+(?:on|against|of|for)\b|\s+(?:measures?\s+|regimes?\s+)?(?:that|which)\s+(?:also\s+"
    r"|now\s+)?(?:covers?|covered|appl(?:y|ies|ied)|took|takes|hits?|targets?|came|comes"
    r"|charges?|limits?)\b"
)
_RULED_OUT = re.compile(
    r"\b(?:not|never|no plans? to|n't)\s+(?:\w+\s+)?(?:impose|slap|levy|introduce|put|place"
    r"|apply|add|retaliate with|considering|planning|weighing|seeking|preparing)\s+"
    r"(?:[\w-]+\s+){0,4}$"
    r"|\brul(?:ed|es|ing) out\s+(?:[\w-]+\s+){0,3}$",
    re.I,
)
# "It eventually imposed higher duties on 28 US products": a measure, however compared
_IMPOSED_COMPARED = re.compile(
    r"\b(?:impos\w+|set|sets|slapp\w+|levied|levies|introduc\w+|rais\w+|put|puts)\s+"
    r"(?:much\s+|even\s+|far\s+)?(?:higher|steeper|heavier|lower)\s+$",
    re.I,
)
_THE_COMPARED = re.compile(r"\b(?:the|these|those)\s+(?:higher|lower)\s+$", re.I)  # that one
_OFF_TABLE = re.compile(r"\s+(?:\w+\s+){0,2}?(?:(?:is|are|was|were)\s+not\s+on|off)\s+the\s+table")
# Talk of measures, not one: "agreed to work toward lowering tariffs", "despite tariffs"
_TALK_OF = re.compile(
    r"\b(?:work(?:ing)?\s+(?:toward|towards)|aim(?:s|ing)?\s+to|explor\w+|discuss\w*"
    r"|talks?\s+(?:on|about))\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)
_LOOSE_BEFORE = re.compile(r"\b(?:despite|amid|because of|due to|against)\s+$", re.I)
# "a signal against protectionism and unilateral tariffs", "opposed arbitrary tariffs": words
# against tariffs in general, no one's measure
_AGAINST_TALK = re.compile(
    r"\b(?:against|oppos(?:e|ed|es|ing|ition to)|condemn\w*|reject\w*|criticis\w+|criticiz\w+)"
    r"\s+(?:[\w-]+\s+){0,4}$",
    re.I,
)
# A scenario someone models, no one's measure: "a 2019 study found that a 10% tariff would …"
_STUDY_BEFORE = re.compile(
    r"\b(?:stud(?:y|ies)|analys[ie]s|model(?:l?ing)?|simulations?|estimates?|economists"
    r"|researchers|calculations?)\b[^.;]{0,50}?\b(?:found|find|finds|estimated?|estimates"
    r"|showed|shows|suggests?|suggested|calculated?|calculates|predicts?|predicted)\s+(?:that\s+)?"
    r"(?:a|an|any)\s+$",
    re.I,
)
_WOULD_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,4}?(?:would|could|might)\b", re.I)
# A request that someone change a rate, not a measure: "urged the government to lower the top
# rate to 8%", "pressed Washington to scrap its duties"
_URGED = re.compile(
    r"\b(?:urg(?:e|es|ed|ing)|press(?:es|ed|ing)?|lobb(?:y|ies|ied|ying)|call(?:s|ed|ing)?\s+on"
    r"|demand(?:s|ed|ing)?|petition(?:s|ed|ing)?)\s+(?:[\w.-]+\s+){0,3}?to\s+(?:lower|cut"
    r"|reduce|raise|scrap|remove|drop|lift|ease|halve|increase|bring\s+down|waive)\s+"
    r"(?:[\w.-]+\s+){0,5}?to\s+$",  # the level asked for ("lower the 50% tariff" is real)
    re.I,
)
# A threat a deal superseded: dropped, as the gold conventions say.
_HAD_THREATENED = re.compile(r"\bhad\s+(?:\w+\s+)?(?:threatened|warned of)\s+[^,;%]{0,24}$", re.I)
_THREATENED_AFTER = re.compile(
    r"\s+(?:(?:that|which)\s+)?(?:[\w.-]+\s+){1,3}?had\s+(?:\w+\s+)?(?:threatened|warned\s+of)\b",
    re.I,
)
_DEAL_AFTER = re.compile(
    r"[^,;]{0,60}?\b(?:before|until)\b[^.;]{0,60}?\b(?:deal|agreement|accord|truce|pact)\b", re.I
)


# "averting a threatened 30% rate", "to stave off a planned 25% levy": a threat a deal or a
# concession put away, dropped as the gold conventions say
_AVERTED = re.compile(
    r"\b(?:avert\w*|avoid\w*|stav\w+ off|head\w* off|ward\w* off|escap\w+|dodg\w+)\s+"
    r"(?:an?\s+|the\s+)?(?:threatened|planned|proposed|looming|feared)\s+(?:[\w.-]+\s+){0,2}$",
    re.I,
)

# "growers avoided duties by selling at minimum prices": no measure, what was escaped
_AVOIDED_TALK = re.compile(
    r"\b(?:avoid\w*|escap\w+|dodg\w+|evad\w+)\s+(?:paying\s+)?(?:any\s+|the\s+)?$", re.I
)
_AVERT_LEAD = re.compile(
    r"\b(?:avert\w*|avoid\w*|stav\w+ off|head\w* off|ward\w* off|escap\w+|dodg\w+)\s+"
    r"(?:an?\s+|the\s+)?$",
    re.I,
)
_THREAT_WORD = re.compile(r"(?:threatened|planned|proposed|looming)\b", re.I)


def is_talk(text: str, a_start: int, a_end: int, rate: str | None, mention: Mention) -> bool:
    """Whether the mention at text[a_start:a_end] names no measure to list. Marks a past threat
    ("had threatened 25%") for merge, which drops it when another rate replaced it."""
    # (`rate` is the anchor's own: a measure pointed back to may have lent the mention one)
    if _RULED_OUT.search(text, max(0, a_start - 70), a_start) or _OFF_TABLE.match(text, a_end):
        return True  # "would not impose retaliatory duties", "ruled out tariffs"
    if _STUDY_BEFORE.search(text, max(0, a_start - 80), a_start) and _WOULD_AFTER.match(
        text, a_end
    ):
        return True  # "a study found that a 10% tariff would cost consumers …": a scenario
    at = text.find(rate, a_start) if rate else -1
    if (
        at >= 0
        and ("rg" in text or "ress" in text or "obb" in text or "all" in text or "emand" in text)
        and _URGED.search(text, max(0, at - 90), at)
    ):
        return True  # "has long urged the government to lower the top rate to 8%": a request
    if rate is None and (
        _TALK_OF.search(text, max(0, a_start - 40), a_start)
        or (
            (
                _LOOSE_BEFORE.search(text, max(0, a_start - 16), a_start)
                or (
                    _AGAINST_TALK.search(text, max(0, a_start - 50), a_start)
                    and mention.imposed_on is None
                )
                or _AVOIDED_TALK.search(text, max(0, a_start - 30), a_start)
            )
            and not _ON_WHAT.match(text, a_end)
        )
    ):
        return True  # "work toward lowering tariffs", "rose 12% despite tariffs": talk
    if _AVERTED.search(text, max(0, a_start - 60), a_start) or (
        _AVERT_LEAD.search(text, max(0, a_start - 40), a_start)
        and _THREAT_WORD.match(text, a_start)
    ):
        return True  # "a deal … averting a threatened 30% rate"
    if at >= 0 and _THREATENED_AFTER.match(text, at + len(rate or "")):
        mention.had_threatened = True  # "down from the 32% Trump had threatened": merge drops it
    if _HAD_THREATENED.search(text, max(0, a_start - 40), a_start):
        if _DEAL_AFTER.match(text, a_end):
            return True  # "had threatened a 32% rate before the two sides struck a deal"
        mention.had_threatened = rate is not None  # merge: unless no rate replaced it
    if rate is None and _PACT_CUT.search(text):
        return True  # "It would remove most duties on goods traded between …": a pact
    if (
        rate is None
        and not mention.by_found
        and mention.imposed_on is None
        and not mention.products
        and not mention.definite
        and not mention.all_targets
    ):
        return True  # "…, while tariffs remained a concern": no one's measure in particular
    if (
        rate is None
        and _NO_MEASURE.search(text[max(0, a_start - 24) : a_start])
        and not _THE_COMPARED.search(text[max(0, a_start - 24) : a_start])
        and not _IMPOSED_COMPARED.search(text, max(0, a_start - 40), a_start)
    ):
        return True  # "which face no duties", "rivals which pay lower U.S. duties"
    # "a tariff would hurt both": talk of a measure, not one
    return bool(
        rate is None
        and _INDEFINITE.search(text[max(0, a_start - 24) : a_start])
        and not _ON_WHAT.match(text, a_end)
    )
