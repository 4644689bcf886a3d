"""Property check: article-shaped text drafts a brief or raises ArticleError, nothing else.

Plain random text (test_drafting.py) seldom reaches the actor and tariff rules; these articles
have the real shape (date line, byline, dateline, quotes, leaders, rates), so it does.
"""

from __future__ import annotations

import random

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bench.synth import article_text
from briefs.drafting import ArticleError, draft_brief

_PIECES = [
    "Mark Carney",
    "Xi Jinping",
    "Justin Trudeau",
    "Donald Trump",
    "Ursula von der Leyen",
    "Carney",
    "Xi",
    "Canadian Trade Minister Anita Anand",
    "China’s Ministry of Commerce",
    "the European Union",
    "Beijing",
    "U.S.",
    "Chinese",
    "Mexico",
    "a 25% tariff",
    "duties of 100 per cent",
    "anti-dumping duties",
    "the surtax",
    "on canola from Canada",
    "on Chinese steel",
    "said",
    "will impose",
    "suspended",
    "threatened",
    "if talks fail",
    "last year",
    "in October",
    "“",
    "”",
    ",",
    "and",
    "’s",
]


def _mutated(rng: random.Random, text: str) -> str:
    """Insert trade phrases at random places: leaders without their country, stray rates."""
    for _ in range(rng.randint(0, 8)):
        at = rng.randrange(len(text) + 1)
        text = f"{text[:at]} {rng.choice(_PIECES)} {text[at:]}"
    if rng.random() < 0.2:
        text = text[: rng.randrange(60, len(text) + 1)]
    return text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 2**32 - 1))
def test_synthetic_articles_draft_or_raise_article_error(seed: int) -> None:
    rng = random.Random(seed)
    text = _mutated(rng, article_text(rng, seed % 1000))
    try:
        brief = draft_brief(text)
    except ArticleError:
        return
    assert brief.title and brief.summary and brief.date


# --- the fast paths give what the slow ones give ----------------------------------------------

# Letters that re.IGNORECASE treats specially ("İ", "ı", "ſ", the Kelvin sign), among words.
_CASE_TEXT = st.lists(
    st.sampled_from(
        [
            *"sSiIİıſ\u212akK ’'%-–0123456789.,",
            *("tariff", "DUTY", "Levies", "surtax", "per cent", "Percent", "pct", "import TAX"),
            *("lift", "suspend", "will impose", "threat", "twenty", "ß"),
        ]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_CASE_TEXT)
# re.I reads "ſ" as "s" and "ı" as "i"; "İ" is two characters once lower-cased.
@example("new tariffſ and ſurtax of 25 PER CENT")
@example("new tarıff of 25 per cent")
@example("İmport TAX of 10%, duty")
def test_folded_patterns_match_as_re_ignorecase(text: str) -> None:
    from briefs.drafting.tariffs.mentions import RATE, TRIGGER
    from briefs.drafting.tariffs.timing import STATUS_CUES

    for folded in (TRIGGER, RATE, *(pattern for _, pattern in STATUS_CUES)):
        fast = [m.span() for m in folded.finditer(text)]
        assert fast == [m.span() for m in folded.slow.finditer(text)], folded.slow.pattern


_MONTHS = ["January", "February", "June", "September", "December"]


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(_MONTHS),
    st.integers(0, 32),
    st.sampled_from([1899, 1999, 2024, 2100]),
    st.one_of(st.none(), st.tuples(st.integers(0, 25), st.sampled_from(["00", "07", "59"]))),
    st.sampled_from(["", " am", "pm", " PM"]),
    st.sampled_from([" ", "  "]),
)
def test_plain_stamps_read_as_dateutil_reads_them(
    month: str, day: int, year: int, clock: tuple[int, str] | None, half: str, gap: str
) -> None:
    from briefs.dates import DateError, parse_date
    from briefs.drafting.layout import _plain_stamp

    text = f"{month} {day}{gap}{year}" + (f" {clock[0]}:{clock[1]}{half}" if clock else "")
    fast = _plain_stamp(text)
    if fast is None:
        return  # left to dateutil
    try:
        slow = parse_date(text)
    except DateError:
        slow = None
    assert fast == slow
