"""Key actors: people with role and affiliation, organisations, and the countries that act.

Rules, not a model: runs of capitalised tokens are read left to right as
[country or organisation] [role words] [name], with organisation names recognised by their
head word ("Council", "Ministry of Commerce") or by what the text says of them ("tech giant
Huawei", "Tesla, which …", "carmakers such as BMW"). Later mentions by surname join the person.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from briefs.dates import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS
from briefs.drafting.lexicon import table, words
from briefs.drafting.text import Place, Sentence, Token
from briefs.folding import fold
from briefs.gazetteer import DEMONYMS, LEADERS, NOUNS
from briefs.model import Actor

ROLE_HEADS = words("role_heads")
# Capitalised words that build a role before a name ("Prime Minister", "Commerce Secretary").
ROLE_WORDS = ROLE_HEADS | words("role_words")
ORG_HEADS = words("org_heads")
GOVERNMENT_HEADS = words("government_heads")
KNOWN_ORGS: dict[str, str] = table("known_orgs")
NAME_PARTICLES = words("name_particles")
CONNECTORS = NAME_PARTICLES | {"of", "the", "for", "and", "&"}
COMPANY_NOUNS = words("company_nouns")
STATEMENT_VERBS = words("statement_verbs")
PLACE_PREPOSITIONS = words("place_prepositions")
MONTHS_DAYS = MONTH_ABBREVIATIONS | frozenset(
    [*MONTHS, *WEEKDAYS, "today", "yesterday", "tomorrow"]
)
# Proper-looking words that are never names: function words, pronouns, common sentence starts.
COMMON = words("common")
NOT_ACTORS = words("not_actors")
REGIONS = words("regions")
PLACE_WORDS = words("place_words")
SKIP_NAMES = words("skip_names")


@dataclass
class _Entry:
    name: str
    kind: str
    role: str | None = None
    affiliation: str | None = None
    mentions: int = 0
    first: int = 10**9
    aliases: set[str] = field(default_factory=set)


class _Registry:
    """Actors found so far, keyed by folded name, with mention counts and first position."""

    def __init__(self, not_actors: set[str]) -> None:
        self.entries: dict[str, _Entry] = {}
        self.not_actors = {fold(n) for n in not_actors}

    def add(
        self,
        name: str,
        kind: str,
        pos: int,
        role: str | None = None,
        affiliation: str | None = None,
    ) -> _Entry | None:
        name = name.strip(" ,.;:-")
        key = fold(name)
        if not key or key in self.not_actors or key in NOT_ACTORS or len(name) > 80:
            return None
        entry = self.entries.get(key)
        if entry is None:
            entry = self.entries[key] = _Entry(name, kind)
        entry.mentions += 1
        entry.first = min(entry.first, pos)
        if role and not entry.role:
            entry.role = role
        if affiliation and not entry.affiliation and fold(affiliation) != key:
            entry.affiliation = affiliation
        return entry

    def person_by_part(self, word: str) -> _Entry | None:
        """The one person whose first or last name is `word` ("Carney", "Xi")."""
        key = fold(word)
        found = [
            e
            for e in self.entries.values()
            if e.kind == "person" and key in (fold(e.name.split()[0]), fold(e.name.split()[-1]))
        ]
        return found[0] if len(found) == 1 else None


def _is_nameish(token: Token) -> bool:
    low = token.lower
    return (
        token.cap
        and token.text[0].isalpha()
        and low not in MONTHS_DAYS
        and low not in ROLE_WORDS
        and low not in ORG_HEADS
        and low not in NOUNS
        and low not in DEMONYMS
    )


def _runs(sentence: Sentence) -> list[tuple[int, int]]:
    """Maximal runs of capitalised tokens, joined by lower-case connectors between capitals."""
    tokens = sentence.tokens
    runs = []
    i = 0
    count = len(tokens)
    while i < count:
        if not (tokens[i].cap and tokens[i].text[0].isalpha()):
            i += 1
            continue
        j = i + 1
        while j < count and not tokens[j - 1].possessive:
            token = tokens[j]
            if token.cap and token.text[0].isalpha():
                j += 1
                continue
            if token.lower not in CONNECTORS or token.possessive:
                break
            k = j + 1
            if k < count and tokens[k].lower in CONNECTORS and token.lower != "and":
                k += 1  # "of the", "von der", "de la"
            if k < count and tokens[k].cap and tokens[k].text[0].isalpha():
                j = k + 1
            else:
                break
        runs.append((i, j))
        i = j
    return runs


@dataclass
class _Span:
    kind: str  # org, person, role, place, single, region
    start: int
    end: int
    text: str
    country: str | None = None


def _text(tokens: list[Token], start: int, end: int, sentence: str) -> str:
    return sentence[tokens[start].start : tokens[end - 1].start + len(tokens[end - 1].text)]


def _parse_run(sentence: Sentence, start: int, end: int, places: dict[int, Place]) -> list[_Span]:
    """Read one run as a sequence of places, organisations, role words and names."""
    tokens = sentence.tokens
    spans: list[_Span] = []
    i = start
    if i == 0 or tokens[i - 1].text in "\"“‘'(":
        while i < end and tokens[i].lower in COMMON and tokens[i].lower not in ROLE_WORDS:
            i += 1  # sentence-initial common word: "The", "Shares", "Analysts"
    while i < end:
        token = tokens[i]
        low = token.lower
        # An organisation: the next head word, reached over name-like words only.
        head = None
        for j in range(i, end):
            word = tokens[j].lower
            if (
                word in ORG_HEADS
                and tokens[j].cap
                and (j > i or (j + 1 < end and tokens[j + 1].lower in ("of", "for")))
            ):
                head = j
                break
            if word in ROLE_HEADS or (j > i and tokens[j - 1].possessive):
                break
            if j in places and j > i:
                break
            if word == "and" and (j + 1 >= end or tokens[j + 1].lower == "the"):
                break
            if word in CONNECTORS and word not in NAME_PARTICLES and word != "and" and j == i:
                break
        place = places.get(i)
        if place is not None and not place.demonym and (head is None or head < place.end):
            head = None  # "European Union": a bloc, though "Union" heads organisations
        if head is not None:
            stop = head + 1
            # "Council of Canada", "Chamber of Commerce and Industry", "Commission of the State
            # Council", "Grain Producers Australia": what follows the head belongs to the name.
            while stop < end and not tokens[stop - 1].possessive:
                word = tokens[stop].lower
                if word in CONNECTORS:
                    nxt = stop + 1
                    while nxt < end and tokens[nxt].lower in CONNECTORS:
                        nxt += 1
                    if nxt < end and tokens[nxt].lower not in ROLE_HEADS:
                        stop = nxt + 1
                        while (
                            stop < end
                            and tokens[stop].cap
                            and tokens[stop].lower not in (ROLE_HEADS)
                            and not tokens[stop - 1].possessive
                        ):
                            stop += 1
                        continue
                    break
                if (
                    tokens[stop].cap
                    and word not in ROLE_WORDS
                    and (word in ORG_HEADS or (stop in places and not places[stop].demonym))
                ):
                    stop = places[stop].end if stop in places else stop + 1
                    continue
                break
            org_start = i
            place = places.get(org_start)
            if (
                place is not None
                and tokens[head].lower in GOVERNMENT_HEADS
                and head - place.end >= 1
            ):
                spans.append(_Span("place", i, place.end, "", place.country))
                org_start = place.end
            spans.append(
                _Span("org", org_start, stop, _text(tokens, org_start, stop, sentence.text))
            )
            i = stop
            continue
        place = places.get(i)
        if place is not None:
            spans.append(_Span("place", i, place.end, "", place.country))
            i = place.end
            continue
        if low in ROLE_WORDS:
            j = i
            while j < end and (
                tokens[j].lower in ROLE_WORDS
                or (tokens[j].lower == "and" and j + 1 < end and tokens[j + 1].lower in ROLE_WORDS)
            ):
                j += 1
            spans.append(_Span("role", i, j, _text(tokens, i, j, sentence.text)))
            i = j
            continue
        if low in REGIONS:
            j = i + 1
            while j < end and tokens[j].lower in REGIONS:
                j += 1
            spans.append(_Span("region", i, j, _text(tokens, i, j, sentence.text)))
            i = j
            continue
        if _is_nameish(token) and low not in NOT_ACTORS:
            j = i + 1
            while j < end and j - i < 5 and not tokens[j - 1].possessive:
                word = tokens[j]
                if _is_nameish(word) and word.lower not in REGIONS:
                    j += 1
                elif word.lower in NAME_PARTICLES:
                    k = j + 1
                    while k < end and tokens[k].lower in NAME_PARTICLES:
                        k += 1
                    if k < end and _is_nameish(tokens[k]):
                        j = k + 1
                    else:
                        break
                else:
                    break
            kind = "person" if j - i >= 2 else "single"
            spans.append(_Span(kind, i, j, _text(tokens, i, j, sentence.text)))
            i = j
            continue
        i += 1
    return spans


def _role_text(text: str) -> str:
    words = text.split()
    # "Prime Minister" stays; "former President" keeps its lower-case qualifier.
    return " ".join(words)


def _after_name(sentence: Sentence, end: int) -> tuple[str | None, str | None, int | None]:
    """Role and affiliation from an apposition: 'X, Canada's trade minister,' / 'X, head of Y'."""
    tokens = sentence.tokens
    if end >= len(tokens) or tokens[end].text != ",":
        return None, None, None
    i = end + 1
    limit = min(len(tokens), i + 14)
    while i < limit and tokens[i].lower in ("a", "an", "the", "its", "his", "her"):
        i += 1
    affiliation = None
    if i < limit and tokens[i].possessive:
        affiliation = NOUNS.get(tokens[i].lower) or tokens[i].text
        i += 1
    role_start = i
    head = None
    j = i
    while j < limit and tokens[j].text not in ',.;:()"“”':
        word = tokens[j].lower
        if word in ("who", "which", "said", "says", "and", "in", "near", "from"):
            break
        if word in ("of", "at", "for", "with") and head is not None:
            break
        if word in ROLE_HEADS:
            head = j
            if j + 1 < limit and tokens[j + 1].lower == "responsible":
                break
        j += 1
    if head is None:
        return None, affiliation, None
    stop = head + 1
    if stop < limit and tokens[stop].lower == "responsible":
        while stop < limit and tokens[stop].text not in ",.;:":
            stop += 1
    role = _text(tokens, role_start, stop, sentence.text)
    org_at = None
    if stop < limit and tokens[stop].lower in ("of", "at", "for", "with"):
        k = stop + 1
        while k < limit and tokens[k].lower == "the":
            k += 1
        if k < limit and tokens[k].cap:
            org_at = k
    return role, affiliation, org_at


def extract_actors(
    sentences: list[Sentence], not_actors: set[str]
) -> tuple[list[Actor], dict[int, list[tuple[int, int, str]]], dict[str, str]]:
    """Actors in order of importance, their token spans per sentence, and person → country.

    The spans let the tariff rules map "Trump" or "the Commerce Department" to a country.
    """
    registry = _Registry(not_actors)
    spans_by_sentence: dict[int, list[tuple[int, int, str]]] = {}
    pending_singles: list[tuple[int, _Span, Sentence]] = []
    last_org: _Entry | None = None
    lowercase_words = {t.lower for s in sentences for t in s.tokens if not t.cap}

    for sentence in sentences:
        tokens = sentence.tokens
        places = {p.start: p for p in sentence.places}
        base = sentence.index * 1000
        found: list[tuple[int, int, str]] = []
        for run_start, run_end in _runs(sentence):
            if run_start == 0 and tokens[0].lower in lowercase_words and run_end - run_start > 1:
                # "Canola prices …": a sentence-initial word used in lower case elsewhere.
                run_start += 1
            spans = _parse_run(sentence, run_start, run_end, places)
            modifier: str | None = None
            role: _Span | None = None
            for index, span in enumerate(spans):
                if span.kind == "place":
                    modifier = span.country
                    continue
                if span.kind == "region":
                    modifier = span.text
                    continue
                if span.kind == "role":
                    role = span
                    continue
                if span.kind == "org":
                    name = KNOWN_ORGS.get(fold(span.text), span.text)
                    last_word = fold(name.split()[-1])
                    if last_word in SKIP_NAMES or fold(name).startswith("group of"):
                        continue
                    entry = registry.add(
                        name, "organization", base + span.start, affiliation=modifier
                    )
                    if entry:
                        found.append((span.start, span.end, entry.name))
                        last_org = entry
                    modifier = entry.name if entry else modifier
                    continue
                if span.kind == "person":
                    name_tokens = tokens[span.start : span.end]
                    last = name_tokens[-1].lower
                    if (
                        last in SKIP_NAMES
                        or last in PLACE_WORDS
                        or name_tokens[0].lower in (PLACE_WORDS)
                    ):
                        continue
                    if fold(span.text) in registry.not_actors:
                        continue
                    if fold(span.text) in KNOWN_ORGS or (
                        span.end + 1 < len(tokens)
                        and tokens[span.end].text == ","
                        and tokens[span.end + 1].lower in ("a", "an", "one")
                        and _appositive_company(tokens, span.end)
                    ):
                        name = KNOWN_ORGS.get(fold(span.text), span.text)
                        entry = registry.add(name, "organization", base + span.start)
                        if entry:
                            found.append((span.start, span.end, entry.name))
                            last_org = entry
                        continue
                    nxt = spans[index + 1] if index + 1 < len(spans) else None
                    if (
                        role is None
                        and nxt is not None
                        and nxt.kind == "place"
                        and (
                            nxt.start == span.end
                            and not places[nxt.start].demonym
                            and not tokens[span.end - 1].possessive
                        )
                    ):
                        # "Farm Credit Canada": a name that ends in a country is an organisation.
                        name = _text(tokens, span.start, nxt.end, sentence.text)
                        entry = registry.add(name, "organization", base + span.start)
                        if entry:
                            found.append((span.start, nxt.end, entry.name))
                        continue
                    prev = tokens[span.start - 1].lower if span.start else ""
                    if role is None and prev in PLACE_PREPOSITIONS:
                        continue  # "in Tamil Nadu", "near Port Talbot"
                    role_text = _role_text(role.text) if role else None
                    affiliation = modifier
                    if role is None:
                        after_role, after_aff, org_at = _after_name(sentence, span.end)
                        role_text = after_role
                        affiliation = after_aff or affiliation
                        if org_at is not None:
                            org_name = _org_at(sentence, org_at, places)
                            if org_name:
                                org_entry = registry.add(org_name, "organization", base + org_at)
                                affiliation = org_name if not after_aff else affiliation
                                if org_entry:
                                    found.append((org_at, org_at + 1, org_entry.name))
                    if (
                        role is not None
                        and index > 0
                        and spans[0].kind == "role"
                        and (span.start == spans[0].end)
                        and tokens[0].lower in ("its", "their")
                        and last_org is not None
                    ):
                        affiliation = affiliation or last_org.name
                    if (
                        role is None
                        and role_text is None
                        and run_start <= 1
                        and (tokens[0].lower in ("its", "their") and last_org)
                    ):
                        affiliation = affiliation or last_org.name
                    affiliation = affiliation or LEADERS.get(fold(span.text))
                    entry = registry.add(
                        span.text, "person", base + span.start, role_text, affiliation
                    )
                    if entry:
                        found.append((span.start, span.end, entry.name))
                    role = None
                    modifier = None
                    continue
                if span.kind == "single":
                    # Resolved once every full name is known: "Carney", "Huawei", "WTO".
                    pending_singles.append((base + span.start, span, sentence))
        spans_by_sentence[sentence.index] = found

    _resolve_singles(registry, pending_singles, spans_by_sentence, lowercase_words)
    _apposition_orgs(registry, sentences, spans_by_sentence)
    people_country = {
        e.name: e.affiliation
        for e in registry.entries.values()
        if e.kind == "person" and e.affiliation
    }
    for e in registry.entries.values():
        if e.kind == "organization" and e.affiliation:
            people_country[e.name] = e.affiliation
    actors = sorted(registry.entries.values(), key=lambda e: (-e.mentions, e.first))
    return (
        [Actor(e.name, e.kind, e.role, _affiliation(e.affiliation)) for e in actors],
        spans_by_sentence,
        people_country,
    )


def _affiliation(value: str | None) -> str | None:
    if value is None:
        return None
    return NOUNS.get(value.casefold()) or DEMONYMS.get(value.casefold()) or value


def _org_at(sentence: Sentence, start: int, places: dict[int, Place]) -> str | None:
    """The organisation (not a country) named from token `start`: 'at Natixis', 'of the X'."""
    tokens = sentence.tokens
    if start in places and places[start].end - start == len(tokens[start : places[start].end]):
        place = places[start]
        if place.end >= len(tokens) or not tokens[place.end].cap:
            return None
    end = start
    while end < len(tokens):
        if tokens[end].cap and tokens[end].text[0].isalpha():
            end += 1
            if tokens[end - 1].possessive:
                break
            continue
        k = end
        while k < len(tokens) and k - end < 2 and tokens[k].lower in CONNECTORS:
            k += 1
        if (
            k > end
            and k < len(tokens)
            and tokens[k].cap
            and tokens[k].lower not in PLACE_PREPOSITIONS
        ):
            end = k
            continue
        break
    while end > start and tokens[end - 1].lower in CONNECTORS:
        end -= 1
    if end == start:
        return None
    name = _text(tokens, start, end, sentence.text)
    if fold(name) in REGIONS or fold(name.split()[0]) in MONTHS_DAYS:
        return None
    return KNOWN_ORGS.get(fold(name), name)


def _resolve_singles(
    registry: _Registry,
    singles: list[tuple[int, _Span, Sentence]],
    spans_by_sentence: dict[int, list[tuple[int, int, str]]],
    lowercase_words: set[str],
) -> None:
    """One-word mentions: a known person's surname, a known organisation, or a company cue."""
    for pos, span, sentence in singles:
        tokens = sentence.tokens
        word = span.text
        low = fold(word)
        if low in NOT_ACTORS or low in REGIONS or low in registry.not_actors:
            continue
        person = registry.person_by_part(word)
        if person is not None and low not in COMMON:
            person.mentions += 1
            spans_by_sentence[sentence.index].append((span.start, span.end, person.name))
            continue
        entry = registry.entries.get(low) or registry.entries.get(fold(KNOWN_ORGS.get(low, "")))
        if entry is not None:
            entry.mentions += 1
            spans_by_sentence[sentence.index].append((span.start, span.end, entry.name))
            continue
        if low in KNOWN_ORGS:
            entry = registry.add(KNOWN_ORGS[low], "organization", pos)
        elif _company_cue(tokens, span.start, span.end) and low not in lowercase_words:
            entry = registry.add(word, "organization", pos)
        else:
            entry = None
        if entry is not None:
            spans_by_sentence[sentence.index].append((span.start, span.end, entry.name))


def _company_cue(tokens: list[Token], start: int, end: int) -> bool:
    """What the text says around one capitalised word that marks it as an organisation."""
    before = tokens[start - 1].lower if start > 0 else ""
    before2 = tokens[start - 2].lower if start > 1 else ""
    after = tokens[end].lower if end < len(tokens) else ""
    after2 = tokens[end + 1].lower if end + 1 < len(tokens) else ""
    word = tokens[start].text
    if before in COMPANY_NOUNS:
        return True  # "tech giant Huawei"
    if (before in ("as", "including", "like") and before2 in ("such", "including")) or (
        before == "as" and start > 2 and tokens[start - 3].lower in COMPANY_NOUNS
    ):
        return True  # "carmakers such as Volkswagen"
    if before == "of" and before2 == "shares":
        return True
    if after == "," and after2 in ("which", "whose"):
        return True
    if after == "," and after2 in ("a", "an", "the", "one") and _appositive_company(tokens, end):
        return True
    if after in STATEMENT_VERBS or (tokens[start].possessive and after in ("shares", "founder")):
        return True
    if after in ("union", "group", "association", "council", "federation"):
        return True  # "the Community union"
    k = end
    while k < len(tokens) and not tokens[k].cap and tokens[k].lower in ROLE_WORDS:
        k += 1
    if k > end and k < len(tokens) and tokens[k].cap and tokens[k - 1].lower in ROLE_HEADS:
        return True  # "Unifor national president Lana Payne"
    # Lists: "Toyota, Honda and Nissan", "Cleveland-Cliffs and Nucor".
    if before in ("and", ",") and start > 1 and tokens[start - 2].cap:
        return _company_cue(tokens, start - 2, start - 1)
    if after in ("and", ",") and end + 1 < len(tokens) and tokens[end + 1].cap:
        nxt = end + 1
        stop = nxt + 1
        return stop <= len(tokens) and _company_cue_forward(tokens, nxt)
    if word.isupper() and 2 <= len(word) <= 6:
        return after in STATEMENT_VERBS or after == ","
    return False


def _company_cue_forward(tokens: list[Token], start: int) -> bool:
    end = start + 1
    after = tokens[end].lower if end < len(tokens) else ""
    if after in STATEMENT_VERBS or after in ("together", "rose", "fell", "shares"):
        return True
    if after in ("and", ",") and end + 1 < len(tokens) and tokens[end + 1].cap:
        return _company_cue_forward(tokens, end + 1)
    return False


def _appositive_company(tokens: list[Token], comma: int) -> bool:
    for token in tokens[comma + 1 : comma + 12]:
        if token.text in ",.;":
            return False
        if token.lower in COMPANY_NOUNS:
            return True
    return False


def _apposition_orgs(
    registry: _Registry, sentences: list[Sentence], spans: dict[int, list[tuple[int, int, str]]]
) -> None:
    """Parenthetical or 'known as' acronyms join the organisation they name."""
    for sentence in sentences:
        tokens = sentence.tokens
        for i, token in enumerate(tokens):
            if (
                token.lower == "as"
                and i > 0
                and tokens[i - 1].lower == "known"
                and i + 1 < len(tokens)
            ):
                acronym = fold(tokens[i + 1].text)
                entry = registry.entries.pop(acronym, None)
                if entry is None:
                    continue
                # Count its mentions towards the organisation named just before.
                for start, _end, name in spans.get(sentence.index, []):
                    if start < i and fold(name) in registry.entries:
                        registry.entries[fold(name)].mentions += entry.mentions
                        break


def country_actors(
    sentences: list[Sentence],
    covered: dict[int, list[tuple[int, int, str]]],
    imposers: set[str],
    targets: set[str],
    person_countries: list[str] = (),  # type: ignore[assignment]
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
        for place in sentence.places:
            if any(s <= place.start < e for s, e, _ in inside):
                placed = False
                continue
            prev = sentence.tokens[place.start - 1].lower if place.start else ""
            if prev in PLACE_PREPOSITIONS or (placed and prev in ("and", ",", "or")):
                weight = 0.0
                placed = True
            else:
                weight = 0.5 if place.demonym else 1.0
                placed = False
            score[place.country] = score.get(place.country, 0.0) + weight
            first.setdefault(place.country, sentence.index * 1000 + place.start)
    for country in person_countries:
        score[country] = score.get(country, 0.0) + 1.0
        # Known only as a person's affiliation ("Mark Carney" → Canada): ranks after named ones.
        first.setdefault(country, 10**9)
    out = {}
    for country, value in score.items():
        if country in imposers or value >= 2 or (country in targets and value >= 1):
            out[country] = (value, first[country])
    for country in imposers:
        out.setdefault(country, (1.0, 10**9))
    return out
