"""The actors found so far in a story, keyed by folded name: what the actor rules fill in and
the later passes (lower-case bodies, acronyms, forums) revise."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefs.drafting.actor_words import NOT_ACTORS, name_words
from briefs.folding import fold

_ABBREVIATED = re.compile(r"\b(?:Co|Corp|Inc|Ltd|Jr|Sr|Bros|Cie|Pty)\.$")

# Per sentence index: (first token, end token, actor name) of each actor mention.
ActorSpans = dict[int, list[tuple[int, int, str]]]


@dataclass
class Entry:
    name: str
    kind: str
    role: str | None = None
    affiliation: str | None = None
    mentions: int = 0
    first: int = 10**9
    aliases: set[str] = field(default_factory=set)


class Registry:
    """Actors found so far, keyed by folded name, with mention counts and first position."""

    def __init__(self, not_actors: set[str]) -> None:
        self.entries: dict[str, Entry] = {}
        self.not_actors = {fold(n) for n in not_actors}

    def add(
        self,
        name: str,
        kind: str,
        pos: int,
        role: str | None = None,
        affiliation: str | None = None,
    ) -> Entry | None:
        name = name.strip(" ,;:-")
        if not _ABBREVIATED.search(name):
            name = name.rstrip(".")  # "Tokai Carbon Co." and "Marcos Jr." keep theirs
        key = fold(name)
        if not key or key in self.not_actors or key in NOT_ACTORS or len(name) > 80:
            return None
        entry = self.entries.get(key)
        if entry is None:
            entry = self.entries[key] = Entry(name, kind)
        entry.mentions += 1
        entry.first = min(entry.first, pos)
        if role and not entry.role:
            entry.role = role
        if affiliation and not entry.affiliation and fold(affiliation) != key:
            entry.affiliation = affiliation
        return entry

    def person_by_part(self, word: str) -> Entry | None:
        """The one person whose first or last name is `word` ("Carney", "Xi")."""
        key = fold(word)
        found = [
            e
            for e in self.entries.values()
            if e.kind == "person" and key in ((words := name_words(e.name))[0], words[-1])
        ]
        return found[0] if len(found) == 1 else None
