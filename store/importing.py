"""Importing brief content: ids that cannot collide, the append and the index write, and
compaction of the content log. Mixed into Store (kept apart from store.py for size).

An import takes its records one file at a time, under the store lock: each brief's
content is appended to the log as it comes (buffered), and its index record kept; a file
that turns out bad while it is read has its appends cut off again and counts for nothing.
Once every file is read the log is fsynced and one write of the index makes it all
visible, so a crash at any point before leaves the store as it was (with at worst dead
bytes at the end of the log, which the next compaction drops).
"""

from __future__ import annotations

import dataclasses
import itertools
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from operator import itemgetter
from typing import TYPE_CHECKING, Any

import orjson

from briefs import Brief, BriefFileError
from briefs.ids import is_derived, with_suffix
from briefs.model import ReaderData
from store import content_log
from store.errors import StoreError
from store.folder import lexists
from store.index import RECENT_FORMAT, IndexedStore
from store.records import ImportCounts
from store.tables import docs as _docs
from store.tables import index_record, span_of

if TYPE_CHECKING:
    from store.corrections import CorrectionBook
    from store.lock import StoreLock
    from store.reader_book import ReaderBook

MAX_SUFFIX = 1000  # more stories than this under one day and headline start: refuse

Record = tuple[Brief, ReaderData | None]
# The whole headline, source and URL: two briefs under one derived id with the same are
# the same story (the summary may differ — that is an update), else two stories.
Story = tuple[Any, Any, Any]


def _story(brief: Brief) -> Story:
    return brief.title, brief.source, brief.url


def _indexed_story(brief: Brief, record: Mapping[str, Any]) -> Story:
    # An index written before urls were kept: trust it.
    return record.get("title"), record.get("source"), record.get("url", brief.url)


def _payload(brief: Brief) -> bytes:
    """`brief.to_dict()` as JSON, byte for byte (its sha is the index's), without the
    dicts: orjson writes the actors and tariffs (dataclasses, fields in to_dict's order)
    and the tuples itself."""
    b = brief
    content = {
        "id": b.id,
        "title": b.title,
        "date": b.date,
        "source": b.source,
        "authors": b.authors,
        "dateline": b.dateline,
        "url": b.url,
        "summary": b.summary,
        "actors": b.actors,
        "tariffs": b.tariffs,
        "tags": b.tags,
        "body": b.body,
    }
    try:
        return orjson.dumps(content)
    except orjson.JSONEncodeError as exc:  # e.g. a lone surrogate in a string
        raise StoreError(f"brief {brief.id}: cannot be stored: {exc}") from exc


@dataclass(slots=True)
class FileImport:
    """What importing files did: the counts, the reader data the files taken carried
    (for `import_reader_data`, next), and one entry (`path: reason` lines) per file left
    out."""

    counts: ImportCounts
    reader: list[ReaderData] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


class _Current:
    """The index as an import asks it, one id at a time: the recent file's records, then
    briefs.json's, which is parsed only when it holds an id asked (its ids are known from
    cache/index-ids.txt): an import of new briefs does not parse 27 MiB."""

    def __init__(self, store: ImportingStore) -> None:
        self.recent = store._recent_docs()
        self.ids = None if store._briefs_db.storage.parsed else store._base_ids()
        self._store = store
        self._base: Mapping[str, dict[str, Any]] | None = None

    def get(self, key: str, default: Any = None) -> Any:
        found = self.recent.get(key)
        if found is not None:
            return found
        if self._base is None:
            if self.ids is not None and key not in self.ids:
                return default
            self._base = _docs(self._store._briefs)
        return self._base.get(key, default)

    def __contains__(self, key: str) -> bool:
        return self.get(key) is not None


class _Part:
    """What one file (or one list of briefs) adds to an import: merged into the import
    only once the file has been read whole, so a bad file leaves nothing behind."""

    def __init__(self) -> None:
        self.stories: dict[str, Story] = {}  # id → the story it now stands for
        self.records: dict[str, dict[str, Any] | None] = {}  # None: as the index has it
        self.renamed: list[tuple[str, str]] = []
        self.duplicates: dict[str, None] = {}
        self.kept: set[str] = set()
        self.reader: list[ReaderData] = []
        self.skipped = 0


class _Import:
    """One import under the store lock (see the module's docstring)."""

    def __init__(self, store: ImportingStore, *, undelete: bool) -> None:
        self.store, self.undelete = store, undelete
        self.current = _Current(store)
        self.trash = store._book.trash()
        self.log_name = store._log_name() or content_log.log_name(1)
        self.appender: content_log.Appender | None = None
        self.done = _Part()  # the parts taken so far, merged

    def _story_at(self, part: _Part, brief: Brief, brief_id: str) -> Story | None:
        held = part.stories.get(brief_id) or self.done.stories.get(brief_id)
        if held is not None:
            return held
        record = self.current.get(brief_id)
        return None if record is None else _indexed_story(brief, record)

    def _place(self, part: _Part, brief: Brief) -> Brief:
        """`brief`, or a copy under the first suffixed id that is free or holds this same
        story, when its derived id belongs to another story. A given id is the brief's
        identity and is kept as it is. Dict lookups only: no scan of the index."""
        if not is_derived(brief.id, brief.date, brief.title):
            return brief
        story = _story(brief)
        for n in itertools.count(1):
            candidate = brief.id if n == 1 else with_suffix(brief.id, n)
            other = self._story_at(part, brief, candidate)
            if other is None or other == story:
                return brief if n == 1 else dataclasses.replace(brief, id=candidate)
            if n >= MAX_SUFFIX:
                break
        raise StoreError(f"brief {brief.id}: too many other stories share this id")

    def _take(self, part: _Part, brief: Brief, reader: ReaderData | None) -> None:
        placed = self._place(part, brief)
        if placed is not brief:
            part.renamed.append((brief.id, placed.id))
        else:
            part.kept.add(brief.id)
        brief_id = placed.id
        if reader is not None:  # kept for a brief left in the trash too, as it always was
            part.reader.append(reader)
        if brief_id in self.trash and not self.undelete:
            part.skipped += 1
            return
        if brief_id in part.stories or brief_id in self.done.stories:
            part.duplicates[brief_id] = None
        part.stories[brief_id] = _story(placed)
        payload = _payload(placed)
        sha = content_log.digest(payload)
        if self.current.get(brief_id, {}).get("sha") == sha:
            part.records[brief_id] = None  # the last one given is kept: this one
            return
        if self.appender is None:
            log = content_log.log_path(self.store.root, self.log_name, self.store.briefs_path)
            self.appender = content_log.Appender(log)
        part.records[brief_id] = index_record(placed, self.appender.add(payload), sha)

    def take(self, records: Iterable[Record]) -> None:
        """Take every record of one file. A BriefFileError raised while they are read
        cuts the file's content from the log again and passes on: nothing of it stays."""
        part = _Part()
        start = None if self.appender is None else self.appender.offset
        try:
            for brief, reader in records:
                self._take(part, brief, reader)
        except BriefFileError:
            if self.appender is not None:
                self.appender.undo_to(self.appender.start if start is None else start)
            raise
        done = self.done
        done.stories.update(part.stories)
        done.records.update(part.records)
        done.renamed += part.renamed
        done.duplicates.update(part.duplicates)
        done.kept |= part.kept
        done.reader += part.reader
        done.skipped += part.skipped

    def finish(self) -> ImportCounts:
        """fsync the content, then make it visible in one write of the index."""
        store, done = self.store, self.done
        changed = {k: v for k, v in done.records.items() if v is not None}
        # Counted first: the index's documents are the storage's own, which a write updates.
        added = sum(1 for k in changed if k not in self.current)
        if changed or not store.briefs_path.exists():
            if self.appender is not None:
                self.appender.finish()
            store._write_index(changed, self.log_name)
            store._compact_if_worth_it()
        elif self.appender is not None:
            self.appender.abort()  # all it took was cut off again: close it
        # Out of the trash only once the content is in: a crash before leaves it deleted.
        back = [k for k in done.stories if k in self.trash]
        if back:
            store._book.write(trash=dict.fromkeys(back))
        times = Counter(old for old, _ in done.renamed)
        return ImportCounts(
            added=added,
            updated=len(changed) - added,
            unchanged=len(done.stories) - len(changed),
            skipped_deleted=done.skipped,
            undeleted=len(back),
            renamed=tuple(done.renamed),
            duplicates=tuple(done.duplicates),
            # Ids both kept and renamed, or renamed twice (see ImportCounts.ambiguous).
            ambiguous=tuple(old for old, n in times.items() if old in done.kept or n > 1),
        )

    def abort(self) -> None:
        if self.appender is not None:
            self.appender.abort()


class ImportingStore(IndexedStore):
    """Provided by Store: the lock, the folder and the corrections book."""

    lock: StoreLock
    _book: CorrectionBook
    _reader: ReaderBook

    def _writable(self) -> None:
        raise NotImplementedError

    def migrate(self) -> bool:
        """Bring a store of an older format to the current one now, as its first write
        would: reader.json's notes and states into reader/ (format 2), and `briefs.json`
        rewritten whole and marked of format 4 (format 3), so that later imports write
        only `briefs-recent.json`. Whether anything was written; a store already current
        is left as it is."""
        self._writable()
        with self.lock:
            changed = self._reader.migrate()
            log = self._log_name()
            if lexists(self.briefs_path) and log and self._base_version() < RECENT_FORMAT:
                self._fold(self._recent_docs(), log)
                changed = True
            if changed:
                self._record_checks()
        return changed

    def import_briefs(self, briefs: Iterable[Brief], *, undelete: bool = False) -> ImportCounts:
        """Add or replace briefs by id. Reader data is untouched: corrections stay laid
        over the new content (and say where the source changed since). A brief in the trash
        stays there, its content as it was, unless `undelete`.

        An id derived from date and headline that already belongs to another story (another
        headline, source or URL) gets a suffix (`-2`, `-3`, …) instead of replacing it; the
        counts say which (`renamed`), and which ids came more than once (`duplicates`: the
        last one is kept).

        New content is appended to the log and fsynced first; then one write of the
        index makes it visible. A crash in between leaves the store as it was.
        """
        return self.import_files([((brief, None) for brief in briefs)], undelete=undelete).counts

    def import_files(
        self, files: Iterable[Iterable[Record]], *, undelete: bool = False
    ) -> FileImport:
        """`import_briefs` for the records of many files (briefs.files.stream_files), with
        one fsync and one index write for them all. Each file's records are taken one at
        a time (a large export is read only then, record by record, so memory stays near
        one record plus the index). A file whose records raise BriefFileError is left out
        whole and named in `failures`. Returns the reader data of the files taken, for
        `import_reader_data`. Holds the store lock throughout: other processes read
        meanwhile, and their writes wait; so files of ordinary size are best read first.
        """
        self._writable()
        failures: list[str] = []
        with self.lock:
            run = _Import(self, undelete=undelete)
            try:
                for records in files:
                    try:
                        run.take(records)
                    except BriefFileError as exc:
                        failures.append(str(exc))
                counts = run.finish()
            except BaseException:
                run.abort()
                raise
            self._record_checks()  # the index just written: the next open trusts it
        return FileImport(counts, run.done.reader, failures)

    def _compact_if_worth_it(self) -> None:
        """Rewrite the log without dead versions once they outweigh the live ones."""
        log = self._log_path()
        count, live = self._base_size()  # known without parsing briefs.json, mostly
        recent = self._recent_docs()  # counted on top: a replaced record counts twice
        live += count + sum(map(itemgetter("len"), recent.values())) + len(recent)
        if not content_log.worth_compacting(log, live):
            return
        index = self._index()
        ids = list(index)
        spans = [span_of(log, i, index[i]) for i in ids]
        payloads = [payload for _, payload in content_log.read_many(log, spans)]
        if any(payload is None for payload in payloads):
            return  # never drop damaged content silently: `briefing check` reports it
        name = content_log.log_name(content_log.generation_of(log.name) + 1)
        new_spans = content_log.write_new(self.root / name, payloads)  # type: ignore[arg-type]
        records = {
            i: {**index[i], "at": span[0], "len": span[1]}
            for i, span in zip(ids, new_spans, strict=True)
        }
        self._fold(records, name)  # every record, pointing into the new log
        log.unlink(missing_ok=True)
