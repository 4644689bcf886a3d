"""The countries and blocs that act in a story, scored by how they are named."""

from __future__ import annotations

from briefs.drafting.actor_words import PLACE_PREPOSITIONS, ROLE_WORDS
from briefs.drafting.lexicon import words
from briefs.drafting.text import Sentence, Token

COUNTRY_VERBS = words("country_verbs")
TALK_WORDS = words("talk_words")
OFFICIAL_WORDS = words("official_words")
_BEFORE_SPOKEN_FOR = frozenset({"from", "of", "in", ",", "and", "or"})
# Words before a place that open a clause: "…, but Malaysia followed", "while Peru kept …".
CLAUSE_OPENERS = frozenset({",", ";", "but", "while", "and", "as", "when", "after", "that"})
# Lower-case words for who or what speaks for a country: its officials, ministers, bodies.
SPEAKERS = (
    OFFICIAL_WORDS
    | words("lower_org_heads")
    | {"official", "minister", "government", "spokesperson", "spokesman", "spokeswoman"}
    | {"negotiator", "diplomat", "envoy", "ambassador", "embassy", "president", "premier"}
    | {"chief", "commissioner", "secretary", "representative"}
)
MEASURE_WORDS = words("measure_words")
TOPIC_WORDS = frozenset({"on", "over", "about"})
_IMPORT_WORDS = frozenset({"imports", "imported", "shipments"})
SUPPLIER_WORDS = frozenset({"suppliers", "exporters", "producers", "sellers", "sources"})
_SUPPLY = frozenset({"supply", "supplies", "supplied", "ship", "shipped"})


def _is_party(sentence: Sentence, start: int) -> bool:
    """ "talks with Bolivia and Ecuador", "a deal with Uruguay": a party to talks or a deal."""
    tokens = sentence.tokens
    ends = {place.end: place.start for place in sentence.places}
    i = start - 1
    while i >= 0 and (tokens[i].text == "," or tokens[i].lower in ("and", "or") or i + 1 in ends):
        i = ends[i + 1] - 1 if i + 1 in ends else i - 1  # back over the list before it
    if i < 0 or tokens[i].lower not in ("with", "between"):
        return False
    return any(t.lower in TALK_WORDS for t in tokens[max(0, i - 4) : i])


def _speaks_through(sentence: Sentence, place_start: int, place_end: int) -> bool:
    """ "Peru's trade minister told …", "Chilean officials said", "a Peruvian trade official":
    a country acting through its officials or a body of its government, named in lower case
    within three words after the country or its adjective."""
    tokens = sentence.tokens
    if place_end == place_start or not (
        tokens[place_end - 1].possessive or place_end - place_start == 1
    ):
        return False
    for k in range(place_end, min(len(tokens), place_end + 3)):
        word = tokens[k]
        # "the ASEAN Economic Ministers said": title words in capitals right after it speak for
        # it too ("remarks on Taiwan by Prime Minister …" do not)
        titled = word.lower in ROLE_WORDS or word.lower in SPEAKERS
        if (word.cap and not (titled and tokens[k - 1].cap)) or not word.text[0].isalpha():
            return False
        if word.lower in SPEAKERS:
            return True
    return False


def _is_spoken_for(sentence: Sentence, start: int) -> bool:
    """ "officials from Thailand and Malaysia", "negotiators of Japan": a country acting through
    the people who speak for it."""
    tokens = sentence.tokens
    if start < 2 or tokens[start - 1].lower not in _BEFORE_SPOKEN_FOR:
        return False  # most places: neither "from"/"of" nor a list right before them
    ends = {place.end: place.start for place in sentence.places}
    i = start - 1
    while i >= 0 and (tokens[i].text == "," or tokens[i].lower in ("and", "or") or i + 1 in ends):
        i = ends[i + 1] - 1 if i + 1 in ends else i - 1
    return (
        i >= 1 and tokens[i].lower in ("from", "of", "in") and tokens[i - 1].lower in OFFICIAL_WORDS
    )  # "officials in Lima said": the capital for its government


def _opens_clause(sentence: Sentence, start: int) -> bool:
    """The place at `start` opens the sentence or a clause ("…, but Malaysia followed")."""
    return start == 0 or sentence.tokens[start - 1].lower in CLAUSE_OPENERS


def _is_past(word: str) -> bool:
    """ "followed", "lowered": a past tense, which after a clause's first noun is its verb."""
    return len(word) > 4 and word.endswith("ed") and word.isalpha()


def _is_subject(sentence: Sentence, end: int, start: int | None = None) -> bool:
    """The country ending at token `end` (or the list it opens) is followed by a verb: one of
    the list, or any past tense when the country opens the sentence or a clause."""
    tokens = sentence.tokens
    starts = {place.start: place.end for place in sentence.places}
    opens = start is not None and _opens_clause(sentence, start)
    i = end
    if opens and _apposition_opens(tokens, end):
        # "Mexico, the largest exporter of trucks to the U.S., said": over the apposition
        close = next(
            (k for k in range(end + 2, min(len(tokens), end + 16)) if tokens[k].text == ","), None
        )
        if close is not None and close + 1 < len(tokens):
            # "has not faced": an auxiliary says nothing of acting
            return tokens[close + 1].lower in COUNTRY_VERBS - {"has", "have"}
    while i < len(tokens):
        if tokens[i].text == "," or tokens[i].lower in ("and", "or"):
            i += 1
            continue
        if i in starts:
            i = starts[i]
            continue
        if tokens[i].lower in COUNTRY_VERBS or (opens and _is_past(tokens[i].lower)):
            return True
        # "Paraguay, which sent a small team, …": described as an actor
        return tokens[i - 1].text == "," and tokens[i].lower in ("which", "whose") and i - 1 == end
    return False


def _apposition_opens(tokens: list[Token], end: int) -> bool:
    """ ", the largest exporter …,", ", a major supplier,": a description after the name."""
    return (
        end + 1 < len(tokens)
        and tokens[end].text == ","
        and tokens[end + 1].lower in ("the", "a", "an", "one")
    )


def _before_list(sentence: Sentence, start: int) -> int:
    """The token before the list of places that the place at `start` is in ("Kenya, Uganda
    and Rwanda": the one before "Kenya"), -1 when the list opens the sentence."""
    tokens = sentence.tokens
    ends = {place.end: place.start for place in sentence.places}
    i = start - 1
    while i >= 0 and (tokens[i].text == "," or tokens[i].lower in ("and", "or") or i + 1 in ends):
        i = ends[i + 1] - 1 if i + 1 in ends else i - 1
    return i


def _is_listed_member(sentence: Sentence, start: int) -> bool:
    """ "all five members – Kenya, Uganda, …", "members Argentina and Brazil": a bloc's members."""
    tokens = sentence.tokens
    i = _before_list(sentence, start)
    while i >= 0 and tokens[i].text in ("–", "—", ":", "-", "("):
        i -= 1
    return i >= 0 and tokens[i].lower in ("members", "member")


def _after_list(sentence: Sentence, start: int) -> int:
    """The token after the list of places that the place at `start` is in."""
    tokens = sentence.tokens
    starts = {place.start: place.end for place in sentence.places}
    i = starts.get(start, start + 1)
    while i < len(tokens) and (tokens[i].text == "," or tokens[i].lower in ("and", "or")):
        if i + 1 not in starts:
            break
        i = starts[i + 1]
    return i


def _is_listed_supplier(sentence: Sentence, start: int) -> bool:
    """ "The largest suppliers include Bolivia, Ecuador and Uruguay", "with China, Korea and
    Japan the largest suppliers", "China and India supply most of it": exporters a measure
    hits."""
    tokens = sentence.tokens
    after = _after_list(sentence, start)
    if any(t.lower in SUPPLIER_WORDS or t.lower in _SUPPLY for t in tokens[after : after + 4]):
        return True
    i = _before_list(sentence, start)
    if i < 0 or tokens[i].lower not in ("include", "includes", "including", "are", "were"):
        return False
    return any(t.lower in SUPPLIER_WORDS for t in tokens[max(0, i - 5) : i])


def spoken_for_by_the_country(sentences: list[Sentence], home: str | None) -> list[str]:
    """ "…, the country's trade minister said": the country named last before it in the story,
    else the dateline's, speaks through its official."""
    found: list[str] = []
    last = home
    for sentence in sentences:
        tokens = sentence.tokens
        named = {p.end: p.country for p in sentence.places if not p.demonym}
        for i, token in enumerate(tokens):
            if i in named:
                last = named[i]
            if (
                token.possessive
                and token.lower in ("country", "nation")
                and last is not None
                and any(t.lower in SPEAKERS for t in tokens[i + 1 : i + 4] if not t.cap)
            ):
                found.append(last)
        last = named[max(named)] if named else last
    return found


def country_actors(
    sentences: list[Sentence],
    covered: dict[int, list[tuple[int, int, str]]],
    imposers: set[str],
    targets: set[str],
    person_countries: list[str] = (),  # type: ignore[assignment]
    spoken_for: list[str] = (),  # type: ignore[assignment]
    people: frozenset[str] = frozenset(),
) -> dict[str, tuple[float, int]]:
    """Countries and blocs that act: tariff imposers, and those named as actors often enough.

    A name counts fully, a demonym ("Chinese officials") by half; a name after "in" or "from"
    ("exporters in Germany", "cars from China") is a place, not an actor.
    """
    score: dict[str, float] = {}
    first: dict[str, int] = {}
    for sentence in sentences:
        inside = covered.get(sentence.index, [])
        placed = False  # inside "in Germany and Italy": every item is a place
        placed_from = False  # the list is of origins: "from Vietnam and Thailand"
        # "Most of the imports came from Turkey and China" in a story with a measure: origins
        measured = any(
            t.lower in MEASURE_WORDS or (imposers and t.lower in _IMPORT_WORDS)
            for t in sentence.tokens
        )
        for place in sentence.places:
            if any(s <= place.start < e for s, e, _ in inside):
                placed = False
                continue
            prev = sentence.tokens[place.start - 1].lower if place.start else ""
            if prev == "the" and place.start >= 2:
                prev = sentence.tokens[place.start - 2].lower  # "… and the European Union"
            if _is_spoken_for(sentence, place.start):
                weight = 0.0 if place.demonym else 2.0
                placed = False
            elif prev not in PLACE_PREPOSITIONS and (
                _speaks_through(sentence, place.start, place.end)
                or (
                    # "Paraguay's Santiago Peña said": a person of the country named
                    sentence.tokens[place.end - 1].possessive
                    and any(s == place.end and n in people for s, _e, n in inside)
                )
            ):
                weight = 2.0
                placed = False
            elif prev in TOPIC_WORDS and not measured and not place.demonym:
                weight = 0.0  # "remarks on Taiwan", "a row over Greenland": a topic
                placed = False
            elif prev in PLACE_PREPOSITIONS or (placed and prev in ("and", ",", "or")):
                # "a 12% duty on cranes from Chile (and Peru)": the goods a measure hits
                weight = 2.0 if (prev == "from" or placed_from) and measured else 0.0
                placed_from = prev == "from" or (placed_from and prev in ("and", ",", "or"))
                placed = True
            else:
                weight = 0.5 if place.demonym else 1.0
                if not place.demonym and (
                    _is_subject(sentence, place.end, place.start)
                    or _is_party(sentence, place.start)
                    or _is_listed_supplier(sentence, place.start)
                    or _is_listed_member(sentence, place.start)
                ):
                    weight = 2.0  # "Bolivia, Paraguay and Uruguay voted against"
                placed = False
            score[place.country] = score.get(place.country, 0.0) + weight
            first.setdefault(place.country, sentence.index * 1000 + place.start)
    for country in spoken_for:  # "the country's trade minister said"
        score[country] = score.get(country, 0.0) + 2.0
        first.setdefault(country, 10**9)
    for country in person_countries:
        score[country] = score.get(country, 0.0) + 1.0
        # Known only as a person's affiliation ("Mark Carney" → Canada): ranks after named ones.
        first.setdefault(country, 10**9)
    out = {}
    for country, value in score.items():
        if country in imposers or value >= 2 or country in targets:
            out[country] = (value, first[country])
    for country in imposers | targets:  # a measure's parties act in it, however named
        out.setdefault(country, (1.0, 10**9))
    return out
