"""The fast path of reading a brief object: one that every check passes at its first test.

A brief file as the desk writes it holds plain ASCII text within its limits, known kinds,
measures and statuses, an ISO date and a valid id. `plain_brief` builds such a brief with
each field tested once, inline, with no problem list; it gives None at the first thing
it does not take at a glance (non-ASCII text, a missing field, a bad value of any kind),
and the caller then reads the object with every check (`briefs.reading.brief_from_dict`),
which names each problem. So what is accepted, and every message, stay as they were:
this path only takes objects the full checks take, and builds the same brief from them.
"""

from __future__ import annotations

from typing import Any

from briefs.dates import DateError, parse_date
from briefs.ids import derive_id, is_valid_id
from briefs.model import (
    ACTOR_KINDS,
    MAX_CHARS,
    MAX_ITEMS,
    MAX_TEXT,
    MEASURES,
    STATUSES,
    Actor,
    Brief,
    Tariff,
)

_TITLE = MAX_CHARS.get("title", MAX_TEXT)
_SUMMARY = MAX_CHARS.get("summary", MAX_TEXT)
_URL = MAX_CHARS.get("url", MAX_TEXT)
_BODY = MAX_CHARS.get("body", MAX_TEXT)
_RATE = MAX_CHARS.get("rate", MAX_TEXT)
_EVIDENCE = MAX_CHARS.get("evidence", MAX_TEXT)
_AUTHORS = MAX_ITEMS.get("authors", MAX_TEXT)
_TAGS = MAX_ITEMS.get("tags", MAX_TEXT)
_PRODUCTS = MAX_ITEMS.get("products", MAX_TEXT)
_ACTORS = MAX_ITEMS.get("actors", MAX_TEXT)
_TARIFFS = MAX_ITEMS.get("tariffs", MAX_TEXT)


class _NotPlain(Exception):
    """Raised inside the fast path at the first value it does not take."""


_NOT_PLAIN = _NotPlain()


def _required(value: Any, limit: int) -> str:
    if (
        type(value) is str
        and value.isascii()
        and len(value) <= limit
        and value
        and not value.isspace()
    ):
        return value
    raise _NOT_PLAIN


def _optional(value: Any, limit: int) -> str | None:
    if value is None or (type(value) is str and value.isascii() and len(value) <= limit):
        return value
    raise _NOT_PLAIN


def _texts(value: Any, limit: int) -> tuple[str, ...]:
    if value is None:
        return ()
    if type(value) is not list or len(value) > limit:
        raise _NOT_PLAIN
    for item in value:
        if not (type(item) is str and item.isascii() and len(item) <= MAX_TEXT):
            raise _NOT_PLAIN
    return tuple(value)


def _items(value: Any, limit: int) -> list[dict[str, Any]]:
    if value is None:
        return []
    if type(value) is not list or len(value) > limit:
        raise _NOT_PLAIN
    for item in value:
        if type(item) is not dict:
            raise _NOT_PLAIN
    return value


def _actor(data: dict[str, Any]) -> Actor:
    get = data.get
    name, kind, role, affiliation = get("name"), get("kind"), get("role"), get("affiliation")
    # The four tests of `_required` and `_optional`, inline: eight actors a brief.
    if (
        type(name) is str
        and name.isascii()
        and 0 < len(name) <= MAX_TEXT
        and not name.isspace()
        and (kind is None or kind in ACTOR_KINDS)
        and (role is None or (type(role) is str and role.isascii() and len(role) <= MAX_TEXT))
        and (
            affiliation is None
            or (type(affiliation) is str and affiliation.isascii() and len(affiliation) <= MAX_TEXT)
        )
    ):
        return Actor(name, "person" if kind is None else kind, role, affiliation)
    raise _NOT_PLAIN


def _tariff(data: dict[str, Any]) -> Tariff:
    get = data.get
    year = get("year")
    if year is not None and not (type(year) is int and 1000 <= year <= 9999):
        raise _NOT_PLAIN
    measure = get("measure")
    if measure is None:
        measure = "tariff"
    elif measure not in MEASURES:
        raise _NOT_PLAIN
    status = get("status")
    if status is None:
        status = "in force"
    elif status not in STATUSES:
        raise _NOT_PLAIN
    return Tariff(
        _required(get("imposed_by"), MAX_TEXT),
        _optional(get("imposed_on"), MAX_TEXT),
        _texts(get("products"), _PRODUCTS),
        _optional(get("rate"), _RATE),
        measure,
        status,
        year,
        _optional(get("evidence"), _EVIDENCE),
    )


def plain_brief(data: Any) -> Brief | None:
    """The brief `briefs.reading.brief_from_dict` reads from `data`, when every field of
    `data` passes its checks at the first test; else None (read it with every check)."""
    if type(data) is not dict:
        return None
    get = data.get
    try:
        title = _required(get("title"), _TITLE)
        summary = _required(get("summary"), _SUMMARY)
        date = parse_date(_required(get("date"), MAX_TEXT))
        raw_id = _optional(get("id"), MAX_TEXT)
        if raw_id is not None and not is_valid_id(raw_id):
            return None
        actors = tuple(map(_actor, _items(get("actors"), _ACTORS)))
        tariffs = tuple(map(_tariff, _items(get("tariffs"), _TARIFFS)))
        return Brief(
            raw_id or derive_id(date, title),
            title,
            date,
            summary,
            _optional(get("source"), MAX_TEXT),
            _texts(get("authors"), _AUTHORS),
            _optional(get("dateline"), MAX_TEXT),
            _optional(get("url"), _URL),
            actors,
            tariffs,
            _texts(get("tags"), _TAGS),
            _optional(get("body"), _BODY),
        )
    except (_NotPlain, DateError):
        return None


# What an export record adds to a brief (see briefs/reading.py: reader data, corrections).
_READER_KEYS = frozenset({"notes", "read", "starred", "corrections"})


def plain_record(data: Any) -> Brief | None:
    """The brief of a record that carries no reader data nor corrections, when
    `plain_brief` takes it; else None."""
    if type(data) is not dict or not _READER_KEYS.isdisjoint(data):
        return None
    return plain_brief(data)
