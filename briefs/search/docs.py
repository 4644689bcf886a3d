"""What search knows of one brief: a `SearchDoc`, built by `make_doc`.

Text is folded (lower case, accents stripped) and laid out as ' w1 w2 … ' segments, so that
a word or phrase test is one `in` on a str (C speed, no regular expressions built from the
query). Segments are joined by newlines, which no word holds, so a phrase never matches
across two fields, two actors or two notes. `needle`, `body_needles` and `party_needle` make
what to look for in that layout; the query uses them and never builds a needle itself.

Memory: the body is the largest part of a brief, so a doc keeps only the body's distinct
words, sorted, in one string (about 2 KB for a 600-word article) instead of its running
text. A phrase is therefore matched exactly in the title, summary, actors, products and
notes, and approximately in the body: there it matches when each of its words occurs in the
body, in any order.

A catalog of many briefs keeps the searched text in a word index on disk instead (see
`briefs.search.lookup`): `indexed` gives what to index of a doc, and `light` the doc it
keeps in memory, without that text (its free words and `actor:` terms are then answered by
the index, through `Query.bound`).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields, replace
from typing import ClassVar

from briefs.folding import segment, words
from briefs.gazetteer import country_key
from briefs.model import Actor, Brief, Tariff
from briefs.search.codes import TABLE, WIDTH, tariff_parts

_NO_TARIFFS: tuple[None] = (None,)


def _segments(texts: Iterable[str | None]) -> str:
    """Folded segments joined by newlines, so no phrase spans two of them. A segment met
    again is left out: no `in` test can tell (a role or product named twice costs once)."""
    return "\n".join(dict.fromkeys(s for s in (segment(t) for t in texts if t) if s))


# Years as objects shared by every tariff that names one (ints above 256 are not).
_YEARS = {year: year for year in range(1800, 2200)}


def shared_year(year: int | None) -> int | None:
    """`year`, as the one object every tariff of that year holds."""
    return None if year is None else _YEARS.get(year, year)


def _padded_key(name: str) -> str:
    # Interned: a few parties recur across thousands of tariffs and docs.
    return sys.intern(party_needle(name))


def needle(found: Sequence[str], *, whole: bool) -> str:
    """What finds folded words `found` (in order) in a segment field with `in`.

    ' w1 w2' finds them at a word start ('tariff' in 'tariffs'); with `whole` the needle
    ends in a space too, so only whole words match. `found` must not be empty.
    """
    return " " + " ".join(found) + (" " if whole else "")


def body_needles(found: Sequence[str], *, whole: bool) -> tuple[str, ...]:
    """What finds the words `found` in `SearchDoc.body`, one needle per word.

    The body keeps distinct words only, so a phrase is there when each of its words is:
    all but the last as whole words, the last a word start unless `whole`.
    """
    return (*(f" {w} " for w in found[:-1]), needle(found[-1:], whole=whole))


def party_needle(name: str) -> str:
    """What finds a party in `TariffDoc.by`/`on` and `SearchDoc.places`: ' united states '."""
    return " " + country_key(name) + " "


def tag_key(tag: str) -> str:
    """A tag as `SearchDoc.tags` holds it: its folded words, one space apart."""
    return " ".join(words(tag))


@dataclass(frozen=True, slots=True)
class TariffDoc:
    """One tariff, as a doc's codes name it (`SearchDoc.tariffs`; made when asked).

    `by` and `on` are padded country keys (' united states '); `on` is None when the tariff
    applies to all. `products` holds folded segments; `rate` comes from `parse_rate`.
    The rest is the tariff as written: `imposer` and `target` its parties, `listed` its
    products joined by ', ', `rate_text` its rate, `year` its year.
    """

    by: str
    on: str | None
    products: str
    measure: str
    status: str
    rate: float | None
    imposer: str = ""
    target: str | None = None
    listed: str = ""
    rate_text: str | None = None
    year: int | None = None

    def names(self, party: str) -> bool:
        """Does this tariff name `party` (a `party_needle`) as imposer or target?"""
        return party in self.by or (self.on is not None and party in self.on)


@dataclass(frozen=True, slots=True)
class SearchDoc:
    """What search needs of one brief and the reader's state for it; immutable.

    Segment fields, searched with a `needle`: `text` holds title, summary, actor roles and
    affiliations, and products; `actors` the actor names; `notes` the reader's notes;
    `source` the publisher. `key` names the brief in a word index (a `light` doc, whose
    `text`, `actors` and `body` are empty, is searched through it). `body` holds the
    body's distinct words, sorted, as ' w1 w2 … ': search it with `body_needles`.
    `places` holds the padded country keys of actor affiliations and of actors that are
    countries (a `party_needle` finds one); `tags` each tag as `tag_key` makes it. `id`,
    `date` and `title` are the brief's own strings (used for ordering). `people` is the
    actors as written, for the actor index: name, kind, role and affiliation of each in
    turn, flat (one tuple, not one per actor). `codes` holds the tariffs, `WIDTH`
    characters each (briefs.search.codes): tariff terms test those, and `tariffs` makes
    their `TariffDoc`s when asked.

    A doc of this class is `light`: `text`, `body`, `actors` and `people` are empty (no
    slot for them: 100,000 docs are held), its words being in a word index under `key`.
    `make_doc` makes a `WholeDoc`, which holds them.
    """

    id: str
    date: str
    title: str
    notes: str
    places: str
    source: str
    tags: tuple[str, ...]
    codes: str
    read: bool
    starred: bool
    has_notes: bool
    key: int = 0  # the brief's number in a word index (see `light`); 0: none
    text: ClassVar[str] = ""
    body: ClassVar[str] = ""
    actors: ClassVar[str] = ""
    people: ClassVar[tuple[str | None, ...]] = ()

    @property
    def tariff_count(self) -> int:
        return len(self.codes) // WIDTH

    @property
    def tariffs(self) -> tuple[TariffDoc, ...]:
        """The tariffs, made from `codes` (for tests and single briefs: a search reads the
        codes)."""
        return tuple(map(tariff_doc, self.tariff_rows)) if self.codes else ()

    @property
    def tariff_rows(self) -> tuple[str, ...] | tuple[None]:
        """Each tariff's characters, to read tariff-level terms on: (None,) for none."""
        c = self.codes
        if not c:
            return _NO_TARIFFS
        return tuple([c[k : k + WIDTH] for k in range(0, len(c), WIDTH)])

    def with_reader(
        self,
        *,
        notes: Sequence[str] | None = None,
        read: bool | None = None,
        starred: bool | None = None,
    ) -> SearchDoc:
        """This doc with new reader data; what is not given is kept. No Brief needed."""
        changes: dict[str, object] = {}
        if notes is not None:
            changes["notes"] = _segments(notes)
            changes["has_notes"] = bool(notes)
        if read is not None:
            changes["read"] = read
        if starred is not None:
            changes["starred"] = starred
        return replace(self, **changes)

    def with_folded_notes(self, notes: str) -> SearchDoc:
        """This doc with notes on it, already folded by `note_segments`."""
        return replace(self, notes=notes, has_notes=True)


def note_segments(notes: Sequence[str]) -> str:
    """The reader's notes on one brief as `SearchDoc.notes` holds them."""
    return _segments(notes)


def tariff_code(tariff: Tariff) -> str:
    """The `WIDTH` characters of one tariff (briefs.search.codes)."""
    return (
        TABLE.parties(tariff.imposed_by, tariff.imposed_on)
        + TABLE.goods(", ".join(tariff.products), _segments(tariff.products))
        + TABLE.terms(tariff.measure, tariff.status, tariff.rate, shared_year(tariff.year))
    )


def tariff_doc(code: str) -> TariffDoc:
    """The `TariffDoc` of one tariff's characters."""
    parties, goods, terms = tariff_parts(code)
    return TariffDoc(
        by=parties.by,
        on=parties.on,
        products=goods.products,
        measure=terms.measure,
        status=terms.status,
        rate=terms.rate,
        imposer=parties.imposer,
        target=parties.target,
        listed=goods.listed,
        rate_text=terms.rate_text,
        year=terms.year,
    )


def _shared(text: str | None) -> str | None:
    # Parties, roles and rates recur across thousands of briefs: one copy each.
    return None if text is None else sys.intern(text)


def people(actors: Sequence[Actor]) -> tuple[str | None, ...]:
    """The actors as `SearchDoc.people` holds them: (name, kind, role, affiliation, …)."""
    out: list[str | None] = []
    for a in actors:
        out += (sys.intern(a.name), sys.intern(a.kind), _shared(a.role), _shared(a.affiliation))
    return tuple(out)


def _places(actors: Sequence[Actor]) -> str:
    keys = {a.affiliation for a in actors if a.affiliation}
    keys.update(a.name for a in actors if a.kind == "country")
    return sys.intern("\n".join(sorted({_padded_key(k) for k in keys})))


# Between two segments in indexed text: not a letter or digit, so no word holds it, and a
# phrase (words next to each other) never spans two segments.
SEPARATOR = "\u00b6"


def _laid(segments: str) -> str:
    return f" {SEPARATOR} ".join(s.strip() for s in segments.split("\n") if s.strip())


def indexed(doc: SearchDoc) -> tuple[str, str, str]:
    """What a word index holds of a doc made by `make_doc`: (text, names, body), each its
    folded words one space apart, with `SEPARATOR` between segments (text, names) — so a
    phrase is found where `needle` finds it — and the body's distinct words."""
    return _laid(doc.text), _laid(doc.actors), doc.body.strip()


@dataclass(frozen=True, slots=True)
class WholeDoc(SearchDoc):
    """A doc that holds its searched text and actors itself (see `SearchDoc`)."""

    text: str = ""  # type: ignore[misc]
    body: str = ""  # type: ignore[misc]
    actors: str = ""  # type: ignore[misc]
    people: tuple[str | None, ...] = ()  # type: ignore[misc]


_LIGHT = tuple(f.name for f in fields(SearchDoc))


def light(doc: SearchDoc, key: int) -> SearchDoc:
    """`doc` without the text a word index holds for it (`indexed`), named by `key` there,
    and without `people` (the catalog keeps those beside the index too)."""
    return SearchDoc(**{name: getattr(doc, name) for name in _LIGHT[:-1]}, key=key)


def make_doc(
    brief: Brief, *, notes: Sequence[str] = (), read: bool = False, starred: bool = False
) -> SearchDoc:
    """Build the search doc of `brief`; `notes` are the texts of the reader's notes on it.

    A brief with any note, even a blank one, counts for `has:notes`.
    """
    roles: list[str | None] = []
    for actor in brief.actors:
        roles += (actor.role, actor.affiliation)
    products = [p for t in brief.tariffs for p in t.products]
    text = _segments([brief.title, brief.summary, *roles, *products])
    names = _segments(a.name for a in brief.actors)
    body_words = sorted(set(words(brief.body))) if brief.body else ()
    return WholeDoc(
        id=brief.id,
        date=sys.intern(brief.date),  # a few thousand days across all briefs
        title=brief.title,
        text=text,
        body=" " + " ".join(body_words) + " " if body_words else "",
        notes=_segments(notes),
        actors=names,
        places=_places(brief.actors),
        source=sys.intern(segment(brief.source)) if brief.source else "",
        tags=tuple(sys.intern(tag_key(t)) for t in brief.tags),
        codes="".join(map(tariff_code, brief.tariffs)),
        read=read,
        starred=starred,
        has_notes=bool(notes),
        people=people(brief.actors),
    )
