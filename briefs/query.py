"""The query language of the search bar, `briefing list --query` and the tariff tracker.

A query is terms separated by spaces. Terms combine with AND; the uppercase word `OR` between
terms binds looser (`a b OR c` is `(a b) OR c`); `-term` negates; parentheses group. An empty
query matches everything.

Free words match the title, summary, body, actors (name, role, affiliation), tariff products
and the reader's notes, case and accents ignored. An unquoted word matches words that start
with it (`tariff` finds 'tariffs'); a "quoted phrase" matches whole words in that order (in
the body, only approximately: see `briefs.search`). Words are cut at anything not a letter
or digit, so `u.s.` is the phrase 'u s' and `anti-dumping` the phrase 'anti dumping'.

Fields (names are case-insensitive; values may be quoted: `before:"oct 2025"`):

    actor:carney         an actor's name (word start, as free words)
    country:canada       an actor's affiliation, an actor that is a country, or a tariff's party
    by:canada on:china   a tariff's imposer / target (`on:all`: tariffs that name no target)
    product:canola       a tariff's product (word start)
    status:threatened    a tariff's status; measure:anti-dumping a tariff's measure. A value
                         naming one exactly selects it, else every one with words starting so
    rate>=25             a tariff's stated rate, ranges by their highest; also > <= < = and
                         rate:25; a tariff with no stated rate never matches
    tag:x source:reuters a tag (whole tag) / the publisher (word start)
    since: before: date: the brief's date (its first 10 characters). A value names days:
                         since: is on or after the first, before: before the first, date:
                         within them. Values: what python-dateutil reads with a year
                         (2025-10-01 a day, "oct 2025" a month, 2025 a year; 10/01/2025 is
                         month first); 30d 2w 6m 1y ("3 days ago"): from then to today;
                         today, yesterday, this/last week (from Monday), month, year
    is:read is:unread is:starred is:unstarred has:notes has:tariffs

A bare `word:` or `word>` is read as a field, and an unknown field is an error; quote it to
look for it as text (`"10:30"` works unquoted: a field name is letters only).

Countries are compared by a folded key with a small alias table (`us`, `u.s.` and
`"united states"` are the same), word by word, whole words only (`country:korea` finds
'South Korea'; `by:can` finds nothing).

Tariff-level terms (by, on, product, status, measure, rate, and country for its tariff part)
look at one tariff at a time; every other term looks at the brief. A query holds for a
(brief, tariff) pair when it is true with tariff-level terms read on that tariff:

- the tariff tracker (`Query.tariff_indices`) keeps exactly those pairs, so a brief-level
  term keeps or drops all of a brief's tariffs, a tariff-level term picks tariffs;
  there `country:` looks at the tariff's parties only;
- the brief list (`Query.matches`) keeps a brief when the query holds for it together with
  at least one of its tariffs, or, for a brief with no tariffs, with every tariff-level term
  false. So `by:canada rate>=25` needs one tariff that is both, and `-by:canada` keeps a
  brief that has some tariff not imposed by Canada.

Queries are never run as code or turned into regular expressions: values are folded and
compared with plain string operations.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass

from dateutil import parser as date_parser
from dateutil.relativedelta import relativedelta

from briefs.folding import country_key, words
from briefs.model import MEASURES, STATUSES
from briefs.search import SearchDoc, TariffDoc

MAX_QUERY_LENGTH = 2000
_MAX_DEPTH = 32  # parentheses; keeps recursion far from Python's limit
_SHOWN = 40  # characters of a bad part quoted back in a message

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
_EXAMPLES = {
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


class QueryError(ValueError):
    """A query that does not parse: `message` says why, `start`/`end` where.

    `start` and `end` are 0-based indices into the query text (`text[start:end]` is the bad
    part); str() reads `at 5: unknown field 'actr' (…)` with a 1-based column.
    """

    def __init__(self, message: str, start: int, end: int) -> None:
        super().__init__(f"at {start + 1}: {message}")
        self.message = message
        self.start = start
        self.end = max(end, start)


def _shown(text: str) -> str:
    return repr(text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…")


# -- tokens ------------------------------------------------------------------------

_FIELD = re.compile(r"([A-Za-z]+)(>=|<=|:|>|<|=)")
_SEPARATORS = frozenset('()"')


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str  # word, phrase, field, or, and, not, (, )
    start: int
    end: int
    text: str = ""  # a word, a phrase, or a field's value
    name: str = ""  # a field's name as typed
    op: str = ""
    value_start: int = 0
    quoted: bool = False


def _closing_quote(text: str, start: int) -> int:
    end = text.find('"', start + 1)
    if end < 0:
        raise QueryError("unclosed quote", start, len(text))
    return end


def _tokens(text: str) -> list[_Token]:
    out: list[_Token] = []
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char.isspace():
            i += 1
        elif char in "()":
            out.append(_Token(char, i, i + 1))
            i += 1
        elif char == '"':
            end = _closing_quote(text, i)
            out.append(_Token("phrase", i, end + 1, text[i + 1 : end], quoted=True))
            i = end + 1
        elif char == "-":
            if i + 1 >= n or text[i + 1].isspace() or text[i + 1] == ")":
                raise QueryError("'-' needs a term right after it", i, i + 1)
            out.append(_Token("not", i, i + 1))
            i += 1
        else:
            j = i
            while j < n and not text[j].isspace() and text[j] not in _SEPARATORS:
                j += 1
            run = text[i:j]
            field = _FIELD.match(run)
            if field:
                value_start = i + field.end()
                if value_start == j and j < n and text[j] == '"':
                    end = _closing_quote(text, j)
                    value, quoted, j = text[j + 1 : end], True, end + 1
                else:
                    value, quoted = text[value_start:j], False
                out.append(
                    _Token(
                        "field",
                        i,
                        j,
                        value,
                        name=field.group(1),
                        op=field.group(2),
                        value_start=value_start,
                        quoted=quoted,
                    )
                )
            elif run in ("OR", "AND"):
                out.append(_Token(run.lower(), i, j))
            else:
                out.append(_Token("word", i, j, run))
            i = j
    return out


# -- the tree ----------------------------------------------------------------------
# Every node answers two questions: `brief(doc)`, does the brief match; and
# `row(doc, tariff, tracker)`, does the query hold with tariff-level terms read on `tariff`
# (None: the brief has no tariffs). `tracker` is True in the tariff tracker, where
# `country:` looks at the tariff only. `needs_row` marks nodes with tariff-level terms.
# Build nodes with _negate/_all_of/_any_of: they fold subtrees that read only the tariff
# into one _TariffTest, so such a subtree costs one loop over the tariffs.

_Row = TariffDoc | None
_Test = Callable[[TariffDoc], bool]


def _rows(doc: SearchDoc) -> tuple[_Row, ...]:
    return doc.tariffs or (None,)


class _Node:
    __slots__ = ()
    needs_row = False
    cost = 0  # rough price of one test; And runs cheap children first

    def brief(self, doc: SearchDoc) -> bool:
        raise NotImplementedError

    def row(self, doc: SearchDoc, tariff: _Row, tracker: bool) -> bool:
        return self.brief(doc)


class _Flag(_Node):
    __slots__ = ("test",)

    def __init__(self, test: Callable[[SearchDoc], bool]) -> None:
        self.test = test

    def brief(self, doc: SearchDoc) -> bool:
        return self.test(doc)


class _Dates(_Node):
    """start <= date < end on ISO strings; a longer 'YYYY-MM-DDThh:mm' sorts after its day."""

    __slots__ = ("end", "start")

    def __init__(self, start: str | None, end: str | None) -> None:
        self.start, self.end = start, end

    def brief(self, doc: SearchDoc) -> bool:
        date = doc.date
        return (self.start is None or date >= self.start) and (self.end is None or date < self.end)


class _Words(_Node):
    """Free words and phrases: text, actors, notes, then (approximately, for phrases) the body.

    The body holds distinct words only: a phrase matches there when each word is in it."""

    __slots__ = ("needle", "parts")
    cost = 3

    def __init__(self, tokens: list[str], *, prefix: bool) -> None:
        tail = "" if prefix else " "
        self.needle = " " + " ".join(tokens) + tail
        # The body keeps distinct words only: a phrase there needs each of its words.
        self.parts = (*(f" {t} " for t in tokens[:-1]), f" {tokens[-1]}{tail}")

    def brief(self, doc: SearchDoc) -> bool:
        needle = self.needle
        if needle in doc.text or needle in doc.actors or needle in doc.notes:
            return True
        return all(map(doc.body.__contains__, self.parts))


class _Contains(_Node):
    """A needle in one folded string attribute of the doc (actor, source, places)."""

    __slots__ = ("attr", "needle")
    cost = 1

    def __init__(self, attr: str, needle: str) -> None:
        self.attr, self.needle = attr, needle

    def brief(self, doc: SearchDoc) -> bool:
        return self.needle in getattr(doc, self.attr)


class _TariffTest(_Node):
    """A subtree that reads only the tariff. On a brief: true when one of its tariffs passes,
    or, with no tariffs, `on_none` (the subtree's value with every tariff term false)."""

    __slots__ = ("on_none", "test")
    needs_row = True
    cost = 1

    def __init__(self, test: _Test, on_none: bool = False) -> None:
        self.test, self.on_none = test, on_none

    def brief(self, doc: SearchDoc) -> bool:
        tariffs = doc.tariffs
        if not tariffs:
            return self.on_none
        return any(map(self.test, tariffs))

    def row(self, doc: SearchDoc, tariff: _Row, tracker: bool) -> bool:
        return self.on_none if tariff is None else self.test(tariff)


class _Country(_Node):
    __slots__ = ("needle",)
    needs_row = True
    cost = 1

    def __init__(self, needle: str) -> None:
        self.needle = needle

    def _party(self, tariff: TariffDoc) -> bool:
        return self.needle in tariff.by or (tariff.on is not None and self.needle in tariff.on)

    def brief(self, doc: SearchDoc) -> bool:
        return self.needle in doc.places or any(self._party(t) for t in doc.tariffs)

    def row(self, doc: SearchDoc, tariff: _Row, tracker: bool) -> bool:
        if not tracker and self.needle in doc.places:
            return True
        return tariff is not None and self._party(tariff)


class _Not(_Node):
    __slots__ = ("child", "cost", "needs_row")

    def __init__(self, child: _Node) -> None:
        self.child = child
        self.needs_row = child.needs_row
        self.cost = child.cost

    def brief(self, doc: SearchDoc) -> bool:
        child = self.child
        if not self.needs_row:
            return not child.brief(doc)
        return any(not child.row(doc, t, False) for t in _rows(doc))

    def row(self, doc: SearchDoc, tariff: _Row, tracker: bool) -> bool:
        return not self.child.row(doc, tariff, tracker)


class _And(_Node):
    __slots__ = ("children", "cost", "needs_row", "plain", "rowed")

    def __init__(self, children: list[_Node]) -> None:
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
        return any(all(c.row(doc, t, False) for c in rowed) for t in _rows(doc))

    def row(self, doc: SearchDoc, tariff: _Row, tracker: bool) -> bool:
        return all(c.row(doc, tariff, tracker) for c in self.children)


class _Or(_Node):
    __slots__ = ("children", "cost", "needs_row")

    def __init__(self, children: list[_Node]) -> None:
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

    def row(self, doc: SearchDoc, tariff: _Row, tracker: bool) -> bool:
        return any(c.row(doc, tariff, tracker) for c in self.children)


def _negate(node: _Node) -> _Node:
    if isinstance(node, _TariffTest):
        test = node.test
        return _TariffTest(lambda t: not test(t), not node.on_none)
    return _Not(node)


def _all_of(nodes: list[_Node]) -> _Node:
    pure = [n for n in nodes if isinstance(n, _TariffTest)]
    if len(pure) > 1:  # one tariff must pass them all: test them together
        tests = [n.test for n in pure]
        if len(tests) == 2:
            first, second = tests
            test: _Test = lambda t: first(t) and second(t)  # noqa: E731
        else:
            test = lambda t: all(f(t) for f in tests)  # noqa: E731
        joined = _TariffTest(test, all(n.on_none for n in pure))
        nodes = [n for n in nodes if not isinstance(n, _TariffTest)] + [joined]
    return nodes[0] if len(nodes) == 1 else _And(nodes)


def _any_of(nodes: list[_Node]) -> _Node:
    pure = [n for n in nodes if isinstance(n, _TariffTest)]
    if len(nodes) > 1 and len(pure) == len(nodes):
        tests = [n.test for n in pure]
        return _TariffTest(lambda t: any(f(t) for f in tests), any(n.on_none for n in pure))
    return nodes[0] if len(nodes) == 1 else _Or(nodes)


def _everything(doc: SearchDoc) -> bool:
    return True


# -- the query ---------------------------------------------------------------------


class Query:
    """A parsed query; see the module docstring for what matches what."""

    __slots__ = ("_root", "text")

    def __init__(self, text: str, root: _Node | None) -> None:
        self.text = text
        self._root = root

    def __repr__(self) -> str:
        return f"Query({self.text!r})"

    @property
    def is_empty(self) -> bool:
        """True for a blank query, which matches every brief and every tariff."""
        return self._root is None

    @property
    def has_tariff_terms(self) -> bool:
        """True when some term picks tariffs (by, on, product, status, measure, rate, country)."""
        return self._root is not None and self._root.needs_row

    def matcher(self) -> Callable[[SearchDoc], bool]:
        """`matches` as the fastest callable, for scanning many docs."""
        return _everything if self._root is None else self._root.brief

    def matches(self, doc: SearchDoc) -> bool:
        """Does the brief list keep this brief? True when the query holds for the brief with
        one of its tariffs (with tariff-level terms false when it has no tariffs)."""
        return self._root is None or self._root.brief(doc)

    def matches_tariff(self, doc: SearchDoc, index: int) -> bool:
        """Does the tariff tracker keep tariff `index` of this brief? IndexError if none."""
        tariff = doc.tariffs[index]
        return self._root is None or self._root.row(doc, tariff, True)

    def tariff_indices(self, doc: SearchDoc) -> list[int]:
        """The indices of this brief's tariffs that the tariff tracker keeps."""
        root = self._root
        if root is None:
            return list(range(len(doc.tariffs)))
        if not root.needs_row:
            return list(range(len(doc.tariffs))) if doc.tariffs and root.brief(doc) else []
        return [k for k, t in enumerate(doc.tariffs) if root.row(doc, t, True)]


# -- dates -------------------------------------------------------------------------

_RELATIVE = re.compile(
    r"(\d{1,5})\s*(d|days?|w|wks?|weeks?|m|mos?|months?|y|yrs?|years?)(?:\s+ago)?"
)
_DEFAULT_A = dt.datetime(2000, 1, 1)
_DEFAULT_B = dt.datetime(2001, 2, 2)


class _BadValue(Exception):
    """A field value that cannot be used; the caller adds where it is."""


def _month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def _relative_range(value: str, today: dt.date) -> tuple[dt.date, dt.date] | None:
    """[start, end) for the relative dates dateutil cannot read; None when not one."""
    tomorrow = today + dt.timedelta(days=1)
    match = _RELATIVE.fullmatch(value)
    if match:
        count, unit = int(match.group(1)), match.group(2)[0]
        delta = {
            "d": relativedelta(days=count),
            "w": relativedelta(weeks=count),
            "m": relativedelta(months=count),
            "y": relativedelta(years=count),
        }[unit]
        return today - delta, tomorrow
    monday = today - dt.timedelta(days=today.weekday())
    month = _month_start(today)
    year = dt.date(today.year, 1, 1)
    named = {
        "today": (today, tomorrow),
        "yesterday": (today - dt.timedelta(days=1), today),
        "this week": (monday, monday + dt.timedelta(days=7)),
        "last week": (monday - dt.timedelta(days=7), monday),
        "this month": (month, month + relativedelta(months=1)),
        "last month": (month - relativedelta(months=1), month),
        "this year": (year, year + relativedelta(years=1)),
        "last year": (year - relativedelta(years=1), year),
    }
    return named.get(value)


def _date_range(raw: str, today: dt.date) -> tuple[dt.date, dt.date]:
    """The days a date value names, as [start, end)."""
    value = " ".join(raw.lower().split())
    if len(value) > 64:
        raise _BadValue(f"{_shown(raw)} is too long for a date")
    try:
        relative = _relative_range(value, today)
    except (ValueError, OverflowError) as exc:
        raise _BadValue(f"{_shown(raw)} reaches outside the calendar") from exc
    if relative is not None:
        return relative
    try:
        first = date_parser.parse(value, default=_DEFAULT_A)
        second = date_parser.parse(value, default=_DEFAULT_B)
    except Exception as exc:  # dateutil raises several types on odd input; all mean "no"
        raise _BadValue(
            f'cannot read {_shown(raw)} as a date (try 2025-10-01, "oct 2025" or 30d)'
        ) from exc
    if first.year != second.year:
        raise _BadValue(f'{_shown(raw)} needs a year, like "oct 2025" or 2025-10-31')
    try:
        if first.day == second.day and first.month == second.month:
            start = first.date()
            return start, start + dt.timedelta(days=1)
        if first.month == second.month:
            start = dt.date(first.year, first.month, 1)
            return start, start + relativedelta(months=1)
        if first.day == second.day:
            raise _BadValue(f"{_shown(raw)} has a day but no month")
        start = dt.date(first.year, 1, 1)
        return start, start + relativedelta(years=1)
    except (ValueError, OverflowError) as exc:
        raise _BadValue(f"{_shown(raw)} reaches outside the calendar") from exc


# -- terms -------------------------------------------------------------------------


def _phrase(value: str) -> str:
    return " ".join(words(value))


def _one_of(value: str, choices: tuple[str, ...], field: str) -> str:
    folded = _phrase(value)
    if folded in choices:
        return folded
    listed = ", ".join(choices[:-1]) + " or " + choices[-1]
    raise _BadValue(f"{field}: takes {listed}, not {_shown(value)}")


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
        raise _BadValue(f"unknown {field} {_shown(value)} (known: {', '.join(choices)})")
    return found


def _rate_test(op: str, raw: str) -> Callable[[TariffDoc], bool]:
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
        raise _BadValue(f"rate needs a number, like rate>=25, not {_shown(raw)}")
    limit = float(number.group(1))
    if op == ">=":
        return lambda t: t.rate is not None and t.rate >= limit
    if op == ">":
        return lambda t: t.rate is not None and t.rate > limit
    if op == "<=":
        return lambda t: t.rate is not None and t.rate <= limit
    if op == "<":
        return lambda t: t.rate is not None and t.rate < limit
    return lambda t: t.rate is not None and abs(t.rate - limit) < 1e-9


def _needle(value: str, *, whole: bool) -> str:
    folded = _phrase(value)
    if not folded:
        raise _BadValue(f"{_shown(value)} has no letters or digits to look for")
    return f" {folded} " if whole else f" {folded}"


def _field_node(name: str, op: str, value: str, today: dt.date) -> _Node:
    """The node for one field term; raises _BadValue on a value that cannot be used."""
    if name == "rate":
        return _TariffTest(_rate_test(op, value))
    if op != ":":
        raise _BadValue(f"only rate compares with {op}; write {name}:…")
    if name in ("since", "before", "date"):
        start, end = _date_range(value, today)
        first, after = start.isoformat(), end.isoformat()
        if name == "since":
            return _Dates(first, None)
        if name == "before":
            return _Dates(None, first)
        return _Dates(first, after)
    if name == "is":
        state = _one_of(value, _IS_VALUES, "is")
        return _Flag(
            {
                "read": lambda d: d.read,
                "unread": lambda d: not d.read,
                "starred": lambda d: d.starred,
                "unstarred": lambda d: not d.starred,
            }[state]
        )
    if name == "has":
        what = _one_of(value, _HAS_VALUES, "has")
        return _Flag(lambda d: d.has_notes) if what == "notes" else _Flag(lambda d: bool(d.tariffs))
    if name == "actor":
        return _Contains("actors", _needle(value, whole=False))
    if name == "source":
        return _Contains("source", _needle(value, whole=False))
    if name == "tag":
        wanted = _phrase(value)
        _needle(value, whole=True)  # rejects a value with nothing to look for
        return _Flag(lambda d: wanted in d.tags)
    if name == "product":
        needle = _needle(value, whole=False)
        return _TariffTest(lambda t: needle in t.products)
    if name == "status":
        statuses = _enum_values(value, STATUSES, "status")
        return _TariffTest(lambda t: t.status in statuses)
    if name == "measure":
        alias = _MEASURE_ALIASES.get(_phrase(value))
        measures = _enum_values(alias or value, MEASURES, "measure")
        return _TariffTest(lambda t: t.measure in measures)
    _needle(value, whole=True)  # rejects a value with nothing to look for
    key = f" {country_key(value)} "
    if name == "by":
        return _TariffTest(lambda t: key in t.by)
    if name == "on":
        if _phrase(value) in _ON_ALL:
            return _TariffTest(lambda t: t.on is None)
        return _TariffTest(lambda t: t.on is not None and key in t.on)
    return _Country(key)  # country


def _unknown_field(name: str) -> str:
    close = difflib.get_close_matches(name.lower(), FIELDS, n=1)
    hint = f"did you mean {close[0]}? " if close else ""
    return f"unknown field {_shown(name)} ({hint}known: {', '.join(FIELDS)})"


# -- the parser --------------------------------------------------------------------


class _Parser:
    def __init__(self, text: str, tokens: list[_Token], today: dt.date) -> None:
        self.text = text
        self.tokens = tokens
        self.today = today
        self.at = 0

    def peek(self) -> _Token | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def take(self) -> _Token:
        token = self.tokens[self.at]
        self.at += 1
        return token

    def parse(self) -> _Node:
        node = self.any_of(0)
        extra = self.peek()
        if extra is not None:  # only a ')' stops any_of early
            raise QueryError("')' without a matching '('", extra.start, extra.end)
        return node

    def any_of(self, depth: int) -> _Node:
        parts = [self.all_of(depth)]
        while (token := self.peek()) is not None and token.kind == "or":
            self.take()
            after = self.peek()
            if after is None or after.kind in ("or", ")"):
                raise QueryError("OR needs a term on both sides", token.start, token.end)
            parts.append(self.all_of(depth))
        return _any_of(parts)

    def all_of(self, depth: int) -> _Node:
        parts: list[_Node] = []
        while (token := self.peek()) is not None and token.kind not in ("or", ")"):
            if token.kind == "and":
                self.take()
                after = self.peek()
                if not parts or after is None or after.kind in ("or", "and", ")"):
                    raise QueryError("AND needs a term on both sides", token.start, token.end)
                continue
            parts.append(self.negated(depth))
        if not parts:
            token = self.peek()
            if token is None:  # unreachable: a blank query never gets here; kept for safety
                raise QueryError("expected a term", len(self.text), len(self.text))
            if token.kind == "or":
                raise QueryError("OR needs a term on both sides", token.start, token.end)
            raise QueryError("')' without a matching '('", token.start, token.end)
        return _all_of(parts)

    def negated(self, depth: int) -> _Node:
        negations = []
        while (token := self.peek()) is not None and token.kind == "not":
            negations.append(self.take())
        token = self.peek()
        if negations and (token is None or token.kind in ("or", "and", ")")):
            end = token.end if token is not None else negations[-1].end
            raise QueryError("'-' needs a term right after it", negations[0].start, end)
        node = self.atom(depth)
        return _negate(node) if len(negations) % 2 else node

    def atom(self, depth: int) -> _Node:
        token = self.take()
        if token.kind == "(":
            if depth >= _MAX_DEPTH:
                raise QueryError("parentheses nest too deeply", token.start, token.end)
            after = self.peek()
            if after is not None and after.kind == ")":
                raise QueryError("empty parentheses", token.start, after.end)
            if after is None:
                raise QueryError("'(' is never closed", token.start, token.end)
            node = self.any_of(depth + 1)
            closing = self.peek()
            if closing is None:
                raise QueryError("'(' is never closed", token.start, token.end)
            self.take()
            return node
        if token.kind in ("word", "phrase"):
            if not token.text.strip():
                raise QueryError("empty quotes", token.start, token.end)
            found = words(token.text)
            if not found:
                raise QueryError(
                    f"{_shown(token.text)} has no letters or digits to look for",
                    token.start,
                    token.end,
                )
            return _Words(found, prefix=token.kind == "word")
        if token.kind == "field":
            return self.field(token)
        # A stray ')' or operator where a term belongs; all_of and negated catch these first.
        raise QueryError("expected a term", token.start, token.end)

    def field(self, token: _Token) -> _Node:
        name = token.name.lower()
        if name not in FIELDS:
            end = token.start + len(token.name)
            raise QueryError(_unknown_field(token.name), token.start, end)
        if not token.text.strip():
            example = _EXAMPLES[name]
            raise QueryError(f"{name} needs a value, like {example}", token.start, token.end)
        try:
            return _field_node(name, token.op, token.text, self.today)
        except _BadValue as exc:
            # A bad value points at the value; a comparison on a field that has none, at it all.
            start = token.value_start if token.op == ":" or name == "rate" else token.start
            raise QueryError(str(exc), start, token.end) from None


def parse_query(text: str, *, today: dt.date) -> Query:
    """Parse `text`; raise QueryError naming the bad part. Never evaluates the text as code.

    `today` anchors relative dates (30d, last month). A blank query matches everything.
    """
    if len(text) > MAX_QUERY_LENGTH:
        raise QueryError(
            f"the query is too long (over {MAX_QUERY_LENGTH} characters)",
            MAX_QUERY_LENGTH,
            len(text),
        )
    tokens = _tokens(text)
    if not tokens:
        return Query(text, None)
    return Query(text, _Parser(text, tokens, today).parse())
