"""What the text says around a capitalised word that makes it a company: "tech giant Huawei",
"carmakers such as BMW", "Tesla, which …", "Nucor said"."""

from __future__ import annotations

from briefs.drafting.actor_words import (
    COMPANY_NOUNS,
    COMPANY_POSSESSIONS,
    ROLE_HEADS,
    ROLE_WORDS,
    STATEMENT_VERBS,
)
from briefs.drafting.lexicon import words
from briefs.drafting.text import Token

_BODY_NOUNS = words("body_nouns")
_SUPERLATIVES = words("superlatives")
_WHERE = frozenset({"in", "near", "outside", "across", "throughout"})  # "a plant in Puebla, one …"
# Words right after a name that make it a body: "the PAN party", "Zentra shares fell".
_AFTER_BODY = frozenset(
    {"association", "council", "federation", "group", "party", "shares", "stock", "union"}
)


def works_at(tokens: list[Token], start: int) -> bool:
    """ "economists at Harlow Sachs", "an analyst at Zentra": people who work at a body."""
    if start < 2 or tokens[start - 1].lower != "at":
        return False
    word = tokens[start - 2].lower
    return word in ROLE_HEADS or (word.endswith("s") and word[:-1] in ROLE_HEADS)


def listed_after_firms(tokens: list[Token], start: int) -> bool:
    """ "brands including Casa Verdi", "firms like Montorso", "two Japanese makers, Tokai
    Carbon and …": a name listed after a plural word for companies is a company's."""
    return (
        start >= 2
        and tokens[start - 1].lower in ("including", "like", ",", ":")
        and tokens[start - 2].lower in COMPANY_NOUNS
        and tokens[start - 2].lower.endswith("s")
    )


def _before_other_firms(tokens: list[Token], end: int) -> bool:
    """ "Nordkran and most other Chinese suppliers": a name listed before other companies."""
    if end + 2 >= len(tokens) or tokens[end].lower not in ("and", "or"):
        return False
    window = [t.lower for t in tokens[end + 1 : end + 6]]
    if "other" not in window:
        return False
    after = window[window.index("other") + 1 :]
    return any(w in COMPANY_NOUNS for w in after[:2])


def company_cue(tokens: list[Token], start: int, end: int) -> bool:
    """What the text says around one capitalised word that marks it as an organisation."""
    # "suppliers include Germany's Rhenax": the country's possessive is read past
    lead = (
        start - 1 if start > 1 and tokens[start - 1].possessive and tokens[start - 1].cap else start
    )
    before = tokens[lead - 1].lower if lead > 0 else ""
    before2 = tokens[lead - 2].lower if lead > 1 else ""
    after = tokens[end].lower if end < len(tokens) else ""
    after2 = tokens[end + 1].lower if end + 1 < len(tokens) else ""
    word = tokens[start].text
    if before in COMPANY_NOUNS:
        return True  # "tech giant Huawei"
    if before in ("includes", "include", "owns") or (
        before == "by" and before2 in ("run", "represented", "owned", "operated", "led", "made")
    ):
        return True  # "plants run by Thaco", "which owns Omega"
    if listed_after_firms(tokens, lead) or _before_other_firms(tokens, end):
        return True  # "brands including Montorso", "Nordkran and other suppliers"
    if (before in ("as", "including", "like") and before2 in ("such", "including")) or (
        before == "as" and start > 2 and tokens[start - 3].lower in COMPANY_NOUNS
    ):
        return True  # "carmakers such as Volkswagen"
    if before == "of" and before2 in ("shares", "owner", "owners", "parent", "operator"):
        return True  # "shares of Zentra", "PDD Holdings, the owner of Temu"
    if after == "," and after2 in ("which", "whose"):
        return True
    described = after2 in ("a", "an", "the", "one") or (
        end + 1 < len(tokens) and tokens[end + 1].possessive and tokens[end + 1].cap
    )  # "Keidanren, Japan's biggest business lobby,"
    if after == "," and described and appositive_company(tokens, end):
        return True
    if after in STATEMENT_VERBS or (tokens[start].possessive and after in COMPANY_POSSESSIONS):
        return True
    if _no_comment(tokens, end):
        return True  # "Vion declined to comment", "Kolbeck did not respond to a request"
    if after in _AFTER_BODY or works_at(tokens, start):
        return True  # "the Community union", "the PAN party", "Zentra shares fell"
    if after and not tokens[end].cap and after2 in _BODY_NOUNS:
        return True  # "Germany's BDI industry association urged"
    k = end
    # lower-case title words, or a capitalised one that heads a title ("Zentra CEO Elon Rask"),
    # not "Coordinating Economic Minister Airlangga"
    head_first = end < len(tokens) and tokens[end].cap and tokens[end].lower in ROLE_HEADS
    while (
        k < len(tokens)
        and k - end < 4
        and tokens[k].lower in ROLE_WORDS
        and (head_first or not tokens[k].cap)
    ):
        k += 1
    if k > end and k < len(tokens) and tokens[k].cap and tokens[k - 1].lower in ROLE_HEADS:
        return True  # "Unifor national president Lana Payne", "Zentra CEO Elon Rask"
    # Lists: "Toyota, Honda and Nissan", "Cleveland-Cliffs and Nucor".
    if before in ("and", ",") and lead > 1 and tokens[lead - 2].cap:
        return company_cue(tokens, lead - 2, lead - 1)
    if after in ("and", ",") and end + 1 < len(tokens) and tokens[end + 1].cap:
        nxt = end + 1
        stop = nxt + 1
        # "Toyota, Honda and Nissan said"; not "in Kananaskis, Carney said"
        return stop <= len(tokens) and _company_cue_forward(tokens, nxt, after == "and")
    if word.isupper() and 2 <= len(word) <= 6:
        # "the French wine federation FEVS": the acronym a body's description names
        return after in STATEMENT_VERBS or after == "," or before in _AFTER_BODY
    return False


_NO_COMMENT = frozenset({"respond", "reply", "comment", "return"})


def _no_comment(tokens: list[Token], end: int) -> bool:
    """ "declined to comment", "did not respond to …": a body asked for comment."""
    words = [t.lower for t in tokens[end : end + 3]]
    if words[:1] == ["declined"] and words[1:2] == ["to"]:
        return True
    return (
        words[:2] in (["did", "not"], ["has", "not"])
        and words[2:3] != []
        and (words[2] in _NO_COMMENT or words[2] in ("responded", "replied", "commented"))
    )


_GROUP_COUNTS = frozenset({"two", "three", "four", "both", "all", "each"})


def _company_cue_forward(tokens: list[Token], start: int, listed: bool) -> bool:
    end = start + 1
    while end < len(tokens) and tokens[end].cap and end - start < 4:
        end += 1  # "… and Ocean Network Express have together …"
    after = tokens[end].lower if end < len(tokens) else ""
    after2 = tokens[end + 1].lower if end + 1 < len(tokens) else ""
    if listed and (after in STATEMENT_VERBS or after in ("together", "rose", "fell", "shares")):
        return True
    if listed and after in ("have", "has") and after2 in ("together", "jointly"):
        return True
    if listed and after == "," and after2 in _GROUP_COUNTS and appositive_company(tokens, end):
        return True  # "Canfor and West Fraser, two of the largest producers,"
    if after in ("and", ",") and end + 1 < len(tokens) and tokens[end + 1].cap:
        return _company_cue_forward(tokens, end + 1, listed or after == "and")
    return False


def appositive_company(tokens: list[Token], comma: int) -> bool:
    """ "X, a tech giant,", "X, the Spanish pork industry association,", "X, the country's
    largest extruder,": what the apposition calls the name makes it a company or a body."""
    ranked = False
    # "… plant in Puebla, one of the largest car factories": a place, however ranked
    placed = comma >= 2 and tokens[comma - 2].lower in _WHERE
    for token in tokens[comma + 1 : comma + 12]:
        if token.text in ",.;" or token.lower in ROLE_HEADS:
            return ranked and token.text in ",.;"
        if token.lower in COMPANY_NOUNS or token.lower in _BODY_NOUNS:
            return True
        ranked = ranked or (token.lower in _SUPERLATIVES and not placed)
    return ranked
