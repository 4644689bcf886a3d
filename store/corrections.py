"""corrections.json: the reader's corrections and deletions, apart from brief content.

Reader data, like notes: an import never rewrites it, and every change is one atomic
write of the file under the store lock. Two tables:

- `corrections`: per brief id {"gen": N, "entries": {key: entry}, "changes": [...]} —
  entries as briefs/corrections.py describes them; each change {"at", "kind", "items":
  [[path, old, new], ...], "prior": {key: entry or null}, "undone": bool} is the history,
  and `prior` (the keys as they were before) is what undo puts back. `gen` counts changes,
  so a list row's version changes with every correction.
- `trash`: per deleted brief id {"title", "date", "deleted_at"}; its content stays in the
  index and its notes and corrections stay where they are, so undeleting loses nothing.

A brief's document is one key lookup in the parsed file (cached until the file changes),
so showing a corrected brief costs about what showing any brief does.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from tinydb import TinyDB

from briefs.correcting import Change, HistoryEntry, plan_undo
from briefs.corrections import TOP_FIELDS, Corrections, check_value
from briefs.model import Brief
from store.errors import DamagedFileError
from store.records import TrashEntry
from store.tables import docs, write_tables

TABLE = "corrections"
TRASH = "trash"
_ROW_FIELDS = ("title", "date", "source")  # what a list row shows


class CorrectionBook:
    """The corrections file's two tables. Call every method with the store lock held."""

    def __init__(self, db: TinyDB) -> None:
        self.db = db
        self._table = db.table(TABLE, cache_size=0)
        self._trash = db.table(TRASH, cache_size=0)

    @property
    def path(self) -> Any:
        return self.db.storage.path  # type: ignore[attr-defined]

    def all(self) -> dict[str, dict[str, Any]]:
        return docs(self._table)

    def doc(self, brief_id: str) -> Mapping[str, Any]:
        found = docs(self._table).get(brief_id)
        return found if isinstance(found, Mapping) else {}

    def trash(self) -> dict[str, dict[str, Any]]:
        return docs(self._trash)

    def write(
        self,
        corrections: Mapping[str, dict[str, Any] | None] | None = None,
        trash: Mapping[str, dict[str, Any] | None] | None = None,
    ) -> None:
        """One atomic write of both tables' changes (None removes a document)."""
        write_tables(self.db, {TABLE: corrections or {}, TRASH: trash or {}})


def corrections_of(doc: Mapping[str, Any]) -> Corrections:
    entries = doc.get("entries")
    return Corrections(entries if isinstance(entries, Mapping) else None)


def generation(doc: Mapping[str, Any]) -> int:
    gen = doc.get("gen", 0)
    return gen if isinstance(gen, int) else 0


def row_overrides(doc: Mapping[str, Any]) -> dict[str, Any]:
    """What a brief's corrections change of its list row: title, date, source, and the
    generation and a flag for the row's version and mark."""
    if not doc:
        return {}
    entries = doc.get("entries")
    entries = entries if isinstance(entries, Mapping) else {}
    out: dict[str, Any] = {"generation": generation(doc), "corrected": bool(entries)}
    for name in _ROW_FIELDS:
        entry = entries.get(name)
        if isinstance(entry, Mapping):
            try:
                out[name] = check_value(name, entry.get("value"))
            except ValueError:
                continue  # a hand-damaged entry: the row shows the source's value
    return out


def record(doc: Mapping[str, Any], change: Change, at: str, where: Any) -> dict[str, Any]:
    """`doc` with `change` carried out and kept in the history (a new dict: the stored
    one is the storage's cache)."""
    entries = doc.get("entries", {})
    if not isinstance(entries, Mapping):
        raise DamagedFileError(where, "a brief's corrections are not an object")
    new_entries = copy.deepcopy(dict(entries))
    prior = {key: new_entries.get(key) for key in change.updates}
    for key, entry in change.updates.items():
        if entry is None:
            new_entries.pop(key, None)
        else:
            new_entries[key] = entry
    changes = list(doc.get("changes", ())) if isinstance(doc.get("changes"), list) else []
    changes.append(
        {
            "at": at,
            "kind": change.kind,
            "items": [list(item) for item in change.items],
            "prior": prior,
            "undone": False,
        }
    )
    return {"gen": generation(doc) + 1, "entries": new_entries, "changes": changes}


def _last_undoable(doc: Mapping[str, Any]) -> int | None:
    changes = doc.get("changes")
    if not isinstance(changes, list):
        return None
    for i in range(len(changes) - 1, -1, -1):
        item = changes[i]
        if isinstance(item, Mapping) and item.get("kind") != "undo" and not item.get("undone"):
            return i
    return None


def undo(doc: Mapping[str, Any], at: str, where: Any) -> dict[str, Any] | None:
    """`doc` with its last change not yet undone put back (recorded as an undo); None
    when there is nothing to undo."""
    i = _last_undoable(doc)
    if i is None:
        return None
    last = doc["changes"][i]
    prior = last.get("prior") if isinstance(last.get("prior"), Mapping) else {}
    items = last.get("items") if isinstance(last.get("items"), list) else []
    new = record(doc, plan_undo(prior, items), at, where)
    new["changes"][i] = {**last, "undone": True}
    return new


def history(doc: Mapping[str, Any]) -> list[HistoryEntry]:
    """Every change's items, oldest first."""
    out = []
    changes = doc.get("changes")
    for change in changes if isinstance(changes, list) else ():
        if not isinstance(change, Mapping):
            continue
        for item in change.get("items") or ():
            if isinstance(item, list) and len(item) == 3:
                at, kind = str(change.get("at", "")), str(change.get("kind", ""))
                out.append(HistoryEntry(at, str(item[0]), item[1], item[2], kind))
    return out


def export_form(doc: Mapping[str, Any], source: Brief) -> dict[str, Any] | None:
    """What an export record carries of a brief's corrections: the source brief (without
    its body, which the record has), the entries and the history; None when none."""
    entries = doc.get("entries")
    if not isinstance(entries, Mapping) or not entries:
        return None
    source_dict = source.to_dict()
    source_dict.pop("body", None)
    changes = doc.get("changes")
    return {
        "source": source_dict,
        "entries": dict(entries),
        "changes": list(changes) if isinstance(changes, list) else [],
    }


def merge_imported(
    doc: Mapping[str, Any], incoming: Mapping[str, Any], at: str, where: Any
) -> dict[str, Any] | None:
    """`doc` with an export's corrections added: keys it lacks are taken, keys it holds
    keep the store's value (reader data is never replaced). None when nothing is new."""
    new_entries = incoming.get("entries") or {}
    if not doc:
        changes = incoming.get("changes") or []
        return {"gen": 1, "entries": dict(new_entries), "changes": list(changes)}
    held = doc.get("entries") if isinstance(doc.get("entries"), Mapping) else {}
    missing = {k: v for k, v in new_entries.items() if k not in held}  # type: ignore[operator]
    if not missing:
        return None
    items = tuple((key, None, "from an export") for key in sorted(missing))
    return record(doc, Change("import", dict(missing), items), at, where)


def trash_entries(trash: Mapping[str, Mapping[str, Any]]) -> list[TrashEntry]:
    """The trash, most recently deleted first."""
    entries = [
        TrashEntry(
            id=brief_id,
            title=str(doc.get("title", "")),
            date=str(doc.get("date", "")),
            deleted_at=str(doc.get("deleted_at", "")),
        )
        for brief_id, doc in trash.items()
    ]
    entries.sort(key=lambda e: (e.deleted_at, e.id), reverse=True)
    return entries


def check_doc(brief_id: str, doc: Any) -> list[str]:
    """What is wrong with one brief's stored corrections (for `briefing check`)."""
    if not isinstance(doc, Mapping):
        return [f"{brief_id}: not an object"]
    if not isinstance(doc.get("entries", {}), Mapping):
        return [f"{brief_id}: entries are not an object"]
    if not isinstance(doc.get("changes", []), list):
        return [f"{brief_id}: the history is not a list"]
    return [f"{brief_id}: {p}" for p in corrections_of(doc).problems]


__all__ = ["TABLE", "TOP_FIELDS", "TRASH", "CorrectionBook"]
