"""The tree a query parses into, and how it is evaluated on search docs.

Every node answers two questions: `brief(doc)`, does the brief match; and
`row(doc, tariff, tracker)`, does the query hold with tariff-level terms read on `tariff`
(None: the brief has no tariffs). `tracker` is True in the tariff tracker, where
`country:` looks at the tariff only. `needs_row` marks nodes with tariff-level terms.
Build nodes with `negate`/`all_of`/`any_of`: they fold subtrees that read only the tariff
into one `TariffTest`, so such a subtree costs one loop over the tariffs.

`select(docs)` answers the first question for a whole list at once, keeping the list's
order: it is always `[d for d in docs if node.brief(d)]`, written so that a search runs as
a few list comprehensions over the docs instead of a tree of calls per doc (an AND filters
what its cheaper children kept; leaves test attributes inline).

`bind(lookup)` gives the same tree with each term that reads searched text (free words,
`actor:`) replaced by a `Hits` node holding the keys a `WordLookup` found for it: docs whose
text lives in an index on disk are then searched with the same meaning.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from operator import attrgetter

from briefs.search.codes import PARTIES, TABLE, WIDTH
from briefs.search.docs import SearchDoc, body_needles, needle
from briefs.search.lookup import WordLookup
from briefs.search.tariff_terms import All, Any, Atom, Compiled, Expr, Neg, compile_expr

Row = str | None  # one tariff's characters (briefs.search.codes); None: the brief has none


class Node:
    """A term or a combination of terms; see the module docstring for the two questions."""

    __slots__ = ()
    needs_row = False
    cost = 0  # rough price of one test; And runs cheap children first

    def brief(self, doc: SearchDoc) -> bool:
        raise NotImplementedError

    def row(self, doc: SearchDoc, tariff: Row, tracker: bool) -> bool:
        return self.brief(doc)

    def select(self, docs: list[SearchDoc]) -> list[SearchDoc]:
        """The docs `brief` keeps, in their order (see the module docstring)."""
        test = self.brief
        return [d for d in docs if test(d)]

    def bind(self, lookup: WordLookup) -> Node:
        """This node with its text terms answered by `lookup` (itself when it has none)."""
        return self


class Flag(Node):
    """A test of the brief or the reader's state for it (is:, has:, tag:)."""

    __slots__ = ("test",)

    def __init__(self, test: Callable[[SearchDoc], bool]) -> None:
        self.test = test

    def brief(self, doc: SearchDoc) -> bool:
        return self.test(doc)


class Is(Flag):
    """A truth test of one doc attribute (read, starred, has_notes, tariffs): `want`ed
    true or false."""

    __slots__ = ("get", "want")

    def __init__(self, attr: str, want: bool) -> None:
        get = attrgetter(attr)
        super().__init__((lambda d: bool(get(d))) if want else (lambda d: not get(d)))
        self.get, self.want = get, want

    def select(self, docs: list[SearchDoc]) -> list[SearchDoc]:
        get = self.get
        if self.want:
            return [d for d in docs if get(d)]
        return [d for d in docs if not get(d)]


class Dates(Node):
    """start <= date < end on ISO strings; a longer 'YYYY-MM-DDThh:mm' sorts after its day."""

    __slots__ = ("end", "start")

    def __init__(self, start: str | None, end: str | None) -> None:
        self.start, self.end = start, end

    def brief(self, doc: SearchDoc) -> bool:
        date = doc.date
        return (self.start is None or date >= self.start) and (self.end is None or date < self.end)

    def select(self, docs: list[SearchDoc]) -> list[SearchDoc]:
        start, end = self.start, self.end
        if start is None and end is None:
            return list(docs)
        if end is None:
            return [d for d in docs if d.date >= start]  # type: ignore[operator]
        if start is None:
            return [d for d in docs if d.date < end]
        return [d for d in docs if start <= d.date < end]


class Words(Node):
    """Free words and phrases: text, actors, notes, then (approximately, for phrases) the body.

    The body holds distinct words only: a phrase matches there when each word is in it."""

    __slots__ = ("found", "needle", "parts", "prefix")
    cost = 3

    def __init__(self, found: list[str], *, prefix: bool) -> None:
        self.found, self.prefix = tuple(found), prefix
        self.needle = needle(found, whole=not prefix)
        self.parts = body_needles(found, whole=not prefix)

    def bind(self, lookup: WordLookup) -> Node:
        keys = lookup.word_hits(self.found, prefix=self.prefix, actors_only=False)
        return Hits(keys, self.needle, self)

    def brief(self, doc: SearchDoc) -> bool:
        needle = self.needle
        if needle in doc.text or needle in doc.actors or needle in doc.notes:
            return True
        return all(map(doc.body.__contains__, self.parts))

    def select(self, docs: list[SearchDoc]) -> list[SearchDoc]:
        n, parts = self.needle, self.parts
        if len(parts) == 1:
            p = parts[0]
            return [d for d in docs if n in d.text or n in d.actors or n in d.notes or p in d.body]
        return [
            d
            for d in docs
            if n in d.text or n in d.actors or n in d.notes or all(map(d.body.__contains__, parts))
        ]


class Contains(Node):
    """A needle in one folded string attribute of the doc (actor, source, places)."""

    __slots__ = ("attr", "needle")
    cost = 1

    def __init__(self, attr: str, needle: str) -> None:
        self.attr, self.needle = attr, needle

    def brief(self, doc: SearchDoc) -> bool:
        return self.needle in getattr(doc, self.attr)

    def select(self, docs: list[SearchDoc]) -> list[SearchDoc]:
        n = self.needle
        if self.attr == "actors":  # the common one, read without a getter call
            return [d for d in docs if n in d.actors]
        get = attrgetter(self.attr)
        return [d for d in docs if n in get(d)]


class Actor(Contains):
    """actor: words at the start of an actor's name (a `Contains` on `actors`)."""

    __slots__ = ("found",)

    def __init__(self, found: list[str]) -> None:
        super().__init__("actors", needle(found, whole=False))
        self.found = tuple(found)

    def bind(self, lookup: WordLookup) -> Node:
        return Hits(lookup.word_hits(self.found, prefix=True, actors_only=True), None, self)


class Hits(Node):
    """A text term answered by a `WordLookup`: the brief's key is among those it found, or
    (free words) `notes` is in the brief's notes, which stay in memory. A doc without a
    key (not in the word index: kept whole) is tested by the term itself, `whole`."""

    __slots__ = ("keys", "notes", "whole")

    def __init__(self, keys: Collection[int], notes: str | None, whole: Node) -> None:
        self.keys, self.notes, self.whole = keys, notes, whole

    def brief(self, doc: SearchDoc) -> bool:
        if not doc.key:
            return self.whole.brief(doc)
        return doc.key in self.keys or (self.notes is not None and self.notes in doc.notes)

    def select(self, docs: list[SearchDoc]) -> list[SearchDoc]:
        keys, n, whole = self.keys, self.notes, self.whole.brief
        if n is None:
            return [d for d in docs if (d.key in keys if d.key else whole(d))]
        return [d for d in docs if (d.key in keys or n in d.notes if d.key else whole(d))]


class TariffTest(Node):
    """A subtree that reads only the tariff (an `Expr` of briefs.search.tariff_terms). On a
    brief: true when one of its tariffs passes, or, with no tariffs, `on_none` (the
    subtree's value with every tariff term false). `test` takes one tariff's characters."""

    __slots__ = ("_made", "_version", "expr")
    needs_row = True
    cost = 1

    def __init__(self, expr: Expr) -> None:
        self.expr = expr
        self._made: Compiled | None = None
        self._version = -1

    @property
    def on_none(self) -> bool:
        return self.expr.on_none

    def compiled(self) -> Compiled:
        """What to run, for the table of parts as it is now (made again as it grows)."""
        if self._made is None or self._version != TABLE.version:
            self._version = TABLE.version
            self._made = compile_expr(self.expr)
        return self._made

    @property
    def test(self) -> Callable[[str], bool]:
        return self.compiled().test

    def brief(self, doc: SearchDoc) -> bool:
        codes = doc.codes
        if not codes:
            return self.on_none
        made = self.compiled()
        if made.search is not None:
            return bool(made.search(codes))
        test = made.test
        return any(test(codes[k : k + WIDTH]) for k in range(0, len(codes), WIDTH))

    def row(self, doc: SearchDoc, tariff: Row, tracker: bool) -> bool:
        return self.on_none if tariff is None else self.test(tariff)

    def select(self, docs: list[SearchDoc]) -> list[SearchDoc]:
        made, on_none = self.compiled(), self.on_none
        search = made.search
        if search is not None:  # one character class, searched in C over each brief's codes
            return [d for d in docs if (search(c) if (c := d.codes) else on_none)]
        for first in made.first:  # what some tariff must hold, brief by brief, first
            docs = [d for d in docs if (first(c) if (c := d.codes) else on_none)]
        test = made.test
        return [
            d
            for d in docs
            if (
                any(test(c[k : k + WIDTH]) for k in range(0, len(c), WIDTH))
                if (c := d.codes)
                else on_none
            )
        ]


class Country(Node):
    """country: a party of one of the brief's tariffs, or (not in the tracker) a place of its
    actors. `needle` is a `party_needle`."""

    __slots__ = ("needle", "parties")
    needs_row = True
    cost = 1

    def __init__(self, needle: str) -> None:
        self.needle = needle
        self.parties = TariffTest(
            Atom.of(
                ("country", needle),
                PARTIES,
                lambda p: needle in p.by or (p.on is not None and needle in p.on),  # type: ignore[union-attr]
            )
        )

    def brief(self, doc: SearchDoc) -> bool:
        return self.needle in doc.places or self.parties.brief(doc)

    def row(self, doc: SearchDoc, tariff: Row, tracker: bool) -> bool:
        if not tracker and self.needle in doc.places:
            return True
        return tariff is not None and self.parties.test(tariff)

    def select(self, docs: list[SearchDoc]) -> list[SearchDoc]:
        n, search = self.needle, self.parties.compiled().search
        assert search is not None  # one kind of part
        return [d for d in docs if n in d.places or (search(c) if (c := d.codes) else False)]


class Not(Node):
    __slots__ = ("child", "cost", "needs_row")

    def __init__(self, child: Node) -> None:
        self.child = child
        self.needs_row = child.needs_row
        self.cost = child.cost

    def brief(self, doc: SearchDoc) -> bool:
        child = self.child
        if not self.needs_row:
            return not child.brief(doc)
        return any(not child.row(doc, t, False) for t in doc.tariff_rows)

    def row(self, doc: SearchDoc, tariff: Row, tracker: bool) -> bool:
        return not self.child.row(doc, tariff, tracker)

    def bind(self, lookup: WordLookup) -> Node:
        child = self.child.bind(lookup)
        return self if child is self.child else Not(child)

    def select(self, docs: list[SearchDoc]) -> list[SearchDoc]:
        if self.needs_row:
            return Node.select(self, docs)
        kept = set(map(id, self.child.select(docs)))
        return [d for d in docs if id(d) not in kept]


class And(Node):
    __slots__ = ("children", "cost", "needs_row", "plain", "rowed")

    def __init__(self, children: list[Node]) -> None:
        self.children = sorted(children, key=lambda c: c.cost)
        self.plain = [c for c in self.children if not c.needs_row]
        self.rowed = [c for c in self.children if c.needs_row]
        self.needs_row = bool(self.rowed)
        self.cost = max(c.cost for c in children)

    def brief(self, doc: SearchDoc) -> bool:
        # "Some tariff makes all true" = the brief-level children, then one shared tariff.
        for child in self.plain:
            if not child.brief(doc):
                return False
        rowed = self.rowed
        if not rowed:
            return True
        if len(rowed) == 1:
            return rowed[0].brief(doc)
        return any(all(c.row(doc, t, False) for c in rowed) for t in doc.tariff_rows)

    def select(self, docs: list[SearchDoc]) -> list[SearchDoc]:
        for child in self.plain:
            if not docs:
                return docs
            docs = child.select(docs)
        rowed = self.rowed
        if not rowed or not docs:
            return docs
        if len(rowed) == 1:
            return rowed[0].select(docs)
        return [
            d for d in docs if any(all(c.row(d, t, False) for c in rowed) for t in d.tariff_rows)
        ]

    def row(self, doc: SearchDoc, tariff: Row, tracker: bool) -> bool:
        return all(c.row(doc, tariff, tracker) for c in self.children)

    def bind(self, lookup: WordLookup) -> Node:
        children = [c.bind(lookup) for c in self.children]
        if all(new is old for new, old in zip(children, self.children, strict=True)):
            return self
        return And(children)


class Or(Node):
    __slots__ = ("children", "cost", "needs_row")

    def __init__(self, children: list[Node]) -> None:
        self.children = children
        self.needs_row = any(c.needs_row for c in children)
        self.cost = max(c.cost for c in children)

    def brief(self, doc: SearchDoc) -> bool:
        # "Some tariff makes one true" splits over OR: each child may use its own tariff.
        # A loop, not any(): a generator costs more than the test on most briefs.
        for child in self.children:  # noqa: SIM110
            if child.brief(doc):
                return True
        return False

    def select(self, docs: list[SearchDoc]) -> list[SearchDoc]:
        children = self.children
        if all(isinstance(c, Flag) for c in children):  # cheap tests: one pass, no sets
            tests = [c.test for c in children]
            if len(tests) == 2:
                first, second = tests
                return [d for d in docs if first(d) or second(d)]
            return [d for d in docs if any(t(d) for t in tests)]
        # Each child looks only at the docs no earlier child kept.
        kept: set[int] = set()
        rest = docs
        for child in children:
            if kept:
                rest = [d for d in rest if id(d) not in kept]
            kept.update(map(id, child.select(rest)))
        return [d for d in docs if id(d) in kept]

    def row(self, doc: SearchDoc, tariff: Row, tracker: bool) -> bool:
        return any(c.row(doc, tariff, tracker) for c in self.children)

    def bind(self, lookup: WordLookup) -> Node:
        children = [c.bind(lookup) for c in self.children]
        if all(new is old for new, old in zip(children, self.children, strict=True)):
            return self
        return Or(children)


def negate(node: Node) -> Node:
    if isinstance(node, TariffTest):
        expr = node.expr
        return TariffTest(expr.child if isinstance(expr, Neg) else Neg(expr))
    return Not(node)


def all_of(nodes: list[Node]) -> Node:
    pure = [n for n in nodes if isinstance(n, TariffTest)]
    if len(pure) > 1:  # one tariff must pass them all: test them together
        joined = TariffTest(All([n.expr for n in pure]))
        nodes = [n for n in nodes if not isinstance(n, TariffTest)] + [joined]
    return nodes[0] if len(nodes) == 1 else And(nodes)


def any_of(nodes: list[Node]) -> Node:
    pure = [n for n in nodes if isinstance(n, TariffTest)]
    if len(nodes) > 1 and len(pure) == len(nodes):
        return TariffTest(Any([n.expr for n in pure]))
    return nodes[0] if len(nodes) == 1 else Or(nodes)


def everything(doc: SearchDoc) -> bool:
    """The matcher of the blank query."""
    return True
