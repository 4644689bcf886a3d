"""The brief index as one: `briefs.json` with `briefs-recent.json` laid over it.

`briefs.json` holds what the list shows of every brief and where its content lies. An
import that rewrote it whole spent most of its time there at 100,000 briefs (27 MiB and
its backup, parsed first). So an import writes its records to `briefs-recent.json`, an
index of the same shape whose records replace those of the same id in `briefs.json`, and
folds it into `briefs.json` only once it holds more than a tenth as many briefs (or
RECENT_MIN), or when the content log is compacted. Either way one write makes an import
visible.

A fold's steps each leave the same index: the recent file first takes the import's
records when they replace some it holds (the import is then done), `briefs.json` then
takes every recent record, and the recent file is emptied last; a kill between leaves a
record in both, the same in each. The recent file names the content log its records point
into: after a compaction cut short before the emptying it names the old log, and is not
laid over the index (which then holds every brief).
"""

from __future__ import annotations

from collections.abc import Container, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from store import compact, content_log
from store.checked import Checked, IndexIds, load_ids, save_ids
from store.compact import CompactIndex
from store.errors import DamagedFileError
from store.folder import BRIEFS_FILE, RECENT_FILE, lexists
from store.storage import META_TABLE, AtomicJSONStorage
from store.tables import docs as _docs
from store.tables import write_tables

if TYPE_CHECKING:
    from tinydb import TinyDB
    from tinydb.table import Table

RECENT_MIN = 2000  # records the recent file may hold, however small the index
RECENT_SHARE = 10  # or a tenth of the index's
RECENT_FORMAT = 4  # the format of briefs.json beside which a recent file may be written
Record = dict[str, Any]


def _version(tree: Mapping[str, Any] | None) -> int:
    found = (tree or {}).get(META_TABLE, {}).get("format", {}).get("version", 1)
    return found if isinstance(found, int) else 1


class _Either:
    """An id in the recent file or in `briefs.json`."""

    def __init__(self, recent: Container[str], base: Container[str]) -> None:
        self.recent, self.base = recent, base

    def __contains__(self, key: object) -> bool:
        return key in self.recent or key in self.base


class IndexedStore:
    """Provided by Store: the folder, the index files and the record of checks."""

    root: Path
    read_only: bool
    _briefs: Table
    _briefs_db: TinyDB
    _recent_db: TinyDB
    _checked: Checked
    _ids: IndexIds | None
    _compact_index: CompactIndex | None

    def _storages(self) -> list[AtomicJSONStorage]:
        raise NotImplementedError

    @property
    def briefs_path(self) -> Path:
        return self.root / BRIEFS_FILE

    @property
    def recent_path(self) -> Path:
        return self.root / RECENT_FILE

    # -- reading ------------------------------------------------------------------

    def _log_name(self) -> str | None:
        index = self._briefs_db.storage
        if not index.parsed:  # known without parsing while the index is the one listed
            # The compact form first, when it is held: the reader has it, and loading the
            # id list beside it would hold every id again (2.8 MB at 100,000 briefs).
            held = self._compact_index
            if held is not None and held.of == self._briefs_db.storage.current_key():
                return held.log
            ids = self._base_ids()
            if ids is not None:
                return ids.log
        meta = (index.read() or {}).get(META_TABLE, {})
        name = meta.get("content", {}).get("log")
        return name if isinstance(name, str) else None

    def _log_path(self) -> Path:
        name = self._log_name()
        if name is None:
            raise DamagedFileError(self.briefs_path, "it names no content log")
        return content_log.log_path(self.root, name, self.briefs_path)

    def _recent_docs(self) -> dict[str, Record]:
        """The recent file's records, when they point into the index's content log."""
        data = self._recent_db.storage.read()
        found = (data or {}).get("briefs")
        if not found:
            return {}
        log = (data or {}).get(META_TABLE, {}).get("content", {}).get("log")
        return found if log == self._log_name() else {}

    def _index(self) -> Mapping[str, Record]:
        """Every index record by brief id, the recent file's over `briefs.json`'s."""
        base = _docs(self._briefs)
        recent = self._recent_docs()
        return {**base, **recent} if recent else base

    def _record(self, brief_id: str) -> Record | None:
        found = self._recent_docs().get(brief_id)
        if found is not None:
            return found
        held = self._compact()
        return _docs(self._briefs).get(brief_id) if held is None else held.record(brief_id)

    # -- the compact form (store/compact.py) -----------------------------------------

    def _compact(self) -> CompactIndex | None:
        """`briefs.json` in compact form, newest first (the recent file is laid over it
        where it is used: store/rows.py): the one in memory or in cache/index.bin while
        it is of the file on disk, else made from the file and kept. None when there is
        no index yet."""
        storage = self._briefs_db.storage
        key = storage.current_key()
        if key is None:  # changed elsewhere: read (and check) it again
            storage.read()
            key = storage.current_key()
        if key is None or key == "-":
            return None
        held = self._compact_index
        if held is not None and held.of == key:
            return held
        held = compact.load(self.root, key)
        if held is None:
            records = _docs(self._briefs)
            held = CompactIndex.of_records(key, records, self._log_name(), self._base_version())
            if not self.read_only:
                compact.save(self.root, held)
        self._compact_index = held
        # What the list and the reads need is held compactly now: the parsed index (about
        # 1 KB a brief) and its bytes are read again only for a write or a check.
        storage.release()
        return held

    def _base_ids(self) -> IndexIds | None:
        """`briefs.json`'s ids without parsing it, when cache/index-ids.txt is of the file
        on disk (store/checked.py)."""
        of = self._briefs_db.storage.current_digest()
        if of is None:
            return None
        if self._ids is None or self._ids.of != of:
            self._ids = load_ids(self.root, of)
        return self._ids

    def _index_ids(self) -> Container[str]:
        """The ids in the index, without parsing 27 MiB to know one brief is there."""
        recent = self._recent_docs()
        base: Container[str] | None = None
        if not self._briefs_db.storage.parsed:
            base = self._base_ids()
        if base is None:
            base = _docs(self._briefs)
            self._record_checks()  # the ids, for the next `note add`
        return _Either(recent, base) if recent else base

    def _base_version(self) -> int:
        ids = None if self._briefs_db.storage.parsed else self._base_ids()
        if ids is not None:
            return ids.version
        return _version(self._briefs_db.storage.read())

    def _base_size(self) -> tuple[int, int]:
        """How many records `briefs.json` holds, and their content's total length."""
        ids = None if self._briefs_db.storage.parsed else self._base_ids()
        if ids is not None:
            return ids.count, ids.live
        docs = _docs(self._briefs)
        return len(docs), sum(r["len"] for r in docs.values())

    def _record_checks(self) -> None:
        """List the digests of the files read and checked (or written) so far, and the
        index's ids once it is parsed, for the next open (store/checked.py)."""
        if self.read_only:
            return
        storages = self._storages()
        self._checked.save(
            {s.path: s.digest for s in storages}, {s.path: s.held_identity for s in storages}
        )
        index = self._briefs_db.storage
        of = index.current_digest()
        if of is None or not index.parsed or self._base_ids() is not None:
            return
        save_ids(self.root, of, index.read() or {})

    # -- writing ------------------------------------------------------------------

    def _write_index(self, changed: Mapping[str, Record], log: str) -> None:
        """Make `changed` (id → record) part of the index in one write: of the recent
        file while it stays small, else a fold (see the module's note)."""
        recent = self._recent_docs()
        laid = {**recent, **changed}
        # A briefs.json of format 3 is folded into once, which marks it of format 4: a
        # briefing of format 3 reads that file alone, and would not see what the recent
        # file holds (its compaction of the log would drop it), so it is told the store
        # is newer.
        if (
            lexists(self.briefs_path)
            and log == self._log_name()
            and self._base_version() >= RECENT_FORMAT
        ):
            limit = max(RECENT_MIN, self._base_size()[0] // RECENT_SHARE)
            if len(laid) <= limit:
                self._write_recent(laid, log)
                return
        if recent.keys() & changed.keys():
            self._write_recent(laid, log)  # the import done, before the fold
        self._fold(laid, log)

    def _fold(self, records: Mapping[str, Record], log: str) -> None:
        """Write `records` into `briefs.json` (naming `log`), then empty the recent file."""
        write_tables(self._briefs_db, {"briefs": records, META_TABLE: {"content": {"log": log}}})
        if lexists(self.recent_path) or self._recent_db.storage.made:
            self._write_recent({}, log)

    def _write_recent(self, records: Mapping[str, Record], log: str) -> None:
        data = {"briefs": dict(records), META_TABLE: {"content": {"log": log}}}
        self._recent_db.storage.write(data)
