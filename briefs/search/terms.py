"""Field terms of the query language (`by:canada`, `rate>=25`, `since:30d` …) → tree nodes."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable
from typing import Any

from briefs.dates import DateSpanError, day_span
from briefs.folding import words
from briefs.model import MEASURES, STATUSES
from briefs.search.codes import GOODS, PARTIES, TERMS
from briefs.search.docs import needle, party_needle, tag_key
from briefs.search.nodes import Actor, Contains, Country, Dates, Flag, Is, Node, TariffTest
from briefs.search.tariff_terms import Atom
from briefs.search.tokens import shown

FIELDS = (
    "actor",
    "country",
    "by",
    "on",
    "product",
    "status",
    "measure",
    "rate",
    "tag",
    "source",
    "since",
    "before",
    "date",
    "is",
    "has",
)
EXAMPLES = {
    "actor": "actor:carney",
    "country": "country:canada",
    "by": "by:canada",
    "on": "on:china",
    "product": "product:canola",
    "status": "status:threatened",
    "measure": "measure:anti-dumping",
    "rate": "rate>=25",
    "tag": "tag:steel",
    "source": "source:reuters",
    "since": "since:2025-10-01",
    "before": 'before:"oct 2025"',
    "date": "date:2025-10-31",
    "is": "is:unread",
    "has": "has:notes",
}
_IS_VALUES = ("read", "unread", "starred", "unstarred")
_HAS_VALUES = ("notes", "tariffs")
_ON_ALL = ("all", "any", "everyone")
_MEASURE_ALIASES = {"ad": "anti-dumping duty", "cvd": "countervailing duty"}


class BadValue(Exception):
    """A field value that cannot be used; the caller adds where it is."""


def _phrase(value: str) -> str:
    return " ".join(words(value))


def _one_of(value: str, choices: tuple[str, ...], field: str) -> str:
    folded = _phrase(value)
    if folded in choices:
        return folded
    listed = ", ".join(choices[:-1]) + " or " + choices[-1]
    raise BadValue(f"{field}: takes {listed}, not {shown(value)}")


def _enum_values(value: str, choices: tuple[str, ...], field: str) -> frozenset[str]:
    """The measures or statuses a value names: the one it names exactly, else every one
    whose words start with it ('duty' → both duties; 'antidumping' → anti-dumping duty)."""
    folded = _phrase(value)
    exact = frozenset(c for c in choices if _phrase(c) == folded)
    squashed = folded.replace(" ", "")
    found = exact or frozenset(
        c
        for c in choices
        if f" {folded}" in f" {_phrase(c)}" or _phrase(c).replace(" ", "").startswith(squashed)
    )
    if not folded or not found:
        raise BadValue(f"unknown {field} {shown(value)} (known: {', '.join(choices)})")
    return found


def _rate_test(op: str, raw: str) -> TariffTest:
    value = raw.strip()
    if op == ":":
        for candidate in (">=", "<=", ">", "<", "="):
            if value.startswith(candidate):
                op, value = candidate, value[len(candidate) :].strip()
                break
        else:
            op = "="
    number = re.fullmatch(r"(\d{1,6}(?:\.\d{1,6})?)\s*%?", value)
    if not number:
        raise BadValue(f"rate needs a number, like rate>=25, not {shown(raw)}")
    limit = float(number.group(1))
    # A tariff with no stated rate never compares, so it passes every negation.
    compare = {
        ">=": lambda r: r >= limit,
        ">": lambda r: r > limit,
        "<=": lambda r: r <= limit,
        "<": lambda r: r < limit,
        "=": lambda r: abs(r - limit) < 1e-9,
    }[op]
    return _tariff(("rate", op, limit), TERMS, lambda t: t.rate is not None and compare(t.rate))


def _tariff(key: tuple[object, ...], kind: int, test: Callable[[Any], bool]) -> TariffTest:
    """A tariff-level term: `test` of one part of `kind` (briefs.search.codes), worked out
    once per distinct part; `key` says what the term means."""
    return TariffTest(Atom.of(key, kind, test))


def _needle(value: str, *, whole: bool) -> str:
    found = words(value)
    if not found:
        raise BadValue(f"{shown(value)} has no letters or digits to look for")
    return needle(found, whole=whole)


# How a date value that cannot be used is worded, by `DateSpanError.reason`.
_DATE_PROBLEMS = {
    "too long": "{} is too long for a date",
    "unreadable": 'cannot read {} as a date (try 2025-10-01, "oct 2025" or 30d)',
    "no year": '{} needs a year, like "oct 2025" or 2025-10-31',
    "no month": "{} has a day but no month",
    "outside the calendar": "{} reaches outside the calendar",
}


def _days(value: str, today: dt.date) -> tuple[str, str]:
    """[first, after) of the days a date value names, as ISO days."""
    try:
        start, end = day_span(value, today)
    except DateSpanError as exc:
        raise BadValue(_DATE_PROBLEMS[exc.reason].format(shown(value))) from exc
    return start.isoformat(), end.isoformat()


def field_node(name: str, op: str, value: str, today: dt.date) -> Node:
    """The node for one field term; raises BadValue on a value that cannot be used."""
    if name == "rate":
        return _rate_test(op, value)
    if op != ":":
        raise BadValue(f"only rate compares with {op}; write {name}:…")
    if name in ("since", "before", "date"):
        first, after = _days(value, today)
        if name == "since":
            return Dates(first, None)
        if name == "before":
            return Dates(None, first)
        return Dates(first, after)
    if name == "is":
        state = _one_of(value, _IS_VALUES, "is")
        attr, want = {
            "read": ("read", True),
            "unread": ("read", False),
            "starred": ("starred", True),
            "unstarred": ("starred", False),
        }[state]
        return Is(attr, want)
    if name == "has":
        what = _one_of(value, _HAS_VALUES, "has")
        return Is("has_notes" if what == "notes" else "codes", True)
    if name == "actor":
        _needle(value, whole=False)  # rejects a value with nothing to look for
        return Actor(words(value))
    if name == "source":
        return Contains("source", _needle(value, whole=False))
    if name == "tag":
        wanted = tag_key(value)
        _needle(value, whole=True)  # rejects a value with nothing to look for
        return Flag(lambda d: wanted in d.tags)
    if name == "product":
        product = _needle(value, whole=False)
        return _tariff(("product", product), GOODS, lambda g: product in g.products)
    if name == "status":
        statuses = _enum_values(value, STATUSES, "status")
        return _tariff(("status", statuses), TERMS, lambda t: t.status in statuses)
    if name == "measure":
        alias = _MEASURE_ALIASES.get(_phrase(value))
        measures = _enum_values(alias or value, MEASURES, "measure")
        return _tariff(("measure", measures), TERMS, lambda t: t.measure in measures)
    _needle(value, whole=True)  # rejects a value with nothing to look for
    key = party_needle(value)
    if name == "by":
        return _tariff(("by", key), PARTIES, lambda p: key in p.by)
    if name == "on":
        if _phrase(value) in _ON_ALL:
            return _tariff(("on", None), PARTIES, lambda p: p.on is None)
        return _tariff(("on", key), PARTIES, lambda p: p.on is not None and key in p.on)
    return Country(key)  # country


def unknown_field(name: str) -> str:
    close = difflib.get_close_matches(name.lower(), FIELDS, n=1)
    hint = f"did you mean {close[0]}? " if close else ""
    return f"unknown field {shown(name)} ({hint}known: {', '.join(FIELDS)})"
