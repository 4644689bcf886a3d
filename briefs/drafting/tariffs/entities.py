"""The countries a sentence names, directly or through a person or government body that
stands for one, and which of them are only examples of every origin or receive a measure;
and one mention in its sentence (MentionContext) with the parties its rules find (Parties)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefs.drafting.tariffs.mentions import Mention
from briefs.drafting.text import Sentence
from briefs.folding import fold
from briefs.gazetteer import LEADERS, country_of

_PLACE_BEFORE = re.compile(r"\b(?:from|in|on|to|into|of|for)\s+(?:the\s+)?(?:most\s+|all\s+)?$")
_ACTING_AFTER_DEMONYM = re.compile(r"\s+(?:[A-Z]|government|officials|authorities)")
_EXAMPLE_BEFORE = re.compile(
    r"\b(?:including|such as|like|notably|except|excluding|besides|apart from|other than)\s"
    r"[^.;:()]{0,40}$",
    re.I,
)
_SAYS_AFTER = re.compile(r"\s+(?:said|says|announced|added|told|stated|confirmed)\b")
# "Brazil was handed a 50% rate", "India was hit with", "Thailand faces a 36% tariff": the
# country a measure is given to, never its imposer.
_RECEIVES_AFTER = re.compile(
    r",?\s+(?:which\s+|that\s+)?(?:(?:already|also|now|still|currently|both|all)\s+)?"
    # "was hit", "had been threatened", "will all face 25%" - not "Washington had threatened a
    # 32% rate", the active imposer
    r"(?:(?:(?:was|were|is|are|got|gets|get)\s+(?:all\s+|also\s+|both\s+)?"
    r"|(?:has|have|had|will|would)\s+(?:all\s+|also\s+|both\s+)?(?:been|be)\s+)"
    r"(?:\w+\s+)?(?:told|handed|given|hit|slapped|assigned|spared|threatened|saddled|struck"
    r"|charged|taxed)"
    r"|(?:has|have|had|will|would)\s+(?:all\s+|also\s+|both\s+)?(?:\w+\s+)?(?:face|faced"
    r"|receive|received)"
    r"|(?:(?:is|are|was|were)\s+)?(?:faces|faced|facing|face|receives?|received"
    r"|gets|got))\b"
)
_SPARED_BEFORE = re.compile(
    r"\b(?:exempt|exclude|spare|shield|exempting|excluding|sparing|exempted|excluded|spared"
    r"|shielded|exempts|excludes|spares)\s+$"
)
_FROM_MEASURE = re.compile(r"\s+from\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,3}")
_LIST_BEFORE = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)(?:the\s+)?")
WITH_RATE = re.compile(r"\s+with\s+(?:an?\s+)?")
# (a period inside a sentence is an abbreviation's: "from Aug. 1 and Mexico with 30%")
HIT_BEFORE = re.compile(r"\b(?:hit|hits|slapped|struck|targeted|saddled)\b[^;]{0,60}$", re.I)
_EXPORTERS_IN = re.compile(
    r"\b(?:exporters|producers|manufacturers|makers|growers|mills|farmers|shippers|sellers)\s+"
    r"(?:in|from)\s+(?:the\s+)?$",
    re.I,
)
_IMPORTERS_IN = re.compile(
    r"\b(?:importers|companies|firms|buyers|businesses|traders)\s+in\s+(?:the\s+)?$", re.I
)
_AVOIDED = re.compile(
    r"\b(?:avoid|avert|escape|dodge|stave off|head off|ward off|accept|reject|oppose|protest"
    r"|condemn|criticis|criticiz|contest|challenge|shocked by)\w*\s+(?:an?\s+|the\s+)?"
    r"(?:[\w-]+\s+){0,2}?$",
    re.I,
)
_SAID_BEFORE = re.compile(r"\b(?:said|says|told|added)\s+(?:the\s+)?$")
_EXAMPLE_AFTER = re.compile(r"\s+(?:among them|included|too)\b", re.I)


_GOODS_OR_SELLERS_AFTER = re.compile(
    r"\s+(?:(?!(?:said|says|told|added|warned|announced|that|which|who|would|will|and|or)\b)"
    r"[\w-]+\s+)?(?:goods|products|exports|shipments|imports|exporters|producers|\w*makers"
    r"|manufacturers|firms|companies|mills|growers|farmers)\b",
    re.I,
)
# "North American", "Latin American": a region's adjective, no country
_DATELINE = re.compile(r"(?:,\s*[\w .]{1,20})?\s*(?:\([^)]{1,30}\)\s*)?[-—–:]\s")
_REGION_BEFORE = re.compile(r"\b(?:North|South|Latin|Central|Pan)[\s-]$")
_THE_GOVERNMENT = re.compile(r"\b[Tt]he\s+government('s)?(?!\s+of\b)")


@dataclass
class Entity:
    start: int  # character offsets in the sentence
    end: int
    country: str
    demonym: bool
    possessive: bool


# Seats of government that act for their country in trade stories ("the White House said")
_SEATS = {"white house": "United States", "the white house": "United States", "kremlin": "Russia"}
_GOVERNMENT = re.compile(
    r"Ministry|Department|Commission|Office|Agency|Administration|Council|White House|Customs"
    r"|Government|Parliament|Congress|Authority|Representative|Treasury|Cabinet|Kremlin"
)


def entities_of(
    sentence: Sentence,
    spans: list[tuple[int, int, str]],
    affiliations: dict[str, str],
    persons: frozenset[str] = frozenset(),
    home: str | None = None,
) -> list[Entity]:
    """Countries in a sentence, directly or through a person or organisation they stand for."""
    tokens = sentence.tokens
    out: list[Entity] = []
    covered: list[tuple[int, int]] = []
    for start, end, name in spans:
        if name not in persons and not _GOVERNMENT.search(name):
            covered.append((start, end))
            continue  # a company or union does not impose tariffs
        country = affiliations.get(name) or LEADERS.get(fold(name)) or _SEATS.get(fold(name))
        if not country and " of " in name:
            country = country_of(name.rsplit(" of ", 1)[1])  # "the Government of Canada"
        if country:
            country = country_of(country) or None
        if country:
            out.append(
                Entity(
                    tokens[start].start,
                    tokens[end - 1].end,
                    country,
                    False,
                    tokens[end - 1].possessive,
                )
            )
            covered.append((start, end))
    for place in sentence.places:
        if any(s <= place.start < e for s, e in covered):
            continue
        at = tokens[place.start].start
        if sentence.text.startswith("$", tokens[place.end - 1].end):
            continue  # "US$200.91 per tonne": a currency, no country
        if place.demonym and _REGION_BEFORE.search(sentence.text, max(0, at - 8), at):
            continue
        end = tokens[place.end - 1].end
        if at < 30 and sentence.text[at:end].isupper() and _DATELINE.match(sentence.text, end):
            continue  # "ROME, 17 NOV - Italian makers …": a dateline left in the story, a place
        out.append(
            Entity(
                tokens[place.start].start,
                tokens[place.end - 1].end,
                place.country,
                place.demonym,
                tokens[place.end - 1].possessive,
            )
        )
    if home is not None and "overnment" in sentence.text:
        # "LAGOS — The government also applies a 50% tariff": the dateline's government
        for match in _THE_GOVERNMENT.finditer(sentence.text):
            if not any(e.start <= match.start() < e.end for e in out):
                out.append(Entity(match.start(), match.end(), home, False, match.group(1) != ""))
    out.sort(key=lambda e: e.start)
    return out


def subject_of(entities: list[Entity], text: str) -> str | None:
    """The first country a sentence names as an actor (not after 'from', 'in' or 'on')."""
    for entity in entities:
        before = text[max(0, entity.start - 12) : entity.start].casefold()
        if _PLACE_BEFORE.search(before):
            continue
        if entity.demonym and not _ACTING_AFTER_DEMONYM.match(text[entity.end : entity.end + 14]):
            continue
        if not entity.possessive and _GOODS_OR_SELLERS_AFTER.match(text, entity.end):
            continue  # "EU goods face a 10% tariff": the goods' origin, not an actor
        return entity.country
    return None


def is_example(text: str, entity: Entity) -> bool:
    if _SAYS_AFTER.match(text, entity.end):
        return False  # "…, including the EU and Mexico, the US said": the speaker
    return bool(
        _EXAMPLE_BEFORE.search(text, max(0, entity.start - 50), entity.start)
        or _EXAMPLE_AFTER.match(text, entity.end)
    )


def receivers(text: str, entities: list[Entity], start: int, end: int) -> list[str]:
    """The countries between `start` and `end` that a measure is given to ("Laos and Myanmar
    were assigned rates of 40%"), the list that ends with the receiving verb, or that are to
    be spared it ("to exclude Japan from the new duties")."""
    inside = [e for e in entities if start <= e.start and e.end <= end]
    for entity in reversed(inside):
        if _SPARED_BEFORE.search(text, max(0, entity.start - 20), entity.start) and (
            _FROM_MEASURE.fullmatch(text, entity.end, end)
        ):
            return [entity.country]
    for index in range(len(inside) - 1, -1, -1):
        entity = inside[index]
        if _RECEIVES_AFTER.match(text, entity.end) and not _PLACE_BEFORE.search(
            text, max(0, entity.start - 12), entity.start
        ):  # not "cars shipped to Mexico face …"
            first = index
            while first > 0 and _LIST_BEFORE.fullmatch(
                text[inside[first - 1].end : inside[first].start]
            ):
                first -= 1
            return list(dict.fromkeys(e.country for e in inside[first : index + 1]))
    return []


@dataclass(slots=True)
class MentionContext:
    """One mention in its sentence: what the party rules and the mention reader look at."""

    text: str  # the sentence
    entities: list[Entity]  # countries it names, in order
    start: int  # the anchor: the rate and its trigger word, as offsets in `text`
    end: int
    after: str  # text from the anchor up to the next one
    before: str  # text from the previous anchor up to this one
    part: str  # the clause-like part of the sentence that holds the anchor
    rate: str | None
    trigger: str  # the measure word: "tariffs", "surtax", …
    subject: str | None  # the sentence's acting country, or the one a pronoun points back to
    sibling: Mention | None  # the mention just before, in the same sentence
    conditional: bool  # inside an "if …" or "unless …" clause
    has_previous: bool  # the story named a measure before
    inner: str = ""  # "tariffs on steel of 25%": the text between trigger and rate
    bare: bool = False  # the sentence names no measure: its rates continue one named before

    @property
    def window_start(self) -> int:
        return self.start - len(self.before)

    @property
    def window_end(self) -> int:
        return self.end + len(self.after)


@dataclass(slots=True)
class Parties:
    """Imposer and target as the rules find them."""

    by: str | None = None
    on: str | None = None
    all_targets: bool = False  # "on imported steel", "on all trading partners": no one target
    by_found: bool = False  # the imposer was named in the sentence, not borrowed
    also_on: list[str] = field(default_factory=list)  # the rest of a list of targets
    # a rate in a sentence that names no measure, given to sellers: the imposer is the one of
    # the measure it continues, never the sentence's speaker ("Kim said rivals pay 15%")
    borrow: bool = False
    beside: bool = False  # the target is written right beside the rate: no later rule moves it


def hit_with(c: MentionContext) -> set[str]:
    """The countries a sentence hits "with" a rate: targets all, never an imposer."""
    if " with " not in c.text:
        return set()
    return {
        e.country
        for e in c.entities
        if WITH_RATE.match(c.text, e.end)
        and HIT_BEFORE.search(c.text, max(0, e.start - 70), e.start)
    }


def receivers_in(c: MentionContext) -> set[str]:
    """The countries a sentence gives a measure to ("Brazil was handed a 50% rate", "Japan and
    South Korea will be charged 25%, while South Africa faces 30%", "Bangladesh at 35%"),
    anywhere in it, with the lists they close: never the imposer of its measures."""
    out: set[str] = set()
    for index, entity in enumerate(c.entities):
        if _PLACE_BEFORE.search(c.text, max(0, entity.start - 12), entity.start):
            continue
        if not (
            _HANDED_AFTER.match(c.text, entity.end)
            or _RECEIVES_AFTER.match(c.text, entity.end)
            or _AT_RATE_AFTER.match(c.text, entity.end)
        ):
            continue
        out.add(entity.country)
        first = index  # "Thailand and Cambodia at 36%": the list it closes
        while first > 0 and _LIST_BEFORE.fullmatch(
            c.text[c.entities[first - 1].end : c.entities[first].start]
        ):
            first -= 1
            out.add(c.entities[first].country)
    return out


# "…, Bangladesh at 35% and Thailand at 36%": the rate written beside a receiving country
_AT_RATE_AFTER = re.compile(r",?\s+at\s+\d")


# "Brazil was handed a 50% rate", "Canada was told": given a measure (passive), not acting
_HANDED_AFTER = re.compile(
    r",?\s+(?:which\s+)?(?:(?:already|also|now|still)\s+)?(?:was|were|is|are|has been|have been"
    r"|had been|will be|would be|got|gets)\s+(?:\w+\s+)?(?:told|handed|given|hit|slapped|assigned"
    r"|threatened|saddled|charged|taxed)\b"
)


def exporters_country(c: MentionContext) -> str | None:
    """ "Exporters in Vietnam said the 46% rate …": the country whose sellers bear it."""
    for entity in c.entities:
        if entity.end <= c.start and _EXPORTERS_IN.search(
            c.text, max(0, entity.start - 30), entity.start
        ):
            return entity.country
    return None


_SELLERS_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:producers|exporters|manufacturers|makers|mills|firms|companies"
    r"|suppliers|growers|shippers)\b"
)


def sellers_country(text: str, entities: list[Entity]) -> str | None:
    """ "The probe also found dumping by producers in India", "Indian mills": the one country
    whose sellers a sentence names, if it names one."""
    found = {
        e.country
        for e in entities
        if _EXPORTERS_IN.search(text, max(0, e.start - 30), e.start)
        or (e.demonym and _SELLERS_AFTER.match(text, e.end))
    }
    return found.pop() if len(found) == 1 else None


def importers_country(c: MentionContext) -> str | None:
    """ "Companies in Japan must pay a tariff of 341 yen": the country where the importers
    are collects the duty."""
    for entity in c.entities:
        if entity.end <= c.start and _IMPORTERS_IN.search(
            c.text, max(0, entity.start - 30), entity.start
        ):
            return entity.country
    return None


def target_receives(c: MentionContext, p: Parties) -> None:
    """ "Brazil was handed a 50% rate", "India was hit with a 26% tariff": the country given the
    measure, in its clause before it (the imposer is borrowed when no other is named)."""
    if p.on is not None or p.all_targets or not c.entities:
        return
    named_before = c.entities[0].start < c.start  # else none received it before it
    part_start = c.text.find(c.part) if c.part in c.text else 0
    found = receivers(c.text, c.entities, part_start, c.start) if named_before else []
    if _AVOIDED.search(c.text, max(0, c.start - 40), c.start):
        # "Thailand offered … to avoid a 36% US tariff", '"We will not accept a 30% tariff," said
        # Mexico's minister': the one who suffers it (in a quote, its speaker)
        speaker = next(
            (
                e.country
                for e in c.entities
                if _SAID_BEFORE.search(c.text, max(0, e.start - 12), e.start)
            ),
            None,
        )
        sufferer = speaker or c.subject
        if sufferer not in (None, p.by):
            p.on = sufferer
            return
    for entity in c.entities if named_before and " with " in c.text else ():
        # "hit Malaysia with 24% and Kazakhstan with 27%": each country before "with" its rate
        if WITH_RATE.fullmatch(c.text, entity.end, c.start) and HIT_BEFORE.search(
            c.text, max(0, entity.start - 70), entity.start
        ):
            found = [entity.country]
    found = [country for country in found if country != p.by]
    if found:
        p.on, p.also_on = found[0], found[1:]
