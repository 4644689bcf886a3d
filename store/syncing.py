"""What sharing with a desk needs of the Store: everything the mirror shows, read in one
go, and the changes a sync brings written in one go, both under the store lock. Mixed
into Store; store/sync/ holds the mirror, git and the merge rules."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefs.model import Brief
from store import content_log
from store.shapes import is_author_name, plain_author
from store.tables import brief_from_payload, span_of, write_tables
from store.tables import docs as _docs

if TYPE_CHECKING:
    from tinydb import TinyDB
    from tinydb.table import Table

    from store.corrections import CorrectionBook
    from store.lock import StoreLock
    from store.reader_book import ReaderBook
    from store.records import ImportCounts

Docs = dict[str, dict[str, Any]]


@dataclass(frozen=True, slots=True)
class SyncSnapshot:
    """The store as the mirror shows it, as of one moment."""

    notes: Docs  # note id → the store's note document (with "author" once it is known)
    states: Docs  # brief id → {"read", "starred"}
    views: dict[str, str]  # name → query
    corrections: Docs  # brief id → corrections document
    digests: dict[str, str]  # brief id → content digest (the index's "sha")
    trash: frozenset[str]


@dataclass(slots=True)
class SyncWrite:
    """What a sync writes into the store; None in a mapping removes that document."""

    briefs: list[Brief] = field(default_factory=list)
    notes: dict[str, dict[str, Any] | None] = field(default_factory=dict)
    states: dict[str, dict[str, Any] | None] = field(default_factory=dict)
    views: dict[str, dict[str, Any] | None] = field(default_factory=dict)
    corrections: dict[str, dict[str, Any]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.briefs or self.notes or self.states or self.views or self.corrections)


def _signed(notes: dict[str, dict[str, Any] | None]) -> dict[str, dict[str, Any] | None]:
    """Note documents whose authors are plain names, as reading the store demands: a
    desk's file may name anyone, and one odd name must not make the store unreadable."""
    out: dict[str, dict[str, Any] | None] = {}
    for note_id, doc in notes.items():
        if doc is not None and "author" in doc and not is_author_name(doc["author"]):
            doc = {**doc, "author": plain_author(doc["author"])}
            if doc["author"] is None:
                del doc["author"]
        out[note_id] = doc
    return out


class SyncingStore:
    """Provided by Store: the lock, the tables, the corrections book, the importer."""

    root: Path
    lock: StoreLock
    _book: CorrectionBook
    _briefs: Table
    _reader: ReaderBook
    _reader_db: TinyDB

    def _writable(self) -> None:
        raise NotImplementedError

    def _log_path(self) -> Path:
        raise NotImplementedError

    def _index(self) -> Mapping[str, dict[str, Any]]:
        raise NotImplementedError

    def import_briefs(self, briefs: Iterable[Brief], *, undelete: bool = False) -> ImportCounts:
        raise NotImplementedError

    def sync_snapshot(self) -> SyncSnapshot:
        with self.lock:
            return self._snapshot()

    def _snapshot(self) -> SyncSnapshot:
        views = _docs(self._reader_db.table("views", cache_size=0))
        return SyncSnapshot(
            notes={k: dict(v) for k, v in self._reader.all_notes().items()},
            states={k: dict(v) for k, v in self._reader.all_states().items()},
            views={k: str(v.get("query", "")) for k, v in views.items()},
            corrections={k: v for k, v in self._book.all().items()},
            digests={k: str(v.get("sha", "")) for k, v in self._index().items()},
            trash=frozenset(self._book.trash()),
        )

    def source_briefs(self, ids: Iterable[str]) -> dict[str, Brief]:
        """The briefs as their source gave them (no corrections), read in one pass of the
        content log; a brief whose content is damaged is left out (`check` names it)."""
        with self.lock:
            index = self._index()
            wanted = [i for i in ids if i in index]
            if not wanted:
                return {}
            log = self._log_path()
            spans = [span_of(log, i, index[i]) for i in wanted]
            out = {}
            for brief_id, payload in content_log.read_many(log, spans):
                if payload is not None:
                    out[brief_id] = brief_from_payload(log, brief_id, payload)
        return out

    def apply_synced(self, plan: Callable[[SyncSnapshot], SyncWrite]) -> SyncWrite:
        """Hold the store lock, hand `plan` the store as it is now, and write what it
        returns: briefs first (so notes find them), then corrections, then notes and
        states (one atomic write per file of reader/ touched), then views (reader.json).
        A kill between leaves what a second run of the same plan completes."""
        self._writable()
        with self.lock:
            change = plan(self._snapshot())
            if change.briefs:
                self.import_briefs(change.briefs)
            if change.corrections:
                self._book.write(corrections=change.corrections)
            if change.notes or change.states:
                self._reader.write(_signed(change.notes), change.states)
            if change.views:
                self._reader.migrate()
                write_tables(self._reader_db, {"views": change.views})
        return change
