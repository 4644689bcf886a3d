"""The goods a measure applies to: the 'on X, Y and Z' phrase after it, else known products
named near it."""

from __future__ import annotations

import re

from briefs.dates import MONTHS
from briefs.drafting.lexicon import words
from briefs.drafting.text import Folded
from briefs.folding import fold
from briefs.gazetteer import DEMONYMS, NOUNS

# Longest first: "canola oil" before "canola".
PRODUCTS = sorted(words("products"), key=lambda p: (-len(p), p))
_PRODUCT_RE = Folded(r"\b(?:" + "|".join(re.escape(p) for p in PRODUCTS) + r")\b")
_GENERIC = words("generic_goods")
_DROP_WORDS = words("product_drop_words")
# Who sells, never what: a phrase with one of them names no goods wherever the word stands.
_SELLERS = frozenset(
    (
        "companies",
        "exporters",
        "firms",
        "makers",
        "manufacturers",
        "mills",
        "ones",
        "producers",
        "sellers",
    )
)
_PRODUCT_STOP = re.compile(
    r",|;|(?<![A-Z])\.\s|\.$| imported | made | produced | shipped | sold | valued | that "
    r"| originating | exported "
    r"| imposed | levied | introduced "
    r"| which | who | from | in | by | if | after | because | as | while "
    r"| since | when | would | will | to | at | under | starting | effective | unless | for "
    r"| until | with | but | over | worth | than | last | this | next | earlier | on "
    r"| (?:remain|remains|stay|stays|is|are|was|were|has|have|had|took|take|takes|could|can"
    r"|may|might|must|should|rose|fell|already|now|also|apply|applies|applied|cover|covers|hit"
    r"|hits|face|faces|pay|pays|enter|enters|start|starts|begin|begins|kick|kicks|go|goes|fall"
    r"|falls|rise|rises|drop|drops) "
)
_AMOUNT_FIRST = re.compile(r"^\s*(?:up to|about|around|some|nearly|almost|more than)?\s*[\d,.]+\s+")
# "on Dec. 1" is a date, not a product.
_DATE_AHEAD = re.compile(
    rf"(?:{'|'.join(m[:3].capitalize() for m in MONTHS)})[a-z]*\.?\s+\d"
    r"|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"  # "on Friday"
)
# One-word country names and demonyms, folded: a product phrase never starts with one.
_DEMONYM_WORDS = frozenset(fold(k) for k in DEMONYMS if " " not in k)
_COUNTRY_WORDS = frozenset(fold(k) for k in NOUNS if " " not in k) | frozenset(
    {"u.s.", "us", "eu", "uk", "u.k."}
)


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
    if words[-1].casefold() in _GENERIC or any(word.casefold() in _SELLERS for word in words):
        return None  # "Chinese goods", "exporters depending on the company": no goods named
    if fold(words[0]) in _COUNTRY_WORDS:
        if len(words) == 1:
            return None  # "on China": the target, not goods
        words = words[1:]  # "on EU aircraft parts"
        if words[-1].casefold() in _GENERIC:
            return None
    text = " ".join(words).strip(" .,")
    if text.casefold() in ("ev", "evs"):
        return "electric vehicles"
    return text or None


def products_after(text: str) -> list[str] | None:
    """Products in the 'on X, Y and Z' phrase that follows a measure; None when there is none."""
    match = re.match(r"\s*(?:on|for)\s+(?:imports of\s+|imported\s+)?", text)
    if not match:
        return None
    rest = re.sub(r"\b(?:including|such as|like)\b", ",", text[match.end() :])
    rest = _AMOUNT_FIRST.sub("", rest)  # "on up to 100,000 cars"
    if _DATE_AHEAD.match(rest) or rest.startswith(("top of ", "top of\u00a0")):
        return None  # "on Dec. 1" is a date, "on top of duties …" a sum, not a product
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


def lexicon_products(text: str) -> list[str]:
    out: list[str] = []
    for match in _PRODUCT_RE.finditer(text[:600]):  # lower-cased when exact; casefolded below
        word = match.group(0).casefold()
        if word in ("ev", "evs", "electric cars", "electric car", "electric vehicle"):
            word = "electric vehicles"
        if word not in out:
            out.append(word)
    return out


_CLAUSE_END = re.compile(r"[,;]|\b(?:if|unless|because|after|while)\b")


def mention_products(inner: str, before: str, after: str) -> tuple[list[str], bool]:
    """A mention's goods: 'on steel and aluminum' after the measure (named: True), else known
    products named near it. `inner` is the text between trigger and rate ("tariffs on steel of
    25%"), `before` and `after` the text around the mention up to its neighbours."""
    products = products_after(inner) if inner else None
    if not products:
        products = products_after(after[:200])
    if products is None:
        clause_after = _CLAUSE_END.split(after[:160])[0]
        return lexicon_products(before[-300:] + " " + clause_after), False
    return products, bool(products)
