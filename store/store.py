"""The briefing store: brief content and the reader's own data, kept apart.

Brief content can always be imported again: `briefs.json` (TinyDB) indexes it — what
the list shows and where each brief's full content lies in the append-only content log
(see content_log.py) — with the latest imports' records in `briefs-recent.json` laid over
it (store/index.py). `reader/NN.json` holds notes and read/starred state by brief-id
bucket (store/reader_book.py; a store of format 2 kept them in reader.json and is
migrated at its first write), `reader.json` (TinyDB) saved views and older drafts, and
`corrections/` and `trash.json` the reader's corrections and deletions (see
store/corrections.py): they cannot be recreated, so an import never rewrites them and a
note save rewrites one small file, never `briefs.json`. Every view is of the corrected
brief (the source with the corrections laid over it); a deleted brief is in the trash and
no view shows it.
Every change happens under the store lock and re-reads the file first, so several
processes can share one store.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import threading
import weakref
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from briefs import Brief, Note
from briefs.corrections import apply
from briefs.model import ReaderData
from store import content_log
from store import corrections as book
from store.checked import Checked, IndexIds
from store.compact import CompactIndex
from store.correcting import CorrectingStore
from store.drafts import FOLDER as DRAFTS_FOLDER
from store.drafts import DraftBox, new_owner
from store.errors import DamagedFileError, StoreError
from store.folder import (
    BRIEFS_FILE,
    LOCK_FILE,
    READER_FILE,
    RECENT_FILE,
    has_data,
    lexists,
    remove_stale_temporaries,
    stale_logs,
)
from store.importing import ImportingStore
from store.listing import ListingStore
from store.lock import StoreLock
from store.noting import NotingStore
from store.paths import read_only_error
from store.reader_book import ReaderBook
from store.reader_import import merge_reader_data
from store.records import (
    Draft,
    ImportCounts,
    ReaderImportCounts,
    ReaderState,
    note_from_doc,
)
from store.restore import rebuild_index
from store.shapes import check_index, check_reader
from store.storage import META_TABLE, AtomicJSONStorage, Ledger, unchanged_files_trusted
from store.syncing import SyncingStore
from store.tables import (
    brief_from_payload,
    open_db,
    open_folder,
    span_of,
    write_tables,
)
from store.tables import docs as _docs

Clock = Callable[[], dt.datetime]


def _placed(
    records: Iterable[ReaderData], placed: ImportCounts | None
) -> tuple[list[ReaderData], int]:
    """`records` under the ids their briefs were given, and how many had to be left out."""
    out, unplaced = [], 0
    for data in records:
        target = data.brief_id if placed is None else placed.placed_as(data.brief_id)
        if target is None:
            unplaced += 1
        elif target == data.brief_id:
            out.append(data)
        else:
            notes = tuple(dataclasses.replace(n, brief_id=target) for n in data.notes)
            out.append(dataclasses.replace(data, brief_id=target, notes=notes))
    return out, unplaced


def local_now() -> dt.datetime:
    return dt.datetime.now().astimezone().replace(microsecond=0)


class Store(ListingStore, ImportingStore, CorrectingStore, SyncingStore, NotingStore):
    """Open a store folder, creating and seeding it when new (or empty); one we may read
    but not write opens read-only (`read_only`), and then every write raises StoreError.
    A folder that is not a store is refused (store/folder.py), and a store missing a
    file it had is damaged, never new again (DamagedFileError)."""

    def __init__(
        self,
        root: Path,
        *,
        clock: Clock = local_now,
        seed: bool = True,
        init: bool = False,
        defer_checks: bool = False,
    ) -> None:
        """`defer_checks` (the reader, to draw sooner): a file still the one whose checked
        digest cache/checked.json lists is taken on trust at open, unhashed, and hashed by
        `finish_checks`, which runs before any write (damage is named before one, as
        ever) and which the reader calls once it has drawn."""
        self.root = root
        self.clock = clock
        self._ids: IndexIds | None = None  # the index's ids, as cache/index-ids.txt has them
        self.seeded = 0  # sample briefs this open put in a new store (the reader says so)
        self._compact_index: CompactIndex | None = None  # the index, compact (store/compact.py)
        # Read-only: everything can be read, and every write says so before it starts.
        # `init`: make a store of a folder that holds other files (`briefing --init`).
        self.read_only = open_folder(root, init=init)
        self.lock = StoreLock(root / LOCK_FILE, shared=self.read_only)
        self.draft_box = DraftBox(root / DRAFTS_FOLDER)
        with self.lock:
            if not self.read_only:
                remove_stale_temporaries(root)
            ledger = Ledger(root)  # the files this store has written: missing is damage
            self._briefs_db = open_db(root / BRIEFS_FILE, check_index, ledger)
            self._recent_db = open_db(root / RECENT_FILE, check_index, ledger)
            self._reader_db = open_db(root / READER_FILE, check_reader, ledger)
            self._briefs = self._briefs_db.table("briefs", cache_size=0)
            self._drafts = self._reader_db.table("drafts", cache_size=0)
            self._book = book.CorrectionBook(root, ledger)
            self._reader = ReaderBook(root, self._reader_db.storage, ledger)  # type: ignore[arg-type]
            # Read every file now so a damaged one is reported before any write; those
            # whose bytes passed the checks before are parsed only when used (and, at a
            # deferred open, hashed only by finish_checks, which comes before any write).
            self._checked = Checked(root)
            self._deferred = True  # until finish_checks is done
            if defer_checks:
                for storage in self._storages():
                    storage.defer_to = self._checked.seen(storage.path)
                    storage.gate = self.finish_checks
            for storage in self._storages(reader_buckets=False):
                storage.verify(self._checked.trusted(storage.path))
            buckets = self._reader.open(self._checked.trusted)
            new = not lexists(self.briefs_path)
            if new and has_data(root) and self._first_import_cut_short(ledger):
                rebuild_index(root, f"{self.clock():%Y%m%d-%H%M%S}")
                new = False
            if new and has_data(root):
                raise DamagedFileError(
                    self.briefs_path,
                    "is missing, but the store holds data: "
                    "`briefing check --repair` rebuilds it from the content log",
                )
            self._ledger, self._buckets_found = ledger, buckets
            if new:  # nothing to take on trust: the seed writes at once
                self.finish_checks()
                if seed and not self.read_only:
                    from briefs.samples import load_samples  # only for a new store

                    self.seeded = self.import_briefs(load_samples()).added
                    self._record_checks()  # what the seed wrote, for the next open
            elif not defer_checks:
                self.finish_checks()

    @property
    def checks_pending(self) -> bool:
        """Whether a deferred open has files still to check (`finish_checks`)."""
        return self._deferred

    def finish_checks(self) -> None:
        """Check every file a deferred open took on trust (damage raises DamagedFileError,
        again at every call and so before every write), then do what an open does once
        the files are known sound: list them in the ledger, remove content logs left by a
        compaction, record the checks for the next open. A no-op once done."""
        with self.lock:
            if not self._deferred:
                return
            storages = self._storages()
            for storage in storages:
                storage.confirm()
            self._deferred = False
            for storage in storages:
                storage.gate = None
            if self.read_only:
                return
            index = [self.briefs_path, self.recent_path]
            more = [self.reader_path, *self._book.paths(), *self._buckets_found]
            self._ledger.catch_up([*index, *more])
            self._buckets_found = []
            if lexists(self.briefs_path) and self._log_name() is not None:
                for stale in stale_logs(self.root, self._log_name()):
                    stale.unlink(missing_ok=True)
            self._record_checks()

    def _storages(self, *, reader_buckets: bool = True) -> list[AtomicJSONStorage]:
        out = [self._briefs_db.storage, self._recent_db.storage, self._reader_db.storage]
        out += self._book.storages()
        return out + self._reader.storages() if reader_buckets else out  # type: ignore[list-item]

    def _first_import_cut_short(self, ledger: Ledger) -> bool:
        """Content logs and nothing else, and an index never written: the store's first
        import (the samples, at its first start) was cut short. Its index is made from
        the content, as `check --repair` would; there is nothing else to lose or tell."""
        return not (self.read_only or has_data(self.root, logs=False)) and not ledger.knows(
            self.briefs_path
        )

    def _writable(self) -> None:
        self._not_read_only()
        if self._deferred:
            self.finish_checks()

    def _not_read_only(self) -> None:
        # Drafts need only this: they live in drafts/, touch no checked file and take no
        # store lock, so editor text is kept even while the checks wait or find damage.
        if self.read_only:
            raise read_only_error(self.root)

    @property
    def reader_path(self) -> Path:
        return self.root / READER_FILE

    # -- brief content (corrected) ------------------------------------------------

    def brief(self, brief_id: str) -> Brief | None:
        """The whole brief as corrected; None when unknown or in the trash.

        The reader asks at every next brief: outside the store lock, the files are taken
        as this process last saw them (storage.unchanged_files_trusted: the reader's poll
        looks for other processes' writes) and the content log is read through a
        descriptor kept open, so a brief costs no stat() call while nothing changes."""
        quick = self.lock._owner != threading.get_ident()  # not inside a locked write
        source = self._quick_source(brief_id) if quick else self.source_brief(brief_id)
        with self.lock.reading(), unchanged_files_trusted(quick):
            doc = self._book.doc(brief_id)
        return None if source is None else apply(source, book.corrections_of(doc))

    def _quick_source(self, brief_id: str) -> Brief | None:
        try:
            with unchanged_files_trusted():
                return self._source_brief(brief_id, quick=True)
        except StoreError:  # a file changed under the trust (a compaction elsewhere)
            return self.source_brief(brief_id)  # looked at afresh, under the lock if need be

    def source_brief(self, brief_id: str) -> Brief | None:
        """The brief as its source gave it (no corrections), read from the content log.
        Read without waiting on other processes; should one compact the log between the
        index and the log being read, the read is made again under the lock."""
        try:
            return self._source_brief(brief_id)
        except StoreError:
            with self.lock:
                return self._source_brief(brief_id)

    def _source_brief(self, brief_id: str, *, quick: bool = False) -> Brief | None:
        with self.lock.reading():
            record = self._record(brief_id)
            if record is None or brief_id in self._book.trash():
                return None
            log = self._log_path()
            span = span_of(log, brief_id, record)
            if quick:
                payload = self._read_held_log(log, span)
            else:
                payload = content_log.read(log, span[1], span[2], span[3])
        return brief_from_payload(log, brief_id, payload)

    # The content log open for `brief` (path, descriptor, size seen, what closes it, also
    # when the store is let go of unclosed): its bytes never change, and a compaction
    # that removes it leaves the descriptor readable.
    _held_log: tuple[Path, int, int, Callable[[], object]] | None = None

    def _read_held_log(self, log: Path, span: tuple[str, int, int, str]) -> bytes:
        """One payload through the held descriptor (under `reading`), checked against its
        digest; its size is asked again only for a span past the size seen (an import
        since), and a log of another name (a compaction) is opened in its place."""
        _, offset, length, expected = span
        held = self._held_log
        if held is None or held[0] != log:
            self._close_held_log()
            fd = content_log.open_log(log)
            held = (log, fd, os.fstat(fd).st_size, weakref.finalize(self, os.close, fd))
        elif offset + length > held[2]:
            held = (log, held[1], os.fstat(held[1]).st_size, held[3])
        self._held_log = held
        payload = os.pread(held[1], length, offset) if offset + length <= held[2] else b""
        if len(payload) != length or content_log.digest(payload) != expected:
            raise DamagedFileError(log, f"content at byte {offset} is damaged")
        return payload

    def _close_held_log(self) -> None:
        held, self._held_log = self._held_log, None
        if held is not None:
            held[3]()  # closes the descriptor, once

    def all_briefs(self) -> list[Brief]:
        """Every readable brief, newest first; reads the whole log, so call it from a worker."""
        return [brief for _, brief in self.read_briefs() if brief is not None]

    def read_briefs(self, ids: Iterable[str] | None = None) -> Iterator[tuple[str, Brief | None]]:
        """(id, corrected brief) for `ids` (default: every brief, newest first; never one in
        the trash), one at a time; the brief is None when its content cannot be read
        (`briefing check` names and repairs it).

        The one path that reads every brief. One at a time, so reading them all never holds
        all of them, nor the lock (which note saves wait on) for the whole read; the
        corrections are taken once, as they were when the read began.
        """
        with self.lock:
            held = self._compact()
            if held is None:
                index = self._index()
                record, empty = index.get, not index
            else:
                laid, base = self._recent_docs(), held.record
                record, empty = (lambda i: laid.get(i) or base(i)), not (len(held) or laid)
            if empty:
                return
            trash, corrected = self._book.trash(), self._book.all()
            wanted = self.row_ids() if ids is None else list(ids)
            log = self._log_path()
            found = ((i, record(i)) for i in wanted if i not in trash)
            spans = [span_of(log, i, r) for i, r in found if r is not None]
            fd = content_log.open_log(log)
        try:
            for brief_id, payload in content_log.read_many(log, spans, fd):
                try:
                    if payload is None:
                        raise DamagedFileError(log, f"content of {brief_id} is damaged")
                    source = brief_from_payload(log, brief_id, payload)
                except DamagedFileError:
                    yield brief_id, None
                    continue
                doc = corrected.get(brief_id)
                yield brief_id, apply(source, book.corrections_of(doc)) if doc else source
        finally:
            os.close(fd)

    # -- reader data -------------------------------------------------------------

    def _known(self, brief_id: str) -> None:
        """Refuse a write about a brief that is not there (or is in the trash)."""
        self._known_all([brief_id])

    def _known_all(self, brief_ids: Iterable[str]) -> None:
        index, trash = self._index_ids(), self._book.trash()
        for brief_id in brief_ids:
            if brief_id not in index:
                raise StoreError(f"no brief with id {brief_id!r}")
            if brief_id in trash:
                raise StoreError(f"brief {brief_id} is in the trash (deleted elsewhere?)")

    def import_reader_data(
        self, records: Iterable[ReaderData], *, placed: ImportCounts | None = None
    ) -> ReaderImportCounts:
        """Restore the notes, read and starred an export carries, in one atomic write per
        file of reader/ touched. Notes merge by id and text and never replace one
        (store/reader_import.py); a flag is set, never cleared.

        `placed`: what importing the same records' briefs did. Reader data follows a brief
        the import gave another id (ImportCounts.renamed), and is left out (`unplaced`)
        where the import used its id for two briefs, so no note lands on another story."""
        self._writable()
        incoming, unplaced = _placed(records, placed)
        with self.lock:
            notes, states, counts = merge_reader_data(
                self._reader.all_notes(), self._reader.all_states(), incoming, self._new_note_id
            )
            # Corrections first: a crash before the notes are in leaves an import that,
            # run again, adds just what is missing.
            corrections, restored, present = self._merge_corrections(incoming)
            if corrections:
                self._book.write(corrections=corrections)
            if notes or states:  # every note new here (merge_reader_data): fresh
                self._reader.write(notes, states, fresh=True)
        return dataclasses.replace(
            counts, corrections_restored=restored, corrections_present=present, unplaced=unplaced
        )

    def _merge_corrections(
        self, incoming: list[ReaderData]
    ) -> tuple[dict[str, dict[str, Any] | None], int, int]:
        at, out, present = self.clock().isoformat(), {}, 0
        for data in incoming:
            if data.corrections is None:
                continue
            held = out.get(data.brief_id) or self._book.doc(data.brief_id)
            where = self._book.path_of(data.brief_id)
            merged = book.merge_imported(held, data.corrections, at, where)
            if merged is None:
                present += 1
            else:
                out[data.brief_id] = merged
        return out, len(out), present

    # -- search and saved views -------------------------------------------------

    def views(self) -> dict[str, str]:
        """Saved queries by name."""
        with self.lock.reading():
            docs = _docs(self._reader_db.table("views", cache_size=0))
        return {name: str(doc.get("query", "")) for name, doc in sorted(docs.items())}

    def save_view(self, name: str, query: str) -> None:
        self._writable()
        with self.lock:
            self._reader.migrate()
            write_tables(self._reader_db, {"views": {name: {"query": query}}})

    def delete_view(self, name: str) -> None:
        self._writable()
        with self.lock:
            self._reader.migrate()
            write_tables(self._reader_db, {"views": {name: None}})

    # -- drafts: editor text not yet saved (store/drafts.py) ------------------------

    def save_draft(
        self,
        brief_id: str,
        note_id: str | None,
        text: str,
        *,
        owner: str | None = None,
        base: str | None = None,
        target: str = "",
    ) -> Draft:
        """Keep editor text as the draft of `owner` (an id from `claim_draft_owner`; a new
        one when None, as for text left behind); `target` names a correction form's part.
        Needs no store lock."""
        self._not_read_only()
        draft = Draft(
            brief_id=brief_id,
            note_id=note_id,
            text=text,
            saved_at=self.clock().isoformat(),
            owner=owner or new_owner(),
            base=base,
            target=target,
        )
        self.draft_box.write(draft)
        return draft

    def claim_draft_owner(self) -> str:
        """An owner id for one editor; its drafts count as in use while this store is open."""
        self._not_read_only()
        return self.draft_box.claim()

    def drafts(self) -> list[Draft]:
        """Every draft: those of running editors too."""
        with self.lock.reading():
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
        self._not_read_only()
        if draft.owner:
            self.draft_box.remove(draft.owner)
            return
        self._writable()
        with self.lock:  # a draft of an older store, kept in reader.json by brief
            if draft.brief_id in _docs(self._drafts):
                self._reader.migrate()
                write_tables(self._reader_db, {"drafts": {draft.brief_id: None}})

    def changed_elsewhere(self) -> bool:
        """Whether another process wrote to the store since the last call.

        The reader polls this so an import or a note added elsewhere shows up without
        a restart. It costs a stat() call per file (275), and our own writes never count.
        """
        with self.lock.reading():
            storages = self._storages()
            # Ask every file, so each forgets the change it reports.
            changed = [s.take_changed_elsewhere() for s in storages]  # type: ignore[attr-defined]
        return any(changed)

    # -- export ------------------------------------------------------------------

    def export_records(self, ids: Iterable[str] | None = None) -> list[dict[str, Any]]:
        """Corrected briefs in the file format plus `notes`, `read` and `starred`, newest
        first; a corrected one also carries `corrections` (store.corrections.export_form:
        the source brief, the corrections and their history), which importing restores.
        Notes and states are read once for all of them, not once per brief."""
        wanted = self.row_ids() if ids is None else list(ids)
        with self.lock:
            notes: dict[str, list[Note]] = {}
            for doc in self._reader.all_notes().values():
                notes.setdefault(doc["brief_id"], []).append(note_from_doc(doc))
            states, corrected = self.states(), self._book.all()
        records = []
        for brief_id in wanted:
            source = self.source_brief(brief_id)
            if source is None:
                raise StoreError(f"no brief with id {brief_id!r}")
            doc = corrected.get(brief_id, {})
            state = states.get(brief_id, ReaderState())
            own = sorted(notes.get(brief_id, ()), key=lambda n: (n.created, n.id), reverse=True)
            record = {
                **apply(source, book.corrections_of(doc)).to_dict(),
                "notes": [n.to_dict() for n in own],
                "read": state.read,
                "starred": state.starred,
            }
            carried = book.export_form(doc, source)
            if carried is not None:
                record["corrections"] = carried
            records.append(record)
        return records

    def close(self) -> None:
        with self.lock.reading():
            self._close_held_log()
        self._briefs_db.close()
        self._recent_db.close()
        self._reader_db.close()


__all__ = ["BRIEFS_FILE", "LOCK_FILE", "META_TABLE", "READER_FILE", "Store"]
