"""The query language of the search bar, `briefing list --query` and the tariff tracker.

A query is terms separated by spaces. Terms combine with AND; the uppercase word `OR` between
terms binds looser (`a b OR c` is `(a b) OR c`); `-term` negates; parentheses group. An empty
query matches everything.

Free words match the title, summary, body, actors (name, role, affiliation), tariff products
and the reader's notes, case and accents ignored. An unquoted word matches words that start
with it (`tariff` finds 'tariffs'); a "quoted phrase" matches whole words in that order (in
the body, only approximately: see `briefs.search.docs`). Words are cut at anything not a letter
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
from collections.abc import Callable, Hashable

from briefs.folding import words
from briefs.search.codes import WIDTH
from briefs.search.docs import SearchDoc
from briefs.search.lookup import WordLookup
from briefs.search.nodes import And, Node, TariffTest, Words, all_of, any_of, everything, negate
from briefs.search.terms import EXAMPLES, FIELDS, BadValue, field_node, unknown_field
from briefs.search.tokens import QueryError, Token, shown, tokenize

__all__ = ["FIELDS", "MAX_QUERY_LENGTH", "Query", "QueryError", "parse_query"]

MAX_QUERY_LENGTH = 2000
_MAX_DEPTH = 32  # parentheses; keeps recursion far from Python's limit

# What a parsed term means, as a hashable key: a term met twice in one AND or OR is kept
# once (a AND a is a, a OR a is a), so a 2,000-character query of one repeated word costs
# what the word costs. Words are folded first, so `Canola CANOLA` is one term too.
Key = Hashable | None
Part = tuple[Node, Key]


def _unique(parts: list[Part]) -> list[Part]:
    """`parts` with each known term kept once, in order (a part without a key is kept)."""
    seen: set[Hashable] = set()
    out = []
    for node, key in parts:
        if key is not None:
            if key in seen:
                continue
            seen.add(key)
        out.append((node, key))
    return out


def _combined(kind: str, parts: list[Part]) -> Key:
    if len(parts) == 1:
        return parts[0][1]
    keys = [key for _, key in parts]
    return None if None in keys else (kind, frozenset(keys))


class Query:
    """A parsed query; see the module docstring for what matches what."""

    __slots__ = ("_root", "text")

    def __init__(self, text: str, root: Node | None) -> None:
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

    def bound(self, lookup: WordLookup) -> Query:
        """This query with its free words and `actor:` values answered by `lookup` (the
        briefs' text is in a word index, not in the docs); the same meaning otherwise."""
        return self if self._root is None else Query(self.text, self._root.bind(lookup))

    def matcher(self) -> Callable[[SearchDoc], bool]:
        """`matches` as the fastest callable, for scanning many docs."""
        return everything if self._root is None else self._root.brief

    def select(self, docs: list[SearchDoc]) -> list[SearchDoc]:
        """The docs `matches` keeps, in their order: one pass per term over the list, the
        fastest way to search many docs."""
        return list(docs) if self._root is None else self._root.select(docs)

    def matches(self, doc: SearchDoc) -> bool:
        """Does the brief list keep this brief? True when the query holds for the brief with
        one of its tariffs (with tariff-level terms false when it has no tariffs)."""
        return self._root is None or self._root.brief(doc)

    def matches_tariff(self, doc: SearchDoc, index: int) -> bool:
        """Does the tariff tracker keep tariff `index` of this brief? IndexError if none."""
        if not 0 <= index < doc.tariff_count:
            raise IndexError(index)
        tariff = doc.tariff_rows[index]
        return self._root is None or self._root.row(doc, tariff, True)

    def tariff_indices(self, doc: SearchDoc) -> list[int]:
        """The indices of this brief's tariffs that the tariff tracker keeps."""
        root = self._root
        count = doc.tariff_count
        if root is None:
            return list(range(count))
        if not root.needs_row:
            return list(range(count)) if count and root.brief(doc) else []
        if not count:
            return []
        return [k for k, t in enumerate(doc.tariff_rows) if root.row(doc, t, True)]

    def tariff_pairs(self, docs: list[SearchDoc]) -> list[tuple[SearchDoc, int]]:
        """(doc, tariff index) of every tariff the tracker keeps, in the docs' order: the
        pairs `tariff_indices` gives, with the briefs searched first (one pass per term)
        when the query's tariff terms are one test of each tariff."""
        root = self._root
        if root is None or not root.needs_row:
            kept = docs if root is None else root.select(docs)
            return [(d, k) for d in kept if d.codes for k in range(len(d.codes) // WIDTH)]
        rowed = [root] if isinstance(root, TariffTest) else None
        if isinstance(root, And) and all(isinstance(c, TariffTest) for c in root.rowed):
            rowed = root.rowed
        if rowed is None:
            return [(d, k) for d in docs for k in self.tariff_indices(d)]
        # A brief kept has a tariff passing every tariff test (And.select, TariffTest.select).
        tests = [c.test for c in rowed]  # type: ignore[attr-defined]
        test = tests[0] if len(tests) == 1 else lambda t: all(f(t) for f in tests)
        return [
            (d, k // WIDTH)
            for d in root.select(docs)
            for c in (d.codes,)
            for k in range(0, len(c), WIDTH)
            if test(c[k : k + WIDTH])
        ]


# -- the parser --------------------------------------------------------------------


class _Parser:
    def __init__(self, text: str, tokens: list[Token], today: dt.date) -> None:
        self.text = text
        self.tokens = tokens
        self.today = today
        self.at = 0

    def peek(self) -> Token | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def take(self) -> Token:
        token = self.tokens[self.at]
        self.at += 1
        return token

    def parse(self) -> Node:
        node, _ = self.any_of(0)
        extra = self.peek()
        if extra is not None:  # only a ')' stops any_of early
            raise QueryError("')' without a matching '('", extra.start, extra.end)
        return node

    def any_of(self, depth: int) -> Part:
        parts = [self.all_of(depth)]
        while (token := self.peek()) is not None and token.kind == "or":
            self.take()
            after = self.peek()
            if after is None or after.kind in ("or", ")"):
                raise QueryError("OR needs a term on both sides", token.start, token.end)
            parts.append(self.all_of(depth))
        parts = _unique(parts)
        return any_of([node for node, _ in parts]), _combined("or", parts)

    def all_of(self, depth: int) -> Part:
        parts: list[Part] = []
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
        parts = _unique(parts)
        return all_of([node for node, _ in parts]), _combined("and", parts)

    def negated(self, depth: int) -> Part:
        negations = []
        while (token := self.peek()) is not None and token.kind == "not":
            negations.append(self.take())
        token = self.peek()
        if negations and (token is None or token.kind in ("or", "and", ")")):
            end = token.end if token is not None else negations[-1].end
            raise QueryError("'-' needs a term right after it", negations[0].start, end)
        node, key = self.atom(depth)
        if len(negations) % 2 == 0:
            return node, key
        return negate(node), None if key is None else ("not", key)

    def atom(self, depth: int) -> Part:
        token = self.take()
        if token.kind == "(":
            if depth >= _MAX_DEPTH:
                raise QueryError("parentheses nest too deeply", token.start, token.end)
            after = self.peek()
            if after is not None and after.kind == ")":
                raise QueryError("empty parentheses", token.start, after.end)
            if after is None:
                raise QueryError("'(' is never closed", token.start, token.end)
            part = self.any_of(depth + 1)
            closing = self.peek()
            if closing is None:
                raise QueryError("'(' is never closed", token.start, token.end)
            self.take()
            return part
        if token.kind in ("word", "phrase"):
            if not token.text.strip():
                raise QueryError("empty quotes", token.start, token.end)
            found = words(token.text)
            if not found:
                raise QueryError(
                    f"{shown(token.text)} has no letters or digits to look for",
                    token.start,
                    token.end,
                )
            prefix = token.kind == "word"
            return Words(found, prefix=prefix), ("words", tuple(found), prefix)
        if token.kind == "field":
            key = ("field", token.name.lower(), token.op, token.text)
            return self.field(token), key
        # A stray ')' or operator where a term belongs; all_of and negated catch these first.
        raise QueryError("expected a term", token.start, token.end)

    def field(self, token: Token) -> Node:
        name = token.name.lower()
        if name not in FIELDS:
            end = token.start + len(token.name)
            raise QueryError(unknown_field(token.name), token.start, end)
        if not token.text.strip():
            example = EXAMPLES[name]
            raise QueryError(f"{name} needs a value, like {example}", token.start, token.end)
        try:
            return field_node(name, token.op, token.text, self.today)
        except BadValue as exc:
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
    tokens = tokenize(text)
    if not tokens:
        return Query(text, None)
    return Query(text, _Parser(text, tokens, today).parse())
