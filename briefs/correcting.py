"""Planning one change to a brief's corrections: an edit of several fields, a row added,
removed or put back, a revert. Each plan says which stored keys change (see
briefs/corrections.py for the keys) and what the reader saw change, for the history.

Pure: the store carries a plan out in one atomic write.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from briefs.corrections import (
    TABLES,
    CorrectionError,
    Corrections,
    FieldPath,
    Slot,
    check_row,
    check_value,
    describe,
    parse_path,
    slots,
)
from briefs.model import Brief

Entry = dict[str, Any]


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One thing that changed: when, at which path (as shown then), from what to what."""

    at: str
    path: str
    old: Any
    new: Any
    kind: str  # edit, add, remove, revert, undo or import


@dataclass(frozen=True, slots=True)
class Change:
    """Stored keys to set (None: drop) and the (path, old, new) the reader saw change."""

    kind: str
    updates: dict[str, Entry | None]
    items: tuple[tuple[str, Any, Any], ...]

    def __bool__(self) -> bool:
        return bool(self.items)


def _top(brief: Brief, name: str) -> Any:
    value = getattr(brief, name)
    return list(value) if isinstance(value, tuple) else value


def _shown(source: Brief, corrections: Corrections) -> dict[str, list[Slot]]:
    return {table: slots(source, corrections, table) for table in TABLES}


def _slot(shown: Mapping[str, list[Slot]], where: FieldPath, path: str) -> Slot:
    assert where.table is not None and where.n is not None
    rows = shown[where.table]
    if where.n > len(rows):
        raise CorrectionError(path, f"no such row: the brief has {len(rows)} {where.table}")
    return rows[where.n - 1]


def _source_row(corrections: Corrections, table: str, slot: Slot) -> dict[str, Any]:
    if slot.source is not None:
        return slot.source
    # A row the source no longer has: the snapshot kept with its edits stands in.
    for entry in corrections.fields.get((table, int(slot.ref[1:])), {}).values():
        try:
            return check_row(table, entry["row"])
        except (CorrectionError, KeyError, TypeError):
            continue
    return dict(slot.row)


def plan_correct(
    source: Brief, corrections: Corrections, changes: Mapping[str, object], at: str
) -> Change:
    """Several fields in one change; CorrectionError names the first bad path or value.

    A value equal to what is shown changes nothing; one equal to the source's drops the
    correction (the field is the source's again)."""
    shown = _shown(source, corrections)
    updates: dict[str, Entry | None] = {}
    items = []
    for path, raw in changes.items():
        where = parse_path(path)
        if where.field is None:
            raise CorrectionError(path, "names a row: edit one of its fields, or remove it")
        value = check_value(path, raw)
        name = where.field
        if where.table is None:
            entry = corrections.top.get(name)
            old = entry["value"] if entry is not None else _top(source, name)
            if value == old:
                continue
            original = _top(source, name)
            updates[name] = None if value == original else _edit(value, original, at)
            items.append((path, old, value))
            continue
        slot = _slot(shown, where, path)
        key = f"{where.table}.{slot.ref}"
        if slot.ref.startswith("a"):
            row = dict((updates.get(key) or {"added": slot.row})["added"])
            old, row[name] = row[name], value
            if value != old:
                updates[key] = {"added": row, "at": at}
                items.append((path, old, value))
            continue
        old = slot.row[name]
        if value == old:
            continue
        original = _source_row(corrections, where.table, slot)
        field_key = f"{key}.{name}"
        updates[field_key] = (
            None
            if value == original[name]
            else {**_edit(value, original[name], at), "row": original}
        )
        items.append((path, old, value))
    return Change("edit", updates, tuple(items))


def _edit(value: Any, source: Any, at: str) -> Entry:
    return {"value": value, "source": source, "at": at}


def plan_add(
    source: Brief, corrections: Corrections, table: str, row: Mapping[str, object], at: str
) -> Change:
    """A row added after the brief's own; CorrectionError for a bad field."""
    checked = check_row(table, row)
    n = len(slots(source, corrections, table)) + 1
    key = f"{table}.a{corrections.next_added(table)}"
    return Change("add", {key: {"added": checked, "at": at}}, ((f"{table}.{n}", None, checked),))


def _row_path(path: str) -> FieldPath:
    where = parse_path(path)
    if where.table is None or where.field is not None:
        raise CorrectionError(path, "name a row: actors.N or tariffs.N")
    return where


def plan_remove(source: Brief, corrections: Corrections, path: str, at: str) -> Change:
    """A shown row removed: an added one is dropped, a source row is marked removed."""
    where = _row_path(path)
    assert where.table is not None
    slot = _slot(_shown(source, corrections), where, path)
    key = f"{where.table}.{slot.ref}"
    updates: dict[str, Entry | None]
    if slot.ref.startswith("a"):
        updates = {key: None}
    elif slot.source is not None:
        updates = {key: {"removed": True, "row": slot.source, "at": at}}
    else:  # a row only the reader's edits still hold: dropping them removes it
        updates = dict.fromkeys(corrections.keys_of_row(where.table, slot.ref))
    return Change("remove", updates, ((path, slot.row, None),))


def plan_restore(source: Brief, corrections: Corrections, path: str) -> Change:
    """A removed source row (`path` numbered as in `BriefCorrections.removed`) put back."""
    where = _row_path(path)
    assert where.table is not None and where.n is not None
    entry = corrections.removed.get((where.table, where.n - 1))
    if entry is None:
        raise CorrectionError(path, "is not a row you removed")
    rows = getattr(source, where.table)
    row = rows[where.n - 1].to_dict() if where.n <= len(rows) else entry.get("row")
    return Change("revert", {f"{where.table}.s{where.n - 1}": None}, ((path, None, row),))


def plan_revert(source: Brief, corrections: Corrections, path: str) -> Change:
    """Back to what the source says: a field, a row (`actors.N`; an added row goes), a
    table (`actors`: every row as the source has it) or `all`."""
    view = describe(source, corrections)
    if path == "all" or path in TABLES:
        prefix = "" if path == "all" else path + "."
        keys = [k for k in corrections.entries if k.startswith(prefix)]
        mine = sorted(p for p in view.edited if p.startswith(prefix))
        added = [p for p in mine if p.count(".") == 1]  # whole rows the reader added
        items = [
            (p, _value_at(source, corrections, p), view.source_value(p))
            for p in mine
            if p not in added
        ]
        items += [(p, _value_at(source, corrections, p), None) for p in added]
        items += [
            (f"{t}.{i + 1}", None, entry.get("row"))
            for (t, i), entry in sorted(corrections.removed.items())
            if f"{t}.".startswith(prefix)
        ]
        return Change("revert", dict.fromkeys(keys), tuple(items))
    where = parse_path(path)
    if where.table is None:
        name = where.field or ""
        if name not in corrections.top:
            return Change("revert", {}, ())
        old = corrections.top[name]["value"]
        return Change("revert", {name: None}, ((path, old, _top(source, name)),))
    slot = _slot(_shown(source, corrections), where, path)
    if where.field is None:
        keys = corrections.keys_of_row(where.table, slot.ref)
        return Change(
            "revert", dict.fromkeys(keys), ((path, slot.row, slot.source),) if keys else ()
        )
    if slot.ref.startswith("a"):
        raise CorrectionError(
            path, "is in a row you added: it has no source value (remove the row)"
        )
    key = f"{where.table}.{slot.ref}.{where.field}"
    if key not in corrections.entries:
        return Change("revert", {}, ())
    original = _source_row(corrections, where.table, slot)[where.field]
    return Change("revert", {key: None}, ((path, slot.row[where.field], original),))


def _value_at(source: Brief, corrections: Corrections, path: str) -> Any:
    where = parse_path(path)
    if where.table is None:
        entry = corrections.top.get(where.field or "")
        return entry["value"] if entry else _top(source, where.field or "")
    slot = _slot(_shown(source, corrections), where, path)
    return slot.row if where.field is None else slot.row[where.field]


def value_at(brief: Brief, path: str) -> Any:
    """The value a (corrected) brief shows at `path`."""
    return _value_at(brief, Corrections(), path)


def plan_undo(prior: Mapping[str, Any], items: list[Any]) -> Change:
    """The change that puts back `prior` (the stored keys as they were before a change),
    reversing its items for the history."""
    updates = {
        key: (dict(entry) if isinstance(entry, Mapping) else None) for key, entry in prior.items()
    }
    reversed_items = tuple((str(i[0]), i[2], i[1]) for i in items if len(i) == 3)
    return Change("undo", updates, reversed_items)


__all__ = [
    "Change",
    "HistoryEntry",
    "plan_add",
    "plan_correct",
    "plan_remove",
    "plan_restore",
    "plan_revert",
    "plan_undo",
    "value_at",
]
