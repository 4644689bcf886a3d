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

from briefs.search.docs import SearchDoc, TariffDoc, body_needles, needle
from briefs.search.lookup import WordLookup

Row = TariffDoc | None
Test = Callable[[TariffDoc], bool]


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
    """A subtree that reads only the tariff. On a brief: true when one of its tariffs passes,
    or, with no tariffs, `on_none` (the subtree's value with every tariff term false).

    `neg`, when known, is `not test` written as one test (so a negated term costs one call
    per tariff, not two); `parts`, the tests `test` is the AND of (one tariff must pass
    them all), which a search chains in C (`filter`) instead of calling `test`."""

    __slots__ = ("neg", "on_none", "parts", "test")
    needs_row = True
    cost = 1

    def __init__(
        self,
        test: Test,
        on_none: bool = False,
        *,
        neg: Test | None = None,
        parts: tuple[Test, ...] = (),
    ) -> None:
        self.test, self.on_none, self.neg = test, on_none, neg
        self.parts = parts or (test,)

    def brief(self, doc: SearchDoc) -> bool:
        tariffs = doc.tariffs
        if not tariffs:
            return self.on_none
        return any(map(self.test, tariffs))

    def row(self, doc: SearchDoc, tariff: Row, tracker: bool) -> bool:
        return self.on_none if tariff is None else self.test(tariff)

    def select(self, docs: list[SearchDoc]) -> list[SearchDoc]:
        on_none, parts = self.on_none, self.parts
        # A brief's first tariff is tried on its own first: when it passes (most briefs,
        # for a broad term) no iterator is made for the rest.
        if len(parts) == 2:
            first, second = parts
            return [
                d
                for d in docs
                if (
                    (first(t := ts[0]) and second(t)) or any(map(second, filter(first, ts[1:])))
                    if (ts := d.tariffs)
                    else on_none
                )
            ]
        test = self.test
        return [
            d
            for d in docs
            if ((test(ts[0]) or any(map(test, ts[1:]))) if (ts := d.tariffs) else on_none)
        ]


class Country(Node):
    """country: a party of one of the brief's tariffs, or (not in the tracker) a place of its
    actors. `needle` is a `party_needle`."""

    __slots__ = ("needle",)
    needs_row = True
    cost = 1

    def __init__(self, needle: str) -> None:
        self.needle = needle

    def brief(self, doc: SearchDoc) -> bool:
        party = self.needle
        return party in doc.places or any(t.names(party) for t in doc.tariffs)

    def row(self, doc: SearchDoc, tariff: Row, tracker: bool) -> bool:
        if not tracker and self.needle in doc.places:
            return True
        return tariff is not None and tariff.names(self.needle)


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
        test = node.test
        negated = node.neg or (lambda t: not test(t))
        return TariffTest(negated, not node.on_none, neg=test)
    return Not(node)


def all_of(nodes: list[Node]) -> Node:
    pure = [n for n in nodes if isinstance(n, TariffTest)]
    if len(pure) > 1:  # one tariff must pass them all: test them together
        tests = tuple(f for n in pure for f in n.parts)
        if len(tests) == 2:
            first, second = tests
            test: Test = lambda t: first(t) and second(t)  # noqa: E731
        else:
            test = lambda t: all(f(t) for f in tests)  # noqa: E731
        joined = TariffTest(test, all(n.on_none for n in pure), parts=tests)
        nodes = [n for n in nodes if not isinstance(n, TariffTest)] + [joined]
    return nodes[0] if len(nodes) == 1 else And(nodes)


def any_of(nodes: list[Node]) -> Node:
    pure = [n for n in nodes if isinstance(n, TariffTest)]
    if len(nodes) > 1 and len(pure) == len(nodes):
        tests = [n.test for n in pure]
        return TariffTest(lambda t: any(f(t) for f in tests), any(n.on_none for n in pure))
    return nodes[0] if len(nodes) == 1 else Or(nodes)


def everything(doc: SearchDoc) -> bool:
    """The matcher of the blank query."""
    return True
