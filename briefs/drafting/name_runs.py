"""Runs of capitalised tokens, read left to right as places, organisations, roles and names.

"Chinese Commerce Minister Wang Wentao" is a place, a role and a person; "Canola Council of
Canada" one organisation, found by its head word; "Mary Ng, Canada's trade minister," a person
whose role and affiliation follow her name.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefs.drafting.actor_words import (
    COMMON,
    COMPANY_NOUNS,
    CONNECTORS,
    FOREIGN_ORG_HEADS,
    GOVERNMENT_HEADS,
    HONORIFICS,
    KNOWN_ORGS,
    MONTHS_DAYS,
    NAME_PARTICLES,
    NOT_ACTORS,
    ORG_HEADS,
    PLACE_WORDS,
    REGIONS,
    ROLE_HEADS,
    ROLE_WORDS,
    STATEMENT_VERBS,
)
from briefs.drafting.firm_names import firm_end, legal_form_after, text_of
from briefs.drafting.lexicon import words
from briefs.drafting.text import Place, Sentence, Token
from briefs.folding import fold
from briefs.gazetteer import DEMONYMS, NOUNS

_COMPANY_WORDS = words("company_words")  # "First Solar": a company, not a title and a name
_GIVEN_NAME_PLACES = words("given_name_places")  # "Sofia Brandt": a first name, not Bulgaria
_TITLE_OPENERS = words("title_openers")  # "Press Secretary": one title
_OFFICIALS = words("official_words")  # "the ASEAN Economic Ministers": no one's name
_KNOWN_FIRST_WORDS = frozenset(key.split()[0] for key in KNOWN_ORGS if " " in key)
_NAME_MONTHS = frozenset({"jan", "jun"})
_AFTER_HONORIFIC = frozenset({"seri", "sri"})  # "Datuk Seri", "Dato' Sri": part of the honorific
_MALAY = frozenset({"datuk", "dato", "datin", "tun", "toh"})  # the honorifics "Seri" follows


# "Tokyo-based analyst", "Paris-listed": an adjective of place, no name.
_PLACE_ADJECTIVES = ("-based", "-born", "-listed", "-headquartered", "-registered")


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
        and low not in _OFFICIALS
        and not low.endswith(_PLACE_ADJECTIVES)
    )


def _said_of_a_person(tokens: list[Token], start: int, end: int) -> bool:
    """What surrounds "Sofia Brandt" makes it a person's name, not a place's ("Victoria Falls
    tourism"): a statement verb, a possessive or a list before; a statement verb, an apposition
    or "of the …" after."""
    before = tokens[start - 1] if start else None
    if before is not None and (
        before.lower in STATEMENT_VERBS or before.possessive or before.text == ","
    ):
        return True
    after = [t.lower for t in tokens[end : end + 3]]
    return bool(after) and (
        after[0] in STATEMENT_VERBS
        or (after[0] == "," and len(after) > 1 and tokens[end + 1].text[:1].islower())
        or (after[0] == "of" and len(after) > 1 and (after[1] == "the" or tokens[end + 1].cap))
    )


def _opens_a_given_name(tokens: list[Token], i: int, end: int, places: dict[int, Place]) -> bool:
    """ "Sofia Brandt", "Santiago Peña": a place that is also a given name, before a surname."""
    word = tokens[i]
    if word.lower not in _GIVEN_NAME_PLACES or word.text.isupper() or word.possessive:
        return False
    if i + 1 >= end or i + 1 in places:
        return False
    after = tokens[i + 1]
    return (
        _is_nameish(after)
        and after.lower not in REGIONS
        and after.lower not in _COMPANY_WORDS
        and after.lower not in PLACE_WORDS
    )


def _titled_before(tokens: list[Token], i: int) -> bool:
    """ "Chair of the Nordic Reserve …": the body at `i` follows "<title> of (the)"."""
    k = i - 1
    if k >= 0 and tokens[k].lower == "the":
        k -= 1
    return k >= 1 and tokens[k].lower == "of" and tokens[k - 1].lower in ROLE_HEADS


def _name_tail(tokens: list[Token], start: int, end: int, places: dict[int, Place]) -> bool:
    """Two or three name words that end the run: a person's name, not more of a body's."""
    return 2 <= end - start <= 3 and all(
        _is_nameish(t) and k not in places and t.lower not in _COMPANY_WORDS
        for k, t in enumerate(tokens[start:end], start)
    )


def _office_of_role(tokens: list[Token], i: int, end: int) -> int | None:
    """ "the Prime Minister's Office", "the President's Office": a body named by a title."""
    k = i
    while k < end and tokens[k].lower in ROLE_WORDS and not tokens[k].possessive:
        k += 1
    if (
        k + 1 < end
        and tokens[k].possessive
        and tokens[k].lower in ROLE_HEADS
        and tokens[k + 1].lower in ORG_HEADS
    ):
        return k + 2
    return None


def _known_org_end(tokens: list[Token], i: int, end: int, text: str) -> int | None:
    """The end of the longest known organisation of two to four words from token `i`."""
    if tokens[i].lower not in _KNOWN_FIRST_WORDS:
        return None
    for stop in range(min(end, i + 4), i + 1, -1):
        if fold(text_of(tokens, i, stop, text)) in KNOWN_ORGS:
            return stop
    return None


def _opens_a_name(tokens: list[Token], spans: list[Span], place: Place, end: int) -> bool:
    """A one-word place that is not its country's own name ("Santiago", not "Chile"), right
    after a title and before a name word: the first name of the person titled."""
    i = place.start
    word = tokens[i]
    return (
        bool(spans)
        and spans[-1].kind == "role"
        and spans[-1].end == i
        and tokens[i - 1].lower in ROLE_HEADS
        and place.end == i + 1
        and not place.demonym
        and not word.text.isupper()
        and not word.possessive
        and fold(word.text) != fold(place.country)
        and i + 1 < end
        and _is_nameish(tokens[i + 1])
    )


def _named_after_country(tokens: list[Token], place: Place, head: int) -> bool:
    """ "Canada Border Services Agency": an agency or service whose name opens with the
    country's full name (not "U.S." or a demonym) keeps it; "U.S. Commerce Department" not."""
    first = tokens[place.start]
    # "South African Revenue Service" too: such bodies carry the adjective in their name.
    return (
        not first.text.isupper()
        and not tokens[place.end - 1].possessive
        and tokens[head].lower in ("agency", "service", "bureau")
    )


def _portfolio_to_honorific(tokens: list[Token], i: int, j: int, end: int) -> int:
    """ "Minister for Steel and Heavy Industries Shri …": an honorific later in the run ends
    the title's portfolio, however many capitals it has; else the title ends at `j`."""
    if j >= end:
        return j
    opens = tokens[j].lower in ("of", "for") and tokens[j - 1].lower in ROLE_HEADS
    goes_on = tokens[j].lower == "and" and any(t.lower in ("of", "for") for t in tokens[i:j])
    if not (opens or goes_on):
        return j
    k = j + 2 if j + 1 < end and tokens[j + 1].lower == "the" else j + 1
    if opens and (m := _portfolio_end(tokens, k, end)) is not None:
        return m  # "Minister of Industry and Trade Nguyen Hong Dien"
    if (
        opens
        and k + 3 <= end <= k + 5
        and tokens[k].cap
        and tokens[k].lower not in ORG_HEADS
        and tokens[k].lower not in KNOWN_ORGS  # "Director-General of the WTO Ngozi …"
        and not tokens[k].text.isupper()
        and not tokens[k].possessive
        and all(_is_nameish(t) or t.lower in NAME_PARTICLES for t in tokens[k + 1 : end])
    ):
        return k + 1  # "Chancellor of the Exchequer Rachel Reeves": one word of office, a name
    for k in range(j + 1, min(end, j + 9)):
        word = tokens[k]
        if word.lower in HONORIFICS and k > j + 1:
            return k
        if not (word.cap or word.lower in CONNECTORS) or word.possessive:
            break
    return j


def _portfolio_end(tokens: list[Token], k: int, end: int) -> int | None:
    """Where a portfolio of title words ("Industry and Trade") ends, when a name of two to
    four words follows it to the run's end."""
    m = k
    while (
        m < end
        and not tokens[m].possessive
        and (tokens[m].lower in ROLE_WORDS or (m > k and tokens[m].lower in ("and", "&")))
    ):
        m += 1
    if m == k or tokens[m - 1].lower in ("and", "&") or not 2 <= end - m <= 4:
        return None
    names = tokens[m:end]
    if all(_is_nameish(t) or t.lower in NAME_PARTICLES for t in names) and _is_nameish(names[0]):
        return m
    return None


def _named_after_title(
    tokens: list[Token], spans: list[Span], i: int, end: int, places: dict[int, Place]
) -> bool:
    """ "Minister … Nguyen Hong Dien": two to four name words right after a title, to the
    run's end, are a name though one of them is also a word of a region's name."""
    return (
        bool(spans)
        and spans[-1].kind == "role"
        and spans[-1].end == i
        and i not in places
        and 2 <= end - i <= 4
        and all(_is_nameish(t) and not t.possessive for t in tokens[i:end])
    )


_BEFORE_DEMONYM = frozenset({"royal", "imperial"})  # "Royal Malaysian Customs Department"


def _of_after(tokens: list[Token], head: int, stop: int) -> bool:
    return head + 1 < stop and tokens[head + 1].lower in ("of", "for")


@dataclass
class Span:
    kind: str  # org, person, role, place, single, region
    start: int
    end: int
    text: str
    country: str | None = None
    titled: bool = False  # a one-word name after a title or honorific: a person ("Mr Akazawa")


def parse_run(sentence: Sentence, start: int, end: int, places: dict[int, Place]) -> list[Span]:
    """Read one run as a sequence of places, organisations, role words and names."""
    tokens = sentence.tokens
    spans: list[Span] = []
    i = start
    firm = False
    # "Maersk, Hapag-Lloyd and …": the run continues a list begun before its comma
    listed = start >= 2 and tokens[start - 1].text == "," and tokens[start - 2].cap
    # "Mr. Carney", "Dato' Sri Lim": the honorific ends a run of its own before the name.
    titled = (
        start >= 2 and tokens[start - 1].text in ".'’" and tokens[start - 2].lower in HONORIFICS
    )
    if titled and tokens[i].lower in _AFTER_HONORIFIC and tokens[start - 2].lower in _MALAY:
        i += 1
    he_named = i == 0 and tokens[0].text == "He" and end > 1 and _is_nameish(tokens[1])
    if (i == 0 or tokens[i - 1].text in "\"“‘'(") and not he_named:  # "He Lifeng met …"
        while i < end and (
            (tokens[i].lower in COMMON and tokens[i].lower not in ROLE_WORDS)
            or (tokens[i].lower in _OFFICIALS and i + 1 < end and tokens[i + 1].lower == "of")
            or (
                tokens[i].lower in COMPANY_NOUNS
                # "Bank of Canada Governor …": a head word naming a body stays
                and not (
                    tokens[i].lower in ORG_HEADS
                    and i + 1 < end
                    and tokens[i + 1].lower in ("of", "for")
                )
            )
        ):
            i += 1  # sentence-initial common word: "The", "Shares", "Analysts", "Carmakers"
    while i < end:
        token = tokens[i]
        low = token.lower
        if low in CONNECTORS and not token.cap:
            i += 1  # "Alder Steel and Brenn Steel": the second name starts after "and"
            continue
        known = _known_org_end(tokens, i, end, sentence.text) or (
            _office_of_role(tokens, i, end) if low in ROLE_WORDS else None
        )
        if known:
            # "The White House said": a name the lexicon knows is read whole.
            spans.append(Span("org", i, known, text_of(tokens, i, known, sentence.text)))
            i = known
            continue
        firm = firm_end(tokens, i, end)
        if firm:
            # "Hanil Film Vietnam Inc.", "PT Sinar Kain Abadi Tbk": one firm to its legal form
            spans.append(Span("org", i, firm, text_of(tokens, i, firm, sentence.text)))
            i, firm = firm, False
            continue
        # An organisation: the next head word, reached over name-like words only.
        head = None
        sibling = 0
        for j in range(i, end):
            word = tokens[j].lower
            if (
                word in ORG_HEADS
                and tokens[j].cap
                and (
                    j > i
                    or (j + 1 < end and tokens[j + 1].lower in ("of", "for", "on"))
                    or (j + 1 < end and word in FOREIGN_ORG_HEADS)
                )
            ):
                head = j
                break
            if word in ROLE_HEADS or (j > i and tokens[j - 1].possessive):
                break
            if (
                j in places
                and j > i
                and not (places[j].demonym and tokens[i].lower in _BEFORE_DEMONYM)
            ):
                break  # not "Royal Thai Customs Department", a body's name with its demonym
            if word == "and" and j > i and firm_end(tokens, j + 1, end):
                if j - i <= 3 and all(_is_nameish(t) for t in tokens[i:j]):
                    sibling = j  # "POSCO and Dongkuk Steel Mill Co.": firms side by side
                break  # "KORSTEEL and Hanbit Steel Mill Co., Ltd.": two firms
            if word == "and" and (j + 1 >= end or tokens[j + 1].lower == "the" or listed):
                break  # "Maersk, Hapag-Lloyd and Ocean Network Express": a list goes on
            if word in CONNECTORS and word not in NAME_PARTICLES and word != "and" and j == i:
                break
            if word in ("of", "for") and j - i >= 2 and not tokens[j - 1].possessive:
                break  # "Faisal Rahman of the Institute …": a name, then the body it is of
        place = places.get(i)
        if place is not None and not place.demonym and (head is None or head < place.end):
            head = None  # "European Union": a bloc, though "Union" heads organisations
        if head is None and sibling:
            spans.append(Span("org", i, sibling, text_of(tokens, i, sibling, sentence.text)))
            i = sibling
            continue
        if head is not None:
            stop = head + 1
            if tokens[head].lower in FOREIGN_ORG_HEADS and not any(
                t.lower in ROLE_HEADS or t.possessive for t in tokens[head:end]
            ):
                stop = end  # "Associação Nacional dos Produtores de Pneus": the whole run
            # "Council of Canada", "Chamber of Commerce and Industry", "Commission of the State
            # Council", "Grain Producers Australia": what follows the head belongs to the name.
            titled = _titled_before(tokens, i)  # "Governor of the Bank of Norway Ida Wolden"
            while stop < end and not tokens[stop - 1].possessive:
                word = tokens[stop].lower
                if titled and _name_tail(tokens, stop, end, places):
                    break  # the titled person's name ends the run
                if word == "and" and not any(
                    t.lower in ("of", "for", "on") for t in tokens[head + 1 : stop]
                ):
                    break  # "Mitsubishi Corporation and Marubeni": two names, not one
                if word in CONNECTORS or word == "on":  # "Council on Foreign Relations"
                    nxt = stop + 1
                    while nxt < end and tokens[nxt].lower in CONNECTORS:
                        nxt += 1
                    # "Office of the President": a title word that ends the run ends the name
                    if nxt < end and (
                        tokens[nxt].lower not in ROLE_HEADS or (nxt + 1 == end and word != "and")
                    ):
                        stop = nxt + 1
                        while (
                            stop < end
                            and not (titled and _name_tail(tokens, stop, end, places))
                            and tokens[stop].cap
                            # "Office of the United States Trade Representative (USTR)": a
                            # title word may end the name, not lead to a person's name
                            and (tokens[stop].lower not in ROLE_HEADS or stop + 1 == end)
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
                form = legal_form_after(tokens, stop, end)
                if form:
                    stop = form  # "Tokyo Steel Manufacturing Co."
                    continue
                further = stop
                while (
                    further < end
                    and _is_nameish(tokens[further])
                    and not tokens[further].possessive
                ):
                    further += 1
                if (
                    further > stop
                    and further < end
                    and tokens[further].cap
                    and tokens[further].lower in ORG_HEADS
                    and not tokens[further - 1].possessive
                ):
                    stop = further + 1  # "Oil Palm Plantation Fund Management Agency"
                    continue
                if all(_is_nameish(t) and not t.possessive for t in tokens[stop:end]):
                    stop = end  # "Ocean Network Express": name words to the run's end
                break
            org_start = i
            place = places.get(org_start)
            if (
                place is not None
                and tokens[head].lower in GOVERNMENT_HEADS
                # "the U.S. Department of Commerce" too: the country, then its department
                and (head - place.end >= 1 or place.demonym or _of_after(tokens, head, stop))
                and not _named_after_country(tokens, place, head)
            ):
                spans.append(Span("place", i, place.end, "", place.country))
                org_start = place.end
            spans.append(
                Span("org", org_start, stop, text_of(tokens, org_start, stop, sentence.text))
            )
            i = stop
            continue
        if _opens_a_given_name(tokens, i, end, places):
            j = i + 1
            while j < end and j - i < 4 and _is_nameish(tokens[j]) and not tokens[j - 1].possessive:
                j += 1
            if _said_of_a_person(tokens, i, j):
                spans.append(Span("person", i, j, text_of(tokens, i, j, sentence.text)))
                i = j
                continue
        place = places.get(i)
        if place is not None and _opens_a_name(tokens, spans, place, end):
            # "President Santiago Peña": a capital's name is a first name after a title
            j = i + 1
            while j < end and j - i < 4 and _is_nameish(tokens[j]) and not tokens[j - 1].possessive:
                j += 1
            spans.append(Span("person", i, j, text_of(tokens, i, j, sentence.text)))
            i = j
            continue
        if place is not None:
            spans.append(Span("place", i, place.end, "", place.country))
            i = place.end
            continue
        opener = low in _TITLE_OPENERS and i + 1 < end and tokens[i + 1].lower in ROLE_HEADS
        if low in ROLE_WORDS or opener:
            j = i + 1 if opener else i
            while j < end and (
                tokens[j].lower in ROLE_WORDS
                or (tokens[j].lower == "and" and j + 1 < end and tokens[j + 1].lower in ROLE_WORDS)
                or (
                    # "Minister of International Trade", "Vice-Minister of Commerce"
                    tokens[j].lower in ("of", "for")
                    and tokens[j - 1].lower in ROLE_HEADS
                    and j + 1 < end
                    and tokens[j + 1].lower in ROLE_WORDS
                    and tokens[j + 1].lower not in ROLE_HEADS
                )
            ):
                j += 1
            j = _portfolio_to_honorific(tokens, i, j, end)
            k = j
            while k < end and k - j < 3 and _is_nameish(tokens[k]) and not tokens[k - 1].possessive:
                k += 1
            if (
                k > j
                and not any(t.lower in ROLE_HEADS for t in tokens[i:j])
                and any(t.lower in _COMPANY_WORDS for t in tokens[i + 1 : k])
            ):
                # "First Solar", "General Electric": title words that open a company's name
                spans.append(Span("person", i, k, text_of(tokens, i, k, sentence.text)))
                i = k
                continue
            spans.append(Span("role", i, j, text_of(tokens, i, j, sentence.text)))
            i = j
            continue
        if low in REGIONS:
            j = i + 1
            while j < end and tokens[j].lower in REGIONS:
                j += 1
            spans.append(Span("region", i, j, text_of(tokens, i, j, sentence.text)))
            i = j
            continue
        pair = i + 1 < end and f"{low} {tokens[i + 1].lower}" in HONORIFICS
        if low in HONORIFICS or pair:
            # "the Honourable Claire Dubois", "Tan Sri Muhyiddin": neither role nor name
            i += 2 if pair else 1
            if i < end and tokens[i].lower in _AFTER_HONORIFIC and low in _MALAY:
                i += 1  # "Datuk Seri", not "Ms. Sri Mulyani"
            titled = True
            continue
        if (
            token.text.isupper()
            and low in KNOWN_ORGS
            and i + 1 < end
            and _is_nameish(tokens[i + 1])
        ):
            # "Director-General of the WTO Ngozi Okonjo-Iweala": the body, then the name
            spans.append(Span("org", i, i + 1, token.text))
            i += 1
            continue
        if (_is_nameish(token) and low not in NOT_ACTORS) or (
            # "said Jun Zhao": a month's short name that is a given name before a name
            low in _NAME_MONTHS and i + 1 < end and _is_nameish(tokens[i + 1])
        ):
            j = i + 1
            named = _named_after_title(tokens, spans, i, end, places)
            while j < end and j - i < 5 and not tokens[j - 1].possessive:
                word = tokens[j]
                if _is_nameish(word) and (named or word.lower not in REGIONS):
                    j += 1
                elif word.lower in NAME_PARTICLES:
                    k = j + 1
                    while k < end and tokens[k].lower in NAME_PARTICLES:
                        k += 1
                    if k < end and _is_nameish(tokens[k]):
                        j = k + 1
                    else:
                        break
                elif word.text == "&" and j + 1 < end and _is_nameish(tokens[j + 1]):
                    firm = True  # "Ferris & Lane", "Procter & Gamble": a firm's name
                    j += 2
                else:
                    break
            place = places.get(j) if firm else None
            if place is not None and not place.demonym and not tokens[j - 1].possessive:
                j = place.end  # "Meat & Livestock Australia"
            kind = "org" if firm else "person" if j - i >= 2 else "single"
            firm = False
            after_title = titled or (
                bool(spans)
                and spans[-1].kind == "role"
                and spans[-1].end == i
                and tokens[i - 1].lower in ROLE_HEADS
            )
            spans.append(Span(kind, i, j, text_of(tokens, i, j, sentence.text), None, after_title))
            titled = False
            i = j
            continue
        i += 1
    return spans
