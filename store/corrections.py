"""The reader's corrections and deletions, apart from brief content.

Reader data, like notes: an import never rewrites it, and every change is one atomic
write of one file under the store lock.

- `corrections/NN.json` (NN = 00..15, the bucket of the brief id): table `corrections`,
  per brief id {"gen": N, "entries": {key: entry}, "changes": [...]} — entries as
  briefs/corrections.py describes them; each change {"at", "kind", "items": [[path, old,
  new], ...], "prior": {key: entry or null}, "undone": bool} is the history, and `prior`
  (the keys as they were before) is what undo puts back. `gen` counts changes, so a list
  row's version changes with every correction. Buckets keep a save's write small however
  many briefs are corrected: one brief's change rewrites one sixteenth of them.
- `trash.json`: table `trash`, per deleted brief id {"title", "date", "deleted_at"}; its
  content stays in the index and its notes and corrections stay where they are, so
  undeleting loses nothing.

Each file is parsed once and re-read only when it changes (store/storage.py), so a
brief's corrections are one key lookup: showing a corrected brief costs about what
showing any brief does.
"""

from __future__ import annotations

import copy
import zlib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from briefs.correcting import Change, HistoryEntry, plan_undo
from briefs.corrections import TOP_FIELDS, Corrections
from briefs.model import Brief
from store.errors import DamagedFileError
from store.folder import CORRECTIONS_FOLDER as FOLDER
from store.folder import TRASH_FILE, check_plain_folder
from store.records import TrashEntry
from store.shapes import bucket_problems, check_bucket, check_trash
from store.storage import AtomicJSONStorage, Ledger

BUCKETS = 16
TABLE = "corrections"
TRASH = "trash"
_ROW_FIELDS = ("title", "date", "source")  # what a list row shows


def bucket_name(brief_id: str) -> str:
    # crc32, not hash(): the same bucket in every process and every run.
    return f"{zlib.crc32(brief_id.encode('utf-8')) % BUCKETS:02d}.json"


def bucket_paths(root: Path) -> list[Path]:
    return [root / FOLDER / f"{n:02d}.json" for n in range(BUCKETS)]


def _table(storage: AtomicJSONStorage, name: str) -> dict[str, Any]:
    return (storage.read() or {}).get(name, {})


class CorrectionBook:
    """The corrections buckets and the trash file. Call every method with the store
    lock held."""

    def __init__(self, root: Path, ledger: Ledger | None = None) -> None:
        self.folder = root / FOLDER
        self._buckets = {
            p.name: AtomicJSONStorage(p, check_bucket, ledger=ledger) for p in bucket_paths(root)
        }
        self._trash = AtomicJSONStorage(root / TRASH_FILE, check_trash, ledger=ledger)

    def paths(self) -> list[Path]:
        return [storage.path for storage in self.storages()]

    def storages(self) -> Iterator[AtomicJSONStorage]:
        yield from self._buckets.values()
        yield self._trash

    def path_of(self, brief_id: str) -> Path:
        return self._buckets[bucket_name(brief_id)].path

    def all(self) -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {}
        for storage in self._buckets.values():
            out.update(_table(storage, TABLE))
        return out

    def doc(self, brief_id: str) -> Mapping[str, Any]:
        found = _table(self._buckets[bucket_name(brief_id)], TABLE).get(brief_id)
        return found if isinstance(found, Mapping) else {}

    def trash(self) -> dict[str, dict[str, Any]]:
        return _table(self._trash, TRASH)

    def write(
        self,
        corrections: Mapping[str, dict[str, Any] | None] | None = None,
        trash: Mapping[str, dict[str, Any] | None] | None = None,
    ) -> None:
        """Write the changed documents (None removes one): one atomic write per file
        touched, so one brief's change is one write."""
        by_bucket: dict[str, dict[str, dict[str, Any] | None]] = {}
        for brief_id, doc in (corrections or {}).items():
            by_bucket.setdefault(bucket_name(brief_id), {})[brief_id] = doc
        if by_bucket:
            check_plain_folder(self.folder)  # never a link to write through
            self.folder.mkdir(exist_ok=True)
        for name, docs in by_bucket.items():
            _write_table(self._buckets[name], TABLE, docs)
        if trash:
            _write_table(self._trash, TRASH, trash)


def _write_table(
    storage: AtomicJSONStorage, name: str, docs: Mapping[str, dict[str, Any] | None]
) -> None:
    data = storage.read() or {}
    rows = data.setdefault(name, {})
    for doc_id, doc in docs.items():
        if doc is None:
            rows.pop(doc_id, None)
        else:
            rows[doc_id] = doc
    storage.write(data)


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
        value = entry.get("value") if isinstance(entry, Mapping) else None
        # Only a plain string is taken: a hand-damaged entry leaves the source's value.
        if isinstance(value, str) and value:
            out[name] = value
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
    return bucket_problems(brief_id, doc)


__all__ = ["BUCKETS", "FOLDER", "TABLE", "TOP_FIELDS", "TRASH", "TRASH_FILE", "CorrectionBook"]
