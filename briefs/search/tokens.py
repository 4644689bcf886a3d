"""Cutting query text into tokens, and the error every query problem is reported with."""

from __future__ import annotations

import re
from dataclasses import dataclass

_SHOWN = 40  # characters of a bad part quoted back in a message


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


def shown(text: str) -> str:
    """`text` quoted for a message, cut to a readable length."""
    return repr(text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…")


_FIELD = re.compile(r"([A-Za-z]+)(>=|<=|:|>|<|=)")
_SEPARATORS = frozenset('()"')


@dataclass(frozen=True, slots=True)
class Token:
    """One token; `start`/`end` index the query text (`text[start:end]` is the token)."""

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


def tokenize(text: str) -> list[Token]:
    """The tokens of `text`, in order; QueryError on an unclosed quote or a lone '-'."""
    out: list[Token] = []
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char.isspace():
            i += 1
        elif char in "()":
            out.append(Token(char, i, i + 1))
            i += 1
        elif char == '"':
            end = _closing_quote(text, i)
            out.append(Token("phrase", i, end + 1, text[i + 1 : end], quoted=True))
            i = end + 1
        elif char == "-":
            if i + 1 >= n or text[i + 1].isspace() or text[i + 1] == ")":
                raise QueryError("'-' needs a term right after it", i, i + 1)
            out.append(Token("not", i, i + 1))
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
                    Token(
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
                out.append(Token(run.lower(), i, j))
            else:
                out.append(Token("word", i, j, run))
            i = j
    return out
