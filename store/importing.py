"""Importing brief content: ids that cannot collide, the append and the index write, and
compaction of the content log. Mixed into Store (kept apart from store.py for size)."""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from briefs import Brief
from briefs.ids import is_derived, with_suffix
from store import content_log
from store.errors import StoreError
from store.records import ImportCounts
from store.storage import META_TABLE
from store.tables import docs as _docs
from store.tables import index_record, span_of, write_tables

if TYPE_CHECKING:
    from tinydb import TinyDB
    from tinydb.table import Table

    from store.corrections import CorrectionBook
    from store.lock import StoreLock

MAX_SUFFIX = 1000  # more stories than this under one day and headline start: refuse


def _same_story(brief: Brief, other: Brief | Mapping[str, Any]) -> bool:
    """Whether `other` (an incoming brief, or an index record) tells the same story: the
    same whole headline, source and URL. The summary may differ — that is an update."""
    if isinstance(other, Brief):
        return (other.title, other.source, other.url) == (brief.title, brief.source, brief.url)
    url = other.get("url", brief.url)  # an index written before urls were kept: trust it
    return (other.get("title"), other.get("source"), url) == (
        brief.title,
        brief.source,
        brief.url,
    )


def _ambiguous(renamed: list[tuple[str, str]], kept: set[str]) -> tuple[str, ...]:
    """Ids that stand for more than one brief of this import (see ImportCounts)."""
    sources = [old for old, _ in renamed]
    return tuple(dict.fromkeys(old for old in sources if old in kept or sources.count(old) > 1))


def _payload(brief: Brief) -> bytes:
    try:
        return orjson.dumps(brief.to_dict())
    except orjson.JSONEncodeError as exc:  # e.g. a lone surrogate in a string
        raise StoreError(f"brief {brief.id}: cannot be stored: {exc}") from exc


class ImportingStore:
    """Provided by Store: the lock, the folder, the index and the corrections book."""

    root: Path
    lock: StoreLock
    _book: CorrectionBook
    _briefs: Table
    _briefs_db: TinyDB

    def _writable(self) -> None:
        raise NotImplementedError

    def _log_name(self) -> str | None:
        raise NotImplementedError

    def _log_path(self) -> Path:
        raise NotImplementedError

    @property
    def briefs_path(self) -> Path:
        raise NotImplementedError

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
        self._writable()
        given = [(brief, _payload(brief)) for brief in briefs]  # outside the lock: slow
        with self.lock:
            current = _docs(self._briefs)
            trash = self._book.trash()
            incoming: dict[str, tuple[Brief, bytes]] = {}
            renamed: list[tuple[str, str]] = []
            duplicates: list[str] = []
            skipped = 0
            kept_as_given: set[str] = set()
            for brief, payload in given:
                placed = self._place(brief, current, incoming)
                if placed is not brief:
                    renamed.append((brief.id, placed.id))
                    brief, payload = placed, _payload(placed)
                else:
                    kept_as_given.add(brief.id)
                if brief.id in trash and not undelete:
                    skipped += 1
                    continue
                if brief.id in incoming and brief.id not in duplicates:
                    duplicates.append(brief.id)
                incoming[brief.id] = (brief, payload)
            digests = {k: content_log.digest(payload) for k, (_, payload) in incoming.items()}
            changed = [k for k in incoming if current.get(k, {}).get("sha") != digests[k]]
            added = sum(1 for k in incoming if k not in current)
            if changed or not self.briefs_path.exists():
                name = self._log_name() or content_log.log_name(1)
                log = content_log.log_path(self.root, name, self.briefs_path)
                spans = content_log.append(log, (incoming[k][1] for k in changed))
                records = {
                    k: index_record(incoming[k][0], span, digests[k])
                    for k, span in zip(changed, spans, strict=True)
                }
                write_tables(
                    self._briefs_db,
                    {"briefs": records, META_TABLE: {"content": {"log": name}}},
                )
                self._compact_if_worth_it()
            # Out of the trash only once the content is in: a crash before leaves it deleted.
            back = [k for k in incoming if k in self._book.trash()]
            if back:
                self._book.write(trash=dict.fromkeys(back))
        return ImportCounts(
            added=added,
            updated=len(changed) - added,
            unchanged=len(incoming) - len(changed),
            skipped_deleted=skipped,
            undeleted=len(back),
            renamed=tuple(renamed),
            duplicates=tuple(duplicates),
            ambiguous=_ambiguous(renamed, kept_as_given),
        )

    def _place(
        self,
        brief: Brief,
        current: Mapping[str, Mapping[str, Any]],
        incoming: Mapping[str, tuple[Brief, bytes]],
    ) -> Brief:
        """`brief`, or a copy under the first suffixed id that is free or holds this same
        story, when its derived id belongs to another story. A given id is the brief's
        identity and is kept as it is."""
        if not is_derived(brief.id, brief.date, brief.title):
            return brief
        for n in itertools.count(1):
            candidate = brief.id if n == 1 else with_suffix(brief.id, n)
            held = incoming.get(candidate)
            other = held[0] if held is not None else current.get(candidate)
            if other is None or _same_story(brief, other):
                return brief if n == 1 else dataclasses.replace(brief, id=candidate)
            if n >= MAX_SUFFIX:
                break
        raise StoreError(f"brief {brief.id}: too many other stories share this id")

    def _compact_if_worth_it(self) -> None:
        """Rewrite the log without dead versions once they outweigh the live ones."""
        index = _docs(self._briefs)
        log = self._log_path()
        live = sum(record["len"] + 1 for record in index.values())
        if not content_log.worth_compacting(log, live):
            return
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
        write_tables(self._briefs_db, {"briefs": records, META_TABLE: {"content": {"log": name}}})
        log.unlink(missing_ok=True)
