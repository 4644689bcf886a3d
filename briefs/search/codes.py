"""Tariffs as codes: one character per part of a tariff, from one table of the distinct parts.

At 100,000 briefs a catalog holds some 400,000 tariffs, and an object per tariff (eleven
fields) was its largest part. The parts of a tariff recur (the same two countries, the
same products, the same measure, status and rate), so each distinct part is kept once, in
`TABLE`, named by one character, and a brief keeps its tariffs as one string of `WIDTH`
characters per tariff: its parties, its goods, its terms (`PARTIES`, `GOODS`, `TERMS`).

The characters of each kind of part come from blocks of their own, so a test on one kind
is a set of characters (or, for a whole brief, one character class of a regular
expression searched in C over the brief's string): a character of another kind is never in
it. A block is handed out when a kind fills its last, so no kind has a fixed limit; all
kinds together have some 1.1 million code points (no process holds that many distinct
parts: there are about 4 tariffs a brief).

The table only grows (a part no brief holds any more stays: parts are small and few). It
is shared by every catalog and search index of the process; additions take a lock, so a
scan in a worker and the interface may both add parts.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterable
from typing import NamedTuple

from briefs.gazetteer import country_key
from briefs.rates import parse_rate

PARTIES, GOODS, TERMS = 0, 1, 2  # a tariff's characters, in order
WIDTH = 3
KINDS = (PARTIES, GOODS, TERMS)


class Parties(NamedTuple):
    imposer: str  # as written
    target: str | None
    by: str  # padded country keys, as `briefs.search.docs.party_needle` makes them
    on: str | None


class Goods(NamedTuple):
    listed: str  # the products as written, joined by ', '
    products: str  # their folded segments (`briefs.search.docs`)


class Terms(NamedTuple):
    measure: str
    status: str
    rate_text: str | None
    rate: float | None  # `parse_rate` of rate_text
    year: int | None


Part = Parties | Goods | Terms

_BLOCK = 0x1000
_FIRST = 0x1000  # below: ASCII and friends, never used, so no code reads as text
_SURROGATES = range(0xD800, 0xE000)


def _padded(name: str) -> str:
    return sys.intern(" " + country_key(name) + " ")


class CodeTable:
    """Every distinct tariff part met in this process, by character and by value."""

    def __init__(self) -> None:
        # Of each kind, its parts' keys → characters (a dict per kind: no (kind, key)
        # tuple per part).
        self._codes: dict[int, dict[tuple[object, ...], str]] = {kind: {} for kind in KINDS}
        self.parts: dict[str, Part] = {}  # character → part
        self.order: list[str] = []  # characters in the order they were handed out
        self.kinds: list[int] = []  # the kind of each, beside `order`
        self.blocks: dict[int, list[int]] = {kind: [] for kind in KINDS}  # block starts
        self._next = {kind: 0 for kind in KINDS}  # next code point of each (0: none yet)
        self._top = _FIRST  # the next block's start
        self._lock = threading.Lock()

    @property
    def version(self) -> int:
        """Grows with every part added: what was worked out from the table is then stale."""
        return len(self.order)

    def _add(self, kind: int, key: tuple[object, ...], make: Callable[[], Part]) -> str:
        with self._lock:
            codes = self._codes[kind]
            found = codes.get(key)
            if found is not None:
                return found
            point = self._next[kind]
            if point == 0 or point % _BLOCK == 0:
                if self._top in _SURROGATES:
                    self._top = _SURROGATES.stop
                if self._top > sys.maxunicode:
                    raise OverflowError("too many distinct tariff parts for one process")
                point = self._top
                self.blocks[kind].append(point)
                self._top += _BLOCK
            self._next[kind] = point + 1
            char = chr(point)
            self.parts[char] = make()
            self.kinds.append(kind)
            self.order.append(char)  # last: a reader of `order` finds the part there
            codes[key] = char
            return char

    def parties(self, imposer: str, target: str | None) -> str:
        key = (imposer, target)
        found = self._codes[PARTIES].get(key)
        if found is not None:
            return found
        return self._add(
            PARTIES,
            key,
            lambda: Parties(
                sys.intern(imposer),
                None if target is None else sys.intern(target),
                _padded(imposer),
                _padded(target) if target else None,
            ),
        )

    def goods(self, listed: str, products: str) -> str:
        key = (listed, products)
        found = self._codes[GOODS].get(key)
        if found is not None:
            return found
        return self._add(GOODS, key, lambda: Goods(sys.intern(listed), sys.intern(products)))

    def terms(self, measure: str, status: str, rate: str | None, year: int | None) -> str:
        key = (measure, status, rate, year)
        found = self._codes[TERMS].get(key)
        if found is not None:
            return found
        return self._add(
            TERMS,
            key,
            lambda: Terms(
                sys.intern(measure),
                sys.intern(status),
                None if rate is None else sys.intern(rate),
                parse_rate(rate),
                year,
            ),
        )

    def added_since(self, seen: int) -> Iterable[tuple[str, int, Part]]:
        """(character, kind, part) of each part added after the first `seen`."""
        order, kinds, parts = self.order, self.kinds, self.parts
        for k in range(seen, len(order)):
            yield order[k], kinds[k], parts[order[k]]


TABLE = CodeTable()


def tariff_parts(code: str) -> tuple[Parties, Goods, Terms]:
    """The parts of one tariff's `WIDTH` characters."""
    parts = TABLE.parts
    return parts[code[0]], parts[code[1]], parts[code[2]]  # type: ignore[return-value]


def class_of(kind: int, chars: Iterable[str], *, others: bool) -> str:
    """A regular-expression character class of `chars` (all of `kind`), or with `others`
    of every other character of that kind's blocks; '' when it would be empty."""
    points = sorted(map(ord, chars))
    if others:
        wanted: list[tuple[int, int]] = []
        for start in sorted(TABLE.blocks[kind]):
            lo = start
            for p in (p for p in points if start <= p < start + _BLOCK):
                if p > lo:
                    wanted.append((lo, p - 1))
                lo = p + 1
            if lo < start + _BLOCK:
                wanted.append((lo, start + _BLOCK - 1))
    else:
        wanted = []
        for p in points:
            if wanted and wanted[-1][1] == p - 1:
                wanted[-1] = (wanted[-1][0], p)
            else:
                wanted.append((p, p))
    if not wanted:
        return ""
    spans = (f"\\U{lo:08x}" + (f"-\\U{hi:08x}" if hi > lo else "") for lo, hi in wanted)
    return "[" + "".join(spans) + "]"
