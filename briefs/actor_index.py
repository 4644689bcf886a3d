"""Every actor across many briefs, one entry per person, organization or country.

Actors are grouped by their folded words (`briefs.folding.words`: case, accents and
punctuation ignored), the way `actor:` in a query reads a name, so 'Mark Carney',
'MARK CARNEY' and 'Mark  Carney.' are one entry; the entry keeps the spelling seen most
often. Affiliations are grouped by `country_key`, the way `country:` reads a party, so 'U.S.'
and 'United States' are one affiliation. Pure aggregation: no storage, no terminal.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from briefs.folding import words
from briefs.gazetteer import country_key
from briefs.model import Brief


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One actor as seen across briefs.

    `roles` and `affiliations` are the distinct values seen, most frequent first. Dates are
    the brief days (YYYY-MM-DD) of the first and last brief naming the actor; `brief_ids`
    run newest first.
    """

    name: str
    kind: str
    roles: tuple[str, ...]
    affiliations: tuple[str, ...]
    brief_count: int
    first_date: str
    last_date: str
    brief_ids: tuple[str, ...]


def actor_key(name: str) -> str:
    """The grouping key of a name or role: its folded words, one space apart."""
    return " ".join(words(name))


def actor_query(name: str) -> str:
    """The query that selects the briefs naming `name`: actor:"Mark Carney".

    The query language has no escape inside quotes, so a double quote in a name is dropped;
    the words around it still find the actor.
    """
    return f'actor:"{name.replace(chr(34), "")}"'


@dataclass(slots=True)
class _Values:
    """Distinct values by `key`, counted, each kept in the spelling first seen."""

    key: Callable[[str], str] = actor_key
    counts: Counter[str] = field(default_factory=Counter)
    spelling: dict[str, str] = field(default_factory=dict)

    def add(self, value: str | None) -> None:
        if not value:
            return
        key = self.key(value)
        if not key:  # nothing but spaces or punctuation
            return
        self.counts[key] += 1
        if key not in self.spelling:
            self.spelling[key] = " ".join(value.split())

    def most_frequent(self) -> tuple[str, ...]:
        # most_common keeps first-seen order among equal counts.
        return tuple(self.spelling[key] for key, _ in self.counts.most_common())


@dataclass(slots=True)
class _Group:
    spellings: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)
    roles: _Values = field(default_factory=_Values)
    affiliations: _Values = field(default_factory=lambda: _Values(country_key))
    briefs: dict[str, str] = field(default_factory=dict)  # brief id → day


def _top(counter: Counter[str]) -> str:
    return counter.most_common(1)[0][0]


def _once(fn: Callable[[str], str]) -> Callable[[str], str]:
    """`fn` computed once per distinct value: names, roles and places recur by the
    thousand across briefs, and folding one costs microseconds."""
    known: dict[str, str] = {}

    def key(value: str) -> str:
        found = known.get(value)
        if found is None:
            found = known[value] = fn(value)
        return found

    return key


Facts = Sequence[str | None]  # name, kind, role, affiliation of each actor in turn, flat


def build_actor_index(briefs: Iterable[Brief]) -> list[ActorEntry]:
    """One entry per actor, most briefs first, then by name (folded)."""
    return build_actor_index_flat(
        (
            brief.id,
            brief.date,
            [v for a in brief.actors for v in (a.name, a.kind, a.role, a.affiliation)],
        )
        for brief in briefs
    )


def build_actor_index_flat(briefs: Iterable[tuple[str, str, Facts]]) -> list[ActorEntry]:
    """`build_actor_index` of (brief id, date, flat actor facts) triples, as the catalog
    keeps them (no Brief, no object per actor)."""
    groups: dict[str, _Group] = {}
    names: dict[str, tuple[str, str]] = {}  # a name's key and spelling, made once each
    role_key, place_key = _once(actor_key), _once(country_key)
    for brief_id, date, facts in briefs:
        day = date[:10]
        for name, kind, role, affiliation in zip(
            facts[0::4], facts[1::4], facts[2::4], facts[3::4], strict=False
        ):
            if name is None or kind is None:  # never so in a doc; kept for the type
                continue
            known = names.get(name)
            if known is None:
                known = names[name] = (actor_key(name), " ".join(name.split()))
            key, spelling = known
            if not key:
                continue
            group = groups.get(key)
            if group is None:
                group = groups[key] = _Group(
                    roles=_Values(role_key), affiliations=_Values(place_key)
                )
            group.spellings[spelling] += 1
            group.kinds[kind] += 1
            if role:
                group.roles.add(role)
            if affiliation:
                group.affiliations.add(affiliation)
            group.briefs[brief_id] = day
    entries = []
    for key, group in groups.items():
        newest_first = sorted(group.briefs.items(), key=lambda item: item[1], reverse=True)
        days = [day for _, day in newest_first]
        entries.append(
            (
                key,
                ActorEntry(
                    name=_top(group.spellings),
                    kind=_top(group.kinds),
                    roles=group.roles.most_frequent(),
                    affiliations=group.affiliations.most_frequent(),
                    brief_count=len(group.briefs),
                    first_date=min(days),
                    last_date=max(days),
                    brief_ids=tuple(brief_id for brief_id, _ in newest_first),
                ),
            )
        )
    entries.sort(key=lambda pair: (-pair[1].brief_count, pair[0]))
    return [entry for _, entry in entries]
