"""The reader's corrections to a brief: checking one field as a form would, laying
corrections over the source brief, and planning each change (edit, add, remove, revert).

Pure: the store keeps corrections (store/corrections.py); this module says what they mean.

Paths are what the reader and `briefing edit` name: `title`, `summary`, `tags`, ...,
`actors.N.name`, `tariffs.N.rate` and rows `actors.N`, with N counting from 1 in the
corrected brief as shown. Stored keys stay put when rows come and go:

- `title`, `summary`, ... → {"value", "source": the source's value at the edit, "at"}
- `actors.s3.role` (a field of the source's 4th actor) → {"value", "source", "row": that
  source row at the edit, "at"}; the row snapshot keeps the reader's row if a re-import
  drops it
- `actors.s3` → {"removed": true, "row", "at"}: a source row the reader removed
- `actors.a2` → {"added": row, "at"}: a row the reader added (shown after the source's)
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from briefs.dates import DateError, parse_date
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
from briefs.rates import parse_rate

TABLES = ("actors", "tariffs")
REQUIRED_TEXT = ("title", "summary")
OPTIONAL_TEXT = ("source", "url", "dateline")
TEXT_LISTS = ("tags", "authors")
TOP_FIELDS = (*REQUIRED_TEXT, "date", *OPTIONAL_TEXT, *TEXT_LISTS)
ROW_FIELDS: dict[str, tuple[str, ...]] = {
    "actors": ("name", "kind", "role", "affiliation"),
    "tariffs": (
        "imposed_by",
        "imposed_on",
        "products",
        "rate",
        "measure",
        "status",
        "year",
        "evidence",
    ),
}
_CHOICES = {"kind": ACTOR_KINDS, "measure": MEASURES, "status": STATUSES}
_REQUIRED_IN_ROW = {"actors": "name", "tariffs": "imposed_by"}
_DEFAULTS = {"kind": "person", "measure": "tariff", "status": "in force"}
_PATH = re.compile(r"(actors|tariffs)\.(\d+)(?:\.([a-z_]+))?")
_KEY = re.compile(r"(actors|tariffs)\.([sa])(\d+)(?:\.([a-z_]+))?")
YEARS = (1900, 2100)
KINDS = ("edit", "add", "remove", "revert", "undo", "import")


class CorrectionError(ValueError):
    """A path or value that cannot be saved; str() is `path: reason`."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


# -- paths and values ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FieldPath:
    """A parsed path: a top field (table None), a row (field None) or a row's field."""

    table: str | None
    n: int | None  # from 1
    field: str | None


def parse_path(path: str) -> FieldPath:
    if path in TOP_FIELDS:
        return FieldPath(None, None, path)
    match = _PATH.fullmatch(path)
    if match is None:
        raise CorrectionError(path, f"no such field (one of {', '.join(TOP_FIELDS)}, actors.N.…)")
    table, n, name = match.group(1), int(match.group(2)), match.group(3)
    if n < 1:
        raise CorrectionError(path, "rows count from 1")
    if name is not None and name not in ROW_FIELDS[table]:
        raise CorrectionError(path, f"no such field (one of {', '.join(ROW_FIELDS[table])})")
    return FieldPath(table, n, name)


def _text(path: str, text: str) -> str:
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            raise CorrectionError(path, "holds a lone surrogate, not text") from None
    return text.strip()


def _items(path: str, text: str) -> list[str]:
    return [item for item in (part.strip() for part in _text(path, text).split(",")) if item]


def _choice(path: str, name: str, text: str) -> str:
    allowed = _CHOICES[name]
    for value in allowed:
        if value.casefold() == text.casefold():
            return value
    raise CorrectionError(path, f"{text[:40]!r} is not one of {', '.join(allowed)}")


def _year(path: str, text: str) -> int | None:
    if not text:
        return None
    if not re.fullmatch(r"\d{4}", text) or not YEARS[0] <= int(text) <= YEARS[1]:
        raise CorrectionError(path, f"{text[:40]!r} is not a year from {YEARS[0]} to {YEARS[1]}")
    return int(text)


def _rate(path: str, text: str) -> str | None:
    if not text:
        return None
    if parse_rate(text) is None:
        raise CorrectionError(
            path, f"{text[:40]!r} is not a rate as written (25%, 17.0%-35.3%, up to 35.3%)"
        )
    return text


def _check_size(path: str, name: str, text: str) -> None:
    """The limits an import checks (briefs.model), so a correction always exports and
    imports again: a list's items and their length, or the field's length."""
    if name in (*TEXT_LISTS, "products"):
        items = text.split(",")
        if len(items) > MAX_ITEMS[name]:
            raise CorrectionError(path, f"more than {MAX_ITEMS[name]:,} items")
        if any(len(item.strip()) > MAX_TEXT for item in items):
            raise CorrectionError(path, f"an item is longer than {MAX_TEXT:,} characters")
    elif len(text.strip()) > MAX_CHARS.get(name, MAX_TEXT):
        raise CorrectionError(path, f"longer than {MAX_CHARS.get(name, MAX_TEXT):,} characters")


def check_field(path: str, text: str) -> Any:
    """The value a form field's `text` gives for `path`, checked; CorrectionError if bad.

    Required text (title, summary, a name, an imposer) must not be empty; optional text
    and a rate or year left empty give None; lists (tags, products) are comma-separated.
    """
    name = parse_path(path).field
    if name is None:
        raise CorrectionError(path, "names a row, not a field")
    _check_size(path, name, text)  # what an import would refuse is refused here too
    value = _text(path, text)
    if name in TEXT_LISTS or name == "products":
        return _items(path, value)
    if name in _CHOICES:
        return _choice(path, name, value)
    if name == "year":
        return _year(path, value)
    if name == "rate":
        return _rate(path, value)
    if name == "date":
        try:
            return parse_date(value) if value else _missing(path)
        except DateError as exc:
            raise CorrectionError(path, str(exc)) from None
    if name in (*REQUIRED_TEXT, *_REQUIRED_IN_ROW.values()):
        return value or _missing(path)
    return value or None


def _missing(path: str) -> Any:
    raise CorrectionError(path, "must not be empty")


def check_value(path: str, value: object) -> Any:
    """Like check_field, for a Python value: text is read as a form reads it; a list of
    strings, an int year or None are checked as they are."""
    if isinstance(value, str):
        return check_field(path, value)
    name = parse_path(path).field
    if value is None:
        return check_field(path, "")
    if name in (*TEXT_LISTS, "products") and isinstance(value, list | tuple):
        if not all(isinstance(item, str) for item in value):
            raise CorrectionError(path, "must be a list of strings")
        return [item for item in (_text(path, i) for i in value) if item]
    if name == "year" and isinstance(value, int) and not isinstance(value, bool):
        return _year(path, str(value))
    raise CorrectionError(path, f"must be text, not {type(value).__name__}")


def check_row(table: str, row: Mapping[str, object]) -> dict[str, Any]:
    """A whole row (as `--add-actor` JSON or a form gives it), checked, in file format."""
    if table not in TABLES:
        raise CorrectionError(table, f"no such table (one of {', '.join(TABLES)})")
    if not isinstance(row, Mapping):
        raise CorrectionError(table, "a row must be an object")
    fields = ROW_FIELDS[table]
    unknown = sorted(set(row) - set(fields))
    if unknown:
        raise CorrectionError(
            f"{table}.{unknown[0]}", f"no such field (one of {', '.join(fields)})"
        )
    out: dict[str, Any] = {}
    for name in fields:
        if name not in row:
            out[name] = [] if name == "products" else _DEFAULTS.get(name)
            continue
        try:
            out[name] = check_value(f"{table}.1.{name}", row[name]) if row[name] != "" else None
        except CorrectionError as exc:
            raise CorrectionError(f"{table}.{name}", exc.reason) from None
        if out[name] is None and name in _DEFAULTS:
            out[name] = _DEFAULTS[name]
    required = _REQUIRED_IN_ROW[table]
    if not out.get(required):
        raise CorrectionError(f"{table}.{required}", "must not be empty")
    if "products" in out and out["products"] is None:
        out["products"] = []
    return out


def _top_value(brief: Brief, name: str) -> Any:
    value = getattr(brief, name)
    return list(value) if isinstance(value, tuple) else value


def _row_of(item: Actor | Tariff) -> dict[str, Any]:
    return item.to_dict()


def _make(table: str, row: Mapping[str, Any]) -> Actor | Tariff:
    if table == "actors":
        return Actor(
            name=row["name"], kind=row["kind"], role=row["role"], affiliation=row["affiliation"]
        )
    return Tariff(
        imposed_by=row["imposed_by"],
        imposed_on=row["imposed_on"],
        products=tuple(row["products"] or ()),
        rate=row["rate"],
        measure=row["measure"],
        status=row["status"],
        year=row["year"],
        evidence=row.get("evidence"),
    )


# -- a set of corrections ------------------------------------------------------------


class Corrections:
    """One brief's stored corrections (key → entry, see the module's note), read
    tolerantly: an entry that does not check out is left out and named in `problems`."""

    __slots__ = ("added", "entries", "fields", "problems", "removed", "top")

    def __init__(self, entries: Mapping[str, Any] | None = None) -> None:
        self.entries: dict[str, Any] = dict(entries or {})
        self.top: dict[str, Mapping[str, Any]] = {}
        self.fields: dict[tuple[str, int], dict[str, Mapping[str, Any]]] = {}
        self.removed: dict[tuple[str, int], Mapping[str, Any]] = {}
        self.added: dict[str, list[tuple[int, dict[str, Any]]]] = {t: [] for t in TABLES}
        self.problems: list[str] = []
        for key, entry in self.entries.items():
            try:
                self._take(key, entry)
            except (CorrectionError, KeyError, TypeError) as exc:
                self.problems.append(f"{key}: {exc}")
        for rows in self.added.values():
            rows.sort(key=lambda item: item[0])

    def __bool__(self) -> bool:
        return bool(self.top or self.fields or self.removed or any(self.added.values()))

    def _take(self, key: str, entry: Any) -> None:
        if not isinstance(entry, Mapping):
            raise CorrectionError(key, "not an object")
        if key in TOP_FIELDS:
            self.top[key] = {**entry, "value": check_value(key, entry["value"])}
            return
        match = _KEY.fullmatch(key)
        if match is None:
            raise CorrectionError(key, "not a known key")
        table, kind, n, name = match.group(1), match.group(2), int(match.group(3)), match.group(4)
        if kind == "a" and name is None:
            self.added[table].append((n, check_row(table, entry["added"])))
        elif kind == "s" and name is None and entry.get("removed"):
            self.removed[(table, n)] = entry
        elif kind == "s" and name in ROW_FIELDS[table]:
            value = check_value(f"{table}.1.{name}", entry["value"])
            self.fields.setdefault((table, n), {})[name] = {**entry, "value": value}
        else:
            raise CorrectionError(key, "not a known key")

    def keys_of_row(self, table: str, ref: str) -> list[str]:
        prefix = f"{table}.{ref}"
        return [k for k in self.entries if k == prefix or k.startswith(prefix + ".")]

    def next_added(self, table: str) -> int:
        used = [
            int(m[3])
            for k in self.entries
            if (m := _KEY.fullmatch(k)) and m[1] == table and m[2] == "a"
        ]
        return max(used, default=0) + 1


@dataclass(frozen=True, slots=True)
class Slot:
    """One shown row: its stored reference (`s3` a source row, `a2` an added one), its
    corrected value and the source's row now (None when added or gone from the source)."""

    ref: str
    row: dict[str, Any]
    source: dict[str, Any] | None


def _snapshot(table: str, edits: Mapping[str, Mapping[str, Any]]) -> dict[str, Any] | None:
    for entry in edits.values():
        try:
            return check_row(table, entry["row"])
        except (CorrectionError, KeyError, TypeError):
            continue
    return None


def slots(source: Brief, corrections: Corrections, table: str) -> list[Slot]:
    """The rows of `table` as shown: the source's (minus those removed, with edits laid
    over), rows edited by the reader that the source no longer has, then added rows."""
    out = []
    originals = [_row_of(item) for item in getattr(source, table)]
    for i, original in enumerate(originals):
        if (table, i) in corrections.removed:
            continue
        edits = corrections.fields.get((table, i), {})
        out.append(Slot(f"s{i}", {**original, **_values(edits)}, original))
    for (name, i), edits in sorted(corrections.fields.items()):
        if name == table and i >= len(originals) and (table, i) not in corrections.removed:
            snapshot = _snapshot(table, edits)
            if snapshot is not None:
                out.append(Slot(f"s{i}", {**snapshot, **_values(edits)}, None))
    out += [Slot(f"a{k}", row, None) for k, row in corrections.added[table]]
    return out


def _values(edits: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    return {name: entry["value"] for name, entry in edits.items()}


def apply(source: Brief, corrections: Corrections) -> Brief:
    """The corrected brief: `source` with the reader's corrections laid over it."""
    if not corrections:
        return source
    changes: dict[str, Any] = {
        name: tuple(entry["value"]) if name in TEXT_LISTS else entry["value"]
        for name, entry in corrections.top.items()
    }
    for table in TABLES:
        changes[table] = tuple(_make(table, slot.row) for slot in slots(source, corrections, table))
    return dataclasses.replace(source, **changes)


# -- what the reader sees of them ----------------------------------------------------


@dataclass(frozen=True, slots=True)
class BriefCorrections:
    """What is corrected in one brief, by path as shown (see the module's note).

    `edited`: fields the reader changed and rows the reader added (`actors.4`);
    `source_changed`: edited fields whose source value changed since the edit (a
    re-import), and edited rows the source no longer has; `removed`: source rows the
    reader removed, numbered as in the source brief (`actors.3`: the source's third).
    """

    edited: frozenset[str] = frozenset()
    source_changed: frozenset[str] = frozenset()
    removed: tuple[str, ...] = ()
    generation: int = 0
    _source: Brief | None = field(default=None, repr=False, compare=False)
    _slots: Mapping[str, tuple[Slot, ...]] = field(default_factory=dict, repr=False, compare=False)
    _at_edit: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def __bool__(self) -> bool:
        return bool(self.edited or self.removed)

    def source_value(self, path: str) -> Any:
        """What the source (as imported now) says at `path`; None for an added row."""
        where = parse_path(path)
        if self._source is None:
            return None
        if where.table is None:
            return _top_value(self._source, where.field or "")
        rows = self._slots.get(where.table, ())
        if where.n is None or where.n > len(rows) or rows[where.n - 1].source is None:
            return None
        original = rows[where.n - 1].source
        return dict(original) if where.field is None else original.get(where.field)

    def edited_from(self, path: str) -> Any:
        """The source's value when the reader edited `path` (None if not edited)."""
        return self._at_edit.get(path)


def describe(source: Brief, corrections: Corrections, generation: int = 0) -> BriefCorrections:
    edited, changed, at_edit = set(), set(), {}
    for name, entry in corrections.top.items():
        edited.add(name)
        at_edit[name] = entry.get("source")
        if entry.get("source") != _top_value(source, name):
            changed.add(name)
    tables = {}
    for table in TABLES:
        shown = tuple(slots(source, corrections, table))
        tables[table] = shown
        for n, slot in enumerate(shown, start=1):
            if slot.ref.startswith("a"):
                edited.add(f"{table}.{n}")
                continue
            for name, entry in corrections.fields.get((table, int(slot.ref[1:])), {}).items():
                path = f"{table}.{n}.{name}"
                edited.add(path)
                at_edit[path] = entry.get("source")
                if slot.source is None or slot.source.get(name) != entry.get("source"):
                    changed.add(path)
    removed = tuple(f"{t}.{i + 1}" for t, i in sorted(corrections.removed))
    return BriefCorrections(
        frozenset(edited), frozenset(changed), removed, generation, source, tables, at_edit
    )


__all__ = [
    "KINDS",
    "TABLES",
    "TOP_FIELDS",
    "BriefCorrections",
    "CorrectionError",
    "Corrections",
    "apply",
    "check_field",
    "check_row",
    "check_value",
    "describe",
    "parse_path",
    "slots",
]
