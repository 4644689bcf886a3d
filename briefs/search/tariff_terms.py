"""Tariff-level terms (by:, on:, product:, status:, measure:, rate:, country:'s tariff part)
as tests of a tariff's codes (briefs.search.codes).

A term is a `Part` test on one kind of part (`Atom`): which characters of the table pass it
is worked out once per distinct part, not once per tariff, and kept as the table grows.
Terms combine (`Neg`, `All`, `Any`) into the test of one tariff. `compile` turns a
combination into what a search runs: a test of one tariff's `WIDTH` characters, and, when
every term looks at the same kind of part, one character class that finds a passing
tariff in a whole brief's string in C (`Compiled.search`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from briefs.search.codes import TABLE, WIDTH, Part, class_of

Test = Callable[[str], bool]  # of one tariff's characters


class Expr:
    """A test of one tariff. `on_none`: its value with every term false (a brief with no
    tariffs); `kinds`: the kinds of part it reads."""

    __slots__ = ("kinds", "on_none")
    kinds: frozenset[int]
    on_none: bool

    def chars(self) -> tuple[set[str], bool]:
        """(S, others) for an expression of one kind: a tariff passes when its character
        of that kind is in S (not in S, with `others`)."""
        raise NotImplementedError


_ATOMS: dict[tuple[object, ...], Atom] = {}


class Atom(Expr):
    """One term: the parts of `kind` that `test` passes, found as the table grows."""

    __slots__ = ("_seen", "_set", "kind", "test")

    def __init__(self, kind: int, test: Callable[[Part], bool]) -> None:
        self.kind, self.test = kind, test
        self.kinds, self.on_none = frozenset((kind,)), False
        self._set: set[str] = set()
        self._seen = 0

    @classmethod
    def of(cls, key: tuple[object, ...], kind: int, test: Callable[[Part], bool]) -> Atom:
        """The atom of term `key` (what it means, e.g. ('by', ' canada ')): one per term
        for the process, so what was worked out of the table is kept across queries."""
        found = _ATOMS.get(key)
        if found is None:
            if len(_ATOMS) > 512:
                _ATOMS.clear()
            found = _ATOMS[key] = cls(kind, test)
        return found

    def chars(self) -> tuple[set[str], bool]:
        if self._seen != TABLE.version:
            kind, test, found = self.kind, self.test, self._set
            seen = self._seen
            for char, of, part in TABLE.added_since(seen):
                seen += 1
                if of == kind and test(part):
                    found.add(char)
            self._seen = seen
        return self._set, False


class Neg(Expr):
    __slots__ = ("child",)

    def __init__(self, child: Expr) -> None:
        self.child, self.kinds, self.on_none = child, child.kinds, not child.on_none

    def chars(self) -> tuple[set[str], bool]:
        found, others = self.child.chars()
        return found, not others


class All(Expr):
    __slots__ = ("children",)

    def __init__(self, children: list[Expr]) -> None:
        self.children = children
        self.kinds = frozenset().union(*(c.kinds for c in children))
        self.on_none = all(c.on_none for c in children)

    def chars(self) -> tuple[set[str], bool]:
        # In S and in T; in S, not in T; in neither (not in S ∪ T).
        found, others = self.children[0].chars()
        for child in self.children[1:]:
            more, neg = child.chars()
            if not others and not neg:
                found = found & more
            elif not others:
                found = found - more
            elif not neg:
                found, others = more - found, False
            else:
                found = found | more
        return found, others


class Any(Expr):
    __slots__ = ("children",)

    def __init__(self, children: list[Expr]) -> None:
        self.children = children
        self.kinds = frozenset().union(*(c.kinds for c in children))
        self.on_none = any(c.on_none for c in children)

    def chars(self) -> tuple[set[str], bool]:
        # De Morgan on All: the characters failing each child, then the opposite.
        found, others = self.children[0].chars()
        for child in self.children[1:]:
            more, neg = child.chars()
            if others and neg:
                found = found & more
            elif others:
                found = found - more
            elif neg:
                found, others = more - found, True
            else:
                found = found | more
        return found, others


@dataclass(frozen=True, slots=True)
class Compiled:
    """What a search runs of an expression, for the table as it is now."""

    test: Test  # one tariff's characters
    search: Callable[[str], object] | None  # a brief's string: truthy when a tariff passes
    first: tuple[Callable[[str], object], ...]  # necessary tests of a brief's string


def _never(_: str) -> None:
    return None


def _searcher(kind: int, found: set[str], others: bool) -> Callable[[str], object]:
    pattern = class_of(kind, found, others=others)
    return re.compile(pattern).search if pattern else _never


def _test(expr: Expr) -> Test:
    if len(expr.kinds) == 1:
        (kind,) = expr.kinds
        found, others = expr.chars()
        if others:
            return lambda t: t[kind] not in found
        return lambda t: t[kind] in found
    if isinstance(expr, Neg):
        inner = _test(expr.child)
        return lambda t: not inner(t)
    tests = [_test(c) for c in expr.children]  # type: ignore[attr-defined]
    if isinstance(expr, All):
        if len(tests) == 2:
            a, b = tests
            return lambda t: a(t) and b(t)
        return lambda t: all(f(t) for f in tests)
    if len(tests) == 2:
        a, b = tests
        return lambda t: a(t) or b(t)
    return lambda t: any(f(t) for f in tests)


def _joined(expr: All) -> Callable[[str], object] | None:
    """One search for an AND of terms of one kind each: the classes of the kinds side by
    side, as a tariff's characters stand (a character of a kind is only ever at that
    kind's place in a tariff, so the classes can only match within one tariff)."""
    groups: dict[int, list[Expr]] = {}
    for child in expr.children:
        if len(child.kinds) != 1:
            return None
        groups.setdefault(next(iter(child.kinds)), []).append(child)
    classes: list[str | None] = []
    for kind in range(WIDTH):
        group = groups.get(kind)
        if group is None:
            classes.append(None)
            continue
        found, others = (group[0] if len(group) == 1 else All(group)).chars()
        wanted = class_of(kind, found, others=others)
        if not wanted:
            return _never  # no tariff can pass
        classes.append(wanted)
    while classes[0] is None:
        classes.pop(0)
    while classes[-1] is None:
        classes.pop()
    return re.compile("".join("." if c is None else c for c in classes), re.DOTALL).search


def compile_expr(expr: Expr) -> Compiled:
    test = _test(expr)
    if len(expr.kinds) == 1:
        (kind,) = expr.kinds
        return Compiled(test, _searcher(kind, *expr.chars()), ())
    first: list[Callable[[str], object]] = []
    if isinstance(expr, All):  # each part of one kind must hold on some tariff
        joined = _joined(expr)
        if joined is not None:
            return Compiled(test, joined, ())
        for child in expr.children:
            if len(child.kinds) == 1:
                (kind,) = child.kinds
                first.append(_searcher(kind, *child.chars()))
    return Compiled(test, None, tuple(first))
