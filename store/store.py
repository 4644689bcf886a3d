"""The briefing store: brief content and the reader's own data, kept apart.

Brief content can always be imported again: `briefs.json` (TinyDB) indexes it — what
the list shows and where each brief's full content lies in the append-only content log
(see content_log.py). `reader.json` (TinyDB) holds notes, read/starred state, drafts and
saved views, which cannot be recreated; an import never touches it and a note save never
touches `briefs.json`. Every change happens under the store lock and re-reads the file
first, so several processes can share one store.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import orjson
from tinydb import TinyDB
from tinydb.table import Table

from briefs import Brief, BriefError, Note, brief_from_dict
from briefs.model import ReaderData
from briefs.order import newest_first
from briefs.samples import load_samples
from store import content_log
from store.drafts import FOLDER as DRAFTS_FOLDER
from store.drafts import DraftBox, new_owner
from store.errors import DamagedFileError, NoteChangedError, StoreError
from store.lock import StoreLock
from store.paths import is_read_only, read_only_error
from store.reader_import import merge_reader_data
from store.records import (
    BriefRow,
    Draft,
    ImportCounts,
    ReaderImportCounts,
    ReaderState,
    note_doc,
    note_from_doc,
)
from store.storage import META_TABLE, TEMP_SUFFIX, AtomicJSONStorage

BRIEFS_FILE = "briefs.json"
READER_FILE = "reader.json"
LOCK_FILE = ".lock"

Clock = Callable[[], dt.datetime]


def local_now() -> dt.datetime:
    return dt.datetime.now().astimezone().replace(microsecond=0)


class KeyedTable(Table):
    """A table whose document ids are our own string keys (brief ids, note ids)."""

    document_id_class = str


def _docs(table: Table) -> dict[str, dict[str, Any]]:
    """Every document of `table` by id, as stored, in one read of its file.

    TinyDB's public API copies each document into a Document object and offers no
    read-all-by-key; this is the one place that uses its private `_read_table`.
    """
    return table._read_table()  # type: ignore[return-value]


def _brief_row(
    brief_id: str, doc: Mapping[str, Any], note_count: int, state: Mapping[str, Any]
) -> BriefRow:
    """A list row from an index record, a note count and a state document."""
    return BriefRow(
        id=brief_id,
        title=str(doc.get("title", "")),
        date=str(doc.get("date", "")),
        source=doc.get("source"),
        note_count=note_count,
        read=bool(state.get("read", False)),
        starred=bool(state.get("starred", False)),
        version=str(doc.get("sha", "")),
    )


Changes = Mapping[str, Mapping[str, dict[str, Any] | None]]


def _write(db: TinyDB, changes: Changes) -> None:
    """Apply {table: {doc_id: doc, or None to remove}} to one file in a single write.

    One write for several tables is what makes "save the note and drop its draft"
    atomic. Call it with the store lock held; the storage re-reads a changed file first.
    """
    data = db.storage.read() or {}
    for table, docs in changes.items():
        rows = data.setdefault(table, {})
        for doc_id, doc in docs.items():
            if doc is None:
                rows.pop(doc_id, None)
            else:
                rows[doc_id] = doc
    db.storage.write(data)


class _DB(TinyDB):
    table_class = KeyedTable


def _open_db(path: Path) -> TinyDB:
    return _DB(storage=lambda: AtomicJSONStorage(path))  # type: ignore[arg-type]


def _index_record(brief: Brief, span: tuple[int, int], sha: str) -> dict[str, Any]:
    """What the index keeps of a brief: the list's fields and where its content lies."""
    return {
        "title": brief.title,
        "date": brief.date,
        "source": brief.source,
        "at": span[0],
        "len": span[1],
        "sha": sha,
    }


def _span(log: Path, brief_id: str, record: Mapping[str, Any]) -> tuple[str, int, int, str]:
    try:
        return brief_id, int(record["at"]), int(record["len"]), str(record["sha"])
    except (KeyError, TypeError, ValueError) as exc:
        index = log.with_name(BRIEFS_FILE)
        raise DamagedFileError(index, f"brief {brief_id}: bad index entry") from exc


def _brief_from_payload(log: Path, brief_id: str, payload: bytes) -> Brief:
    try:
        return brief_from_dict(orjson.loads(payload))
    except (orjson.JSONDecodeError, BriefError) as exc:
        raise DamagedFileError(log, f"content of {brief_id}: {exc}") from exc


class Store:
    """Open a store folder, creating and seeding it when new; one we may read but not
    write opens read-only (`read_only`), and then every write raises StoreError."""

    def __init__(self, root: Path, *, clock: Clock = local_now, seed: bool = True) -> None:
        self.root = root
        self.clock = clock
        _prepare_folder(root)
        # Read-only: everything can be read, and every write says so before it starts.
        self.read_only = is_read_only(root)
        self.lock = StoreLock(root / LOCK_FILE, shared=self.read_only)
        self.draft_box = DraftBox(root / DRAFTS_FOLDER)
        with self.lock:
            if not self.read_only:
                _remove_stale_temporaries(root)
            self._briefs_db = _open_db(root / BRIEFS_FILE)
            self._reader_db = _open_db(root / READER_FILE)
            self._briefs = self._briefs_db.table("briefs", cache_size=0)
            self._notes = self._reader_db.table("notes", cache_size=0)
            self._states = self._reader_db.table("states", cache_size=0)
            self._drafts = self._reader_db.table("drafts", cache_size=0)
            # Read both files now so a damaged one is reported before any write.
            self._briefs_db.storage.read()
            self._reader_db.storage.read()
            if self.read_only:
                return
            for stale in content_log.stale_logs(root, self._log_name()):
                stale.unlink(missing_ok=True)
            if seed and not (root / BRIEFS_FILE).exists():
                self.import_briefs(load_samples())

    def _writable(self) -> None:
        if self.read_only:
            raise read_only_error(self.root)

    @property
    def briefs_path(self) -> Path:
        return self.root / BRIEFS_FILE

    @property
    def reader_path(self) -> Path:
        return self.root / READER_FILE

    # -- brief content ---------------------------------------------------------

    def rows(self) -> list[BriefRow]:
        """Every brief as a list row, newest first (see briefs.order)."""
        with self.lock:
            briefs = dict(_docs(self._briefs))
            notes = Counter(doc.get("brief_id") for doc in _docs(self._notes).values())
            states = dict(_docs(self._states))
        rows = [
            _brief_row(brief_id, doc, notes.get(brief_id, 0), states.get(brief_id, {}))
            for brief_id, doc in briefs.items()
        ]
        return newest_first(rows)

    def row(self, brief_id: str) -> BriefRow | None:
        """One list row, fresh from disk (after a note or state change)."""
        with self.lock:
            doc = _docs(self._briefs).get(brief_id)
            if doc is None:
                return None
            notes = sum(1 for d in _docs(self._notes).values() if d.get("brief_id") == brief_id)
            state = _docs(self._states).get(brief_id, {})
        return _brief_row(brief_id, doc, notes, state)

    def count(self) -> int:
        with self.lock:
            return len(_docs(self._briefs))

    def brief(self, brief_id: str) -> Brief | None:
        """The whole brief, read from the content log."""
        with self.lock:
            record = _docs(self._briefs).get(brief_id)
            if record is None:
                return None
            log = self._log_path()
            span = _span(log, brief_id, record)
            payload = content_log.read(log, span[1], span[2], span[3])
        return _brief_from_payload(log, brief_id, payload)

    def all_briefs(self) -> list[Brief]:
        """Every readable brief, newest first; reads the whole log, so call it from a worker."""
        return [brief for _, brief in self.read_briefs() if brief is not None]

    def read_briefs(self, ids: Iterable[str] | None = None) -> Iterator[tuple[str, Brief | None]]:
        """(id, brief) for `ids` (default: every brief, newest first), one at a time; the
        brief is None when its content cannot be read (`briefing check` names and repairs it).

        The one path that reads every brief. One at a time, so reading them all never holds
        all of them, nor the lock (which note saves wait on) for the whole read.
        """
        with self.lock:
            index = _docs(self._briefs)
            if not index:
                return
            wanted = [row.id for row in self.rows()] if ids is None else list(ids)
            log = self._log_path()
            spans = [_span(log, i, index[i]) for i in wanted if i in index]
            fd = content_log.open_log(log)
        try:
            for brief_id, payload in content_log.read_many(log, spans, fd):
                try:
                    if payload is None:
                        raise DamagedFileError(log, f"content of {brief_id} is damaged")
                    yield brief_id, _brief_from_payload(log, brief_id, payload)
                except DamagedFileError:
                    yield brief_id, None
        finally:
            os.close(fd)

    def _log_name(self) -> str | None:
        meta = (self._briefs_db.storage.read() or {}).get(META_TABLE, {})
        name = meta.get("content", {}).get("log")
        return name if isinstance(name, str) else None

    def _log_path(self) -> Path:
        name = self._log_name()
        if name is None:
            raise DamagedFileError(self.briefs_path, "it names no content log")
        return self.root / name

    def import_briefs(self, briefs: Iterable[Brief]) -> ImportCounts:
        """Add or replace briefs by id. Reader data is untouched.

        New content is appended to the log and fsynced first; then one write of the
        index makes it visible. A crash in between leaves the store as it was.
        """
        self._writable()
        incoming: dict[str, tuple[Brief, bytes]] = {}
        for brief in briefs:
            try:
                incoming[brief.id] = (brief, orjson.dumps(brief.to_dict()))
            except orjson.JSONEncodeError as exc:  # e.g. a lone surrogate in a string
                raise StoreError(f"brief {brief.id}: cannot be stored: {exc}") from exc
        with self.lock:
            current = _docs(self._briefs)
            digests = {k: content_log.digest(payload) for k, (_, payload) in incoming.items()}
            changed = [k for k in incoming if current.get(k, {}).get("sha") != digests[k]]
            added = sum(1 for k in incoming if k not in current)
            if changed or not self.briefs_path.exists():
                name = self._log_name() or content_log.log_name(1)
                spans = content_log.append(self.root / name, (incoming[k][1] for k in changed))
                records = {
                    k: _index_record(incoming[k][0], span, digests[k])
                    for k, span in zip(changed, spans, strict=True)
                }
                _write(
                    self._briefs_db,
                    {"briefs": records, META_TABLE: {"content": {"log": name}}},
                )
                self._compact_if_worth_it()
        return ImportCounts(
            added=added, updated=len(changed) - added, unchanged=len(incoming) - len(changed)
        )

    def _compact_if_worth_it(self) -> None:
        """Rewrite the log without dead versions once they outweigh the live ones."""
        index = _docs(self._briefs)
        log = self._log_path()
        live = sum(record["len"] + 1 for record in index.values())
        if not content_log.worth_compacting(log, live):
            return
        ids = list(index)
        spans = [_span(log, i, index[i]) for i in ids]
        payloads = [payload for _, payload in content_log.read_many(log, spans)]
        if any(payload is None for payload in payloads):
            return  # never drop damaged content silently: `briefing check` reports it
        name = content_log.log_name(content_log.generation_of(log.name) + 1)
        new_spans = content_log.write_new(self.root / name, payloads)
        records = {
            i: {**index[i], "at": span[0], "len": span[1]}
            for i, span in zip(ids, new_spans, strict=True)
        }
        _write(self._briefs_db, {"briefs": records, META_TABLE: {"content": {"log": name}}})
        log.unlink(missing_ok=True)

    # -- reader data -------------------------------------------------------------

    def state(self, brief_id: str) -> ReaderState:
        with self.lock:
            doc = _docs(self._states).get(brief_id, {})
        return ReaderState(read=bool(doc.get("read")), starred=bool(doc.get("starred")))

    def set_state(
        self, brief_id: str, *, read: bool | None = None, starred: bool | None = None
    ) -> ReaderState:
        self._writable()
        with self.lock:
            old = self.state(brief_id)
            new = ReaderState(
                read=old.read if read is None else read,
                starred=old.starred if starred is None else starred,
            )
            if new != old:
                doc = {"read": new.read, "starred": new.starred}
                _write(self._reader_db, {"states": {brief_id: doc}})
        return new

    def notes(self, brief_id: str) -> list[Note]:
        """The notes on one brief, newest first."""
        with self.lock:
            docs = [d for d in _docs(self._notes).values() if d.get("brief_id") == brief_id]
        notes = [note_from_doc(d) for d in docs]
        notes.sort(key=lambda n: (n.created, n.id), reverse=True)
        return notes

    def note(self, note_id: str) -> Note | None:
        with self.lock:
            doc = _docs(self._notes).get(note_id)
        return None if doc is None else note_from_doc(doc)

    def add_note(self, brief_id: str, text: str) -> Note:
        """Save a new note; it is on disk when this returns."""
        self._writable()
        now = self.clock().isoformat()
        note = Note(
            id=self._new_note_id(),
            brief_id=brief_id,
            text=text,
            created=now,
            updated=now,
        )
        with self.lock:
            if brief_id not in _docs(self._briefs):
                raise StoreError(f"no brief with id {brief_id!r}")
            _write(
                self._reader_db,
                {"notes": {note.id: note_doc(note)}},
            )
        return note

    def _new_note_id(self) -> str:
        return f"n{self.clock():%Y%m%d%H%M%S}{secrets.token_hex(4)}"

    def import_reader_data(self, records: Iterable[ReaderData]) -> ReaderImportCounts:
        """Restore the notes, read and starred an export carries, in one atomic write of
        reader.json: all of it or, if the write fails, none. Notes merge by id and text and
        never replace one (store/reader_import.py); a flag is set, never cleared."""
        self._writable()
        incoming = list(records)
        with self.lock:
            notes, states, counts = merge_reader_data(
                _docs(self._notes), _docs(self._states), incoming, self._new_note_id
            )
            if notes or states:
                _write(self._reader_db, {"notes": notes, "states": states})
        return counts

    def update_note(self, note_id: str, text: str, *, expected: str | None = None) -> Note:
        """Replace a note's text. With `expected` (its text when the editor opened), a note
        changed elsewhere meanwhile is left alone: NoteChangedError says so."""
        self._writable()
        with self.lock:
            old = self.note(note_id)
            if old is None:
                raise StoreError(f"no note with id {note_id!r} (deleted elsewhere?)")
            if expected is not None and old.text != expected and old.text != text:
                raise NoteChangedError(old)
            note = Note(old.id, old.brief_id, text, old.created, self.clock().isoformat())
            if note.text == old.text:
                return old
            _write(self._reader_db, {"notes": {note.id: note_doc(note)}})
        return note

    def delete_note(self, note_id: str) -> None:
        self._writable()
        with self.lock:
            if self.note(note_id) is not None:
                _write(self._reader_db, {"notes": {note_id: None}})

    # -- search and saved views -------------------------------------------------

    def states(self) -> dict[str, ReaderState]:
        """The read/starred state of every brief that has one."""
        with self.lock:
            docs = _docs(self._states)
        return {
            brief_id: ReaderState(read=bool(doc.get("read")), starred=bool(doc.get("starred")))
            for brief_id, doc in docs.items()
        }

    def note_texts(self) -> dict[str, list[str]]:
        """The text of every note, by brief id (what search needs of notes)."""
        with self.lock:
            docs = list(_docs(self._notes).values())
        texts: dict[str, list[str]] = {}
        for doc in docs:
            texts.setdefault(str(doc.get("brief_id")), []).append(str(doc.get("text", "")))
        return texts

    def views(self) -> dict[str, str]:
        """Saved queries by name."""
        with self.lock:
            docs = _docs(self._reader_db.table("views", cache_size=0))
        return {name: str(doc.get("query", "")) for name, doc in sorted(docs.items())}

    def save_view(self, name: str, query: str) -> None:
        self._writable()
        with self.lock:
            _write(self._reader_db, {"views": {name: {"query": query}}})

    def delete_view(self, name: str) -> None:
        self._writable()
        with self.lock:
            _write(self._reader_db, {"views": {name: None}})

    # -- drafts: editor text not yet saved (store/drafts.py) ------------------------

    def save_draft(
        self,
        brief_id: str,
        note_id: str | None,
        text: str,
        *,
        owner: str | None = None,
        base: str | None = None,
    ) -> Draft:
        """Keep editor text as the draft of `owner` (an id from `claim_draft_owner`; a new
        one when None, as for text left behind). Needs no store lock."""
        self._writable()
        draft = Draft(
            brief_id=brief_id,
            note_id=note_id,
            text=text,
            saved_at=self.clock().isoformat(),
            owner=owner or new_owner(),
            base=base,
        )
        self.draft_box.write(draft)
        return draft

    def claim_draft_owner(self) -> str:
        """An owner id for one editor; its drafts count as in use while this store is open."""
        self._writable()
        return self.draft_box.claim()

    def drafts(self) -> list[Draft]:
        """Every draft: those of running editors too."""
        with self.lock:
            docs = list(_docs(self._drafts).values())
        legacy = [
            Draft(
                brief_id=str(d.get("brief_id", "")),
                note_id=d.get("note_id"),
                text=str(d.get("text", "")),
                saved_at=str(d.get("saved_at", "")),
            )
            for d in docs
        ]
        return legacy + self.draft_box.all()

    def orphaned_drafts(self) -> list[Draft]:
        """Drafts no running editor owns: left behind by a crash or a closed terminal."""
        return [d for d in self.drafts() if not d.owner or not self.draft_box.is_alive(d.owner)]

    def delete_draft(self, draft: Draft) -> None:
        self._writable()
        if draft.owner:
            self.draft_box.remove(draft.owner)
            return
        with self.lock:  # a draft of an older store, kept in reader.json by brief
            if draft.brief_id in _docs(self._drafts):
                _write(self._reader_db, {"drafts": {draft.brief_id: None}})

    def changed_elsewhere(self) -> bool:
        """Whether another process wrote to the store since the last call.

        The reader polls this so an import or a note added elsewhere shows up without
        a restart. It costs two stat() calls, and our own writes never count.
        """
        with self.lock:
            briefs = self._briefs_db.storage.take_changed_elsewhere()  # type: ignore[attr-defined]
            reader = self._reader_db.storage.take_changed_elsewhere()  # type: ignore[attr-defined]
        return briefs or reader

    # -- export ------------------------------------------------------------------

    def export_records(self, ids: Iterable[str] | None = None) -> list[dict[str, Any]]:
        """Briefs in the file format plus `notes`, `read` and `starred`, newest first."""
        wanted = [row.id for row in self.rows()] if ids is None else list(ids)
        records = []
        for brief_id in wanted:
            brief = self.brief(brief_id)
            if brief is None:
                raise StoreError(f"no brief with id {brief_id!r}")
            state = self.state(brief_id)
            records.append(
                {
                    **brief.to_dict(),
                    "notes": [n.to_dict() for n in self.notes(brief_id)],
                    "read": state.read,
                    "starred": state.starred,
                }
            )
        return records

    def close(self) -> None:
        self._briefs_db.close()
        self._reader_db.close()


def _prepare_folder(root: Path) -> None:
    if root.exists() and not root.is_dir():
        raise StoreError(f"{root}: is not a folder")
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"{root}: cannot create the store folder: {exc.strerror}") from exc
    if not os.access(root, os.R_OK | os.X_OK):
        raise StoreError(f"{root}: the store folder cannot be read")


def _remove_stale_temporaries(root: Path) -> None:
    """Temporary files a crashed writer left behind; only ever ours (dot-named, .tmp)."""
    for leftover in root.glob(f".*{TEMP_SUFFIX}"):
        leftover.unlink(missing_ok=True)


__all__ = ["META_TABLE", "Store"]
