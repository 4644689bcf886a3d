"""Whether a removal is decided: a date set for it ("will drop its 8% tariff on Sept. 1"),
an agreement of the imposer's own with a date and no deal's give and take ("the ministers agreed
to remove the duty from July 1"), or only a possibility ("could drop it"). Used by
timing.status_and_year: a removal to come with no date set is offered, not decided."""

from __future__ import annotations

import re

from briefs.drafting.text import Folded, lowered

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
_MAY_REMOVE = Folded(
    r"\b(?:could|may|might)\s+(?:\w+\s+){0,2}?(?:remov|scrap|eliminat|lift|drop|abolish|cancel"
    r"|phas|repeal|rescind|waiv)\w*"
)
_DATE_SET = Folded(
    r"\b(?:on|from|by|in|effective|starting|as of|until|before)\s+(?:\d|jan|feb|mar|apr|may|jun"
    r"|jul|aug|sep|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|\bnext (?:week|month|year)\b|\bat the (?:end|start) of\b|\bwithin\b|\btoday\b"
    r"|\btomorrow\b|\bfrom (?:midnight|today)\b|\b(?:19|20)\d\d\b"
    r"|\bon the (?:same|following) day\b|\bthat day\b|\bat midnight\b"
)
_DATED_BEFORE = re.compile(r"(?:\b\w+ed|\bsince)\s+$", re.I)  # "imposed in August": its start


# "agreed to remove": the imposer's own decision, unless it is a deal's give and take
_AGREED_TO_REMOVE = Folded(
    r"\bagree(?:s|d)?\s+to\s+(?:remov|scrap|eliminat|lift|drop|abolish|end|phase\s+out|waive)\w*"
)
_GIVE_AND_TAKE = Folded(
    r"\b(?:deal|agreement|pact|accord|in return|in exchange|exchange for|as part of|under the"
    r"|talks|negotiat\w*|concession\w*|if|once|provided|as long as)\b"
)


def agreed_with_a_date(clause: str) -> bool:
    """ "agreed to remove the duty from July 1" with no deal's words: a removal decided."""
    low = lowered(clause) or clause.casefold()
    agreed = _AGREED_TO_REMOVE.fast.search(low)
    return (
        agreed is not None
        and _DATE_SET.fast.search(low, agreed.end()) is not None
        and not _GIVE_AND_TAKE.fast.search(low)
    )


def removal_undated(clause: str) -> bool:
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


def may_remove(clause: str) -> bool:
    """ "could drop its tariff", "may scrap it": a removal that is only possible."""
    return bool(_MAY_REMOVE.search(clause))
