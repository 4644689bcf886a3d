"""Passes over the actors of a whole story: bodies named in lower case, names a list cut apart,
acronyms spelled out elsewhere, and the WTO where it is only the forum."""

from __future__ import annotations

import re

from briefs.drafting.actor_words import FORUM_ACTS, FORUM_ORGS, KNOWN_ORGS, ROLE_WORDS, name_words
from briefs.drafting.capital_runs import capital_runs
from briefs.drafting.lexicon import words
from briefs.drafting.lower_orgs import lower_orgs
from briefs.drafting.name_runs import parse_run
from briefs.drafting.registry import ActorSpans, Entry, Registry
from briefs.drafting.text import Sentence, make_sentence
from briefs.folding import fold
from briefs.gazetteer import country_of

# Head words of government bodies, one as good as another when a story shortens a name ("the
# General Administration of Customs … the customs agency").
_BODY_HEADS = frozenset(
    {"administration", "agency", "authority", "bureau", "commission", "department", "ministry"}
    | {"office", "service", "directorate", "secretariat"}
)


def _shortens(words: frozenset[str], fuller: set[str]) -> bool:
    """The lower-case body's words are the fuller name's, its head word perhaps another's."""
    if words <= fuller:
        return True
    subject = words - _BODY_HEADS
    return bool(subject) and subject <= fuller and bool(fuller & _BODY_HEADS) and subject != words


def add_lower_orgs(
    registry: Registry, sentences: list[Sentence], spans: ActorSpans, home: str | None
) -> None:
    """ "the trade ministry": a fuller name the story gives ("Ministry of Trade") takes it."""
    for sentence in sentences:
        for org in lower_orgs(sentence):
            fuller = next(
                (
                    e
                    for e in registry.entries.values()
                    if e.kind == "organization"
                    and fold(e.name) != fold(org.name)
                    and _shortens(org.words, {w.strip(",") for w in fold(e.name).split()})
                ),
                None,
            )
            if fuller is not None:
                fuller.mentions += 1
                entry: Entry | None = fuller
            else:
                entry = registry.add(
                    org.name,
                    "organization",
                    sentence.index * 1000 + org.start,
                    affiliation=org.affiliation or home,
                )
            if entry is not None:
                spans.setdefault(sentence.index, []).append((org.start, org.end, entry.name))


_LISTED_TAIL = re.compile(
    r"(?:,\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})+,?\s+and(?:\s+[A-Z][\w-]*){1,3}"
)


def whole_listed_names(registry: Registry, spans: ActorSpans, sentences: list[Sentence]) -> None:
    """ "Ministry of Commerce, Industry and Investment Promotion": a body "of" several
    portfolios is one name, though commas cut the run of capitals it was read from."""
    by_index = {s.index: s for s in sentences}
    for index, found in spans.items():
        text = by_index[index].text
        for position, (start, _end, name) in enumerate(found):
            entry = registry.entries.get(fold(name))
            if entry is None or entry.kind != "organization" or " of " not in name:
                continue
            at = text.find(name)
            tail = _LISTED_TAIL.match(text, at + len(name)) if at >= 0 else None
            if tail is None:
                continue
            whole = name + tail.group(0)
            tokens = by_index[index].tokens
            last = next((i for i, t in enumerate(tokens) if t.end == at + len(whole)), None)
            if last is None:
                continue
            part = registry.entries.pop(fold(name))
            part.name = whole
            registry.entries[fold(whole)] = part
            found[position] = (start, last + 1, whole)
            for other in [k for k, e in registry.entries.items() if e is not part]:
                # The pieces read on their own ("Investment Promotion") were parts of it.
                if (
                    f" {fold(registry.entries[other].name)} " in f" {fold(whole).replace(',', '')} "
                    and other != fold(whole)
                ):
                    del registry.entries[other]
            found[:] = [f for f in found if f[2] in (whole,) or fold(f[2]) in registry.entries]


def listed_companies(registry: Registry, spans: ActorSpans, sentences: list[Sentence]) -> None:
    """ "Maersk, Hapag-Lloyd and Ocean Network Express": a name of several words listed right
    after a company is a company too (read alone it looked like a person's)."""
    by_index = {s.index: s for s in sentences}
    for index, found in spans.items():
        tokens = by_index[index].tokens
        ends = {end: name for _start, end, name in found}
        for start, end, name in sorted(found):
            entry = registry.entries.get(fold(name))
            if entry is None or entry.kind != "person" or entry.role or start < 2:
                continue
            if end - start < 2:
                continue  # "the Commission and Trump": a surname alone names a known person
            if tokens[start - 1].lower not in ("and", ",", "&"):
                continue
            before = registry.entries.get(fold(ends.get(start - 1, "")))
            if before is not None and before.kind == "organization":
                entry.kind = "organization"
                entry.affiliation = None


# Capitalised words that open a sentence or a clause, never a firm's name.
_NOT_FIRM_WORDS = frozenset({"the", "a", "an", "it", "its", "they", "he", "she", "we", "but"})


def firms_beside_firms(registry: Registry, spans: ActorSpans, sentences: list[Sentence]) -> None:
    """ "Canfor and West Fraser, two of the largest producers", "Tokai Carbon Co. and Resonac":
    capitalised words joined by "and" to a company, and read as no one alone, are a company."""
    for sentence in sentences:
        found = spans.get(sentence.index)
        if found:
            _firms_beside(registry, sentence, found)


def _firms_beside(
    registry: Registry, sentence: Sentence, found: list[tuple[int, int, str]]
) -> None:
    tokens = sentence.tokens
    taken = {k for start, end, _name in found for k in range(start, end)}
    taken |= {k for place in sentence.places for k in range(place.start, place.end)}

    def free(k: int) -> bool:
        return 0 <= k < len(tokens) and k not in taken and tokens[k].cap

    firms = [
        (start, end)
        for start, end, name in found
        if (entry := registry.entries.get(fold(name))) and entry.kind == "organization"
    ]
    for start, end in firms:
        k = end + 1 if end < len(tokens) and tokens[end].text == "." else end
        words: range | None = None
        if k < len(tokens) and tokens[k].lower == "and" and free(k + 1):
            stop = k + 1
            while stop - k <= 3 and free(stop) and not tokens[stop - 1].possessive:
                stop += 1
            words = range(k + 1, stop)
        elif start >= 2 and tokens[start - 1].lower == "and" and free(start - 2):
            first = start - 2
            while start - 1 - first < 3 and free(first - 1):
                first -= 1
            words = range(first, start - 1)
        if words and not any(
            tokens[w].lower in _NOT_FIRM_WORDS or tokens[w].lower in ROLE_WORDS for w in words
        ):
            name = sentence.text[tokens[words[0]].start : tokens[words[-1]].end]
            entry = registry.add(name, "organization", sentence.index * 1000 + words[0])
            if entry is not None:
                found.append((words[0], words[-1] + 1, entry.name))
                taken.update(words)


def bracket_acronyms(registry: Registry, spans: ActorSpans, sentences: list[Sentence]) -> None:
    """ "the Ministry of Commerce (MOFCOM)", "the House of Representatives (DPR)": an acronym in
    brackets right after an organisation's name is that organisation, whatever its letters."""
    by_index = {s.index: s for s in sentences}
    alias: dict[str, Entry] = {}
    for index, found in spans.items():
        tokens = by_index[index].tokens
        for _start, end, name in found:
            entry = registry.entries.get(fold(name))
            if (
                entry is not None
                and entry.kind == "organization"
                and end + 2 < len(tokens)
                and tokens[end].text == "("
                and tokens[end + 2].text == ")"
                and 2 <= len(tokens[end + 1].text) <= 8
                and tokens[end + 1].text.isupper()
            ):
                alias.setdefault(fold(tokens[end + 1].text), entry)
    for key, target in alias.items():
        # "USTR" may have been read as the name the lexicon gives it
        entry = registry.entries.get(key) or registry.entries.get(fold(KNOWN_ORGS.get(key, "")))
        if entry is None or entry is target:
            continue
        target.mentions += entry.mentions
        target.first = min(target.first, entry.first)
        del registry.entries[fold(entry.name)]
        for found in spans.values():
            found[:] = [(a, b, target.name if n == entry.name else n) for a, b, n in found]


_BODY_WORDS = words("body_nouns") | words("lower_org_heads")


def bracketed_bodies(registry: Registry, spans: ActorSpans, sentences: list[Sentence]) -> None:
    """ "the country's foreign trade chamber (Gecex)": a body described in lower case, its name
    only in the brackets after it, is an organisation under that name."""
    for sentence in sentences:
        tokens = sentence.tokens
        for i in range(1, len(tokens) - 2):
            word = tokens[i + 1]
            if (
                tokens[i].text == "("
                and tokens[i + 2].text == ")"
                and tokens[i - 1].lower in _BODY_WORDS
                and not tokens[i - 1].cap
                and word.cap
                and word.text.isalpha()
                and 3 <= len(word.text) <= 10
            ):
                entry = registry.add(word.text, "organization", sentence.index * 1000 + i + 1)
                if entry:
                    spans.setdefault(sentence.index, []).append((i + 1, i + 2, entry.name))


def _initials(name: str) -> str:
    """ "Asia-Pacific Economic Cooperation" → "APEC"; small words are skipped."""
    words = name.replace("-", " ").split()
    return "".join(w[0] for w in words if w[:1].isupper()).casefold()


def join_acronyms(registry: Registry, spans: ActorSpans, sentences: list[Sentence]) -> None:
    """An acronym whose letters are the initials of an organisation the story names in full
    ("APEC" beside "the Asia-Pacific Economic Cooperation forum") is that organisation."""
    full = {
        _initials(e.name): e
        for e in registry.entries.values()
        if e.kind == "organization" and len(e.name.split()) > 1
    }
    for key, entry in list(registry.entries.items()):
        word = entry.name
        if " " in word or not (2 <= len(word) <= 6 and word.isupper()):
            continue
        target = full.get(word.casefold())
        if target is None:
            spelled = _spelled_out(word, sentences)
            if spelled is None or fold(spelled) in registry.entries or country_of(spelled):
                continue  # "SK hynix" beside "South Korea": not the country's initials
            entry.name = spelled  # the fullest name the story gives
            registry.entries[fold(spelled)] = registry.entries.pop(key)
            for found in spans.values():
                found[:] = [(a, b, spelled if n == word else n) for a, b, n in found]
            continue
        if target is entry:
            continue
        target.mentions += entry.mentions
        del registry.entries[key]
        for found in spans.values():
            found[:] = [(a, b, target.name if n == word else n) for a, b, n in found]


def _spelled_out(acronym: str, sentences: list[Sentence]) -> str | None:
    """Capitalised words (hyphenated ones split) whose initials spell the acronym."""
    letters = [re.escape(c) for c in acronym]
    pattern = re.compile(
        r"\b" + r"[\w'’]*[ -](?:(?:of|and|for|the)\s+)?".join(f"{c}" for c in letters) + r"[\w'’]*",
    )
    for sentence in sentences:
        if acronym[0] not in sentence.text:
            continue
        for match in pattern.finditer(sentence.text):
            text = match.group(0)
            if text != acronym and len(text) > len(acronym) + 3 and " " in text:
                return text
    return None


def drop_forums(registry: Registry, sentences: list[Sentence], spans: ActorSpans) -> None:
    """The WTO where it is only the forum ("a complaint at the WTO") is no actor; it is one
    where it acts ("the WTO said", "a WTO panel ruled") or someone speaks for it."""
    forums = {key for key in registry.entries if key in FORUM_ORGS}
    if not forums:
        return
    acting: set[str] = {fold(e.affiliation) for e in registry.entries.values() if e.affiliation}
    by_index = {s.index: s for s in sentences}
    for index, found in spans.items():
        tokens = by_index[index].tokens
        for _start, end, name in found:
            key = fold(name)
            if key in forums and _forum_acts(tokens, end):
                acting.add(key)
    for key in forums - acting:
        name = registry.entries.pop(key).name
        for found in spans.values():
            found[:] = [span for span in found if span[2] != name]


def _forum_acts(tokens: list, end: int) -> bool:
    """ "the WTO said", "the WTO's dispute panel ruled", "a WTO appeals panel found"."""
    if end >= len(tokens):
        return False
    if tokens[end].lower in FORUM_ACTS:
        return True
    return (
        end + 1 < len(tokens)
        and not tokens[end].cap
        and tokens[end].text[0].isalpha()
        and tokens[end + 1].lower in FORUM_ACTS
    )


def _shorter_form(short: list[str], full: list[str]) -> bool:
    """ "Lula da Silva" of "Luiz Inácio Lula da Silva", "Jon Berg" of "Jon K. Berg"; "Kim Min
    Seok" of "Kim Min-seok" (the same name, its given name written in one word or two)."""
    if len(short) == len(full) + 1 and short[:-2] == full[:-1]:
        return "-".join(short[-2:]) == full[-1]
    if not 2 <= len(short) < len(full):
        return False
    return full[-len(short) :] == short or (short[0] == full[0] and short[-1] == full[-1])


def join_shorter_names(registry: Registry, spans: ActorSpans) -> None:
    """A person named in two or more words who is also named more fully is one actor, under
    the fullest name (a later surname alone is resolved elsewhere)."""
    people = [e for e in registry.entries.values() if e.kind == "person"]
    words = {id(e): name_words(e.name) for e in people}
    for entry in people:
        fuller = [
            other
            for other in people
            if other is not entry and _shorter_form(words[id(entry)], words[id(other)])
        ]
        if len(fuller) != 1 or fold(entry.name) not in registry.entries:
            continue
        target = fuller[0]
        del registry.entries[fold(entry.name)]
        target.mentions += entry.mentions
        target.first = min(target.first, entry.first)
        target.role = target.role or entry.role
        target.affiliation = target.affiliation or entry.affiliation
        for found in spans.values():
            found[:] = [(s, e, target.name if n == entry.name else n) for s, e, n in found]


MAX_CAPTION_SCAN = 600  # characters of each caption read for names


def seed_caption_people(registry: Registry, captions: list[str]) -> None:
    """People a photo caption names in full ("Trade Minister Ola Berg, left, speaks …") are
    known to the story, which may name them by surname only ("…, Berg said"): seeded with no
    mention, kept only if the story mentions them."""
    for number, caption in enumerate(captions[:6]):
        sentence = make_sentence(caption[:MAX_CAPTION_SCAN], -1 - number)
        places = {p.start: p for p in sentence.places}
        for start, end in capital_runs(sentence):
            for span in parse_run(sentence, start, end, places):
                key = fold(span.text)
                if span.kind == "person" and key not in registry.not_actors:
                    registry.entries.setdefault(key, Entry(span.text, "person"))


def drop_unmentioned(registry: Registry) -> None:
    """Seeded names the story never mentions are no actors."""
    for key in [k for k, e in registry.entries.items() if e.mentions == 0]:
        del registry.entries[key]


_LEGAL_FORMS = words("legal_forms")


def join_legal_forms(registry: Registry, spans: ActorSpans) -> None:
    """ "Nordkran Group … Nordkran said": a company named without its legal form is the same
    company, under its full name."""
    for entry in [e for e in registry.entries.values() if e.kind == "organization"]:
        parts = [w.strip(".,") for w in fold(entry.name).split()]
        base = list(parts)
        while len(base) > 1 and base[-1] in _LEGAL_FORMS:
            base.pop()
        short = registry.entries.get(" ".join(base)) if len(base) < len(parts) else None
        if short is None or short is entry:
            continue
        del registry.entries[fold(short.name)]
        entry.mentions += short.mentions
        entry.first = min(entry.first, short.first)
        for found in spans.values():
            found[:] = [(s, e, entry.name if n == short.name else n) for s, e, n in found]


_OUTLET_NOUNS = words("outlet_nouns")


def _names_an_outlet(sentence: Sentence, start: int, end: int) -> bool:
    """ "Xinhua news agency reported", "state broadcaster NRK", "the newspaper Aftenposten"."""
    tokens = sentence.tokens
    after = [t.lower for t in tokens[end : end + 2]]
    if (after and after[0] in _OUTLET_NOUNS) or after == ["news", "agency"]:
        return True
    before = [t.lower for t in tokens[max(0, start - 2) : start]]
    return (bool(before) and before[-1] in _OUTLET_NOUNS) or before == ["news", "agency"]


def drop_outlets(registry: Registry, sentences: list[Sentence], spans: ActorSpans) -> None:
    """A name the story calls a news outlet is no actor, wherever else it is named."""
    by_index = {s.index: s for s in sentences}
    outlets = {
        name
        for index, found in spans.items()
        for start, end, name in found
        if _names_an_outlet(by_index[index], start, end)
    }
    dropped = set()
    for name in outlets:
        entry = registry.entries.get(fold(name))
        if entry is not None and entry.kind != "person":
            del registry.entries[fold(name)]
            dropped.add(name)
    for found in spans.values():
        found[:] = [f for f in found if f[2] not in dropped]


# "From: Department for Business and Trade and The Rt Hon Peter Kyle MP": one issuer a part.
_ISSUER_SPLIT = re.compile(r",\s+|\s+and\s+(?=The\s|the\s)")


def add_issuers(registry: Registry, issuers: list[str]) -> None:
    """The bodies a release is "From:" ("From: Ministry of Trade and Fisheries") issue it: they
    act, though the story may call them only "the ministry"."""
    parts = [p for line in issuers[:2] for p in _ISSUER_SPLIT.split(line[:MAX_CAPTION_SCAN])]
    for number, part in enumerate(parts[:6]):
        sentence = make_sentence(part, -10 - number)
        places = {p.start: p for p in sentence.places}
        for start, end in capital_runs(sentence):
            for span in parse_run(sentence, start, end, places):
                if span.kind == "org":
                    registry.add(span.text, "organization", 10**8)
